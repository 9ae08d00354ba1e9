"""Block features of the lines the HTML path keeps, for benchmarks/train_htmlblocks.py.

An experiment of issue 23 (part 3), rejected by the site-fold protocol (BENCHMARKS.md, "HTML
path's body"): trafilatura (recall mode) keeps some blocks a reader would not call the article,
and what tells them apart is in the page's markup, which trafilatura's text no longer carries. So
`index` reads every text block of the page as trafilatura receives it (its tag, the share of its
text inside links, the tags and class/id words of its ancestors, its container) keyed by its words,
and `features` gives each kept line a row for a logistic regression. Kept here, outside
pipeline/, so that the experiment can be rerun; nothing in the pipeline uses it.
"""
from __future__ import annotations

import math
import re

import numpy as np

_WORD = re.compile(r"\w+")
# the elements whose text is a block of trafilatura's output
BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt", "blockquote", "figcaption",
              "a", "span", "div", "section", "article", "header", "footer", "aside", "pre", "strong", "em", "b")
TAG_GROUP = {"p": 0, "li": 1, "dd": 1, "dt": 1, "h1": 2, "h2": 2, "h3": 2, "h4": 2, "h5": 2, "h6": 2, "td": 3,
             "th": 3, "a": 4, "blockquote": 5, "figcaption": 5, "pre": 5}
N_GROUPS = 7  # the groups above, 6 = any other element
# ancestors whose tag says what they hold
ANCESTOR_TAGS = {"aside": 0, "nav": 1, "footer": 2, "header": 3, "figure": 4, "form": 5, "article": 6,
                 "main": 7, "ul": 8, "ol": 8, "table": 9, "button": 10}
N_ATAGS = 11
# class/id words of ancestors, grouped by what the names say (generic web vocabulary, no site's)
CLASS_WORDS = {
    "related": 0, "recommended": 0, "recommend": 0, "recirc": 0, "more": 0, "also": 0, "next": 0, "read": 0,
    "promo": 1, "teaser": 1, "card": 1, "tile": 1, "feed": 1, "list": 1, "grid": 1, "carousel": 1, "slider": 1,
    "video": 2, "player": 2, "playlist": 2, "media": 2, "jw": 2,
    "share": 3, "social": 3, "sharing": 3, "follow": 3,
    "newsletter": 4, "subscribe": 4, "signup": 4, "subscription": 4, "cta": 4, "paywall": 4, "register": 4,
    "ad": 5, "ads": 5, "advert": 5, "advertisement": 5, "sponsor": 5, "sponsored": 5, "dfp": 5, "taboola": 5,
    "outbrain": 5,
    "nav": 6, "menu": 6, "navigation": 6, "breadcrumb": 6, "breadcrumbs": 6,
    "footer": 7, "sidebar": 7, "aside": 7, "widget": 7, "rail": 7,
    "comment": 8, "comments": 8, "disqus": 8,
    "caption": 9, "credit": 9, "figure": 9, "image": 9, "img": 9, "photo": 9,
    "tag": 10, "tags": 10, "topic": 10, "topics": 10, "category": 10,
    "author": 11, "byline": 11, "bio": 11, "meta": 11, "date": 11,
    "content": 12, "body": 12, "article": 12, "story": 12, "post": 12, "entry": 12, "text": 12, "prose": 12,
    "trending": 13, "popular": 13, "latest": 13, "headlines": 13,
    "title": 14, "headline": 14, "heading": 14, "header": 14,
}
N_CLASS = 15
_CLASS_SPLIT = re.compile(r"[^a-z]+")
ANCESTOR_DEPTH = 8


