"""`newsclean run` and Prefect as its users run it: a real `prefect server start` on 127.0.0.1,
found through PREFECT_API_URL or the active profile; without one, no Prefect at all (or, asked
for, the embedded API under OUT/.prefect); prefect.yaml deploys clean-articles to a work pool."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import DATA, ROOT, env_without_prefect

SEEDS = [str(DATA / "seeds" / "000_2bfcacd1b97652a8.txt"), str(DATA / "seeds" / "003_a7a0dd8b7647f308.txt")]


def _post(api: str, path: str, body: dict) -> list:
    req = urllib.request.Request(f"{api}{path}", data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def _newsclean_run(args: list[str], env: dict, cwd) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "newsclean.cli", "run", *args], env=env, cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out, _ = proc.communicate(timeout=600)
    assert proc.returncode == 0, out[-4000:]
    return proc, out


def _flow_run_of(api: str, out) -> dict:
    runs = _post(api, "/flow_runs/filter", {"flows": {"name": {"any_": ["clean-articles"]}}})
    [run] = [r for r in runs if r["parameters"].get("out") == str(out)]
    return run


def _logs(api: str, flow_run_id: str, needle: str, timeout: float = 20.0) -> list[dict]:
    deadline = time.monotonic() + timeout
    while True:  # logs are sent in batches; the CLI flushes them on exit, this only absorbs slowness
        logs = _post(api, "/logs/filter", {"logs": {"flow_run_id": {"any_": [flow_run_id]}}})
        if any(needle in log["message"] for log in logs) or time.monotonic() > deadline:
            return logs
        time.sleep(1)


@pytest.mark.slow
def test_run_is_a_flow_run_on_the_configured_server(prefect_server, tmp_path):
    api, out, home = prefect_server, tmp_path / "out", tmp_path / "home"
    home.mkdir()
    proc, output = _newsclean_run([*SEEDS, "--out", str(out)], env_without_prefect(PREFECT_API_URL=api, PREFECT_HOME=str(home)),
                                  cwd=tmp_path)
    run = _flow_run_of(api, out)
    assert run["state_type"] == "COMPLETED" and run["parameters"]["inputs"] == SEEDS
    [report] = [json.loads(p.read_text()) for p in (out / "runs").glob("*.json")]
    assert report["counts"]["written"] == 2
    assert report["worker_pids"] == [proc.pid]  # a lone batch is cleaned in the CLI's process, no pool
    arts = {a["key"]: a for a in _post(api, "/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [run["id"]]}}})}
    assert set(arts) == {"newsclean-run-report", "newsclean-run-counts"}
    assert "records read 2 = written 2 + rejected 0 + skipped 0" in arts["newsclean-run-report"]["data"]
    assert report["run_id"] in arts["newsclean-run-report"]["description"]
    needle = f"run {report['run_id']}: read 2 = written 2 + rejected 0 + skipped 0"
    logs = _logs(api, run["id"], needle)
    assert [log["name"] for log in logs if needle in log["message"]] == ["newsclean"], [log["message"] for log in logs]
    # the user's server, not an embedded API: no database anywhere on the client's side
    assert not list(tmp_path.rglob("prefect.db")) and not (tmp_path / ".prefect").exists()
    assert "No Prefect server configured" not in output


@pytest.mark.slow
def test_server_of_the_active_profile_is_used_and_prefect_home_kept(prefect_server, tmp_path):
    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    profiles = f'active = "team"\n\n[profiles.default]\n\n[profiles.team]\nPREFECT_API_URL = "{prefect_server}"\n'
    (home / "profiles.toml").write_text(profiles)
    _newsclean_run([SEEDS[0], "--out", str(out)], env_without_prefect(PREFECT_HOME=str(home)), cwd=tmp_path)
    assert _flow_run_of(prefect_server, out)["state_type"] == "COMPLETED"
    assert (home / "profiles.toml").read_text() == profiles and not list(tmp_path.rglob("prefect.db"))


def test_without_a_server_the_run_needs_no_prefect(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    code = ("import sys; from typer.testing import CliRunner; from newsclean.cli import app\n"
            f"r = CliRunner().invoke(app, ['run', *{SEEDS!r}, '--out', 'out'])\n"
            "assert r.exit_code == 0, r.output; print(r.output); print('prefect imported:', 'prefect' in sys.modules)")
    res = subprocess.run([sys.executable, "-c", code], env=env_without_prefect(PREFECT_HOME=str(home)), cwd=tmp_path,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "No Prefect server configured" in res.stdout and "--embedded-prefect" in res.stdout
    assert res.stdout.strip().splitlines()[-1] == "prefect imported: False"
    [report] = [json.loads(p.read_text()) for p in (tmp_path / "out" / "runs").glob("*.json")]
    assert report["counts"]["written"] == 2 and not list(tmp_path.rglob("prefect.db"))


def test_a_server_in_any_prefect_settings_source_is_found(tmp_path):
    """prefect.toml and .env in the working directory count, as they do for Prefect (which answers:
    newsclean only screens the sources cheaply before asking it)."""
    code = "from newsclean.flows.runtime import configured_api_url; print(configured_api_url())"
    found = {}
    for name, text in {"none": None, "prefect.toml": '[api]\nurl = "http://127.0.0.1:9/api"\n',
                       ".env": "PREFECT_API_URL=http://127.0.0.1:9/api\n"}.items():
        d = tmp_path / name.strip(".")
        (d / "home").mkdir(parents=True)
        if text:
            (d / name).write_text(text)
        found[name] = subprocess.run([sys.executable, "-c", code], env=env_without_prefect(PREFECT_HOME=str(d / "home")),
                                     cwd=d, capture_output=True, text=True, check=True).stdout.strip()
    assert found == {"none": "None", "prefect.toml": "http://127.0.0.1:9/api", ".env": "http://127.0.0.1:9/api"}


@pytest.mark.slow
def test_embedded_api_on_request_lives_under_the_output(tmp_path):
    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    _, output = _newsclean_run([SEEDS[0], "--out", str(out), "--embedded-prefect"],
                               env_without_prefect(PREFECT_HOME=str(home)), cwd=tmp_path)
    assert "embedded API" in output
    with sqlite3.connect(out / ".prefect" / "prefect.db") as db:
        runs = db.execute("select flow.name, flow_run.state_type from flow_run join flow on flow.id = flow_run.flow_id").fetchall()
    assert runs == [("clean-articles", "COMPLETED")]
    assert [str(p) for p in tmp_path.rglob("prefect.db")] == [str(out / ".prefect" / "prefect.db")]


@pytest.mark.slow
def test_prefect_yaml_deploys_clean_articles_to_a_work_pool(prefect_server, tmp_path):
    env = env_without_prefect(PREFECT_API_URL=prefect_server, PREFECT_HOME=str(tmp_path))
    prefect = [sys.executable, "-m", "prefect", "--no-prompt"]
    for cmd in (["work-pool", "create", "newsclean", "--type", "process"], ["deploy", "--all"]):
        res = subprocess.run(prefect + cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    [dep] = _post(prefect_server, "/deployments/filter", {"deployments": {"name": {"any_": ["newsclean"]}}})
    assert dep["entrypoint"] == "newsclean.flows.clean_articles:clean_articles" and dep["work_pool_name"] == "newsclean"
    assert [s["schedule"]["cron"] for s in dep["schedules"]] == ["*/30 * * * *"]
    assert dep["pull_steps"] == [] and set(dep["parameters"]) >= {"inputs", "out"}
    assert {"inputs", "out"} <= set(dep["parameter_openapi_schema"]["required"])
