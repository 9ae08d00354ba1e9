"""The writer's rows (pipeline.store) and the reader API apart from it (pipeline.tables)."""
from __future__ import annotations

from datetime import datetime, timezone

from conftest import DATA

from newsclean import schemas
from newsclean.pipeline import store, tables
from newsclean.pipeline.process import process_article
from newsclean.pipeline.record import Article, article_id


def _seed(url=None) -> Article:
    raw = (DATA / "seeds" / "000_2bfcacd1b97652a8.txt").read_text(encoding="utf-8")
    return process_article(Article("seed.txt", "text", raw=raw, url=url))


def test_rows_carry_the_id_the_article_is_known_by_and_every_column():
    a, b = _seed(), _seed("https://example.org/news/1?utm_source=x")
    rows = store.article_rows([a, b], "run-1", datetime(2026, 1, 1, tzinfo=timezone.utc)).to_pylist()
    assert [r["article_id"] for r in rows] == [article_id(a), article_id(b)]
    assert rows[0]["article_id"] != rows[1]["article_id"]  # the URL, when there is one, makes the id
    assert article_id(b) == article_id(_seed("https://example.org/news/1"))  # canonical: tracking dropped
    assert set(rows[0]) == set(schemas.articles_schema().names)
    assert rows[0]["text"] == a.body_text() and rows[0]["word_count"] == len(a.body_text().split())
    assert rows[0]["removed_lines"] == [{"text": t, "reason": r} for t, r in a.removed()]


def test_rejects_rows_keep_reason_and_detail():
    a = Article("x.txt", "text")
    a.reject = ("no_body", "every line was boilerplate")
    [row] = store.reject_rows([a], "run-1", datetime(2026, 1, 1, tzinfo=timezone.utc)).to_pylist()
    assert (row["reason"], row["detail"], row["source_uri"]) == ("no_body", "every line was boilerplate", "x.txt")


def test_readers_of_a_folder_that_has_no_tables_yet_get_empty_tables_of_the_current_schema(tmp_path):
    assert tables.read_articles(tmp_path).schema == schemas.articles_schema()
    assert tables.read_articles(tmp_path).num_rows == 0
    assert tables.read_rejects(tmp_path).num_rows == 0
