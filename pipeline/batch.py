"""A batch of input files -> staged Parquet parts and counts. Plain Python: every runner
(threads, processes, Dask workers) calls `process_batch`; the flow only orchestrates.

Accounting: every record read ends as exactly one of written / rejected / skipped (its input
was already processed with the same fingerprint). A record that raises inside the pipeline is
rejected with `internal_error`, so one bad page never fails its batch. Such an input, or one
with a record that hit the time limit, is `unfinished`: the run does not record it as done, so a
later run (after the fix, or with a longer time limit) takes it again.
"""
from __future__ import annotations

import heapq
import os
import signal
import threading
import time
import traceback
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone

from . import dedup, store
from .options import DOC_TIMEOUT, Options
from .process import process_article
from .readers import Limits, file_fingerprint, read_file
from .record import Article
from .templates import TemplateStore
from .transient import TRANSIENT, is_transient

FLUSH_ROWS = 2000  # staged Parquet part size: bounded memory whatever the input size
SLOWEST = 10  # documents per run kept for the report's "slowest documents"
# reject reasons that say "not this input's fault": its input is taken again by the next run
UNFINISHED = ("internal_error", "timeout")
class DocumentTimeout(BaseException):
    """BaseException on purpose: libraries' `except Exception` (trafilatura has several) must
    not swallow the time limit."""


@contextmanager
def time_limit(seconds: float | None):
    """Interrupt the block after `seconds` (SIGALRM, so only in a process's main thread:
    `process_batch` moves batches started in other threads to worker processes)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum, frame):
        raise DocumentTimeout(f"document took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, _raise)
    try:  # armed inside the try: a limit that fires at once must still disarm the timer
        signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)  # and again every 50 ms until the block ends
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@dataclass
class BatchStats:
    read: int = 0
    written: int = 0
    skipped: int = 0
    rejected: Counter = field(default_factory=Counter)
    removed_lines: Counter = field(default_factory=Counter)
    by_site: Counter = field(default_factory=Counter)
    by_language: Counter = field(default_factory=Counter)
    inputs: dict[str, tuple[str, int]] = field(default_factory=dict)  # uri -> (fingerprint, records)
    skipped_inputs: list[str] = field(default_factory=list)
    seconds: float = 0.0
    unfinished: dict[str, str] = field(default_factory=dict)  # uri -> first UNFINISHED reason of its records
    pids: list[int] = field(default_factory=list)  # processes that ran the batches
    slowest: list[tuple] = field(default_factory=list)  # (seconds, source_uri, format, site, outcome), a min-heap

    def timed(self, seconds: float, art: Article) -> None:
        """Keep the SLOWEST documents: the table has no per-document time, the run report does."""
        item = (round(seconds, 4), art.source_uri, art.input_format, art.site or "", art.reject[0] if art.reject else "written")
        if len(self.slowest) < SLOWEST:
            heapq.heappush(self.slowest, item)
        elif item > self.slowest[0]:
            heapq.heapreplace(self.slowest, item)

    def to_dict(self) -> dict:
        return {"read": self.read, "written": self.written, "skipped": self.skipped,
                "rejected": dict(self.rejected), "removed_lines": dict(self.removed_lines),
                "by_site": dict(self.by_site), "by_language": dict(self.by_language),
                "inputs": {k: list(v) for k, v in self.inputs.items()}, "skipped_inputs": self.skipped_inputs,
                "unfinished": self.unfinished, "seconds": self.seconds, "pids": self.pids,
                "slowest": [list(x) for x in self.slowest]}

    @classmethod
    def merge(cls, parts: list[dict]) -> "BatchStats":
        s = cls()
        for p in parts:
            s.read += p["read"]
            s.written += p["written"]
            s.skipped += p["skipped"]
            s.rejected.update(p["rejected"])
            s.removed_lines.update(p["removed_lines"])
            s.by_site.update(p["by_site"])
            s.by_language.update(p["by_language"])
            s.inputs.update({k: tuple(v) for k, v in p["inputs"].items()})
            s.skipped_inputs.extend(p["skipped_inputs"])
            s.unfinished.update(p.get("unfinished", {}))
            s.seconds += p["seconds"]
            s.pids.extend(p.get("pids", []))
            s.slowest = heapq.nlargest(SLOWEST, s.slowest + [tuple(x) for x in p.get("slowest", [])])
        return s


def _safe_process(art: Article, opts: Options, doc_timeout: float | None) -> Article:
    if art.reject:
        return art
    try:
        with time_limit(doc_timeout):
            process_article(art, opts)
    except DocumentTimeout as e:
        art.reject = ("timeout", str(e))
    except RecursionError:
        art.reject = ("too_deep", "document nesting too deep to process")
    except MemoryError:
        art.reject = ("too_large", "document needs more memory than allowed")
    except Exception as e:  # a bug or an input nobody foresaw: reject the record, keep the batch
        tb = traceback.format_exception_only(type(e), e)[-1].strip()
        art.reject = ("internal_error", tb[:500])
    return art


_POOL = None
_POOL_LOCK = threading.Lock()
MAX_BATCHES_PER_WORKER = 20  # recycle workers: trafilatura's memory grows slowly over long runs


def _pool():
    """Worker processes for batches started off the main thread (forkserver: fork-safe even
    when the caller runs threads and event loops; trafilatura is imported once in the server)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            import multiprocessing as mp
            import os
            from concurrent.futures import ProcessPoolExecutor

            ctx = mp.get_context("forkserver")
            ctx.set_forkserver_preload(["newsclean.pipeline.batch", "trafilatura"])
            _POOL = ProcessPoolExecutor(max_workers=os.cpu_count() or 1, mp_context=ctx,
                                        max_tasks_per_child=MAX_BATCHES_PER_WORKER)
            from multiprocessing.util import Finalize

            # safety net for processes that exit without shutdown_pool(): multiprocessing children
            # (Prefect runs flow runs in them) skip atexit; waiting here could deadlock at exit
            Finalize(_POOL, _POOL.shutdown, kwargs={"wait": False, "cancel_futures": True}, exitpriority=10)
        return _POOL


