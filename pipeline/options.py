"""What a run is told (`Options`) and what a site's pages cannot tell (`SiteConfig`), with every
default defined once: the CLI, the flows and the library take them from here."""
from __future__ import annotations

from dataclasses import dataclass, field

DATE_ORDER = "DMY"  # all-numeric dates such as 02/10/2025 read day first unless a site says otherwise
LANG_BACKEND = "langdetect"  # document language model (pipeline.langid.BACKENDS)
DOC_TIMEOUT = 30.0  # seconds one document may take before it is rejected as "timeout"
MAX_DOC_BYTES = 20_000_000  # one page or text dump, after decompression


@dataclass(frozen=True)
class SiteConfig:
    """Per-site settings from newsclean.toml: what the page itself cannot tell."""

    timezone: str | None = None  # IANA zone; lets published_at be computed from a local time
    date_order: str = DATE_ORDER  # for all-numeric dates such as 02/10/2025
    name: str | None = None


@dataclass(frozen=True)
class Options:
    """Per-run settings every article is processed with."""

    lang_backend: str = LANG_BACKEND
    sites: dict[str, SiteConfig] = field(default_factory=dict)
    default_site: SiteConfig = SiteConfig()

    def site(self, site: str | None) -> SiteConfig:
        return self.sites.get(site or "", self.default_site)
