"""newsclean: scraped news articles -> clean, analysis-ready Parquet tables."""
from pipeline.store import read_articles, read_rejects

__all__ = ["read_articles", "read_rejects"]
__version__ = "0.1.0"
