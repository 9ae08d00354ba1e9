"""HTML -> main text lines (trafilatura) and metadata candidates (meta tags, JSON-LD).

The page is parsed once, with lxml set never to touch the network; metadata is read from that
tree before trafilatura cleans it. trafilatura runs with comments off and in recall mode, chosen by
site folds in benchmarks/folds.py (precision mode dropped whole bodies on pages of unseen sites).
"""
from __future__ import annotations

import copy
import html
import json
import re
from contextlib import contextmanager
from itertools import islice

import lxml.etree
import lxml.html

from . import rules as R
from .bylines import byline_after_stamp, byline_prefix, expand_first_names, is_phrase, names_organisation
from .dates import find_date
from .header import structured_authors
from .record import Article

_PARSER = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, collect_ids=False,
                               default_doctype=False)
# lxml.html picks each element's Python class in a Python callback (HtmlElementClassLookup: forms,
# inputs, labels get their own classes), called for every element proxy trafilatura's XPaths and
# tree walks create, about 2,000 a page. One class for every element, chosen in C, gives the same
# extraction on all 638 pages of eval/dev and eval/metadata and costs ~4 % less a page.
_PARSER.set_element_class_lookup(lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity))
# Recall mode, not precision: by site folds over eval/dev and eval/modern (benchmarks/folds.py
# --choices), chosen on 4 of 5 folds' training folds; held-out mean body F1 0.946 -> 0.952 (with
# the retry below 0.957). Precision mode's fast pass kept a sliver of the body (a lead paragraph, a
# box) on 1 page in 10 of modern/; the post-cleaner removes most of what recall mode adds.
TRAFILATURA_OPTIONS = dict(include_comments=False, favor_recall=True, include_tables=True,
                           include_images=False, deduplicate=False)
# trafilatura's fast mode skips its readability/justext comparison (about 40 % of extraction time).
# It loses text when its own result is short, so a result under this many words is redone in full
# mode (on the 93 dev pages, 3 are redone and 2 gain from it, at 54 and 34 words; any threshold from
# 55 to 100 gives the same F1, 40 loses one page; 75 is mid-plateau) ...
FAST_MIN_WORDS = 75
# ... and so is a result shorter than this share of the words the page prints in <p> elements, or in
# its largest <article> or <main> when that holds more (page_words): the fast pass took one box of a
# long text. <p> words alone: 0.2, chosen from 0-0.4 by site folds (benchmarks/folds.py). With the
# container, which catches articles printed in <div>s (benchmarks/rerun_trigger.py): 0.175 on all 5
# splits (0.2 ties). With FAST_MIN_WORDS, 3 of 93 dev pages and 28 of 452 modern pages are redone,
# 2 more than with <p> words alone, and both gain (0.14 -> 0.99 and 0.26 -> 0.98 F1).
FAST_MIN_SHARE = 0.175
# A fast pass that finds no text at all (under this many words: 0-3 on the pages seen) is redone in
# full recall mode first, not balanced: trafilatura's own heuristics found nothing, and recall mode
# keeps more of what readability and justext find. By site folds (benchmarks/rerun_trigger.py, from
# 0 = off to 75): 5 on all 5 splits; 5 modern pages, 4 gain 0.05-0.15 F1, none loses; no dev page.
FAST_EMPTY_WORDS = 5
# A paragraph that is one all-caps link ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'"): a
# cross-link to another story, which precision mode drops (a link over 90 % of its paragraph) and
# recall mode keeps; its words are kept in Article.caps_links, and the line goes as related_link
# (process.drop_caps_links). Site folds (benchmarks/folds.py): dev/ fold 4 0.966 -> 0.969, fold 0
# 0.975 -> 0.978, no page of modern/ changes; an all-caps rule without the link test cost modern/.
CAPS_LINK_SHARE = 0.9
_WORDS = re.compile(r"\w+")


def match_words(text: str) -> str:
    """A block's words, lower-cased: the same for the page's <p> and the line it becomes."""
    return " ".join(_WORDS.findall(text.lower()))


def link_share(el, length: int) -> float:
    """Share of `el`'s `length` characters of text inside its links."""
    return sum(len(a.text_content()) for a in el.iter("a")) / length if length else 0.0


