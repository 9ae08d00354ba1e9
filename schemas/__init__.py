"""Table schemas of newsclean's output, every version, and the current one.

The single source of truth: the Parquet writer, the reader helper and the docs derive from here.
A version only ever adds nullable columns (see CHANGELOG.md), so files of older versions stay
readable next to newer ones (DuckDB `union_by_name`, Polars `missing_columns="insert"`, pyarrow
`unify_schemas`).
"""
from __future__ import annotations

import pyarrow as pa

CAPTION = pa.struct([("text", pa.string()), ("credit", pa.string())])
REMOVED_LINE = pa.struct([("text", pa.string()), ("reason", pa.string())])

_V1_FIELDS = [
    pa.field("article_id", pa.string(), nullable=False, metadata={"doc": "stable id: hash of the canonical URL, else of title and body"}),
    pa.field("run_id", pa.string(), nullable=False, metadata={"doc": "the run that wrote this row"}),
    pa.field("source_uri", pa.string(), nullable=False, metadata={"doc": "input file path or URI; '#N' = Nth record of a multi-record file"}),
    pa.field("input_fingerprint", pa.string(), metadata={"doc": "xxh3 of the input record's bytes"}),
    pa.field("url", pa.string(), metadata={"doc": "canonical URL (courlan), null when unknown"}),
    pa.field("site", pa.string(), metadata={"doc": "registered domain, or the configured site name"}),
    pa.field("language", pa.string(), nullable=False, metadata={"doc": "ISO 639-1, 'und' when undetermined (partition column)"}),
    pa.field("language_confidence", pa.float32(), metadata={"doc": "the language model's confidence, 0-1"}),
    pa.field("other_language_share", pa.float32(), metadata={"doc": "share of body letters in another script"}),
    pa.field("title", pa.string(), metadata={"doc": 'headline'}),
    pa.field("subtitle", pa.string(), metadata={"doc": 'standfirst / dek'}),
    pa.field("authors", pa.list_(pa.string()), metadata={"doc": 'person names only, as printed (agencies go to source_agency, photo credits to image_captions)'}),
    pa.field("byline_raw", pa.string(), metadata={"doc": 'the byline as found'}),
    pa.field("published_at", pa.timestamp("us", tz="UTC"), metadata={"doc": "UTC instant; null unless the page gives an offset or the site's zone is configured"}),
    pa.field("published_date", pa.date32(), metadata={"doc": "calendar date as printed"}),
    pa.field("published_time_local", pa.string(), metadata={"doc": "HH:MM[:SS] as printed, no zone"}),
    pa.field("published_raw", pa.string(), metadata={"doc": 'the text the date came from (a relative date that cannot be resolved is kept here, with no date)'}),
    pa.field("date_source", pa.string(), metadata={"doc": "json-ld | meta | text | relative | url"}),
    pa.field("published_month", pa.string(), nullable=False, metadata={"doc": "YYYY-MM of published_date, 'unknown' (partition column)"}),
    pa.field("section", pa.string(), metadata={"doc": 'section label'}),
    pa.field("source_agency", pa.string(), metadata={"doc": "canonical wire agency code (AFP, AP, REUTERS, AA, ...)"}),
    pa.field("reading_time_minutes", pa.int16(), metadata={"doc": "'N min read' when printed"}),
    pa.field("image_captions", pa.list_(CAPTION), metadata={"doc": "captions moved out of the body (and an HTML page's figcaptions), credit split off"}),
    pa.field("text", pa.string(), nullable=False, metadata={"doc": "clean body, paragraphs separated by one blank line"}),
    pa.field("word_count", pa.int32(), metadata={"doc": 'words in text'}),
    pa.field("removed_lines", pa.list_(REMOVED_LINE), metadata={"doc": 'every removed line with its reason code (removed-line reasons below)'}),
    pa.field("extractor", pa.string(), metadata={"doc": "trafilatura | text"}),
    pa.field("encoding", pa.string(), metadata={"doc": "the input's character encoding as detected"}),
    pa.field("fetched_at", pa.timestamp("us", tz="UTC"), metadata={"doc": 'when the scraper fetched the page (JSON Lines / WARC records)'}),
    pa.field("schema_version", pa.int16(), nullable=False, metadata={"doc": 'version of this schema the row was written with'}),
    pa.field("processed_at", pa.timestamp("us", tz="UTC"), nullable=False, metadata={"doc": 'when newsclean wrote the row'}),
]
_V2_FIELDS = _V1_FIELDS + [
    pa.field("duplicate_of", pa.string(), metadata={"doc": "article_id of the first article with the same or a near-identical body"}),
]

_V3_FIELDS = _V2_FIELDS + [
    pa.field("paragraph_languages", pa.list_(pa.string()), metadata={
        "doc": "language of each paragraph of `text`, in order: a paragraph in another script identified alone "
               "('und' when too short), one in the document's script the document's unless a screen flags it "
               "and the backend names another language"}),
]

ARTICLES: dict[int, pa.Schema] = {
    1: pa.schema(_V1_FIELDS),
    2: pa.schema(_V2_FIELDS),
    3: pa.schema(_V3_FIELDS),
}
CURRENT_VERSION = max(ARTICLES)
PARTITION_COLUMNS = ("language", "published_month")

REJECTS = pa.schema([
    pa.field("source_uri", pa.string(), nullable=False, metadata={"doc": "input file path or URI; '#N' = Nth record of a multi-record file"}),
    pa.field("reason", pa.string(), nullable=False, metadata={"doc": "short code (reject reasons below)"}),
    pa.field("detail", pa.string(), metadata={"doc": "what went wrong, in words (the exception or the limit)"}),
    pa.field("input_fingerprint", pa.string(), metadata={"doc": "xxh3 of the input record's bytes"}),
    pa.field("run_id", pa.string(), nullable=False, metadata={"doc": "the run that rejected the record"}),
    pa.field("processed_at", pa.timestamp("us", tz="UTC"), nullable=False, metadata={"doc": "when the record was rejected"}),
])
REJECTS_VERSION = 1


def articles_schema(version: int = CURRENT_VERSION) -> pa.Schema:
    """The article schema of `version`, with the version in its metadata."""
    return ARTICLES[version].with_metadata({b"newsclean.schema_version": str(version).encode(), b"newsclean.table": b"articles"})


def file_schema(version: int = CURRENT_VERSION) -> pa.Schema:
    """What is stored inside each Parquet file: the schema without the hive partition columns."""
    s = articles_schema(version)
    for c in PARTITION_COLUMNS:
        s = s.remove(s.get_field_index(c))
    return s


def rejects_schema() -> pa.Schema:
    return REJECTS.with_metadata({b"newsclean.schema_version": str(REJECTS_VERSION).encode(), b"newsclean.table": b"rejects"})
