"""The output folder as a table store: staged writes, atomic publish, ledger, lock, readers.

Layout of an output folder DIR:

    DIR/articles -> .snapshots/articles/<snapshot>   hive-partitioned Parquet (language, published_month)
    DIR/rejects  -> .snapshots/rejects/<snapshot>    Parquet, one row per rejected input record
    DIR/runs/<run_id>.json                            run reports
    DIR/_state/ledger.parquet                         inputs already processed (uri, fingerprint), or unfinished
    DIR/_staging/<run_id>/                            a run's files before publishing
    DIR/.lock                                         one writer at a time

Publishing a run builds a new snapshot folder (unchanged files hard-linked from the current
one, files holding replaced articles rewritten without them, the run's staged files moved in)
and then swaps the `articles` symlink with one atomic rename. A reader that globs
`DIR/articles/**/*.parquet` therefore sees the previous run or the new one, never half of one.
Old snapshots are kept for a while (readers may still be listing them) and then removed.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsclean import schemas
if TYPE_CHECKING:  # workers never import it: see stage_articles
    import pyarrow.dataset as ds

from .record import Article, article_id

KEEP_SNAPSHOTS = 3  # the current one and two before it, for readers that are still listing them
TABLES = ("articles", "rejects")


def new_run_id() -> str:
    """UTC start time to the microsecond, then a random tag: ids sort in start order (reports and
    `load_runs` rely on it), also for two runs started within one second."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f") + "-" + uuid.uuid4().hex[:6]


# --- rows ---------------------------------------------------------------------------------------
def article_rows(arts: list[Article], run_id: str, processed_at: datetime, version: int = schemas.CURRENT_VERSION) -> pa.Table:
    """Articles -> an Arrow table of the article schema `version`."""
    cols: dict[str, list] = {f.name: [] for f in schemas.articles_schema(version)}
    for a in arts:
        body = a.body_text()
        row = {
            "article_id": article_id(a), "run_id": run_id, "source_uri": a.source_uri,
            "input_fingerprint": a.fingerprint, "url": a.url, "site": a.site, "language": a.language or "und",
            "language_confidence": a.language_confidence, "other_language_share": a.other_language_share,
            "title": a.title, "subtitle": a.subtitle, "authors": list(a.authors), "byline_raw": a.byline_raw,
            "published_at": a.published_at, "published_date": a.published_date,
            "published_time_local": a.published_time_local, "published_raw": a.published_raw,
            "date_source": a.date_source,
            "published_month": a.published_date.strftime("%Y-%m") if a.published_date else "unknown",
            "section": a.section, "source_agency": a.source_agency, "reading_time_minutes": a.reading_time_minutes,
            "image_captions": [{"text": c.text, "credit": c.credit} for c in a.image_captions],
            "text": body, "word_count": len(body.split()),
            "removed_lines": [{"text": t, "reason": r} for t, r in a.removed()],
            "extractor": a.extractor, "encoding": a.encoding, "fetched_at": a.fetched_at,
            "schema_version": version, "processed_at": processed_at,
            "duplicate_of": None,  # set at publish, against every earlier article (pipeline.dedup)
            "paragraph_languages": [ln.lang or "und" for ln in a.lines if ln.reason is None],
        }
        for k in cols:
            cols[k].append(row[k])
    return pa.Table.from_pydict(cols, schema=schemas.articles_schema(version))


def reject_rows(arts: list[Article], run_id: str, processed_at: datetime) -> pa.Table:
    return pa.Table.from_pylist(
        [{"source_uri": a.source_uri, "reason": a.reject[0], "detail": a.reject[1], "input_fingerprint": a.fingerprint,
          "run_id": run_id, "processed_at": processed_at} for a in arts],
        schema=schemas.rejects_schema())


# --- staging (any process may call these: Dask workers, process pools) -------------------------
def staging_dir(out: str | Path, run_id: str) -> Path:
    return Path(out) / "_staging" / run_id


