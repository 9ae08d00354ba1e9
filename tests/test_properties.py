"""Property-based tests: any string into any pipeline step — no exception; the cleaner keeps a
subset of the input lines, in order, and is idempotent on its own output."""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsclean.pipeline.bylines import agency_code, parse_byline
from newsclean.pipeline.clean import clean
from newsclean.pipeline.lines import segment
from newsclean.pipeline.rules import REASONS
from newsclean.pipeline.dates import find_date
from newsclean.pipeline.decode import NotText, decode
from newsclean.pipeline.langid import identify
from newsclean.pipeline.options import SiteConfig
from newsclean.pipeline.process import process_article
from newsclean.pipeline.record import Article
from newsclean.pipeline.scripts import dominant_script
from newsclean.pipeline.textnorm import clean_text, match_key

# text that looks like scraped pages: words in several scripts, markers, dates, punctuation
WORDS = st.sampled_from(["The", "council", "approved", "budget", "on", "Tuesday.", "By", "Jane", "Doe", "Related",
                         "Explore", "ads", "2025-10-01", "Oct", "كتب:", "أحمد", "الميزانية", "اقرأ", "أيضا", "منذ", "3",
                         "ساعات", "|", "©", "Share", "Photo:", "AP", "SOURCE:AA", "1", "min", "read", "新闻", "Москва"])
LINE = st.lists(WORDS, min_size=0, max_size=30).map(" ".join)
PAGE = st.lists(st.one_of(LINE, st.text(max_size=80)), min_size=0, max_size=40).map("\n".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _cleaned(text: str, html_mode: bool = False) -> Article:
    art = Article("p", "text", raw=text)
    art.lines = segment(clean_text(text))
    return clean(art, whole_page=not html_mode)


@SETTINGS
@given(PAGE)
def test_cleaner_keeps_a_subset_of_lines_in_order(text):
    art = _cleaned(text)
    src = [" ".join(l.split()) for l in clean_text(text).split("\n") if l.strip()]
    kept = [ln.text for ln in art.lines if ln.kept]
    it = iter(src)
    assert all(any(k == s for s in it) for k in kept)  # kept is a subsequence of the input lines
    assert all(ln.reason is None or ln.reason in REASONS for ln in art.lines)


@SETTINGS
@given(PAGE, st.booleans())
@example("Â\x1fÂÀ", False)  # a control 'space' beside mojibake: repaired only once it is a space
def test_cleaner_is_idempotent(text, html_mode):
    once = [ln.text for ln in _cleaned(text, html_mode).lines if ln.kept]
    twice = [ln.text for ln in _cleaned("\n".join(once), html_mode).lines if ln.kept]
    assert twice == once


@SETTINGS
@given(st.text(max_size=200))
@example("\u201cDon\u2019t\u201d \u2014 she said\u2026")  # typographic punctuation around ASCII letters
@example("Caf\u00e9 \u2014 na\u00efve")
@example("Caf\u00e9 \u2013 \u0627\u0644\u0642\u0627\u0647\u0631\u0629\u2009\u00d7")
def test_script_counts_are_the_script_classes_letter_by_letter(s):
    """The fast paths (ASCII; ASCII once general punctuation is dropped) count what the classes say."""
    from newsclean.pipeline import scripts

    want = {name: n for name, rx in scripts._RE if (n := len(rx.findall(s)))}
    assert scripts.script_counts(s) == want


@SETTINGS
@given(st.text(max_size=300))
def test_text_steps_never_raise(s):
    clean_text(s)
    match_key(s)
    dominant_script(s)
    find_date(s)
    find_date(s, site=SiteConfig(date_order="MDY"))
    parse_byline(s)
    parse_byline(s, lenient=True)
    agency_code(s)
    assert identify(s).lang


@SETTINGS
@given(st.text(max_size=2000), st.sampled_from(["text", "html"]))
def test_process_article_never_raises(s, fmt):
    art = process_article(Article("p", fmt, raw=s))
    assert art.reject is None or art.reject[0] in {"empty", "no_body", "no_content"}


@SETTINGS
@given(st.binary(max_size=3000), st.booleans())
def test_decode_returns_text_or_says_not_text(b, is_html):
    try:
        text, enc = decode(b, is_html=is_html)
    except NotText:
        return
    assert isinstance(text, str) and enc


def test_clean_text_is_idempotent_on_arabic_sample():
    s = "العــربية ﺍﻟﻌﺮﺑﻴﺔ\u200b مُحَمَّد"
    assert clean_text(clean_text(s)) == clean_text(s)


def _verdicts(a: Article) -> tuple:
    return ([ln.reason for ln in a.lines], a.title, a.authors, a.published_date, a.published_time_local, a.language,
            [(c.text, c.credit) for c in a.image_captions], a.source_agency, a.reading_time_minutes)


def test_results_do_not_depend_on_what_the_process_cleaned_before(monkeypatch):
    """Line features, date readings and stamps are kept across documents (lines._FEATURES, the
    lru caches): a page must come out the same whether the caches are cold, warm from the same
    page, or refilled many times over by other pages (a cache bound smaller than one page)."""
    import json
    from pathlib import Path

    import newsclean.pipeline.clean as C
    import newsclean.pipeline.lines as L

    dev = Path(__file__).parent / "data" / "gate" / "dev"
    pages = []
    for j in sorted(dev.glob("*.json"))[:12]:
        url = json.loads(j.read_text()).get("url")
        pages.append((url, j.with_suffix(".txt").read_text(errors="replace")))

    def run_all(order):
        return {u: _verdicts(process_article(Article(source_uri=u, input_format="text", raw=t, url=u)))
                for u, t in order}

    C.clear_caches()
    forward = run_all(pages)
    assert len(L._FEATURES) > 0
    again = run_all(pages[::-1])  # every line now comes from the cache
    monkeypatch.setattr(L, "FEATURE_CACHE", 50)
    C.clear_caches()
    tiny = run_all(pages)
    assert len(L._FEATURES) <= 50  # bounded: memory does not grow with the input
    assert forward == again == tiny
