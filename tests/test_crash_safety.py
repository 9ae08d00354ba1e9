"""Kill the writer (SIGKILL) at many points of a run: readers see the previous state or the new
one, never part of a run; the next run completes and every article appears exactly once."""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time

import duckdb

from conftest import DATA, ROOT

from newsclean.pipeline import store


def _inputs(tmp):
    src = tmp / "in"
    src.mkdir()
    files = []
    for i, f in enumerate(sorted((DATA / "gate" / "dev").glob("*.txt"))[:16]):
        dst = src / f"{i:02d}.txt"
        shutil.copy(f, dst)
        files.append(str(dst))
    return files


def _visible(out):
    if not (out / "articles").exists():
        return []
    # As the README says for readers that run while runs publish: resolve the articles link once. A
    # glob through the link walks each partition folder separately, so a swap in the middle of the
    # walk gives one snapshot's files for some partitions and the next one's for others (seen here
    # as "partial state: 3 sources", about one run in eight of this test).
    snap = os.path.realpath(out / "articles")
    con = duckdb.connect()  # one connection per call: the reader thread and the test read at once
    rows = con.sql(f"select article_id, source_uri from read_parquet('{snap}/**/*.parquet', "
                      "hive_partitioning=true, union_by_name=true)").fetchall()
    return rows


def _writer(out, files):
    return subprocess.Popen([sys.executable, str(ROOT / "tests" / "kill_writer.py"), str(out), *files],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_sigkill_at_many_points(tmp_path):
    files = _inputs(tmp_path)
    out = tmp_path / "out"
    rng = random.Random(7)
    allowed = {0}
    states_seen = set()
    stop = threading.Event()
    errors = []

    def reader():  # a downstream job reading while the writer runs and dies
        while not stop.is_set():
            try:
                rows = _visible(out)
            except duckdb.Error as e:  # a snapshot removed while listing it is not a partial run
                if "No files found" not in str(e) and "No such file" not in str(e):
                    errors.append(repr(e))
                continue
            srcs = {s for _, s in rows}
            if len(rows) != len({a for a, _ in rows}):
                errors.append(f"duplicate article ids: {len(rows)} rows")
            if srcs != set(files[: len(srcs)]) or len(srcs) not in allowed:
                errors.append(f"partial state: {len(srcs)} sources")
            states_seen.add(len(srcs))
            time.sleep(0.01)

    t = threading.Thread(target=reader)
    t.start()
    try:
        for k in range(1, 9):
            subset = files[: 2 * k]
            allowed.add(len(subset))
            p = _writer(out, subset)
            if k % 3:  # kill most runs somewhere between start-up and the end of publishing
                time.sleep(rng.uniform(0.8, 3.5))
                p.send_signal(signal.SIGKILL)
            p.wait(timeout=120)
            rows = _visible(out)
            assert len(rows) == len({a for a, _ in rows})
    finally:
        stop.set()
        t.join()
    assert errors == []
    # the next run completes: every article exactly once, leftovers of killed runs gone
    p = _writer(out, files)
    assert p.wait(timeout=120) == 0, p.stderr.read().decode()[-2000:]
    rows = _visible(out)
    assert sorted(s for _, s in rows) == sorted(files)
    assert len({a for a, _ in rows}) == len(files)
    assert not any((out / "_staging").iterdir())
    assert len(states_seen) >= 2  # the reader really saw the table change
