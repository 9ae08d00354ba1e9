"""One run of newsclean over some inputs, as plain Python: discover, batch, process, check the
accounting, publish atomically, update the ledger, report.

The Prefect flow (`flows/clean_articles.py`) calls `run` with its own `discover` and `map_batches`
(Prefect tasks with retries, on the chosen task runner); tests and tools call it directly.
"""
from __future__ import annotations

import logging
import os
import time
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from typing import Callable, Iterable, Iterator

from newsclean import schemas
from . import store
from .batch import BatchStats, process_batch, shutdown_pool
from .options import DOC_TIMEOUT, Options
from .readers import Limits, discover

BATCH_BYTES = 50_000_000  # input bytes per batch: hundreds to thousands of articles
BATCH_FILES = 500
log = logging.getLogger("newsclean")


class AccountingError(RuntimeError):
    """Records read != written + rejected + skipped: something was lost. The run fails loudly."""


def make_batches(uris: list[str], batch_bytes: int = BATCH_BYTES, batch_files: int = BATCH_FILES) -> list[list[str]]:
    """Group input files into batches by size, so each batch carries hundreds of articles."""
    import fsspec

    batches, cur, size = [], [], 0
    for u in uris:
        try:
            fs, path = fsspec.core.url_to_fs(u)
            s = fs.size(path) or 0
        except Exception:  # sizes only shape the batches; a failed lookup is not an error here
            s = 0
        if cur and (size + s > batch_bytes or len(cur) >= batch_files):
            batches.append(cur)
            cur, size = [], 0
        cur.append(u)
        size += s
    if cur:
        batches.append(cur)
    return batches


def local_map(jobs: list[dict]) -> Iterator[dict]:
    """Run batches one after another in this process (the flow maps them on Prefect tasks)."""
    for job in jobs:
        yield process_batch(**job)


def versions() -> dict[str, str]:
    out = {}
    for pkg in ("newsclean", "trafilatura", "langdetect", "pyarrow", "prefect", "dateparser", "htmldate", "lxml"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def run(inputs: list[str], out: str, *, opts: Options = Options(), limits: Limits = Limits(), reprocess: bool = False,
        doc_timeout: float | None = DOC_TIMEOUT, batch_bytes: int = BATCH_BYTES, drop_duplicates: bool = False,
        table_format: str = "parquet", discover_fn: Callable[[list[str]], list[str]] = discover,
        map_batches: Callable[[list[dict]], Iterable[dict]] = local_map,
        on_batch: Callable[[dict], None] | None = None) -> dict:
    """Clean `inputs` into the tables under `out` (a folder, or an object-store URL: see
    pipeline.remote); returns the run report (also written to out/runs/<run_id>.json).

    Long: the run's steps in order under one writer lock (discover, batches, checks, publish, report);
    read top to bottom it is the run."""
    from . import remote

    if remote.is_remote(out):
        mirror = remote.mirror_dir(out)
        mirror.mkdir(parents=True, exist_ok=True)
        with store.writer_lock(mirror):
            remote.pull(out, mirror)
        report = run(inputs, str(mirror), opts=opts, limits=limits, reprocess=reprocess, doc_timeout=doc_timeout,
                     batch_bytes=batch_bytes, drop_duplicates=drop_duplicates, table_format=table_format,
                     discover_fn=discover_fn,
                     map_batches=map_batches, on_batch=on_batch)
        with store.writer_lock(mirror):
            report["remote"] = {"out": out, **remote.push(out, mirror, report["run_id"])}
        return report
    t0 = time.perf_counter()
    out = os.path.abspath(out)
    run_id = store.new_run_id()
    with store.writer_lock(out):
        leftovers = store.clean_leftovers(out)
        if leftovers:
            log.warning("removed staging of interrupted runs: %s", leftovers)
        uris = discover_fn(inputs)
        ledger = store.load_ledger(out)
        batches = make_batches(uris, batch_bytes)
        jobs = [dict(uris=b, out=out, run_id=run_id, part=f"{i:05d}", opts=opts, limits=limits,
                     ledger={u: ledger[u] for u in b if u in ledger}, reprocess=reprocess, doc_timeout=doc_timeout)
                for i, b in enumerate(batches)]
        parts = []
        try:
            for res in map_batches(jobs):
                parts.append(res)
                if on_batch is not None:
                    on_batch(res)
        finally:
            shutdown_pool()  # worker processes do not outlive the run
        stats = BatchStats.merge(parts)
        t_process = time.perf_counter() - t0
        rejected = sum(stats.rejected.values())
        if stats.read != stats.written + rejected + stats.skipped:
            raise AccountingError(f"read {stats.read} != written {stats.written} + rejected {rejected} + skipped {stats.skipped}")
        processed = set(stats.inputs)
        files = store.publish(out, run_id, processed, drop_duplicates=drop_duplicates)
        if files["duplicates_dropped"]:  # dropped duplicates are rejects now, still counted
            stats.written -= files["duplicates_dropped"]
            stats.rejected["duplicate"] += files["duplicates_dropped"]
            rejected += files["duplicates_dropped"]
        if table_format == "delta":
            files["delta_rows_merged"] = store.merge_into_delta(out, run_id)
        elif table_format != "parquet":
            raise ValueError(f"unknown table format {table_format!r}: parquet or delta")
        for u, v in stats.inputs.items():
            ledger[u] = v
        store.save_ledger(out, ledger, run_id, {u: run_id for u in processed})
    total = time.perf_counter() - t0
    report = {
        "run_id": run_id, "out": out, "finished_at": datetime.now(timezone.utc).isoformat(),
        "inputs": len(uris), "batches": len(batches), "worker_pids": sorted(set(stats.pids)),
        "processed_inputs": sorted(processed),
        "skipped_inputs": stats.skipped_inputs,
        "counts": {"read": stats.read, "written": stats.written, "rejected": rejected, "skipped": stats.skipped,
                   "duplicates_marked": files["duplicates"]},
        "accounting_ok": True,
        "rejected_by_reason": dict(stats.rejected), "removed_lines_by_reason": dict(stats.removed_lines),
        "by_site": dict(stats.by_site), "by_language": dict(stats.by_language),
        "timings": {"process_s": round(t_process, 3), "total_s": round(total, 3), "task_cpu_s": round(stats.seconds, 3)},
        "throughput_docs_per_s": round((stats.read - stats.skipped) / total, 2) if total else 0.0,
        "schema_version": schemas.CURRENT_VERSION, "versions": versions(), "files": files,
        "options": {"reprocess": reprocess, "lang_backend": opts.lang_backend, "doc_timeout": doc_timeout,
                    "drop_duplicates": drop_duplicates, "table_format": table_format},
    }
    store.write_report(out, report)
    return report
