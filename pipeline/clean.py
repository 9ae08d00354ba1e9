"""The line-level cleaner shared by the text path and the HTML path.

Text dumps arrive whole (menus, masthead, body, link lists, footer); the HTML path arrives after
trafilatura, mostly body with residue. Both go through the same passes, in this order:

1. `mark_markers`      lines that name what they are: ads, share buttons, promos, mastheads, site
                       widgets, captions, gallery controls, reading time, agency credits,
                       related-list headings (which also take the headline list under them);
2. `mark_foreign_script` lines in another script than the article's (an Arabic menu on an English
                       page), decided by Unicode ranges, so even two-word lines are caught;
3. `select_body`       the body span: the run of lines with the most paragraph text, scored
                       like Finn et al.'s body-text extraction (paragraph words count for, short
                       chrome lines against; a verse's short lines count for, `pipeline.verse`,
                       a table's cells printed one a line for nothing, `pipeline.tablecells`);
                       lines before it are the header, after it the footer;
4. `read_header`       (pipeline.header) title, subtitle, date, byline and section from the header;
                       the rest of the header is navigation;
5. `mark_body_residue` bylines, date lines, repeated titles and teaser link lists inside the span.

Each pass marks lines with a reason code from `pipeline.rules.REASONS`; nothing is deleted, so
`removed_lines` and `newsclean inspect` can always say why a line went.
"""
from __future__ import annotations

import re

from . import rules as R
from .bylines import agency_code, byline_prefix, parse_byline
from .datechoice import choose_date
from .dates import find_date, url_date
from .header import (date_line, fallback_date, header_tail, page_byline, page_date, read_caption, read_header, set_byline,
                     set_date, stamp_head, use_date)
from .lines import _FEATURES, Feat, features, segment  # noqa: F401  (segment: clean's public API)
from .options import SiteConfig
from .record import Article, Line
from .scripts import script_counts
from .tablecells import table_cells
from .textnorm import match_key
from .verse import verse_lines

LINK_LIST_MIN_RUN = 3
MAX_LIST_ITEMS = 25  # a related list under a heading is rarely longer; past that it is the page


def clear_caches() -> None:
    """Forget every per-process cache of line verdicts: line features, date readings, stamps and
    match keys (benchmarks measure pages that share nothing with pages seen before)."""
    _FEATURES.clear()
    for cached in (find_date, stamp_head, match_key):
        cached.cache_clear()


# --- pass 1: self-describing lines ------------------------------------------------------------
def _agency_line(line: str) -> str | None:
    m = R.AGENCY_LINE.match(line) or R.PLACE_AGENCY.match(line)
    if m:
        return agency_code(m["agency"])
    return agency_code(line.strip("()[]—–- .")) if len(line) <= 40 else None


def line_marker(t: str, f: Feat) -> tuple[str, object] | None:
    """What a line says it is, from its own text: (reason, payload) or None. The payload is the
    reading time, the agency code or the Caption the line carries."""
    if R.COPYRIGHT.search(t) and f.units <= 25:
        return "copyright", None
    if f.units <= 60 and R.DISCLAIMER.search(t):
        return "disclaimer", None
    if R.ADVERTISEMENT.match(t):
        return "advertisement", None
    if R.SHARE.match(t):
        return "share", None
    if R.PROMO.match(t):
        return "promo", None
    if R.RELATED_MARKER.match(t):
        return "related_marker", None
    if R.TAGS.match(t):
        return "tags", None
    if R.GALLERY.match(t):
        return "gallery", None
    if R.SKIP_LINK.match(t):
        return "skip_link", None
    if R.MASTHEAD.match(t) and f.units <= 12:
        return "masthead", None
    if not f.ends and R.widget_line(t, f.units):
        return "widget", None
    if (m := R.READING_TIME.match(t)) and any(m.group(g) for g in ("n", "n2", "n3")):
        return "reading_time", int(m["n"] or m["n2"] or m["n3"])
    if f.units <= 8 and (code := _agency_line(t)):
        return "agency", code
    if R.RELATED_PREFIX.match(t) and not f.ends and f.units <= 30:
        return "related_link", None
    if (cap := read_caption(t)) is not None:
        return "caption", cap
    return None


