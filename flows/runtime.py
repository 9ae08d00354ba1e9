"""How `newsclean run` runs `clean-articles`, decided before Prefect is imported.

- A Prefect server is configured (PREFECT_API_URL from any of Prefect's settings sources: the
  environment, ./.env, ./prefect.toml, ./pyproject.toml or the active profile under the user's
  own PREFECT_HOME): the flow runs against it and shows up there with its artifacts and logs.
- None configured: the flow's logic runs without Prefect's API (same batches, retries, report),
  because Prefect's embedded API costs ~10 s and 12-20 CPU-s to start, many times the cleaning
  of a few files. `embedded=True`, or a task runner that needs Prefect (Dask), runs the flow on
  the embedded API instead, with its database under OUT/.prefect.

This module never imports Prefect itself: the no-server path must not pay for it.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Callable, Iterable, Iterator

from newsclean.pipeline.options import DOC_TIMEOUT, LANG_BACKEND, MAX_DOC_BYTES

RETRIES = 3
RETRY_DELAYS = [1, 2, 4]
log = logging.getLogger("newsclean")


def _mentions_api_url(cwd: Path) -> bool:
    """Cheap screen: does any Prefect settings source mention an API URL? (Importing Prefect to
    ask it costs ~1.3 CPU-s; the exact answer comes from Prefect only when this says yes.)"""
    if os.environ.get("PREFECT_API_URL"):
        return True
    home = Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()
    profiles = Path(os.environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml").expanduser()
    for f, needle in ((profiles, "PREFECT_API_URL"), (cwd / ".env", "PREFECT_API_URL"),
                      (cwd / "prefect.toml", "url"), (cwd / "pyproject.toml", "tool.prefect")):
        try:
            if needle in f.read_text(errors="replace"):
                return True
        except OSError:
            pass
    return False


def configured_api_url() -> str | None:
    """The API URL of the Prefect server the user configured, or None."""
    if not _mentions_api_url(Path.cwd()):
        return None
    from prefect.settings import get_current_settings

    return get_current_settings().api.url or None


def embedded_home(out: str) -> Path:
    """OUT/.prefect (for an object-store OUT, the .prefect of its local mirror)."""
    from newsclean.pipeline import remote

    base = remote.mirror_dir(out) if remote.is_remote(out) else Path(out)
    return (base / ".prefect").resolve()


def _use_embedded_api(out: str) -> Path:
    """Settings for Prefect's embedded API, set before Prefect is imported: its SQLite database
    under OUT/.prefect (the user's PREFECT_HOME and profile stay as they are), analytics off and a
    start-up timeout long enough for a cold start on a small machine (12-20 s measured here)."""
    home = embedded_home(out)
    home.mkdir(parents=True, exist_ok=True)
    os.environ["PREFECT_SERVER_DATABASE_CONNECTION_URL"] = f"sqlite+aiosqlite:///{home / 'prefect.db'}"
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")
    return home


class _NoPandas:
    """A meta-path finder for which pandas does not exist."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "pandas":
            raise ModuleNotFoundError("hidden from pyarrow's first look", name="pandas")


def _pyarrow_without_pandas() -> None:
    """pyarrow imports pandas, when installed, on its first array built from a Python list
    (~0.3 CPU-s, a tenth of a small run's budget) though a run never hands it pandas objects: its
    one look for pandas in this process finds none. pandas stays importable afterwards, and
    pyarrow's explicit conversions (to_pandas) import it when called."""
    if "pandas" in sys.modules:
        return
    sys.meta_path.insert(0, _NoPandas)
    try:
        import pyarrow as pa

        pa.array([0])
    finally:
        sys.meta_path.remove(_NoPandas)


def run_clean_articles(params: dict, *, embedded: bool = False, task_runner: Callable[[], object] | None = None,
                       on_batch: Callable[[dict], None] | None = None, say: Callable[[str], None] = print) -> dict:
    """Run clean-articles with `params` (the flow's parameters) the way the environment asks for
    (see the module docstring); returns the run report. `task_runner` builds a Prefect task
    runner (Dask); `say` gets one line on where the run is recorded."""
    if task_runner is None:
        _pyarrow_without_pandas()
    api = configured_api_url()
    if api is None and not embedded and task_runner is None:
        say(f"No Prefect server configured (PREFECT_API_URL or a profile): running without Prefect; "
            f"--embedded-prefect records the run in an embedded Prefect API under {embedded_home(params['out'])}")
        return clean(**params, discover_fn=discover_each, map_batches=plain_map, on_batch=on_batch,
                     task_runner="local (no Prefect)")
    if api is None:
        say(f"No Prefect server configured: the run goes to Prefect's embedded API in {_use_embedded_api(params['out'])}")
    import newsclean.flows.clean_articles as ca

    flow_fn = ca.clean_articles if task_runner is None else ca.clean_articles.with_options(task_runner=task_runner())
    ca.PROGRESS_HOOK = on_batch
    try:
        return flow_fn(**params)
    finally:
        ca.PROGRESS_HOOK = None


def clean(inputs: list[str], out: str, reprocess: bool = False, lang_backend: str = LANG_BACKEND,
          doc_timeout: float | None = DOC_TIMEOUT, max_doc_bytes: int = MAX_DOC_BYTES, batch_bytes: int | None = None,
          sites: dict | None = None, drop_duplicates: bool = False, table_format: str = "parquet", *,
          discover_fn: Callable[[list[str]], list[str]], map_batches: Callable[[list[dict]], Iterable[dict]],
          on_batch: Callable[[dict], None] | None = None, task_runner: str | None = None) -> dict:
    """The flow's logic: its parameters checked (ConfigError before any input is read or the
    output touched: a deployment called with a typo fails early), then `pipeline.run.run` with the
    given discovery and batch map."""
    from newsclean.pipeline.process import Options
    from newsclean.pipeline.readers import Limits
    from newsclean.pipeline.run import BATCH_BYTES, check_parameters, run, site_configs

    batch_bytes = batch_bytes or BATCH_BYTES
    check_parameters(dict(reprocess=reprocess, lang_backend=lang_backend, doc_timeout=doc_timeout,
                          max_doc_bytes=max_doc_bytes, batch_bytes=batch_bytes, sites=sites,
                          drop_duplicates=drop_duplicates, table_format=table_format))
    opts = Options(lang_backend=lang_backend, sites=site_configs(sites))
    return run(inputs, out, opts=opts, limits=Limits(max_doc_bytes=max_doc_bytes), reprocess=reprocess,
               doc_timeout=doc_timeout, batch_bytes=batch_bytes, drop_duplicates=drop_duplicates,
               table_format=table_format, discover_fn=discover_fn, map_batches=map_batches, on_batch=on_batch,
               task_runner=task_runner)


def discover_each(inputs: list[str], discover_one: Callable[[str], list[str]] | None = None,
                  warn: Callable[..., None] | None = None) -> list[str]:
    """Each input spec discovered on its own (`discover_one`: a retried Prefect task, or by
    default `pipeline.readers.discover` retried here); a spec still unreachable after the retries
    is passed on as a file, so that reading it puts it in rejects instead of failing the run."""
    from newsclean.pipeline.transient import is_transient
    from newsclean.pipeline.readers import discover

    discover_one = discover_one or (lambda spec: _retrying(lambda last: discover([spec]), f"listing {spec}"))
    uris: list[str] = []
    for spec in inputs:
        try:
            uris += [u for u in discover_one(spec) if u not in uris]
        except Exception as e:
            if not is_transient(e):
                raise  # a path that does not exist is the caller's mistake: fail loudly
            (warn or log.warning)("%s unreachable after retries (%s): it goes to rejects", spec, e)
            uris.append(spec)
    return uris


def _retrying(call: Callable[[bool], object], what: str):
    """Prefect's retry policy of the flow's tasks without Prefect: transient I/O errors only,
    RETRY_DELAYS apart; `call(last_attempt)`."""
    from newsclean.pipeline.transient import is_transient

    for attempt in range(RETRIES + 1):
        try:
            return call(attempt == RETRIES)
        except Exception as e:
            if attempt == RETRIES or not is_transient(e):
                raise
            log.warning("%s: %s; retrying in %s s", what, e, RETRY_DELAYS[attempt])
            time.sleep(RETRY_DELAYS[attempt])


def _batch(job: dict) -> dict:
    from newsclean.pipeline.batch import process_batch

    return _retrying(lambda last: process_batch(**job, raise_transient=not last), f"batch {job['part']}")


def plain_map(jobs: list[dict]) -> Iterator[dict]:
    """Batches without Prefect, as the flow runs them: a lone batch in this thread (in the main
    thread the per-document time limit works in-process, and no worker process is started),
    several from threads that hand them to the pool of worker processes (pipeline.batch)."""
    if len(jobs) == 1:
        yield _batch(jobs[0])
        return
    with ThreadPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1)) as ex:
        for fut in as_completed([ex.submit(_batch, job) for job in jobs]):
            yield fut.result()
