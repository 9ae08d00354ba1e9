"""Shared fixtures. Prefect runs against one ephemeral API per test session (started lazily,
only by the integration tests that need a real flow run)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    """A real Prefect API (ephemeral, SQLite) for flow-run tests; ~20 s to start, once."""
    home = tmp_path_factory.mktemp("prefect-home")
    os.environ["PREFECT_HOME"] = str(home)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def seeds_dir() -> Path:
    return DATA / "seeds"
