"""Input discovery and reading: files, folders, globs and fsspec URLs (s3://, ...).

Formats, each optionally gzip-compressed: `.txt` text dumps, `.html`/`.htm` pages, `.jsonl` records
(`url` and `html` or `text`, optional `fetched_at`, `title`, `site`) and `.warc` files (response
records with HTML). Every record read becomes an `Article`: either ready for the pipeline, or with
`reject` set and a reason code, so nothing is dropped silently.
"""
from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterator

import fsspec
import xxhash

from .decode import NotText, TooLarge, decode, gunzip
from .options import MAX_DOC_BYTES
from .record import Article
from .transient import is_transient

FORMATS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
           ".jsonl": "jsonl", ".ndjson": "jsonl", ".warc": "warc"}


@dataclass(frozen=True)
class Limits:
    """Size caps. A record over a cap is rejected, never truncated silently."""

    max_doc_bytes: int = MAX_DOC_BYTES  # one page or text dump, after decompression
    max_file_bytes: int = 4_000_000_000  # a whole multi-record file, after decompression
    max_ratio: int = 200  # decompressed / compressed, for single-document files


def format_of(uri: str) -> tuple[str | None, bool]:
    """(format, gzipped) from the file name."""
    name = uri.lower().rsplit("/", 1)[-1]
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    ext = os.path.splitext(name)[1]
    return FORMATS.get(ext), gz


def discover(inputs: list[str]) -> list[str]:
    """Expand folders (recursively, known formats only) and globs; keep explicit files as given.

    Returns URIs in a stable order. An explicit file of an unknown format is kept, so that it is
    rejected with a reason rather than ignored."""
    out: list[str] = []
    for spec in inputs:
        fs, _, paths = fsspec.get_fs_token_paths(spec)
        protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
        local = protocol in ("file", "local")

        def full(p: str) -> str:
            return os.path.abspath(p) if local else fs.unstrip_protocol(p)

        if not paths:
            raise FileNotFoundError(f"no input matches {spec!r}")
        for p in paths:
            if fs.isdir(p):
                out.extend(full(f) for f in sorted(fs.find(p)) if format_of(f)[0])
            elif fs.exists(p):
                out.append(full(p))
            else:
                raise FileNotFoundError(f"input not found: {spec!r}")
    seen, uniq = set(), []
    for u in out:
        if u not in seen:
            seen.add(u)
            uniq.append(u)
    return uniq


