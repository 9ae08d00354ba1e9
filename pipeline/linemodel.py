"""A learned body/boilerplate score for the lines of a whole-page text dump.

The body span (`clean.select_body`) sums a score per line; the hand-set scores (a paragraph counts
its words, any short line -3) cannot tell a menu item from a poem's line or a subheading, nor a
menu glued into one long line ("Trending NewsStock Market NewsMarket Movers") from prose. A
logistic model over generic line features (size, sentence punctuation, script, case, digits,
separators, glued words, and the run of lines around it: its neighbours' size, whether prose
stands beside it, how long and how wordy the run of short lines it sits in is) gives each kept
line a probability of being body text; `select_body` adds LINE_WEIGHT x its log-odds to the
hand-set score. No feature names a word or a site: it learns what a menu looks like, not menus.

Fitted by benchmarks/train_lines.py on dev/ and modern/ (labels: lines found in the true body),
site folds; shipped in line_weights.json and applied with numpy.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np

from .lines import Feat
from .record import Line
from .textnorm import match_key

WEIGHTS_FILE = Path(__file__).with_name("line_weights.json")
NEAR = 3  # neighbours on each side
FEATURES = (
    "bias", "log_units", "ends", "paragraph", "tiny", "position", "glued_words", "digit_share", "punct_per_word",
    "capitalised_share", "separators", "near_log_units", "near_paragraphs", "prev_paragraph", "next_paragraph",
    "repeated", "other_script", "all_caps", "ends_colon", "ends_question", "starts_bullet", "inner_punct",
    "ends_ellipsis", "log_dist_paragraph", "log_run", "run_log_units", "run_inner_punct", "same_block_prev",
)
_GLUED = re.compile(r"[a-z][A-Z]")
_SEPARATOR = re.compile(r"[|›»•·>]|\s/\s")
_INNER = re.compile(r"[,.;!?،؛:…](?=\s)")
_BULLET = re.compile(r"^(?:[-*•–]\s|\d{1,2}[.)]\s)")
_ENDS_ELLIPSIS = re.compile(r"(?:\.\.+|…)\s*$")


def _load():
    try:
        d = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    if tuple(d["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS_FILE.name} was fitted on other features: retrain with benchmarks/train_lines.py")
    return np.asarray(d["weights"], dtype=float), float(d["line_weight"])


MODEL = _load()


def rows(lines: list[Line], feats: list[Feat], doc_script: str | None) -> np.ndarray:
    """One row of FEATURES per line (rows of removed lines are computed but not used)."""
    n = len(lines)
    kept = [i for i, ln in enumerate(lines) if ln.kept]
    pos = {i: k for k, i in enumerate(kept)}
    keys = [match_key(ln.text) for ln in lines]
    count: dict[str, int] = {}
    for k in keys:
        count[k] = count.get(k, 0) + 1
    para = [feats[i].paragraph for i in range(n)]
    inner = [bool(_INNER.search(ln.text)) for ln in lines]
    # runs of kept non-paragraph lines: their length, mean size and share with inner punctuation
    run_of: dict[int, tuple[float, float, float]] = {}
    k = 0
    while k < len(kept):
        if para[kept[k]]:
            k += 1
            continue
        j = k
        while j < len(kept) and not para[kept[j]]:
            j += 1
        members = kept[k:j]
        stats = (math.log1p(len(members)), sum(math.log1p(feats[m].units) for m in members) / len(members),
                 sum(inner[m] for m in members) / len(members))
        for m in members:
            run_of[m] = stats
        k = j
    para_pos = [pos[i] for i in kept if para[i]]
    out = np.zeros((n, len(FEATURES)))
    pi = 0
    for i, ln in enumerate(lines):
        if not ln.kept:
            continue
        f, t = feats[i], ln.text
        p = pos[i]
        near = [kept[q] for q in range(max(0, p - NEAR), min(len(kept), p + NEAR + 1)) if q != p]
        toks = t.split()
        letters = [c for c in t if c.isalpha()]
        while pi < len(para_pos) and para_pos[pi] < p:
            pi += 1
        dist = min([abs(para_pos[q] - p) for q in (pi - 1, pi) if 0 <= q < len(para_pos)], default=len(kept))
        prev = kept[p - 1] if p else None
        nxt = kept[p + 1] if p + 1 < len(kept) else None
        run = run_of.get(i, (0.0, 0.0, 0.0))
        out[i] = (
            1.0, math.log1p(f.units), f.ends, f.paragraph, f.units <= 3, i / max(1, n),
            min(1.0, len(_GLUED.findall(t)) / max(1, len(toks))), sum(c.isdigit() for c in t) / max(1, len(t)),
            min(2.0, len(_INNER.findall(t)) / max(1, len(toks))),
            sum(w[:1].isupper() for w in toks) / max(1, len(toks)), bool(_SEPARATOR.search(t)),
            sum(math.log1p(feats[q].units) for q in near) / max(1, len(near)),
            sum(para[q] for q in near) / max(1, len(near)),
            prev is not None and para[prev], nxt is not None and para[nxt],
            count[keys[i]] > 1 and bool(keys[i]), bool(doc_script and f.script and f.script != doc_script),
            len(letters) >= 4 and all(not c.islower() for c in letters) and any(c.isupper() for c in letters),
            t.rstrip().endswith((":", "：")), t.rstrip().endswith(("?", "؟")), bool(_BULLET.match(t)), inner[i],
            bool(_ENDS_ELLIPSIS.search(t)), math.log1p(dist), *run,
            prev is not None and lines[prev].block == ln.block,
        )
    return out


def body_logodds(lines: list[Line], feats: list[Feat], doc_script: str | None) -> np.ndarray | None:
    """Per line, LINE_WEIGHT x the model's log-odds that the line is body text (0 for removed
    lines); None when no model is shipped."""
    if MODEL is None or not lines:
        return None
    w, weight = MODEL
    z = rows(lines, feats, doc_script) @ w
    z = np.clip(z, -8.0, 8.0) * weight
    return np.where([ln.kept for ln in lines], z, 0.0)
