"""CPU seconds of one `newsclean run` over the two seed files, every process of the run included.

    python benchmarks/seed_run_cpu.py                # both cases, medians of 5
    python benchmarks/seed_run_cpu.py --rounds 3 --case none
    python benchmarks/seed_run_cpu.py --cmd "python -c 'import prefect'"   # any command, same meter
    python benchmarks/seed_run_cpu.py --root . --root /tmp/old-checkout   # two checkouts, alternating

Cases: `server` (PREFECT_API_URL points at a `prefect server start` on 127.0.0.1 that this script
starts first and does not count) and `none` (no server configured: an empty PREFECT_HOME, no
PREFECT_* variables). Each run gets a fresh output folder. Each round also measures a gauge,
`python -c "import prefect"`: CPU seconds grow with the machine's load (two vCPUs shared by
several people here), and the gauge shows by how much (1.40 s on this VM when it was quiet).

The meter: this process makes itself a child subreaper (prctl PR_SET_CHILD_SUBREAPER), so every
process the command starts, including ones its parent left behind (a forkserver, an ephemeral API
server), is re-parented here when orphaned; after the command exits it waits for all of them and
reads RUSAGE_CHILDREN, which sums user + system CPU of every reaped descendant. The Prefect server
started for the `server` case is a child too but is only reaped after all measurements.
"""
from __future__ import annotations

import argparse
import ctypes
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEEDS = [ROOT / "tests" / "data" / "seeds" / "000_2bfcacd1b97652a8.txt",
         ROOT / "tests" / "data" / "seeds" / "003_a7a0dd8b7647f308.txt"]
PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER) failed")


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _reap_all(keep: set[int], timeout: float = 60.0) -> None:
    """Wait for every descendant except `keep` (orphans come to us: we are their subreaper)."""
    import psutil

    deadline = time.monotonic() + timeout
    while True:
        left = [p for p in psutil.Process().children() if p.pid not in keep]
        if not left:
            return
        for p in left:
            try:
                os.waitpid(p.pid, os.WNOHANG)
            except ChildProcessError:
                pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"descendants still running {timeout:.0f} s after the command: "
                               f"{[(p.pid, p.cmdline()) for p in left]}")
        time.sleep(0.05)


def measure(cmd: list[str], env: dict, keep: set[int] = frozenset(), cwd: Path = ROOT) -> tuple[float, float]:
    """(CPU seconds of the command and all its descendants, wall seconds until they all ended)."""
    before = _children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=cwd)
    if proc.returncode != 0:
        raise RuntimeError(f"{shlex.join(cmd)} exited {proc.returncode}:\n{proc.stdout.decode()[-3000:]}")
    _reap_all(set(keep))
    return _children_cpu() - before, time.perf_counter() - t0


def clean_env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(home)  # empty: no profile, no API URL
    return env


def run_once(case: str, i: int, tmp: Path, api: str | None, root: Path) -> tuple[float, float]:
    home = tmp / f"home-{case}-{root.name}-{i}"
    home.mkdir()
    env = clean_env(home)
    env["PYTHONPATH"] = str(root)  # this checkout's newsclean, whatever the virtualenv installed
    if case == "gauge":  # the same fixed work every round: how much the machine's load inflates CPU time
        return measure([sys.executable, "-c", "import prefect"], env, keep=_server_pids, cwd=root)
    if case == "server":
        env["PREFECT_API_URL"] = api
    out = tmp / f"out-{case}-{root.name}-{i}"
    return measure([sys.executable, "-m", "newsclean.cli", "run", *map(str, SEEDS), "--out", str(out)], env,
                   keep=_server_pids, cwd=root)


_server_pids: set[int] = set()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--case", choices=["both", "server", "none"], default="both")
    ap.add_argument("--cmd", help="measure this shell command instead (run from the repository root)")
    ap.add_argument("--root", type=Path, action="append",
                    help="a checkout whose newsclean runs (default: this one); several are measured in alternation")
    args = ap.parse_args()
    roots = [r.resolve() for r in args.root or [ROOT]]
    become_subreaper()
    tmp = Path(tempfile.mkdtemp(prefix="seed-run-cpu-"))
    try:
        if args.cmd:
            res = [measure(["sh", "-c", args.cmd], dict(os.environ)) for _ in range(args.rounds)]
            print(f"{args.cmd}: CPU {statistics.median(c for c, _ in res):.2f} s "
                  f"(rounds {', '.join(f'{c:.2f}' for c, _ in res)}), wall {statistics.median(w for _, w in res):.2f} s")
            return
        cases = ["server", "none"] if args.case == "both" else [args.case]
        results: dict[tuple[str, str], list] = {}
        server = api = None
        try:
            if "server" in cases:
                from newsclean.flows.serve import free_port, wait_healthy

                port = free_port()
                home = tmp / "server-home"
                home.mkdir()
                env = clean_env(home) | {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "false"}
                server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                           "--port", str(port), "--analytics-off"], env=env,
                                          stdout=open(home / "server.log", "wb"), stderr=subprocess.STDOUT,
                                          start_new_session=True)
                api = f"http://127.0.0.1:{port}/api"
                wait_healthy(api, proc=server)
                import psutil

                _server_pids.update([server.pid] + [p.pid for p in psutil.Process(server.pid).children(recursive=True)])
            for i in range(args.rounds):  # cases and checkouts alternate, so that each sees the same load
                for case in cases + ["gauge"]:
                    for root in roots[:1] if case == "gauge" else roots:
                        results.setdefault((case, str(root)), []).append(run_once(case, i, tmp, api, root))
        finally:
            if server is not None:
                from newsclean.flows.serve import stop_group

                stop_group(server)
        print(f"{args.rounds} rounds, load average {os.getloadavg()[0]:.1f} at the end")
        for (case, root), res in results.items():
            cpu = [c for c, _ in res]
            wall = [w for _, w in res]
            what = "python -c 'import prefect' (gauge)" if case == "gauge" else f"{case:6s} {root}"
            print(f"{what}: CPU median {statistics.median(cpu):.2f} s (rounds {', '.join(f'{c:.2f}' for c in cpu)}); "
                  f"wall median {statistics.median(wall):.2f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
