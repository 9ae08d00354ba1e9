"""Metadata finalisation: choose among candidates from HTML, the record and the cleaned lines."""
from __future__ import annotations

import re
from datetime import timedelta, timezone

from . import rules as R
from .bylines import agency_code, credit_word, expand_first_names, full_name, names_organisation, parse_byline
from .dates import ParsedDate, find_date
from .header import (date_line, is_site_name, is_update_stamp, name_beside_date, page_byline, parse_caption,
                     site_names_of, split_authors, stamp_at_head, structured_sources, use_date)
from .options import SiteConfig
from .record import Article, Line
from .textnorm import clean_text, match_key
from .urls import canonical_url, site_of  # noqa: F401  (metadata's public names)


def _site_matcher(site_names: list[str]):
    """A loose test of a folded title part: is it one of the site's names, its first word, or does it
    contain one (for taking suffixes off titles; `is_site_name` is the strict test for a name)?"""
    keys = {match_key(s) for s in site_names if s}
    keys |= {k.split(" ")[0] for k in keys if k}

    def is_site(k: str) -> bool:
        return bool(k) and (k in keys or any(k.replace(" ", "") == s.replace(" ", "") for s in keys)
                            or any(s and s in k.replace(" ", "") for s in keys))
    return is_site


def strip_site_suffix(title: str, site_names: list[str]) -> str:
    """"Headline | Site" / "Headline - Site" / "Site: Headline" -> "Headline"."""
    parts = R.SUFFIX_SEP.split(title)
    if len(parts) < 2:
        return title
    is_site = _site_matcher(site_names)
    last, first = match_key(parts[-1]), match_key(parts[0])
    if is_site(last) or (len(parts[-1].split()) <= 3 and len(" ".join(parts[:-1]).split()) >= 4
                         and not parts[-1][:1].islower()):
        return R.SUFFIX_SEP.split(title, maxsplit=len(parts) - 2)[0] if len(parts) > 2 and is_site(match_key(parts[-2])) \
            else title[: title.rfind(parts[-1])].rstrip(" |-–—:•·»")
    if is_site(first):
        return title[len(parts[0]):].lstrip(" |-–—:•·»")
    return title


def choose_html_title(meta: dict, site_names: list[str]) -> str | None:
    """The on-page headline: the <h1> that shares most words with og:title / <title> (pages
    have logo and section <h1>s too), or the page's only <h1>; else og:title (or JSON-LD
    headline, or <title>) without its site-name suffix. Quotes stay as printed: a headline that
    is a quotation („…“, «…», "…") is quoted on the page too."""
    og = meta.get("og_title") or meta.get("ld_headline") or meta.get("t_title") or meta.get("title_tag")
    fallback = strip_site_suffix(og, site_names) if og else None
    h1s = [h for h in meta.get("h1s") or [] if 2 <= len(h.split()) <= 40 and len(h) < 300]
    ref = set(match_key(og or "").split()) | set(match_key(meta.get("title_tag") or "").split())
    best, best_score = None, 0.0
    for h in h1s:
        words = set(match_key(h).split())
        if words:
            score = len(words & ref) / len(words)
            if score > best_score:
                best, best_score = h, score
    if best_score >= 0.5:
        # an <h1> gluing a kicker or a date to the headline contains the cleaner og:title
        fk, bk = match_key(fallback or ""), match_key(best)
        if fallback and len(fallback.split()) >= 3 and fk in bk and fk != bk:
            # "Headline – Until Now" in the <h1> and in og:title: the suffix taken off as a site name was the
            # headline's; not when the rest is a date, the site's name or a domain, or is glued on without a separator
            rest = bk[len(fk):].strip() if bk.startswith(fk) else ""
            if rest and "0" not in rest and not is_site_name(rest, site_names) \
                    and R.H1_SEP.search(best) and not R.DOMAIN.search(best):
                return best
            return fallback
        return best
    site_keys = {match_key(s) for s in site_names}
    if len(h1s) == 1 and match_key(h1s[0]) not in site_keys:
        return h1s[0]
    return fallback


