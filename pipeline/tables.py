"""Reading the tables an output folder (or object-store URL) holds: the reader API, apart from the
writer (`pipeline.store`), so that the writer never needs the object-store client."""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from newsclean import schemas
from . import remote
from .store import articles_dataset


def read_articles(out: str | Path, columns: list[str] | None = None, filter=None) -> pa.Table:
    """The unified article table of an output folder or object-store URL (every schema
    version, one committed snapshot)."""
    if remote.is_remote(str(out)):
        import fsspec

        urls = remote.file_urls(str(out))
        if not urls:
            return schemas.articles_schema().empty_table()
        import pyarrow.dataset as ds

        fs, root = fsspec.core.url_to_fs(str(out).rstrip("/"))
        paths = [fsspec.core.url_to_fs(u)[1] for u in urls]
        schema = schemas.articles_schema()
        part = ds.partitioning(pa.schema([schema.field(c) for c in schemas.PARTITION_COLUMNS]), flavor="hive")
        return ds.dataset(paths, filesystem=fs, format="parquet", schema=schema, partitioning=part,
                          partition_base_dir=f"{root}/articles").to_table(columns=columns, filter=filter)
    if not (Path(out) / "articles").exists():
        return schemas.articles_schema().empty_table()
    return articles_dataset(out).to_table(columns=columns, filter=filter)


def read_rejects(out: str | Path) -> pa.Table:
    if not (Path(out) / "rejects").exists():
        return schemas.rejects_schema().empty_table()
    import pyarrow.dataset as ds

    return ds.dataset(str(Path(out) / "rejects"), format="parquet", schema=schemas.rejects_schema()).to_table()


def polars_schema():
    """The current article schema as a Polars schema (for `pl.scan_parquet(schema=...)`)."""
    import polars as pl

    return pl.Schema(pl.from_arrow(schemas.articles_schema().empty_table()).schema)
