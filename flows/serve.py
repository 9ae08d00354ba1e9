"""`newsclean serve`: a local Prefect server plus the `clean-articles` deployment on a schedule.

Flows served against Prefect's ephemeral API never run on schedule ("Cannot schedule flows on an
ephemeral server"), so this starts a real server on 127.0.0.1 (SQLite under PREFECT_HOME, or
Postgres when PREFECT_SERVER_DATABASE_CONNECTION_URL is set), waits until it is healthy, points
PREFECT_API_URL at it and serves the deployment. Ctrl-C or SIGTERM stops the runner and the
server (its whole process group), leaving no process behind.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(api_url: str, timeout: float = 120.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"Prefect server exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{api_url}/health", timeout=2) as r:
                if json.loads(r.read() or b"false") is True:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"Prefect server at {api_url} not healthy after {timeout:.0f} s")


@contextmanager
def prefect_server(home: Path, port: int | None = None):
    """Run `prefect server start` on 127.0.0.1 for the duration of the block; yields the API URL."""
    port = port or free_port()
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": os.environ.get("PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS", "5"),
           "PREFECT_UI_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    home.mkdir(parents=True, exist_ok=True)
    log = open(home / "server.log", "ab")
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port),
                             "--analytics-off"], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    api = f"http://127.0.0.1:{port}/api"
    try:
        wait_healthy(api, proc=proc)
        yield api
    finally:
        stop_group(proc)
        log.close()


def stop_group(proc: subprocess.Popen, grace: float = 15.0) -> None:
    """SIGTERM the process group, then SIGKILL what is left (uvicorn ignores a lone SIGTERM at times)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=grace)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)


def serve(cfg: dict, port: int | None = None) -> None:
    """Supervise a Prefect server and a runner serving clean-articles on the schedule of `cfg`
    (newsclean.toml). Each is its own process group; Ctrl-C or SIGTERM stops both groups, with
    every flow run and worker process in them."""
    from newsclean.pipeline.run import ConfigError

    out = cfg["output"]
    home = Path(cfg.get("prefect_home") or Path(out).resolve().parent / ".prefect-server")
    schedule = cfg.get("schedule", {})
    if not ("cron" in schedule or "interval_seconds" in schedule):
        raise ConfigError("newsclean.toml needs [schedule] cron = \"...\" or interval_seconds = N")

    def stop(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started with SIGINT ignored
    with prefect_server(home, port) as api:
        env = {**os.environ, "PREFECT_API_URL": api, "PREFECT_HOME": str(home),
               "PREFECT_RUNNER_POLL_FREQUENCY": os.environ.get("PREFECT_RUNNER_POLL_FREQUENCY", "5")}
        runner = subprocess.Popen([sys.executable, "-m", "newsclean.flows.serve", json.dumps(cfg)], env=env, start_new_session=True)
        print(f"Prefect API {api}; serving clean-articles on {schedule} (Ctrl-C stops)", flush=True)
        try:
            runner.wait()
        except KeyboardInterrupt:
            pass
        finally:
            stop_group(runner, grace=10)


def _run_deployment(cfg: dict) -> None:
    """The runner process: serve the deployment against PREFECT_API_URL until stopped."""
    from newsclean.flows.clean_articles import clean_articles

    schedule = cfg["schedule"]
    params = {"inputs": list(cfg["sources"]), "out": cfg["output"], **cfg.get("options", {})}
    if cfg.get("sites"):
        params["sites"] = cfg["sites"]
    kwargs = {"cron": schedule["cron"]} if "cron" in schedule else {"interval": schedule["interval_seconds"]}
    clean_articles.serve(name=cfg.get("deployment", "newsclean"), parameters=params, pause_on_shutdown=False,
                         print_starting_message=False, **kwargs)


if __name__ == "__main__":
    _run_deployment(json.loads(sys.argv[1]))
