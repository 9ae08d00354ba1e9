"""A table written by schema v1 plus a run with v2 (one added column) reads correctly with the
README's recipes for DuckDB, Polars and pyarrow."""
from __future__ import annotations

from datetime import datetime, timezone

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from newsclean import schemas
from conftest import DATA
from newsclean.pipeline import store
from newsclean.pipeline import tables
from newsclean.pipeline.process import process_article
from newsclean.pipeline.readers import read_file


@pytest.fixture
def mixed_table(tmp_path):
    out = tmp_path / "out"
    now = datetime.now(timezone.utc)
    seeds = sorted((DATA / "seeds").glob("*.txt"))
    for version, seed in ((1, seeds[0]), (2, seeds[1])):
        [art] = [process_article(a) for a in read_file(str(seed))]
        run_id = store.new_run_id() + f"v{version}"
        store.stage_articles(out, run_id, "0", store.article_rows([art], run_id, now, version=version))
        with store.writer_lock(out):
            store.publish(out, run_id, set())
    return out


def test_files_carry_their_schema_version(mixed_table):
    versions = sorted(pq.read_schema(f).metadata[b"newsclean.schema_version"]
                      for f in (mixed_table / "articles").rglob("*.parquet"))
    assert versions == [b"1", b"2"]
    assert "duplicate_of" not in pq.read_schema(min((mixed_table / "articles").rglob("*.parquet"),
                                                    key=lambda f: pq.read_schema(f).metadata[b"newsclean.schema_version"])).names


def test_duckdb_union_by_name(mixed_table):
    rows = duckdb.sql(f"""
        select title, duplicate_of, schema_version, language
        from read_parquet('{mixed_table}/articles/**/*.parquet', hive_partitioning=true, union_by_name=true)
        order by schema_version""").fetchall()
    assert [(r[2], r[1], r[3]) for r in rows] == [(1, None, "en"), (2, None, "en")]


def test_polars_with_latest_schema(mixed_table):
    df = pl.scan_parquet(f"{mixed_table}/articles/**/*.parquet", hive_partitioning=True,
                         schema=tables.polars_schema(), missing_columns="insert").collect()
    assert df.height == 2
    assert df["duplicate_of"].to_list() == [None, None]
    assert sorted(df["schema_version"].to_list()) == [1, 2]
    assert set(df["language"].to_list()) == {"en"}


def test_pyarrow_unified_schema(mixed_table):
    dataset = ds.dataset(f"{mixed_table}/articles", format="parquet", partitioning="hive",
                         schema=schemas.articles_schema())
    t = dataset.to_table()
    assert t.num_rows == 2 and "duplicate_of" in t.column_names
    assert t.column("duplicate_of").null_count == 2


def test_reader_helper(mixed_table):
    from newsclean import read_articles

    t = read_articles(mixed_table)
    assert t.schema.names == schemas.articles_schema().names
    assert sorted(t.column("schema_version").to_pylist()) == [1, 2]


def test_pandas(mixed_table):
    df = read_articles_pandas(mixed_table)
    assert len(df) == 2 and df["duplicate_of"].isna().all()


def read_articles_pandas(out):
    from newsclean import read_articles

    return read_articles(out).to_pandas()
