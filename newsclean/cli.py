"""The `newsclean` command line: run, inspect, langid, report, compact, serve.

Errors the user can fix (a bad option, a missing input, an unwritable output) are one line on
stderr and a non-zero exit: 2 for options and configuration, 1 for the environment; `--debug`
shows the traceback. Options are checked before any input is read or the output touched.
"""
from __future__ import annotations

import atexit
import functools
import json
import os
import sys
import threading
from pathlib import Path
from typing import List, NoReturn, Optional

import typer
from rich.console import Console
from rich.table import Table

from newsclean.pipeline.options import DOC_TIMEOUT, LANG_BACKEND
from rich.text import Text

import newsclean

# rich_markup_mode=None: help text is printed as written ("[schedule]" is not a markup tag)
app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_show_locals=False,
                  help="Clean scraped news articles into Parquet tables.")
console = Console()
_DEBUG = False
RUNNERS = ("local", "dask")


class _Failed(Exception):
    """An error the user can fix, raised by the CLI itself: one line, then exit `code`."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


def _user_error(e: BaseException) -> int | None:
    """The exit code for an error the user can fix (1: the environment, 2: options), else None."""
    if isinstance(e, _Failed):
        return e.code
    run_mod = sys.modules.get("newsclean.pipeline.run")  # not imported: cannot be its ConfigError
    if run_mod is not None and isinstance(e, run_mod.ConfigError):
        return 2
    if isinstance(e, OSError):  # missing input, unwritable output, disk full, unreachable store
        return 1
    return None


def _friendly(fn):
    """Errors the user can fix as one line on stderr and an exit code; the traceback with --debug."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exception as e:
            code = _user_error(e)
            if code is None or _DEBUG:
                raise
            typer.echo(f"error: {e}" if str(e) else f"error: {type(e).__name__}", err=True)
            raise typer.Exit(code) from None
    return wrapper


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsclean {newsclean.__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                          help="print the version and exit"),
             debug: bool = typer.Option(False, "--debug", help="show the traceback of errors")):
    """Clean scraped news articles into Parquet tables."""
    global _DEBUG
    _DEBUG = debug


def _load_config(path: Optional[Path]) -> dict:
    if path is None:
        return {}
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise _Failed(f"cannot read --config {path}: {e.strerror or e}") from e
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise _Failed(f"--config {path} is not valid TOML: {e}") from e


def _flow_parameters(cfg: dict, config: Optional[Path], flags: dict) -> dict:
    """The flow's parameters: newsclean.toml's [options] and [sites], overridden by the flags given;
    each source checked, naming the file or the flag."""
    from newsclean.pipeline.run import ConfigError, check_parameters

    from_file = dict(cfg.get("options") or {})
    if "sites" in cfg:
        from_file["sites"] = cfg["sites"]
    try:
        check_parameters(from_file)
    except ConfigError as e:
        raise ConfigError(f"{config}: {e}") from None
    given = {k: v for k, v in flags.items() if v is not None}
    check_parameters(given, label=lambda name: "--" + name.replace("_", "-"))
    return {**from_file, **given}


def _check_runner(runner: str, address: Optional[str]) -> None:

    if runner not in RUNNERS:
        raise _Failed(f"--runner {runner!r} is not one of: {', '.join(RUNNERS)}")
    if address and runner != "dask":
        raise _Failed("--dask-address needs --runner dask")
    if runner == "dask":
        from newsclean.pipeline import extras

        try:
            extras.check(extras.OPTION_MODULE[runner])
        except extras.MissingExtra as e:
            raise _Failed(str(e)) from None


def _check_writable(out: str) -> None:
    """Create --out if needed and write a file into it, before Prefect starts (an object store is
    checked by the run itself)."""
    import tempfile

    from newsclean.pipeline import remote

    if remote.is_remote(out):
        return
    try:
        Path(out).mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as e:
        raise _Failed(f"cannot write to --out {out}: {e.strerror or e}", 1) from e