def page_words(tree, caps_links: set[str]) -> int:
    """What the fast pass's result is measured against (FAST_MIN_SHARE): the words the page prints in
    <p> elements, or in its largest <article> or <main> element (its text wherever it is printed)
    when that holds more. Adds the words of its all-caps link paragraphs to `caps_links`
    (CAPS_LINK_SHARE), in the same walk."""
    words = container = 0
    for el in tree.iter("p", "article", "main"):
        if el.tag != "p":
            container = max(container, len(el.text_content().split()))
            continue
        parts = list(el.itertext())
        words += sum(len(t.split()) for t in parts)
        text = "".join(parts)
        if text.isupper() and link_share(el, len(text)) >= CAPS_LINK_SHARE:
            caps_links.add(match_words(text))
    return max(words, container)


# trafilatura copies the tree it is handed (bare_extraction: the caller keeps its own), then copies it
# twice more (core._prepare_tree: a working copy, and a backup). newsclean hands over a tree it has
# read all metadata from and never reads again, so trafilatura's first copy (the caller's) returns
# the tree itself. The later copies stay: outside precision mode trafilatura rereads the raw tree
# (its baseline rescue), and skipping them changed the text of 14 of 1,090 eval pages. Only trees
# inside `handed_over` are affected; every other copy, and every other caller of trafilatura in the
# process, is untouched. Tied to the pinned trafilatura: with any other version the copies stay
# (tests/test_extract.py checks the output is identical either way).
_TRAFILATURA_HANDOVER_VERSION = "2.3.1"
_HANDED_OVER: set[int] = set()


def _copy_unless_handed_over(obj):
    if id(obj) in _HANDED_OVER:
        _HANDED_OVER.discard(id(obj))  # the first copy only: trafilatura's later copies are real
        return obj
    return copy.copy(obj)


@contextmanager
def handed_over(tree):
    """Within this block trafilatura works on `tree` itself instead of its copies (see above)."""
    import trafilatura
    import trafilatura.core

    if trafilatura.__version__ != _TRAFILATURA_HANDOVER_VERSION:
        yield
        return
    trafilatura.core.copy = _copy_unless_handed_over  # idempotent; plain copy for everything else
    _HANDED_OVER.add(id(tree))
    try:
        yield
    finally:
        _HANDED_OVER.discard(id(tree))


# R.INERT_TAGS: elements trafilatura deletes in its own cleaning (settings.MANUALLY_CLEANED) but
# only after two XPath prunes and a tree copy that still walk them; scripts other than JSON-LD (which trafilatura
# reads to tell forum threads) go too. Removed once metadata is read, fast-mode output is the same
# on every page of eval/dev and eval/metadata (638 pages) and extraction costs ~8 % less; full mode
# (readability, justext) reads the raw tree, so its reruns get a fresh parse.
def drop_inert(tree) -> None:
    """Remove the elements in R.INERT_TAGS and the non-JSON-LD scripts; their tails stay."""
    for s in tree.iter("script"):
        if (s.get("type") or "").strip().lower() != "application/ld+json":
            s.tag = "style"
    lxml.etree.strip_elements(tree, *R.INERT_TAGS, with_tail=False)


# Characters XML does not allow (C0 controls other than tab and newlines, lone surrogates,
# U+FFFE/FFFF). lxml parses them into the tree, but trafilatura's tree operations then fail and it
# returns nothing: one BEL character in a footnote cost a real page its whole body (and with it
# its metadata). They are removed when a page is parsed again for a full-mode retry.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def parse_html(html: str, xml_safe: bool = False) -> lxml.html.HtmlElement | None:
    """Parse untrusted HTML: no network, no DTD loading, no entity expansion from outside;
    `xml_safe`: without the characters of _NOT_XML (a scan of ~1 ms a page, so only on a retry)."""
    if not html or not html.strip():
        return None
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html[:200]) + html[200:]
    if xml_safe:
        html = _NOT_XML.sub("", html)
    try:
        tree = lxml.html.document_fromstring(html, parser=_PARSER)
    except (lxml.etree.ParserError, ValueError):
        return None
    return tree


def _first(tree, xpaths: list[str]) -> str | None:
    for xp in xpaths:
        for v in tree.xpath(xp):
            v = v if isinstance(v, str) else v.text_content()
            v = " ".join(str(v).split())
            if v:
                return v
    return None


