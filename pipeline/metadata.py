"""Metadata finalisation: choose among candidates from HTML, the record and the cleaned lines."""
from __future__ import annotations

import re
from datetime import timezone

import courlan

from .bylines import agency_code, parse_byline
from .dates import ParsedDate, find_date
from .record import Article
from .textnorm import match_key

_SUFFIX_SEP = re.compile(r"\s+(?:[|•·»:]{1,2}|[-–—])\s+")


def canonical_url(url: str | None) -> str | None:
    """Normalised URL (courlan): lower-cased host, tracking parameters and fragment dropped."""
    if not url or not url.strip():
        return None
    try:
        norm = courlan.normalize_url(url.strip(), strict=True)
    except Exception:  # courlan raises on malformed URLs; keep what the record gave
        norm = url.strip()
    return norm.split("#", 1)[0]


def site_of(url: str | None) -> str | None:
    """Registered domain of a URL (courlan's bundled suffix list, no network)."""
    if not url:
        return None
    try:
        return courlan.extract_domain(url)
    except Exception:
        return None


def strip_site_suffix(title: str, site_names: list[str]) -> str:
    """"Headline | Site" / "Headline - Site" / "Site: Headline" -> "Headline"."""
    parts = _SUFFIX_SEP.split(title)
    if len(parts) < 2:
        return title
    keys = {match_key(s) for s in site_names if s}
    keys |= {k.split(" ")[0] for k in keys if k}
    last, first = match_key(parts[-1]), match_key(parts[0])
    def is_site(k: str) -> bool:
        return bool(k) and (k in keys or any(k.replace(" ", "") == s.replace(" ", "") for s in keys)
                            or any(s and s in k.replace(" ", "") for s in keys))
    if is_site(last) or (len(parts[-1].split()) <= 3 and len(" ".join(parts[:-1]).split()) >= 4
                         and not parts[-1][:1].islower()):
        return _SUFFIX_SEP.split(title, maxsplit=len(parts) - 2)[0] if len(parts) > 2 and is_site(match_key(parts[-2])) \
            else title[: title.rfind(parts[-1])].rstrip(" |-–—:•·»")
    if is_site(first):
        return title[len(parts[0]):].lstrip(" |-–—:•·»")
    return title


def choose_html_title(meta: dict, site_names: list[str]) -> str | None:
    candidates = [meta.get("og_title"), meta.get("ld_headline"), meta.get("t_title"), meta.get("title_tag")]
    h1 = meta.get("h1")
    for c in candidates:
        if not c:
            continue
        t = strip_site_suffix(c, site_names)
        if h1 and match_key(h1) and (match_key(h1) == match_key(t) or match_key(h1) in match_key(c)) and len(h1) < 300:
            return h1
        return t
    return h1 if h1 and len(h1) < 300 else None


def _split_authors(values: list[str], art: Article, site_names: list[str]) -> list[str]:
    names: list[str] = []
    for v in values:
        if not v or v.startswith("http") or len(v) > 200:
            continue
        for part in re.split(r"\s*;\s*", v):
            parsed = parse_byline(part, site=art.site)
            if not parsed:
                continue
            authors, agency = parsed
            if agency and not art.source_agency:
                art.source_agency = agency
            for a in authors:
                k = match_key(a)
                if any(k == match_key(s) or k.replace(" ", "") == match_key(s).replace(" ", "") for s in site_names if s):
                    continue
                if a not in names:
                    names.append(a)
    return names


def finalize(art: Article, *, site_tz: str | None = None, date_order: str = "DMY") -> Article:
    """Fill the output fields from the candidates, normalise them, and derive published_at."""
    meta = art.html_meta
    art.url = canonical_url(art.url or meta.get("canonical"))
    art.site = art.site or site_of(art.url)
    site_names = [s for s in (meta.get("site_name"), meta.get("ld_publisher"), meta.get("t_sitename"), art.site) if s]
    if art.input_format == "html":
        html_title = choose_html_title(meta, site_names)
        if html_title:
            art.title = html_title
        if not art.authors:
            art.authors = _split_authors(meta.get("ld_authors") or meta.get("authors") or
                                         ([meta["t_author"]] if meta.get("t_author") else []), art, site_names)
            if art.authors and not art.byline_raw:
                art.byline_raw = "; ".join(meta.get("ld_authors") or meta.get("authors") or [meta.get("t_author") or ""])
        if art.section is None:
            art.section = meta.get("ld_section") or meta.get("section")
        _html_date(art, meta, date_order)
    if art.title is None and art.input_title:
        art.title = strip_site_suffix(art.input_title, site_names)
    if art.source_agency is None:
        art.source_agency = _agency_from_authors(art)
    pd: ParsedDate | None = meta.get("_parsed_date")
    if pd is not None:
        art.published_at = pd.utc(site_tz)
    if art.published_at is not None:
        art.published_at = art.published_at.astimezone(timezone.utc)
    return art


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


def _html_date(art: Article, meta: dict, date_order: str) -> None:
    """Structured dates (JSON-LD, meta) beat text lines: they carry offsets and are unambiguous."""
    for key, source in (("ld_date", "json-ld"), ("date", "meta"), ("time_datetime", "meta"), ("t_date", "meta")):
        raw = meta.get(key)
        if not raw:
            continue
        pd = find_date(str(raw)[:100], date_order=date_order, fetched_at=art.fetched_at)
        if pd is None:
            continue
        if art.published_date is not None and art.date_source in ("text", "relative") and pd.date != art.published_date \
                and source == "meta" and key == "t_date":
            return  # htmldate's guess loses to a date printed in the article header
        art.published_date, art.published_time_local = pd.date, pd.time
        art.published_raw, art.date_source = str(raw), source
        meta["_parsed_date"] = pd
        return
