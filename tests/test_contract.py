"""The article table as a contract: repeatable runs, incremental runs, overlapping runs, compaction."""
from __future__ import annotations

import shutil
import threading

import pyarrow.compute as pc

from conftest import DATA

from newsclean.pipeline import store
from newsclean.pipeline import tables
from newsclean.pipeline.run import run


def _copy(files, dst):
    dst.mkdir(exist_ok=True)
    for f in files:
        shutil.copy(f, dst / f.name)


def _table(out):
    t = tables.read_articles(out).drop_columns(["run_id", "processed_at"])
    return t.sort_by("article_id").to_pylist()


def test_same_inputs_three_times_same_table_and_ten_new_files_only_those(tmp_path):
    pages = sorted((DATA / "gate" / "dev").glob("*.txt"))
    src = tmp_path / "in"
    _copy(pages[:8], src)
    out = tmp_path / "out"
    first = run([str(src)], str(out), doc_timeout=None)
    t1 = _table(out)
    for _ in range(2):
        again = run([str(src)], str(out), doc_timeout=None)
        assert again["counts"]["skipped"] == again["counts"]["read"] == first["counts"]["read"]
        assert _table(out) == t1
    _copy(pages[8:18], src)  # ten new files
    more = run([str(src)], str(out), doc_timeout=None)
    assert len(more["processed_inputs"]) == 10
    assert set(more["processed_inputs"]) == {str(src / p.name) for p in pages[8:18]}
    assert more["counts"]["skipped"] == first["counts"]["read"]
    assert tables.read_articles(out).num_rows == len({r["article_id"] for r in tables.read_articles(out).to_pylist()}) == 18


def test_changed_file_is_processed_again_and_replaces_its_row(tmp_path):
    src = tmp_path / "in"
    _copy(sorted((DATA / "seeds").glob("*.txt")), src)
    out = tmp_path / "out"
    run([str(src)], str(out), doc_timeout=None)
    f = src / "000_2bfcacd1b97652a8.txt"
    f.write_text(f.read_text().replace("Washington also pledged", "Washington also firmly pledged"))
    rep = run([str(src)], str(out), doc_timeout=None)
    assert rep["processed_inputs"] == [str(f)]
    rows = tables.read_articles(out).to_pylist()
    assert len(rows) == 2
    assert any("firmly pledged" in r["text"] for r in rows)


def test_overlapping_runs_do_not_corrupt_the_table(tmp_path):
    pages = sorted((DATA / "gate" / "dev").glob("*.txt"))
    a, b = tmp_path / "a", tmp_path / "b"
    _copy(pages[:6], a)
    _copy(pages[4:12], b)  # two files in both
    out = tmp_path / "out"
    reports, errors = [], []

    def go(src):
        try:
            reports.append(run([str(src)], str(out), doc_timeout=None))
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=go, args=(s,)) for s in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(reports) == 2
    rows = tables.read_articles(out).to_pylist()
    assert len(rows) == len({r["article_id"] for r in rows}) == 12  # the lock serialised the two publishes


def test_compaction_keeps_what_readers_see(tmp_path):
    pages = sorted((DATA / "gate" / "dev").glob("*.txt"))
    out = tmp_path / "out"
    for i in range(4):  # four runs: several small files per partition
        src = tmp_path / f"in{i}"
        _copy(pages[i * 4:(i + 1) * 4], src)
        run([str(src)], str(out), doc_timeout=None)
    before = _table(out)
    files_before = len(list((out / "articles").rglob("*.parquet")))
    res = store.compact(out)
    assert res["files_after"] < files_before == res["files_before"]
    assert _table(out) == before
    assert pc.count_distinct(tables.read_articles(out).column("article_id")).as_py() == 16


def test_delta_output_is_exactly_once_and_readable(tmp_path):
    import polars as pl
    from deltalake import DeltaTable

    src = tmp_path / "in"
    _copy(sorted((DATA / "seeds").glob("*.txt")), src)
    out = tmp_path / "out"
    run([str(src)], str(out), doc_timeout=None, table_format="delta")
    run([str(src)], str(out), doc_timeout=None, table_format="delta", reprocess=True)
    t = DeltaTable(str(out / "delta" / "articles")).to_pyarrow_table()
    assert t.num_rows == 2 and len(set(t.column("article_id").to_pylist())) == 2
    assert len(DeltaTable(str(out / "delta" / "articles")).history()) >= 2  # one commit per run
    assert pl.scan_delta(str(out / "delta" / "articles")).select(pl.len()).collect().item() == 2
