"""One-pass replacements of trafilatura internals must give trafilatura's answers."""
from __future__ import annotations

import gzip
from pathlib import Path

from trafilatura.metadata import extract_author

from newsclean.pipeline.decode import decode
from newsclean.pipeline.extract import markup_author, parse_html

GATE = Path(__file__).parent / "data" / "gate"


def _pages():
    for p in sorted(GATE.glob("*/*.html")):
        yield p.name, p.read_text(errors="replace")
    for p in sorted(GATE.glob("*/*.html.gz")):
        yield p.name, decode(gzip.open(p).read(), is_html=True)[0]


def test_markup_author_equals_trafilatura_extract_author():
    """Same author string as trafilatura's XPath scan on every bundled real page, including pages
    where the byline element holds a <time> or sits next to comment blocks; except where newsclean
    departs on purpose (test_markup_author_departures): then it finds nothing."""
    from newsclean.pipeline.bylines import is_phrase

    found = departed = 0
    pages = list(_pages())
    assert len(pages) >= 60
    for name, html in pages:
        tree = parse_html(html)
        expected = extract_author(tree)
        ours = markup_author(tree)
        if ours != expected:
            quoted = any(expected.split(";")[0] in " ".join(q.text_content().split()) for q in tree.iter("blockquote"))
            assert ours is None and (quoted or ";" in expected and any(is_phrase(n) for n in expected.split(";"))), name
            departed += 1
        found += expected is not None
    assert found >= 15  # the comparison covers pages where an author is found, not only None
    assert departed <= 2


def test_markup_author_departures():
    """A quotation's author and an author box's blurb are no byline (trafilatura takes both)."""
    quote = ("<html><body><blockquote><p>Ich dachte immer, wir bekommen das hin.</p>"
             "<span class='zitat-author'>Jan Fleischhauer, deutscher Journalist</span></blockquote></body></html>")
    blurb = ("<html><body><div class='author-bio'>Alles über Lautsprecher, Heimkino und HiFi-Trends. Zudem Tipps"
             "</div></body></html>")
    for html in (quote, blurb):
        tree = parse_html(html)
        assert extract_author(tree) is not None
        assert markup_author(tree) is None


def test_markup_author_leaves_out_dates_and_comment_blocks():
    html = ("<html><body><div class='comments'><span class='author'>Reader Name</span></div>"
            "<div class='byline'>By Jane Doe <time>May 2, 2024</time></div></body></html>")
    tree = parse_html(html)
    assert markup_author(tree) == extract_author(tree) == "Jane Doe"


def test_handed_over_tree_gives_trafilaturas_answer_without_its_copies():
    """Fast mode on a handed-over tree extracts the same text as on trafilatura's own copies, on every
    bundled real page; the hand-over is real (trafilatura's first copy returned the tree itself),
    its later copies are real ones, and it ends with the block."""
    import trafilatura

    from newsclean.pipeline import extract as E
    from newsclean.pipeline.extract import TRAFILATURA_OPTIONS, drop_inert, handed_over

    def fast(tree):
        doc = trafilatura.bare_extraction(tree, with_metadata=False, fast=True, **TRAFILATURA_OPTIONS)
        return doc.text if doc is not None else None

    pages = list(_pages())
    assert len(pages) >= 60
    for name, html in pages:
        copied, own = parse_html(html), parse_html(html)
        drop_inert(copied)
        drop_inert(own)
        before = len(list(copied.iter()))
        expected = fast(copied)
        assert len(list(copied.iter())) == before  # trafilatura worked on copies of it
        with handed_over(own):
            assert fast(own) == expected, name
    tree = parse_html(pages[0][1])
    drop_inert(tree)
    copies = []
    real = E.copy.copy
    E.copy.copy = lambda obj: copies.append(obj) or real(obj)
    try:
        with handed_over(tree):
            assert id(tree) in E._HANDED_OVER
            fast(tree)
            assert id(tree) not in E._HANDED_OVER  # taken by trafilatura's first copy
        inside = len(copies)
        assert inside >= 2  # its working copy and backup are real copies
        copies.clear()
        fast(tree)
        assert len(copies) == inside + 1  # outside the block the caller's tree is copied too
    finally:
        E.copy.copy = real


