"""Fit the text-dump header's line-role model (pipeline/roles.json: headline and byline weights).

    python benchmarks/train_roles.py [--eval ../shared/eval] [--sets arabic_dumps,metadata,modern]
                                     [--l2 1.0] [--write] [--json OUT]

Runs the text path (no URL, as benchmarks/metadata.py) on every text dump of the sets and records,
for each page, the header lines the model scores (pipeline.header.header_rows: HEADER_FEATURES) at
the first pass. Labels come from aligning the lines with the truth: the headline is the line whose
match key is the true title's; the byline is arabic_dumps' `byline_line`, or on metadata/ and
modern/ the first short header line that holds every true author's name.

Headline: a softmax over each page's candidates (the true line is the target), L2, L-BFGS. Byline:
a logistic score per candidate line on pages where no rule found a byline (the model only runs
there), and its threshold chosen on the same pages (BYLINE_MINS: most pages with headline and byline
both right). The protocol is benchmarks/folds.py's: arabic_dumps' folds are its newspapers, the other
sets' folds hashes of the site (metadata/ and modern/ share them); for each fold of a set the model
is fitted on every page outside it (other folds of that set and the other sets' pages, never a page
of the same site), the pipeline is run end to end on the fold's pages with those weights, and the
sets' scorers score them: the held-out figures. Then the weights fitted on all pages are scored on
all pages (in-sample) and, with --write, saved to pipeline/roles.json.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import newsclean.pipeline.header as H  # noqa: E402
from newsclean.pipeline import roles  # noqa: E402
from newsclean.pipeline.textnorm import match_key  # noqa: E402
from folds import EVAL, Scorer, _newsclean, load_cases  # noqa: E402

ARABIC = "arabic_dumps"


def _byline_key(case: dict) -> list[str] | None:
    """Match keys a header line must hold to be the true byline: the byline line itself
    (arabic_dumps), else every true author's name; None when the truth names no byline."""
    g = case["gold"]
    if case["set"] == ARABIC:
        return [match_key(g["byline_line"])] if g.get("byline_line") else None
    authors = [match_key(a) for a in (g.get("authors") or []) if a]
    return authors or None


def collect(cases: list[dict]) -> list[dict]:
    """Per page: the candidate rows at the first call of the model, and the true lines' rows."""
    pages = []
    seen: dict = {}
    real = H._model_roles

    def spy(art, feats, cands, keys, start, find_byline, span_at=None):
        c = [i for i in cands if keys[i]]
        if c and "X" not in seen:
            seen.update(X=H.header_rows(art, feats, c, keys, start, span_at), keys=[keys[i] for i in c],
                        units=[feats[i].units for i in c], find_byline=find_byline)
        return real(art, feats, cands, keys, start, find_byline, span_at)

    H._model_roles = spy
    real_w = roles.weights
    try:
        roles.weights(H.HEADER_FEATURES)
    except ValueError:  # new columns: the rows at the first call do not depend on the weights
        n_f = len(H.HEADER_FEATURES)
        roles.weights = lambda names: {"headline": np.zeros(n_f), "byline": np.zeros(n_f),
                                       "headline_min": -1e9, "byline_min": 0.0}
    try:
        for case in cases:
            seen.clear()
            _newsclean({**case, "url": None}, "nc_text")
            if "X" not in seen:
                continue
            keys = seen["keys"]
            title = match_key(case["gold"].get("title") or "")
            bk = _byline_key(case)
            y_b = None
            if bk:
                if case["set"] == ARABIC:
                    y_b = next((n for n, k in enumerate(keys) if k == bk[0]), None)
                else:
                    y_b = next((n for n, k in enumerate(keys) if seen["units"][n] <= H.BYLINE_MAX_UNITS
                                and all(a in k for a in bk)), None)
            X = seen["X"]
            pages.append({"id": case["id"], "set": case["set"], "fold": case["fold"], "X": X,
                          "title_ok": H.headline_allowed(X),
                          "byline_ok": np.array([seen["find_byline"] and u <= H.BYLINE_MAX_UNITS for u in seen["units"]]) & H.byline_allowed(X),
                          "y_t": keys.index(title) if title and title in keys else None, "y_b": y_b})
    finally:
        H._model_roles, roles.weights = real, real_w
    return pages


def fit(pages: list[dict], l2: float) -> dict:
    n_f = len(H.HEADER_FEATURES)
    head = [(p["X"][p["title_ok"]], int(p["title_ok"][:p["y_t"]].sum())) for p in pages
            if p["y_t"] is not None and p["title_ok"][p["y_t"]] and p["title_ok"].sum() > 1]

    def head_loss(w):
        total, grad = l2 * w @ w, 2 * l2 * w
        for X, y in head:
            s = X @ w
            e = np.exp(s - s.max())
            prob = e / e.sum()
            total -= np.log(prob[y] + 1e-12)
            grad -= X[y] - prob @ X
        return total, grad

    wh = minimize(head_loss, np.zeros(n_f), jac=True, method="L-BFGS-B").x
    rows = [(p["X"][p["byline_ok"]], (np.arange(len(p["X"])) == (p["y_b"] if p["y_b"] is not None else -1))[p["byline_ok"]])
            for p in pages if p["byline_ok"].any()]
    Xb = np.vstack([r[0] for r in rows])
    yb = np.concatenate([r[1] for r in rows]).astype(float)

    def byline_loss(w):
        z = Xb @ w
        p = 1 / (1 + np.exp(-z))
        total = -np.sum(yb * np.log(p + 1e-12) + (1 - yb) * np.log(1 - p + 1e-12)) + l2 * w @ w
        return total, Xb.T @ (p - yb) + 2 * l2 * w

    wb = minimize(byline_loss, np.zeros(n_f), jac=True, method="L-BFGS-B").x
    w = {"headline": wh, "byline": wb, "headline_min": -np.inf, "byline_min": 0.0}
    # the byline threshold (log-odds a line must pass), chosen on the same pages: the one whose
    # joint picks get most pages' headline and byline (or no byline) both right
    w["byline_min"] = max(BYLINE_MINS, key=lambda m: (joint_right(pages, {**w, "byline_min": m}), -abs(m)))
    return w


