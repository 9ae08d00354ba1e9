"""The hostile corpus (tests/hostile/make_corpus.py): a run completes, every file is accounted
for, each rejection has the expected reason, and extraction never touches the network."""
from __future__ import annotations

import json
import socket
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "hostile"))
import make_corpus  # noqa: E402

from newsclean.pipeline import store  # noqa: E402
from newsclean.pipeline import tables
from newsclean.pipeline.batch import process_batch  # noqa: E402
from newsclean.pipeline.readers import discover, read_file  # noqa: E402
from newsclean.pipeline.process import process_article  # noqa: E402


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    expected = make_corpus.build(corpus)
    out = root / "out"
    run_id = store.new_run_id()
    stats = process_batch(discover([str(corpus)]), str(out), run_id, "00000", doc_timeout=0.2)
    store.publish(out, run_id, set(stats["inputs"]))
    outcome: dict[str, list[str]] = {}
    for r in tables.read_rejects(out).to_pylist():
        outcome.setdefault(r["source_uri"].rsplit("/", 1)[-1].split("#")[0], []).append(
            (r["source_uri"].rsplit("#", 1)[-1] if "#" in r["source_uri"] else "", r["reason"]))
    articles = {r["source_uri"].rsplit("/", 1)[-1]: r for r in tables.read_articles(out).to_pylist()}
    for name in articles:
        outcome.setdefault(name.split("#")[0], []).append((name.rsplit("#", 1)[-1] if "#" in name else "", "written"))
    return expected, outcome, articles, stats


def test_every_file_accounted_for_with_the_expected_outcome(hostile_run):
    expected, outcome, _, _ = hostile_run
    assert set(outcome) == set(expected)
    for name, exp in expected.items():
        got = [reason for _, reason in sorted(outcome[name])]
        if "," in exp:  # multi-record file: one outcome per record, in order
            assert got == exp.split(","), name
        else:
            assert len(got) == 1 and got[0] in exp.split("|") + (["timeout"] if name == "deep.html" else []), (name, got)


def test_accounting_holds(hostile_run):
    _, _, _, stats = hostile_run
    assert stats["read"] == stats["written"] + sum(stats["rejected"].values()) + stats["skipped"]
    assert stats["read"] == 22


def test_encodings_detected_and_recorded(hostile_run):
    _, _, articles, _ = hostile_run
    assert articles["arabic_1256.html"]["encoding"] == "windows-1256"
    assert articles["arabic_8859_6.html"]["encoding"] == "iso-8859-6"
    assert articles["arabic_undeclared_1256.txt"]["encoding"] == "windows-1256"
    assert articles["latin_1252.html"]["encoding"] == "windows-1252"
    assert articles["utf16_bom.html"]["encoding"] == "utf-16"
    assert "وافق مجلس المدينة" in articles["arabic_1256.html"]["text"]
    assert "وافق مجلس المدينة" in articles["arabic_undeclared_1256.txt"]["text"]
    assert articles["latin_1252.html"]["title"] == "Café budget: €2m for the crèche"
    assert "Café crème, naïve déjà vu" in articles["mojibake.txt"]["text"]  # repaired by ftfy


def test_entities_are_not_expanded(hostile_run):
    _, _, articles, _ = hostile_run
    text = articles["xxe_remote.html"]["text"]
    assert "root:" not in text and "The city council approved" in text


def test_no_network_during_extraction(tmp_path, monkeypatch):
    make_corpus.build(tmp_path)
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    [art] = list(read_file(str(tmp_path / "xxe_remote.html")))
    process_article(art)
    assert art.reject is None and art.title == "Budget approved"
    assert calls == []


def test_control_characters_do_not_cost_a_page_its_body():
    """A BEL character in a paragraph (seen on a real page) made trafilatura return nothing."""
    from newsclean.pipeline.record import Article

    para = "<p>Living Planet Report 2020,\x07 abrufbar online. " + "Mehr Text über Fleisch und Flächen. " * 30 + "</p>"
    html = f"<html><head><title>Fleisch</title></head><body><article><h1>Fleisch</h1>{para}{para}</article></body></html>"
    art = process_article(Article("mem://bel.html", "html", raw=html))
    assert art.reject is None
    assert "Living Planet Report 2020, abrufbar" in art.body_text()
    assert "\x07" not in art.body_text()
