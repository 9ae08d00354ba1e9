"""newsclean: scraped news articles -> clean, analysis-ready Parquet tables.

The library is one import name: `newsclean.pipeline` (the cleaning library, no Prefect),
`newsclean.flows` (Prefect flows) and `newsclean.schemas` (table schemas). In the repository the
three folders sit at the top level, as the design card has them; a wheel installs them under
`newsclean/` (see `[tool.setuptools.package-dir]`), and in a source checkout this package's
path also covers the checkout's root so that the same names resolve to those folders.
"""
from __future__ import annotations

from pathlib import Path as _Path

__version__ = "0.2.0"

_checkout = _Path(__file__).resolve().parent.parent
if (_checkout / "pipeline" / "__init__.py").is_file() and not (_Path(__file__).parent / "pipeline").exists():
    __path__.append(str(_checkout))  # type: ignore[name-defined]  # source checkout (tests, editable install)

__all__ = ["read_articles", "read_rejects", "__version__"]


def __getattr__(name: str):
    """`newsclean.read_articles` / `read_rejects` without importing pyarrow on `import newsclean`."""
    if name in ("read_articles", "read_rejects"):
        from newsclean.pipeline import tables

        return getattr(tables, name)
    raise AttributeError(name)
