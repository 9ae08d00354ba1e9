"""The visual run report and the cleaning view: their numbers against DuckDB over the same
Parquet, and the pages opened in a real headless Chromium (Debian's package, driven by
Playwright over the DevTools protocol): charts drawn with the expected counts, a screenshot,
and no request leaving the page."""
from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from conftest import DATA, ROOT

from newsclean.pipeline import report_html
from newsclean.pipeline.clean import PASSES
from newsclean.pipeline.rules import REASONS
from newsclean.pipeline.run import run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SEED = DATA / "seeds" / "003_a7a0dd8b7647f308.txt"
HTML_PAGE = DATA / "gate" / "dev" / "5211188428849a31.html"  # newsclean removes a line trafilatura keeps, lacks three
ADDS_PAGE = ROOT / "examples" / "hosted_ap_org_e7994d550087.html"  # newsclean keeps lines trafilatura drops

PARAS_EN = [
    "The city council approved a new budget on Tuesday after a long debate about schools, roads and the future of public transport in the region.",
    "Officials said the plan would take effect next year and that residents could comment on it at a series of public meetings this autumn.",
    "Critics argued that the spending on roads was too high, while supporters said the investment was overdue after years of delays and repairs.",
]
PARAS_FR = [
    "Le conseil municipal a adopté mardi un nouveau budget après un long débat sur les écoles, les routes et l'avenir des transports publics.",
    "Les responsables ont indiqué que le plan entrerait en vigueur l'année prochaine et que les habitants pourraient le commenter lors de réunions.",
    "Les critiques ont estimé que les dépenses routières étaient trop élevées, tandis que les partisans jugeaient cet investissement nécessaire.",
]
CHROME = ["Advertisement", "Share on Facebook", "Advertisement", "Subscribe now", "Share on Twitter"]


PLACES = ["Leeds", "Bristol", "Lyon", "Nantes", "Lille", "Rennes", "York", "Derby"]


def _records(path: Path, n: int, paras: list[str], chrome: list[str], tag: str) -> None:
    """`n` text records of one site; each paragraph names its own town (the same paragraph on
    every page of a site would be learned as the site's template and removed)."""
    rows = []
    for i in range(n):
        town = PLACES[i % len(PLACES)] + " " + PLACES[(i + 3) % len(PLACES)]
        lines = ([f"Budget story {tag} {i}: council approves spending plan"] + chrome[:2]
                 + [p[:-1] + f", {town}." for p in paras] + chrome[2:])
        rows.append(json.dumps({"url": f"https://www.drift-news.com/{tag}/{i}", "text": "\n\n".join(lines),
                                "fetched_at": "2025-10-02T10:00:00Z"}))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """Run 1: the bundled examples, a clean English site, and bad inputs. Run 2: the same site
    in French with ads and share bars (its drift), a broken file, and run 1's inputs again (skipped)."""
    tmp = tmp_path_factory.mktemp("report")
    a, b, out = tmp / "a", tmp / "b", tmp / "out"
    shutil.copytree(ROOT / "examples", a)
    _records(a / "drift.jsonl", 4, PARAS_EN, [], "en")
    (a / "empty<b>.txt").write_bytes(b"")  # a reject whose name must be escaped in the page
    (a / "bad.jsonl").write_text('{"url": "https://x.org/1", "text": "A line of text."}\n{not json\n')
    r1 = run([str(a)], str(out), doc_timeout=None)
    b.mkdir()
    _records(b / "drift2.jsonl", 4, PARAS_FR, CHROME, "fr")
    (b / "broken.jsonl").write_text("{not json\n")
    r2 = run([str(a), str(b)], str(out), doc_timeout=None)
    return out, r1, r2


def _q(out: Path, sql: str) -> list[tuple]:
    return duckdb.sql(sql.replace("ARTICLES", f"read_parquet('{out}/articles/**/*.parquet', hive_partitioning=true, union_by_name=true)")
                      .replace("REJECTS", f"read_parquet('{out}/rejects/**/*.parquet')")).fetchall()


