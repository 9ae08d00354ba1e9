"""Cheap script identification by Unicode ranges, run before any statistical language model."""
from __future__ import annotations

import re
from collections import Counter

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
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)

# Scripts that identify one language on their own (Kana means Japanese even beside Han).
SCRIPT_LANGUAGE = {"Hangul": "ko", "Kana": "ja", "Thai": "th", "Greek": "el", "Hebrew": "he", "Bengali": "bn"}
CJK = {"Han", "Kana", "Hangul"}


def script_counts(text: str) -> Counter:
    """Letters per script in `text`."""
    counts: Counter = Counter()
    for name, rx in _RE:
        n = len(rx.findall(text))
        if n:
            counts[name] = n
    return counts


def dominant_script(text: str) -> str | None:
    """The script of most letters in `text`, or None when it has no letters we know.

    Kana anywhere with Han makes the text Japanese ("Kana"), since Japanese mixes both.
    """
    counts = script_counts(text)
    if not counts:
        return None
    if counts.get("Kana") and counts.get("Han"):
        counts["Kana"] += counts.pop("Han")
    return counts.most_common(1)[0][0]


def text_units(text: str) -> int:
    """Word count that also works for scripts written without spaces (2 CJK characters = 1 word)."""
    words = len(text.split())
    cjk = sum(n for name, n in script_counts(text).items() if name in CJK)
    return max(words, cjk // 2) if cjk else words