def key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _ancestry(el, memo: dict) -> tuple[int, int, tuple[int, ...]]:
    """Bitmasks of the ancestor tags (ANCESTOR_TAGS) and class/id word groups (CLASS_WORDS) over
    the element and ANCESTOR_DEPTH ancestors, and the ancestors' serial numbers (nearest first)."""
    tags = groups = 0
    chain = []
    node, depth = el, 0
    while node is not None and depth <= ANCESTOR_DEPTH:
        got = memo.get(node)
        if got is None:
            t = ANCESTOR_TAGS.get(node.tag) if isinstance(node.tag, str) else None
            g = 0
            for attr in ("class", "id"):
                v = node.get(attr)
                if v:
                    for w in _CLASS_SPLIT.split(v.lower()):
                        b = CLASS_WORDS.get(w)
                        if b is not None:
                            g |= 1 << b
            got = memo[node] = ((1 << t) if t is not None else 0, g, len(memo))
        tags |= got[0]
        groups |= got[1]
        if depth:
            chain.append(got[2])
        node = node.getparent()
        depth += 1
    return tags, groups, tuple(chain)


def index(tree) -> dict[str, tuple]:
    """{words of a text block: (tag group, link share, ancestor-tag bits, class-word bits, order)}
    for the page's text blocks, the first block wherever words repeat; read before trafilatura
    (which prunes and rewrites the tree it is handed)."""
    out: dict[str, tuple] = {}
    memo: dict = {}
    body = tree.find("body")
    if body is None:
        body = tree
    n = 0
    for el in body.iter(*BLOCK_TAGS):
        text = el.text_content()
        if not text or len(text) > 3000:
            continue
        k = key(text)
        if not k or k in out:
            continue
        total, linked = len(text), (len(text) if el.tag == "a" else sum(len(a.text_content()) for a in el.iter("a")))
        tags, groups, chain = _ancestry(el, memo)
        out[k] = (TAG_GROUP.get(el.tag, N_GROUPS - 1), linked / total if total else 0.0, tags, groups, n, chain)
        n += 1
    return out


def _caps_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


N_FEATURES = 15 + N_GROUPS + N_ATAGS + N_CLASS


def features(lines: list, blocks: dict) -> np.ndarray:
    """One row per line of `lines` (the kept lines, in order)."""
    n = len(lines)
    X = np.zeros((n, N_FEATURES))
    total = max(1, len(blocks))
    words = [len(ln.text.split()) for ln in lines]
    most = max(words) if words else 1
    found = [blocks.get(key(ln.text)) for ln in lines]
    # the article's container: the nearest ancestor holding 60 % of the words of the found lines
    weight: dict[int, int] = {}
    for b, w in zip(found, words):
        if b is not None:
            for a in b[5]:
                weight[a] = weight.get(a, 0) + w
    matched = sum(w for b, w in zip(found, words) if b is not None)
    main = None
    for b, w in sorted(zip(found, words), key=lambda x: -x[1]):
        if b is not None:
            main = next((a for a in b[5] if weight[a] >= 0.6 * matched), None)
            break
    for i, ln in enumerate(lines):
        t = ln.text
        b = found[i]
        w = words[i]
        row = X[i]
        row[0] = math.log1p(w)
        row[1] = 1.0 if t.rstrip()[-1:] in ".!?\"'”’)…:;" else 0.0
        row[2] = _caps_share(t)
        row[3] = i / max(1, n - 1)
        row[4] = 1.0 if i == 0 else 0.0
        row[5] = 1.0 if i == n - 1 else 0.0
        row[6] = w / most
        row[7] = math.log1p(n)
        if b is None:
            row[8] = 1.0
            continue
        group, link, tags, groups, order, chain = b
        inside = main is not None and main in chain
        row[-3] = 0.0 if inside else 1.0
        row[-2] = (chain.index(main) if inside else len(chain)) / (ANCESTOR_DEPTH + 1)
        row[-1] = 1.0 if link > 0.8 and row[2] > 0.7 else 0.0
        row[9] = link
        row[10] = 1.0 if link > 0.8 else 0.0
        row[11] = order / total
        row[12 + group] = 1.0
        for j in range(N_ATAGS):
            if tags >> j & 1:
                row[12 + N_GROUPS + j] = 1.0
        for j in range(N_CLASS):
            if groups >> j & 1:
                row[12 + N_GROUPS + N_ATAGS + j] = 1.0
    return X
