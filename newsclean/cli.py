"""The `newsclean` command line: run, inspect, langid, report."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Clean scraped news articles into Parquet tables.")
console = Console()


def _load_config(path: Optional[Path]) -> dict:
    if path is None:
        return {}
    import tomllib

    return tomllib.loads(path.read_text())


@app.command()
def run(inputs: List[str] = typer.Argument(None, help="files, folders, globs or URLs (s3://...)"),
        out: str = typer.Option(None, "--out", "-o", help="output folder"),
        reprocess: bool = typer.Option(False, help="process inputs again even if unchanged"),
        lang_backend: str = typer.Option("langdetect", help="langdetect (default) | lingua | fasttext | py3langid"),
        runner: str = typer.Option("local", help="local (batches on a process pool, all cores) | dask"),
        dask_address: Optional[str] = typer.Option(None, help="tcp://HOST:PORT of an existing Dask scheduler"),
        config: Optional[Path] = typer.Option(None, help="newsclean.toml"),
        doc_timeout: float = typer.Option(30.0, help="seconds per document before it is rejected as 'timeout'"),
        drop_duplicates: bool = typer.Option(False, help="put duplicate articles in rejects instead of marking them"),
        table_format: str = typer.Option("parquet", help="parquet | delta (also keep a Delta Lake table in OUT/delta/articles)"),
        embedded_prefect: bool = typer.Option(False, help="without a configured Prefect server, record the run in an embedded Prefect API under OUT/.prefect (~10 s more)")):
    """Run `clean-articles` on INPUTS and write Parquet under --out: a flow run on the configured
    Prefect server (PREFECT_API_URL or the active profile), else the same logic without Prefect."""
    cfg = _load_config(config)
    inputs = inputs or cfg.get("sources", [])
    out = out or cfg.get("output")
    if not inputs or not out:
        raise typer.BadParameter("give INPUTS and --out (or a --config with sources and output)")
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from newsclean.flows.runtime import run_clean_articles
    from newsclean.pipeline.readers import discover

    total = len(discover(list(inputs)))
    with Progress(TextColumn("[bold]cleaning"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                  TimeElapsedColumn(), console=console, transient=False) as progress:
        bar = progress.add_task("files", total=total)
        report = run_clean_articles(
            dict(inputs=list(inputs), out=out, reprocess=reprocess, lang_backend=lang_backend, doc_timeout=doc_timeout,
                 sites=cfg.get("sites"), drop_duplicates=drop_duplicates, table_format=table_format),
            embedded=embedded_prefect, task_runner=None if runner == "local" else lambda: _task_runner(runner, dask_address),
            on_batch=lambda res: progress.advance(bar, len(res["inputs"]) + len(res["skipped_inputs"])),
            say=console.print)
    _print_report(report)


def _task_runner(runner: str, address: Optional[str]):
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=address) if address else DaskTaskRunner(
            cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True})
    raise typer.BadParameter(f"unknown runner {runner!r}")


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
    console.print(t)
    console.print(f"{r['timings']['total_s']:.1f} s; articles: [bold]{r['out']}/articles[/bold]  "
                  f"rejects: {r['out']}/rejects  report: {r['out']}/runs/{r['run_id']}.json")


@app.command()
def inspect(path: str = typer.Argument(..., help="an input file (.txt, .html, .jsonl, .warc)"),
            record: Optional[int] = typer.Option(None, help="only the Nth record of a multi-record file")):
    """Show every line of an input as kept or removed (with its reason), and the extracted fields."""
    from newsclean.pipeline.process import Options, process_article
    from newsclean.pipeline.readers import read_file

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
def langid(path: Optional[Path] = typer.Argument(None, help="a text file (default: standard input)"),
           lines: bool = typer.Option(False, "--lines", help="one answer per input line"),
           backend: str = typer.Option("langdetect", help="langdetect (default) | lingua | fasttext | py3langid")):
    """Print `<iso639-1>\\t<confidence>` for the input, or for each of its lines with --lines."""
    from newsclean.pipeline.langid import identify

    text = path.read_text(encoding="utf-8", errors="replace") if path else sys.stdin.read()
    items = text.split("\n") if lines else [text]
    if lines and items and items[-1] == "":
        items = items[:-1]
    out = sys.stdout
    for item in items:
        r = identify(item, backend)
        out.write(f"{r.lang}\t{r.confidence:.4f}\n")


@app.command()
def report(out: str = typer.Argument(..., help="output folder"), last: int = typer.Option(5, help="how many runs")):
    """Print the reports of the last runs written into OUT."""
    runs = sorted(Path(out, "runs").glob("*.json"))[-last:]
    if not runs:
        console.print(f"no runs in {out}")
        raise typer.Exit(1)
    for p in runs:
        _print_report(json.loads(p.read_text()))


@app.command()
def serve(config: Path = typer.Option(..., help="newsclean.toml with sources, output and [schedule]"),
          port: Optional[int] = typer.Option(None, help="Prefect server port (default: a free one)")):
    """Start a local Prefect server and run clean-articles on the configured schedule (Ctrl-C stops all)."""
    from newsclean.flows.serve import serve as serve_flows

    serve_flows(_load_config(config), port)


@app.command()
def compact(out: str = typer.Argument(..., help="output folder")):
    """Merge the small Parquet files of each partition, atomically (readers see the same rows)."""
    from newsclean.pipeline.store import compact as compact_store

    res = compact_store(out)
    console.print(f"{res['partitions']} partitions: {res['files_before']} files -> {res['files_after']}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
