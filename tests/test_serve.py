"""`newsclean serve`: a real Prefect server, scheduled runs observed through its API, clean stop."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psutil
import pytest

from conftest import ROOT
from newsclean.flows.serve import free_port


def _post(api: str, path: str, body: dict) -> list:
    req = urllib.request.Request(f"{api}{path}", data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


@pytest.mark.slow
def test_serve_runs_on_schedule_and_stops_cleanly(tmp_path):
    out = tmp_path / "out"
    port = free_port()
    cfg = tmp_path / "newsclean.toml"
    cfg.write_text(f'sources = ["{ROOT / "tests" / "data" / "seeds"}"]\noutput = "{out}"\n'
                   f'prefect_home = "{tmp_path / "prefect"}"\n[schedule]\ninterval_seconds = 10\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    proc = subprocess.Popen([sys.executable, "-m", "newsclean.cli", "serve", "--config", str(cfg), "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    api = f"http://127.0.0.1:{port}/api"
    family: set[int] = set()
    try:
        deadline = time.monotonic() + 240
        done = []
        while time.monotonic() < deadline and len(done) < 2:
            time.sleep(3)
            try:
                family |= {p.pid for p in psutil.Process(proc.pid).children(recursive=True)}
            except psutil.NoSuchProcess:
                break
            try:
                runs = _post(api, "/flow_runs/filter", {"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}})
            except OSError:
                continue
            done = [r for r in runs if r.get("deployment_id")]
        assert proc.poll() is None, proc.stdout.read().decode()[-3000:]
        assert len(done) >= 2, f"completed scheduled runs: {len(done)}"
        arts = _post(api, "/artifacts/filter", {"artifacts": {"key": {"any_": ["newsclean-run-report"]}}})
        assert len(arts) >= 2 and "records read" in arts[0]["data"]
        # the markdown artifact links the run's visual report, written beside its JSON
        link = re.search(r"visual report: \[[^\]]+\]\((file://[^)]+)\)", arts[0]["data"])
        assert link and Path(urllib.request.url2pathname(urllib.parse.urlparse(link[1]).path)).resolve().parent == out.resolve() / "runs"
        assert Path(urllib.request.url2pathname(urllib.parse.urlparse(link[1]).path)).exists()
        assert len(list((out / "runs").glob("*.json"))) >= 2
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail("serve did not stop on Ctrl-C")
    time.sleep(1)
    left = [p for p in family if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
    assert left == [], f"processes left behind: {left}"
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{api}/health", timeout=2)