def mark_markers(art: Article, feats: list[Feat]) -> None:
    in_list, after_tags, menu = 0, False, False  # lines a related-list heading may still take
    for i, ln in enumerate(art.lines):
        t, f = ln.text, feats[i]
        if in_list and not R.RELATED_MARKER.match(t):
            # A related-list heading takes the headline-like lines under it, up to real prose, a trail
            # from the home page, or the byline under the article's tags.
            in_list -= 1
            ended = R.HOME_CRUMB.match(t) or (after_tags and byline_prefix(t) and parse_byline(t, require_prefix=True))
            ended = ended or (menu and (f.units > 3 or byline_prefix(t)))
            if not ended and (f.headline_like or f.units <= 2 or (not f.paragraph and f.units < 20)):
                ln.reason = "related_link"
                continue
            in_list = 0
        if f.units > 40:
            continue
        if (marker := f.verdict("marker", line_marker, t)) is None:
            continue
        ln.reason, payload = marker
        if ln.reason in ("related_marker", "tags"):
            # over entries of a word or two ("أخبار عاجلة" over "سياسة", "حوادث": a ticker's label) a heading takes
            # a menu's entries (up to 3 words) only, not the headline, credit and date under the menu
            in_list, after_tags, under = MAX_LIST_ITEMS, ln.reason == "tags", feats[i + 1:i + 4]
            menu = not after_tags and len(under) == 3 and all(u.units <= 2 for u in under)
        elif ln.reason == "reading_time":
            art.reading_time_minutes = art.reading_time_minutes or payload
        elif ln.reason == "agency":
            art.source_agency = art.source_agency or payload
        elif ln.reason == "caption":
            art.image_captions.append(payload)


# --- pass 2: script ---------------------------------------------------------------------------
def document_script(lines: list[Line], feats: list[Feat]) -> str | None:
    """The script of the article's prose; None when there is no prose to tell (then no line is
    removed for its script)."""
    weight: dict[str, int] = {}
    for ln, f in zip(lines, feats):
        if ln.kept and f.script and f.paragraph:
            weight[f.script] = weight.get(f.script, 0) + f.units
    return max(sorted(weight), key=weight.get) if weight else None


def mark_repeated(art: Article, feats: list[Feat], start: int = 0, end: int = 0) -> None:
    """A line printed twice on one page is page furniture (share bars, gallery captions, teaser
    titles) when short; a repeated paragraph (pull quote, 'Click To Tweet', a list item printed
    twice) keeps its first copy: chosen by site folds over paragraphs of more than 25 words only.
    A subheading inside the body span [start, end) whose other copies all stand above the span (a
    table of contents in the header) stays: it is followed by a paragraph and ends no sentence.
    A short line whose every copy stands inside the span stays too ("Pros & Cons", "Free shipping" under
    each product of a review): furniture repeats around the article, not only within it."""
    seen: dict[str, int] = {}
    keys = []
    for ln in art.lines:
        k = match_key(ln.text)
        keys.append(k)
        seen[k] = seen.get(k, 0) + 1
    last = {k: i for i, k in enumerate(keys)}
    first_at = {}
    for i, k in enumerate(keys):
        first_at.setdefault(k, i)
    first: set[str] = set()
    for i, (ln, f, k) in enumerate(zip(art.lines, feats, keys)):
        if not ln.kept or not k or seen[k] < 2:
            continue
        if f.paragraph:
            if k in first:
                ln.reason = "repeated"
            first.add(k)
        elif f.units >= 2:
            if start <= i < end and first_at[k] < start and last[k] == i and _heads_paragraph(art, feats, i, end):
                continue  # listed in the table of contents above the body
            if start <= first_at[k] and last[k] < end:
                continue  # every copy inside the body: the article's own (an item under each product card)
            ln.reason = "repeated"


