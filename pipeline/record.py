"""The one record type every step takes and returns: an article being cleaned."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .dates import ParsedDate


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
    html_meta: dict = field(default_factory=dict)  # candidates found in HTML metadata

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
