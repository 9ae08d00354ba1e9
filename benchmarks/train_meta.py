"""Fit the HTML path's learned metadata choices on site folds and report them held out.

    python benchmarks/meta_candidates.py            # once per code change: every page's candidates
    python benchmarks/train_meta.py [--cands /tmp/nc-meta-cands.jsonl] [--l2 0.3,1,3,10]

The title: a conditional logit over each page's candidates (metadata.title_candidates: og:title,
<title>, JSON-LD headline, trafilatura's title, each with and without a site suffix, the <h1>s, the
rule's choice), label = the candidate equal to the gold title (score_metadata's normalisation).
For each fold of folds.py, weights are fitted on the other four folds of metadata/ and modern/
together and scored on it, with the L2 strength chosen on those four folds alone (each left out in
turn); the printed weights (fitted on all pages, L2 chosen on all folds) go into
metadata.TITLE_CHOICE_WEIGHTS. Pages where no candidate equals the gold count as misses.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EVAL = ROOT.parent / "shared" / "eval"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_metadata", EVAL / "score_metadata.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def title_data(rows: list[dict]):
    """[(page row, candidate texts, features, mask of the candidates equal to the gold)]."""
    from newsclean.pipeline.metadata import site_names_of, title_candidates
    from newsclean.pipeline.record import Article
    from newsclean.pipeline.urls import canonical_url, site_of

    norm = _scorer().norm_text
    out = []
    for r in rows:
        meta = r["meta"]
        url = canonical_url(r["url"] or meta.get("canonical"))
        art = Article(r["id"], "html", url=url, site=site_of(url))
        texts, x = title_candidates(meta, site_names_of(art, meta))
        gold = norm(r["gold"]["title"]) if r["gold"]["title"] is not None else None
        y = np.array([norm(t) == gold for t in texts], dtype=bool)  # case variants are all right
        out.append((r, texts, x, y))
    return out


def fit(data, l2: float) -> np.ndarray:
    """Conditional logit: maximise sum log P(a right candidate) under softmax(x @ w), minus l2/2 |w|^2, over
    pages where some but not every candidate is right."""
    pages = [(x, y) for _, _, x, y in data if y.any() and not y.all()]
    dim = pages[0][0].shape[1]

    def loss(w):
        total, grad = 0.5 * l2 * w @ w, l2 * w
        for x, y in pages:
            s = x @ w
            s -= s.max()
            p = np.exp(s)
            p /= p.sum()
            py = p[y].sum()
            total -= np.log(py + 1e-300)
            grad = grad - ((p[y] / py) @ x[y] - p @ x)
        return total, grad

    return minimize(loss, np.zeros(dim), jac=True, method="L-BFGS-B").x


def pick_l2(data, l2s: list[float], folds: list[int], norm) -> float:
    """The L2 strength whose weights, fitted on all but one of `folds` in turn, get the most titles
    right on the fold left out (pooled); the first of equals."""
    if len(l2s) == 1:
        return l2s[0]
    rows = [d[0] for d in data]

    def right(l2):
        titles: dict[str, str | None] = {}
        for g in folds:
            titles.update(choose([d for d in data if d[0]["fold"] == g], fit([d for d in data if d[0]["fold"] != g], l2)))
        return accuracy(rows, titles, norm)
    return max(l2s, key=right)


def choose(data, w) -> dict[str, str | None]:
    return {r["id"]: (texts[int(np.argmax(x @ w))] if texts else None) for r, texts, x, _ in data}


def accuracy(rows, titles: dict, norm) -> float:
    rows = [r for r in rows if r["gold"]["title"] is not None]
    return sum(norm(titles.get(r["id"])) == norm(r["gold"]["title"]) for r in rows) / len(rows) if rows else float("nan")


def author_fallbacks(rows: list[dict], k: int) -> None:
    """The author fallback (metadata._credited_organisation) as shipped, against the code without it,
    per fold: exact authors on authored pages / author-less pages kept author-less. The candidates
    measured when it was chosen (an organisation only; + a site named like a person (shipped); any
    credit but CMS accounts; any credit) are in BENCHMARKS.md."""
    sm = _scorer()
    for s in sorted({r["set"] for r in rows}):
        out = []
        for f in [*range(k), None]:
            t = sm.Tally()
            for r in rows:
                if r["set"] == s and (f is None or r["fold"] == f):
                    t.add_case({"id": r["id"], **r["gold"]}, {"authors": r["pred"]["authors"]})
            su = t.summary()
            out.append(f'{su["authors"]["exact_set_accuracy"]:.3f}/{su["no_author"]["predicted_none"] or 0:.3f}')
        print(f"{s:9s} authors exact / author-less kept, folds 0-4 | all: " + " ".join(out[:-1]) + " | " + out[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cands", default="/tmp/nc-meta-cands.jsonl")
    ap.add_argument("--l2", default="0.3,1,3,10", help="L2 strengths; with more than one, each fold's is chosen on the other folds")
    args = ap.parse_args()
    norm = _scorer().norm_text
    rows = [json.loads(line) for line in open(args.cands, encoding="utf-8")]
    data = title_data(rows)
    k = max(r["fold"] for r in rows) + 1
    l2s = [float(v) for v in args.l2.split(",")]
    held: dict[str, str | None] = {}
    for f in range(k):
        train = [d for d in data if d[0]["fold"] != f]
        l2 = pick_l2(train, l2s, [g for g in range(k) if g != f], norm)
        w = fit(train, l2)
        held.update({i: t for i, t in choose([d for d in data if d[0]["fold"] == f], w).items()})
        print(f"fold {f}: L2 {l2} (chosen on folds {[g for g in range(k) if g != f]})")
    l2_all = pick_l2(data, l2s, list(range(k)), norm)
    print(f"shipped weights: L2 {l2_all} (chosen on all folds)")
    w_all = fit(data, l2_all)
    full = choose(data, w_all)
    rule = {r["id"]: r["pred"]["title"] for r in rows}
    oracle = {r["id"]: (texts[int(np.argmax(y))] if y.any() else None) for r, texts, _, y in data}
    print("title accuracy per fold (0-4) | all pages")
    for s in sorted({r["set"] for r in rows}):
        rs = [r for r in rows if r["set"] == s]
        for name, titles in (("the code that wrote --cands", rule), ("learned, held-out fold", held),
                             ("learned, fitted on all pages", full), ("oracle (a candidate is right)", oracle)):
            per = [accuracy([r for r in rs if r["fold"] == f], titles, norm) for f in range(k)]
            print(f"{s:9s} {name:32s} " + " ".join(f"{a:.3f}" for a in per) + f" | {accuracy(rs, titles, norm):.3f}")
    author_fallbacks(rows, k)
    from newsclean.pipeline.metadata import TITLE_CHOICE_FEATURES

    print("TITLE_CHOICE_WEIGHTS = (" + ", ".join(f"{v:.3f}" for v in w_all) + ")")
    for n, v in zip(TITLE_CHOICE_FEATURES, w_all):
        print(f"  {n:16s} {v:+.3f}")


if __name__ == "__main__":
    main()