def shutdown_pool() -> None:
    """Stop the batch worker processes (end of a run); the next isolated batch starts new ones."""
    global _POOL
    with _POOL_LOCK:
        pool, _POOL = _POOL, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def process_batch(uris: list[str], out: str, run_id: str, part: str, *, opts: Options = Options(),
                  limits: Limits = Limits(), ledger: dict[str, tuple[str, int]] | None = None,
                  reprocess: bool = False, doc_timeout: float | None = DOC_TIMEOUT,
                  raise_transient: bool = True, progress=None, isolate: bool | None = None) -> dict:
    """Process input files into the run's staging area; returns BatchStats as a dict.

    `raise_transient`: a connection error or timeout while reading propagates (so the caller
    can retry the batch); on the last attempt pass False and the input is rejected instead.
    `isolate` (default: when a time limit is set and this is not the main thread) runs the
    batch in a worker process, where the per-document time limit can interrupt the extractor."""
    if isolate is None:
        import multiprocessing

        # daemonic processes (Dask's workers) may not start children: there batches run in-thread
        isolate = bool(doc_timeout) and threading.current_thread() is not threading.main_thread() \
            and not multiprocessing.current_process().daemon
    if isolate:
        return _pool().submit(process_batch, uris, out, run_id, part, opts=opts, limits=limits, ledger=ledger,
                              reprocess=reprocess, doc_timeout=doc_timeout, raise_transient=raise_transient,
                              isolate=False).result()
    try:
        return _process_batch(uris, out, run_id, part, opts=opts, limits=limits, ledger=ledger, reprocess=reprocess,
                              doc_timeout=doc_timeout, raise_transient=raise_transient, progress=progress)
    except Exception as e:
        if is_transient(e) and not isinstance(e, TRANSIENT):
            # one picklable type across process boundaries, for the flow's retry condition
            raise ConnectionError(f"{type(e).__name__}: {e}") from None
        raise