def _expected(out: Path, run_id: str | None) -> dict:
    """The report's numbers, computed by DuckDB from the Parquet (independently of report_html)."""
    where = f"where run_id = '{run_id}'" if run_id else ""
    sites = dict(_q(out, f"select coalesce(site, 'unknown'), count(*) from ARTICLES {where} group by 1"))
    langs = dict(_q(out, f"select language, count(*) from ARTICLES {where} group by 1"))
    months = dict(_q(out, f"select published_month, count(*) from ARTICLES {where} group by 1"))
    kept = dict(_q(out, f"select coalesce(site, 'unknown'), sum(len(paragraph_languages)) from ARTICLES {where} group by 1"))
    reasons = _q(out, f"select coalesce(site, 'unknown'), r.reason, count(*) from "
                      f"(select site, unnest(removed_lines) as r from ARTICLES {where}) group by all")
    edges = report_html.LENGTH_EDGES
    case = " ".join(f"when word_count < {e} then {i - 1}" for i, e in enumerate(edges) if i)
    bins = dict(_q(out, f"select case {case} else {len(edges) - 1} end, count(*) from ARTICLES {where} group by 1"))
    lines: dict[str, Counter] = {s: Counter({"kept": int(k)}) for s, k in kept.items()}
    for s, why, n in reasons:
        lines[s][why] += n
    return {"articles": sum(sites.values()), "sites": sites, "languages": langs, "months": months,
            "lengths": [bins.get(i, 0) for i in range(len(edges))], "lines": lines}


def test_numbers_match_duckdb(two_runs):
    out, r1, r2 = two_runs
    data = report_html.collect(out)
    assert data["report"]["run_id"] == r2["run_id"]
    for scope, run_id in (("run", r2["run_id"]), ("table", None)):
        exp, got = _expected(out, run_id), data[scope]
        assert got["articles"] == exp["articles"] > 0
        assert dict(got["sites"]) == exp["sites"]
        assert dict(got["languages"]) == exp["languages"]
        assert dict(got["months"]) == exp["months"]
        assert got["lengths"] == exp["lengths"]
        assert {s: dict(c) for s, c in got["lines"].items()} == {s: dict(c) for s, c in exp["lines"].items()}
    assert data["table"]["rows"] == _q(out, "select count(*) from ARTICLES")[0][0]
    # accounting of the reported run: its unchanged inputs were skipped, the broken line rejected
    c = r2["counts"]
    assert c["read"] == c["written"] + c["rejected"] + c["skipped"] and c["skipped"] == r1["counts"]["read"] and c["rejected"] == 1
    ex = data["rejects"]["examples"]["invalid_json"]
    assert len(ex) == 1 and ex[0]["source_uri"].endswith("broken.jsonl#1")


def test_drift_finds_the_site_that_changed(two_runs):
    out, r1, r2 = two_runs
    d = report_html.collect(out)["drift"]
    assert d["baseline"] == [r1["run_id"]]
    row = d["rows"][0]
    assert row["site"] == "drift-news.com" and row["articles"] == row["articles_before"] == 4
    [(fr_now,)], [(en_before,)] = _q(out, f"select count(*) from ARTICLES where site = 'drift-news.com' and run_id = '{r2['run_id']}' "
                                      "and language = 'fr'"), \
        _q(out, f"select count(*) from ARTICLES where site = 'drift-news.com' and run_id = '{r1['run_id']}' and language = 'en'")
    assert fr_now == en_before == 4 and row["language_change"] == pytest.approx(1.0)
    assert row["removed_share_change"] > 0.2  # ads and share bars now go


def test_run_writes_its_report_beside_the_json(two_runs):
    out, r1, r2 = two_runs
    for r in (r1, r2):
        html = Path(r["report_html"])
        assert html == out / "runs" / f"{r['run_id']}.html" and html.exists()
        assert json.loads((out / "runs" / f"{r['run_id']}.json").read_text())["report_html"] == str(html)
        slow = r["slowest_documents"]
        assert 0 < len(slow) <= 10 and [d["seconds"] for d in slow] == sorted((d["seconds"] for d in slow), reverse=True)
    page = Path(r1["report_html"]).read_text()
    assert "empty&lt;b&gt;.txt" in page and "empty<b>" not in page  # untrusted names are escaped
    assert "default-src 'none'" in page and "<script" not in page and "http://" not in page.split("</style>")[0]