def stage_articles(out: str | Path, run_id: str, part: str, table: pa.Table, version: int = schemas.CURRENT_VERSION) -> None:
    """Write one batch of article rows into the run's staging area, hive-partitioned
    (language=../published_month=../part-*.parquet, as pyarrow.dataset lays it out), zstd.
    Written with pyarrow.parquet: workers then never import pyarrow.dataset (and pandas with it,
    ~0.35 s a process)."""
    if table.num_rows == 0:
        return
    target = staging_dir(out, run_id) / "articles"
    groups: dict[tuple, list[int]] = {}
    for i, key in enumerate(zip(*(table.column(c).to_pylist() for c in schemas.PARTITION_COLUMNS))):
        groups.setdefault(key, []).append(i)
    rows = table.drop_columns(list(schemas.PARTITION_COLUMNS))
    for key, idx in groups.items():
        d = target.joinpath(*(f"{c}={quote(str(v), safe='')}" for c, v in zip(schemas.PARTITION_COLUMNS, key)))
        d.mkdir(parents=True, exist_ok=True)
        part_rows = rows if len(idx) == table.num_rows else rows.take(pa.array(idx, pa.int64()))
        pq.write_table(part_rows, d / f"part-{run_id}-{part}-0.parquet", compression="zstd", row_group_size=10_000)


def stage_rejects(out: str | Path, run_id: str, part: str, table: pa.Table) -> None:
    stage_table(out, run_id, "rejects", part, table)


def stage_table(out: str | Path, run_id: str, name: str, part: str, table: pa.Table) -> None:
    """Stage a flat table (rejects, template counts) for this run's publish."""
    if table.num_rows == 0:
        return
    target = staging_dir(out, run_id) / name
    target.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, target / f"part-{run_id}-{part}.parquet", compression="zstd")


# --- publishing ---------------------------------------------------------------------------------
@contextmanager
def writer_lock(out: str | Path, timeout: float = 3600):
    """One writer per output folder; a second run waits for the first to publish."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / ".lock", "a+") as fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"another newsclean run holds {out / '.lock'}")
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def clean_leftovers(out: str | Path) -> list[str]:
    """Remove staging folders of runs that died (called under the writer lock, so none is live)."""
    removed = []
    st = Path(out) / "_staging"
    if st.exists():
        for d in st.iterdir():
            shutil.rmtree(d, ignore_errors=True)
            removed.append(d.name)
    for t in TABLES:
        for tmp in Path(out).glob(f".{t}.swap-*"):
            tmp.unlink(missing_ok=True)
    return removed


def current_snapshot(out: str | Path, table: str) -> Path | None:
    link = Path(out) / table
    if link.is_symlink():
        return (Path(out) / os.readlink(link)).resolve()
    return None


def _each_file(fn, files: list[Path]) -> list:
    """`fn` over `files` on a thread per core: publishing is serial work between parallel runs,
    and Parquet reads and writes release the GIL."""
    if len(files) < 2:
        return [fn(f) for f in files]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(pool.map(fn, files))


def _files(root: Path | None) -> list[Path]:
    return sorted(root.rglob("*.parquet")) if root and root.exists() else []


def _replaced(t: pa.Table, key: str, keys: pa.Array, sources: pa.Array, transform=None) -> pa.ChunkedArray:
    """Rows of `t` that this run replaces: their key is rewritten, or their input file was processed again."""
    col = t.column(key) if transform is None else transform(t.column(key))
    hit = pc.is_in(col, value_set=keys)
    if len(sources) and "source_uri" in t.column_names:
        hit = pc.or_(hit, pc.is_in(_base_uri(t.column("source_uri")), value_set=sources))
    return pc.fill_null(hit, False)


def _keep_unreplaced(src: Path, dst: Path, key: str, keys: pa.Array, sources: pa.Array, transform=None,
                     tag: str = "") -> None:
    """Link `src` into the snapshot as `dst` when no row is replaced, else write the rows that
    stay (if any). Only the key columns are read unless a row is replaced."""
    cols = [c for c in dict.fromkeys([key, "source_uri"]) if c in pq.read_schema(src).names]
    hit = _replaced(pq.read_table(src, columns=cols), key, keys, sources, transform)
    dst.parent.mkdir(parents=True, exist_ok=True)
    if not pc.any(hit).as_py():
        os.link(src, dst)
        return
    kept = pq.read_table(src).filter(pc.invert(hit))
    if kept.num_rows:
        pq.write_table(kept, dst.with_name(f"{dst.stem}-r{tag}.parquet"), compression="zstd")


def _strings(values) -> pa.Array:
    return pa.array(sorted(values), pa.string())


def _base_uri(col: pa.ChunkedArray) -> pa.ChunkedArray:
    return pc.replace_substring_regex(col, pattern=r"#\d+$", replacement="")


def _staged_again(ids: list[pa.Array]) -> list[pa.Array]:
    """Per staged part, its keys that a later part of the run stages again (a retried or repeated
    input): the later part's row is the one published."""
    if not ids:
        return []
    keys = pa.concat_arrays(ids)
    part = np.repeat(np.arange(len(ids)), [len(a) for a in ids])
    backwards = keys.take(pa.array(np.arange(len(keys))[::-1]))
    last = len(keys) - 1 - pc.index_in(backwards, value_set=backwards).to_numpy()[::-1]  # per row: its key's last row
    later = part[last] != part
    return [keys.filter(pa.array(later & (part == i))) for i in range(len(ids))]


