"""WARC input: response records with HTML become articles; other records are accounted for."""
from __future__ import annotations

import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import ROOT

from newsclean.pipeline.process import process_article
from newsclean.pipeline.readers import read_file


def _warc(path, records):
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, ctype, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
        w.write_record(w.create_warc_record("urn:x", "warcinfo", payload=io.BytesIO(b"software: test")))


def test_warc_response_records(tmp_path):
    page = (ROOT / "examples" / "sciencealert_com_14cc2a0ca59c.html").read_bytes()
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [("https://www.sciencealert.com/nasa-finds-water", "text/html; charset=utf-8", page),
                 ("https://www.sciencealert.com/logo.png", "image/png", b"\x89PNG....")])
    arts = list(read_file(str(path)))
    assert [a.source_uri.rsplit("#", 1)[1] for a in arts] == ["1", "2"]
    html, png = arts
    assert png.reject[0] == "unsupported_format"
    process_article(html)
    assert html.reject is None and html.url.startswith("https://www.sciencealert.com/")
    assert html.fetched_at is not None and html.extractor == "trafilatura"
    assert "water" in html.title.lower()


def test_corrupt_warc_is_a_reject(tmp_path):
    path = tmp_path / "bad.warc"
    path.write_bytes(b"$K%\nnot a warc at all\n")
    [art] = list(read_file(str(path)))
    assert art.reject[0] == "corrupt_warc"