def _page_byline(lines: list[str], site: str | None, stamped: list[str]) -> list[str] | None:
    """The first "By ..." line after the headline whose names are all full names: with no markup
    to vouch for it, "von Deutschland" or "par Paris" must not pass as a byline. A credit next to a
    date stamp is vouched for by the date: read after one (`stamped`), or followed by one ("von
    Marianne1 am 20.09.2020", "by damianduchamps on August 3, 2019"); so is one after a word that
    only credits ("Posted by Nesselsetzer")."""
    for line in lines:
        # a post's meta line, or a word that only credits ("Posted by"): a single name will do
        vouched = line in stamped or find_date(line) is not None or credit_word(line)
        by = parse_byline(line, require_prefix=True, site=site, lenient=vouched)
        # "By HNN Staff | <date>": a date vouches for a single name, not for an organisation's
        if by and by[0] and all(full_name(a) or (vouched and not names_organisation(a)) for a in by[0]):
            return [line]
    return None


def _figure_captions(art: Article, figures: list[list[str | None]]) -> None:
    """The page's <figcaption>s join the captions its text printed (each once)."""
    seen = {match_key(f"{c.text} {c.credit or ''}") for c in art.image_captions}
    for text, credit in figures:
        cap = parse_caption(" ".join(clean_text(text or "").split()), " ".join(clean_text(credit).split()) if credit else None)
        if cap is not None and (key := match_key(f"{cap.text} {cap.credit or ''}")) not in seen:
            seen.add(key)
            art.image_captions.append(cap)


def finalize(art: Article, *, site: SiteConfig = SiteConfig()) -> Article:
    """Fill the output fields from the candidates, normalise them, and derive published_at (with the
    site's configured time zone when the page prints none)."""
    site_tz = site.timezone
    meta = art.html_meta
    art.url = canonical_url(art.url or meta.get("canonical"))
    art.site = art.site or site_of(art.url)
    site_names = site_names_of(art, meta)
    if art.input_format == "html":
        html_title = choose_title(meta, site_names)
        if html_title:
            art.title = html_title
        # by authority: JSON-LD, <meta>, the byline markup (as printed, then as trafilatura reads it), the
        # author link, a credit printed under the headline
        printed = _page_byline(meta.get("page_bylines") or [], art.site, meta.get("stamp_bylines") or [])
        ld, metas, t_author = structured_sources(meta)
        markup = [meta["markup_byline"]] if meta.get("markup_byline") else None  # before trafilatura's reading of it
        sources = (ld, metas, markup, t_author, meta.get("rel_authors"), printed)
        for i, source in enumerate(sources):
            names = split_authors(source or [], art, site_names)
            if names:
                art.authors, art.byline_raw = names, "; ".join(source)
                _more_coauthors(art, sources[i + 1:], site_names)
                break
        if not art.authors and meta.get("page_lines"):  # a credit away from the headline: the text path's search
            page = Article(art.source_uri, "text", site=art.site, lines=[Line(t) for t in meta["page_lines"]])
            page_byline(page, site)
            if page.authors:
                art.authors, art.byline_raw = page.authors, page.byline_raw
                art.source_agency = art.source_agency or page.source_agency
        if not art.authors:
            _name_on_meta_line(art, meta, site)
        if not art.authors:
            _last_credits(art, meta, site_names)
        if art.section is None:
            art.section = meta.get("ld_section") or meta.get("section")
        _html_date(art, meta, site)
        _figure_captions(art, meta.get("figcaptions") or [])
    if any(" " not in a for a in art.authors):
        exp = meta.get("name_expansions") if art.input_format == "html" else \
            expand_first_names(art.authors, (ln.text for ln in art.lines))
        # a byline printed under the headline that gives the name alone ("Artikel von: Jessie") is
        # how the page credits the author: kept as printed (a link to the author's archive, "Mehr
        # Artikel von Stefanus", is no byline)
        printed_alone = {match_key(a) for line in meta.get("page_bylines") or [] if not R.ARCHIVE_LINK.match(line)
                         for a in (parse_byline(line, require_prefix=True, lenient=True) or ([], None))[0]}
        art.authors = list(dict.fromkeys(a if match_key(a) in printed_alone else (exp or {}).get(a, a)
                                         for a in art.authors))
    if art.title is None and art.input_title:
        art.title = strip_site_suffix(art.input_title, site_names)
    if art.source_agency is None:
        art.source_agency = _agency_from_authors(art)
    pd: ParsedDate | None = art.published_parsed
    if pd is not None:
        art.published_at = pd.utc(site_tz)
    if art.published_at is not None:
        art.published_at = art.published_at.astimezone(timezone.utc)
    return art


META_LINES = 4  # lines under the headline that may be its meta line (date, author, section)


