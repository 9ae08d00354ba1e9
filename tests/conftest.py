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

# Page texts several test files clean: an Arabic news dump and four paragraphs of a German article body.
ARABIC_DUMP = """الرئيسية أخبار مصر رياضة اقتصاد فن
رئيس التحرير محمد عبد الله
إعلان
وزير الخارجية يبحث مع نظيره الأردني تطورات الأوضاع في المنطقة
كتب: أحمد علي
الخميس 02 أكتوبر 2025 - 11:45 ص
تصوير: محمود سعيد
بحث وزير الخارجية اليوم الخميس مع نظيره الأردني في اتصال هاتفي تطورات الأوضاع في المنطقة، وسبل دعم الاستقرار والأمن الإقليميين في ظل التحديات الراهنة.
وأكد الوزيران خلال الاتصال أهمية مواصلة التنسيق والتشاور بين البلدين الشقيقين بشأن القضايا ذات الاهتمام المشترك، وفي مقدمتها الأوضاع الإنسانية.
وأشار المتحدث الرسمي باسم الوزارة إلى أن الاتصال تناول كذلك سبل تعزيز العلاقات الثنائية في مختلف المجالات، بما يحقق مصالح الشعبين.
اقرأ أيضا
وزير الخارجية يستقبل سفير الاتحاد الأوروبي
مصر والأردن توقعان اتفاقية تعاون جديدة
الأكثر قراءة
سعر الذهب اليوم في مصر
"""

BRIDGE = "\n".join([
    "Der Stadtrat hat am Montag lange über die Sanierung der alten Brücke am Hafen und ihre Kosten beraten.",
    "Die Verwaltung schätzt, dass die Arbeiten mindestens zwei Jahre dauern und den Verkehr stark behindern.",
    "Anwohner hatten sich in einer Versammlung im Frühjahr über Lärm, Staub und fehlende Parkplätze beschwert.",
    "Die Opposition verlangt ein Gutachten, bevor weitere Aufträge an Baufirmen aus der Region vergeben werden.",
])


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