def _rerun_page(name: str):
    """A bundled real page of tests/data/rerun: its tree after drop_inert, the fast pass's word
    count, the <p> words, the largest container's words, and the article newsclean makes of it."""
    import json

    import trafilatura

    from newsclean.pipeline.extract import TRAFILATURA_OPTIONS, drop_inert, page_words
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    page = Path(__file__).parent / "data" / "rerun" / name
    html = decode(gzip.open(page.with_suffix(".html.gz")).read(), is_html=True)[0]
    gold = json.loads(page.with_suffix(".json").read_text())
    tree = parse_html(html)
    drop_inert(tree)
    p_words = sum(len(t.split()) for p in tree.iter("p") for t in p.itertext())
    most = page_words(tree, set())
    fast = trafilatura.bare_extraction(tree, url=gold["url"], with_metadata=False, fast=True, **TRAFILATURA_OPTIONS)
    art = process_article(Article(f"{name}.html", "html", raw=html, url=gold["url"]))
    return len(fast.text.split()), p_words, most, art, gold


def _whole_article(art, gold) -> None:
    truth = set(gold["body"].lower().split())
    body = art.body_text().lower().split()
    assert len(body) > 0.8 * len(gold["body"].split())
    assert sum(w in truth for w in body) > 0.95 * len(body)


def test_fast_pass_that_keeps_one_box_is_redone_in_full_mode():
    """A real 2025 page (tests/data/rerun: nutritionfacts.org, WCXB, CC-BY-4.0) where trafilatura's
    fast pass keeps one box, under a fifth of the words the page prints in <p>: the page is
    extracted again in full mode and the article comes out whole."""
    from newsclean.pipeline.extract import FAST_MIN_SHARE

    fast_words, p_words, _, art, gold = _rerun_page("wcxb-0307")
    assert fast_words < FAST_MIN_SHARE * p_words  # what the fast pass alone gives
    _whole_article(art, gold)


def test_fast_pass_short_of_the_article_container_is_redone_in_full_mode():
    """A real 2025 page (tests/data/rerun: lessaccounting.com, WCXB, CC-BY-4.0) that prints its
    article in <div>s, outside <p>: the fast pass keeps a few hundred words, more than a fifth of
    the page's <p> words but under a fifth of its <article>'s, and the full-mode rerun brings the
    article out whole."""
    from newsclean.pipeline.extract import FAST_MIN_SHARE

    fast_words, p_words, most, art, gold = _rerun_page("wcxb-4251")
    assert FAST_MIN_SHARE * p_words <= fast_words < FAST_MIN_SHARE * most  # only the container tells
    _whole_article(art, gold)


def test_rerun_is_recall_first_when_the_fast_pass_finds_nothing(monkeypatch):
    """A fast pass with no text at all is redone in full recall mode first; a short one (a box of
    the article) in full balanced mode first."""
    import trafilatura

    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    prose = " ".join(["The council met on Tuesday evening to discuss the new budget for the coming year."] * 4)
    html = f"<html><body><article><h1>Council budget</h1><p>{prose}</p><p>{prose}</p></article></body></html>"
    real = trafilatura.bare_extraction
    for fast_text, recall_first in (("", True), ("The council met on Tuesday evening to discuss the budget.", False)):
        full_calls = []

        def spy(*a, **kw):
            doc = real(*a, **kw)
            if kw.get("fast"):
                doc.text = fast_text
            else:
                full_calls.append(bool(kw.get("favor_recall")))
            return doc

        monkeypatch.setattr(trafilatura, "bare_extraction", spy)
        art = process_article(Article("a.html", "html", raw=html, url="https://example.com/news/budget"))
        assert full_calls[0] is recall_first
        assert "Tuesday evening" in art.body_text()


def test_page_words_counts_paragraphs_or_the_article_container():
    from newsclean.pipeline.extract import page_words

    div_text = " ".join(["word"] * 50)
    tree = parse_html(f"<html><body><main><div>{div_text} </div><p>one two three</p></main>"
                      "<p>four five</p><article>six</article></body></html>")
    assert page_words(tree, set()) == 53  # <main>'s words, more than the 5 in <p>
    tree = parse_html("<html><body><p>one two three</p><p>four five</p><article>six</article></body></html>")
    assert page_words(tree, set()) == 5