def _process_batch(uris: list[str], out: str, run_id: str, part: str, *, opts: Options, limits: Limits,
                   ledger: dict[str, tuple[str, int]] | None, reprocess: bool, doc_timeout: float | None,
                   raise_transient: bool, progress) -> dict:
    t0 = time.perf_counter()
    stats = BatchStats()
    ledger = ledger or {}
    # a retried batch starts clean: remove what an earlier attempt staged
    for f in store.staging_dir(out, run_id).rglob(f"part-{run_id}-{part}-*"):
        f.unlink()
    chunks = _Chunks(out, run_id, part, stats)
    for uri in uris:
        try:
            fp = file_fingerprint(uri)
        except Exception as e:
            if not (is_transient(e) or isinstance(e, OSError)):
                raise
            if is_transient(e) and raise_transient:
                raise
            fp = None
        if fp is not None and not reprocess and ledger.get(uri, (None,))[0] == fp:
            stats.skipped += ledger[uri][1]
            stats.read += ledger[uri][1]
            stats.skipped_inputs.append(uri)
            continue
        records = 0
        # read_file lets only transient errors through, and only when raise_transient is set
        for art in read_file(uri, limits, raise_transient=raise_transient):
            records += 1
            stats.read += 1
            t_doc = time.perf_counter()
            art = _safe_process(art, opts, doc_timeout)
            stats.timed(time.perf_counter() - t_doc, art)
            if art.reject and art.reject[0] in UNFINISHED:
                stats.unfinished.setdefault(uri, art.reject[0])
            chunks.add(art)
        if fp is None and records == 0:
            records = 1
            stats.read += 1
            a = Article(uri, "unknown")
            a.reject = ("read_error", "input could not be read")
            chunks.add(a)
        stats.inputs[uri] = (fp or "", records)
        if progress is not None:
            progress(uri, records)
    chunks.flush()
    stats.seconds = time.perf_counter() - t0
    stats.pids = [os.getpid()]
    return stats.to_dict()


class _Chunks:
    """A batch's articles in chunks of FLUSH_ROWS, staged chunk by chunk. Each step counts what it
    does: cleaning its removed lines (`add`), the site-template pass its template lines and the
    articles it empties; written and rejected are counted once every step has run (`flush`)."""

    def __init__(self, out: str, run_id: str, part: str, stats: BatchStats):
        self.out, self.run_id, self.part, self.stats = out, run_id, part, stats
        self.processed_at = datetime.now(timezone.utc)
        self.templates = TemplateStore.load(out)  # what earlier runs learned; this batch's chunks add to it
        self.good: list[Article] = []
        self.bad: list[Article] = []
        self.chunk = 0

    def add(self, art: Article) -> None:
        if art.reject:
            self.bad.append(art)
        else:
            self.stats.removed_lines.update(ln.reason for ln in art.lines if ln.reason)
            self.good.append(art)
        if len(self.good) + len(self.bad) >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        out, run_id, name, stats = self.out, self.run_id, f"{self.part}-{self.chunk}", self.stats
        # site templates: earlier runs plus this batch so far; each chunk's counts are staged for publish
        seen = TemplateStore()
        seen.add(self.good)
        store.stage_table(out, run_id, "templates", name, seen.to_table())
        self.templates.merge(seen)
        self.templates.mark(self.good)
        emptied = [a for a in self.good if a.reject]  # nothing left once the site's template went
        good = [a for a in self.good if not a.reject]
        bad = self.bad + emptied
        n_template = sum(1 for a in good for ln in a.lines if ln.reason == "template")
        if n_template:
            stats.removed_lines["template"] += n_template
        stats.rejected.update(a.reject[0] for a in bad)
        stats.written += len(good)
        stats.by_site.update(a.site or "unknown" for a in good)
        stats.by_language.update(a.language for a in good)
        rows = store.article_rows(good, run_id, self.processed_at)
        store.stage_table(out, run_id, "minhash", name,
                          dedup.signature_table(list(zip(rows.column("article_id").to_pylist(),
                                                         map(dedup.body_words, good))), run_id))
        store.stage_articles(out, run_id, name, rows)
        store.stage_rejects(out, run_id, name, store.reject_rows(bad, run_id, self.processed_at))
        self.chunk += 1
        self.good, self.bad = [], []


__all__ = ["process_batch", "BatchStats", "time_limit", "DocumentTimeout", "UNFINISHED"]
