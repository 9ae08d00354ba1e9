"""Fit the text path's date choice (pipeline/datechoice.py) on site folds and report held-out figures.

    python benchmarks/train_dates.py [--sets metadata,modern] [--l2 1.0] [--write]

Each text dump of metadata/ and modern/ (without its URL, as folds.py's "text dump alone") runs
through the pipeline with the model switched off; every date printed on the page becomes a
candidate row (datechoice.FEATURES). The model is a softmax over a page's candidates and a "none
of these" option of score 0 (conditional logit, L2), fitted with scipy's L-BFGS. A page's label is
the candidate whose day is the gold day (the first such, when printed twice); pages whose gold
day is not printed, or that have no gold date, teach "none". For each fold the weights are fitted
on the other folds and the fold's pages scored; the pooled held-out accuracy is reported beside
the rules alone and the in-sample figure. `--write` fits on all pages and writes
pipeline/date_weights.json.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import folds  # noqa: E402
from newsclean.pipeline.datechoice import FEATURES  # noqa: E402

RULE_PICK = FEATURES.index("rule_pick")


def collect(set_names: list[str]) -> list[dict]:
    import newsclean.pipeline.datechoice as DC
    from newsclean.pipeline.options import SiteConfig
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    DC.MODEL = None  # the rules alone; the candidates see their pick
    pages = []
    for s in set_names:
        for c in folds.load_cases(s, folds.EVAL):
            raw = Path(c["txt"]).read_text(encoding="utf-8", errors="replace")
            a = Article(c["id"] + ".txt", "text", raw=raw)
            process_article(a)
            cands = DC.candidates(a, SiteConfig()) if a.lines else []
            gold = c["gold"].get("date")
            gold = gold[:10] if gold else None
            pages.append({"id": f"{s}/{c['id']}", "set": s, "fold": c["fold"], "gold": gold,
                          "rules": str(a.published_date) if a.published_date else None,
                          "X": np.asarray([x.row for x in cands], dtype=float).reshape(len(cands), len(DC.FEATURES)),
                          "days": [str(x.parsed.date) for x in cands]})
    return pages


def fit(pages: list[dict], l2: float, nfeat: int) -> np.ndarray:
    from scipy.optimize import minimize

    data = []
    for p in pages:
        if not len(p["X"]):
            continue
        y = p["days"].index(p["gold"]) if p["gold"] in p["days"] else -1  # -1: "none of these"
        data.append((p["X"], y))

    def loss(w):
        total, grad = 0.5 * l2 * w[1:] @ w[1:], np.concatenate([[0.0], l2 * w[1:]])
        for X, y in data:
            s = np.concatenate([X @ w, [0.0]])
            m = s.max()
            e = np.exp(s - m)
            z = e.sum()
            total -= s[y] - m - np.log(z)
            pr = e / z
            grad += X.T @ pr[:-1]
            if y >= 0:
                grad -= X[y]
        return total, grad

    res = minimize(loss, np.zeros(nfeat), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return res.x


MARGINS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)


def choose(p: dict, w: np.ndarray | None, margin: float = 0.0) -> str | None:
    """The page's date as the pipeline gives it: the best candidate when it scores above "none"
    (0) and above the rules' own pick by `margin`, else the rules' date."""
    if w is None or not len(p["X"]):
        return p["rules"]
    s = p["X"] @ w
    b = int(np.argmax(s))
    rule = [i for i in range(len(s)) if p["X"][i, RULE_PICK]]
    floor = max(0.0, s[rule[0]] + margin) if rule else 0.0
    return p["days"][b] if s[b] >= floor else p["rules"]


def pick_margin(pages: list[dict], w: np.ndarray, sets: list[str]) -> float:
    """The margin best on `pages` (mean accuracy over the sets)."""
    return max(MARGINS, key=lambda m: sum(accuracy([p for p in pages if p["set"] == s], {p["id"]: choose(p, w, m) for p in pages})
                                          for s in sets))


def accuracy(pages: list[dict], preds: dict) -> float:
    dated = [p for p in pages if p["gold"]]
    return sum(preds[p["id"]] == p["gold"] for p in dated) / max(1, len(dated))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="metadata,modern")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--pages", default=None)
    args = ap.parse_args()
    from newsclean.pipeline.datechoice import WEIGHTS_FILE

    sets = args.sets.split(",")
    if args.pages:  # a pickle of collect()'s pages, to try features of the same run again
        import pickle
        pages = pickle.load(open(args.pages, "rb"))
    else:
        pages = collect(sets)
    k = folds.K
    held, margins = {}, []
    for f in range(k):
        train = [p for p in pages if p["fold"] != f]
        w = fit(train, args.l2, len(FEATURES))
        margins.append(pick_margin(train, w, sets))
        held.update({p["id"]: choose(p, w, margins[-1]) for p in pages if p["fold"] == f})
    w_all = fit(pages, args.l2, len(FEATURES))
    margin = pick_margin(pages, w_all, sets)
    print(f"margin chosen per fold {margins}, on all pages {margin}")
    insample = {p["id"]: choose(p, w_all, margin) for p in pages}
    rules = {p["id"]: p["rules"] for p in pages}
    for s in sets:
        ps = [p for p in pages if p["set"] == s]
        per = lambda preds: " ".join(f"{accuracy([p for p in ps if p['fold'] == f], preds):.3f}" for f in range(k))  # noqa: E731
        print(f"{s:9s} rules      {per(rules)}  all {accuracy(ps, rules):.3f}")
        print(f"{s:9s} held-out   {per(held)}  all {accuracy(ps, held):.3f}")
        print(f"{s:9s} in-sample  {per(insample)}  all {accuracy(ps, insample):.3f}")
    for name, wt in sorted(zip(FEATURES, w_all), key=lambda x: -abs(x[1])):
        print(f"  {name:20s} {wt:+.3f}")
    if args.write:
        WEIGHTS_FILE.write_text(json.dumps({
            "about": "pipeline/datechoice.py: softmax over a page's printed dates and 'none' (score 0); "
                     f"fitted by benchmarks/train_dates.py on {args.sets} (text dumps without URL), L2 {args.l2}",
            "features": list(FEATURES), "weights": [round(float(x), 4) for x in w_all], "margin": margin},
            indent=1) + "\n", encoding="utf-8")
        print("wrote", WEIGHTS_FILE)


if __name__ == "__main__":
    main()
