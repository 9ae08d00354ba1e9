"""The text cleaner's constants, chosen by site folds.

    python benchmarks/cv_sites.py [--eval ../shared/eval] [--sets dev,modern]
                                  [--grid NAME=V1,V2,... [NAME=...]]

The protocol of benchmarks/folds.py: pages split by site into 5 folds; for each fold, the
setting best on the other four (body F1 per set, averaged over the sets) is scored on it.
`--grid` names pipeline/clean.py constants and the values to try (every combination is one
candidate; `None` is a value); without it, POSITION_DECAY over 0.0-0.9. Prints the setting chosen
per fold, the held-out F1 per set beside the code's setting, and each setting's F1 on all pages.
"""
import argparse
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import newsclean.pipeline.clean as C  # noqa: E402
from folds import EVAL, Scorer, select  # noqa: E402
from textbody import load, run, set_constants  # noqa: E402


def parse_grid(specs: list[str]) -> tuple[list[str], list[tuple]]:
    """["A=1,2", "B=None,3"] -> (["A", "B"], every combination, the code's values included)."""
    names, axes = [], []
    for spec in specs:
        name, values = spec.split("=", 1)
        names.append(name)
        vals = [eval(v) for v in values.split(",")]  # noqa: S307 - numbers from the command line
        axes.append(list(dict.fromkeys([*vals, getattr(C, name)])))
    return names, list(itertools.product(*axes))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", default=str(EVAL))
    ap.add_argument("--sets", default="dev,modern")
    ap.add_argument("--grid", nargs="*", default=["POSITION_DECAY=0.0,0.5,0.7,0.8,0.9"])
    args = ap.parse_args()
    sets = args.sets.split(",")
    sc = Scorer(Path(args.eval))
    cases = load(sets, Path(args.eval))
    names, combos = parse_grid(args.grid)
    shipped = tuple(getattr(C, n) for n in names)
    cands = {}
    for combo in combos:
        old = set_constants(dict(zip(names, combo)))
        cands[combo] = run(cases, sc)
        set_constants(old)

    def pool(rows):
        by = {}
        for r in rows:
            by.setdefault(r["set"], []).append(r)
        return sum(sc.body_f1(v) for v in by.values()) / len(by)

    label = lambda combo: " ".join(f"{n}={v}" for n, v in zip(names, combo))  # noqa: E731
    chosen, held = select(cases, 5, cands, pool)
    print("chosen per fold:", "; ".join(label(c) for c in chosen))
    print(f"held-out mean set F1 {held:.4f}; the code's setting everywhere {pool(list(cands[shipped].values())):.4f}")
    for s in sets:
        out = []
        for f, combo in enumerate(chosen):
            out += [cands[combo][c["id"]] for c in cases if c["fold"] == f and c["set"] == s]
        print(f"{s}: held-out with the fold-chosen setting {sc.body_f1(out):.4f}; with the code's "
              f"({label(shipped)}): {sc.body_f1([r for r in cands[shipped].values() if r['set'] == s]):.4f}")
    for combo in combos:
        print(f"{label(combo)}: " + ", ".join(f"{s} {sc.body_f1([r for r in cands[combo].values() if r['set'] == s]):.4f}"
                                              for s in sets))


if __name__ == "__main__":
    main()
