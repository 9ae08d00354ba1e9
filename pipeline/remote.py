"""Output on an object store (s3://, or any fsspec URL): a local mirror plus a manifest commit.

Object stores have no atomic rename and no symlinks. A run with a remote `--out` works on a local
mirror of the output (the same snapshot store as a local run; pulled from the store when the
mirror is missing), then pushes: first the new data files (file names are unique per run, so an
existing key is never overwritten), then the state and the run report, and last
`articles/_manifest.json` and `rejects/_manifest.json`, the commit markers. A reader that follows
the manifest sees whole runs only; a glob over the prefix would also see files of replaced rows.
Credentials and endpoint come from the usual variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
AWS_ENDPOINT_URL for S3-compatible stores).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import fsspec
import xxhash

from . import store
from .dedup import STATE_FILE as MINHASH_STATE

TABLES = ("articles", "rejects")
STATE = ("_state/ledger.parquet", "_state/templates.parquet", MINHASH_STATE)

if os.environ.get("AWS_ENDPOINT_URL"):  # S3-compatible stores (MinIO, moto, ...)
    fsspec.config.conf.setdefault("s3", {}).setdefault("client_kwargs", {})["endpoint_url"] = os.environ["AWS_ENDPOINT_URL"]


def is_remote(out: str) -> bool:
    return "://" in str(out) and not str(out).startswith("file://")


def mirror_dir(out: str) -> Path:
    base = Path(os.environ.get("NEWSCLEAN_CACHE", Path.home() / ".cache" / "newsclean"))
    return base / xxhash.xxh3_64_hexdigest(out.rstrip("/").encode())


def _fs(out: str):
    fs, root = fsspec.core.url_to_fs(out.rstrip("/"))
    return fs, root


def manifest(out: str, table: str = "articles") -> dict | None:
    fs, root = _fs(out)
    path = f"{root}/{table}/_manifest.json"
    if not fs.exists(path):
        return None
    with fs.open(path, "rb") as f:
        return json.loads(f.read())


def pull(out: str, mirror: Path) -> None:
    """Build the local mirror from the store's manifests and state (first run on this machine)."""
    if (mirror / "articles").exists():
        return
    fs, root = _fs(out)
    for table in TABLES:
        m = manifest(out, table)
        if m is None:
            continue
        snap = mirror / ".snapshots" / table / m["snapshot"]
        for rel in m["files"]:
            (snap / rel).parent.mkdir(parents=True, exist_ok=True)
            fs.get(f"{root}/{table}/{rel}", str(snap / rel))
        snap.mkdir(parents=True, exist_ok=True)
        os.symlink(os.path.relpath(snap, mirror), mirror / table)
    for rel in STATE:
        if fs.exists(f"{root}/{rel}"):
            (mirror / rel).parent.mkdir(parents=True, exist_ok=True)
            fs.get(f"{root}/{rel}", str(mirror / rel))


def push(out: str, mirror: Path, run_id: str) -> dict:
    """Upload the mirror's current snapshots; the manifests go last (the commit)."""
    fs, root = _fs(out)
    uploaded = 0
    manifests = {}
    for table in TABLES:
        snap = store.current_snapshot(mirror, table)
        if snap is None:
            continue
        files = sorted(str(f.relative_to(snap)) for f in snap.rglob("*.parquet"))
        for rel in files:
            key = f"{root}/{table}/{rel}"
            if not fs.exists(key):
                fs.put(str(snap / rel), key)
                uploaded += 1
        manifests[table] = {"snapshot": snap.name, "run_id": run_id, "files": files}
    for rel in STATE + (f"runs/{run_id}.json", f"runs/{run_id}.html"):
        if (mirror / rel).exists():
            fs.put(str(mirror / rel), f"{root}/{rel}")
    for table, m in manifests.items():  # the commit markers, last
        with fs.open(f"{root}/{table}/_manifest.json", "wb") as f:
            f.write(json.dumps(m, indent=1).encode())
    return {"uploaded_files": uploaded}


def file_urls(out: str, table: str = "articles") -> list[str]:
    """URLs of the files of the committed snapshot (what a reader should open)."""
    m = manifest(out, table)
    return [f"{out.rstrip('/')}/{table}/{rel}" for rel in (m["files"] if m else [])]