def _html_article(*blocks: str) -> str:
    return ("<html><head><title>Pricing yoga classes</title></head><body><article><h1>Pricing yoga classes</h1>"
            + "".join(f"<p>{b}</p>" for b in blocks) + "</article></body></html>")


def test_article_printed_twice_keeps_its_first_copy():
    """A page that prints its article twice (a desktop and a mobile copy): trafilatura keeps both,
    the second copy goes as `repeated`. A short block printed twice inside the body stays (a true
    body can repeat an item, a recipe, a refrain)."""
    from newsclean.pipeline.process import REPEATED_BLOCK_WORDS, process_article
    from newsclean.pipeline.record import Article

    words = "studio owners weigh rent teacher pay and the local market before they set a price for a class".split()
    paras = [" ".join(words[i % 7:] + words[:i % 7]) + f", as section {n} explains." for n, i in
             zip(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                  "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"], range(18))]
    assert sum(len(p.split()) for p in paras) >= REPEATED_BLOCK_WORDS
    url = "https://example.com/blog/pricing-yoga"
    art = process_article(Article("a.html", "html", raw=_html_article(*paras, *paras), url=url))
    kept = [ln.text for ln in art.lines if ln.reason is None]
    assert kept == paras
    assert sum(ln.reason == "repeated" for ln in art.lines) == len(paras)

    refrain = paras[:2]  # a short block printed twice in the article: the true body's
    art = process_article(Article("b.html", "html", raw=_html_article(*refrain, *paras[2:], *refrain), url=url))
    assert [ln.text for ln in art.lines if ln.reason is None] == [*paras, *refrain]


def test_all_caps_link_paragraph_goes_as_related_link_and_all_caps_text_stays():
    """Recall mode keeps a paragraph that is one all-caps link to another story (Fox's cross-links);
    the HTML path removes it as related_link. An all-caps paragraph that is no link stays (a
    subheading, a transcript cue), and so does a lower-case link in the text."""
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    prose = ("The council met on Tuesday evening to discuss the new budget for the coming year, and "
             "members spoke at length about the costs of road repairs across the district. ")
    html = ("<html><head><title>Council budget</title></head><body><article><h1>Council budget</h1>"
            f"<p>{prose}</p><p>{prose.replace('Tuesday', 'Monday')}</p>"
            "<p><a href='/story/other'>SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'</a></p>"
            "<p>(SOUNDBITE OF MEETING RECORDING)</p>"
            f"<p>{prose.replace('Tuesday', 'Friday')} See <a href='/report'>the report</a>.</p>"
            f"<p>{prose.replace('Tuesday', 'Sunday')}</p></article></body></html>")
    art = process_article(Article("a.html", "html", raw=html, url="https://example.com/news/budget"))
    reasons = {ln.text: ln.reason for ln in art.lines}
    assert reasons["SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'"] == "related_link"
    assert reasons["(SOUNDBITE OF MEETING RECORDING)"] is None
    assert "the report" in art.body_text() and "Sunday" in art.body_text()


def test_h1_marks_say_which_h1_is_the_logo_and_which_the_headline():
    from newsclean.pipeline.extract import h1_marks

    tree = parse_html('<html><body><header class="site-header"><h1 class="site-title"><a href="/">Gnaddrig</a></h1>'
                      '</header><main><article><h1 class="entry-title" itemprop="headline">Nebelsuppe am Fluss</h1>'
                      '<p>Text.</p></article></main><h1> </h1></body></html>')
    h1s, marks = h1_marks(tree)
    assert h1s == ["Gnaddrig", "Nebelsuppe am Fluss"]  # an empty <h1> is no candidate
    logo, headline = (set(m) for m in marks)
    assert {"logo", "link", "header"} <= logo and not logo & {"headline", "article"}
    assert {"headline", "entry_title", "article"} <= headline and not headline & {"logo", "link"}
