"""One run of newsclean over some inputs, as plain Python: check the options, discover, batch,
process, check the accounting, publish atomically, update the ledger, report.

The Prefect flow (`flows/clean_articles.py`) calls `run` with its own `discover` and `map_batches`
(Prefect tasks with retries, on the chosen task runner); tests and tools call it directly.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import time
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from typing import Callable, Iterable, Iterator

from newsclean import schemas
from . import extras, report_html, store
from .batch import BatchStats, process_batch, shutdown_pool
from .langid import BACKENDS
from .options import DOC_TIMEOUT, Options, SiteConfig
from .readers import Limits, discover

BATCH_BYTES = 50_000_000  # input bytes per batch: hundreds to thousands of articles
BATCH_FILES = 500
log = logging.getLogger("newsclean")


class AccountingError(RuntimeError):
    """Records read != written + rejected + skipped: something was lost. The run fails loudly."""


class ConfigError(ValueError):
    """An option or setting the user can fix (a typo, a missing extra). Raised before any input is
    read or anything written: a bad option must not turn every record into a reject and the
    inputs into "done"."""


# The clean-articles flow's parameters besides inputs and out (newsclean.toml's [options]; `sites`
# comes from its [sites."x"] tables) and the types they take.
PARAMETERS = {"reprocess": (bool,), "lang_backend": (str,), "doc_timeout": (int, float, type(None)),
              "max_doc_bytes": (int,), "batch_bytes": (int,), "sites": (dict, type(None)),
              "drop_duplicates": (bool,), "table_format": (str,)}
TABLE_FORMATS = ("parquet", "delta")
DATE_ORDERS = ("DMY", "MDY")


def _choice(name: str, value, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ConfigError(f"{name} {value!r} is not one of: {', '.join(choices)}")
    if value in extras.OPTION_MODULE:
        try:
            extras.check(extras.OPTION_MODULE[value])
        except extras.MissingExtra as e:
            raise ConfigError(str(e)) from None


def check_parameters(params: dict, label: Callable[[str], str] = str) -> None:
    """Check clean-articles parameters (from the CLI, newsclean.toml or a deployment) before any
    work; raises ConfigError naming the first bad one as `label(name)` (the CLI: its flag)."""
    for name, value in params.items():
        types = PARAMETERS.get(name)
        if types is None:
            raise ConfigError(f"unknown option {label(name)!r}; options are: {', '.join(PARAMETERS)}")
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            kinds = " or ".join("null" if t is type(None) else t.__name__ for t in types)
            raise ConfigError(f"{label(name)} must be {kinds}, not {value!r}")
    for name, choices in (("lang_backend", tuple(BACKENDS)), ("table_format", TABLE_FORMATS)):
        if name in params:
            _choice(label(name), params[name], choices)
    for name in ("doc_timeout", "max_doc_bytes", "batch_bytes"):  # doc_timeout 0: no time limit
        v = params.get(name)
        if v is not None and (v < 0 or (v == 0 and name != "doc_timeout")):
            raise ConfigError(f"{label(name)} must be {'>= 0 (0: no limit)' if name == 'doc_timeout' else '> 0'}, not {v!r}")
    site_configs(params.get("sites"))


def site_configs(sites: dict | None) -> dict[str, SiteConfig]:
    """newsclean.toml's [sites."x"] tables (or SiteConfigs) -> checked SiteConfigs: known keys, an
    IANA time zone, a date order."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    fields = [f.name for f in dataclasses.fields(SiteConfig)]
    out = {}
    for site, cfg in (sites or {}).items():
        if isinstance(cfg, dict):
            unknown = sorted(set(cfg) - set(fields))
            if unknown:
                raise ConfigError(f"[sites.{site!r}]: unknown key {unknown[0]!r}; keys are: {', '.join(fields)}")
            cfg = SiteConfig(**cfg)
        elif not isinstance(cfg, SiteConfig):
            raise ConfigError(f"[sites.{site!r}] must be a table of {', '.join(fields)}, not {cfg!r}")
        if cfg.timezone is not None:
            try:
                ZoneInfo(cfg.timezone)
            except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
                raise ConfigError(f"[sites.{site!r}]: unknown time zone {cfg.timezone!r} (an IANA name such as "
                                  f"'Africa/Cairo')") from None
        if cfg.date_order not in DATE_ORDERS:
            raise ConfigError(f"[sites.{site!r}]: date_order {cfg.date_order!r} is not one of: {', '.join(DATE_ORDERS)}")
        if cfg.name is not None and not isinstance(cfg.name, str):
            raise ConfigError(f"[sites.{site!r}]: name must be a string, not {cfg.name!r}")
        out[site] = cfg
    return out


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
        on_batch: Callable[[dict], None] | None = None, task_runner: str | None = None) -> dict:
    """Clean `inputs` into the tables under `out` (a folder, or an object-store URL: see
    pipeline.remote); returns the run report (also written to out/runs/<run_id>.json).
    Bad options raise ConfigError before anything is read or written. `task_runner` only goes
    into the report (the flow's: where the batches ran).

    Long: the run's steps in order under one writer lock (discover, batches, checks, publish, report);
    read top to bottom it is the run."""
    from . import remote

    check_parameters({"lang_backend": opts.lang_backend, "doc_timeout": doc_timeout, "batch_bytes": batch_bytes,
                      "max_doc_bytes": limits.max_doc_bytes, "table_format": table_format, "sites": opts.sites})
    try:
        extras.require_protocols([*inputs, out])  # s3:// without s3fs fails here, before any input is read
    except extras.MissingExtra as e:
        raise ConfigError(str(e)) from None
    if remote.is_remote(out):
        mirror = remote.mirror_dir(out)
        mirror.mkdir(parents=True, exist_ok=True)
        with store.writer_lock(mirror):
            remote.pull(out, mirror)
        report = run(inputs, str(mirror), opts=opts, limits=limits, reprocess=reprocess, doc_timeout=doc_timeout,
                     batch_bytes=batch_bytes, drop_duplicates=drop_duplicates, table_format=table_format,
                     discover_fn=discover_fn, map_batches=map_batches, on_batch=on_batch, task_runner=task_runner)
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
        unfinished = store.load_unfinished(out)
        batches = make_batches(uris, batch_bytes)
        jobs = [dict(uris=b, out=out, run_id=run_id, part=f"{i:05d}", opts=opts, limits=limits,
                     ledger={u: ledger[u] for u in b if u in ledger}, reprocess=reprocess, doc_timeout=doc_timeout)
                for i, b in enumerate(batches)]
        log.info("run %s: %d inputs in %d batches into %s", run_id, len(uris), len(batches), out)
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
        # an input with a record that ended in internal_error or timeout is published but not done:
        # the next run (after an upgrade, or with a longer --doc-timeout) takes it again
        retried = sorted(u for u in processed if u in unfinished)
        for u, v in stats.inputs.items():
            if u in stats.unfinished:
                ledger.pop(u, None)
                unfinished[u] = stats.unfinished[u]
            else:
                ledger[u] = v
                unfinished.pop(u, None)
        store.save_ledger(out, ledger, run_id, {u: run_id for u in processed}, unfinished)
    total = time.perf_counter() - t0
    report = {
        "run_id": run_id, "out": out, "finished_at": datetime.now(timezone.utc).isoformat(),
        "inputs": len(uris), "batches": len(batches), "worker_pids": sorted(set(stats.pids)),
        "processed_inputs": sorted(processed),
        "skipped_inputs": stats.skipped_inputs,
        # processed again because an earlier run left them unfinished; left unfinished by this run
        "retried_inputs": retried, "unfinished_inputs": dict(sorted(stats.unfinished.items())),
        "counts": {"read": stats.read, "written": stats.written, "rejected": rejected, "skipped": stats.skipped,
                   "duplicates_marked": files["duplicates"]},
        "accounting_ok": True,
        "rejected_by_reason": dict(stats.rejected), "removed_lines_by_reason": dict(stats.removed_lines),
        "by_site": dict(stats.by_site), "by_language": dict(stats.by_language),
        "timings": {"process_s": round(t_process, 3), "total_s": round(total, 3), "task_cpu_s": round(stats.seconds, 3)},
        "throughput_docs_per_s": round((stats.read - stats.skipped) / total, 2) if total else 0.0,
        "slowest_documents": [dict(zip(("seconds", "source_uri", "format", "site", "outcome"), x))
                              for x in sorted(stats.slowest, reverse=True)],
        "schema_version": schemas.CURRENT_VERSION, "versions": versions(), "files": files,
        "options": {"reprocess": reprocess, "lang_backend": opts.lang_backend, "doc_timeout": doc_timeout,
                    "drop_duplicates": drop_duplicates, "table_format": table_format, "task_runner": task_runner},
    }
    html = store.report_path(out, run_id).with_suffix(".html")
    try:  # the run is published: a report that cannot be drawn is said in the JSON, not a failed run
        t_html = time.perf_counter()
        report_html.write(out, report, html)
        report["report_html"] = str(html)
        report["timings"]["report_html_s"] = round(time.perf_counter() - t_html, 3)
    except Exception as e:
        log.exception("the HTML report of run %s could not be written", run_id)
        report["report_html_error"] = f"{type(e).__name__}: {e}"
    store.write_report(out, report)
    log.info("run %s: read %d = written %d + rejected %d + skipped %d, in %.1f s", run_id, stats.read, stats.written,
             rejected, stats.skipped, total)
    return report
