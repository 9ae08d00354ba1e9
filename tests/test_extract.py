"""One-pass replacements of trafilatura internals must give trafilatura's answers."""
from __future__ import annotations

import gzip
from pathlib import Path

from trafilatura.metadata import extract_author

from pipeline.decode import decode
from pipeline.extract import markup_author, parse_html

GATE = Path(__file__).parent / "data" / "gate"


def _pages():
    for p in sorted(GATE.glob("*/*.html")):
        yield p.name, p.read_text(errors="replace")
    for p in sorted(GATE.glob("*/*.html.gz")):
        yield p.name, decode(gzip.open(p).read(), is_html=True)[0]


def test_markup_author_equals_trafilatura_extract_author():
    """Same author string as trafilatura's XPath scan on every bundled real page, including pages
    where the byline element holds a <time> or sits next to comment blocks."""
    found = 0
    pages = list(_pages())
    assert len(pages) >= 60
    for name, html in pages:
        tree = parse_html(html)
        expected = extract_author(tree)
        assert markup_author(tree) == expected, name
        found += expected is not None
    assert found >= 15  # the comparison covers pages where an author is found, not only None


def test_markup_author_leaves_out_dates_and_comment_blocks():
    html = ("<html><body><div class='comments'><span class='author'>Reader Name</span></div>"
            "<div class='byline'>By Jane Doe <time>May 2, 2024</time></div></body></html>")
    tree = parse_html(html)
    assert markup_author(tree) == extract_author(tree) == "Jane Doe"