def _heads_paragraph(art: Article, feats: list[Feat], i: int, end: int) -> bool:
    nxt = next((j for j in range(i + 1, end) if art.lines[j].kept), None)
    return feats[i].headline_like and nxt is not None and feats[nxt].paragraph


def mark_comments(art: Article, feats: list[Feat]) -> None:
    """From the first comment-section heading after some article text, everything is comments."""
    seen_prose = 0
    for i, ln in enumerate(art.lines):
        if feats[i].paragraph and ln.kept:
            seen_prose += 1
        if seen_prose >= 2 and ln.reason != "share" and feats[i].units <= 20 and R.COMMENT_HEADER.match(ln.text):
            for later in art.lines[i:]:
                later.reason = "comments"
            return


def mark_foreign_script(art: Article, feats: list[Feat], doc_script: str | None, whole_page: bool = True) -> None:
    """Remove lines written wholly in another script than the article's (menus in the site's
    home language, language switchers).

    Kept: lines that mix in the article's script; vocalised Arabic (harakat mark a quotation,
    e.g. a verse in an Indonesian article, never a menu); long Latin lines in a non-Latin article
    (quotes, name lists); and after trafilatura (`whole_page=False`), Latin lines and prose.
    """
    if doc_script is None:
        return
    for ln, f in zip(art.lines, feats):
        if not ln.kept or f.script is None or f.script == doc_script or (doc_script == "Kana" and f.script == "Han"):
            continue
        if (f.script == "Latin" and not whole_page) or (f.paragraph and (f.script == "Latin" or not whole_page)):
            continue
        if f.script == "Arabic" and len(R.HARAKAT.findall(ln.text)) >= 3:
            continue
        if script_counts(ln.text).get(doc_script, 0) * 10 >= len(ln.text.replace(" ", "")):
            continue
        ln.reason = "nav_foreign_script"


# --- pass 3: body span --------------------------------------------------------------------------
# Lines that end or interrupt an article's text: the body span does not cross them cheaply.
BARRIERS = {"related_marker", "share", "promo", "copyright", "comments", "tags"}
BARRIER_SCORE = -60.0
SHORT_SCORE = -3.0
POSITION_DECAY = 0.8
# A line of MID_UNITS words or more that is no paragraph (a list item, a table row, a subheading)
# scores MID_SCORE, not SHORT_SCORE: menus are made of shorter items. Both chosen by site folds
# (benchmarks/cv_sites.py: 5 and 0.0 on 4 of 5 folds; None = every short line SHORT_SCORE).
MID_UNITS: int | None = 5
MID_SCORE = 0.0
COLON_LIST_UNITS: int | None = 3  # a kept line of this many words ending with a colon introduces a list
INLINE_LIST_MAX = 3  # an inline "read also" box has a few links; the article goes on under it
_GLUED_ITEMS = re.compile(r"[a-z][A-Z]")


def glued_menu(text: str, f: Feat) -> bool:
    """A menu whose items the scraper glued into one line ("Trending NewsStock Market NewsMarket
    Movers..."): several lower-to-upper joins inside words, at least one per four words, and no
    sentence end. Prose has one at most ("iPhone", "YouTube")."""
    joins = len(_GLUED_ITEMS.findall(text))
    return joins >= 3 and joins * 4 >= f.units and not f.ends


def line_score(ln: Line, f: Feat, mid: int | None = None) -> float:
    if not ln.kept:
        return BARRIER_SCORE if ln.reason in BARRIERS else -1.0
    if f.paragraph and f.units >= 12 and glued_menu(ln.text, f):
        return SHORT_SCORE
    if f.paragraph:
        return float(min(f.units, 80))
    if f.units >= 5 and f.ends:
        return 2.0
    if mid is not None and f.units >= mid:
        return MID_SCORE
    return SHORT_SCORE


