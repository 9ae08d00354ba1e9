"""The reason registries, enforced by reading the source: every removed-line reason the code assigns
or tests for is in `rules.REASONS` and every registered one is assigned somewhere; the same for
reject reasons (`record.REJECT_REASONS`), which the README lists too."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from newsclean.pipeline.record import REJECT_REASONS
from newsclean.pipeline.rules import REASONS

ROOT = Path(__file__).resolve().parents[1]
PIPELINE = ROOT / "pipeline"


def _trees():
    return [(f, ast.parse(f.read_text(encoding="utf-8"))) for f in sorted(PIPELINE.rglob("*.py"))]


def _strings(node) -> set[str]:
    """String constants of an expression: "x", "x" if c else "y", ("x", "y"), {"x", "y"}."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body) | _strings(node.orelse)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return set().union(*map(_strings, node.elts)) if node.elts else set()
    return set()


def _is_reason(node) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "reason"


def _line_reasons() -> tuple[set[str], set[str]]:
    """(assigned, compared): reasons written into `x.reason` or returned by `line_marker`, and
    reasons the code tests a line for (`x.reason == "..."`, `in (...)`, the reason sets)."""
    assigned, compared = set(), set()
    for _, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(_is_reason(t) for t in node.targets):
                assigned |= _strings(node.value)
            elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in ("BARRIERS", "_NOT_OWN_BYLINE")
                                                      for t in node.targets):
                compared |= _strings(node.value)
            elif isinstance(node, ast.Compare) and (_is_reason(node.left) or any(map(_is_reason, node.comparators))):
                for side in [node.left, *node.comparators]:
                    compared |= _strings(side)
            elif isinstance(node, ast.FunctionDef) and node.name == "line_marker":
                for ret in (n for n in ast.walk(node) if isinstance(n, ast.Return) and isinstance(n.value, ast.Tuple)):
                    assigned |= _strings(ret.value.elts[0])
    return assigned, compared


def test_every_removed_line_reason_is_registered():
    assigned, compared = _line_reasons()
    assert assigned and compared  # the scan finds them
    assert sorted(assigned - set(REASONS)) == []
    assert sorted(compared - set(REASONS)) == []


def test_every_registered_reason_is_assigned_somewhere():
    assigned, _ = _line_reasons()
    assert sorted(set(REASONS) - assigned) == []


def _reject_reasons() -> set[str]:
    """Reject codes the code sets: `x.reject = ("code", ...)`, `_reject(uri, "code", ...)`, what
    readers' `_reason` returns, and rows with `"reason": "code"` (duplicates at publish)."""
    found = set()
    for _, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Attribute) and t.attr == "reject" for t in node.targets) \
                    and isinstance(node.value, ast.Tuple):
                found |= _strings(node.value.elts[0])
            elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_reject" and len(node.args) >= 2:
                found |= _strings(node.args[1])
            elif isinstance(node, ast.FunctionDef) and node.name == "_reason":
                found |= set().union(*(_strings(n.value) for n in ast.walk(node) if isinstance(n, ast.Return)))
            elif isinstance(node, ast.Dict):
                for k, v in zip(node.keys, node.values):
                    if isinstance(k, ast.Constant) and k.value == "reason":
                        found |= _strings(v)
    return found


def test_every_reject_reason_is_registered_and_used():
    found = _reject_reasons()
    assert sorted(found - set(REJECT_REASONS)) == []
    assert sorted(set(REJECT_REASONS) - found) == []


def test_the_readme_lists_every_reject_reason():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    para = readme[readme.index("Reject reasons"):][:1200]
    listed = set(re.findall(r"`([a-z_]+)`", para)) - {"REJECT_REASONS", "pipeline"}
    assert sorted(set(REJECT_REASONS) - listed) == []


def _html_meta_keys() -> tuple[set[str], set[str]]:
    """(written, read) keys of `art.html_meta`: dict literals and subscript assignments in extract.py,
    `.get("k")`, `["k"]`, `.setdefault("k")` and the keys `_html_date` looks up, everywhere."""
    written, read = set(), set()
    extract = PIPELINE / "extract.py"
    for f, tree in _trees():
        for node in ast.walk(tree):
            if f == extract and isinstance(node, ast.Dict) and node.keys and all(
                    isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.keys):
                keys = {k.value for k in node.keys}
                if keys & {"og_title", "t_title"}:  # html_metadata's and trafilatura_metadata's dicts
                    written |= keys
            elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
                base = ast.unparse(node.value)
                if base.endswith(("html_meta", "meta", "ours")):
                    (written if isinstance(node.ctx, ast.Store) else read).add(node.slice.value)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args \
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str) \
                    and ast.unparse(node.func.value).endswith(("html_meta", "meta", "ours")):
                if node.func.attr == "get":
                    read.add(node.args[0].value)
                elif node.func.attr == "setdefault":
                    written.add(node.args[0].value)
            elif isinstance(node, ast.FunctionDef) and node.name == "_html_date":
                read |= {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and n.value in
                         ("ld_date", "date", "t_date", "time_datetime")}
    return written, read


def test_every_html_candidate_is_declared_written_and_read():
    from typing import get_type_hints

    from newsclean.pipeline.record import HtmlMeta

    declared = set(get_type_hints(HtmlMeta))
    written, read = _html_meta_keys()
    assert sorted(written - declared) == [] and sorted(read - declared) == []
    assert sorted(declared - written) == [], "declared but never written"
    assert sorted(declared - read) == [], "declared but never read"