def _jsonld(tree) -> tuple[list[dict], dict[str, str]]:
    """The page's JSON-LD article nodes, and the names of its Person nodes by @id (Yoast's graph
    gives the article's author as {"@id": ...} of a Person elsewhere in the graph)."""
    out, persons = [], {}
    for node in tree.xpath('//script[@type="application/ld+json"]/text()')[:10]:
        try:
            data = json.loads(node)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(out) < 50:
            d = stack.pop()
            if isinstance(d, list):
                stack.extend(d)
            elif isinstance(d, dict):
                if "@graph" in d:
                    stack.append(d["@graph"])
                t = d.get("@type")
                types = t if isinstance(t, list) else [t]
                if any(isinstance(x, str) and ("Article" in x or x in R.ARTICLE_TYPES) for x in types):
                    out.append(d)
                elif "Person" in types and isinstance(d.get("@id"), str) and isinstance(d.get("name"), str):
                    persons[d["@id"]] = d["name"]
    return out, persons


def _names(v, persons: dict[str, str]) -> list[str]:
    """The names of a JSON-LD author value: strings, and Person entries, given in place or by
    their @id (an Organization is the publisher)."""
    if isinstance(v, str):
        return [v]
    if isinstance(v, dict):
        kind = v.get("@type")
        if isinstance(kind, str) and kind != "Person" or isinstance(kind, list) and "Person" not in kind:
            return []
        if "name" not in v and isinstance(v.get("@id"), str):
            return [persons[v["@id"]]] if v["@id"] in persons else []
        return _names(v.get("name"), persons)
    if isinstance(v, list):
        return [n for x in v for n in _names(x, persons)]
    return []


# trafilatura's byline markup (trafilatura.xpaths.AUTHOR_XPATHS, AUTHOR_DISCARD_XPATHS) as tests
# on one element's attributes: its XPaths call Python regexes from libxslt for every element, three
# passes of ~3 ms a page; one pass over the elements here gives the same answer (tests/test_extract.py).
# The class and id patterns are R.AUTHOR_* and R.DISCARD_* (rules/markup.py).


def _author_rank(tag: str, cls: str, id_: str, get) -> int | None:
    """Which of trafilatura's three author XPaths (0, 1, 2) first names this element; 3 when the
    discard XPaths remove it (with its subtree); None when neither."""
    if tag in ("time", "figure", "blockquote"):  # a quotation's author is not the article's (not in trafilatura)
        return 3
    itemprop, component = get("itemprop") or "", get("data-component") or ""
    if tag in ("a", "div", "section", "span") and (
            id_ == "comments" or cls in ("comments", "title", "date") or R.DISCARD_ID.search(id_)
            or R.DISCARD_CLASS.search(cls) or "Figure" in component):
        return 3
    if tag == "author" or tag in ("a", "address", "div", "link", "p", "span", "strong") and (
            get("rel") == "author" or id_ == "author" or cls == "author" or itemprop == "author name"
            or get("data-testid") in ("AuthorCard", "AuthorURL") or R.AUTHOR_CLASS_0.search(cls)):
        return 0
    if tag in ("a", "div", "h3", "h4", "p", "span") and (
            cls in ("byline", "username", "byl", "BBL") or "author" in itemprop
            or R.AUTHOR_ID_1.search(id_) or R.AUTHOR_CLASS_1.search(cls)):
        return 1
    if "Byline" in component or "author" in itemprop or R.AUTHOR_ID_2.search(id_) or R.AUTHOR_CLASS_2.search(cls):
        return 2
    return None


def _text_outside(elem, discarded: set, parts: list[str]) -> list[str]:
    """elem.itertext() with the discarded subtrees and the style or script inside it left out (their tails kept)."""
    if elem.text is not None:
        parts.append(elem.text)
    for child in elem:
        if child not in discarded and isinstance(child.tag, str) and child.tag not in R.NO_TEXT_TAGS:
            _text_outside(child, discarded, parts)
        if child.tail is not None:
            parts.append(child.tail)
    return parts


def markup_author(tree) -> str | None:
    """trafilatura's `extract_author`: the first element its author XPaths name (in their order,
    then page order) whose text outside dates, figures and comment blocks has 3-119 characters."""
    return markup_byline(tree)[0]


