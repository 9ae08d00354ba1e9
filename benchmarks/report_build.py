"""How long the HTML run report takes to build (pipeline.report_html), on a synthetic article
table of 1,000,000 rows (written once to a temp folder, the layout newsclean's runs leave:
hive folders language=../published_month=.., zstd, row groups of 10,000) and after
`newsclean compact`; and the reports of a run over the bundled examples and of a real
5,000-document run.

    python benchmarks/report_build.py                 # 1M rows: as written by 50 runs, and compacted
    python benchmarks/report_build.py --rows 200000   # smaller
    python benchmarks/report_build.py --run 5000      # also a real run over 5,000 documents (../shared/eval/dev pages)

Medians of --repeat builds (each builds the whole page: scan, rejects, JSON history, render).
The page cache is warm after the first build; the first (cold) build is reported too.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from newsclean import schemas  # noqa: E402
from newsclean.pipeline import report_html, store  # noqa: E402
from newsclean.pipeline.rules import REASONS  # noqa: E402

LANGS = ["en", "ar", "fr", "de", "es", "und"]
LANG_P = [0.5, 0.25, 0.1, 0.05, 0.05, 0.05]


def _strings(pool: list[str], idx: np.ndarray) -> pa.Array:
    return pa.array(pool, pa.string()).take(pa.array(idx))


def synthetic_run(rng: np.random.Generator, run_id: str, n: int, month0: int, sites: list[str], site_p: np.ndarray,
                  bodies: list[str], removed_pool: list[str]) -> pa.Table:
    """`n` article rows of one run: Zipf-distributed sites, most articles published in the run's
    month or the one before, ~12 removed lines and ~15 paragraphs an article."""
    lang = rng.choice(len(LANGS), n, p=LANG_P)
    off = rng.choice([0, 1, 2, 12, -1], n, p=[0.6, 0.3, 0.04, 0.01, 0.05])  # -1: no date
    m = month0 - np.where(off < 0, 0, off)
    months = np.where(off < 0, "unknown", np.char.add(np.char.add((2020 + m // 12).astype(str), "-"),
                                                      np.char.zfill((m % 12 + 1).astype(str), 2)))
    n_removed = rng.poisson(12, n)
    n_kept = rng.poisson(15, n) + 1
    codes = list(REASONS)
    code_p = np.linspace(3, 0.2, len(codes))
    code_p /= code_p.sum()
    total_removed = int(n_removed.sum())
    removed = pa.ListArray.from_arrays(
        pa.array(np.concatenate([[0], np.cumsum(n_removed)]).astype(np.int32)),
        pa.StructArray.from_arrays([_strings(removed_pool, rng.integers(0, len(removed_pool), total_removed)),
                                    _strings(codes, rng.choice(len(codes), total_removed, p=code_p))], ["text", "reason"]))
    plang = pa.ListArray.from_arrays(pa.array(np.concatenate([[0], np.cumsum(n_kept)]).astype(np.int32)),
                                     _strings(LANGS, np.repeat(lang, n_kept)))
    now = datetime.now(timezone.utc)
    words = rng.lognormal(6.0, 0.8, n).astype(np.int32)
    ids = [f"{run_id}-{i}" for i in range(n)]
    cols = {
        "article_id": pa.array(ids), "run_id": pa.array([run_id] * n), "source_uri": pa.array([f"/data/{i}.html" for i in ids]),
        "input_fingerprint": pa.array(ids), "url": pa.nulls(n, pa.string()),
        "site": _strings(sites, rng.choice(len(sites), n, p=site_p)), "language": _strings(LANGS, lang),
        "language_confidence": pa.array(rng.random(n).astype(np.float32)), "other_language_share": pa.array(np.zeros(n, np.float32)),
        "title": _strings(bodies, rng.integers(0, len(bodies), n)), "text": _strings(bodies, rng.integers(0, len(bodies), n)),
        "word_count": pa.array(words), "removed_lines": removed, "published_month": pa.array(months),
        "extractor": pa.array(["trafilatura"] * n), "schema_version": pa.array(np.full(n, schemas.CURRENT_VERSION, np.int16)),
        "processed_at": pa.array([now] * n, pa.timestamp("us", tz="UTC")), "paragraph_languages": plang,
    }
    schema = schemas.articles_schema()
    return pa.table({f.name: cols[f.name] if f.name in cols else pa.nulls(n, f.type) for f in schema}, schema=schema)


def write_table(out: Path, rows: int, runs: int, seed: int = 1) -> None:
    """The table as `runs` runs publish it: per run, one file per (language, month) partition."""
    rng = np.random.default_rng(seed)
    sites = [f"site{i:03d}.example" for i in range(500)]
    site_p = 1.0 / np.arange(1, len(sites) + 1)
    site_p /= site_p.sum()
    words = "the council approved budget minister said on tuesday reuters city government plan".split()
    bodies = [" ".join(rng.choice(words, 50)) for _ in range(200)]
    removed_pool = [" ".join(rng.choice(words, rng.integers(1, 8))) for _ in range(2000)]
    snap = out / ".snapshots" / "articles" / "synthetic"
    for r in range(runs):
        run_id = f"20260101T{r:06d}-synth"
        t = synthetic_run(rng, run_id, rows // runs, 60 + r * 12 // runs, sites, site_p, bodies, removed_pool)
        store.stage_articles(out, run_id, "00000", t)
        for f in store.staging_dir(out, run_id).rglob("*.parquet"):
            dst = snap / f.relative_to(store.staging_dir(out, run_id) / "articles")
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(f, dst)
        shutil.rmtree(store.staging_dir(out, run_id))
        report = {"run_id": run_id, "finished_at": datetime.now(timezone.utc).isoformat(), "inputs": rows // runs,
                  "skipped_inputs": [], "counts": {"read": rows // runs, "written": rows // runs, "rejected": 0, "skipped": 0,
                                                   "duplicates_marked": 0},
                  "rejected_by_reason": {}, "timings": {"total_s": 100.0}, "throughput_docs_per_s": 200.0}
        store.write_report(out, report)
    os.symlink(os.path.relpath(snap, out), out / "articles")


def time_builds(out: Path, repeat: int) -> dict:
    """Wall and CPU seconds (all threads of this process) of whole builds; the load average beside
    them, since the machine is shared."""
    times, cpu, data = [], [], None
    load0 = os.getloadavg()[0]
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        data = report_html.collect(out)
        html = report_html.render(data)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    files = sum(1 for _ in (out / "articles").resolve().rglob("*.parquet"))
    return {"files": files, "rows": data["table"]["rows"], "cold_s": round(times[0], 3),
            "median_s": round(statistics.median(times[1:] or times), 3), "cpu_median_s": round(statistics.median(cpu[1:] or cpu), 3),
            "runs_s": [round(t, 3) for t in times], "html_bytes": len(html.encode()),
            "load_avg": [round(load0, 1), round(os.getloadavg()[0], 1)]}


def time_duckdb(out: Path, repeat: int = 3) -> dict:
    """The same aggregates in DuckDB (a test dependency), for scale: per (run, site, language,
    month) articles, kept and removed lines and words; removed lines per (run, site, reason)."""
    import duckdb

    src = f"read_parquet('{out}/articles/**/*.parquet', hive_partitioning=true, union_by_name=true)"
    q = [f"select run_id, site, language, published_month, count(*), sum(len(paragraph_languages)), sum(len(removed_lines)), "
         f"sum(word_count) from {src} group by all",
         f"select run_id, site, r.reason, count(*) from (select run_id, site, unnest(removed_lines) as r from {src}) group by all"]
    con = duckdb.connect()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for sql in q:
            con.execute(sql).fetchall()
        times.append(time.perf_counter() - t0)
    return {"median_s": round(statistics.median(times), 3), "runs_s": [round(t, 3) for t in times]}


def real_run(n: int, work: Path, eval_dir: Path) -> dict:
    """A run of newsclean over `n` documents (the eval dev pages repeated with distinct URLs, half
    HTML, half text dumps, as benchmarks/throughput.py builds them), then its report's build time."""
    from newsclean.pipeline.run import run
    from throughput import build

    shutil.rmtree(work, ignore_errors=True)  # a kept folder (--keep) from an earlier call: start afresh
    files = build(eval_dir, work / "html", "html", n // 2) + build(eval_dir, work / "text", "text", n - n // 2)
    out = work / "out"
    t0 = time.perf_counter()
    report = run(files, str(out))
    total = time.perf_counter() - t0
    return {"documents": n, "run_s": round(total, 1), "counts": report["counts"], "html": report.get("report_html"),
            "in_run_s": report["timings"].get("report_html_s"), **time_builds(out, 5)}


def examples_run(work: Path) -> dict:
    """A run over the bundled examples (what `make demo` does), then its report's build time."""
    from newsclean.pipeline.run import run

    shutil.rmtree(work, ignore_errors=True)
    report = run([str(ROOT / "examples")], str(work / "out"), doc_timeout=None)
    return {"counts": report["counts"], "in_run_s": report["timings"].get("report_html_s"), **time_builds(work / "out", 5)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=6)
    ap.add_argument("--run", type=int, default=0, help="also a real run over this many documents")
    ap.add_argument("--keep", type=Path, help="write the table here and keep it")
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsclean-report-bench-"))
    results = {"cpus": os.cpu_count()}
    try:
        out = work / "table"
        if (out / ".snapshots" / "articles" / "synthetic").exists():  # a kept table: back to its as-written snapshot
            (out / "articles").unlink()
            os.symlink(os.path.relpath(out / ".snapshots" / "articles" / "synthetic", out), out / "articles")
        else:
            t0 = time.perf_counter()
            write_table(out, args.rows, args.runs)
            results["write_s"] = round(time.perf_counter() - t0, 1)
        results["as_written"] = time_builds(out, args.repeat)
        results["as_written"]["duckdb"] = time_duckdb(out)
        print(json.dumps(results, indent=1), flush=True)
        store.compact(out)
        results["compacted"] = time_builds(out, args.repeat)
        results["compacted"]["duckdb"] = time_duckdb(out)
        print(json.dumps(results["compacted"], indent=1), flush=True)
        results["examples_run"] = examples_run(work / "examples")
        print(json.dumps(results["examples_run"], indent=1), flush=True)
        if args.run:
            results["real_run"] = real_run(args.run, work / "real", args.eval)
            print(json.dumps(results["real_run"], indent=1), flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
