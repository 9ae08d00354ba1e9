"""Exact and near-duplicate articles across sources (one wire story on several sites).

Workers compute, per article, a hash of the folded body (exact duplicates) and a MinHash of its
word 5-shingles (datasketch's "affine32" scheme, computed here with numpy: importing datasketch
pulls scipy and redis, ~0.8 CPU-s per process, more than cleaning a few articles costs); the publish step looks each new article up among the articles
published before it (and earlier in the same run) and sets `duplicate_of` to the first one.
Nothing is dropped unless the run asks for it. Signatures are kept in
DIR/_state/minhash-xxh32-words.parquet (64 x uint32 = 256 bytes per article); the file name names
the shingle hash (xxh32 per word, mixed per shingle: `shingle_hashes`), so signatures made another
way (an older state file) are never compared with these.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import xxhash

from .textnorm import match_key

NUM_PERM = 64
SCHEME = "affine32"  # 32-bit hash values: stored as uint32
SHINGLE = 5
STATE_FILE = "_state/minhash-xxh32-words.parquet"
THRESHOLD = 0.7  # estimated Jaccard of 5-word shingles above which two bodies are one story
MIN_WORDS = 30  # shorter bodies are not compared (too little text to call a duplicate)
SCHEMA = pa.schema([("article_id", pa.string()), ("body_hash", pa.string()),
                    ("signature", pa.list_(pa.uint32())), ("run_id", pa.string())])


BANDS, ROWS = 8, 8  # datasketch's MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM).b, .r (a test checks)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32").permutations: odd `a`,
    any `b`, drawn from RandomState(1) (tests/test_dedup.py compares them)."""
    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _minhash(hashes: np.ndarray) -> np.ndarray:
    """MinHash values of 32-bit input hashes as datasketch's affine32 scheme computes them: each
    hash premixed with MurmurHash3's finalizer, then min over inputs of a*h + b mod 2^32."""
    h = hashes.astype(np.uint32).reshape(-1, 1)
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    a, b = _permutations()
    return (h * a + b).min(axis=0)


# odd 64-bit multipliers that mix the hashes of a shingle's five words into one value
_SHINGLE_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                         0xFF51AFD7ED558CCD], dtype=np.uint64)


