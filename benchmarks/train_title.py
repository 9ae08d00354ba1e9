"""Fit the text-dump headline scorer's weights (pipeline.header.TITLE_WEIGHTS).

    python benchmarks/train_title.py [--eval ../shared/eval] [--l2 1.0] [--sets metadata,modern]

Runs the text path on the text dumps of the sets (../shared/eval/metadata, modern) that have a gold title, and
records, for each page, the header candidates the cleaner scores and their TITLE_FEATURES rows.
The weights are a softmax over each page's candidates (the gold headline's line is the target),
with an L2 penalty, fitted with L-BFGS; the person_name weight is kept as it is in the code (a
rule: a name is the byline, not the headline). Reported: the protocol of benchmarks/folds.py (its
by-site folds: pages of one site never on both sides), fitted on four folds and scored on the
fifth, per set, i.e. what unseen sites get, beside the weights in the code; then the weights
fitted on all pages, to paste into pipeline/header.py.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import newsclean.pipeline.header as C  # noqa: E402
from newsclean.pipeline.process import process_article  # noqa: E402
from newsclean.pipeline.record import Article  # noqa: E402
from newsclean.pipeline.textnorm import match_key  # noqa: E402
from folds import fold_of, site_key  # noqa: E402


def collect(eval_dir: Path, set_name: str = "metadata") -> list[dict]:
    """Per page: site, candidate feature matrix, index of the gold line among the candidates (or None)."""
    pages = []
    seen: dict = {}
    real = C._best_title

    def spy(art, feats, cands, keys, start):
        c = [i for i in cands if keys[i]]
        if c and "rows" not in seen:  # the first pass's header (a later pass may find it emptied)
            seen["rows"] = C.title_features(art, feats, c, keys, start)
            seen["keys"] = [keys[i] for i in c]
        return real(art, feats, cands, keys, start)

    C._best_title = spy
    try:
        for j in sorted((eval_dir / set_name).glob("*.json")):
            d = json.loads(j.read_text())
            if not isinstance(d, dict) or not isinstance(d.get("title"), str) or not d["title"]:
                continue
            seen.clear()
            process_article(Article(d["id"], "text", raw=j.with_suffix(".txt").read_text(errors="replace")))
            gold = match_key(d["title"])
            keys = seen.get("keys", [])
            pages.append({"set": set_name, "site": site_key(d), "X": np.array(seen.get("rows", []), dtype=float).reshape(-1, len(C.TITLE_FEATURES)),
                          "y": keys.index(gold) if gold in keys else None})
    finally:
        C._best_title = real
    return pages


NAME = C.TITLE_FEATURES.index("person_name")  # a rule, not fitted: a line that is a person's name is the byline


def fit(pages: list[dict], l2: float) -> np.ndarray:
    train = []
    for p in pages:
        if p["y"] is None or p["X"][p["y"], NAME]:
            continue
        keep = p["X"][:, NAME] == 0
        X = p["X"][keep].copy()
        X[:, NAME] = 0
        if len(X) > 1:
            train.append({"X": X, "y": int(keep[:p["y"]].sum())})

    def loss(w):
        total, grad = l2 * w @ w, 2 * l2 * w
        for p in train:
            s = p["X"] @ w
            s = s - s.max()
            e = np.exp(s)
            prob = e / e.sum()
            total -= np.log(prob[p["y"]] + 1e-12)
            grad -= p["X"][p["y"]] - prob @ p["X"]
        return total, grad

    w0 = np.array(C.TITLE_WEIGHTS, dtype=float)
    w = minimize(loss, w0, jac=True, method="L-BFGS-B").x
    w[NAME] = C.TITLE_WEIGHTS[NAME]
    return w


def accuracy(pages: list[dict], w: np.ndarray) -> float:
    """Share of pages whose best-scoring candidate is the gold line (pages without the gold line
    among the candidates count as misses)."""
    return sum(1 for p in pages if p["y"] is not None and len(p["X"]) and int(np.argmax(p["X"] @ w)) == p["y"]) / len(pages)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--sets", default="metadata,modern")
    args = ap.parse_args()
    sets = args.sets.split(",")
    pages = [p for s in sets for p in collect(Path(args.eval), s)]
    reachable = sum(1 for p in pages if p["y"] is not None)
    print(f"{len(pages)} pages with a gold title, {reachable} with it among the header candidates")
    fold = [fold_of(p["site"]) for p in pages]
    hand = {s: [0, 0] for s in sets}
    learned = {s: [0, 0] for s in sets}
    for k in range(5):
        w = fit([p for p, f in zip(pages, fold) if f != k], args.l2)
        for s in sets:
            te = [p for p, f in zip(pages, fold) if f == k and p["set"] == s]
            hand[s][0] += accuracy(te, np.array(C.TITLE_WEIGHTS)) * len(te) if te else 0
            learned[s][0] += accuracy(te, w) * len(te) if te else 0
            hand[s][1] += len(te)
            learned[s][1] += len(te)
            print(f"  fold {k} {s:9s} weights in the code {accuracy(te, np.array(C.TITLE_WEIGHTS)) if te else 0:.3f}, "
                  f"fitted on the other folds {accuracy(te, w) if te else 0:.3f} ({len(te)} pages)")
    for s in sets:
        print(f"{s}: held-out folds, weights in the code {hand[s][0] / hand[s][1]:.3f}, fitted {learned[s][0] / learned[s][1]:.3f}")
    w = fit(pages, args.l2)
    print(f"fitted on all pages: {accuracy(pages, w):.3f} (in sample)")
    print("TITLE_WEIGHTS = (" + ", ".join(f"{v:.2f}" for v in w) + ")")
    for name, v in zip(C.TITLE_FEATURES, w):
        print(f"  {name:22s} {v:+.2f}")


if __name__ == "__main__":
    main()
