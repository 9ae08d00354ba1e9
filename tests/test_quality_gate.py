"""Fails when a change makes extraction worse on the real pages bundled in tests/data/gate.

Accept an intended trade-off by running `python benchmarks/gate.py --update` and committing the
new baseline with the reason in the commit message."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def scores():
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import gate

    return gate.compute(), json.loads(gate.BASELINE.read_text()), gate.TOLERANCE


@pytest.mark.parametrize("metric", ["body_f1_text", "body_f1_html", "html_title", "text_title", "html_authors",
                                    "text_authors", "html_date", "text_date", "language_agreement",
                                    "modern_body_f1_text", "modern_body_f1_html", "modern_html_title",
                                    "modern_html_authors", "modern_html_date"])
def test_no_regression(scores, metric):
    cur, base, tol = scores
    assert cur[metric] >= base[metric] - tol, f"{metric} fell from {base[metric]} to {cur[metric]}"


def test_floor_values(scores):
    """Absolute floors, independent of the baseline file: the gate must not be lowered silently."""
    cur, _, _ = scores
    assert cur["body_f1_html"] >= 0.97
    assert cur["body_f1_text"] >= 0.85
    assert cur["language_agreement"] == 1.0
