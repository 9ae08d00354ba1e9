"""The `clean-articles` flow: Prefect tasks for discovery and batches (retried on transient I/O
errors only), the run logic of `pipeline.run`, and the report as Prefect artifacts. How
`newsclean run` runs it (configured server, embedded API or no Prefect) is `flows.runtime`."""
from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path

import pydantic_core
from prefect import Flow, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import as_completed
from prefect.logging import get_run_logger
from prefect.runtime import task_run
from prefect.task_runners import ThreadPoolTaskRunner

from newsclean.flows.runtime import RETRIES, RETRY_DELAYS, clean, discover_each
from newsclean.pipeline.batch import process_batch
from newsclean.pipeline.options import DOC_TIMEOUT, LANG_BACKEND, MAX_DOC_BYTES
from newsclean.pipeline.transient import is_transient
from newsclean.pipeline.readers import discover
from newsclean.pipeline.remote import is_remote
from newsclean.pipeline.run import BATCH_BYTES

# Set by flows.runtime to drive the CLI's progress bar; called in this process as batches finish.
PROGRESS_HOOK = None


def _on_batch(res: dict) -> None:
    """The flow reaches PROGRESS_HOOK only through this function: Dask pickles the flow's function
    by value (its module name holds the Flow object) with the globals it names, and the CLI's hook
    holds a rich progress bar with an RLock, which cannot be pickled."""
    if PROGRESS_HOOK is not None:
        PROGRESS_HOOK(res)


def _transient_only(task, task_run_, state) -> bool:
    """Retry only transient I/O errors (connection, time-out, 5xx); bugs and bad input do not retry."""
    try:
        state.result()
    except Exception as e:
        return is_transient(e)
    return False


@task(name="discover-inputs", retries=RETRIES, retry_delay_seconds=RETRY_DELAYS, retry_condition_fn=_transient_only,
      persist_result=False, cache_policy=NO_CACHE)
def discover_inputs(spec: str) -> list[str]:
    return discover([spec])


@task(name="clean-batch", retries=RETRIES, retry_delay_seconds=RETRY_DELAYS, retry_condition_fn=_transient_only,
      persist_result=False, cache_policy=NO_CACHE)
def clean_batch(job: dict) -> dict:
    last_attempt = (task_run.run_count or 1) > RETRIES
    return process_batch(**job, raise_transient=not last_attempt)


@contextmanager
def _forward_logs():
    """newsclean's stdlib logs (pipeline/, logger "newsclean", from INFO) into the run's logs, as
    PREFECT_LOGGING_EXTRA_LOGGERS=newsclean does, also where a deployment's environment lacks it;
    only during the run, so that plain `pipeline.run` calls later in the process stay quiet."""
    lg = logging.getLogger("newsclean")
    added = [h for h in logging.getLogger("prefect.extra").handlers if h not in lg.handlers]  # Prefect's API handler
    level = lg.level
    for h in added:
        lg.addHandler(h)
    if level == logging.NOTSET:
        lg.setLevel(logging.INFO)
    try:
        yield
    finally:
        for h in added:
            lg.removeHandler(h)
        lg.setLevel(level)


def _discover(inputs: list[str]) -> list[str]:
    """Remote specs are listed in retried tasks; local ones need no retries, nor a task run each."""
    return discover_each(inputs, lambda spec: discover_inputs(spec) if is_remote(spec) else discover([spec]),
                         get_run_logger().warning)


def _map_batches(jobs: list[dict]):
    """A lone batch on the default runner runs in the flow's thread (the main thread when the flow
    is called from a CLI or a worker: the per-document time limit works in-process and no worker
    process is started, which for a few files costs more than the cleaning); several are
    submitted to the task runner (threads handing them to the worker-process pool, or Dask)."""
    ctx = FlowRunContext.get()
    if len(jobs) == 1 and ctx is not None and isinstance(ctx.task_runner, ThreadPoolTaskRunner):
        yield clean_batch(jobs[0])
        return
    for fut in as_completed([clean_batch.submit(job) for job in jobs]):
        yield fut.result()