@app.command()
@_friendly
def run(inputs: List[str] = typer.Argument(None, help="files, folders, globs or URLs (s3://...)"),
        out: str = typer.Option(None, "--out", "-o", help="output folder"),
        reprocess: Optional[bool] = typer.Option(None, help="process inputs again even if unchanged"),
        lang_backend: Optional[str] = typer.Option(None, help="langdetect (default) | lingua | fasttext | py3langid"),
        runner: str = typer.Option("local", help="local (batches on a process pool, all cores) | dask"),
        dask_address: Optional[str] = typer.Option(None, help="tcp://HOST:PORT of a Dask scheduler (default with "
                                                              "--runner dask: a local cluster, one worker per core)"),
        config: Optional[Path] = typer.Option(None, help="newsclean.toml (the flags given override its [options])"),
        doc_timeout: Optional[float] = typer.Option(None, help="seconds per document before it is rejected as "
                                                               f"'timeout' (default {DOC_TIMEOUT:g}; 0: no limit)"),
        drop_duplicates: Optional[bool] = typer.Option(None, help="put duplicate articles in rejects instead of marking them"),
        table_format: Optional[str] = typer.Option(None, help="parquet (default) | delta (also keep a Delta Lake "
                                                              "table in OUT/delta/articles)"),
        embedded_prefect: bool = typer.Option(False, help="without a configured Prefect server, record the run in an "
                                                          "embedded Prefect API under OUT/.prefect (~10 s more)")):
    """Run `clean-articles` on INPUTS and write Parquet under --out: a flow run on the configured
    Prefect server (PREFECT_API_URL or the active profile), else the same logic without Prefect."""
    # 1. options (exit 2), 2. inputs and output (exit 1): all before Prefect starts or anything is read
    cfg = _load_config(config)
    params = _flow_parameters(cfg, config, {"reprocess": reprocess, "lang_backend": lang_backend,
                                            "doc_timeout": doc_timeout, "drop_duplicates": drop_duplicates,
                                            "table_format": table_format})
    _check_runner(runner, dask_address)
    inputs = inputs or cfg.get("sources", [])
    out = out or cfg.get("output")
    if not inputs or not out:
        raise _Failed("give INPUTS and --out (or a --config with sources and output)")
    from newsclean.pipeline.readers import discover

    total = len(discover(list(inputs)))
    _check_writable(out)

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from newsclean.flows.runtime import run_clean_articles

    with Progress(TextColumn("[bold]cleaning"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                  TimeElapsedColumn(), console=console, transient=False) as progress:
        bar = progress.add_task("files", total=total)
        report = run_clean_articles(
            dict(inputs=list(inputs), out=out, **params),
            embedded=embedded_prefect, task_runner=None if runner == "local" else lambda: _task_runner(runner, dask_address),
            on_batch=lambda res: progress.advance(bar, len(res["inputs"]) + len(res["skipped_inputs"])),
            say=console.print)
    _print_report(report)


def _task_runner(runner: str, address: Optional[str]):
    """The task runner of --runner dask (the only other runner, checked by _check_runner)."""
    import logging

    from newsclean.pipeline.extras import require

    DaskTaskRunner = require("prefect_dask").DaskTaskRunner

    logging.getLogger("distributed").setLevel(logging.WARNING)  # the scheduler's and nannies' chatter
    if address:
        return DaskTaskRunner(address=address)
    # a local cluster sized to the machine: one single-threaded worker process per core
    return DaskTaskRunner(cluster_kwargs={"n_workers": os.cpu_count() or 1, "threads_per_worker": 1,
                                          "processes": True, "dashboard_address": None})


def _print_report(r: dict) -> None:
    c = r["counts"]
    t = Table(title=f"newsclean run {r['run_id']}")
    t.add_column("what")
    t.add_column("count", justify="right")
    for k in ("read", "written", "rejected", "skipped"):
        t.add_row(k, str(c[k]))
    for k, v in sorted(r["rejected_by_reason"].items()):
        t.add_row(f"  rejected: {k}", str(v))
    for k, v in sorted(r["by_language"].items(), key=lambda kv: -kv[1]):
        t.add_row(f"  language: {k}", str(v))
    if r.get("retried_inputs"):
        t.add_row("inputs taken again (unfinished before)", str(len(r["retried_inputs"])))
    if r.get("unfinished_inputs"):
        t.add_row("inputs unfinished (next run takes again)", str(len(r["unfinished_inputs"])))
    console.print(t)
    console.print(f"{r['timings']['total_s']:.1f} s; articles: [bold]{r['out']}/articles[/bold]  "
                  f"rejects: {r['out']}/rejects  report: {r['out']}/runs/{r['run_id']}.json")


@app.command()
@_friendly
def inspect(path: str = typer.Argument(..., help="an input file (.txt, .html, .jsonl, .warc)"),
            record: Optional[int] = typer.Option(None, help="only the Nth record of a multi-record file"),
            html: Optional[Path] = typer.Option(None, "--html", help="write the view as a self-contained HTML page here")):
    """Show every line of an input as kept or removed (with its reason), and the extracted fields."""
    import fsspec

    from newsclean.pipeline.process import Options, process_article
    from newsclean.pipeline.readers import read_file

    fs, p = fsspec.core.url_to_fs(path)
    if not fs.isfile(p):
        raise _Failed(f"no such file: {path}" if not fs.exists(p) else f"not a file: {path}", 1)
    if html is not None:
        from newsclean.pipeline.report_html import write_inspect

        console.print(f"inspect page: [bold]{write_inspect(path, html, record)}[/bold]")
        return

    for n, art in enumerate(read_file(path), 1):
        if record is not None and n != record:
            continue
        console.rule(art.source_uri)
        if art.reject is None:
            process_article(art, Options())
        if art.reject:
            console.print(f"[red]rejected[/red] {art.reject[0]}: {art.reject[1]}")
            continue
        for ln in art.lines:
            if ln.reason is None:
                console.print(Text("  keep  ", style="bold green") + Text(ln.text))
            else:
                console.print(Text(f"  drop  [{ln.reason}] ", style="red") + Text(ln.text, style="dim"))
        t = Table(show_header=False)
        for k in ("title", "subtitle", "authors", "byline_raw", "published_date", "published_time_local",
                  "published_at", "published_raw", "date_source", "section", "source_agency", "reading_time_minutes",
                  "image_captions", "language", "language_confidence", "url", "site", "extractor", "encoding"):
            v = getattr(art, k)
            t.add_row(k, "" if v is None else str(v))
        console.print(t)


@app.command()
@_friendly
def langid(path: Optional[Path] = typer.Argument(None, help="a text file (default: standard input)"),
           lines: bool = typer.Option(False, "--lines", help="one answer per input line"),
           backend: str = typer.Option(LANG_BACKEND, help="langdetect (default) | lingua | fasttext | py3langid")):
    """Print `<iso639-1>\\t<confidence>` for the input, or for each of its lines with --lines."""
    from newsclean.pipeline.langid import BACKENDS, identify

    if backend not in BACKENDS:
        raise _Failed(f"--backend {backend!r} is not one of: {', '.join(BACKENDS)}")
    text = path.read_text(encoding="utf-8", errors="replace") if path else sys.stdin.read()
    items = text.split("\n") if lines else [text]
    if lines and items and items[-1] == "":
        items = items[:-1]
    out = sys.stdout
    for item in items:
        r = identify(item, backend)
        out.write(f"{r.lang}\t{r.confidence:.4f}\n")


@app.command()
@_friendly
def report(out: str = typer.Argument(..., help="output folder"), last: int = typer.Option(5, help="how many runs"),
           html: Optional[Path] = typer.Option(None, "--html", help="write the last run's visual report (one HTML file) here")):
    """Print the reports of the last runs written into OUT (or draw the last one as HTML)."""
    runs = sorted(Path(out, "runs").glob("*.json"))[-last:]
    if not runs:
        raise _Failed(f"no runs in {out}", 1)
    if html is not None:
        import time

        from newsclean.pipeline.report_html import write

        t0 = time.perf_counter()
        path = write(out, path=html)
        console.print(f"report of run {runs[-1].stem}: [bold]{path}[/bold] ({time.perf_counter() - t0:.2f} s)")
        return
    for p in runs:
        _print_report(json.loads(p.read_text()))


@app.command()
@_friendly
def serve(config: Path = typer.Option(..., help="newsclean.toml with sources, output and [schedule]"),
          port: Optional[int] = typer.Option(None, help="Prefect server port (default: a free one)")):
    """Start a local Prefect server and run clean-articles on the configured schedule (Ctrl-C stops all)."""
    cfg = _load_config(config)
    _flow_parameters(cfg, config, {})  # [options] and [sites] checked before the server starts
    if not cfg.get("sources") or not cfg.get("output"):
        raise _Failed(f"{config}: needs sources = [...] and output = \"...\"")
    from newsclean.flows.serve import serve as serve_flows

    serve_flows(cfg, port)


@app.command()
@_friendly
def compact(out: str = typer.Argument(..., help="output folder")):
    """Merge the small Parquet files of each partition, atomically (readers see the same rows)."""
    from newsclean.pipeline.store import compact as compact_store

    if not Path(out, "articles").is_dir():
        raise _Failed(f"no article table in {out} (not a newsclean output folder?)", 1)

    res = compact_store(out)
    console.print(f"{res['partitions']} partitions: {res['files_before']} files -> {res['files_after']}")


def _exit_without_teardown(code: int | str | None) -> NoReturn:
    """End the process as `sys.exit(code)` would, minus the interpreter's teardown: freeing every
    module and object of Prefect, pydantic and pyarrow costs ~0.3 CPU-s, a tenth of a small run's
    budget, and has nothing left to save. What exit does that matters still runs first: other
    threads are joined, atexit handlers (Prefect's log and event flushes, logging.shutdown) run
    and the standard streams are flushed."""
    for t in threading.enumerate():
        if t is not threading.current_thread() and not t.daemon:
            t.join()
    atexit._run_exitfuncs()
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def main() -> None:
    """The console script: typer's app, then a fast exit (see `_exit_without_teardown`)."""
    try:
        app()
    except SystemExit as e:
        _exit_without_teardown(e.code)
    _exit_without_teardown(0)


if __name__ == "__main__":
    main()
