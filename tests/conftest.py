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


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory):
    """A real `prefect server start` on 127.0.0.1 (its own PREFECT_HOME, SQLite), once per session;
    yields its API URL. Stopped with every process it started at the end."""
    from newsclean.flows.serve import prefect_server as server

    with server(tmp_path_factory.mktemp("prefect-server")) as api:
        yield api


def env_without_prefect(**extra: str) -> dict:
    """This environment without any PREFECT_* setting (the session's harness sets some), plus `extra`."""
    return {**{k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}, **extra}


@pytest.fixture
def seeds_dir() -> Path:
    return DATA / "seeds"
