"""Reading the fields around the body: title, dek, byline, date and stamp lines, section, captions.

The cleaner (`pipeline.clean`) marks lines; this module reads what the header and the lines near
the body say about the article, for both paths: `read_header` on the lines above the body span,
`date_line` / `stamp_at_head` / `name_beside_date` on single lines (also the HTML path's printed
lines, in `pipeline.metadata`), the line-role model's rows and pick (`header_rows`, `_model_roles`,
with `pipeline.roles`), and the
last resorts of a whole page (`fallback_date`, `page_date`, `page_byline`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import roles
from . import rules as R
from .bylines import (agency_code, bare_name, byline_after_stamp, byline_prefix, dateline_names, full_name,
                      handle, is_phrase, looks_like_name, names_organisation, parse_byline)
from .dates import ParsedDate, find_date, is_relative_date
from .lines import Feat
from .options import SiteConfig
from .record import Article, Caption
from .scripts import dominant_script, text_units
from .textnorm import match_key
from .urls import canonical_url, site_of

HEADER_WINDOW = 14  # header lines (nearest the body) searched for title, date and byline
# header lines searched for the headline on a text dump: a table of contents, a pager or a teaser
# list between the headline and the body pushes it further up (chosen on held-out folds of
# benchmarks/train_roles.py among 14, 24, 40, 60: BENCHMARKS.md, issue 23 text-dump metadata)
TITLE_WINDOW = 40


# --- captions (marked by the cleaner's first pass; also the HTML path's <figcaption>s) ----------
MAX_CREDIT_WORDS = 6  # a credit names a photographer or an agency; longer is a caption's text


def read_caption(line: str) -> Caption | None:
    m = R.CAPTION_PREFIX.match(line)
    if m:
        return Caption(m["text"].strip())
    m = R.CREDIT_LINE.match(line)
    if m:
        credit = m["credit"].strip()
        # "Image: Jose Mourinho has agreed a deal ...": a label, then the caption; a credit is a name
        return Caption(credit) if len(credit.split()) > MAX_CREDIT_WORDS else Caption("", credit)
    # the patterns below scan the whole line; each has a cheap necessary condition checked first
    lower = line.lower()
    if (":" in line or "：" in line) and any(k in lower for k in R.CREDIT_WORDS) and (m := R.TRAILING_CREDIT.match(line)) \
            and len(m["credit"].split()) <= MAX_CREDIT_WORDS:
        return Caption(m["text"].strip(), m["credit"].strip())  # "... - تصوير: محمود حسن", "... Photo: Jane Doe"
    inline_cue = "(" in line or "credit" in lower or "getty images" in lower or line[:1].isdigit()
    tail_cue = "/" in line or "|" in line or line.rstrip().endswith(")")
    if not (inline_cue or tail_cue) or text_units(line) > 60:
        return None
    m = R.CAPTION_INLINE.search(line) if inline_cue else None
    if m:
        return Caption(line[:m.start()].strip(" -–|") or line, m.group().strip(" ()") or None)
    m = R.CAPTION_SUFFIX.match(line) if tail_cue else None
    if m and re.search(r"\s[/|]\s*\S+[^/|]*$|\)\s*$", line):
        credit = (m["credit"] or m["credit2"] or "").strip()
        named = looks_like_name(credit) and (m["text"].rstrip().endswith((".", "]", ")")) or R.FILE_PHOTO.search(line))
        if credit and (agency_code(credit) or named or
                       re.search(r"getty|images|photo|afp|reuters|epa|shutterstock|تصوير", credit, re.I)):
            text = R.FILE_PHOTO.sub("", m["text"]).strip(" -–|/")
            return Caption(text, credit)
    return None


def parse_caption(text: str, credit: str | None = None) -> Caption | None:
    """A figure's caption as printed (with its credit inside, or given apart) -> Caption; None for
    what is no caption (a subscription prompt, a share bar)."""
    if R.CTA.search(text) or R.PROMO.match(text) or R.SHARE.match(text):
        return None
    cap = read_caption(text) if text else None
    if cap is None:
        return Caption(text, credit) if text or credit else None
    return Caption(cap.text, credit or cap.credit)


def header_tail(art: Article, feats: list[Feat], start: int, end: int, site: SiteConfig, whole_page: bool = True) -> int:
    """Move the body start past metadata printed just under the headline block.

    A dek is prose, so the span may open with it: "title / dek / title again / caption / date /
    body". When a date line, a byline or a repeat of a header line follows within a few lines
    (and at most two paragraphs precede it), or a line shaped like a dateline or a credit before
    any paragraph ("أبها - خالد العمري:", which ends like a sentence) or, like an agency credit, right
    under a headline the span opened with, those lines belong to the header, where the line-role
    model reads them."""
    lines = art.lines
    header_keys = {match_key(lines[i].text) for i in range(max(0, start - HEADER_WINDOW), start) if lines[i].kept}
    new_start, paragraphs = start, 0
    for i in range(start, min(end, start + 8)):
        ln, f = lines[i], feats[i]
        # a credit line counted as a paragraph for its dashes ("القاهرة - نهى سلطان - الرياض - وكالات:")
        under_headline = i == start + 1 and _headline_sized(lines[start].text, feats[start])
        credit = whole_page and ln.kept and (not paragraphs or under_headline) and roles.credit_shaped(ln.text)
        if f.paragraph and not credit:
            paragraphs += 1
            if paragraphs > 2:
                break
            continue
        if not ln.kept:
            if whole_page and under_headline and ln.reason == "agency":
                new_start = i + 1  # "برلين - (د ب أ):" under the line the span opened with: that line is the headline
            continue
        if (match_key(ln.text) in header_keys and f.units >= 3) or date_line(ln.text, art, site) \
                or parse_byline(ln.text, require_prefix=True) or credit:
            new_start = i + 1
    if new_start > start and any(feats[i].paragraph for i in range(new_start, end)):
        return new_start
    return start


HEADLINE_MAX_UNITS = 20


def _headline_sized(text: str, f: Feat) -> bool:
    """A line the body span took for a paragraph that may be the headline: no longer than
    HEADLINE_MAX_UNITS and ending with no full stop or colon (a headline that ends with a quotation,
    «...» or "...", ends like a sentence; a line ending with a colon leads into what follows)."""
    return f.units <= HEADLINE_MAX_UNITS and not text.rstrip().endswith((".", ":", ";", "،", ","))


@dataclass(slots=True)
class DateLine:
    parsed: ParsedDate
    residue: str  # what is left of the line besides the date: a section, a byline, ...


def date_line(text: str, art: Article, site: SiteConfig) -> DateLine | None:
    """A line that is mostly a date ("Thu 02 Oct 2025 | 11:45 AM", "date 2025-10-01 MIDDLE EAST")."""
    if len(text) > 120 or not (R.ANY_DIGIT.search(text) or any(w in text for w in ("منذ", "ago", "أمس", "yesterday"))):
        return None
    if "@" in text or "http" in text:  # "— Name (@handle) October 9, 2018" closes an embedded post
        return None
    if R.NOT_PUBLICATION.search(text):
        return None
    pd = find_date(text, site=site, fetched_at=art.fetched_at)
    if pd is None:
        return None
    a, b = pd.span
    residue = text[:a] + " " + text[b:]
    # "Published", "Mis à jour", "آخر تحديث" and the time are part of the date, not a section
    residue = R.TIME_BITS.sub(" ", R.WEEKDAYS.sub(" ", R.UPDATED.sub(" ", R.PUBLISHED.sub(" ", residue))))
    # with the Arabic comma and semicolon; a hyphen inside a word joins it ("Veeser-Dombrowski")
    residue = re.sub(r"[|•·,:;/()\[\]–—،؛]+|(?<!\w)-|-(?!\w)", " ", residue)
    words = [w for w in residue.split() if not R.DATE_WORDS.match(w) and w not in ("م", "هـ", "ه")]
    residue = " ".join(words)
    if text_units(residue) > 6:
        return None
    return DateLine(pd, residue)


def is_update_stamp(before_date: str, line: str) -> bool:
    """An "Updated ..." stamp (the word before the date) on a line that names no publication."""
    return bool(R.UPDATED.search(before_date)) and not R.PUBLISHED.search(line)


def set_date(art: Article, dl: DateLine, line: str) -> None:
    if is_update_stamp(line, line):
        art.updated_line = art.updated_line or (dl.parsed, line)
        return  # an update stamp is not the publication date, unless the page prints no other
    if art.published_date is None:
        use_date(art, dl.parsed, line)


def use_date(art: Article, pd: ParsedDate, line: str) -> None:
    art.published_date = pd.date
    art.published_time_local = pd.time
    art.published_raw = line
    art.date_source = pd.kind if pd.kind in ("relative", "url") else "text"
    art.published_parsed = pd


def set_byline(art: Article, line: str, authors: list[str], agency: str | None) -> None:
    if not art.authors and authors:
        art.authors = authors
        art.byline_raw = line
    if agency and not art.source_agency:
        art.source_agency = agency


def _name_before_comment_link(residue: str, site: str | None) -> tuple[list[str], str | None] | None:
    """The author in a date line's residue when the comments link follows the name (a blog theme's
    meta line prints date, author and comments link in a row)."""
    m = R.COMMENT_LINK.search(" " + residue)
    if m is None:
        return None
    name = residue[:m.start()].strip(" ,~-–—|")
    while (t := R.TIME_WORDS.match(name)) is not None and t.end():
        name = name[t.end():]
    name = name.strip(" ,~-–—|")
    if not (bare_name(name) and full_name(name)) or any(w.casefold() in R.GENERIC_ACCOUNTS for w in name.split()):
        return None
    return parse_byline(name, site=site)


def _name_and_affiliation(text: str) -> str | None:
    """The name of a credit line "Full Name, Role, Organisation" (every word after the name
    capitalised, short connectives aside, no digits), else None."""
    head, sep, rest = text.partition(", ")
    if not sep or R.ANY_DIGIT.search(text) or not (bare_name(head) and full_name(head)):
        return None
    words = rest.replace(",", " ").split()
    if not 1 <= len(words) <= 10 or not all(w[:1].isupper() or (w.islower() and len(w) <= 3) for w in words):
        return None
    return head


LONGEST_NAME_WORD = 13  # letters; German compounds ("Pressemitteilung", "Jugendverbände") run longer


def name_beside_date(line: str, site: str | None, span: tuple[int, int] | None = None) -> tuple[list[str], str | None] | None:
    """A full name set off from the date by a separator on a meta line ("Marie Merlet | lundi 9
    décembre 2019", "Janic Cathomen, 01.12.2021", "04.02.2022 | 13:10 Uhr | Uta Helkenberg"). A
    capitalised pair of words merely next to a date is not taken: in German it is as often a label
    ("12. März 2021 Pressemitteilung Aktuell"). `span`: where the date stands on a date line; a
    name that opens the line right before the date is set off by it ("Kristian Larsen July 13, 2025
    — 7 minutes read", "Shana Nys DambrotNovember 6, 2023")."""
    if span is not None and span[0] > 0:
        head = R.WEEKDAYS.sub(" | ", R.GLUED_STAMP.sub(" ", line[:span[0]]))
        if any(len(w) > LONGEST_NAME_WORD for w in head.split()):
            return None  # "Pressemitteilung Aktuell 02. November 2021": a compound noun, a label
        line = head + " | " + line[span[0]:]
    parts = [p.strip() for p in R.META_SEP.split(line) if p.strip()]
    names = [p for p in parts if not R.ANY_DIGIT.search(p) and bare_name(p) and full_name(p) and not R.NOT_HEADLINE.search(p)
             and not any(w.casefold() in R.GENERIC_ACCOUNTS for w in p.split())]
    if len(names) != 1 or names[0] not in (parts[0], parts[-1]):
        return None
    return parse_byline(names[0], site=site)


def _credit_on_next_line(art: Article, window: list[int], i: int, credit: str) -> tuple[list[str], str | None] | None:
    """`credit` is a credit word alone ("By", "Von", "Autor:", a date line ending in "von"): the name
    is the next header line, which then goes as the byline too. After a preposition ("von", "par")
    only full names count: "Von" over a capitalised noun is a heading."""
    m = byline_prefix(credit)
    if m is None or m.end() != len(m.string):
        return None
    j = next((j for j in window if j > i and art.lines[j].kept), None)
    if j is None or text_units(art.lines[j].text) > 8:
        return None
    by = parse_byline(m.group().strip() + " " + art.lines[j].text, require_prefix=True, site=art.site)
    if by is None or (R.PREPOSITION.match(m.group()) and not all(bare_name(a) and full_name(a) for a in by[0])):
        return None
    art.lines[j].reason = "byline"
    for k in (k for k in window if k > j and art.lines[k].kept):  # "By" / "A" / "@a" / "B": each name a line
        t = art.lines[k].text
        if R.NAME_JOINER.match(t):  # "By" / "A" / "," / "B" / ", and" / "C": the list's commas on lines of their own
            art.lines[k].reason = "byline"
            continue
        if not (R.HANDLE_LINE.match(t) or (bare_name(t) and full_name(t))) or R.OTHER_CREDIT.search(t):
            break  # "Fact Checked" under the name is a label, not a second author
        art.lines[k].reason = "byline"
        if not t.startswith("@") and t not in by[0]:
            by[0].append(t)
    return by


def _affiliation_byline(art: Article, window: list[int], date_idx: list[int]) -> None:
    """Credit lines "Full Name, Role, Organisation" (the next ones opening with "& ") right above
    the date line: "Sarah Hinger, Staff Attorney, ACLU" / "& Sylvia Torres-Guillén, Director, ..."."""
    lines = art.lines
    for n, i in enumerate(window):
        if not lines[i].kept or (named := _name_and_affiliation(lines[i].text)) is None:
            continue
        block, names = [i], [named]
        for j in window[n + 1:]:
            if not (lines[j].kept and lines[j].text.startswith("& ") and (more := _name_and_affiliation(lines[j].text[2:]))):
                break
            block.append(j)
            names.append(more)
        below = window.index(block[-1]) + 1
        if below < len(window) and window[below] in date_idx:
            for j in block:
                lines[j].reason = "byline"
            set_byline(art, lines[i].text, names, None)
            return


def _names_site(text: str, site: str | None) -> bool:
    """"Ahram Online" on ahram.org.eg: the publication's name, not a section."""
    words = match_key(text).split()
    return bool(site and words and words[0] == site.split(".")[0])


def _section_from(residue: str) -> str | None:
    if not residue or text_units(residue) > 4 or any(c.isdigit() for c in residue) or not any(c.isalpha() for c in residue):
        return None
    if residue.isupper():
        return residue.title()
    return residue if residue[:1].isupper() or dominant_script(residue) != "Latin" else None


def read_header(art: Article, feats: list[Feat], start: int, site: SiteConfig, whole_page: bool = True) -> None:
    """Title, subtitle, date, byline, section and reading time from the lines above the body.

    On a whole page (text dump) the rest of the header is navigation. After trafilatura
    (`whole_page=False`) the header is mostly article: only lines that identify themselves go,
    and the title is only the one the HTML names."""
    lines = art.lines
    idx = [i for i in range(start) if lines[i].kept]
    window = idx[-HEADER_WINDOW:]
    wide = idx[-TITLE_WINDOW:] if whole_page else window
    keys = {i: match_key(lines[i].text) for i in wide}
    date_idx = _header_dates(art, window, site)
    _header_bylines(art, feats, window)
    if not art.authors:
        _affiliation_byline(art, window, date_idx)
    title_i = _header_title(art, feats, wide, keys, start, whole_page)
    if not art.authors:
        _bare_name_byline(art, feats, window, set(date_idx), title_i)
    if whole_page:
        for i in idx:
            if lines[i].kept:
                lines[i].reason = "nav_header"


def _header_dates(art: Article, window: list[int], site: SiteConfig) -> list[int]:
    """Date lines in the header, and what sits beside the date on them (a byline, an agency, a
    section); returns their indexes."""
    lines = art.lines
    date_idx = []
    for i in window:
        dl = date_line(lines[i].text, art, site)
        if dl is None:
            if art.fetched_at is None and is_relative_date(lines[i].text):  # "منذ 3 ساعات", and no fetch time
                lines[i].reason = "date"
                date_idx.append(i)
                art.published_raw = art.published_raw or lines[i].text  # kept as printed, not resolved
            continue
        lines[i].reason = "date"
        date_idx.append(i)
        set_date(art, dl, lines[i].text)
        a, b = dl.parsed.span  # the credit as printed, its separators kept ("von X, Online-Redaktion"), else the residue
        by = (parse_byline(R.STAMP_LEAD.sub("", lines[i].text[:a]) + " | " + lines[i].text[b:], require_prefix=True, site=art.site)
              or parse_byline(dl.residue, require_prefix=True) or _name_before_comment_link(dl.residue, art.site)
              or _credit_on_next_line(art, window, i, dl.residue)
              or name_beside_date(lines[i].text, art.site, dl.parsed.span)
              or _arabic_credit(lines[i].text[:a])) \
            if dl.residue else None
        if by:
            set_byline(art, lines[i].text, *by)
        elif code := agency_code(dl.residue):  # "Reuters , Thursday 2 Oct 2025"
            art.source_agency = art.source_agency or code
        elif art.section is None and (sec := _section_from(dl.residue)) and not _names_site(sec, art.site):
            art.section = sec
    return date_idx


def _arabic_credit(before_date: str) -> tuple[list[str], str | None] | None:
    """An Arabic credit before a date, its separators as printed ("المنسق الإعلامي – فلان | Tuesday,
    11 August 2015"): its people as an Arabic dateline gives them (a role, a place or an outlet is
    no person)."""
    return dateline_names(before_date) if dominant_script(before_date) == "Arabic" else None


def _header_bylines(art: Article, feats: list[Feat], window: list[int]) -> None:
    """Explicit bylines ("By X", "كتب: X"), also with the name on the next line ("Von" / "Patrick Czerny")."""
    lines = art.lines
    for i in window:
        if lines[i].kept and feats[i].units <= 15 and (
                by := parse_byline(lines[i].text, require_prefix=True, site=art.site)
                or _credit_on_next_line(art, window, i, lines[i].text)):
            lines[i].reason = "byline"
            set_byline(art, lines[i].text, *by)


def _header_title(art: Article, feats: list[Feat], window: list[int], keys: dict[int, str], start: int,
                  whole_page: bool) -> int | None:
    """The title: the line the HTML or the record names, else one printed twice, else the nearest
    headline-like line above the body; the prose right under it is the subtitle. Returns its index."""
    lines = art.lines
    known = match_key(art.title or art.input_title or "") if (art.title or art.input_title) else None
    cjk = ("Han", "Kana", "Hangul")
    cands = [i for i in window if lines[i].kept and (2 <= feats[i].units <= 40
                                                     or (feats[i].script in cjk and len(lines[i].text) >= 6))
             and not R.COMMENT_HEADER.match(lines[i].text)]  # "Schreibe eine Antwort" heads a form
    title_i = None
    if not known and whole_page and (found := page_named_title(art, window)):
        # the page names its headline: a line printing exactly that is the title (a one-word one too)
        named, text, quoted = found
        title_i = next((i for i in window if lines[i].kept and keys[i] == named), None)
        if title_i is None and quoted:  # the body span started too early (a sidebar of posts): the line anywhere
            title_i = next((i for i in range(len(lines)) if lines[i].kept and i not in keys
                            and match_key(lines[i].text) == named), None)
            if title_i is not None:
                keys[title_i] = named
        if title_i is None and not quoted and len(named.split()) >= 3:
            art.title = text  # a trail's last crumb printed nowhere else: a section name is shorter
    if known:
        title_i = next((i for i in cands if keys[i] == known), None)
        if title_i is None:
            title_i = next((i for i in cands if known and keys[i] and (keys[i] in known or known in keys[i]) and len(keys[i]) >= 0.6 * len(known)), None)
    if title_i is None and whole_page and art.title is None:
        opening, body_at = span_opening(art, feats, start)
        for i in opening:
            keys[i] = match_key(lines[i].text)
        related = [i for i in range(max(0, start - RELATED_ABOVE), start) if lines[i].reason == "related_link"
                   and 2 <= feats[i].units <= 25 and i not in keys]
        for i in related:
            keys[i] = match_key(lines[i].text)
        cands = sorted({*cands, *related})
        cands = _without_contents_entries(art, cands + [i for i in opening if 2 <= feats[i].units <= 40], keys, body_at)
        find_byline = not art.authors and not any(lines[i].reason == "byline" for i in window)
        title_i = _model_roles(art, feats, cands, keys, body_at, find_byline, span_at=start)
        if title_i is not None:  # a headline printed twice: the first copy is the title, the dek follows it
            title_i = min(j for j in cands if keys[j] == keys[title_i])
    if title_i is not None:
        title_key = keys[title_i]
        if lines[title_i].reason == "related_link":
            _bylines_under_listed_headline(art, title_i, start)
        if art.title is None:
            art.title = without_pipe_suffix(lines[title_i].text) if whole_page else lines[title_i].text
        lines[title_i].reason = "title"
        for i in window:
            if i != title_i and lines[i].kept and keys[i] == title_key:
                lines[i].reason = "title_repeat"
        # subtitle: prose right under the headline, before the body
        nxt = next((i for i in window if i > title_i and lines[i].kept), None)
        if nxt is not None and whole_page and art.subtitle is None and feats[nxt].units >= 6 and not looks_like_name(lines[nxt].text):
            art.subtitle = lines[nxt].text
            lines[nxt].reason = "subtitle"
    return title_i


def _bylines_under_listed_headline(art: Article, title_i: int, start: int) -> None:
    """The headline was taken from a related list that ran into it: the list ended above it, so
    a credit under it ("By Anna Schmidt") is this article's byline, not a listed item's."""
    for i in range(title_i + 1, start):
        ln = art.lines[i]
        if ln.reason == "related_link" and not art.authors \
                and (by := parse_byline(ln.text, require_prefix=True, site=art.site)) and by[0]:
            set_byline(art, ln.text, *by)
            ln.reason = "byline"


# lines right above the body removed as a related link are headline candidates too: a related or
# topic list often runs into the headline ("Diet & Fitness" / headline / dek)
RELATED_ABOVE = 6
SPAN_OPENING = 4  # kept lines at the head of the body span read as header lines when a paragraph follows


def span_opening(art: Article, feats: list[Feat], start: int) -> tuple[list[int], int]:
    """The body span's opening lines that are not prose (at most HEADLINE_MAX_UNITS, no sentence end,
    no colon or comma leading on) when prose follows them, and where that prose starts: the span often
    takes the headline with the lead ("Top Nutrition Trends for Fall 2025: ..." / its first paragraph),
    so these lines are headline candidates too (the model weighs `opens_body_span`). ([], start) when
    the span opens with prose or a byline stands right above it."""
    if any(ln.reason in ("byline", "title") for ln in art.lines[max(0, start - 2):start]):
        return [], start  # a credit (or a headline the page names) right above: the header is whole
    kept = [i for i in range(start, len(art.lines)) if art.lines[i].kept][:SPAN_OPENING + 1]
    n = 0
    while n < min(len(kept) - 1, SPAN_OPENING) and feats[kept[n]].units <= HEADLINE_MAX_UNITS \
            and not art.lines[kept[n]].text.rstrip().endswith((*roles.SENTENCE_END, ":", ",", ";")):
        n += 1
    if not n or not feats[kept[n]].paragraph:
        return [], start
    return kept[:n], kept[n]


def without_pipe_suffix(title: str) -> str:
    """"Headline | Opinion", "Headline | Part 1", "Headline | Top 19 Companies": a dump's headline line
    that carries a short label after a spaced bar is the headline without it (the bar joins a page's
    title to its section, series or site, as in <title>); a longer tail or a short head stays."""
    head, bar, tail = title.rpartition(" | ")
    return head.strip() if bar and 1 <= len(tail.split()) <= 4 and len(head.split()) >= 3 else title


def _without_contents_entries(art: Article, cands: list[int], keys: dict[int, str], start: int) -> list[int]:
    """The header lines without the entries of a table of contents: the lines under its label
    ("Table of Contents", "In this article") that are printed again below as subheadings."""
    label = next((i for i in range(start - 1, -1, -1) if R.CONTENTS_LABEL.match(art.lines[i].text)), None)
    if label is None:
        return cands
    below = {match_key(ln.text) for ln in art.lines[start:]}
    keep = [i for i in cands if not (i > label and keys[i] in below)]
    return keep or cands


def _bare_name_byline(art: Article, feats: list[Feat], window: list[int], dates: set[int], title_i: int | None) -> None:
    """A bare name next to the date or under the title is the byline ("Israa Farhan"). Right above
    the title stands a kicker or a section ("Travel Tips", "Industry Insights"): on metadata/ and
    modern/ such a line was the true byline on 1 page of 21."""
    lines = art.lines
    for i in window:
        if not lines[i].kept or not (2 <= feats[i].units <= 4):
            continue
        n = window.index(i)
        near = {window[m] for m in (n - 1, n + 1) if 0 <= m < len(window)}
        under_title = n and window[n - 1] == title_i and i - title_i <= 3  # not past a list the header skipped
        if (near & dates or under_title) and bare_name(lines[i].text) and not lines[i].text.isupper() \
                and not R.NOT_HEADLINE.search(lines[i].text):  # "Enlarge Image", "Foto Archiv"
            by = parse_byline(lines[i].text, site=art.site)
            if by and by[0] and not labels_only(art, by[0]):
                lines[i].reason = "byline"
                set_byline(art, lines[i].text, *by)
                break


_WORD = re.compile(r"[^\W\d_]{2,}")
_PLAIN_WORD = re.compile(r"(?<![\w.@/-])[^\W\d_]{2,}(?![\w@/-]|\.\w)")  # not inside an address ("jane.doe@x.com")


def labels_only(art: Article, names: list[str]) -> bool:
    """Whether every name is a label, each of its words (two or more) printed in lower case elsewhere
    on the page, not inside an address: title case set on "Key Takeaways", "Get Started", "Expert
    Reviewed", not a person ("Jane Doe"; a handle, "gnaddrig", is printed as it is). Asked of a
    byline without a credit word (the line-role model's, a bare name's): on modern/ it dropped seven
    such labels and no person, on metadata/ and arabic_dumps it changes nothing. Asked of every
    byline it dropped persons too ("Georg Kasch", "Melissa": a page prints its authors' names in
    lower case in handles and links), so it is not."""
    keys = [{w.casefold() for w in _WORD.findall(n)} for n in names if not n.islower()]
    if not names or len(keys) < len(names) or any(len(k) < 2 for k in keys):
        return False
    lowers = {w for ln in art.lines for w in _PLAIN_WORD.findall(ln.text) if w.islower()}
    return all(k <= lowers for k in keys)


def page_named_title(art: Article, window: list[int]) -> tuple[str, str, bool] | None:
    """(key, text, whether a comment heading quoted it) of the headline when the page names it:
    quoted in its comment section's heading, or as the last crumb of a breadcrumb trail in the
    header."""
    for ln in art.lines:
        t = ln.text
        if len(t) < 220 and R.QUOTE.search(t) and (m := R.COMMENTS_ON.match(t)):
            return match_key(m["title"]), m["title"], True
    for i in window:
        if (crumbs := _trail_crumbs(art.lines[i].text)) is not None:
            return match_key(crumbs[-1]), crumbs[-1], False
    return None


def _trail_crumbs(text: str) -> list[str] | None:
    """The crumbs of a breadcrumb trail line (see R.TRAIL), or None."""
    if (m := R.TRAIL.match(text)) is None:
        return None
    crumbs = [c for c in R.CRUMB_SEP.split(text) if c]
    return crumbs if len(crumbs) >= 3 or (m["label"] and len(crumbs) == 2) else None


# Headline features of a header line (title_features): with roles.ROLE_FEATURES, the columns of
# the line-role model (pipeline.roles), whose weights benchmarks/train_roles.py fits.
TITLE_FEATURES = ("words_3_25", "words_2", "words_over_25", "ends_like_sentence", "breadcrumb", "ui_words", "is_date",
                  "printed_again", "pager", "bad_start", "stamp_adjacent", "stamp_2_away", "rank_from_body",
                  "last_before_body", "all_caps", "has_colon", "stamp_below", "longer_line_follows",
                  "suffix_of_previous", "capitalised_share", "person_name")
# Each column twice: once for every page, once more on pages whose prose is in Arabic script
# (the same features, other weights where Arabic headers differ: no capitals, other dash forms).
HEADER_FEATURES = TITLE_FEATURES + roles.ROLE_FEATURES + ("opens_body_span", "removed_related")
HEADER_FEATURES = HEADER_FEATURES + tuple("arabic_page:" + n for n in HEADER_FEATURES)
# A rule, not learned: a pager link ("← Previous post (4)") is no headline. A line shaped like a
# person's name is only a column the model weighs: short title-case headlines have that shape
# ("Vibe Coding", "Charity Ratings"); vetoing them lost 27 true headlines of metadata/ and modern/.
NOT_HEADLINE_COLS = [TITLE_FEATURES.index("pager")]
BYLINE_MAX_UNITS = 15


def _title_text_features(text: str, f: Feat) -> tuple:
    """The columns of a title_features row that depend on the line's text alone, in their order
    (kept with the line's cached features: the same header lines recur on every page of a site)."""
    toks = text.split()
    return (
        text.rstrip().endswith((".", ":", ",")) and not text.rstrip().endswith("..."),
        bool(R.BREADCRUMB.search(text)),
        bool(R.NOT_HEADLINE.search(text)) and f.units <= 8,
    ), (
        bool(R.PAGER.search(text)) and not (0 < text.count("«") == text.count("»")),  # «quoted» is no pager arrow
        (text[:1].isdigit() and f.units <= 4) or bool(R.NOT_TITLE_START.match(text)) or bool(R.CLOCK.search(text)),
    ), (
        text.isupper(), ":" in text[1:-1],
    ), (
        sum(1 for t in toks if t[:1].isupper()) / max(1, len(toks)),
        bare_name(text),
    )


def title_features(art: Article, feats: list[Feat], cands: list[int], keys: dict[int, str], start: int,
                   page_keys: str) -> list[list[float]]:
    """One row of TITLE_FEATURES per candidate header line; `page_keys`: every line's match key, one a
    line (a key is printed again when it occurs twice there)."""
    stamps = [j for j in range(max(0, min(cands) - 3), start) if art.lines[j].reason in ("date", "byline")]
    order = {i: n for n, i in enumerate(reversed(cands))}
    rows = []
    for n, i in enumerate(cands):
        f, text, k = feats[i], art.lines[i].text, keys[i]
        own1, own2, own3, own4 = f.verdict("title_text", _title_text_features, text)
        near = [abs(j - i) for j in stamps if j != i]
        nxt = cands[n + 1] if n + 1 < len(cands) else None
        prev_key = keys.get(cands[n - 1], "") if n else ""
        rows.append([
            3 <= f.units <= 25, f.units == 2, f.units > 25,
            *own1,
            any(ch.isdigit() for ch in text) and find_date(text) is not None,  # not kept: depends on today
            len(k.split()) >= 3 and page_keys.count(k) >= 2,
            *own2,
            bool(near) and min(near) == 1, bool(near) and min(near) == 2,
            order[i], order[i] == 0,
            *own3,
            any(0 < j - i <= 3 for j in stamps),
            nxt is not None and nxt == i + 1 and feats[nxt].units > f.units + 3,
            bool(k) and bool(prev_key) and prev_key != k and prev_key.endswith(k),
            *own4,
        ])
    return [[float(v) for v in r] for r in rows]


def header_rows(art: Article, feats: list[Feat], cands: list[int], keys: dict[int, str], start: int,
                span_at: int | None = None) -> np.ndarray:
    """The line-role model's rows (HEADER_FEATURES) for the candidate header lines; those from
    `span_at` on opened the body span (span_opening)."""
    page_keys = "\n".join(match_key(ln.text) for ln in art.lines)
    span_at = start if span_at is None else span_at
    X = np.hstack([np.array(title_features(art, feats, cands, keys, start, page_keys), dtype=float).reshape(len(cands), -1),
                   roles.role_rows(art.lines, feats, cands, start, page_keys),
                   np.array([[float(i >= span_at), float(art.lines[i].reason == "related_link")]
                             for i in cands]).reshape(len(cands), 2)])
    arabic = roles.body_script(art.lines, feats, start) == "Arabic"
    return np.hstack([X, X * arabic])


def headline_allowed(X: np.ndarray) -> np.ndarray:
    """Which rows the rules leave to the headline model (NOT_HEADLINE_COLS)."""
    return ~X[:, NOT_HEADLINE_COLS].any(axis=1)


def byline_allowed(X: np.ndarray) -> np.ndarray:
    """Which rows may be the byline: not a line that opened the body span or a removed related link
    (read for their headline only; a picture control there, "Enlarge Image", is no name)."""
    return (X[:, HEADER_FEATURES.index("opens_body_span")] == 0) & (X[:, HEADER_FEATURES.index("removed_related")] == 0)


def _model_roles(art: Article, feats: list[Feat], cands: list[int], keys: dict[int, str], start: int,
                 find_byline: bool, span_at: int | None = None) -> int | None:
    """The headline (returned) and, when `find_byline` (no rule found one), the byline among the
    header lines, as the line-role model (pipeline.roles) picks them. The byline line goes with
    reason `byline`; its people (an Arabic dateline's names without the place or the outlet, else
    parse_byline's reading) become the authors."""
    cands = [i for i in cands if keys[i]]
    if not cands:
        return None
    X = header_rows(art, feats, cands, keys, start, span_at)
    title_ok = headline_allowed(X)
    byline_ok = np.array([find_byline and feats[i].units <= BYLINE_MAX_UNITS for i in cands]) & byline_allowed(X)
    t, b = roles.pick(X, title_ok, byline_ok, roles.weights(HEADER_FEATURES))
    t, b = _furniture_over_headline(art, feats, cands, title_ok, t, b, find_byline)
    if b is not None:
        i, text = cands[b], art.lines[cands[b]].text
        by = dateline_names(text) if dominant_script(text) == "Arabic" else parse_byline(text, site=art.site)
        if by is not None and not labels_only(art, by[0]):
            art.lines[i].reason = "byline"
            set_byline(art, text, *by)
    return None if t is None else _adjust_title(art, feats, [i for i in cands if art.lines[i].kept], cands[t])


def _furniture_over_headline(art: Article, feats: list[Feat], cands: list[int], title_ok: np.ndarray, t: int | None,
                             b: int | None, find_byline: bool) -> tuple[int | None, int | None]:
    """The model's (headline, byline) rows, unless its headline is an Arabic page's furniture printed
    right over the real one (rules on the pick: arabic_dumps prints one layout, and the model learned
    its order; benchmarks/arabic_layouts.py measures others; on the real sets they change no page):
    - a credit and nothing else (`roles.arabic_credit`: "عبدالله الشملاني - الرياض", "لندن:
      «الشرق الأوسط»") over a line of 2 words or more that is less surely a credit: that line is the
      headline and the credit its byline (a columnist's name over the column; byline-above layout
      title 0.467 -> 0.877);
    - a menu row (`roles.arabic_menu_row`: the home link first, or section names): the line under it is the headline (a
      six-word menu right over a headline with no credit under it: 0.850 -> 0.900);
    - a menu's last entry (a word or two under a run of menu entries, `roles.menu_above`) over a
      longer line that is no credit: that line is the headline (a channel's menu one entry a line
      over a headline and a numeric date: 0.940 -> 0.953)."""
    if t is None or t + 1 >= len(cands) or not title_ok[t + 1]:
        return t, b
    text, under = art.lines[cands[t]].text, art.lines[cands[t + 1]].text
    if roles.arabic_menu_row(text) and b != t + 1:
        return t + 1, b
    if (feats[cands[t]].units <= 2 and dominant_script(text) == "Arabic" and feats[cands[t + 1]].units >= 3
            and not roles.arabic_credit(under) and roles.menu_above(art.lines, feats, cands[t])):
        return t + 1, (None if b == t + 1 else b)  # a menu's last entry ("بث مباشر") over the headline
    credit = roles.arabic_credit(text)
    if b not in (None, t + 1) or not credit or feats[cands[t + 1]].units < 2 or roles.arabic_credit(under) >= credit:
        return t, b
    return t + 1, (t if find_byline else None)


def _adjust_title(art: Article, feats: list[Feat], cands: list[int], best: int) -> int:
    """A dek or a kicker picked in place of the headline beside it, or a copy cut short ("11 HR
    Trends for 2026:...") beside the whole headline (rules on the model's pick)."""
    if art.lines[best].text.rstrip().endswith(("...", "…")):
        cut = match_key(art.lines[best].text)
        whole = [i for i in cands if 0 < abs(i - best) <= 3 and len(k := match_key(art.lines[i].text)) > len(cut)
                 and k.startswith(cut)]
        if cut and whole:
            return whole[0]
    # a dek under its headline: the best-placed line is a longer sentence (a kicker above a headline
    # is shorter and does not end like one), and the
    # line just above it is a shorter headline-like line: that one is the title
    prev = [i for i in cands if i < best]
    if prev and prev[-1] >= best - 1:
        j, fb, fj = prev[-1], feats[best], feats[prev[-1]]
        tj = art.lines[j].text.rstrip()
        if (3 <= fj.units <= 20 and not fj.ends and not tj.endswith((":", ",")) and fj.units < fb.units
                and fb.ends and fb.units >= 8 and not R.BREADCRUMB.search(tj) and not roles.arabic_menu_row(tj)
                and not R.NOT_HEADLINE.search(tj) and not (looks_like_name(tj) and fj.units <= 4)):
            return j
    # a kicker over its headline: the best-placed line is a short label ("Catch more fish", "Story aus
    # Weihnachten") and the line under it is a longer headline that does not end like a sentence
    nxt = [i for i in cands if i > best]
    if nxt and nxt[0] <= best + 1 and feats[best].units <= 3:
        j, fj = nxt[0], feats[nxt[0]]
        tj = art.lines[j].text.rstrip()
        if (6 <= fj.units <= 25 and not tj.endswith((".", ":", ",", ";")) and not R.BREADCRUMB.search(tj)
                and not R.NOT_HEADLINE.search(tj) and not looks_like_name(tj)):
            return j
    return best


# Lines whose dates are not the article's: readers' comments, and a masthead's date, which is the
# day the page was shown ("رئيس التحرير: ... - الجمعة 8 فبراير 2019"), not the day it was published.
NOT_OWN_DATE = {"comments", "masthead"}


def fallback_date(art: Article, feats: list[Feat], start: int, end: int, site: SiteConfig) -> None:
    """When no date line was found: the nearest date printed beside a byline or a 'posted on'
    near the body's edges ("Dezember 26, 2019 von Andrea", "Posted on August 2, 2019")."""
    n = len(art.lines)
    spots = [(start - i, i) for i in range(max(0, start - 40), start)]
    spots += [(i - start, i) for i in range(start, min(end, start + 5))]
    spots += [(i - end + 3, i) for i in range(end, min(n, end + 15))]
    for _, i in sorted(spots):
        ln, f = art.lines[i], feats[i]
        if f.units > 30 or "@" in ln.text or ln.reason in NOT_OWN_DATE:
            continue
        if f.units > 12 and not R.DATE_CONTEXT.search(ln.text):
            continue
        pd = find_date(ln.text, site=site, fetched_at=art.fetched_at)
        if pd is None or R.NOT_PUBLICATION.search(ln.text):
            continue
        if is_update_stamp(ln.text[:pd.span[0]], ln.text):
            art.updated_line = art.updated_line or (pd, ln.text)
            continue
        use_date(art, pd, ln.text)
        return


# Lines of other articles or of readers: their bylines are not this article's.
_NOT_OWN_BYLINE = {"comments", "related_link", "related_marker", "link_list", "promo"}


def page_byline(art: Article, site: SiteConfig) -> None:
    """Last resort on a whole page whose header printed no byline: the first credit line anywhere
    ("Text: Ursula Eggers", "Veröffentlicht von HansG", "Veröffentlicht am 12. Juni 2017 von gizzmo",
    "Posted on <date> by X"), outside comments and link lists. A name without a credit word is not taken:
    in German every noun is capitalised, and "Letzte Aktualisierung" beside a date is no person."""
    for n, ln in enumerate(art.lines):
        if ln.reason in _NOT_OWN_BYLINE or len(ln.text) > 160:
            continue
        if R.AUTHOR_LABEL.match(ln.text) and (by := _name_under_label(art.lines, n)):
            set_byline(art, f"{ln.text} {art.lines[n + 1].text}", *by)
            return
        by = parse_byline(ln.text, require_prefix=True, site=art.site)
        if by is not None:
            # "von", "de", "par" open credits and prepositional phrases alike ("von Physio bis Fango"):
            # away from the header such a line names a person only with a full name
            if R.PREPOSITION.match(ln.text.lstrip()) and not all(bare_name(a) and full_name(a) for a in by[0]):
                by = None
        elif R.CREDIT_WORD.search(ln.text) and any(c.isdigit() for c in ln.text):  # "Posted on <date> by X"
            credit = byline_after_stamp(ln.text)
            if credit is None and (dl := date_line(ln.text, art, site)) is not None:
                credit = dl.residue
            # a date on the line vouches for the credit, and it is a CMS account as often as a name
            by = parse_byline(credit, require_prefix=True, site=art.site, lenient=True) if credit else None
        if by and by[0]:
            set_byline(art, ln.text, *by)
            return


def _name_under_label(lines: list, n: int) -> tuple[list[str], str | None] | None:
    """The person on the line after a credit label (R.AUTHOR_LABEL): a full name, maybe with a
    role or credentials after a dash or a comma ("Eliz - Product marketer" names Eliz)."""
    if n + 1 >= len(lines) or lines[n + 1].reason in _NOT_OWN_BYLINE or text_units(lines[n + 1].text) > 10:
        return None
    text = lines[n + 1].text
    by = parse_byline(text, site=None)
    if by is None or len(by[0]) != 1 or R.OTHER_CREDIT.search(text) or R.RELATED_MARKER.match(text) \
            or R.PROMO.match(text) or R.COMMENT_HEADER.match(text):
        return None
    name = by[0][0]
    one_word = " " not in name
    if (one_word and name.isupper()) or not looks_like_name(name) or is_phrase(name) or R.NOT_HEADLINE.search(name) \
            or name.casefold() in R.GENERIC_ACCOUNTS or R.COMMENT_ACTION.match(name):
        return None  # "SUBSCRIBER", "Recent Posts", "Reply to Elaine J Winter": a widget, not a person
    return by


def page_date(art: Article, site: SiteConfig) -> None:
    """Last resort on a whole page whose header and body edges printed no date: the first line
    anywhere that opens with a publication stamp ("Veröffentlicht am 19. Dezember 2022",
    "Published: 22:00 GMT, 26 September 2020", "Datum: 18.10.2021", "Karlsruhe, (12.11.2021).");
    else an "Updated" stamp; else the first line that is a date and nothing else ("23.10.2018").
    Reader comments and mastheads are not read."""
    for ln in art.lines:
        if ln.reason in NOT_OWN_DATE or (pd := stamp_at_head(ln.text, art, site)) is None:
            continue
        head = ln.text[:120]
        if is_update_stamp(head[:pd.span[0]], head):
            art.updated_line = art.updated_line or (pd, head)
            continue
        use_date(art, pd, head)
        return
    if art.updated_line is not None:
        return  # clean() falls back on it
    for ln in art.lines:
        if ln.reason not in NOT_OWN_DATE and (dl := date_line(ln.text, art, site)) is not None and not dl.residue:
            if not is_update_stamp(ln.text, ln.text):
                use_date(art, dl.parsed, ln.text)
                return


def stamp_at_head(text: str, art: Article, site: SiteConfig, *, dateline_only: bool = False) -> ParsedDate | None:
    """The date of a publication stamp that opens a line (its first 120 characters: "Dieser
    Artikel wurde am 14. Dezember 2015 ...", "Karlsruhe, (12.11.2021). ..."), not in an embedded
    post's signature nor after a label such as "Joined"; a blog theme's entry footer (R.ENTRY_META) is read
    to its 300th character; `dateline_only`: only a place and a date."""
    head = stamp_head(text, dateline_only)
    return None if head is None else find_date(head, site=site, fetched_at=art.fetched_at)


@lru_cache(maxsize=1 << 14)  # page_date asks of every line of a page, and again in later passes
def stamp_head(text: str, dateline_only: bool) -> str | None:
    """The part of `text` that stamp_at_head reads a date from, when it opens like a stamp."""
    head = text[:300] if not dateline_only and R.ENTRY_META.match(text) else text[:120]
    if R.HANDLE.search(head) or R.NOT_PUBLICATION.search(head) \
            or not (R.DATELINE.match(head) or (not dateline_only and R.STAMP.search(head))):
        return None
    return head


# --- authors named by the page's metadata (JSON-LD, <meta>, trafilatura's reading), for both steps
def split_authors(values: list[str], art: Article, site_names: list[str]) -> list[str]:
    names: list[str] = []
    for v in values:
        if not v or v.startswith("http") or len(v) > 200 or names_organisation(v) or (
                is_site_name(v, site_names) and not handle(v)):
            continue  # the site's own name whole ("Jobs & Hire"), before its words look like two names;
            # a blog named after its author's handle ("happyface313", "zahlenzauberin") keeps it
        for part in re.split(r"\s*;\s*", v):
            parsed = parse_byline(part, site=art.site, lenient=True)
            if not parsed:
                continue
            authors, agency = parsed
            if agency and not art.source_agency:
                art.source_agency = agency
            for a in authors:
                # a handle that is the site's name is the blog's author when the credit names it alone
                # ("von zahlenzauberin"), not when more follows it ("unocero - Alberto Ávila")
                if is_site_name(a, site_names) and not (handle(a) and part.rstrip(" .").endswith(a)):
                    continue
                if a not in names:
                    names.append(a)
    return names


def is_site_name(name: str, site_names: list[str]) -> bool:
    """"Eat What Tonight" on eatwhattonight.com, "Die Furche" for "Die FURCHE": the site's name,
    spaced or not, or its domain without the suffix."""
    k = match_key(name).replace(" ", "")
    return any(k == match_key(s).replace(" ", "") or k == s.split(".")[0].casefold() for s in site_names if s)


def site_names_of(art: Article, meta: dict) -> list[str]:
    site = art.site or site_of(canonical_url(art.url or meta.get("canonical")))
    return [s for s in (meta.get("site_name"), meta.get("ld_publisher"), meta.get("t_sitename"), site) if s]


def structured_sources(meta: dict) -> tuple:
    """Author candidates by authority: JSON-LD, <meta>, trafilatura's reading of the page."""
    return meta.get("ld_authors"), meta.get("authors"), [meta["t_author"]] if meta.get("t_author") else None


def structured_authors(art: Article, meta: dict) -> list[str]:
    """Authors named by JSON-LD, <meta> or trafilatura's reading of them, before any byline
    markup or text is scanned."""
    site_names = site_names_of(art, meta)
    for source in structured_sources(meta):
        names = split_authors(source or [], Article(art.source_uri, art.input_format, site=art.site), site_names)
        if names:
            return names
    return []