def select_body(art: Article, feats: list[Feat]) -> tuple[int, int]:
    """[start, end) of the body. Mid-length lines (MID_UNITS) carry the span further down but do not
    move its start: the start is the span's without them, where the header readers (and the models
    fitted on their lines) look; moving it too cost text-dump titles and dates ~0.01."""
    verse = verse_lines(art.lines, feats, BARRIERS)
    fixed = {**dict.fromkeys(table_cells(art.lines, feats), 0.0), **{i: float(feats[i].units) for i in verse}}
    start, end = _select_body(art, feats, None, fixed)
    if MID_UNITS is None:
        return start, end
    mid_start, mid_end = _select_body(art, feats, MID_UNITS, fixed)
    return (start, max(end, mid_end)) if mid_start <= end else (start, end)


def _select_body(art: Article, feats: list[Feat], mid: int | None, fixed: dict[int, float]) -> tuple[int, int]:
    """Maximum-sum span of line scores (Kadane); `mid`-word lines score MID_SCORE, `fixed` lines as given."""
    best, best_span = 0.0, (0, 0)
    cur, cur_start = 0.0, 0
    listing = False
    lines = art.lines
    n = max(1, len(lines))
    for i, (ln, f) in enumerate(zip(lines, feats)):
        s = fixed[i] if i in fixed else line_score(ln, f, mid)
        if s > 0:  # prose late on the page is more often footer, legal text or teasers
            s *= 1.0 - POSITION_DECAY * i / n
        if ln.reason in ("related_marker", "tags"):
            items = 0
            while i + 1 + items < len(lines) and lines[i + 1 + items].reason == "related_link":
                items += 1
            if items == 0 or (items <= INLINE_LIST_MAX and R.INLINE_MARKER.match(ln.text)):
                s = -1.0  # no list under it (links not scraped), or an inline "read also" box in the text
        if COLON_LIST_UNITS is not None:  # the short lines under "Final standings after 36 races:" are its list or table
            if ln.kept and f.units >= COLON_LIST_UNITS and ln.text.endswith(":"):
                listing = True
            elif f.paragraph or ln.reason in BARRIERS:
                listing = False
            elif listing and s < 0 and ln.kept:
                s = 0.0
        if cur <= 0:
            cur, cur_start = s, i
        else:
            cur += s
        if cur > best:
            best, best_span = cur, (cur_start, i + 1)
    if best_span == (0, 0):  # no paragraph at all: keep what is left
        return 0, len(art.lines)
    return best_span


# --- pass 5: residue inside the body ------------------------------------------------------------
def mark_body_residue(art: Article, feats: list[Feat], start: int, end: int, site: SiteConfig,
                      whole_page: bool = True) -> None:
    lines = art.lines
    title_key = match_key(art.title) if art.title else None
    first_para = True
    for i in range(start, end):
        ln, f = lines[i], feats[i]
        if not ln.kept:
            continue
        if title_key and match_key(ln.text) == title_key:
            ln.reason = "title_repeat" if art.title else "title"
            continue
        if f.units <= 15 and (by := parse_byline(ln.text, require_prefix=True, site=art.site)):
            ln.reason = "byline"
            set_byline(art, ln.text, *by)
            continue
        if f.units <= 14 and (dl := date_line(ln.text, art, site)) is not None:
            by = parse_byline(dl.residue, require_prefix=True) if dl.residue else None
            if by or not dl.residue:
                ln.reason = "date"
                set_date(art, dl, ln.text)
                if by:
                    set_byline(art, ln.text, *by)
                continue
        if first_para and f.paragraph:
            first_para = False
            m = R.DATELINE_AGENCY.match(ln.text)
            if m and (code := agency_code(m["agency"])) and not art.source_agency:
                art.source_agency = code
    # teaser lists: runs of short headline-like lines, not a verse; after trafilatura only a run
    # that closes the body (a list inside the text is the article's own)
    verse = verse_lines(lines, feats, BARRIERS) if whole_page else set()
    run: list[int] = []
    for i in list(range(start, end)) + [None]:
        if i is not None and lines[i].kept and feats[i].headline_like and feats[i].units >= 3 and i not in verse:
            run.append(i)
            continue
        if i is not None and not lines[i].kept:
            continue  # removed lines do not break a run
        structured = sum(any(c.isdigit() for c in lines[j].text) for j in run) * 2 > len(run)  # schedules, results
        if len(run) >= LINK_LIST_MIN_RUN and ((whole_page and not article_list(art, run, start))
                                              or (not whole_page and i is None and not structured)):
            for j in run:
                lines[j].reason = "link_list"
        run = []
    mark_tail_cta(art, feats, start, end, whole_page=whole_page)


