"""Real Prefect flow runs of `clean-articles`, output read back with DuckDB."""
from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import DATA, ROOT

from newsclean import schemas

pytestmark = pytest.mark.slow  # real Prefect / S3 integration (pyproject's `slow` marker); make test runs it


def _inputs(tmp: Path) -> Path:
    src = tmp / "in"
    src.mkdir()
    for f in (DATA / "seeds").glob("*.txt"):
        shutil.copy(f, src / f.name)
    shutil.copy(ROOT / "examples" / "sciencealert_com_14cc2a0ca59c.html", src / "page.html")
    shutil.copy(ROOT / "examples" / "scraped_records.jsonl", src / "records.jsonl")
    # corrupt inputs among good ones
    (src / "garbage.html").write_bytes(bytes(range(256)) * 40)
    (src / "empty.txt").write_bytes(b"")
    good = gzip.compress((DATA / "seeds" / "000_2bfcacd1b97652a8.txt").read_bytes())
    (src / "truncated.txt.gz").write_bytes(good[: len(good) // 2])
    (src / "mixed.jsonl").write_text(
        json.dumps({"url": "https://example.org/a", "text": (DATA / "seeds" / "003_a7a0dd8b7647f308.txt").read_text()})
        + "\n{not json\n" + json.dumps({"url": "https://example.org/b"}) + "\n")
    return src


def _q(out: Path, sql: str):
    return duckdb.sql(sql.replace("ARTICLES", f"read_parquet('{out}/articles/**/*.parquet', hive_partitioning=true)")
                      .replace("REJECTS", f"read_parquet('{out}/rejects/**/*.parquet')")).fetchall()


@pytest.fixture(scope="module")
def first_run(prefect_harness, tmp_path_factory):
    from newsclean.flows.clean_articles import clean_articles

    tmp = tmp_path_factory.mktemp("flow")
    src, out = _inputs(tmp), tmp / "out"
    report = clean_articles(inputs=[str(src)], out=str(out))
    return src, out, report


def test_run_writes_parquet_that_duckdb_reads(first_run):
    src, out, report = first_run
    rows = dict(_q(out, "select language, count(*) from ARTICLES group by 1"))
    assert rows == {"en": 7}  # 2 seeds + 1 page + 3 JSONL records + the good record of mixed.jsonl
    titles = {t for (t,) in _q(out, "select title from ARTICLES")}
    assert "Pentagon Confirms Troop Reduction in Iraq" in titles
    meta = _q(out, "select distinct schema_version from ARTICLES")
    assert meta == [(schemas.CURRENT_VERSION,)]
    langs = _q(out, "select distinct unnest(paragraph_languages) from ARTICLES")
    assert langs == [("en",)]


def test_corrupt_inputs_become_rejects_and_counts_add_up(first_run):
    src, out, report = first_run
    reasons = dict(_q(out, "select regexp_replace(source_uri, '.*/', ''), reason from REJECTS"))
    assert reasons == {"garbage.html": "not_text", "empty.txt": "empty", "truncated.txt.gz": "corrupt_gzip",
                       "mixed.jsonl#2": "invalid_json", "mixed.jsonl#3": "missing_content"}
    c = report["counts"]
    assert c["read"] == c["written"] + c["rejected"] + c["skipped"] == 12
    assert c["written"] == 7 and c["rejected"] == 5
    saved = json.loads((out / "runs" / f"{report['run_id']}.json").read_text())
    assert saved["counts"] == c and saved["versions"]["trafilatura"] == "2.3.1"


def test_rerun_adds_no_duplicates_and_reprocess_replaces(first_run):
    from newsclean.flows.clean_articles import clean_articles

    src, out, _ = first_run
    before = _q(out, "select article_id, run_id from ARTICLES order by 1")
    again = clean_articles(inputs=[str(src)], out=str(out))
    assert again["counts"]["skipped"] == again["counts"]["read"] == 12
    assert _q(out, "select article_id, run_id from ARTICLES order by 1") == before
    forced = clean_articles(inputs=[str(src)], out=str(out), reprocess=True)
    assert forced["counts"]["skipped"] == 0
    after = _q(out, "select article_id, run_id from ARTICLES order by 1")
    assert [a for a, _ in after] == [a for a, _ in before]  # same articles, once each
    assert {r for _, r in after} == {forced["run_id"]}  # the latest run wins
    assert _q(out, "select count(*) from REJECTS") == [(5,)]