def file_fingerprint(uri: str) -> str:
    """Content fingerprint of a whole input file (xxh3-128 of its bytes, streamed)."""
    h = xxhash.xxh3_128()
    with fsspec.open(uri, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _parse_time(v) -> datetime | None:
    if not v or not isinstance(v, str):
        return None
    try:
        dt = datetime.fromisoformat(v.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def _reject(uri: str, reason: str, detail: str, fmt: str = "unknown") -> Article:
    a = Article(uri, fmt)
    a.reject = (reason, detail[:500])
    return a


def _read_bytes(uri: str, gz: bool, limits: Limits) -> bytes:
    with fsspec.open(uri, "rb") as f:
        data = f.read(limits.max_doc_bytes + 1 if not gz else limits.max_file_bytes + 1)
    if gz:
        cap = min(limits.max_doc_bytes, max(len(data) * limits.max_ratio, 1 << 20))
        data = gunzip(data, cap)
    if len(data) > limits.max_doc_bytes:
        raise TooLarge(f"document larger than {limits.max_doc_bytes} bytes")
    return data


def read_file(uri: str, limits: Limits = Limits(), raise_transient: bool = False) -> Iterator[Article]:
    """Every record of one input file, as Articles (rejected ones carry `reject`).

    Connection errors and time-outs are transient: with `raise_transient` they propagate so
    that the caller can retry; otherwise the input is rejected with `read_error`."""
    fmt, gz = format_of(uri)
    if fmt is None:
        yield _reject(uri, "unsupported_format", "file name has no known extension (.txt .html .jsonl .warc [.gz])")
        return
    try:
        if fmt in ("text", "html"):
            yield _single(uri, fmt, gz, limits)
        elif fmt == "jsonl":
            yield from _jsonl(uri, gz, limits)
        else:
            yield from _warc(uri, limits)
    except Exception as e:
        if is_transient(e):
            if raise_transient:
                raise
            yield _reject(uri, "read_error", f"{type(e).__name__}: {e} (after retries)", fmt)
        else:  # never let one input take the batch down: reject it with what went wrong
            yield _reject(uri, _reason(e), f"{type(e).__name__}: {e}", fmt)


def _reason(e: Exception) -> str:
    if type(e).__name__ == "ArchiveLoadFailed":
        return "corrupt_warc"
    if isinstance(e, TooLarge):
        return "too_large"
    if isinstance(e, NotText):
        return "not_text"
    if isinstance(e, (gzip.BadGzipFile, EOFError)) or "gzip" in str(e).lower() or "compressed" in str(e).lower():
        return "corrupt_gzip"
    return "read_error"


def _single(uri: str, fmt: str, gz: bool, limits: Limits) -> Article:
    data = _read_bytes(uri, gz, limits)
    if not data.strip():
        return _reject(uri, "empty", "file has no content", fmt)
    text, enc = decode(data, is_html=fmt == "html")
    return Article(uri, fmt, raw=text, encoding=enc, fingerprint=xxhash.xxh3_64_hexdigest(data))


def _jsonl(uri: str, gz: bool, limits: Limits) -> Iterator[Article]:
    with fsspec.open(uri, "rb", compression="gzip" if gz else None) as f:
        total = 0
        for n, line in enumerate(_lines(f, limits.max_doc_bytes), 1):
            src = f"{uri}#{n}"
            if line is None:
                yield _reject(src, "too_large", f"record larger than {limits.max_doc_bytes} bytes", "jsonl")
                continue
            total += len(line)
            if total > limits.max_file_bytes:
                raise TooLarge(f"file larger than {limits.max_file_bytes} bytes after decompression")
            if not line.strip():
                yield _reject(src, "empty", "blank line", "jsonl")
                continue
            try:
                rec = json.loads(line)
            except (ValueError, RecursionError) as e:
                yield _reject(src, "invalid_json", str(e), "jsonl")
                continue
            yield _from_record(src, rec, line)


def _lines(f, max_len: int) -> Iterator[bytes | None]:
    """Lines of a binary stream, never holding more than `max_len` bytes of one line (None
    stands for a line that was longer)."""
    while True:
        line = f.readline(max_len + 1)
        if not line:
            return
        if len(line) > max_len and not line.endswith(b"\n"):
            while (rest := f.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def _from_record(src: str, rec, line: bytes) -> Article:
    if not isinstance(rec, dict):
        return _reject(src, "invalid_record", "a JSON Lines record must be an object", "jsonl")
    html, text = rec.get("html") or rec.get("raw_html"), rec.get("text") or rec.get("content")
    if isinstance(html, str) and html.strip():
        fmt, raw = "html", html
    elif isinstance(text, str) and text.strip():
        fmt, raw = "text", text
    else:
        return _reject(src, "missing_content", "record has neither 'html' nor 'text'", "jsonl")
    return Article(src, fmt, raw=raw, url=rec.get("url") if isinstance(rec.get("url"), str) else None,
                   site=rec.get("site") if isinstance(rec.get("site"), str) else None,
                   fetched_at=_parse_time(rec.get("fetched_at")),
                   input_title=rec.get("title") if isinstance(rec.get("title"), str) else None,
                   encoding="utf-8", fingerprint=xxhash.xxh3_64_hexdigest(line))


def _warc(uri: str, limits: Limits) -> Iterator[Article]:
    from warcio.archiveiterator import ArchiveIterator

    with fsspec.open(uri, "rb") as f:
        n = 0
        for record in ArchiveIterator(f):
            if record.rec_type != "response":
                continue
            n += 1
            src = f"{uri}#{n}"
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in ctype.lower():
                yield _reject(src, "unsupported_format", f"WARC response is {ctype or 'untyped'}, not HTML", "warc")
                continue
            data = record.content_stream().read(limits.max_doc_bytes + 1)
            if len(data) > limits.max_doc_bytes:
                yield _reject(src, "too_large", f"record larger than {limits.max_doc_bytes} bytes", "warc")
                continue
            declared = None
            if "charset=" in ctype.lower():
                declared = ctype.lower().split("charset=", 1)[1].split(";")[0].strip()
            try:
                text, enc = decode(data, declared, is_html=True)
            except NotText as e:
                yield _reject(src, "not_text", str(e), "warc")
                continue
            yield Article(src, "html", raw=text, url=record.rec_headers.get_header("WARC-Target-URI"),
                          fetched_at=_parse_time(record.rec_headers.get_header("WARC-Date")), encoding=enc,
                          fingerprint=xxhash.xxh3_64_hexdigest(data))


__all__ = ["Limits", "discover", "file_fingerprint", "read_file", "format_of"]
