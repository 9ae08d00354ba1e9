"""Bytes -> text: BOM, declared charset, UTF-8, then detection; the chosen encoding is recorded.

Order matters: a page's own declaration (HTTP header or <meta charset>) is right far more often
than statistical detection, which confuses short windows-1256 Arabic with other code pages.
"""
from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]{2,40})""", re.I)
_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
# Browsers treat these labels as their supersets (WHATWG encoding standard).
_ALIASES = {"iso-8859-1": "windows-1252", "latin1": "windows-1252", "latin-1": "windows-1252", "ascii": "windows-1252",
            "us-ascii": "windows-1252", "iso-8859-9": "windows-1254", "iso-8859-6": "iso-8859-6", "tis-620": "cp874",
            "x-sjis": "shift_jis", "gb2312": "gb18030", "gbk": "gb18030"}


class NotText(ValueError):
    """The bytes are not text in any encoding we accept (binary, images, archives)."""


class TooLarge(ValueError):
    """A size cap was hit (document size or decompressed size)."""


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if not head:
        return False
    if any(head.startswith(b) for b, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return ctrl > len(head) * 0.05


def _norm_label(label: str) -> str | None:
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def label(codec_name: str) -> str:
    """Python's codec name -> the usual web label (cp1256 -> windows-1256, iso8859-6 -> iso-8859-6)."""
    name = codecs.lookup(codec_name).name
    if name.startswith("cp125"):
        return "windows-" + name[2:]
    if name.startswith("iso8859-"):
        return "iso-8859-" + name[8:]
    return {"utf-8-sig": "utf-8", "mbcs": "windows-1252"}.get(name, name)


def decode(data: bytes, declared: str | None = None, is_html: bool = False) -> tuple[str, str]:
    """Decode `data`; returns (text, encoding label). Raises NotText for binary content."""
    text, enc = _decode(data, declared, is_html)
    return text, label(enc)


def _decode(data: bytes, declared: str | None, is_html: bool) -> tuple[str, str]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc.replace("-sig", "")
    if looks_binary(data):
        raise NotText("binary content (NUL or control bytes)")
    labels = [declared] if declared else []
    if is_html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            labels.append(m.group(1).decode("ascii", "replace"))
    for label in labels:
        enc = _norm_label(label) if label else None
        if enc and enc not in ("utf-16", "utf-32", "utf-16-le", "utf-16-be"):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                if enc == "utf-8":  # declared UTF-8 with stray bytes: decode as a browser would
                    return data.decode("utf-8", errors="replace"), "utf-8"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise NotText("no text encoding fits the bytes")
    enc = best.encoding
    return data.decode(enc, errors="replace"), enc


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip with a cap on the output size (gzip bombs); raises on truncation."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = io.BytesIO()
    buf = data
    while buf:
        try:
            chunk = d.decompress(buf, max(1, max_bytes + 1 - out.tell()))
        except zlib.error as e:
            raise gzip.BadGzipFile(f"not a valid gzip stream: {e}") from None
        out.write(chunk)
        if out.tell() > max_bytes:
            raise TooLarge(f"decompressed size exceeds {max_bytes} bytes")
        buf = d.unconsumed_tail
        if d.eof:
            rest = d.unused_data
            if rest.startswith(b"\x1f\x8b"):  # concatenated members
                d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                buf = rest
            else:
                break
    if not d.eof:
        raise gzip.BadGzipFile("truncated gzip stream")
    return out.getvalue()
