"""Page addresses: the canonical form of a URL and the site it belongs to (courlan, no network).

courlan is imported on the first URL: it brings urllib3 (~0.1 CPU-s), which a run over text dumps
without URLs (the seeds) never needs."""
from __future__ import annotations

from urllib.parse import urlsplit


def canonical_url(url: str | None) -> str | None:
    """Normalised URL (courlan): lower-cased host, tracking parameters and fragment dropped."""
    if not url or not url.strip():
        return None
    import courlan

    try:
        # a SplitResult, not the string: courlan html-unescapes strings, and "?a=1&region=eu" would
        # become "?a=1®ion=eu" ("&reg"), "&para=2" "¶=2" (lxml has unescaped attribute values already)
        norm = courlan.normalize_url(urlsplit(url.strip()), strict=False)
    except Exception:  # courlan raises on malformed URLs; keep what the record gave
        norm = url.strip()
    return norm.split("#", 1)[0]


def site_of(url: str | None) -> str | None:
    """Registered domain of a URL (courlan's bundled suffix list, no network)."""
    if not url:
        return None
    import courlan

    try:
        return courlan.extract_domain(url)
    except Exception:
        return None