_CASED_WORD = re.compile(r"[^\W\d_]{4,}")


def sentence_case(text: str) -> bool:
    """Written like a sentence, not a headline: after the first word, most words of four letters or
    more start lower-case ("Permanency for previously-expiring income bracket rates"). Uncased
    scripts never are."""
    words = _CASED_WORD.findall(text)[1:]
    lower = sum(w[0].islower() for w in words)
    return lower > 0 and lower * 2 > len(words)


def article_list(art: Article, run: list[int], start: int) -> bool:
    """A run of short lines in a dump's body span that is the article's own list, not teasers:
    introduced by a line that ends with a colon, or with most items written in sentence case
    (teaser headlines are title case). On modern/ the teaser-list rule took ~4 true list lines for
    every teaser before this."""
    prev = next((j for j in range(run[0] - 1, start - 1, -1) if art.lines[j].kept), None)
    if prev is not None and art.lines[prev].text.endswith(":"):
        return True
    return sum(sentence_case(art.lines[j].text) for j in run) * 2 > len(run)


def mark_tail_cta(art: Article, feats: list[Feat], start: int, end: int, whole_page: bool = False) -> None:
    """Calls to action that close the body ("Sign up for our newsletter", "Follow her on Twitter");
    in a whole-page dump (`whole_page`) also those between paragraphs."""
    if whole_page:
        for i in range(start, end):
            if art.lines[i].kept and feats[i].units <= 40 and feats[i].verdict("cta", _has_cta, art.lines[i].text):
                art.lines[i].reason = "cta"
        return
    for i in range(end - 1, start - 1, -1):
        ln = art.lines[i]
        if not ln.kept:
            continue
        if feats[i].units <= 60 and feats[i].verdict("cta", _has_cta, ln.text):
            ln.reason = "cta"
            continue
        break


def _has_cta(text: str, f: Feat) -> bool:
    return bool(R.CTA.search(text))


FIXPOINT_ROUNDS = 2