def _build_snapshot(out: Path, table: str, run_id: str, key: str, sources: set[str], transform=None) -> Path:
    """New snapshot = current snapshot minus the rows this run replaces + this run's staged files.

    Replaced: rows whose key the run writes again (articles: article_id; within the run the last
    staged row of an id wins) and rows that came from an input file the run processed again."""
    staged_root = staging_dir(out, run_id) / table
    staged = _files(staged_root)
    snap = out / ".snapshots" / table / run_id
    snap.mkdir(parents=True, exist_ok=True)
    ids = _each_file(lambda f: pq.read_table(f, columns=[key]).column(key).combine_chunks(), staged) \
        if table == "articles" else [_strings(())] * len(staged)
    none = _strings(())
    for f, again in zip(staged, _staged_again(ids)):
        rel = f.relative_to(staged_root)
        if len(again):
            _keep_unreplaced(f, snap / rel, key, again, none, tag=run_id[-6:])
            f.unlink()
        else:
            (snap / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(f, snap / rel)
    cur = current_snapshot(out, table)
    keys, srcs = pc.unique(pa.concat_arrays(ids)) if ids else none, _strings(sources)
    _each_file(lambda f: _keep_unreplaced(f, snap / f.relative_to(cur), key, keys, srcs, transform, tag=run_id[-6:]),
               _files(cur))
    return snap


def _swap(out: Path, table: str, snap: Path) -> None:
    tmp = out / f".{table}.swap-{snap.name}"
    tmp.unlink(missing_ok=True)
    os.symlink(os.path.relpath(snap, out), tmp)
    os.replace(tmp, out / table)  # atomic on POSIX
    _fsync_dir(out)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _gc(out: Path, table: str) -> None:
    root = out / ".snapshots" / table
    cur = current_snapshot(out, table)
    snaps = sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime) if root.exists() else []
    for old in snaps[:-KEEP_SNAPSHOTS]:
        if cur is None or old.resolve() != cur:
            shutil.rmtree(old, ignore_errors=True)


REWRITE_ROWS = 500  # rows a publish thread holds while it rewrites a staged file


def _duplicate_rejects(gone: pa.Table, run_id: str, processed_at: datetime) -> pa.Table:
    """Rejects rows for the articles that --drop-duplicates takes out of the table."""
    return pa.Table.from_pylist(
        [{"source_uri": r["source_uri"], "reason": "duplicate", "detail": f"duplicate of {r['duplicate_of']}",
          "input_fingerprint": r["input_fingerprint"], "run_id": run_id, "processed_at": processed_at}
         for r in gone.select(["source_uri", "duplicate_of", "input_fingerprint"]).to_pylist()],
        schema=schemas.rejects_schema())


