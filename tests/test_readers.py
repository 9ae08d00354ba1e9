"""Readers (pipeline.readers) and the retry classification they share with batches and flows
(pipeline.transient): every input file becomes articles or rejects with a registered reason."""
from __future__ import annotations

import gzip

import pytest

from conftest import DATA

from newsclean.pipeline.readers import Limits, read_file
from newsclean.pipeline.record import REJECT_REASONS
from newsclean.pipeline.transient import is_transient


class _Status(Exception):
    def __init__(self, status):
        self.status = status


class ClientConnectionError(Exception):  # aiohttp's name, matched by name across libraries
    pass


@pytest.mark.parametrize("exc,transient", [
    (ConnectionResetError(), True), (TimeoutError(), True), (_Status(429), True), (_Status(503), True),
    (ClientConnectionError(), True), (_Status(404), False), (ValueError("bad"), False), (OSError("disk"), False),
])
def test_which_errors_are_worth_a_retry(exc, transient):
    assert is_transient(exc) is transient


def test_a_text_dump_is_read_whole_with_its_fingerprint_and_encoding():
    [art] = read_file(str(DATA / "seeds" / "000_2bfcacd1b97652a8.txt"))
    assert art.input_format == "text" and art.reject is None
    assert art.raw == (DATA / "seeds" / "000_2bfcacd1b97652a8.txt").read_text(encoding="utf-8")
    assert art.encoding and len(art.fingerprint) == 16


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"  \n\n", "empty"),
    ("page.pdf", b"%PDF-1.4", "unsupported_format"),
    ("broken.txt.gz", b"\x1f\x8bnot really gzip", "corrupt_gzip"),
    ("binary.txt", bytes(range(256)) * 8, "not_text"),
    ("records.jsonl", b'{"url": "https://x.org/a"}\nnot json\n[1, 2]\n', None),
])
def test_bad_inputs_become_rejects_with_a_registered_reason(tmp_path, name, data, reason):
    f = tmp_path / name
    f.write_bytes(data)
    arts = list(read_file(str(f)))
    assert arts and all(a.reject and a.reject[0] in REJECT_REASONS for a in arts)
    if reason:
        assert [a.reject[0] for a in arts] == [reason]
    else:  # one reject per bad JSON Lines record, each with its own reason
        assert [a.reject[0] for a in arts] == ["missing_content", "invalid_json", "invalid_record"]


def test_a_document_over_the_size_limit_is_rejected_not_truncated(tmp_path):
    f = tmp_path / "big.txt.gz"
    f.write_bytes(gzip.compress(b"word " * 4000))
    [art] = read_file(str(f), Limits(max_doc_bytes=1000))
    assert art.reject[0] == "too_large"
