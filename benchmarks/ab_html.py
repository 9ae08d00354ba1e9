"""The HTML path's cost, one source tree against another, in lockstep.

    python benchmarks/ab_html.py OLD_SRC [--set dev] [--rounds 3] [--turn 10]

OLD_SRC is a checkout of the other commit (e.g. `git archive <commit> | tar -x -C /tmp/nc-old`).
Two processes, one per tree, pinned to one core, take turns every `--turn` pages (as
throughput.py's lockstep does: this VM's speed drifts within minutes, and both sides must see the
same machine). Each runs `process_article` over every HTML page of the set twice and counts the CPU
time of its second pass (warm caches, as in a long run). Prints ms a page per tree and the speed
ratio new/old per round, and the median ratio.
"""
from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _child(src: str, set_dir: str, turn: int, mine, theirs, result) -> None:
    sys.path.insert(0, src)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from newsclean.pipeline.decode import decode
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article
    import newsclean.pipeline.process as P

    assert P.__file__.startswith(src), P.__file__
    pages = []
    for j in sorted(Path(set_dir).glob("*.json")):
        g = json.loads(j.read_text())
        h = next((p for p in (j.with_suffix(".html"), j.with_name(j.stem + ".html.gz")) if p.exists()), None)
        if h is None or not isinstance(g, dict) or "id" not in g:
            continue
        raw = gzip.open(h).read() if h.suffix == ".gz" else h.read_bytes()
        pages.append((g.get("url"), decode(raw, is_html=True)[0]))
    spent = 0.0
    for rnd in range(2):
        for i in range(0, len(pages), turn):
            mine.acquire()
            t = time.process_time()
            for url, html in pages[i:i + turn]:
                process_article(Article(url or "x", "html", raw=html, url=url))
            if rnd == 1:
                spent += time.process_time() - t
            theirs.release()
    result.put((src, 1000 * spent / len(pages)))


def lockstep(old: str, new: str, set_dir: str, turn: int, old_first: bool) -> dict[str, float]:
    ctx = mp.get_context("spawn")
    a, b, result = ctx.Semaphore(1), ctx.Semaphore(0), ctx.Queue()
    first, second = (old, new) if old_first else (new, old)
    procs = [ctx.Process(target=_child, args=(first, set_dir, turn, a, b, result)),
             ctx.Process(target=_child, args=(second, set_dir, turn, b, a, result))]
    for p in procs:
        p.start()
    out = dict(result.get() for _ in procs)
    for p in procs:
        p.join()
    return {"old": out[old], "new": out[new]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("--set", default="dev")
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--turn", type=int, default=10)
    args = ap.parse_args()
    set_dir = str(Path(args.eval) / args.set)
    ratios = []
    for r in range(args.rounds):
        ms = lockstep(str(Path(args.old).resolve()), str(ROOT), set_dir, args.turn, old_first=r % 2 == 0)
        ratios.append(ms["old"] / ms["new"])
        print(f"round {r}: old {ms['old']:.2f} ms/page, new {ms['new']:.2f} ms/page, new speed / old {ratios[-1]:.3f}",
              flush=True)
    print(f"median new/old speed ratio on {args.set}: {statistics.median(ratios):.3f}")


if __name__ == "__main__":
    main()
