"""The learned line-role model of a text dump's header: which header line is the headline, and
which (if any) is the byline.

Rules settle what they are sure of first (explicit credits "By X" / "كتب:", agencies, date lines,
a headline the page names); the model decides the rest from generic features of each kept header
line: its position from the body start, length, punctuation, dash/colon structure, script, digits,
word overlap with its neighbours and with the body's first lines (a headline shares words with its
lead, a menu with the menu beside it), name-shaped pieces, closeness to a date line, whether a run
of menu-shaped short lines stands above it (a headline under the navigation) or below it (an entry). No feature
names a site's menu words: menus are learned by their shape.

Two linear scorers over the same rows (weights in roles.json, fitted by benchmarks/train_roles.py
on by-site folds): a softmax over the candidates for the headline, a logistic score per line for
the byline; `pick` chooses the pair (headline, byline or none) of highest joint log-probability.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import rules as R
from .bylines import (AR_MARKS, AR_TITLES, QUOTED, agency_code, bare_name, byline_prefix, pieces,
                      split_waw)
from .scripts import dominant_script
from .textnorm import match_key
from .weights import load as load_weights

WEIGHTS_FILE = Path(__file__).with_name("roles.json")

SENTENCE_END = (".", "!", "?", "؟", "…")
PUNCT = re.compile(r"[.,:;!?؟،؛\-–—|/()«»\"“”'’]")
AR_NAME_PARTS = frozenset({"عبد", "بن", "بنت", "أبو", "ابو", "آل", "أبي"})
ARABIC_LETTERS = re.compile(r"^[\u0621-\u064a\u0671-\u06d3]+$")


def credit_shaped(text: str) -> bool:
    """A short line of separated pieces, one of two words or more, not a sentence ("أبها - خالد
    العمري:", "CAIRO - Jane Doe", "سعيد الحربي من جدة"): the shape of a dateline or a credit."""
    if R.ANY_DIGIT.search(text) or text.rstrip().endswith(SENTENCE_END):
        return False
    if not 2 <= sum(any(c.isalpha() for c in w) for w in text.split()) <= 8:  # words: a spaced dash is none
        return False
    ps = pieces(text)
    return len(ps) >= 2 and any(len(p.split()) >= 2 for p in ps)


def arabic_name_shape(piece: str) -> bool:
    """2-4 Arabic words, none a function word or a digit, and the shape of a personal name: a
    given name without the article, then a family name (often with it) or a name particle."""
    toks = AR_TITLES.sub("", AR_MARKS.sub("", piece)).split()
    if not 2 <= len(toks) <= 4 or not all(ARABIC_LETTERS.match(t) for t in toks):
        return False
    if any(t in R.AR_FUNCTION for t in toks) or toks[0].startswith("ال"):
        return False
    return any(t.startswith("ال") or t in AR_NAME_PARTS for t in toks[1:]) or len(toks) == 2


def _credited_person(part: str) -> bool:
    """A person's name as a credit prints it: `arabic_name_shape`, and two words only with a family
    name that has the article or opens with "عبد", or a given name first (`_given_name`: "رقية
    الهويريني", "محمد عبدالعظيم", "محمد رضا"); a two-word phrase ("موجز دوليات", a column's name;
    "كمياتنا كافية", a quotation) has none of these."""
    toks = AR_TITLES.sub("", part).split()
    return arabic_name_shape(part) and (len(toks) != 2 or toks[1].startswith(("ال", "عبد")) or _given_name(toks))


def _given_name(toks: list[str]) -> bool:
    """A name that opens with a common given name (R.AR_GIVEN_NAMES), "عبد..." or a particle ("أبو")."""
    first = AR_MARKS.sub("", toks[0]) if toks else ""
    return first in R.AR_GIVEN_NAMES or first in AR_NAME_PARTS or first.startswith("عبد")


def arabic_credit(text: str) -> int:
    """2 when an Arabic line is a credit and nothing else and names someone surely (an agency, a quoted
    outlet, a person whose name opens with a given name: `_given_name`), 1 when it is a credit and
    nothing else, else 0. A credit and nothing else: after a credit word, every piece a person's
    name (`_credited_person`), a one-word place, an agency or a quoted outlet, and one at least a
    person, an agency or an outlet, or a dateline's colon after two pieces ("جدة: محمد الزايد، سامية
    العيسى", "إبراهيم بن محمد من الرياض", "لندن: «الشرق الأوسط»", "بروكسل : (د ب أ)", "سبق- جدة:"). A
    place of two words goes before a colon only when persons follow ("المدينة المنورة: عبدالعزيز
    الحجوري"; "القحطاني: نتطلع لمشاركة الشباب" is a speaker and his words). A short headline of
    nouns with the article ("قتلة الأقارب") has a name's shape, so it is a credit of 1 at most."""
    t = text.strip()
    colon = t.endswith((":", "："))
    t = t.rstrip(":： ")
    if (m := R.CREDIT_PREFIX.match(t)) is not None:
        t = t[m.end():]
    if not t or R.ANY_DIGIT.search(t) or t.endswith(SENTENCE_END) or dominant_script(t) != "Arabic":
        return 0
    quoted = bool(QUOTED.search(t))  # an outlet set apart: "لندن: «الشرق الأوسط»", not «تعليم مكة» يلزم الطالبات ...
    sure = quoted or bool(agency_code(re.sub(r"[().]", " ", t).strip()))
    named = sure
    t = R.AR_PLACE_AFTER.sub("", t)
    dateline = R.AR_PLACE_BEFORE_COLON.search(t) is not None  # its persons have two words (three read as a quotation)
    ps = pieces(R.AR_PLACE_BEFORE_COLON.sub("", t))
    for part in (x for p in ps for x in split_waw(p)):
        words = part.split()
        if quoted and len(words) > 2:
            return 0
        if agency_code(part):
            named = sure = True
        elif _credited_person(part) and not (dateline and len(words) > 2 and not set(words) & AR_NAME_PARTS):
            named = True
            sure = sure or _given_name(AR_TITLES.sub("", part).split())
        elif len(words) > 1:
            return 0
    return 2 if sure else int(named or (colon and len(ps) >= 2))


BODY_SCRIPT_LINES = 40


def body_script(lines, feats, start: int) -> str | None:
    """The script of the body from `start`: its first paragraph's; with no paragraph (a poem, a
    column in short lines) the script of most words of its first BODY_SCRIPT_LINES kept lines."""
    kept = [i for i in range(start, len(lines)) if lines[i].kept]
    if (i := next((i for i in kept if feats[i].paragraph), None)) is not None:
        return feats[i].script
    weight: dict[str, int] = {}
    for i in kept[:BODY_SCRIPT_LINES]:
        if feats[i].script:
            weight[feats[i].script] = weight.get(feats[i].script, 0) + feats[i].units
    return max(sorted(weight), key=weight.get) if weight else None


def _words(text: str) -> set[str]:
    return {w for w in match_key(text).split() if len(w) >= 3}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a) if a else 0.0


