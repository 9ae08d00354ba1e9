"""The `clean-articles` flow: inputs -> batches -> staged Parquet -> one atomic publish -> report."""
from __future__ import annotations

import os
import time
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.futures import as_completed
from prefect.runtime import task_run

import schemas
from pipeline import store
from pipeline.batch import BatchStats, is_transient, process_batch
from pipeline.process import Options
from pipeline.readers import Limits, discover

BATCH_BYTES = 50_000_000  # input bytes per task: hundreds to thousands of articles
BATCH_FILES = 500
RETRIES = 3

# Set by the CLI to drive its progress bar; tasks in this process call it as batches finish.
PROGRESS_HOOK = None


class AccountingError(RuntimeError):
    """Records read != written + rejected + skipped: something was lost. The run fails loudly."""


def _transient_only(task, task_run_, state) -> bool:
    """Retry only transient I/O errors (connection, time-out, 5xx); bugs and bad input do not retry."""
    try:
        state.result()
    except Exception as e:
        return is_transient(e)
    return False


@task(name="discover-inputs", retries=RETRIES, retry_delay_seconds=[1, 2, 4], retry_condition_fn=_transient_only,
      persist_result=False, cache_policy=NO_CACHE)
def discover_inputs(spec: str) -> list[str]:
    return discover([spec])


@task(name="clean-batch", retries=RETRIES, retry_delay_seconds=[1, 2, 4], retry_condition_fn=_transient_only,
      persist_result=False, cache_policy=NO_CACHE)
def clean_batch(uris: list[str], out: str, run_id: str, part: str, opts: Options, limits: Limits,
                ledger: dict, reprocess: bool, doc_timeout: float | None) -> dict:
    last_attempt = (task_run.run_count or 1) > RETRIES
    return process_batch(uris, out, run_id, part, opts=opts, limits=limits, ledger=ledger, reprocess=reprocess,
                         doc_timeout=doc_timeout, raise_transient=not last_attempt)


def make_batches(uris: list[str], batch_bytes: int = BATCH_BYTES, batch_files: int = BATCH_FILES) -> list[list[str]]:
    """Group input files into tasks by size, so each task carries hundreds of articles."""
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


def _versions() -> dict[str, str]:
    out = {}
    for pkg in ("newsclean", "trafilatura", "langdetect", "pyarrow", "prefect", "dateparser", "htmldate", "lxml"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def report_markdown(r: dict) -> str:
    c = r["counts"]
    lines = [f"# newsclean run {r['run_id']}", "",
             f"- output: `{r['out']}`", f"- inputs: {r['inputs']} files ({len(r['skipped_inputs'])} unchanged, skipped)",
             f"- records read {c['read']} = written {c['written']} + rejected {c['rejected']} + skipped {c['skipped']}",
             f"- duration {r['timings']['total_s']:.1f} s, {r['throughput_docs_per_s']:.1f} records/s", ""]
    for title, key in (("Articles by site", "by_site"), ("Articles by language", "by_language"),
                       ("Rejects by reason", "rejected_by_reason"), ("Removed lines by reason", "removed_lines_by_reason")):
        items = sorted(r[key].items(), key=lambda kv: -kv[1])[:25]
        lines += [f"## {title}", "", "| | count |", "|---|---|"] + [f"| {k} | {v} |" for k, v in items] + [""]
    return "\n".join(lines)


@flow(name="clean-articles", log_prints=False)
def clean_articles(inputs: list[str], out: str, reprocess: bool = False, lang_backend: str = "langdetect",
                   doc_timeout: float | None = 30.0, max_doc_bytes: int = 20_000_000,
                   batch_bytes: int = BATCH_BYTES, sites: dict | None = None, drop_duplicates: bool = False) -> dict:
    """Clean every article of `inputs` into the Parquet tables under `out`."""
    from pipeline.process import SiteConfig

    t0 = time.perf_counter()
    logger = get_run_logger()
    out = os.path.abspath(out) if "://" not in out else out
    run_id = store.new_run_id()
    opts = Options(lang_backend=lang_backend, sites={k: SiteConfig(**v) for k, v in (sites or {}).items()})
    limits = Limits(max_doc_bytes=max_doc_bytes)
    with store.writer_lock(out):
        leftovers = store.clean_leftovers(out)
        if leftovers:
            logger.warning("removed staging of interrupted runs: %s", leftovers)
        uris = []
        for spec in inputs:
            try:
                uris += [u for u in discover_inputs(spec) if u not in uris]
            except Exception as e:
                if not is_transient(e):
                    raise  # a path that does not exist is the caller's mistake: fail loudly
                logger.warning("%s unreachable after retries (%s): it goes to rejects", spec, e)
                uris.append(spec)
        ledger = store.load_ledger(out)
        batches = make_batches(uris, batch_bytes)
        futures = [clean_batch.submit(b, out, run_id, f"{i:05d}", opts, limits,
                                      {u: ledger[u] for u in b if u in ledger}, reprocess, doc_timeout)
                   for i, b in enumerate(batches)]
        parts = []
        for fut in as_completed(futures):
            res = fut.result()
            parts.append(res)
            if PROGRESS_HOOK is not None:
                PROGRESS_HOOK(res)
        stats = BatchStats.merge(parts)
        t_process = time.perf_counter() - t0
        rejected = sum(stats.rejected.values())
        if stats.read != stats.written + rejected + stats.skipped:
            raise AccountingError(f"read {stats.read} != written {stats.written} + rejected {rejected} + skipped {stats.skipped}")
        processed = {u for u in stats.inputs}
        files = store.publish(out, run_id, processed, drop_duplicates=drop_duplicates)
        if files["duplicates_dropped"]:  # dropped duplicates are rejects now, still counted
            stats.written -= files["duplicates_dropped"]
            stats.rejected["duplicate"] += files["duplicates_dropped"]
            rejected += files["duplicates_dropped"]
        for u, v in stats.inputs.items():
            ledger[u] = v
        store.save_ledger(out, ledger, run_id, {u: run_id for u in processed})
    total = time.perf_counter() - t0
    report = {
        "run_id": run_id, "out": out, "finished_at": datetime.now(timezone.utc).isoformat(),
        "inputs": len(uris), "batches": len(batches), "skipped_inputs": stats.skipped_inputs,
        "counts": {"read": stats.read, "written": stats.written, "rejected": rejected, "skipped": stats.skipped,
                   "duplicates_marked": files["duplicates"]},
        "accounting_ok": True,
        "rejected_by_reason": dict(stats.rejected), "removed_lines_by_reason": dict(stats.removed_lines),
        "by_site": dict(stats.by_site), "by_language": dict(stats.by_language),
        "timings": {"process_s": round(t_process, 3), "total_s": round(total, 3), "task_cpu_s": round(stats.seconds, 3)},
        "throughput_docs_per_s": round((stats.read - stats.skipped) / total, 2) if total else 0.0,
        "schema_version": schemas.CURRENT_VERSION, "versions": _versions(), "files": files,
        "options": {"reprocess": reprocess, "lang_backend": lang_backend, "doc_timeout": doc_timeout,
                    "drop_duplicates": drop_duplicates},
    }
    store.write_report(out, report)
    create_markdown_artifact(report_markdown(report), key="newsclean-run-report", description=f"newsclean run {run_id}")
    create_table_artifact([{"metric": k, "value": v} for k, v in report["counts"].items()]
                          + [{"metric": f"rejected:{k}", "value": v} for k, v in report["rejected_by_reason"].items()],
                          key="newsclean-run-counts")
    return report
