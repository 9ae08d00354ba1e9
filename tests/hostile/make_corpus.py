"""Generate the hostile-input corpus into tests/hostile/generated/ (large files: not committed).

    python tests/hostile/make_corpus.py [OUT]

Writes one file per case and `expected.json`: file name -> the outcome a run must report
("written", or the reject reason). Cases: binary bytes named .html, an empty file, a truncated
gzip, a gzip bomb, a 50 MB page, HTML nested 100,000 levels deep, invalid JSON lines, pages in
windows-1256 (Arabic), ISO-8859-6 (Arabic), windows-1252 and UTF-16 with BOM, mojibake, a page
with external entities / <base> / remote resources, and a page too slow for a small time limit.
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLE_EN = ("The city council approved the new budget on Tuesday after a long debate about public transport, "
              "housing and the cost of energy for households in the coming winter months. ")
ARTICLE_AR = ("وافق مجلس المدينة يوم الثلاثاء على الميزانية الجديدة بعد نقاش طويل حول النقل العام والإسكان "
              "وتكلفة الطاقة على الأسر خلال أشهر الشتاء المقبلة. ")


def page(title: str, body: str, head: str = "") -> str:
    paras = "".join(f"<p>{body}</p>" for _ in range(4))
    return (f"<html><head>{head}<title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{paras}</article><footer>Contact us</footer></body></html>")


def build(out: Path) -> dict[str, str]:
    out.mkdir(parents=True, exist_ok=True)
    exp: dict[str, str] = {}

    def put(name: str, data: bytes, expected: str) -> None:
        (out / name).write_bytes(data)
        exp[name] = expected

    put("binary.html", bytes(range(256)) * 64, "not_text")
    put("png_named.html", b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(2000), "not_text")
    put("empty.txt", b"", "empty")
    put("whitespace.txt", b"  \n\n\t \n", "empty")
    good = gzip.compress(page("Budget approved", ARTICLE_EN).encode())
    put("truncated.html.gz", good[: len(good) // 2], "corrupt_gzip")
    put("not_gzip.txt.gz", b"this is not gzip at all", "corrupt_gzip")
    put("bomb.txt.gz", gzip.compress(b"\0" * (300 * 1024 * 1024), compresslevel=9), "too_large")
    put("huge.html", (page("Huge", ARTICLE_EN)[:-14] + "<p>" + "x" * (50 * 1024 * 1024) + "</p></body></html>").encode(),
        "too_large")
    put("deep.html", ("<html><body>" + "<div>" * 100_000 + ARTICLE_EN * 3 + "</div>" * 100_000 + "</body></html>").encode(),
        "written|no_content|too_deep")
    lines = [json.dumps({"url": "https://example.org/ok", "text": "Budget approved\n" + ARTICLE_EN * 3}),
             "{not json", "[1, 2, 3]", json.dumps({"url": "https://example.org/none"}), '{"text": ' + '"a' * 10 + "}"]
    put("records.jsonl", ("\n".join(lines) + "\n").encode(), "written,invalid_json,invalid_record,missing_content,invalid_json")
    put("arabic_1256.html", page("الميزانية الجديدة", ARTICLE_AR,
                                 '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">').encode("cp1256"),
        "written")
    put("arabic_8859_6.html", page("الميزانية", ARTICLE_AR.replace("،", ","),
                                   '<meta charset="iso-8859-6">').encode("iso-8859-6", errors="replace"), "written")
    put("arabic_undeclared_1256.txt", ("الميزانية الجديدة\n" + ARTICLE_AR * 3).encode("cp1256"), "written")
    put("latin_1252.html", page("Café budget: €2m for the crèche", ARTICLE_EN + "Café, crèche, naïve, 50 €. ",
                                '<meta charset="windows-1252">').encode("cp1252"), "written")
    put("utf16_bom.html", page("Budget approved", ARTICLE_EN).encode("utf-16"), "written")
    put("mojibake.txt", ("Budget approved\n" + (ARTICLE_EN + "Café crème, naïve déjà vu. ") * 3)
        .encode("utf-8").decode("latin-1").encode("utf-8"), "written")
    xxe = ('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
           '<!ENTITY remote SYSTEM "http://198.51.100.7/evil.dtd">]>'
           '<html><head><base href="http://198.51.100.7/"><link rel="stylesheet" href="http://198.51.100.7/a.css">'
           '<script src="http://198.51.100.7/a.js"></script><title>Budget approved</title></head><body>'
           '<img src="http://198.51.100.7/pixel.gif"><iframe src="http://198.51.100.7/frame"></iframe>'
           f'<article><h1>Budget approved</h1><p>&xxe; {ARTICLE_EN}</p><p>&remote; {ARTICLE_EN}</p><p>{ARTICLE_EN}</p></article>'
           '</body></html>')
    put("xxe_remote.html", xxe.encode(), "written")
    slow = "<html><body><article>" + "".join(f"<table><tr><td><p>{ARTICLE_EN}</p></td></tr></table>" for _ in range(20000)) \
        + "</article></body></html>"
    put("slow.html", slow.encode(), "timeout")  # with the test's 0.2 s per-document limit
    (out / "expected.json").write_text(json.dumps(exp, indent=1))
    return exp


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "generated")