def _mark_duplicates(out: Path, run_id: str, drop: bool, processed_at: datetime) -> pa.Table:
    """Set `duplicate_of` in the staged article files (rewriting only files that hold one);
    with `drop`, move duplicates to the rejects instead (reason `duplicate`)."""
    from . import dedup

    staged = _files(staging_dir(out, run_id) / "minhash")
    if not staged:
        return dedup.DUPLICATES.empty_table()
    dups = dedup.find_duplicates(dedup.state_batches(out), staged)
    if dups.num_rows:
        keys = dups.column("article_id")

        def mark(f: Path) -> None:
            with pq.ParquetFile(f) as staged_file:
                if not pc.any(pc.is_in(staged_file.read(columns=["article_id"]).column(0), value_set=keys)).as_py():
                    return
                tmp = f.with_suffix(".tmp")
                with pq.ParquetWriter(tmp, staged_file.schema_arrow, compression="zstd") as w:
                    for n, batch in enumerate(staged_file.iter_batches(batch_size=REWRITE_ROWS)):  # never the whole file
                        at = pc.index_in(batch.column("article_id"), value_set=keys)
                        t = pa.Table.from_batches([batch])
                        t = t.set_column(t.schema.get_field_index("duplicate_of"), "duplicate_of",
                                         dups.column("duplicate_of").take(at))
                        if drop:
                            stage_rejects(out, run_id, f"dup-{f.stem}-{n}",
                                          _duplicate_rejects(t.filter(pc.is_valid(at)), run_id, processed_at))
                            t = t.filter(pc.is_null(at))
                        w.write_table(t)
            os.replace(tmp, f)
            pa.default_memory_pool().release_unused()  # each file's buffers back to the OS, not kept per thread

        _each_file(mark, _files(staging_dir(out, run_id) / "articles"))
    dedup.save_state(out, staged, run_id)
    return dups


def publish(out: str | Path, run_id: str, reprocessed_inputs: set[str], drop_duplicates: bool = False) -> dict:
    """Publish the run's staged files (call under `writer_lock`). Returns counts."""
    out = Path(out)
    dups = _mark_duplicates(out, run_id, drop_duplicates, datetime.now(timezone.utc))
    snap_a = _build_snapshot(out, "articles", run_id, "article_id", reprocessed_inputs)
    snap_r = _build_snapshot(out, "rejects", run_id, "source_uri", reprocessed_inputs, transform=_base_uri)
    if not _files(snap_r):  # readers globbing rejects/*.parquet need at least one (empty) file
        pq.write_table(schemas.rejects_schema().empty_table(), snap_r / f"part-{run_id}-empty.parquet")
    _swap(out, "articles", snap_a)
    _swap(out, "rejects", snap_r)
    _merge_templates(out, run_id)
    shutil.rmtree(staging_dir(out, run_id), ignore_errors=True)
    for t in TABLES:
        _gc(out, t)
    return {"article_files": len(_files(snap_a)), "reject_files": len(_files(snap_r)), "duplicates": dups.num_rows,
            "duplicates_dropped": dups.num_rows if drop_duplicates else 0}


def _merge_templates(out: Path, run_id: str) -> None:
    from .templates import TemplateStore

    parts = _files(staging_dir(out, run_id) / "templates")
    if not parts:
        return
    st = TemplateStore.load(out)
    for f in parts:
        t = pq.read_table(f).to_pydict()
        run = TemplateStore()
        for site, key, docs, other in zip(t["site"], t["key"], t["docs"], t["other_site"]):
            run.docs[site][key] = docs
            if other:
                run.shared.add(key)
        st.merge(run)
    st.save(out, run_id)


# --- ledger -------------------------------------------------------------------------------------
# `unfinished` is null for an input done (skipped by later runs while its fingerprint holds), else
# the reason it is not (internal_error, timeout): later runs take it again.
LEDGER_SCHEMA = pa.schema([("input_uri", pa.string()), ("fingerprint", pa.string()), ("records", pa.int64()),
                           ("run_id", pa.string()), ("unfinished", pa.string())])


def _ledger_rows(out: str | Path) -> list[tuple[str, str, int, str | None]]:
    p = Path(out) / "_state" / "ledger.parquet"
    if not p.exists():
        return []
    t = pq.read_table(p).to_pydict()
    return list(zip(t["input_uri"], t["fingerprint"], t["records"], t.get("unfinished") or [None] * len(t["input_uri"])))


def load_ledger(out: str | Path) -> dict[str, tuple[str, int]]:
    """input URI -> (fingerprint, records) of every input already published and done."""
    return {u: (f, r) for u, f, r, unfinished in _ledger_rows(out) if unfinished is None}


def load_unfinished(out: str | Path) -> dict[str, str]:
    """input URI -> reason, for inputs an earlier run published but did not finish (see UNFINISHED)."""
    return {u: unfinished for u, _, _, unfinished in _ledger_rows(out) if unfinished is not None}