def test_a_report_that_cannot_be_drawn_does_not_fail_the_published_run(tmp_path, monkeypatch):
    def broken(*a, **k):
        raise ValueError("no ink")

    monkeypatch.setattr(report_html, "write", broken)
    r = run([str(SEED)], str(tmp_path / "out"), doc_timeout=None)
    saved = json.loads((tmp_path / "out" / "runs" / f"{r['run_id']}.json").read_text())
    assert saved["counts"]["written"] == 1 and saved["report_html_error"] == "ValueError: no ink"
    assert "report_html" not in saved


def test_inspect_traces_every_removed_line_to_a_pass():
    (it,) = report_html.inspect_records(str(SEED))
    by_text = {ln["text"]: ln for ln in it["lines"]}
    assert by_text["RECOMMENDED"]["reason"] == "related_marker" and by_text["RECOMMENDED"]["rule"] == "mark_markers"
    assert by_text["SOURCE:AA"]["reason"] == "agency"
    removed = [ln for ln in it["lines"] if ln["reason"]]
    assert removed and all(ln["rule"] and ln["rule"].split(" (")[0] in PASSES for ln in removed)
    assert all(ln["rule"] is None for ln in it["lines"] if ln["reason"] is None)
    assert it["fields"]["source_agency"] == "AA" and it["trafilatura"] is None


def test_inspect_html_sets_trafilatura_beside_newsclean():
    import trafilatura

    (it,) = report_html.inspect_records(str(HTML_PAGE))
    theirs = [" ".join(t.split()) for t in trafilatura.extract(HTML_PAGE.read_text(), url=None).split("\n") if t.strip()]
    assert [t["text"] for t in it["trafilatura"]] == theirs
    statuses = Counter(t["status"] for t in it["trafilatura"])
    assert statuses["kept"] and statuses["removed"] and statuses["absent"]
    (added,) = report_html.inspect_records(str(ADDS_PAGE))  # lines newsclean's extraction has and trafilatura's lacks
    assert any(ln["reason"] is None and not ln["in_trafilatura"] for ln in added["lines"])


def test_cli_report_and_inspect_write_html(two_runs, tmp_path):
    from typer.testing import CliRunner

    from newsclean.cli import app

    out, _, r2 = two_runs
    res = CliRunner().invoke(app, ["report", str(out), "--html", str(tmp_path / "r.html")])
    assert res.exit_code == 0, res.output
    assert r2["run_id"] in (tmp_path / "r.html").read_text()
    res = CliRunner().invoke(app, ["inspect", str(SEED), "--html", str(tmp_path / "i.html")])
    assert res.exit_code == 0, res.output
    assert "<del>RECOMMENDED</del>" in (tmp_path / "i.html").read_text()


# --- in the browser ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("no chromium on this machine: `make test` installs Debian's package when run as root")
    pw_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra (pip install -e .[test])")
    with pw_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


