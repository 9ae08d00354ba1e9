"""The one record type every step takes and returns: an article being cleaned."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import xxhash

from .textnorm import match_key


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date as printed: calendar date, local time if printed, UTC offset only if printed."""

    date: date
    time: str | None = None  # "HH:MM" or "HH:MM:SS", as printed (24-hour)
    offset: timedelta | None = None
    raw: str = ""
    kind: str = "text"  # which parser read it: iso, dmy_name, ..., relative, dateparser
    span: tuple[int, int] = (0, 0)

    def utc(self, site_tz: str | None = None) -> datetime | None:
        """UTC instant when the offset is known (printed, or the site's zone configured)."""
        hh, mm, ss = (int(p) for p in ((self.time or "00:00") + ":00").split(":")[:3])
        local = datetime(self.date.year, self.date.month, self.date.day, hh, mm, ss)
        if self.offset is not None:
            return (local - self.offset).replace(tzinfo=timezone.utc)
        if site_tz and self.time:
            return local.replace(tzinfo=ZoneInfo(site_tz)).astimezone(timezone.utc)
        return None


# Why an input record produced no article: reason code -> what happened (the rejects table's `reason`).
REJECT_REASONS: dict[str, str] = {
    "empty": "the record or file holds no text",
    "not_text": "binary content",
    "corrupt_gzip": "a .gz that does not decompress",
    "corrupt_warc": "a WARC file warcio cannot read",
    "too_large": "over the size limit (also a gzip bomb, or a document that needs too much memory)",
    "invalid_json": "a JSON Lines line that is not JSON",
    "invalid_record": "a JSON Lines record that is not an object, or has fields of the wrong type",
    "missing_content": "a JSON Lines record without `html` or `text`",
    "unsupported_format": "a file name with no known extension",
    "read_error": "the input could not be read (also a transient error after the last retry)",
    "no_content": "HTML with no extractable main text",
    "no_body": "every line was boilerplate (or, after the site-template pass, template)",
    "timeout": "the document took longer than the per-document time limit",
    "too_deep": "document nesting too deep to process",
    "internal_error": "an error nobody foresaw while processing the record (a bug): the detail has it",
    "duplicate": "a copy of an earlier article, taken out with --drop-duplicates",
}


@dataclass(slots=True)
class Line:
    """One line (block) of the article text with the verdict of the cleaner."""

    text: str
    block: int = 0  # index of the blank-line separated block the line belongs to
    reason: str | None = None  # None = kept; else a reason code from pipeline.rules.REASONS
    script: str | None = None
    lang: str | None = None

    @property
    def kept(self) -> bool:
        return self.reason is None


class HtmlMeta(TypedDict, total=False):
    """Candidates the HTML path reads off a page (`extract.extract_html`) for `metadata.finalize` to
    choose among. Every key is written by extract and read by a later step
    (tests/test_registries.py holds both sides to this list)."""

    # <head>, <meta> and the page's structure (extract.html_metadata)
    og_title: str | None  # og:title / twitter:title
    title_tag: str | None  # <title>
    h1s: list[str]  # the first <h1>s, as printed
    h1_marks: list[list[str]]  # what each <h1>'s markup says it is (extract.h1_marks: "headline", "logo", ...)
    authors: list[str]  # <meta name="author"> and the like, twitter:data labelled "Written by"
    date: str | None  # article:published_time, itemprop datePublished, ...
    modified: str | None  # article:modified_time, og:updated_time, itemprop dateModified
    time_datetime: str | None  # the first <time datetime="...">
    section: str | None  # article:section
    site_name: str | None  # og:site_name
    canonical: str | None  # <link rel="canonical">, og:url
    figcaptions: list[list[str | None]]  # [caption, credit] of the article's <figcaption>s
    # JSON-LD (the first article object that has each)
    ld_headline: str | None
    ld_date: str | None
    ld_modified: str | None
    ld_authors: list[str]
    ld_section: str | None
    ld_publisher: str | None
    # trafilatura's and htmldate's readings (extract.trafilatura_metadata, extract.markup_byline)
    t_title: str | None
    t_author: str | None
    t_date: str | None
    t_sitename: str | None
    markup_byline: str | None  # the byline element as printed
    # what the page prints around its headline (extract.lines_after_headline, ...)
    printed_lines: list[str]  # lines under the headline
    line_above: str | None  # the line right above it
    labelled_date: str | None  # a line labelled as the publication date ("Erschienen am: ...")
    page_bylines: list[str]  # "By ..." lines after the headline
    stamp_bylines: list[str]  # of those, the ones read after a date stamp
    rel_authors: list[str]  # <a rel="author">
    licence_attribution: str | None  # the author a Creative Commons notice names
    page_lines: list[str]  # the page's visible lines, for the text path's byline search
    name_expansions: dict[str, str]  # first name alone -> the full name the page prints


@dataclass(slots=True)
class Caption:
    text: str
    credit: str | None = None


@dataclass
class Article:
    """An input record on its way to becoming a row of the article table.

    Readers fill the input fields, extraction fills `lines`, cleaning marks lines removed and
    metadata steps fill the output fields. A step that cannot go on sets `reject`.
    """

    source_uri: str
    input_format: str  # "text" or "html"
    raw: str = ""
    url: str | None = None
    site: str | None = None
    fetched_at: datetime | None = None
    input_title: str | None = None
    encoding: str | None = None
    fingerprint: str | None = None  # of the input record's bytes

    lines: list[Line] = field(default_factory=list)
    extractor: str = "text"
    html_meta: HtmlMeta = field(default_factory=dict)  # candidates found in HTML metadata
    caps_links: set[str] = field(default_factory=set)  # words of all-caps link paragraphs (extract.py)

    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    byline_raw: str | None = None
    published_date: date | None = None
    published_time_local: str | None = None
    published_at: datetime | None = None
    published_raw: str | None = None
    published_parsed: ParsedDate | None = None  # what published_* came from; gives published_at
    updated_line: tuple[ParsedDate, str] | None = None  # first "Updated ..." stamp: the date of last resort
    date_source: str | None = None
    section: str | None = None
    source_agency: str | None = None
    reading_time_minutes: int | None = None
    image_captions: list[Caption] = field(default_factory=list)
    language: str = "und"
    language_confidence: float = 0.0
    other_language_share: float = 0.0

    reject: tuple[str, str] | None = None  # (reason code, detail)

    def kept_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.reason is None]

    def body_text(self) -> str:
        """The clean body: kept lines, paragraphs separated by one blank line."""
        return "\n\n".join(ln.text for ln in self.lines if ln.reason is None)

    def removed(self) -> list[tuple[str, str]]:
        return [(ln.text, ln.reason) for ln in self.lines if ln.reason is not None]


def article_id(art: Article) -> str:
    """Stable id: the canonical URL when there is one, else the title and body."""
    key = art.url or (match_key(art.title or "") + "\n" + match_key(art.body_text()[:2000]))
    return xxhash.xxh3_64_hexdigest(key.encode("utf-8"))