def save_ledger(out: str | Path, ledger: dict[str, tuple[str, int]], run_id: str, runs: dict[str, str],
                unfinished: dict[str, str] | None = None) -> None:
    p = Path(out) / "_state" / "ledger.parquet"
    p.parent.mkdir(parents=True, exist_ok=True)
    unfinished = {u: r for u, r in (unfinished or {}).items() if u not in ledger}
    uris = sorted(ledger) + sorted(unfinished)
    t = pa.table({"input_uri": uris, "fingerprint": [ledger[u][0] if u in ledger else "" for u in uris],
                  "records": [ledger[u][1] if u in ledger else 0 for u in uris],
                  "run_id": [runs.get(u, run_id) for u in uris], "unfinished": [unfinished.get(u) for u in uris]},
                 schema=LEDGER_SCHEMA)
    tmp = p.with_suffix(f".tmp-{run_id}")
    pq.write_table(t, tmp)
    os.replace(tmp, p)


def report_path(out: str | Path, run_id: str) -> Path:
    return Path(out) / "runs" / f"{run_id}.json"


def write_report(out: str | Path, report: dict) -> Path:
    p = report_path(out, report["run_id"])
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_suffix(".tmp")
    tmp.write_text(json.dumps(report, indent=1, default=str, ensure_ascii=False))
    os.replace(tmp, p)
    return p


# --- reading ------------------------------------------------------------------------------------
def articles_dataset(out: str | Path) -> ds.Dataset:
    """The article table as a pyarrow dataset with the current schema: columns added by later
    versions read as null in older files."""
    import pyarrow.dataset as ds

    schema = schemas.articles_schema()
    return ds.dataset(str(Path(out) / "articles"), format="parquet", schema=schema,
                      partitioning=ds.partitioning(pa.schema([schema.field(c) for c in schemas.PARTITION_COLUMNS]), flavor="hive"))


def compact(out: str | Path, target_rows: int = 250_000) -> dict:
    """Merge the small files of each partition into files of up to `target_rows` rows, as a new
    snapshot swapped in atomically: readers see the same rows before and after."""
    out = Path(out)
    run_id = "compact-" + new_run_id()
    with writer_lock(out):
        cur = current_snapshot(out, "articles")
        if cur is None:
            return {"partitions": 0, "files_before": 0, "files_after": 0}
        snap = out / ".snapshots" / "articles" / run_id
        before = _files(cur)
        by_dir: dict[Path, list[Path]] = {}
        for f in before:
            by_dir.setdefault(f.parent.relative_to(cur), []).append(f)
        after = 0
        for rel, files in by_dir.items():
            (snap / rel).mkdir(parents=True, exist_ok=True)
            if len(files) == 1:
                os.link(files[0], snap / rel / files[0].name)
                after += 1
                continue
            # files of different schema versions merge under the newest schema (added columns null)
            table = pa.concat_tables([pq.read_table(f) for f in files], promote_options="default")
            newest = max(int(pq.read_schema(f).metadata.get(b"newsclean.schema_version", b"1")) for f in files)
            table = table.cast(schemas.file_schema(newest)) if set(table.schema.names) == set(schemas.file_schema(newest).names) \
                else table
            for i in range(0, max(1, table.num_rows), target_rows):
                pq.write_table(table.slice(i, target_rows), snap / rel / f"part-{run_id}-{i // target_rows}.parquet",
                               compression="zstd")
                after += 1
        _swap(out, "articles", snap)
        _gc(out, "articles")
    return {"partitions": len(by_dir), "files_before": len(before), "files_after": after}


def merge_into_delta(out: str | Path, run_id: str) -> int:
    """Also keep the article table as Delta Lake (DIR/delta/articles) for ACID readers: this run's
    rows are merged on article_id (updated when present, inserted otherwise). Returns rows merged."""
    from .extras import require

    deltalake = require("deltalake")
    DeltaTable, write_deltalake = deltalake.DeltaTable, deltalake.write_deltalake
    rows = articles_dataset(out).to_table(filter=pc.field("run_id") == run_id)
    if rows.num_rows == 0:
        return 0
    path = Path(out) / "delta" / "articles"
    if not (path / "_delta_log").exists():
        write_deltalake(str(path), rows, partition_by=list(schemas.PARTITION_COLUMNS))
    else:
        (DeltaTable(str(path)).merge(source=rows, predicate="t.article_id = s.article_id", source_alias="s",
                                     target_alias="t")
         .when_matched_update_all().when_not_matched_insert_all().execute())
    return rows.num_rows