ROLE_FEATURES = (
    "one", "rank_0", "rank_1", "rank_2", "rank_3_plus", "first_in_window",
    "words_1", "words_2_3", "words_4_6", "words_7_12", "words_13_25", "words_over_25",
    "ends_colon", "ends_sentence", "no_punct_long", "digits", "other_script",
    "dash_sep", "mid_colon", "comma", "quoted", "pieces_2_plus", "one_word_piece", "name_piece",
    "all_pieces_short", "credit_word", "agency_piece", "from_place",
    "overlap_lead", "overlap_body", "overlap_prev", "overlap_next", "prev_overlap_lead",
    "prev_longer", "next_longer", "date_near", "printed_again", "latin_bare_name", "credit_shaped",
    "menu_above", "menu_below", "rank_10_plus", "credit_next", "home_first",
)
MENU_RUN = 3  # short lines in a row that make a menu


def _menu_side(feats, kept: list[int], n: int, step: int) -> bool:
    """Whether the MENU_RUN kept lines on one side of kept[n] (step -1 above, +1 below) all have a
    menu entry's shape (at most 4 words, not a sentence): a headline often follows a menu, an entry
    sits inside one."""
    side = kept[max(0, n - MENU_RUN):n] if step < 0 else kept[n + 1:n + 1 + MENU_RUN]
    return len(side) == MENU_RUN and all(feats[j].units <= 4 and not feats[j].ends for j in side)


def arabic_menu_row(text: str) -> bool:
    """An Arabic menu's row: opening with the home link (R.AR_HOME_ROW), or five words or more of
    which three in four are section names (R.AR_SECTION_WORDS), and no sentence's punctuation."""
    if R.AR_HOME_ROW.match(text):
        return True
    words = [w.strip("|•·/-–") for w in text.split()]
    words = [w for w in words if w]
    if len(words) < 5 or any(c in text for c in ".،:؟?!«\""):
        return False
    def plain(w: str) -> str:
        for p in ("وال", "و", "ال"):
            if w.startswith(p) and len(w) - len(p) >= 2 and w[len(p):] in R.AR_SECTION_WORDS:
                return w[len(p):]
        return w
    return sum(plain(w) in R.AR_SECTION_WORDS for w in words) >= 0.75 * len(words)


def menu_above(lines, feats, i: int) -> bool:
    """Whether line i closes a menu: the MENU_RUN kept lines above it have a menu entry's shape."""
    kept = [j for j in range(i + 1) if lines[j].kept]
    return _menu_side(feats, kept, len(kept) - 1, -1) if kept and kept[-1] == i else False


