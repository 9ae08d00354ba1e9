"""Fit the text path's line model (pipeline/linemodel.py) on site folds and report held-out body F1.

    python benchmarks/train_lines.py [--l2 1.0] [--weights 0,0.5,1,2,3] [--write]

Each text dump of dev/ and modern/ runs through the pipeline with the model off; at the first
body-span selection, every kept line's feature row (linemodel.FEATURES) is recorded with its label:
the line is found in the page's true body (a line of under 4 words only when a neighbour is found
too, so that "Home" or "Share" in a body's prose do not label menus). arabic_dumps is not used
for fitting (evaluation only; its folds are the model's unseen newspapers and menus).

A logistic model (L2, scipy's L-BFGS) is fitted per fold on the other folds; the weight of its
log-odds in the span score (LINE_WEIGHT) is chosen on the other folds too, by running the
pipeline with each candidate weight (the protocol's select(): body F1 per set, averaged over the
sets); each fold is then scored with its own fit and weight. `--write` fits on all pages, picks
the weight on all pages and writes pipeline/line_weights.json.
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

SETS = ("dev", "modern")


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def collect() -> tuple[list[dict], list[dict]]:
    import newsclean.pipeline.clean as C
    import newsclean.pipeline.linemodel as LM
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    LM.MODEL = None
    cases, pages = [], []
    real = C.select_body
    for s in SETS:
        for c in folds.load_cases(s, folds.EVAL):
            c["key"] = f"{s}/{c['id']}"
            cases.append(c)
            seen = []

            def spy(art, feats, doc_script=None):
                if not seen:
                    seen.append((LM.rows(art.lines, feats, doc_script), [ln.text for ln in art.lines],
                                 [ln.kept for ln in art.lines]))
                return real(art, feats, doc_script)

            C.select_body = spy
            try:
                raw = Path(c["txt"]).read_text(encoding="utf-8", errors="replace")
                process_article(Article(c["id"] + ".txt", "text", raw=raw, url=c["url"]))
            finally:
                C.select_body = real
            if not seen:
                continue
            X, texts, kept = seen[0]
            truth = _norm(c["gold"]["body"] or "")
            inb = [_norm(t) in truth for t in texts]
            y = [inb[i] and (len(t.split()) >= 4 or (i > 0 and inb[i - 1]) or (i + 1 < len(texts) and inb[i + 1]))
                 for i, t in enumerate(texts)]
            idx = [i for i in range(len(texts)) if kept[i]]
            pages.append({"key": c["key"], "set": s, "fold": c["fold"], "X": X[idx], "y": np.asarray(y, float)[idx]})
    return cases, pages


def fit(pages: list[dict], l2: float) -> np.ndarray:
    from scipy.optimize import minimize

    X = np.concatenate([p["X"] for p in pages])
    y = np.concatenate([p["y"] for p in pages])

    def loss(w):
        z = X @ w
        ll = np.logaddexp(0, z) - y * z
        g = X.T @ (1 / (1 + np.exp(-z)) - y)
        reg = np.concatenate([[0.0], w[1:]])
        return ll.sum() + 0.5 * l2 * reg @ reg, g + l2 * reg

    return minimize(loss, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 1000}).x


def body_rows(cases: list[dict], model) -> dict[str, dict]:
    """score.py's page rows for every case, the pipeline run with `model` ((weights, line weight) or None)."""
    import newsclean.pipeline.linemodel as LM
    from newsclean.pipeline.clean import clear_caches
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    LM.MODEL = model
    clear_caches()
    sc = folds.Scorer(folds.EVAL)
    out = {}
    for c in cases:
        raw = Path(c["txt"]).read_text(encoding="utf-8", errors="replace")
        a = process_article(Article(c["id"] + ".txt", "text", raw=raw, url=c["url"]))
        tp, fp, fn, pt, tt = sc.body.page_counts("" if a.reject else a.body_text(), c["gold"]["body"] or "")
        out[c["key"]] = {**sc.body.page_scores(tp, fp, fn), "exact": pt == tt, "set": c["set"]}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--weights", default="0,1,2,4,8")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    from newsclean.pipeline.linemodel import FEATURES, WEIGHTS_FILE

    sc = folds.Scorer(folds.EVAL)
    pool = folds._set_mean_f1(sc)
    cases, pages = collect()
    grid = [float(x) for x in args.weights.split(",")]
    k = folds.K
    held: dict[str, dict] = {}
    base = body_rows(cases, None)  # the rules alone (weight 0)
    for f in range(k):
        w = fit([p for p in pages if p["fold"] != f], args.l2)
        train = [c for c in cases if c["fold"] != f]
        runs = {lam: body_rows(cases, (w, lam)) if lam else base for lam in grid}
        best = max(grid, key=lambda lam: pool([runs[lam][c["key"]] for c in train]))
        print(f"fold {f}: weight chosen on the other folds {best}; "
              + " ".join(f"{lam}:{pool([runs[lam][c['key']] for c in train]):.4f}" for lam in grid), flush=True)
        held.update({c["key"]: runs[best][c["key"]] for c in cases if c["fold"] == f})
    for s in SETS:
        cs = [c for c in cases if c["set"] == s]
        per = lambda rows: " ".join(f"{sc.body_f1([rows[c['key']] for c in cs if c['fold'] == f]):.3f}" for f in range(k))  # noqa: E731
        print(f"{s:7s} rules     {per(base)}  all {sc.body_f1([base[c['key']] for c in cs]):.4f}")
        print(f"{s:7s} held-out  {per(held)}  all {sc.body_f1([held[c['key']] for c in cs]):.4f}")
    if args.write:
        w = fit(pages, args.l2)
        runs = {lam: body_rows(cases, (w, lam)) if lam else base for lam in grid}
        best = max(grid, key=lambda lam: pool(list(runs[lam].values())))
        print("all pages: " + " ".join(f"{lam}:{pool(list(runs[lam].values())):.4f}" for lam in grid) + f" -> {best}")
        for name, x in sorted(zip(FEATURES, w), key=lambda t: -abs(t[1])):
            print(f"  {name:20s} {x:+.3f}")
        WEIGHTS_FILE.write_text(json.dumps({
            "about": "pipeline/linemodel.py: logistic model, body line vs not, over a text dump's kept lines; fitted by "
                     f"benchmarks/train_lines.py on dev/ and modern/ (L2 {args.l2}); line_weight: the log-odds' weight "
                     "in the body span's score",
            "features": list(FEATURES), "weights": [round(float(x), 4) for x in w], "line_weight": best}, indent=1) + "\n",
            encoding="utf-8")
        print("wrote", WEIGHTS_FILE)


if __name__ == "__main__":
    main()