def shingle_hashes(words: list[str]) -> np.ndarray:
    """32-bit hashes of the word 5-shingles: each word hashed once (xxh32), each shingle a mix of
    its words' hashes computed with numpy, instead of joining and hashing every shingle's text."""
    wh = np.fromiter((xxhash.xxh32_intdigest(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    n = len(words) - SHINGLE + 1
    with np.errstate(over="ignore"):  # multiplication modulo 2^64 is the point
        mixed = sum(wh[j:j + n] * _SHINGLE_MIX[j] for j in range(SHINGLE))
    return ((mixed >> np.uint64(32)) ^ mixed) & np.uint64(0xFFFFFFFF)


def body_words(art) -> list[str]:
    """`fold_words(art.body_text())`, from the kept lines' match keys: the template store keyed every
    line just before (match_key is cached), so the body is not folded a second time."""
    return [w for ln in art.lines if ln.reason is None for w in match_key(ln.text).split()]


def signature(words: list[str]) -> tuple[str, np.ndarray | None]:
    """(hash of the folded body, MinHash of its word 5-shingles or None when it is too short)."""
    body_hash = xxhash.xxh3_64_hexdigest(" ".join(words).encode("utf-8"))
    if len(words) < MIN_WORDS:
        return body_hash, None
    return body_hash, _minhash(shingle_hashes(words))


def signature_table(rows: list[tuple[str, list[str]]], run_id: str) -> pa.Table:
    """(article_id, folded body words) pairs -> the staged signature table."""
    ids, hashes, sigs = [], [], []
    for aid, words in rows:
        h, sig = signature(words)
        ids.append(aid)
        hashes.append(h)
        sigs.append(None if sig is None else sig.tolist())
    return pa.table({"article_id": ids, "body_hash": hashes, "signature": pa.array(sigs, pa.list_(pa.uint32())),
                     "run_id": [run_id] * len(ids)}, schema=SCHEMA)


def _band_keys(t: pa.Table | pa.RecordBatch) -> tuple[np.ndarray, list[pa.Array]]:
    """(positions of the rows of `t` that have a signature; one fixed-size binary key per band for
    each of them): two articles are LSH candidates when the keys of one band agree, looked up with
    Arrow's hash kernels (pc.index_in)."""
    col = t.column("signature")
    has = np.asarray(pc.is_valid(col).to_numpy(zero_copy_only=False), dtype=bool)
    pos = np.flatnonzero(has)
    sigs = np.asarray(pc.list_flatten(col.filter(pa.array(has))).to_numpy(zero_copy_only=False),
                      dtype=np.uint32).reshape(len(pos), NUM_PERM)
    b, r = BANDS, ROWS
    return pos, [pa.FixedSizeBinaryArray.from_buffers(pa.binary(4 * r), len(pos), [None, pa.py_buffer(
        np.ascontiguousarray(sigs[:, band * r:(band + 1) * r]))]) for band in range(b)]


Run = pa.Table | Sequence[str | Path]  # the run's signatures: a table, or its staged files in staging order


def _parts(new: Run, columns: list[str]) -> Iterator[pa.Table]:
    """The run's signature table, or its staged files one at a time: the run's signatures are never
    all in memory at once."""
    if isinstance(new, pa.Table):
        yield new.select(columns)
    else:
        for f in new:
            yield pq.read_table(f, columns=columns)


def _run_ids(new: Run) -> pa.Array:
    """The run's article ids in staging order (the id column alone is read)."""
    parts = [t.column("article_id") for t in _parts(new, ["article_id"])]
    return pa.chunked_array(parts, pa.string()).combine_chunks() if parts else pa.array([], pa.string())


def _first_in(keys: pa.Array, values: pa.Array) -> np.ndarray:
    """Per key, the position of its first occurrence in `values`, -1 where it has none."""
    return pc.fill_null(pc.index_in(keys, value_set=values), -1).to_numpy(zero_copy_only=False)


def _first_rows(ids: pa.Array) -> np.ndarray:
    """Whether each row is the first of its article_id."""
    return _first_in(ids, ids) == np.arange(len(ids))


def _earliest_band_match(bands: list[pa.Array], values: list[pa.Array]) -> np.ndarray:
    """Per row of `bands`, the earliest row of `values` sharing one of its band keys, -1 if none."""
    best = np.full(len(bands[0]), -1, dtype=np.int64)
    for keys, vals in zip(bands, values):
        pos = _first_in(keys, vals)
        best = np.where((pos >= 0) & ((best < 0) | (pos < best)), pos, best)
    return best


DUPLICATES = pa.schema([("article_id", pa.string()), ("duplicate_of", pa.string())])


def find_duplicates(state: pa.Table | Iterable[pa.RecordBatch], new: Run) -> pa.Table:
    """(article_id, duplicate_of): the rows of `new` that repeat an earlier article, one row per article.

    The earlier article is the first one in publication order (the state's rows, then the run's) with
    the same folded body (exact copy), else the first that shares a band of the MinHash signature (banded
    LSH as datasketch's MinHashLSH does it; only an article's first row in the run takes part). The state
    is read batch by batch and the run a staged file at a time, and matched with Arrow hash kernels,
    never as Python objects; of the run only its ids, body hashes and band keys are held (~300 bytes
    an article, not its signatures), and nothing of the corpus published before it.

    Long: one streaming pass over the state and one over the run, sharing their hash tables."""
    if isinstance(state, pa.Table):
        state = state.to_batches()
    ids = _run_ids(new)
    n = len(ids)
    if not n:
        return DUPLICATES.empty_table()
    first = _first_rows(ids)  # only an article's first row in the run takes part in LSH
    hash_parts, row_parts, band_parts = [], [], []
    at = 0
    for t in _parts(new, ["body_hash", "signature"]):
        hash_parts.append(t.column("body_hash"))
        pos, bands = _band_keys(t)
        keep = first[at + pos]
        row_parts.append(at + pos[keep])
        band_parts.append([b.filter(pa.array(keep)) for b in bands])
        at += t.num_rows
    hashes = pa.chunked_array(hash_parts, pa.string()).combine_chunks()
    sig_rows = np.concatenate(row_parts)
    new_bands = [pa.concat_arrays([part[band] for part in band_parts]) for band in range(len(band_parts[0]))]
    del band_parts
    # positions in `earlier` (the state's ids that some row matched) of each row's exact and near match
    exact = np.full(n, -1, dtype=np.int64)
    near = np.full(n, -1, dtype=np.int64)
    earlier: list[pa.Array] = []
    count = 0
    for batch in state:
        batch = batch.filter(pc.invert(pc.is_in(batch.column("article_id"), value_set=ids)))  # replaced now
        if not batch.num_rows:
            continue
        pos = _first_in(hashes, batch.column("body_hash"))
        rows_e = np.flatnonzero((pos >= 0) & (exact < 0))
        picked = [pos[rows_e]]
        exact[rows_e] = count + np.arange(len(rows_e))
        count += len(rows_e)
        state_rows, bands = _band_keys(batch)
        if len(state_rows) and len(sig_rows):
            best = _earliest_band_match(new_bands, bands)
            hit = np.flatnonzero(best >= 0)
            rows_n = sig_rows[hit]
            first_time = near[rows_n] < 0
            rows_n, hit = rows_n[first_time], hit[first_time]
            picked.append(state_rows[best[hit]])
            near[rows_n] = count + np.arange(len(rows_n))
            count += len(rows_n)
        earlier.append(batch.column("article_id").take(pa.array(np.concatenate(picked), pa.int64())))
    same_body = _first_in(hashes, hashes)  # the run's first row with the same body: itself or before
    other_body = np.asarray(pc.not_equal(ids.take(pa.array(same_body)), ids).to_numpy(zero_copy_only=False), dtype=bool)
    near_in_run = np.full(n, -1, dtype=np.int64)
    if len(sig_rows):
        best = _earliest_band_match(new_bands, new_bands)
        before = best < np.arange(len(sig_rows))
        near_in_run[sig_rows[before]] = sig_rows[best[before]]
    # precedence: an exact copy (the state's, else the run's earlier article), then a near copy
    choice = np.where(exact >= 0, exact, np.where(other_body, count + same_body,
                      np.where(near >= 0, near, np.where(near_in_run >= 0, count + near_in_run, -1))))
    backwards = np.flatnonzero(choice >= 0)[::-1]
    rows = backwards[_first_rows(ids.take(pa.array(backwards)))][::-1]  # an article met twice: its last row's verdict
    candidates = pa.concat_arrays([*earlier, ids])  # `choice` indexes the state's matches, then the run
    return pa.table({"article_id": ids.take(pa.array(rows, pa.int64())),
                     "duplicate_of": candidates.take(pa.array(choice[rows], pa.int64()))}, schema=DUPLICATES)


STATE_ROWS = 1 << 16  # row group of the state file, and the batch it is read and matched in


def state_batches(out: str | Path) -> Iterator[pa.RecordBatch]:
    """The published signatures, a row group at a time (empty before the first publish)."""
    p = Path(out) / STATE_FILE
    if p.exists():
        yield from pq.ParquetFile(p).iter_batches(batch_size=STATE_ROWS)


def save_state(out: str | Path, new: Run, run_id: str) -> None:
    """Append the run's signatures to the state, replacing earlier rows of the same articles; one
    row per article (its first in the run). The state and the run are streamed through a batch and
    a staged file at a time: only the run's ids are held whole."""
    ids = _run_ids(new)
    first = _first_rows(ids)
    p = Path(out) / STATE_FILE
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_suffix(f".tmp-{run_id}")
    with pq.ParquetWriter(tmp, SCHEMA, compression="zstd") as w:
        for batch in state_batches(out):
            w.write_table(pa.Table.from_batches([batch]).filter(
                pc.invert(pc.is_in(batch.column("article_id"), value_set=ids))).cast(SCHEMA), row_group_size=STATE_ROWS)
        at = 0
        for t in _parts(new, SCHEMA.names):
            w.write_table(t.filter(pa.array(first[at:at + t.num_rows])).cast(SCHEMA), row_group_size=STATE_ROWS)
            at += t.num_rows
    os.replace(tmp, p)
