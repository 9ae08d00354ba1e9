"""The shape of pipeline/, read from the source with ast: imports go one way along the data path,
no module imports Prefect, and long functions say why they are long."""
from __future__ import annotations

import ast
from pathlib import Path

PIPELINE = Path(__file__).resolve().parents[1] / "pipeline"

# Every module of pipeline/, in data-path order: a module may import only modules listed before it.
# Leaves (text helpers, the record, the lexicons) first; then what reads fields on both paths; then
# the steps as an article meets them; then what writes and runs batches. An import order that is a
# total order has no cycles.
ORDER = [
    "extras", "weights", "textnorm", "scripts", "decode", "options", "rules", "record", "dates", "bylines", "urls", "transient",
    "lines", "roles", "verse", "tablecells", "header", "datechoice",  # line features; reading the fields around the body (both paths)
    "readers", "extract", "clean", "langdetect_fast", "langid", "metadata", "process",  # one article
    "templates", "dedup", "store", "remote", "tables", "batch",  # many articles, the tables
    "report_html", "run",  # the run's visual report (reads the tables), the run
]
MAX_LINES = 60  # a function longer than this says why in its docstring ("Long: ...")


def _modules() -> dict[str, Path]:
    mods = {p.stem: p for p in PIPELINE.glob("*.py") if p.stem != "__init__"}
    for pkg in (p for p in PIPELINE.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        mods[pkg.name] = pkg
    return mods


def _files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _imports(path: Path, name: str) -> set[str]:
    """The pipeline modules `name` imports, at the top or inside functions (lazy imports too)."""
    found = set()
    for f in _files(path):
        pkg_depth = len(f.relative_to(PIPELINE).parts) - 1  # 1 inside a subpackage such as rules/
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:  # relative: ".x" from pipeline/, "..x" from a subpackage
                    if node.level - pkg_depth != 1:
                        continue  # inside the subpackage itself
                    targets = [node.module] if node.module else [a.name for a in node.names]
                elif node.module and node.module.startswith("newsclean.pipeline"):
                    rest = node.module.split(".")[2:]
                    targets = rest[:1] or [a.name for a in node.names]
                else:
                    continue
                found |= {t.split(".")[0] for t in targets}
            elif isinstance(node, ast.Import):
                found |= {a.name.split(".")[2] for a in node.names if a.name.startswith("newsclean.pipeline.")}
    return found - {name}


def test_every_module_has_a_place_in_the_order():
    assert sorted(_modules()) == sorted(ORDER), "place a new module in ORDER (tests/test_architecture.py)"


def test_imports_go_one_way_along_the_data_path():
    mods = _modules()
    late = []
    for name, path in mods.items():
        for dep in _imports(path, name):
            assert dep in ORDER, f"{name} imports unknown pipeline module {dep}"
            if ORDER.index(dep) > ORDER.index(name):
                late.append(f"{name} -> {dep}")
    assert late == []


def test_the_order_check_sees_lazy_and_relative_imports(tmp_path, monkeypatch):
    """The check itself: an import inside a function and a `from . import x` both count."""
    f = tmp_path / "store.py"
    f.write_text("def f():\n    from .process import article_id\n    from . import remote\n")
    monkeypatch.setattr("test_architecture.PIPELINE", tmp_path)
    assert _imports(f, "store") == {"process", "remote"}


def test_pipeline_never_imports_prefect():
    for name, path in _modules().items():
        for f in _files(path):
            for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                assert not any(n.split(".")[0] == "prefect" for n in names), f"{f.name} imports Prefect"


def test_long_functions_say_why():
    long = []
    for f in sorted(PIPELINE.rglob("*.py")):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > MAX_LINES:
                if "Long:" not in (ast.get_docstring(node) or ""):
                    long.append(f"{f.name}:{node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert long == []


def test_the_cleaner_marks_lines_only():
    """clean.py keeps the line-marking passes; reading header fields lives in header.py."""
    assert len((PIPELINE / "clean.py").read_text(encoding="utf-8").splitlines()) < 500
