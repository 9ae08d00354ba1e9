"""The text cleaner's position prior (the constant with the most effect), chosen by site folds.

    python benchmarks/cv_sites.py [--eval ../shared/eval] [--sets dev,modern]

The protocol of benchmarks/folds.py: pages split by site into 5 folds; for each fold, the
POSITION_DECAY best on the other four (body F1 per set, averaged over the sets) is scored on it.
Prints the value chosen per fold, the held-out F1 per set beside the value in the code, and each
value's F1 on all pages.
"""
import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import newsclean.pipeline.clean as C  # noqa: E402
from folds import EVAL, Scorer, load_cases, select  # noqa: E402
from newsclean.pipeline.process import process_article  # noqa: E402
from newsclean.pipeline.record import Article  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--eval", default=str(EVAL))
ap.add_argument("--sets", default="dev,modern")
args = ap.parse_args()
sc = Scorer(Path(args.eval))
cases = [c for s in args.sets.split(",") for c in load_cases(s, Path(args.eval))]
texts = {id(c): Path(c["txt"]).read_text(encoding="utf-8", errors="replace") for c in cases}
shipped = C.POSITION_DECAY
grid = sorted({0.0, 0.5, 0.7, 0.8, 0.9, shipped})
cands = {}
for g in grid:
    C.POSITION_DECAY = g
    C.clear_caches()
    rows = {}
    for c in cases:
        a = process_article(Article(c["id"] + ".txt", "text", raw=texts[id(c)], url=c["url"]))
        r = sc.body_rows([c], {c["id"]: {"body": "" if a.reject else a.body_text()}})[c["id"]]
        rows[f"{c['set']}/{c['id']}"] = {**r, "set": c["set"]}
    cands[g] = rows
C.POSITION_DECAY = shipped
for c in cases:
    c["id"] = f"{c['set']}/{c['id']}"


def pool(rows):
    by = {}
    for r in rows:
        by.setdefault(r["set"], []).append(r)
    return sum(sc.body_f1(v) for v in by.values()) / len(by)


chosen, held = select(cases, 5, cands, pool)
print("chosen per fold", chosen, f"held-out mean set F1 {held:.4f}; the code's {shipped} everywhere {pool(list(cands[shipped].values())):.4f}")
for s in args.sets.split(","):
    out = []
    for f, g in enumerate(chosen):
        out += [cands[g][c["id"]] for c in cases if c["fold"] == f and c["set"] == s]
    print(f"{s}: held-out with the fold-chosen value {sc.body_f1(out):.4f}; with {shipped}: "
          f"{sc.body_f1([r for r in cands[shipped].values() if r['set'] == s]):.4f}")
for g in grid:
    print(f"POSITION_DECAY {g}: " + ", ".join(f"{s} {sc.body_f1([r for r in cands[g].values() if r['set'] == s]):.4f}"
                                             for s in args.sets.split(",")))
