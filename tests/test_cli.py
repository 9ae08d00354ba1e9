"""The command line: inspect (without Prefect), langid --lines, report, compact."""
from __future__ import annotations

import json
import re
import subprocess
import sys

from typer.testing import CliRunner

from conftest import DATA, ROOT

from newsclean.cli import app

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


def test_report_and_compact(tmp_path):
    from newsclean.pipeline.run import run

    out = tmp_path / "out"
    run([str(DATA / "seeds")], str(out), doc_timeout=None)
    res = runner.invoke(app, ["report", str(out)])
    assert res.exit_code == 0 and re.search(r"\bwritten\b\W+2\b", res.output)  # the row "written | 2"
    res = runner.invoke(app, ["compact", str(out)])
    assert res.exit_code == 0 and "partitions" in res.output
    assert json.loads(next((out / "runs").glob("*.json")).read_text())["counts"]["written"] == 2
