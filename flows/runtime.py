"""Prefect settings for newsclean, applied before Prefect is imported.

Runs use the embedded (ephemeral) API unless PREFECT_API_URL points at a server, with their own
PREFECT_HOME (not the user's), analytics off, and a startup timeout long enough for a cold start
on a small machine (measured 12-20 s here; the default 20 s is sometimes too short).
"""
from __future__ import annotations

import os
from pathlib import Path


def configure(home: str | Path | None = None) -> Path:
    home = Path(home or os.environ.get("NEWSCLEAN_PREFECT_HOME") or Path.cwd() / ".prefect").resolve()
    home.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_HOME", str(home))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")
    return home