def _name_on_meta_line(art: Article, meta: dict, site: SiteConfig) -> None:
    """A full name set off from the date on the meta line right above or under the headline
    ("04.02.2022 | 13:10 Uhr | Uta Helkenberg"), as the text path reads it (clean.name_beside_date)."""
    for line in [meta.get("line_above"), *(meta.get("printed_lines") or [])[:META_LINES]]:
        if line and len(line) <= 160 and find_date(line, site=site) is not None \
                and (by := name_beside_date(line, art.site)) and by[0]:
            art.authors, art.byline_raw = by[0], line
            return


def _last_credits(art: Article, meta: dict, site_names: list[str]) -> None:
    """No byline anywhere: a Creative Commons licence names the blog's author; else the organisation
    the page's JSON-LD or <meta> credits."""
    if meta.get("licence_attribution"):
        art.authors = split_authors([meta["licence_attribution"]], art, site_names)
        art.byline_raw = meta["licence_attribution"] if art.authors else None
    if not art.authors:
        _credited_organisation(art, meta, site_names)


def _credited_organisation(art: Article, meta: dict, site_names: list[str]) -> None:
    """No person credited anywhere: the page's first JSON-LD or <meta> author as given when it names an
    organisation other than the site ("Camphouse Team", "TOI Lifestyle Desk", "Redaktion"), or a
    site named like a person ("Ben Nadel" on bennadel.com); not a URL, a domain, a CMS account, a
    company with its legal form or address (the publisher).
    Chosen on site folds (BENCHMARKS.md "HTML-path metadata"): exact authors up on every fold of
    metadata/ and modern/; the site's own name as author ("Swoogo" on swoogo.events) helps modern/
    but costs metadata/, whose gold leaves those pages author-less."""
    for v in [*(meta.get("ld_authors") or []), *(meta.get("authors") or [])]:
        v = " ".join((v or "").split())
        if v and not v.startswith("http") and len(v) <= 60 and not re.fullmatch(r"[\d.]+", v):
            break
    else:
        return
    if R.CMS_ACCOUNT.match(v) or R.PUBLISHER_FORM.search(v) or re.search(r"\w\.[a-z]{2,}\b", v):
        return
    org, site = names_organisation(v), is_site_name(v, site_names)
    if (org and not site) or (site and not org and full_name(v)):
        art.authors, art.byline_raw = [v], v


def _more_coauthors(art: Article, later: tuple, site_names: list[str]) -> None:
    """JSON-LD often names only the first author where the <meta> field or the printed byline names
    them all ("Sadhbh O'Sullivan" vs "Sadhbh O'Sullivan,Elisabeth Kochan"): a later source that opens
    with the chosen authors, in order, and names more is taken instead. A list that puts another
    name first ("Prisma Média, Marie Merlet") is a publisher's field, not a fuller byline."""
    chosen = [match_key(a) for a in art.authors]
    for source in later:
        names = split_authors(source or [], Article(art.source_uri, art.input_format, site=art.site), site_names)
        if len(names) > len(chosen) and [match_key(a) for a in names[:len(chosen)]] == chosen:
            art.authors, art.byline_raw = names, "; ".join(source)
            return


def _agency_from_authors(art: Article) -> str | None:
    keep, agency = [], None
    for a in art.authors:
        code = agency_code(a)
        if code:
            agency = agency or code
        else:
            keep.append(a)
    art.authors = keep
    return agency


