"""Exact and near-duplicate articles across sources (one wire story on several sites).

Workers compute, per article, a hash of the folded body (exact duplicates) and a MinHash of its
word 5-shingles (datasketch); the publish step looks each new article up among the articles
published before it (and earlier in the same run) and sets `duplicate_of` to the first one.
Nothing is dropped unless the run asks for it. Signatures are kept in
DIR/_state/minhash-xxh32.parquet (64 x uint32 = 256 bytes per article); the file name names the
shingle hash, so signatures made another way are never compared with these.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import xxhash
from datasketch import MinHash, MinHashLSH

from .textnorm import match_key

NUM_PERM = 64
SCHEME = "affine32"  # 32-bit hash values: stored as uint32
SHINGLE = 5
STATE_FILE = "_state/minhash-xxh32.parquet"
THRESHOLD = 0.7  # estimated Jaccard of 5-word shingles above which two bodies are one story
MIN_WORDS = 30  # shorter bodies are not compared (too little text to call a duplicate)
SCHEMA = pa.schema([("article_id", pa.string()), ("body_hash", pa.string()),
                    ("signature", pa.list_(pa.uint32())), ("run_id", pa.string())])


@lru_cache(maxsize=1)
def _permutations():
    """The seed's permutations, drawn once per process instead of once per article."""
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def signature(text: str) -> tuple[str, np.ndarray | None]:
    words = match_key(text).split()
    body_hash = xxhash.xxh3_64_hexdigest(" ".join(words).encode("utf-8"))
    if len(words) < MIN_WORDS:
        return body_hash, None
    # xxh32 of each shingle: a quarter of datasketch's default sha1 cost, same 32-bit range
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations(), hashfunc=xxhash.xxh32_intdigest)
    m.update_batch([" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)])
    return body_hash, m.hashvalues.astype(np.uint32)


def signature_table(rows: list[tuple[str, str]], run_id: str) -> pa.Table:
    """(article_id, body text) pairs -> the staged signature table."""
    ids, hashes, sigs = [], [], []
    for aid, text in rows:
        h, sig = signature(text)
        ids.append(aid)
        hashes.append(h)
        sigs.append(None if sig is None else sig.tolist())
    return pa.table({"article_id": ids, "body_hash": hashes, "signature": pa.array(sigs, pa.list_(pa.uint32())),
                     "run_id": [run_id] * len(ids)}, schema=SCHEMA)


def _minhash(sig) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.asarray(sig, dtype=np.uint64), scheme=SCHEME)


def find_duplicates(state: pa.Table, new: pa.Table) -> dict[str, str]:
    """article_id -> the earlier article_id it duplicates, for the rows of `new`."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    by_hash: dict[str, str] = {}
    order: dict[str, int] = {}
    new_ids = set(new.column("article_id").to_pylist())
    n = 0
    for t in (state, new):
        for aid, h, sig in zip(*(t.column(c).to_pylist() for c in ("article_id", "body_hash", "signature"))):
            if t is state and aid in new_ids:
                continue  # re-processed: compare the new version
            by_hash.setdefault(h, aid)
            if sig is not None and aid not in order:
                lsh.insert(aid, _minhash(sig))
            order.setdefault(aid, n)
            n += 1
    dups: dict[str, str] = {}
    for aid, h, sig in zip(*(new.column(c).to_pylist() for c in ("article_id", "body_hash", "signature"))):
        first = by_hash.get(h)
        if first is not None and first != aid:
            dups[aid] = first
            continue
        if sig is None:
            continue
        earlier = [c for c in lsh.query(_minhash(sig)) if c != aid and order.get(c, 1 << 60) < order[aid]]
        if earlier:
            dups[aid] = min(earlier, key=order.__getitem__)
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
