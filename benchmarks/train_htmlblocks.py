"""A learned body/boilerplate call on the HTML path's kept lines, by site folds (issue 23, part 3).

    python benchmarks/train_htmlblocks.py [--data /tmp/htmlblocks-data.pkl] [--recollect]

1. Every page of eval/dev and eval/modern through `process_article` (the shipped HTML path): the
   lines trafilatura kept and the post-cleaner left, their features (benchmarks/htmlblocks.py:
   length, punctuation, capitals, position, and from the page's markup the block's tag, link
   share, ancestors' tags and class/id words, whether it lies in the article's container) and a
   label: body when half the line's 4-word shingles are in the page's true body or its words are
   a run of the true body's words. Cached in --data.
2. The protocol of benchmarks/folds.py: for each fold (the same site folds), a logistic regression
   (L2, scipy) fitted on the other folds' lines and its threshold chosen on those folds' pages
   (body F1 per set, averaged over dev/ and modern/; threshold 0 = the model off), then scored on
   the held-out fold. Prints per set and fold the held-out F1 beside the HTML path as shipped.
"""
from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import folds as F  # noqa: E402

SETS = ("dev", "modern")
THRESHOLDS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
L2 = 1.0


def collect(out: Path) -> dict:
    import htmlblocks as H
    from newsclean.pipeline.extract import drop_inert, parse_html
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    sc = F.Scorer(F.EVAL)
    pages = []
    for s in SETS:
        for c in F.load_cases(s, F.EVAL):
            a = Article(c["id"] + ".html", "html", raw=F._read_html(c["html"]), url=c["url"])
            process_article(a)
            tree = parse_html(a.raw)  # the tree as trafilatura gets it
            blocks = {}
            if tree is not None:
                drop_inert(tree)
                blocks = H.index(tree)
            kept = [] if a.reject else [ln for ln in a.lines if ln.reason is None]
            X = H.features(kept, blocks) if kept else np.zeros((0, H.N_FEATURES))
            gold = c["gold"]["body"] or ""
            gs = sc.body.shingles(sc.body.tokenize(gold))
            gj = " " + " ".join(sc.body.tokenize(gold)) + " "
            y, w = [], []
            for ln in kept:
                ls = sc.body.shingles(sc.body.tokenize(ln.text))
                n = sum(ls.values())
                hit = sum(min(v, gs.get(k, 0)) for k, v in ls.items())
                y.append(1 if n == 0 or hit / n >= 0.5 or f" {' '.join(sc.body.tokenize(ln.text))} " in gj else 0)
                w.append(max(1, n))
            pages.append({"id": f"{s}/{c['id']}", "set": s, "fold": c["fold"], "gold": gold,
                          "lines": [ln.text for ln in kept], "X": X, "y": np.array(y), "w": np.array(w, float),
                          "reject": bool(a.reject)})
        print(f"# {s}: collected", file=sys.stderr)
    data = {"pages": pages}
    out.write_bytes(pickle.dumps(data))
    return data


def fit(X: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = L2):
    from scipy.optimize import minimize

    mean = X.mean(0)
    scale = X.std(0)
    scale[scale == 0] = 1.0
    Z = np.hstack([(X - mean) / scale, np.ones((len(X), 1))])
    w = w / w.mean()

    def loss(b):
        z = Z @ b
        p = 1 / (1 + np.exp(-z))
        ll = np.sum(w * (np.logaddexp(0, z) - y * z)) / len(y) + l2 * np.sum(b[:-1] ** 2) / len(y)
        g = Z.T @ (w * (p - y)) / len(y)
        g[:-1] += 2 * l2 * b[:-1] / len(y)
        return ll, g

    r = minimize(loss, np.zeros(Z.shape[1]), jac=True, method="L-BFGS-B")
    return mean, scale, r.x


def probs(model, X):
    mean, scale, b = model
    return 1 / (1 + np.exp(-(((X - mean) / scale) @ b[:-1] + b[-1])))


def page_rows(sc, pages, p_of, thr):
    """score.py rows of each page with the lines under `thr` dropped (all kept if that empties it)."""
    rows = []
    for pg in pages:
        p = p_of[pg["id"]]
        keep = [t for t, q in zip(pg["lines"], p) if q >= thr]
        if not keep:
            keep = pg["lines"]
        tp, fp, fn, _, _ = sc.body.page_counts("\n\n".join(keep), pg["gold"])
        rows.append({**sc.body.page_scores(tp, fp, fn), "exact": False, "set": pg["set"], "fold": pg["fold"]})
    return rows


def set_mean(sc, rows):
    return float(np.mean([sc.body_f1([r for r in rows if r["set"] == s]) for s in SETS]))


def run(data: dict, l2: float = L2, k: int = F.K) -> None:
    sc = F.Scorer(F.EVAL)
    pages = data["pages"]
    held: list[dict] = []
    base: list[dict] = []
    chosen = []
    for f in range(k):
        train = [pg for pg in pages if pg["fold"] != f]
        test = [pg for pg in pages if pg["fold"] == f]
        X = np.vstack([pg["X"] for pg in train])
        y = np.concatenate([pg["y"] for pg in train])
        w = np.concatenate([pg["w"] for pg in train])
        m = fit(X, y, w, l2)
        p_tr = {pg["id"]: probs(m, pg["X"]) for pg in train}
        thr = max(THRESHOLDS, key=lambda t: set_mean(sc, page_rows(sc, train, p_tr, t)))
        chosen.append(thr)
        p_te = {pg["id"]: probs(m, pg["X"]) for pg in test}
        held += page_rows(sc, test, p_te, thr)
        base += page_rows(sc, test, p_te, 0.0)
    print(f"thresholds chosen on the training folds: {chosen}")
    for s in SETS:
        b = [sc.body_f1([r for r in base if r["set"] == s and r["fold"] == f]) for f in range(k)]
        h = [sc.body_f1([r for r in held if r["set"] == s and r["fold"] == f]) for f in range(k)]
        print(f"{s:7s} model off  " + " ".join(f"{x:.4f}" for x in b) + f"  all {sc.body_f1([r for r in base if r['set'] == s]):.4f}")
        print(f"{s:7s} held-out   " + " ".join(f"{x:.4f}" for x in h) + f"  all {sc.body_f1([r for r in held if r['set'] == s]):.4f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/tmp/htmlblocks-data.pkl")
    ap.add_argument("--recollect", action="store_true")
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--unweighted", action="store_true", help="every line weighs 1 (default: its shingles)")
    args = ap.parse_args()
    p = Path(args.data)
    data = pickle.loads(p.read_bytes()) if p.exists() and not args.recollect else collect(p)
    if args.unweighted:
        for pg in data["pages"]:
            pg["w"] = np.ones(len(pg["y"]))
    run(data, args.l2)


if __name__ == "__main__":
    main()