def _html_date(art: Article, meta: dict, site: SiteConfig) -> None:
    """Dates on an HTML page, by authority: JSON-LD and <meta> (they carry the time and offset);
    without them, a date line the page prints next to its headline (or labels as the publication
    date), then a <time datetime>, then htmldate's reading of the whole page.

    `published_date` is the calendar day as printed on the page (local). A stamp with a non-zero
    UTC offset is local time: its day stands, unless htmldate reads a date days away (then the
    stamp is likely a modification date). A stamp in UTC can fall on the day before or after
    the page's own; then the local day is taken from a <time datetime> of the same instant with an
    offset, or from htmldate when its day is one a time zone of -10..+10 h could give (a later day
    only from a UTC time after 14:00, an earlier one only before 10:00). Naive stamps, and stamps
    more than a day away from htmldate's reading, defer to htmldate (it weighs original vs.
    updated dates); the stamp is kept as `published_at` when it may still be the same instant. A
    numeric markup date with two readings ("11/01/2023") takes the one the page prints."""
    def parsed(key: str) -> ParsedDate | None:
        raw = meta.get(key)
        return find_date(str(raw)[:100], site=site, fetched_at=art.fetched_at) if raw else None

    local = parsed("t_date")
    for key, source in (("ld_date", "json-ld"), ("date", "meta")):
        pd = parsed(key)
        if pd is None:
            continue
        art.published_date, art.published_time_local = pd.date, pd.time
        art.published_raw, art.date_source = str(meta[key]), source
        art.published_parsed = pd
        if pd.offset is None or pd.offset == timedelta(0):
            _local_day(art, pd, local, parsed("time_datetime"))
        elif local is not None and abs((local.date - pd.date).days) > 1:
            # days apart: the stamp is likely a modification date; htmldate weighs the original
            art.published_date, art.published_time_local, art.published_parsed = local.date, None, local
        if (earlier := _before_revision(art, meta, pd, site)) is not None:
            return use_date(art, *earlier)
        if re.match(r"\s*\d{4}-", str(meta[key])) or art.published_date.day > 12 \
                or art.published_date.day == art.published_date.month:
            return  # ISO, or no other reading
        printed = _printed_date(art, meta.get("printed_lines") or [], site, past_body=True)
        if printed and printed[0].date == art.published_date.replace(month=art.published_date.day, day=art.published_date.month):
            # "11/01/2023" in the markup, "Erstellt am: 01.11.2023" on the page: the page says which is the day
            art.published_date = printed[0].date
        return
    # No JSON-LD or <meta> date. htmldate guesses from the whole page (URLs, copyright lines,
    # teasers' dates); a date line printed next to the headline is the page's own statement and
    # wins over it (benchmarks/metadata.py on eval/metadata: these rules 9 pages right, 0 wrong).
    # under the headline, else right above it ("02.02.2022 10:16 Uhr - 1. Bundesliga"), else a labelled
    # line anywhere after it ("Erschienen am: 01.11.2023")
    printed = (_printed_date(art, meta.get("printed_lines") or [], site)
               or _printed_date(art, [meta["line_above"]] if meta.get("line_above") else [], site)
               or _printed_date(art, [meta["labelled_date"]] if meta.get("labelled_date") else [], site))
    if printed is not None:
        art.published_date, art.published_time_local = printed[0].date, printed[0].time
        art.published_raw, art.date_source, art.published_parsed = printed[1], "text", printed[0]
        return
    for key in ("time_datetime", "t_date"):  # a <time datetime> marks a printed date; htmldate guesses
        pd = parsed(key)
        if pd is not None:
            art.published_date, art.published_time_local = pd.date, pd.time
            art.published_raw, art.date_source = str(meta[key]), "meta"
            art.published_parsed = pd
            return


MAX_REVISION_DAYS = 1095  # how far a page's modification stamp may lie after the publication date it printed


def _before_revision(art: Article, meta: dict, stamp: ParsedDate, site: SiteConfig) -> tuple[ParsedDate, str] | None:
    """The date the page prints under its headline, over the markup's publication date `stamp` when
    the markup's own modification date (JSON-LD dateModified, article:modified_time) says which
    of the two is the page's date:
    - re-stamped: dateModified or a printed "Updated <date>" gives the stamp's day (a CMS that
      re-stamps datePublished on every edit), and the printed date is earlier than any local day
      of the stamp (not a time-zone slip) and not a numeric date with two readings;
    - shown revision: the printed date is dateModified, later than the stamp (the page shows its
      last revision as its date, and the gold dates follow the page), on a line that does not print
      the stamp's day too ("May 21, 2025 April 24, 2025 by ...").
    Either way the two days lie at most MAX_REVISION_DAYS apart."""
    printed = (_printed_date(art, meta.get("printed_lines") or [], site)
               or _printed_date(art, [meta["line_above"]] if meta.get("line_above") else [], site))
    if printed is None or printed[0].date == art.published_date \
            or abs((art.published_date - printed[0].date).days) > MAX_REVISION_DAYS:
        return None
    day, line = printed[0].date, printed[1]
    modified = {pd.date for raw in (meta.get("ld_modified"), meta.get("modified"))
                if raw and (pd := find_date(str(raw)[:100], site=site)) is not None}
    if day > art.published_date:
        second = find_date(line[printed[0].span[1]:], site=site)
        return printed if day in modified and (second is None or second.date != art.published_date) else None
    for text in [meta.get("line_above") or "", *(meta.get("printed_lines") or [])]:
        if (pd := find_date(text, site=site)) is not None and is_update_stamp(text[:pd.span[0]], text):
            modified.add(pd.date)
            break
    utc = stamp.utc()
    latest_local = (utc - timedelta(hours=14)).date() if utc is not None else art.published_date - timedelta(days=1)
    ambiguous = printed[0].kind in ("num", "num2") and day.day <= 12 and day.day != day.month
    return printed if art.published_date in modified and day < latest_local and not ambiguous else None