def clean(art: Article, *, site: SiteConfig = SiteConfig(), whole_page: bool = True,
          trace: dict[int, str] | None = None) -> Article:
    """Run all passes over `art.lines` (already segmented), then again over the kept lines until
    nothing more goes: the passes use context (the body span, the header, repeated lines), and a
    line that shaped the context in the first round may itself go, so one round is not always a
    fixed point. Cleaning a cleaned body therefore changes nothing (tests/test_properties.py).

    `whole_page`: the lines are a whole page (a text dump: find the body span, read the header as
    navigation, take teaser lists anywhere); False after trafilatura, which has cut the page to its
    article. `site`: what the page cannot tell (the order of all-numeric dates). `trace` (for
    `newsclean inspect`): filled with line index -> the pass that last set its reason."""
    _passes(art, site, whole_page, None if trace is None else _Trace(art.lines, trace))
    for round_ in range(2, FIXPOINT_ROUNDS + 2):
        kept_i = [i for i, ln in enumerate(art.lines) if ln.reason is None]
        kept = [art.lines[i] for i in kept_i]
        if not kept:
            break
        again = Article(art.source_uri, art.input_format, url=art.url, site=art.site, fetched_at=art.fetched_at,
                        lines=[Line(ln.text, ln.block) for ln in kept])
        again.title = art.title  # so that a repeated headline is still recognised
        sub: dict[int, str] | None = None if trace is None else {}
        _passes(again, site, whole_page, None if sub is None else _Trace(again.lines, sub))
        if not art.authors and again.authors:  # a byline the first round's header window missed
            art.authors, art.byline_raw = again.authors, again.byline_raw
            art.source_agency = art.source_agency or again.source_agency
        gone = [(j, ln, new.reason) for j, (ln, new) in enumerate(zip(kept, again.lines)) if new.reason is not None]
        if not gone:
            break
        for j, ln, reason in gone:
            ln.reason = reason
            if trace is not None:
                trace[kept_i[j]] = f"{sub.get(j, '?')} (round {round_})"
    if art.published_date is None and whole_page:
        page_date(art, site)
    if art.published_date is None and whole_page and art.updated_line is None and (pd := url_date(art.url)) is not None:
        use_date(art, pd, pd.raw)  # a text record that prints no date: its address may (source "url")
    if not art.authors and whole_page:
        page_byline(art, site)
    if art.published_date is None and art.updated_line is not None:
        # a page that prints only "Updated <date>" was published on or before it; mostly on it
        use_date(art, *art.updated_line)
    if whole_page:
        choose_date(art, site)
    return art


# The passes a trace names (`newsclean inspect --html` shows which one removed each line).
PASSES = {
    "mark_markers": "lines that name what they are: ads, share bars, promos, mastheads, widgets, captions, related lists",
    "mark_comments": "the reader-comment section, from its heading on",
    "mark_foreign_script": "lines in another script than the article's, by Unicode ranges",
    "read_header": "the header above the body span: title, dek, date, byline, section, reading time; the rest is navigation",
    "mark_repeated": "lines printed more than once on the page",
    "select_body": "lines after the body span (the run of lines with the most paragraph text) are the footer",
    "mark_body_residue": "inside the body: bylines, date lines, the repeated title, teaser lists, calls to action",
}


class _Trace:
    """Which pass set each line's reason: after each pass, the lines whose reason changed."""

    def __init__(self, lines: list[Line], rules: dict[int, str]):
        self.lines, self.rules, self.seen = lines, rules, [ln.reason for ln in lines]

    def __call__(self, name: str) -> None:
        for i, ln in enumerate(self.lines):
            if ln.reason != self.seen[i]:
                self.rules[i], self.seen[i] = name, ln.reason


def _passes(art: Article, site: SiteConfig, whole_page: bool, trace: _Trace | None = None) -> Article:
    step = trace or (lambda name: None)
    feats = features(art.lines)
    mark_markers(art, feats)
    step("mark_markers")
    if whole_page:
        mark_comments(art, feats)
        step("mark_comments")
    script = document_script(art.lines, feats)
    mark_foreign_script(art, feats, script, whole_page=whole_page)
    step("mark_foreign_script")
    if whole_page:
        start, end = select_body(art, feats)
    else:
        start, end = 0, len(art.lines)
        while start < end and not feats[start].paragraph:
            start += 1
        if start == end:
            start = 0
    start = header_tail(art, feats, start, end, site, whole_page=whole_page)
    read_header(art, feats, start, site, whole_page=whole_page)
    step("read_header")
    if whole_page:
        mark_repeated(art, feats, start, end)
        step("mark_repeated")
    for i in range(end, len(art.lines)):
        if art.lines[i].kept:
            art.lines[i].reason = "footer"
    step("select_body")
    mark_body_residue(art, feats, start, end, site, whole_page=whole_page)
    step("mark_body_residue")
    if art.published_date is None and whole_page:
        fallback_date(art, feats, start, end, site)
    return art
