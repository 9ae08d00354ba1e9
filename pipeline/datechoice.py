"""Which printed date is the publication date of a whole-page text dump: a learned choice.

The header rules (`pipeline.header`: the date line nearest the body, then the body's edges, then
stamps anywhere) find a date on most pages, but a dump prints many: the related posts' and the
comments' dates, "Updated" stamps, references ("Accessed April 14, 2025"), and a table of contents
can push the article's own date line out of the header window. Every date printed on the page is a
candidate; a logistic model over where it stands (header, body, footer, near the headline or the
byline), what the line says around it (published / updated / a credit, a date alone), and how it
relates to the other dates (the earliest of a glued "updated + published" pair, printed twice, one
of a list of dated items) scores each; the best one wins when it is sure enough, else the rules'
answer stays. The weights are fitted by benchmarks/train_dates.py on site folds of metadata/ and
modern/ and shipped in date_weights.json; the rules' own pick is one of the features, so the
model learns when to overrule them.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import rules as R
from .dates import ParsedDate, find_date
from .header import use_date
from .weights import load as load_weights
from .options import SiteConfig
from .record import Article

WEIGHTS_FILE = Path(__file__).with_name("date_weights.json")
MAX_LINE = 400  # find_date's limit: longer lines are prose, not stamps
_LIST_REASONS = {"comments", "related_link", "related_marker", "link_list"}
_SEPARATORS = re.compile(r"[|•·,:;/()\[\]–—\-،؛#]+")
_HEADER_REASONS = {"nav_header", "title", "subtitle", "date", "byline", "section"}

FEATURES = (
    "bias", "rule_pick", "rule_same_day", "before_body", "log_dist_before", "in_body", "after_body",
    "log_dist_after", "rel_pos", "near_title", "above_title", "near_byline", "date_alone", "published_word",
    "updated_word", "credit_word", "not_publication", "second_on_line", "earliest_on_line", "later_on_line",
    "log_same_day", "earliest_on_page", "latest_on_page", "log_candidates", "dated_neighbours", "list_reason",
    "header_reason", "comments", "long_line", "handle_or_link", "copyright", "relative_or_hijri", "numeric",
    "first_candidate",
)


RULE_PICK = FEATURES.index("rule_pick")
_NUMERIC = ("num", "num2", "dmy2")


@dataclass(slots=True)
class Candidate:
    line: int
    parsed: ParsedDate
    row: list[float]


def _load() -> tuple[np.ndarray, float]:
    d = load_weights(WEIGHTS_FILE, FEATURES, "train_dates.py")
    return np.asarray(d["weights"], dtype=float), float(d["margin"])


MODEL = _load()


def dates_in(text: str, site: SiteConfig, fetched_at) -> list[ParsedDate]:
    """Every date printed on a line, in order (a theme may glue "updated" and "published" together:
    "May 21, 2025April 24, 2025 by X"); spans are relative to the whole line."""
    out, off = [], 0
    while off < len(text) and len(out) < 4:
        pd = find_date(text[off:], site=site, fetched_at=fetched_at)
        if pd is None:
            break
        a, b = pd.span
        out.append(ParsedDate(pd.date, pd.time, pd.offset, pd.raw, pd.kind, (a + off, b + off)))
        off += max(b, 1)
    return out


def candidates(art: Article, site: SiteConfig) -> list[Candidate]:
    """Every date printed on the page, with its feature row (FEATURES)."""
    lines = art.lines
    n = len(lines)
    kept = [i for i, ln in enumerate(lines) if ln.reason is None]
    start, end = (kept[0], kept[-1] + 1) if kept else (n, n)
    title_i = next((i for i, ln in enumerate(lines) if ln.reason == "title"), None)
    by_i = next((i for i, ln in enumerate(lines) if ln.reason == "byline"), None)
    # a masthead's date is the day the page was shown, never a candidate (header.NOT_OWN_DATE);
    # comments' dates stay candidates, with their own column
    raw = [(i, pd) for i, ln in enumerate(lines)
           if len(ln.text) <= MAX_LINE and ln.reason != "masthead" and R.ANY_DIGIT.search(ln.text)
           for pd in dates_in(ln.text, site, art.fetched_at)]
    if not raw:
        return []
    rule_line = art.published_raw
    days = [pd.date for _, pd in raw]
    first_day, last_day = min(days), max(days)
    dated = {i for i, _ in raw}
    per_line: dict[int, list] = {}
    for i, pd in raw:
        per_line.setdefault(i, []).append(pd.date)
    out = []
    for k, (i, pd) in enumerate(raw):
        text, reason = lines[i].text, lines[i].reason
        before = text[:pd.span[0]]
        residue = (before + " " + text[pd.span[1]:]).strip()
        on_line = per_line[i]
        rule_pick = bool(rule_line) and art.published_date == pd.date and (text.startswith(rule_line) or rule_line in text)
        row = [
            1.0, rule_pick, art.published_date == pd.date and not rule_pick,
            i < start, math.log1p(max(0, start - i)), start <= i < end, i >= end, math.log1p(max(0, i - end + 1)),
            i / max(1, n),
            title_i is not None and abs(i - title_i) <= 3, title_i is not None and i < title_i,
            by_i is not None and abs(i - by_i) <= 2,
            len(_SEPARATORS.sub(" ", residue).split()) <= 1,
            bool(R.PUBLISHED.search(before[-40:])),
            bool(R.UPDATED.search(before[-40:])), bool(R.CREDIT_WORD.search(text)), bool(R.NOT_PUBLICATION.search(text)),
            len(on_line) > 1, len(on_line) > 1 and pd.date == min(on_line), len(on_line) > 1 and pd.date > min(on_line),
            math.log(days.count(pd.date)), pd.date == first_day, pd.date == last_day, math.log(len(raw)),
            sum(j in dated for j in (i - 2, i - 1, i + 1, i + 2)) / 4, reason in _LIST_REASONS,
            reason in _HEADER_REASONS, reason == "comments", len(text) > 120, "@" in text or "http" in text,
            "©" in text or bool(R.COPYRIGHT.search(text)), pd.kind in ("relative", "hijri"), pd.kind in _NUMERIC,
            k == 0,
        ]
        out.append(Candidate(i, pd, [float(v) for v in row]))
    return out


def earliest_on_line(art: Article, site: SiteConfig) -> None:
    """A stamp that prints two dates glued or side by side ("May 21, 2025April 24, 2025 by X",
    "Updated ... Originally published ...") gives the publication date as the earlier one: a page
    is not updated before it is published. A rule, run before the model: it held on 12 of 13 pages of
    metadata/ and modern/; the exception was two all-numeric dates glued ("15/01/201614/01/2016",
    the later one right), so all-numeric dates, whose order is a guess anyway, are left out."""
    raw = art.published_raw
    if not raw or art.published_date is None or art.date_source not in ("text",):
        return
    ds = [d for d in dates_in(raw, site, art.fetched_at) if d.kind not in _NUMERIC]
    if len(ds) > 1 and (first := min(ds, key=lambda d: d.date)).date < art.published_date:
        use_date(art, first, raw)


def choose_date(art: Article, site: SiteConfig) -> None:
    """Replace the rules' date by the model's best candidate when it scores above "none of these"
    (0: the model is a softmax over the page's candidates and that option) and above the rules'
    own pick by the fitted margin; else the rules' answer stays."""
    earliest_on_line(art, site)
    if MODEL is None or art.date_source == "url":  # a date in the article's address is its own
        return
    cands = candidates(art, site)
    if not cands:
        return
    w, margin = MODEL
    scores = np.asarray([c.row for c in cands]) @ w
    best = int(np.argmax(scores))
    rule = next((s for c, s in zip(cands, scores) if c.row[RULE_PICK]), None)
    if scores[best] < (0.0 if rule is None else max(0.0, rule + margin)):
        return
    c = cands[best]
    if art.published_date == c.parsed.date:
        return
    use_date(art, c.parsed, art.lines[c.line].text[:120])