def markup_byline(tree) -> tuple[str | None, str | None]:
    """`markup_author`'s names, and the element's text as printed: trafilatura's reading
    title-cases handles and strips their digits and dots ("Bo2man" -> "Bo", "Joe S." -> "Joe S")."""
    from trafilatura.metadata import normalize_authors

    discarded: set = set()
    found: list[list] = [[], [], []]
    for elem in tree.iter():
        tag = elem.tag
        if not isinstance(tag, str) or elem in discarded:
            continue
        get = elem.get
        cls, id_ = get("class") or "", get("id") or ""
        if not (cls or id_ or tag in ("author", "time", "figure", "blockquote")) and not (
                get("itemprop") or get("rel") or get("data-testid") or get("data-component")):
            continue
        rank = _author_rank(tag, cls, id_, get)
        if rank == 3:
            discarded.update(elem.iter())
        elif rank is not None:
            found[rank].append(elem)
    for hits in found:
        for elem in hits:
            if elem in discarded:
                continue
            content = " ".join(" ".join(_text_outside(elem, discarded, [])).split())
            if content and 2 < len(content) < 120:
                names = normalize_authors(None, content)
                if names and ";" in names and any(is_phrase(R.READING_TIME_PHRASE.sub("", n)) for n in names.split(";")):
                    return None, None  # an author box's blurb ("Alles über Lautsprecher, Heimkino und ...") split at its commas
                return names, content
    return None, None


def _author_link(a) -> bool:
    """A link that names a post's author: rel="author", the name (class "fn") of an hCard of class
    "author" ("author vcard", WordPress themes), or a link to the author's profile page whose text
    spells its path ("/authors/trevor-jackins" "Trevor Jackins"; not "View more posts")."""
    if "author" in (a.get("rel") or "").split():
        return True
    parent = a.getparent()
    if "fn" in (a.get("class") or "").split() and parent is not None and "author" in (parent.get("class") or "").split():
        return True
    m = R.AUTHOR_PATH.search(a.get("href") or "")
    if m is None:
        return False
    slug = re.sub(r"[\W_]+", "", m.group(1).casefold())
    words = re.findall(r"\w+", " ".join(a.itertext()).casefold())
    return bool(words) and 2 <= len(words) <= 5 and bool(re.fullmatch(".*?".join(map(re.escape, words)) + ".*", slug)) \
        and slug.startswith(words[0])


def rel_authors(tree) -> list[str]:
    """Texts of the page's first author link (`_author_link`) and of its co-authors' links beside it
    (same parent): the post author a CMS prints in the post's meta line, shown as the author chose,
    handle or name ("freeman1984", "marc"). trafilatura's markup scan misses them where a theme's
    post wrapper carries "category-..." or "sidebar" classes (its discard XPaths drop the whole
    post), and it title-cases handles and strips their digits. Links inside comment lists,
    related-post widgets, <aside> and <nav> name other posts' authors and are skipped."""
    first, names = None, []
    for a in tree.iter("a"):
        if (first is not None and a.getparent() is not first) or not _author_link(a):
            continue
        if first is None and any(p.tag in ("aside", "nav") or R.OTHER_POSTS.search(f'{p.get("class") or ""} {p.get("id") or ""}')
                                 for p in a.iterancestors()):
            continue
        text = " ".join(" ".join(a.itertext()).split())
        if text and len(text) <= 80:
            first = a.getparent() if first is None else first
            names.append(text)
    return list(dict.fromkeys(names))


def licence_attribution(tree) -> str | None:
    """The name a Creative Commons licence block asks to attribute the work to ("Ein Hundetagebuch von
    <a rel="cc:attributionURL">Donald Townsend</a> steht unter einer Creative Commons ..."): on a
    blog, its author."""
    for el in tree.xpath('//*[@property="cc:attributionName" or contains(concat(" ", @rel, " "), " cc:attributionURL ")]'):
        text = " ".join(el.text_content().split())
        if text and len(text) <= 80:
            return text
    return None


BYLINE_WINDOW = 80  # text nodes after the first <h1> searched for a "By ..." line


def _following_text(elem):
    """XPath's following::text() of `elem`, lazily: (text, element whose content it is) in page
    order, without materialising every text node of the page (a tail belongs to the parent)."""
    node = elem
    while node is not None:
        if node.tail:
            yield node.tail, node.getparent()
        for sib in node.itersiblings():
            for event, el in lxml.etree.iterwalk(sib, events=("start", "end")):
                if event == "start":
                    if el.text:
                        yield el.text, el
                elif el is not sib and el.tail:
                    yield el.tail, el.getparent()
            if sib.tail:
                yield sib.tail, sib.getparent()
        node = node.getparent()


def _visible_texts(tree):
    """The page's text nodes, whitespace-collapsed, without scripts and styles."""
    for el in tree.iter():
        if el.text and el.tag not in ("script", "style", "noscript"):
            yield " ".join(el.text.split())
        if el.tail:
            yield " ".join(el.tail.split())