def role_rows(lines, feats, cands: list[int], start: int, page_keys: str) -> np.ndarray:
    """One row of ROLE_FEATURES per candidate header line (indexes into `lines`, in page order)."""
    body = [i for i in range(start, min(len(lines), start + 40)) if lines[i].kept]
    lead = set().union(*(_words(lines[i].text) for i in body[:3])) if body else set()
    body_words = set().union(*(_words(lines[i].text) for i in body)) if body else set()
    doc_script = body_script(lines, feats, start)
    dates = [j for j in range(max(0, (cands[0] if cands else 0) - 3), start) if lines[j].reason == "date"]
    words = [_words(lines[i].text) for i in cands]
    kept = [j for j in range(start) if lines[j].kept]  # the header's kept lines, also those no candidate
    pos = {j: n for n, j in enumerate(kept)}
    # lines the rules read as a date line or a byline still count in a candidate's rank (its
    # distance from the body): the headline stands as far above the body with a credit line
    # the rules took as with one left to the model
    stamps = [j for j in range(cands[0] if cands else start, start) if lines[j].reason in ("date", "byline")]
    rows = []
    for n, i in enumerate(cands):
        text, f = lines[i].text.strip(), feats[i]
        u = f.units
        rank = len(cands) - 1 - n + sum(j > i for j in stamps)
        ps = pieces(text)
        plen = [len(p.split()) for p in ps]
        prev_w = words[n - 1] if n else set()
        next_w = words[n + 1] if n + 1 < len(cands) else set()
        k = match_key(text)
        rows.append((
            1, rank == 0, rank == 1, rank == 2, rank >= 3, n == 0,
            u == 1, 2 <= u <= 3, 4 <= u <= 6, 7 <= u <= 12, 13 <= u <= 25, u > 25,
            text.endswith((":", "：")), text.endswith(SENTENCE_END) and not text.endswith("..."),
            u >= 8 and not PUNCT.search(text), bool(R.ANY_DIGIT.search(text)),
            bool(doc_script) and bool(f.script) and f.script != doc_script,
            bool(re.search(r"\s[-–—]\s|\S[-–—]\s|\sـ+\s", text)), ":" in text.rstrip(":： ")[1:],
            "،" in text or "," in text, bool(QUOTED.search(text)), len(ps) >= 2,
            len(ps) >= 2 and 1 in plen, any(arabic_name_shape(p) for p in ps),
            bool(ps) and max(plen) <= 4, bool(byline_prefix(text)), any(agency_code(p) for p in ps),
            bool(re.search(r"\sمن\s+\S+$", text)) and u <= 6,
            _overlap(words[n], lead), _overlap(words[n], body_words),
            _overlap(words[n], prev_w), _overlap(words[n], next_w),
            _overlap(prev_w, lead),
            n > 0 and feats[cands[n - 1]].units > u, n + 1 < len(cands) and feats[cands[n + 1]].units > u,
            any(abs(j - i) <= 2 for j in dates),
            len(k.split()) >= 2 and page_keys.count(k) >= 2,
            bare_name(text), credit_shaped(text),
            i in pos and _menu_side(feats, kept, pos[i], -1), i in pos and _menu_side(feats, kept, pos[i], 1),
            rank >= 10, n + 1 < len(cands) and bool(byline_prefix(lines[cands[n + 1]].text)),
            bool(R.HOME_FIRST.match(text)),
        ))
    return np.array(rows, dtype=float).reshape(-1, len(ROLE_FEATURES))


@lru_cache(maxsize=1)
def weights(names: tuple[str, ...]) -> dict[str, np.ndarray | float]:
    """The fitted weights (roles.json) of the feature columns `names`; a file fitted on other
    columns is an error (refit it with benchmarks/train_roles.py)."""
    w = load_weights(WEIGHTS_FILE, names, "train_roles.py")
    return {"headline": np.array(w["headline"]), "byline": np.array(w["byline"]),
            "headline_min": float(w["headline_min"]), "byline_min": float(w["byline_min"])}


def pick(X: np.ndarray, title_ok: np.ndarray, byline_ok: np.ndarray, w: dict) -> tuple[int | None, int | None]:
    """(headline row, byline row) of highest joint log-probability: the headline's softmax
    log-probability plus, for a byline, its log-odds above `byline_min` (no byline adds 0); the
    two are different lines. A headline scoring under `headline_min` is no headline."""
    if not len(X):
        return None, None
    s = X @ w["headline"]
    s_ok = np.where(title_ok, s, -np.inf)
    logp = s_ok - (s_ok.max() + np.log(np.exp(s_ok - s_ok.max()).sum())) if title_ok.any() else s_ok
    gain = np.where(byline_ok, X @ w["byline"] - w["byline_min"], -np.inf)
    best, best_total = (None, None), -np.inf
    for b in [None, *np.flatnonzero(gain > 0)]:
        t_scores = logp.copy()
        if b is not None:
            t_scores[b] = -np.inf
        t = int(np.argmax(t_scores)) if np.isfinite(t_scores).any() else None
        total = (t_scores[t] if t is not None else 0.0) + (gain[b] if b is not None else 0.0)
        if total > best_total:
            best, best_total = (t, None if b is None else int(b)), total
    t, b = best
    if t is not None and s[t] < w["headline_min"]:
        t = None
    return t, b
