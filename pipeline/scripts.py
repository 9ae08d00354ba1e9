"""Cheap script identification by Unicode ranges, run before any statistical language model."""
from __future__ import annotations

import re
from operator import itemgetter

# (script, compiled class). Order matters only for readability; classes are disjoint.
_SCRIPTS = [
    ("Latin", "A-Za-z\u00C0-\u024F\u1E00-\u1EFF"),
    ("Arabic", "\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF"),
    ("Cyrillic", "\u0400-\u052F"),
    ("Greek", "\u0370-\u03FF"),
    ("Hebrew", "\u0590-\u05FF"),
    ("Devanagari", "\u0900-\u097F"),
    ("Bengali", "\u0980-\u09FF"),
    ("Thai", "\u0E00-\u0E7F"),
    ("Hangul", "\uAC00-\uD7AF\u1100-\u11FF\u3130-\u318F"),
    ("Kana", "\u3040-\u30FF"),
    ("Han", "\u4E00-\u9FFF\u3400-\u4DBF"),
]
_RE = [(name, re.compile(f"[{cls}]")) for name, cls in _SCRIPTS]


def _table() -> tuple[dict[int, str], str]:
    """One str.translate table: every letter of a known script -> that script's marker character,
    everything else deleted. Counting markers is then a few C-speed str.count calls."""
    markers = "ABCDEFGHIJK"
    table: dict[int, str | None] = {cp: None for cp in range(0x3000)}  # drop ASCII/Latin-1 noise by default
    for (name, cls), mark in zip(_SCRIPTS, markers):
        for part in re.findall(r"(.)-(.)|(.)", cls):
            lo, hi, single = part
            rng = range(ord(lo), ord(hi) + 1) if lo else range(ord(single), ord(single) + 1)
            for cp in rng:
                table[cp] = mark
    return table, markers


class _Marks(dict):
    """translate table: unknown code points (beyond the precomputed ones) are deleted."""

    def __missing__(self, key):
        return None


_TABLE_RAW, _MARKERS = _table()
_TABLE = _Marks(_TABLE_RAW)
_NAMES = [name for name, _ in _SCRIPTS]
_NAME_OF = dict(zip(_MARKERS, _NAMES))

# Scripts that identify one language on their own (Kana means Japanese even beside Han).
SCRIPT_LANGUAGE = {"Hangul": "ko", "Kana": "ja", "Thai": "th", "Greek": "el", "Hebrew": "he", "Bengali": "bn"}
CJK = {"Han", "Kana", "Hangul"}
LATIN_YIELDS_TO = 0.25  # share of letters (see dominant_script)


_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


# General punctuation (typographic spaces, dashes, quotes, bullets): no script's letters are here, and it
# is what makes most lines of English or German news non-ASCII
_GENERAL_PUNCTUATION = re.compile("[\u2000-\u206F]+")


def script_counts(text: str) -> dict[str, int]:
    """Letters per script in `text`."""
    if not text.isascii():
        plain = _GENERAL_PUNCTUATION.sub("", text)
        text = plain if plain.isascii() else text
    if text.isascii():  # most lines of most pages: count letters at C speed
        n = len(text.encode("ascii").translate(None, _ASCII_NON_LETTERS))
        return {"Latin": n} if n else {}
    marks = text.translate(_TABLE)
    if not marks:
        return {}
    first = marks[0]
    if marks.count(first) == len(marks):  # one script only: the common case
        return {_NAME_OF[first]: len(marks)}
    counts = {}
    for name, mark in zip(_NAMES, _MARKERS):
        n = marks.count(mark)
        if n:
            counts[name] = n
    return counts


def dominant_script(text: str, counts: dict[str, int] | None = None) -> str | None:
    """The script of most letters in `text`, or None when it has no letters we know.

    Kana anywhere with Han makes the text Japanese ("Kana"), since Japanese mixes both. Latin
    yields to another script holding at least LATIN_YIELDS_TO of the letters: Latin names, brands,
    URLs and HTTP headers are common inside Urdu, Hindi or Russian text, the reverse is rare.
    """
    counts = script_counts(text) if counts is None else counts
    if len(counts) <= 1:
        return next(iter(counts), None)
    counts = dict(counts)
    if counts.get("Kana") and counts.get("Han"):
        counts["Kana"] += counts.pop("Han")
    ranked = sorted(counts.items(), key=itemgetter(1), reverse=True)[:2]
    if ranked[0][0] == "Latin" and len(ranked) > 1 and ranked[1][1] >= LATIN_YIELDS_TO * sum(counts.values()):
        return ranked[1][0]
    return ranked[0][0]


def text_units(text: str, counts: dict[str, int] | None = None) -> int:
    """Word count that also works for scripts written without spaces (2 CJK characters = 1 word)."""
    words = len(text.split())
    if text.isascii():
        return words
    counts = script_counts(text) if counts is None else counts
    cjk = sum(n for name, n in counts.items() if name in CJK)
    return max(words, cjk // 2) if cjk else words
