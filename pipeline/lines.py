"""Lines and their features: what every pass of the cleaner and the header reader looks at.

`segment` splits a text into lines; `features` gives each line its size in words (or CJK
characters), whether it ends like a sentence and its script, from a process-wide cache: a site's
template lines recur on every page it serves.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import rules as R
from .record import Line
from .scripts import dominant_script, script_counts, text_units

_UNSET = object()


@dataclass(slots=True)
class Feat:
    units: int
    ends: bool  # ends like a sentence
    script: str | None
    # verdicts on the line's own text, computed on first use and kept with the features (_FEATURES)
    marker: object = _UNSET  # clean.line_marker's
    cta: object = _UNSET  # whether R.CTA finds a call to action
    verse: object = _UNSET  # verse._verse_evidence's
    title_text: object = _UNSET  # header.title_features' columns that read the line's text alone

    def verdict(self, slot: str, compute, text: str):
        """The verdict in `slot` on the line's own text: `compute(text, self)` on first use, then kept."""
        v = getattr(self, slot)
        if v is _UNSET:
            v = compute(text, self)
            setattr(self, slot, v)
        return v

    @property
    def paragraph(self) -> bool:
        return self.units >= 10 and (self.ends or self.units >= 20)

    @property
    def headline_like(self) -> bool:
        return 2 <= self.units <= 25 and not self.ends



def segment(text: str) -> list[Line]:
    """Non-empty lines, with the index of the blank-line separated block each belongs to."""
    lines, block, blank = [], 0, False
    for raw in text.split("\n"):
        s = " ".join(raw.split())
        if not s:
            blank = True
            continue
        if blank and lines:
            block += 1
        blank = False
        lines.append(Line(s, block))
    return lines


# Per-line features (and line_marker's verdict) are a function of the line's text alone, and a site's
# template lines (menus, footers, share bars, section labels) recur on every page it serves: they
# are computed once per process and kept, up to FEATURE_CACHE lines (then the cache starts afresh).
FEATURE_CACHE = 1 << 15
_FEATURES: dict[str, Feat] = {}


def features(lines: list[Line]) -> list[Feat]:
    """Per-line features, from the process-wide cache when the line was seen before."""
    cache = _FEATURES
    out = []
    for ln in lines:
        f = cache.get(ln.text)
        if f is None:
            if len(cache) >= FEATURE_CACHE:
                cache.clear()
            counts = script_counts(ln.text)
            f = cache[ln.text] = Feat(text_units(ln.text, counts), bool(R.SENTENCE_END.search(ln.text)),
                                      dominant_script(ln.text, counts))
        ln.script = f.script
        out.append(f)
    return out

