"""Text-dump body F1 per site fold, fast: the text path alone, in one process, no cache.

    python benchmarks/textbody.py [--sets dev,modern] [--set NAME=VALUE ...] [--losses [N]]

Runs `process_article` on every dump of the sets (with the URL, as folds.py's `nc_text`) and scores
the body with score.py, per fold of benchmarks/folds.py, then all pages. `--set` overrides a
constant of pipeline/clean.py for the run (POSITION_DECAY=0.7). `--losses N`: the N pages losing
most F1, and the loss classes over all pages: words of true-body lines removed, by reason (recall),
and words of kept lines not in the true body, by where they stand (precision).

Used by benchmarks/cv_sites.py (`run`, `set_constants`) to choose constants by folds.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import newsclean.pipeline.clean as C  # noqa: E402
from folds import EVAL, K, Scorer, load_cases  # noqa: E402
from newsclean.pipeline.process import process_article  # noqa: E402
from newsclean.pipeline.record import Article  # noqa: E402

_WORD = re.compile(r"\w+")


def load(sets: list[str], eval_dir: Path = EVAL) -> list[dict]:
    """Cases of the sets with their dump text; ids are "set/id" (unique across sets)."""
    cases = []
    for s in sets:
        for c in load_cases(s, eval_dir):
            c["text"] = Path(c["txt"]).read_text(encoding="utf-8", errors="replace")
            c["id"] = f"{s}/{c['id']}"
            cases.append(c)
    return cases


def set_constants(values: dict[str, object]) -> dict[str, object]:
    """Set pipeline/clean.py constants; returns the previous values (to restore)."""
    old = {k: getattr(C, k) for k in values}
    for k, v in values.items():
        setattr(C, k, v)
    C.clear_caches()
    return old


def run(cases: list[dict], sc: Scorer, keep_articles: bool = False) -> dict[str, dict]:
    """{case id: score.py's page row + set, fold (and the Article when keep_articles)}."""
    rows = {}
    for c in cases:
        a = process_article(Article(c["id"].split("/")[-1] + ".txt", "text", raw=c["text"], url=c["url"]))
        body = "" if a.reject else a.body_text()
        r = sc.body_rows([c], {c["id"]: {"body": body}})[c["id"]]
        r.update(set=c["set"], fold=c["fold"])
        if keep_articles:
            r["article"] = a
        rows[c["id"]] = r
    return rows


def fold_table(rows: dict[str, dict], sc: Scorer, sets: list[str], k: int = K) -> dict[str, tuple[list[float], float]]:
    out = {}
    for s in sets:
        rs = [r for r in rows.values() if r["set"] == s]
        out[s] = ([sc.body_f1([r for r in rs if r["fold"] == f]) for f in range(k)], sc.body_f1(rs))
    return out


def _norm(t: str) -> str:
    return " ".join(_WORD.findall(t.lower()))


def loss_classes(cases: list[dict], rows: dict[str, dict]) -> tuple[Counter, Counter]:
    """Words lost (true-body lines removed, by reason) and words added (kept lines whose text is
    not in the true body, by place: 'header side' = before the first kept true line, 'footer side'
    after the last, 'inside'); a line counts as true body when its normalised text is in the gold."""
    lost, added = Counter(), Counter()
    for c in cases:
        a = rows[c["id"]]["article"]
        gold = _norm(c["gold"]["body"] or "")
        truth = [bool(n) and n in gold for n in (_norm(ln.text) for ln in a.lines)]
        kept_true = [i for i, ln in enumerate(a.lines) if ln.reason is None and truth[i]]
        lo, hi = (kept_true[0], kept_true[-1]) if kept_true else (len(a.lines), -1)
        for i, ln in enumerate(a.lines):
            w = len(_WORD.findall(ln.text))
            if ln.reason is not None and truth[i] and w >= 3:
                lost[ln.reason] += w
            elif ln.reason is None and not truth[i]:
                added["header side" if i < lo else "footer side" if i > hi else "inside"] += w
    return lost, added


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", default=str(EVAL))
    ap.add_argument("--sets", default="dev,modern")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--losses", type=int, nargs="?", const=25, default=0)
    args = ap.parse_args()
    sets = args.sets.split(",")
    set_constants({k: eval(v) for k, v in (s.split("=", 1) for s in args.set)})  # noqa: S307 - numbers from the CLI
    sc = Scorer(Path(args.eval))
    cases = load(sets, Path(args.eval))
    rows = run(cases, sc, keep_articles=bool(args.losses))
    for s, (folds, overall) in fold_table(rows, sc, sets).items():
        rs = [r for r in rows.values() if r["set"] == s]
        agg = sc.body.aggregate(rs)
        print(f"{s:8s} folds " + " ".join(f"{x:.4f}" for x in folds) + f"  all {overall:.4f}"
              f"  (P {agg['precision']:.4f} R {agg['recall']:.4f})")
    if args.losses:
        worst = sorted(rows.values(), key=lambda r: r["f1"] or 0.0)[:args.losses]
        for r in worst:
            print(f"  {r['id'][:28]:28s} f{r['fold']} F1 {r['f1'] or 0:.3f} P {r['precision'] or 0:.3f} R {r['recall'] or 0:.3f}")
        for s in sets:
            lost, added = loss_classes([c for c in cases if c["set"] == s], rows)
            print(f"{s}: true-body words removed, by reason: {lost.most_common(12)}")
            print(f"{s}: kept words not in the true body, by place: {added.most_common()}")


if __name__ == "__main__":
    main()
