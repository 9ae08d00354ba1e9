"""Exact and near-duplicate articles across sources (one wire story on several sites).

Workers compute, per article, a hash of the folded body (exact duplicates) and a MinHash of its
word 5-shingles (datasketch); the publish step looks each new article up among the articles
published before it (and earlier in the same run) and sets `duplicate_of` to the first one.
Nothing is dropped unless the run asks for it. Signatures are kept in
DIR/_state/minhash-xxh32-words.parquet (64 x uint32 = 256 bytes per article); the file name names
the shingle hash (xxh32 per word, mixed per shingle: `shingle_hashes`), so signatures made another
way (an older state file) are never compared with these.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import xxhash
from datasketch import MinHash, MinHashLSH

from .textnorm import match_key

NUM_PERM = 64
SCHEME = "affine32"  # 32-bit hash values: stored as uint32
SHINGLE = 5
STATE_FILE = "_state/minhash-xxh32-words.parquet"
THRESHOLD = 0.7  # estimated Jaccard of 5-word shingles above which two bodies are one story
MIN_WORDS = 30  # shorter bodies are not compared (too little text to call a duplicate)
SCHEMA = pa.schema([("article_id", pa.string()), ("body_hash", pa.string()),
                    ("signature", pa.list_(pa.uint32())), ("run_id", pa.string())])


@lru_cache(maxsize=1)
def _permutations():
    """The seed's permutations, drawn once per process instead of once per article."""
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


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
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations(), hashfunc=int)
    m.update_batch(shingle_hashes(words).tolist())
    return body_hash, m.hashvalues.astype(np.uint32)


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


@lru_cache(maxsize=1)
def _bands() -> tuple[int, int]:
    """datasketch's band count and rows per band for THRESHOLD and NUM_PERM (8 x 8 here)."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def find_duplicates(state: pa.Table, new: pa.Table) -> dict[str, str]:
    """article_id -> the earlier article_id it duplicates, for the rows of `new`.

    Banded LSH as datasketch's MinHashLSH does it (two articles are candidates when all the
    values of one band agree), computed with numpy over the signature matrix: a few bytes per
    article instead of a Python MinHash and hash-table entries each, so that a run over millions
    of articles does not hold millions of Python objects (benchmarks/throughput.py, peak RSS)."""
    keep = pc.invert(pc.is_in(state.column("article_id"), value_set=new.column("article_id"))) if state.num_rows \
        else None
    rows = pa.concat_tables([state.filter(keep) if keep is not None else state, new.cast(state.schema)])
    ids = rows.column("article_id").to_pylist()
    hashes = rows.column("body_hash").to_pylist()
    first_pos: dict[str, int] = {}
    for i, aid in enumerate(ids):
        first_pos.setdefault(aid, i)
    by_hash: dict[str, str] = {}
    for aid, h in zip(ids, hashes):
        by_hash.setdefault(h, aid)
    # signature matrix of the first occurrence of each article that has one
    sig_col = rows.column("signature")
    has = [i for i, v in enumerate(pc.is_valid(sig_col).to_pylist()) if v and first_pos[ids[i]] == i]
    earliest = np.full(len(ids), -1, dtype=np.int64)  # earliest row sharing a band, per row
    if has:
        idx = np.asarray(has, dtype=np.int64)
        sigs = np.asarray(pc.list_flatten(sig_col.take(pa.array(idx))).to_numpy(zero_copy_only=False),
                          dtype=np.uint32).reshape(len(idx), NUM_PERM)
        b, r = _bands()
        best = np.full(len(idx), np.iinfo(np.int64).max, dtype=np.int64)
        for band in range(b):
            keys = np.ascontiguousarray(sigs[:, band * r:(band + 1) * r]).view(np.dtype((np.void, 4 * r))).ravel()
            _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
            first_row = idx[first[inverse.ravel()]]  # rows are in publication order: first = earliest
            best = np.where(first_row < idx, np.minimum(best, first_row), best)
        found = best != np.iinfo(np.int64).max
        earliest[idx[found]] = best[found]
    dups: dict[str, str] = {}
    start = len(ids) - new.num_rows
    for i in range(start, len(ids)):
        aid = ids[i]
        first = by_hash.get(hashes[i])
        if first is not None and first != aid:
            dups[aid] = first
        elif earliest[i] >= 0 and ids[earliest[i]] != aid:
            dups[aid] = ids[earliest[i]]
    return dups


def load_state(out: str | Path) -> pa.Table:
    p = Path(out) / STATE_FILE
    return pq.read_table(p) if p.exists() else SCHEMA.empty_table()


def save_state(out: str | Path, state: pa.Table, new: pa.Table, run_id: str) -> None:
    import pyarrow.compute as pc

    keep = state.filter(pc.invert(pc.is_in(state.column("article_id"), value_set=new.column("article_id"))))
    merged = pa.concat_tables([keep, new.cast(SCHEMA)])
    p = Path(out) / STATE_FILE
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_suffix(f".tmp-{run_id}")
    pq.write_table(merged, tmp, compression="zstd")
    os.replace(tmp, p)