BYLINE_MINS = (-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0)


def joint_right(pages: list[dict], w: dict) -> int:
    n = 0
    for p in pages:
        t, b = roles.pick(p["X"], p["title_ok"], p["byline_ok"], w)
        n += (t == p["y_t"]) + (b == p["y_b"])
    return n


def line_accuracy(pages: list[dict], w: dict) -> tuple[float, float]:
    """Share of pages whose picked headline / byline (or no byline) is the true line."""
    t_ok = b_ok = 0
    for p in pages:
        t, b = roles.pick(p["X"], p["title_ok"], p["byline_ok"], w)
        t_ok += t is not None and t == p["y_t"]
        b_ok += b == p["y_b"] if p["byline_ok"].any() else 0
    n_b = sum(1 for p in pages if p["byline_ok"].any())
    return t_ok / max(1, len(pages)), b_ok / max(1, n_b)


def run_with(cases: list[dict], w: dict) -> dict:
    """The pipeline's predictions on `cases` with the weights `w` (as folds.py computes them)."""
    real = roles.weights
    roles.weights = lambda names: w
    try:
        return {c["id"]: _newsclean(c, "nc_text" if c["set"] == ARABIC else "nc_text_nourl") for c in cases}
    finally:
        roles.weights = real


def score(sc: Scorer, set_name: str, cases: list[dict], preds: dict) -> dict:
    if set_name == ARABIC:
        a = sc.arabic(cases, preds)
        return {"title": a["title"], "person_found": a["person_found"], "author_found": a["author_found"],
                "core_recall": a["core_recall"]}
    m = sc.meta_summary(cases, preds)
    return {"title": m["title"], "authors": m["authors"], "date": m["date"]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", default=str(EVAL))
    ap.add_argument("--sets", default=f"{ARABIC},metadata,modern")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--write", action="store_true", help="save the weights fitted on all pages to pipeline/roles.json")
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    eval_dir = Path(args.eval)
    sets = args.sets.split(",")
    cases = {s: load_cases(s, eval_dir) for s in sets}
    t0 = time.time()
    pages = [p for s in sets for p in collect(cases[s])]
    print(f"{len(pages)} pages collected in {time.time() - t0:.0f} s; with the true headline among the candidates: "
          + ", ".join(f"{s} {sum(p['y_t'] is not None for p in pages if p['set'] == s)}/{sum(p['set'] == s for p in pages)}"
                      for s in sets)
          + "; true byline among them: "
          + ", ".join(f"{s} {sum(p['y_b'] is not None for p in pages if p['set'] == s)}" for s in sets))
    sc = Scorer(eval_dir)
    out: dict = {"held_out": {}, "all": {}}
    for s in sets:
        k = max(c["fold"] for c in cases[s]) + 1
        preds, folds = {}, []
        for f in range(k):
            # never a page of this fold's sites: other folds of this set; the other sets' pages, except
            # the same fold of a set that shares its site folds (metadata/ and modern/)
            train = [p for p in pages if not (p["fold"] == f and (p["set"] == s or (s != ARABIC and p["set"] != ARABIC)))]
            w = fit(train, args.l2)
            test_cases = [c for c in cases[s] if c["fold"] == f]
            p_f = run_with(test_cases, w)
            preds.update(p_f)
            acc = line_accuracy([p for p in pages if p["set"] == s and p["fold"] == f], w)
            folds.append({**score(sc, s, test_cases, p_f), "title_line": acc[0], "byline_line": acc[1]})
            print(f"  {s} fold {f} ({len(test_cases)} pages) held out, byline_min {w['byline_min']}: "
                  + json.dumps({a: round(b, 3) for a, b in folds[-1].items()}))
        out["held_out"][s] = {"folds": folds, "pooled": score(sc, s, cases[s], preds)}
        print(f"{s} held-out folds pooled: " + json.dumps({a: round(b, 3) for a, b in out["held_out"][s]["pooled"].items()}))
    w = fit(pages, args.l2)
    for s in sets:
        out["all"][s] = score(sc, s, cases[s], run_with(cases[s], w))
        print(f"{s} all pages, weights fitted on all pages (in-sample): " + json.dumps({a: round(b, 3) for a, b in out["all"][s].items()}))
    print("largest weights (headline | byline):")
    for n in np.argsort(-np.abs(w["headline"]) - np.abs(w["byline"]))[:20]:
        print(f"  {H.HEADER_FEATURES[n]:22s} {w['headline'][n]:+.2f} {w['byline'][n]:+.2f}")
    if args.write:
        roles.WEIGHTS_FILE.write_text(json.dumps({
            "fitted": f"benchmarks/train_roles.py --sets {args.sets} --l2 {args.l2}",
            "features": list(H.HEADER_FEATURES),
            "headline": [round(float(v), 4) for v in w["headline"]], "byline": [round(float(v), 4) for v in w["byline"]],
            "headline_min": -1e9 if not np.isfinite(w["headline_min"]) else w["headline_min"], "byline_min": w["byline_min"],
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {roles.WEIGHTS_FILE}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1, default=float))


if __name__ == "__main__":
    main()