def _html_link(r: dict) -> str:
    """The run's visual report (one self-contained HTML file beside its JSON)."""
    if r.get("report_html") is None:
        return f"- visual report: not written ({r.get('report_html_error', 'unknown error')})"
    if r.get("remote"):
        url = f"{r['remote']['out'].rstrip('/')}/runs/{r['run_id']}.html"
        return f"- visual report: `{url}`"
    path = Path(r["report_html"])
    return f"- visual report: [{path.name}]({path.as_uri()}) (`{path}`)"


def report_markdown(r: dict) -> str:
    c = r["counts"]
    lines = [f"# newsclean run {r['run_id']}", "",
             f"- output: `{r['out']}`", f"- inputs: {r['inputs']} files ({len(r['skipped_inputs'])} unchanged, skipped)",
             f"- records read {c['read']} = written {c['written']} + rejected {c['rejected']} + skipped {c['skipped']}",
             f"- duplicates marked: {c['duplicates_marked']}",
             f"- unfinished inputs (internal_error / timeout; taken again by the next run): "
             f"{len(r['unfinished_inputs'])}; taken again from earlier runs: {len(r['retried_inputs'])}",
             f"- duration {r['timings']['total_s']:.1f} s, {r['throughput_docs_per_s']:.1f} records/s",
             _html_link(r), ""]
    for title, key in (("Articles by site", "by_site"), ("Articles by language", "by_language"),
                       ("Rejects by reason", "rejected_by_reason"), ("Removed lines by reason", "removed_lines_by_reason")):
        items = sorted(r[key].items(), key=lambda kv: -kv[1])[:25]
        lines += [f"## {title}", "", "| | count |", "|---|---|"] + [f"| {k} | {v} |" for k, v in items] + [""]
    return "\n".join(lines)


class JsonParamsFlow(Flow):
    """A Flow whose parameters are recorded without FastAPI: Prefect's own serialize_parameters
    imports FastAPI and Starlette for `jsonable_encoder` (~0.16 CPU-s in each `newsclean run`,
    whose whole budget is 3), though this flow's parameters are JSON values already."""

    def serialize_parameters(self, parameters: dict) -> dict:
        return {k: pydantic_core.to_jsonable_python(v, fallback=lambda o: f"<{type(o).__name__}>")
                for k, v in parameters.items()}


def json_params_flow(**options):
    """`@prefect.flow(**options)`, making a JsonParamsFlow."""
    return lambda fn: JsonParamsFlow(fn, **options)


@json_params_flow(name="clean-articles", log_prints=False)
def clean_articles(inputs: list[str], out: str, reprocess: bool = False, lang_backend: str = LANG_BACKEND,
                   doc_timeout: float | None = DOC_TIMEOUT, max_doc_bytes: int = MAX_DOC_BYTES,
                   batch_bytes: int = BATCH_BYTES, sites: dict | None = None, drop_duplicates: bool = False,
                   table_format: str = "parquet") -> dict:
    """Clean every article of `inputs` into the Parquet tables under `out`. Bad parameters fail the
    run (ConfigError) before any input is read or the output touched."""
    ctx = FlowRunContext.get()  # None when called as clean_articles.fn(...)
    with _forward_logs():
        report = clean(inputs, out, reprocess=reprocess, lang_backend=lang_backend, doc_timeout=doc_timeout,
                       max_doc_bytes=max_doc_bytes, batch_bytes=batch_bytes, sites=sites, drop_duplicates=drop_duplicates,
                       table_format=table_format, discover_fn=_discover, map_batches=_map_batches, on_batch=_on_batch,
                       task_runner=type(ctx.task_runner).__name__ if ctx else None)
    create_markdown_artifact(report_markdown(report), key="newsclean-run-report",
                             description=f"newsclean run {report['run_id']}")
    create_table_artifact([{"metric": k, "value": v} for k, v in report["counts"].items()]
                          + [{"metric": f"rejected:{k}", "value": v} for k, v in report["rejected_by_reason"].items()]
                          + [{"metric": f"language:{k}", "value": v} for k, v in report["by_language"].items()],
                          key="newsclean-run-counts")
    return report