def _open(browser, path: Path, shot: Path):
    """Open `path`, record every request the page makes, take a full-page screenshot."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_timeout(300)  # anything the page would fetch late
    page.screenshot(path=str(shot), full_page=True)
    return page, requests


def _png_size(p: Path) -> tuple[int, int]:
    head = p.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def _bars(page, chart: str) -> list[dict]:
    return page.eval_on_selector_all(
        f'svg[data-chart="{chart}"] rect[data-value]',
        "els => els.map(e => ({label: e.dataset.label, segment: e.dataset.segment || null, value: +e.dataset.value,"
        " w: e.getBoundingClientRect().width, h: e.getBoundingClientRect().height}))")


def test_the_request_check_sees_a_page_that_fetches(browser, tmp_path):
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<html><body><img src="http://127.0.0.1:9/pixel.png"></body></html>')
    page, requests = _open(browser, leaky, tmp_path / "leaky.png")
    page.close()
    assert "http://127.0.0.1:9/pixel.png" in requests  # so an empty list below means no request was made


def test_report_renders_in_chromium(two_runs, browser, tmp_path):
    out, r1, r2 = two_runs
    html = Path(r2["report_html"])
    page, requests = _open(browser, html, tmp_path / "report.png")
    try:
        assert requests == [html.as_uri()]  # the file itself, nothing else
        w, h = _png_size(tmp_path / "report.png")
        assert w == 1400 and h > 2000 and (tmp_path / "report.png").stat().st_size > 50_000
        charts = page.eval_on_selector_all("svg[data-chart]", "els => els.map(e => e.dataset.chart)")
        for chart in ("accounting", "rejects", "slowest", "run-sites", "run-languages", "run-months", "run-lengths",
                      "run-lines", "table-sites", "table-languages", "table-months", "table-lengths", "table-lines"):
            assert chart in charts
            bars = _bars(page, chart)
            assert bars and all(b["w"] > 0 and b["h"] > 0 for b in bars if b["value"] > 0), chart
        c = r2["counts"]
        assert {b["segment"]: b["value"] for b in _bars(page, "accounting")} == \
            {k: c[k] for k in ("written", "rejected", "skipped") if c[k]}
        assert {b["label"]: b["value"] for b in _bars(page, "rejects")} == r2["rejected_by_reason"]
        for scope, run_id in (("run", r2["run_id"]), ("table", None)):
            exp = _expected(out, run_id)
            assert {b["label"]: b["value"] for b in _bars(page, f"{scope}-sites")} == exp["sites"]
            assert {b["label"]: b["value"] for b in _bars(page, f"{scope}-languages")} == exp["languages"]
            months = {b["label"]: b["value"] for b in _bars(page, f"{scope}-months") if b["value"]}
            assert months == exp["months"]
            assert [b["value"] for b in _bars(page, f"{scope}-lengths")] == exp["lengths"]
            drawn: dict[str, Counter] = {}
            for b in _bars(page, f"{scope}-lines"):
                drawn.setdefault(b["label"], Counter())[b["segment"]] += b["value"]
            want = {s: Counter({("kept" if k == "kept" else REASONS[k][0]): 0 for k in c}) for s, c in exp["lines"].items()}
            for s, cnt in exp["lines"].items():
                for k, v in cnt.items():
                    want[s]["kept" if k == "kept" else REASONS[k][0]] += v
            assert drawn == {s: +c for s, c in want.items()}
        assert page.locator('tr[data-site="drift-news.com"]').count() == 1
    finally:
        page.close()


def test_inspect_page_renders_in_chromium(browser, tmp_path):
    for src, name in ((SEED, "text"), (HTML_PAGE, "html")):
        html = report_html.write_inspect(str(src), tmp_path / f"{name}.html")
        page, requests = _open(browser, html, tmp_path / f"{name}.png")
        try:
            assert requests == [html.as_uri()]
            assert _png_size(tmp_path / f"{name}.png")[1] > 600
            (it,) = report_html.inspect_records(str(src))
            rows = page.eval_on_selector_all(
                'table[data-table="lines"] tr[data-kept]',
                "els => els.map(e => ({kept: e.dataset.kept === '1', reason: e.dataset.reason, text: e.querySelector('td.t').innerText,"
                " struck: getComputedStyle(e.querySelector('td.t del') || e).textDecorationLine}))")
            assert len(rows) == len(it["lines"])
            for row, ln in zip(rows, it["lines"]):
                assert row["kept"] == (ln["reason"] is None) and row["reason"] == (ln["reason"] or "")
                assert ("line-through" in row["struck"]) == (ln["reason"] is not None)
            title = page.eval_on_selector('tr[data-field="title"] td:last-child', "e => e.innerText")
            assert title == it["fields"]["title"]
            if name == "html":
                statuses = page.eval_on_selector_all('table[data-table="trafilatura"] tr[data-status]', "els => els.map(e => e.dataset.status)")
                assert statuses == [t["status"] for t in it["trafilatura"]] and set(statuses) == {"kept", "removed", "absent"}
        finally:
            page.close()
