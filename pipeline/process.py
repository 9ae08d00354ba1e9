"""One article through every step: the plain-Python pipeline the flows orchestrate."""
from __future__ import annotations

from dataclasses import replace

from . import langid
from .clean import clean
from .dates import page_date_order
from .extract import extract_html, match_words
from .lines import segment
from .header import site_names_of
from .metadata import choose_title, finalize
from .options import Options, SiteConfig  # noqa: F401  (SiteConfig: re-exported for flows/)
from .record import Article, article_id  # noqa: F401  (article_id: re-exported)
from .textnorm import clean_text, match_key
from .urls import canonical_url, site_of


def identify_language(art: Article, backend: str) -> None:
    """Document language from a bounded sample of the body; script per line; share of others. Each
    kept line gets a language: one in another script is identified alone, one in the document's
    script has the document's unless the paragraph screen finds it is in another language."""
    kept = art.kept_lines()
    prose = [ln.text for ln in kept if len(ln.text) >= 40] or [ln.text for ln in kept]
    sample, size = [], 0
    for t in prose:
        sample.append(t)
        size += len(t)
        if size >= langid.SAMPLE_CHARS:
            break
    res = langid.identify_document("\n".join(sample), backend)
    art.language, art.language_confidence = res.lang, round(res.confidence, 4)
    art.other_language_share = round(langid.script_share([ln.text for ln in kept], res.script), 4) if res.script else 0.0
    for ln in art.lines:
        if ln.script == res.script or (res.script == "Kana" and ln.script == "Han"):  # Japanese writes kanji too
            ln.lang = res.lang
        elif ln.reason is None and ln.script is not None:  # a paragraph in another script (a quote): its own
            ln.lang = langid.identify_document(ln.text, backend).lang
    same = [ln for ln in kept if ln.script == res.script]
    if same and res.script:  # a paragraph in the same script but another language (a French quote)
        for ln, lang in zip(same, langid.paragraph_languages([ln.text for ln in same], res.script, res.lang, backend)):
            ln.lang = lang


def drop_caps_links(art: Article) -> None:
    """HTML path: kept lines that are a paragraph of one all-caps link go as related_link (see
    extract.CAPS_LINK_SHARE); never the last kept line."""
    kept = [ln for ln in art.lines if ln.reason is None]
    drop = [ln for ln in kept if ln.text.isupper() and match_words(ln.text) in art.caps_links]
    if len(drop) < len(kept):
        for ln in drop:
            ln.reason = "related_link"


# A run of kept lines that repeats an earlier run line for line, over at least this many words: the
# page printed its article twice (a desktop and a mobile copy, tabs and an accordion) and trafilatura
# kept both. Chosen by site folds from 100-1000 (benchmarks/rerun_trigger.py): 300 on 4 of 5 splits
# (1000 on one); 3 modern pages gain (0.65 -> 0.98, 0.50 -> 0.99, 0.79 -> 0.92 F1). At 250 and below
# a dev page loses part of a meal plan whose true body prints a day's recipes again.
REPEATED_BLOCK_WORDS = 300


def drop_repeated_block(art: Article) -> None:
    """HTML path: the second copy of a repeated block of kept lines (REPEATED_BLOCK_WORDS) goes as
    `repeated`; the first stays. A line's first and latest earlier copies are tried as the start
    of the first block (a run shorter than the threshold is at most ~300 lines: bounded work)."""
    kept = [ln for ln in art.lines if ln.reason is None]
    keys = [match_key(ln.text) for ln in kept]
    starts: dict[str, list[int]] = {}
    i = 0
    while i < len(kept):
        run = 0
        copies = starts.get(keys[i], ())
        for a in {copies[0], copies[-1]} if copies else ():
            r = 0
            while i + r < len(kept) and a + r < i and keys[i + r] and keys[a + r] == keys[i + r]:
                r += 1
            run = max(run, r)
        if run and sum(len(ln.text.split()) for ln in kept[i:i + run]) >= REPEATED_BLOCK_WORDS:
            for ln in kept[i:i + run]:
                ln.reason = "repeated"
            i += run
            continue
        starts.setdefault(keys[i], []).append(i)
        i += 1


def process_article(art: Article, opts: Options = Options(), trace: dict[int, str] | None = None) -> Article:
    """Extract, clean, identify and normalise one article. Never raises on bad content: a record
    that yields nothing sets `art.reject` instead. `trace`: see `pipeline.clean.clean`."""
    site_cfg = opts.site(art.site)
    if art.input_format == "html":
        text = extract_html(art)
        if text is None:
            art.reject = ("no_content", "HTML has no extractable main content")
            return art
        for k, v in list(art.html_meta.items()):
            if isinstance(v, str):
                art.html_meta[k] = " ".join(clean_text(v).split())
            elif isinstance(v, list):
                art.html_meta[k] = [" ".join(clean_text(x).split()) if isinstance(x, str) else x for x in v]
        text = clean_text(text)
        # the headline, known before cleaning, so that its copy in the text goes as "title": the
        # learned choice finalize keeps, so the line removed is the title the record gives
        art.site = art.site or site_of(canonical_url(art.url or art.html_meta.get("canonical")))
        art.title = choose_title(art.html_meta, site_names_of(art, art.html_meta))
    else:
        text = clean_text(art.raw)
        art.site = art.site or site_of(art.url)  # known to the cleaner, as on the HTML path ("Ahram Online" is no section)
    art.lines = segment(text)
    if not art.lines:
        art.reject = ("empty", "no text in the record")
        return art
    if (art.site or "") not in opts.sites:  # no site config: the page's own numeric dates tell their order
        site_cfg = replace(site_cfg, date_order=page_date_order(text, site_cfg.date_order))
    clean(art, site=site_cfg, whole_page=art.input_format == "text", trace=trace)
    if art.caps_links:
        drop_caps_links(art)
    if art.input_format == "html":
        drop_repeated_block(art)
    identify_language(art, opts.lang_backend)
    finalize(art, site=site_cfg)
    if not any(ln.reason is None for ln in art.lines):
        art.reject = ("no_body", "every line was boilerplate")
    return art
