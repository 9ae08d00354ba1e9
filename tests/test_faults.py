"""Transient read faults are retried by the flow; permanent ones end in rejects, run complete."""
from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import DATA

pytestmark = pytest.mark.slow  # real Prefect / S3 integration (pyproject's `slow` marker); make test runs it


SEED = (DATA / "seeds" / "000_2bfcacd1b97652a8.txt").read_bytes()


@pytest.fixture(scope="module")
def flaky_server():
    gets: Counter = Counter()

    class Handler(BaseHTTPRequestHandler):
        def _send(self, body: bool):
            path = self.path.split("?")[0]
            if body:
                gets[path] += 1
            failing = path.startswith("/down/") or (path.startswith("/flaky/") and gets[path] == 1 and body)
            if failing and body:
                self.send_response(503)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(SEED)))
            self.end_headers()
            if body:
                self.wfile.write(SEED)

        def do_GET(self):
            self._send(True)

        def do_HEAD(self):
            self._send(False)

        def log_message(self, *a):
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}", gets
    srv.shutdown()


def test_transient_fault_is_retried_and_the_run_succeeds(prefect_harness, flaky_server, tmp_path):
    from newsclean.flows.clean_articles import clean_articles

    base, gets = flaky_server
    report = clean_articles(inputs=[f"{base}/flaky/seed.txt"], out=str(tmp_path / "out"))
    assert report["counts"]["written"] == 1 and report["counts"]["rejected"] == 0
    assert gets["/flaky/seed.txt"] >= 2  # failed once, then read again by the retried batch


def test_permanent_fault_puts_the_input_in_rejects(prefect_harness, flaky_server, tmp_path):
    from newsclean.flows.clean_articles import clean_articles
    from newsclean.pipeline.tables import read_rejects

    base, gets = flaky_server
    report = clean_articles(inputs=[f"{base}/down/seed.txt"], out=str(tmp_path / "out"))
    assert report["counts"] == {**report["counts"], "read": 1, "written": 0, "rejected": 1}
    [row] = read_rejects(tmp_path / "out").to_pylist()
    assert row["reason"] == "read_error" and "after retries" in row["detail"]
    assert gets["/down/seed.txt"] >= 4  # first attempt + 3 retries


@pytest.mark.parametrize("path, written", [("/flaky/plain.txt", 1), ("/down/plain.txt", 0)])
def test_without_prefect_the_same_retries_and_rejects(flaky_server, tmp_path, path, written):
    """`newsclean run` without a Prefect server runs the flow's logic with the flow's retry policy."""
    from newsclean.flows.runtime import RETRIES, clean, discover_each, plain_map
    from newsclean.pipeline.tables import read_rejects

    base, gets = flaky_server
    report = clean([f"{base}{path}"], str(tmp_path / "out"), discover_fn=discover_each, map_batches=plain_map)
    assert report["counts"]["read"] == 1 and report["counts"]["written"] == written
    if written:
        assert gets[path] >= 2  # failed once, then read again by the retried batch
    else:
        [row] = read_rejects(tmp_path / "out").to_pylist()
        assert row["reason"] == "read_error" and "after retries" in row["detail"] and gets[path] >= RETRIES + 1