def _printed_date(art: Article, lines: list[str], site: SiteConfig, *, past_body: bool = False) -> tuple[ParsedDate, str] | None:
    """The first publication date line among the lines printed under the headline, before the
    body starts (a second line of over 25 words; `past_body` reads on, to confirm a date rather
    than to choose one): not an "Updated" stamp, not a date under a label
    such as "Joined" on the line before."""
    prev, long_lines = "", 0
    for line in lines:
        if len(line.split()) > 25:  # a dek may come before the date line; a second paragraph is the body
            long_lines += 1
            if long_lines == 2 and not past_body:
                break
        dl = date_line(line, art, site)
        pd = dl.parsed if dl is not None else stamp_at_head(line, art, site, dateline_only=True)
        if pd is not None and not is_update_stamp(line[:pd.span[0]], line) and not R.NOT_PUBLICATION.search(prev):
            return pd, line
        prev = line
    return None


def _local_day(art: Article, stamp: ParsedDate, htmldate: ParsedDate | None, time_tag: ParsedDate | None) -> None:
    """The page's local day for a UTC or naive `stamp` (see _html_date)."""
    utc = stamp.offset is not None
    if utc and time_tag is not None and time_tag.offset and time_tag.utc() == stamp.utc():
        art.published_date, art.published_time_local = time_tag.date, time_tag.time
        return
    if htmldate is None or htmldate.date == stamp.date:
        return
    shift = (htmldate.date - stamp.date).days
    hour = int((stamp.time or "12").split(":")[0])
    if utc and abs(shift) == 1 and not ((shift == 1 and hour >= 14) or (shift == -1 and hour < 10)):
        return  # no plausible time zone gives htmldate's day: the stamp's own day stands
    art.published_date, art.published_time_local = htmldate.date, None
    if abs(shift) > 1:
        art.published_parsed = htmldate



# --- the title: a choice among the page's own title sources, learned on site folds
# (benchmarks/train_meta.py fits TITLE_CHOICE_WEIGHTS on metadata/ and modern/; applied with numpy)
TITLE_SOURCES = {"og_title": "og", "title_tag": "tag", "ld_headline": "ld", "t_title": "trafilatura"}
# what the markup of an <h1> equal to the candidate says (extract.h1_marks): marked as the headline,
# as an entry's title, as the logo; holds a link; inside <article>/<main>, <header>, <nav>/<aside>/<footer>
H1_MARKS = {"headline": ("headline",), "entry_title": ("entry_title",), "logo": ("logo",), "link": ("link",),
            "article": ("article", "main"), "header": ("header",), "chrome": ("nav", "aside", "footer")}
TITLE_CHOICE_FEATURES = (
    "og", "og_stripped", "tag", "tag_stripped", "ld", "ld_stripped", "trafilatura", "h1_first", "h1_later", "rule",
    "agree", "site_name", "stripped_only", "one_word", "words_2_3", "words_over_20", "separator", "curly_quote",
    "straight_quote", "in_ref", "ref_in", "inside_other", "all_caps", "ellipsis", "h1s_many", "contains_other",
    *(f"h1_{m}" for m in H1_MARKS), "pipe_head")
# fitted on all pages of metadata/ and modern/ (L2 1.0, chosen on the folds); held out per fold: BENCHMARKS.md
# "Issue 23, HTML title and date (session 16)" and "(session 17)"
TITLE_CHOICE_WEIGHTS = (0.350, 0.701, -0.204, 0.619, 0.186, 0.473, -0.499, 1.006, 0.153, 0.726, -0.074, -0.941,
                        -0.675, -0.603, 0.074, 0.407, -0.982, -1.073, 0.053, 0.866, 1.657, 0.312, -0.627, -0.463,
                        0.000, -0.927, 0.877, 0.760, -1.539, -1.161, 0.874, 0.291, -0.296, 1.350)