def _not_article(el, memo: dict, depth: int = 4) -> bool:
    """`el` or one of its nearest ancestors is a comment section, a related list, an aside, a
    navigation or a footer: its bylines and dates are not the article's. `memo` caches each
    element's own verdict (siblings share ancestors)."""
    for _ in range(depth):
        if el is None:
            return False
        own = memo.get(el)
        if own is None:
            cls = el.get("class")
            ident = el.get("id")
            own = memo[el] = el.tag in R.NOT_ARTICLE_TAGS or bool(
                (cls and R.NOT_ARTICLE.search(cls)) or (ident and R.NOT_ARTICLE.search(ident)))
        if own:
            return True
        el = el.getparent()
    return False


def page_lines(tree, limit: int = 2000) -> list[str]:
    """The page as a text dump shows it: visible text joined per block element, in page order,
    without scripts, styles and the subtrees of comments, related lists, asides, navigation and
    footers (for a credit line printed away from the headline)."""
    lines: list[str] = []
    cur: list[str] = []
    cur_block = None
    skip_until = None
    for event, el in lxml.etree.iterwalk(tree.find("body") if tree.find("body") is not None else tree,
                                         events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        if skip_until is not None:
            if event == "end" and el is skip_until:
                skip_until = None
            continue
        if event == "start":
            if el.tag in R.NOT_ARTICLE_TAGS or R.NOT_ARTICLE.search((el.get("class") or "") + " " + (el.get("id") or "")):
                skip_until = el
                continue
            text, block = el.text, el
        else:
            text, block = el.tail, el.getparent()
        if not text or not text.strip():
            continue
        while block is not None and block.tag not in R.BLOCK_TAGS:
            block = block.getparent()
        if block is not cur_block and cur:
            lines.append(" ".join(" ".join(cur).split()))
            cur = []
            if len(lines) >= limit:
                break
        cur_block = block
        cur.append(text)
    if cur:
        lines.append(" ".join(" ".join(cur).split()))
    return lines


def _headline(tree):
    """The first <h1> with text (logos are often empty <h1>s), else the first <h2> (blog themes
    print the entry title as <h2>)."""
    return next((h for tag in ("h1", "h2") for h in tree.iter(tag) if "".join(h.itertext()).strip()), None)


def line_above_headline(headline) -> str | None:
    """The block printed right above the headline (a kicker, or a date line: "02.02.2022 10:16
    Uhr - 1. Bundesliga"), when it is short."""
    node = headline
    for _ in range(3):  # the headline may sit in a <header> or <div> of its own
        if node is None:
            return None
        prev = node.getprevious()
        while prev is not None and (not isinstance(prev.tag, str) or not "".join(prev.itertext()).strip()):
            prev = prev.getprevious()
        if prev is not None:
            text = " ".join("".join(prev.itertext()).split())
            return text if len(text) <= 120 and prev.tag not in ("script", "style", "noscript") else None
        node = node.getparent()
    return None


def _texts_after_headline(headline, limit: int = BYLINE_WINDOW) -> list[tuple[str, object]]:
    """The text nodes among the first `limit` after the headline, each with its block element,
    less those in comments, related lists, asides, navigation and footers."""
    texts: list[tuple[str, object]] = []
    if headline is None:
        return texts
    flags: dict = {}
    seen = 0
    blocks: dict = {}  # holder -> its block element, or None inside comments, related lists, asides
    for node, holder in _following_text(headline):
        if holder is None or not node.strip() or holder.tag in ("script", "style", "noscript"):
            continue
        if holder not in blocks:
            block = holder
            while block.tag not in R.BLOCK_TAGS and block.getparent() is not None:
                block = block.getparent()
            blocks[holder] = None if _not_article(block, flags) else block
        seen += 1  # the window counts skipped nodes too: it bounds the walk
        if blocks[holder] is not None:
            texts.append((" ".join(node.split()), blocks[holder]))
        if seen >= limit:
            break
    return texts


_TAG = re.compile(r"<[^>]*>")


def labelled_publication_line(raw_html: str) -> str | None:
    """The first short text after the first <h1> that labels its date as the publication date
    ("Erschienen am: 01.11.2023", "Published on 3 March 2020"), wherever the page prints it. Read
    with one regex over the markup: walking the tree's text nodes to the page's end costs more
    than the rest of the metadata."""
    start = raw_html.find("<h1")
    m = R.PUBLICATION_LABEL.search(raw_html, max(0, start))
    if m is None:
        return None
    line = " ".join(html.unescape(_TAG.sub(" ", m.group(1))).split())
    return line if any(c.isdigit() for c in line) and len(line) <= 100 else None


DATE_WINDOW = 8  # lines after the headline read for a printed publication date


def lines_after_headline(texts: list[tuple[str, object]], n: int = DATE_WINDOW) -> list[str]:
    """The first `n` lines printed under the headline (text nodes joined per block element, as
    a text dump shows them): where a page prints its date line."""
    lines: list[list] = []
    for t, block in texts:
        if lines and lines[-1][1] is block:
            lines[-1][0].append(t)
        elif len(lines) == n:
            break
        else:
            lines.append([[t], block])
    return [" ".join(ts) for ts, _ in lines]


def page_bylines(texts: list[tuple[str, object]]) -> tuple[list[str], list[str]]:
    """Short text nodes with a byline prefix ("By", "von", "Text:", "كتب") soon after the
    headline, in page order: a byline printed in the page but not marked up as one. A bare prefix
    ("par", "Autor:") is read with the text nodes that follow it (the name is often in its own
    element), and a credit after a date stamp ("Posted on <date> by X") counts too. Only the
    window after the headline is read, so "By ..." lines of teaser lists further down are not taken.
    Returns the credits, and those of them read after a date stamp: the date vouches for such a
    credit, so it may name a single name (a CMS account's display name), as on the text path."""
    out, stamped = [], []
    for i, (t, block) in enumerate(texts):
        if len(t) > 120:
            continue
        m = byline_prefix(t)
        if m and m.end() == len(m.string):  # the prefix alone: the name follows, alone, in the same block
            same = [x for x, b in texts[i + 1:i + 4] if b is block or b.getparent() is block or block.getparent() is b]
            # "par <span>X</span>, 21 juin 2018" yes; "Autor: A B C" (a list of authors' pages) no
            if same and all(not any(c.isalpha() for c in x) or find_date(x) or R.READING_TIME_PHRASE.match(x) for x in same[1:]):
                out.append(" ".join([t, *same])[:120])
        elif m:
            out.append(t)
        elif (credit := byline_after_stamp(t)) is not None:
            out.append(credit)
            stamped.append(credit)
    return out[:3], stamped


def _meta_tags(tree) -> tuple[dict[tuple[str, str], tuple[int, str]], list[str]]:
    """All <meta> tags in one pass: (attribute, value) -> (page position, first non-empty content),
    with property/name/itemprop as the attribute; and the author tags' contents in page order."""
    first: dict[tuple[str, str], tuple[int, str]] = {}
    authors: list[str] = []
    for pos, m in enumerate(tree.iter("meta")):
        content = m.get("content")
        if content is None:
            continue
        norm = " ".join(content.split())
        for attr in ("property", "name", "itemprop"):
            key = m.get(attr)
            if key is not None and norm and (attr, key) not in first:
                first[(attr, key)] = (pos, norm)
        if (m.get("name") in R.AUTHOR_META or m.get("property") == "article:author") and content.strip():
            authors.append(content)
    return first, authors


def _meta(first: dict, *keys: tuple[str, str]) -> str | None:
    """The content of the first of `keys` present; a tuple of keys inside `keys` means "whichever
    comes first on the page"."""
    for key in keys:
        if isinstance(key[0], tuple):
            hits = [first[k] for k in key if k in first]
            if hits:
                return min(hits)[1]
        elif key in first:
            return first[key][1]
    return None


def _marks(el) -> list[str]:
    """What the markup says an <h1> is (R.HEADLINE_MARKS), from its own class, id and itemprop and
    those of its two nearest ancestors: a logo's <h1> says "logo", an article's "entry-title"."""
    out, node = set(), el
    for depth in range(3):
        if node is None or not isinstance(node.tag, str):
            break
        attrs = " ".join(node.get(a) or "" for a in ("class", "id", "itemprop"))
        out |= {name for name, rx in R.HEADLINE_MARKS.items() if (depth == 0 or name != "headline") and rx.search(attrs)}
        if node.tag in ("article", "main", "header", "nav", "aside", "footer"):
            out.add(node.tag)
        node = node.getparent()
    if el.find(".//a") is not None:
        out.add("link")
    return sorted(out)


def h1_marks(tree, limit: int = 6) -> tuple[list[str], list[list[str]]]:
    """The <h1>s with text among the first `limit` (as printed) and their marks (`_marks`):
    features of the title choice (metadata.title_candidates)."""
    h1s, marks = [], []
    for h in islice(tree.iter("h1"), limit):
        text = " ".join(h.text_content().split())
        if text:
            h1s.append(text)
            marks.append(_marks(h))
    return h1s, marks


def html_metadata(tree) -> dict:
    """Candidates for title, authors, date, section, site name and canonical URL."""
    first, authors = _meta_tags(tree)
    for n in "12":
        label, data = _meta(first, ("name", f"twitter:label{n}")), _meta(first, ("name", f"twitter:data{n}"))
        if label and data and R.CREDIT_LABEL.match(label):
            authors.append(data)
    h1s, marks = h1_marks(tree)
    meta = {
        "og_title": _meta(first, ("property", "og:title"), ("name", "twitter:title")),
        "title_tag": _first(tree, ["//head/title"]),
        "h1s": h1s,
        "h1_marks": marks,
        "authors": authors,
        "date": _meta(first, ("property", "article:published_time"), ("name", "article:published_time"),
                      ("itemprop", "datePublished"), R.DATE_META),
        "modified": _meta(first, ("property", "article:modified_time"), ("property", "og:updated_time"),
                          ("itemprop", "dateModified")),
        "time_datetime": next((" ".join(t.get("datetime").split()) for t in tree.iter("time")
                               if t.get("datetime") is not None and t.get("datetime").strip()), None),
        "section": _meta(first, ("property", "article:section")),
        "site_name": _meta(first, ("property", "og:site_name")),
        "canonical": _first(tree, ['//link[@rel="canonical"]/@href']) or _meta(first, ("property", "og:url")),
        "figcaptions": figure_captions(tree),
    }
    articles, persons = _jsonld(tree)
    for d in articles:
        meta.setdefault("ld_headline", d.get("headline") if isinstance(d.get("headline"), str) else None)
        if d.get("datePublished") and not meta.get("ld_date"):
            meta["ld_date"] = str(d["datePublished"])
        if d.get("dateModified") and not meta.get("ld_modified"):
            meta["ld_modified"] = str(d["dateModified"])
        if d.get("author") and not meta.get("ld_authors"):
            meta["ld_authors"] = _names(d["author"], persons)
        if d.get("articleSection") and not meta.get("ld_section"):
            s = d["articleSection"]
            meta["ld_section"] = s[0] if isinstance(s, list) and s else s if isinstance(s, str) else None
        pub = d.get("publisher")
        if isinstance(pub, dict) and pub.get("name") and not meta.get("ld_publisher"):
            meta["ld_publisher"] = pub["name"]
    return meta


MAX_CAPTIONS = 30


def figure_captions(tree) -> list[list[str | None]]:
    """[caption text, credit or None] of the page's <figcaption>s outside navigation, sidebars and
    footers: trafilatura leaves figures out of the text, so their captions are read here. A part
    of the caption marked as the credit (class or itemprop "credit", "copyright", ...) is the credit.
    Pairs are lists, which `process_article`'s hygiene pass over html_meta leaves alone (finalize
    cleans them)."""
    out = []
    for fc in tree.iter("figcaption"):
        if len(out) >= MAX_CAPTIONS:
            break
        if any(p.tag in ("nav", "aside", "footer") for p in fc.iterancestors()):
            continue
        text = " ".join(" ".join(fc.itertext()).split())
        mark = next((el for el in fc.iterdescendants() if isinstance(el.tag, str)
                     and R.CREDIT_MARK.search(f'{el.get("class") or ""} {el.get("itemprop") or ""}')), None)
        credit = " ".join(" ".join(mark.itertext()).split()) if mark is not None else None
        if credit and credit in text:
            text = " ".join(text.replace(credit, " ").split()).strip(" |/-–—")
        if (text or credit) and len(text) <= 500 and [text, credit] not in out:
            out.append([text, credit or None])
    return out


def trafilatura_metadata(tree, url: str | None, ours: dict) -> dict:
    """trafilatura's title, author and site name and htmldate's date, in trafilatura's own order
    (trafilatura.metadata.extract_metadata) minus the categories, tags and licence it also
    collects: those cost about a third of its time and nothing here reads them."""
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title
    from trafilatura.settings import set_date_params

    m = examine_meta(tree)
    if m.author and (" " not in m.author or any(names_organisation(a) for a in ours.get("authors") or [])):
        m.author = None  # a CMS account, or its (title-cased, re-split) reading of an organisation's <meta>
    try:
        # trafilatura reads the JSON-LD again (~0.8 ms): only for what ours (html_metadata) lacks
        if not (ours.get("ld_authors") and (ours.get("og_title") or ours.get("ld_headline"))
                and (ours.get("site_name") or ours.get("ld_publisher"))):
            m = extract_meta_json(tree, m)
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader on hostile markup; ours ran already
        pass
    title = m.title or extract_title(tree)
    author = m.author  # extract_author (the markup scan) runs in extract_html, only when needed
    sitename = (m.sitename or extract_sitename(tree) or "").lstrip("@") or None
    date = find_date(tree, url=url or m.url, **set_date_params(True))  # htmldate reads a copy of the tree
    return {"t_title": title, "t_author": author, "t_date": date, "t_sitename": sitename}


def extract_html(art: Article) -> str | None:
    """Main content of `art.raw` as text (one paragraph per line); fills `art.html_meta`."""
    import trafilatura

    tree = parse_html(art.raw)
    if tree is None:
        return None
    art.html_meta.update(html_metadata(tree))
    art.html_meta.update(trafilatura_metadata(tree, art.url, art.html_meta))
    named = structured_authors(art, art.html_meta)
    scan_bylines = not named  # nothing structured, or only what is no person (a site name, "Admin")
    # (text, block) under the headline: its date line, and its byline when nothing structured names one
    headline = _headline(tree)
    after = _texts_after_headline(headline, BYLINE_WINDOW if scan_bylines else 4 * DATE_WINDOW)
    # the date line printed under the headline: weighed against htmldate and the markup's dates
    art.html_meta["printed_lines"] = lines_after_headline(after)
    art.html_meta["line_above"] = line_above_headline(headline)
    if not (art.html_meta.get("ld_date") or art.html_meta.get("date")):
        art.html_meta["labelled_date"] = labelled_publication_line(art.raw)
    # "By" lines under the headline: the byline when nothing structured names one, else a check
    # that the structured list is complete (metadata._more_coauthors)
    art.html_meta["page_bylines"], art.html_meta["stamp_bylines"] = page_bylines(after)
    if scan_bylines:
        # trafilatura's scan of byline markup (~3 ms a page in markup_author): only when nothing structured
        # (JSON-LD, <meta>) names an author, as in trafilatura itself (where any <meta> author,
        # even the site's own name, stops the scan)
        art.html_meta["t_author"], art.html_meta["markup_byline"] = markup_byline(tree)
        art.html_meta["rel_authors"] = rel_authors(tree)
        if "cc:attribution" in art.raw:  # the XPath costs ~1 ms a page; few pages carry the markup
            art.html_meta["licence_attribution"] = licence_attribution(tree)
        if not art.html_meta["t_author"] and not art.html_meta["page_bylines"]:
            art.html_meta["page_lines"] = page_lines(tree)
    singles = [n.strip() for n in named or (art.html_meta.get("t_author") or "").split(";") if " " not in n.strip()]
    if singles:  # "Nils" from a CMS account: the page may print the full name
        art.html_meta["name_expansions"] = expand_first_names(singles, _visible_texts(tree))
    drop_inert(tree)
    most = page_words(tree, art.caps_links)
    with handed_over(tree):  # the tree is not read after this: trafilatura need not copy it
        doc = trafilatura.bare_extraction(tree, url=art.url, with_metadata=False, fast=True, **TRAFILATURA_OPTIONS)
    words = len((doc.text or "").split()) if doc is not None else 0
    if words < FAST_MIN_WORDS or words < FAST_MIN_SHARE * most:
        tree = parse_html(art.raw, xml_safe=True)
        # full mode weighs its result against readability's and justext's; balanced first (recall
        # mode's full pass took more boilerplate on the redone pages), then recall; recall first
        # when the fast pass found no text at all (FAST_EMPTY_WORDS)
        balanced = {**TRAFILATURA_OPTIONS, "fast": False, "favor_recall": False}
        recall = {**TRAFILATURA_OPTIONS, "fast": False}
        for options in (recall, balanced) if words < FAST_EMPTY_WORDS else (balanced, recall):
            # trafilatura works on its own copy of a tree it is given: the parsed tree serves twice
            full = trafilatura.bare_extraction(tree, url=art.url, with_metadata=False, **options)
            if full is not None and (full.text or "").strip():
                doc = full
                break
        if doc is None:
            return None
    art.extractor = "trafilatura"
    return doc.text or ""
