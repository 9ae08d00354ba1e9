"""Fitted weights shipped beside the code (pipeline/*.json, each written by a script in benchmarks/).

A file records the feature names it was fitted on; loading it against other names is an error that
names the script to rerun, because a model applied to shifted columns gives confident nonsense."""
from __future__ import annotations

import json
from pathlib import Path


def load(file: Path, features: tuple[str, ...], script: str) -> dict:
    """The JSON of `file`, after checking it was fitted on `features` (a missing file is an
    install error and raises as one)."""
    d = json.loads(file.read_text(encoding="utf-8"))
    if tuple(d["features"]) != tuple(features):
        raise ValueError(f"{file.name} was fitted on other features than the code computes: refit it "
                         f"with benchmarks/{script}")
    return d