def title_candidates(meta: dict, site_names: list[str]):
    """The page's title candidates (og:title, <title>, JSON-LD headline, trafilatura's title, each as
    given and, but trafilatura's, without a site-name suffix; the <h1>s; the rule's choice,
    `choose_html_title`; the text before a pipe still left in a stripped source or an <h1>, "Headline |
    Top 19 Companies": a pipe separates a title's parts, headlines do not print one) and their features
    (TITLE_CHOICE_FEATURES): which sources give them, how many sources agree, a site's name, shape,
    overlap with the stripped sources. A candidate without a letter (a vote count marked as a headline,
    "94") stands only when no candidate has one.
    Long: the features of a candidate depend on every other candidate (agreement, overlap), so the
    candidates are gathered and described in one pass."""
    import numpy as np

    flags: dict[str, set[str]] = {}
    by_source: dict[str, set[str]] = {}  # source -> its keys, as given and stripped

    def add(text, flag, source):
        text = " ".join((text or "").split())
        if text and len(text) < 300:
            flags.setdefault(text, set()).add(flag)
            by_source.setdefault(source, set()).add(match_key(text))

    ref: set[str] = set()
    for key, flag in TITLE_SOURCES.items():
        if meta.get(key):
            raw = " ".join(meta[key].split())
            add(raw, flag, flag)
            if flag != "trafilatura":  # trafilatura strips suffixes itself
                raw = strip_site_suffix(raw, site_names)
                add(raw, flag + "_stripped", flag)
            ref |= set(match_key(raw).split())
    h1s = [h for h in meta.get("h1s") or [] if len(h.split()) <= 40]
    for i, h in enumerate(h1s):
        add(h, "h1_first" if i == 0 else "h1_later", "h1")
    marks: dict[str, set[str]] = {}  # an <h1>'s text -> its marks
    for h, m in zip(meta.get("h1s") or [], meta.get("h1_marks") or []):
        marks.setdefault(" ".join(h.split()), set()).update(m)
    rule = choose_html_title(meta, site_names)
    if rule:
        add(rule, "rule", "rule")
    for t, f in list(flags.items()):  # a pipe left after the site's name: "Headline | Top 19 Companies" -> "Headline"
        if f - {"og", "tag", "ld", "trafilatura"} and " | " in t:
            add(t.split(" | ")[0], "pipe_head", "pipe_head")
    texts = [t for t in flags if any(c.isalpha() for c in t)]
    if not texts:  # a number is the title ("001") only when the page offers nothing else
        texts = list(flags)
    keys = [match_key(t) for t in texts]
    site_keys = {match_key(s) for s in site_names}
    given = {"og", "tag", "ld", "trafilatura"}
    rows = []
    for t, k in zip(texts, keys):
        f, n, ws = flags[t], len(t.split()), set(k.split())
        rows.append([
            *(float(x in f) for x in TITLE_CHOICE_FEATURES[:10]),
            sum(k in v for s, v in by_source.items() if s not in ("rule", "pipe_head")) / 5,
            float(k in site_keys or is_site_name(t, site_names)),
            float(not f & given and any(x.endswith("_stripped") for x in f)),
            float(n == 1), float(2 <= n <= 3), float(n > 20),
            float(bool(R.SUFFIX_SEP.search(t))),
            float(any(c in t for c in "’‘“”„«»")), float(any(c in t for c in "'\"")),
            len(ws & ref) / len(ws) if ws else 0.0,
            len(ws & ref) / len(ref) if ref else 0.0,
            float(any(k != o and k in o for o in keys)),
            float(t.isupper()),
            float(t.endswith(("...", "…"))),
            float(len(h1s) > 2),
            float(any(k != o and o and o in k for o in keys)),
            *(float(bool(marks.get(t, set()) & set(tags))) for tags in H1_MARKS.values()),
            float("pipe_head" in f),
        ])
    return texts, np.array(rows, dtype=float).reshape(len(texts), len(TITLE_CHOICE_FEATURES))


def choose_title(meta: dict, site_names: list[str]) -> str | None:
    """The candidate of `title_candidates` with the highest score under TITLE_CHOICE_WEIGHTS."""
    import numpy as np

    texts, x = title_candidates(meta, site_names)
    if not texts:
        return None
    return texts[int(np.argmax(x @ np.asarray(TITLE_CHOICE_WEIGHTS)))]
