"""Every metadata candidate the HTML path sees, per page, beside the gold: the input for classifying
misses and for fitting the metadata choices on site folds (benchmarks/train_meta.py).

    python benchmarks/meta_candidates.py [--sets metadata,modern] [--out /tmp/nc-meta-cands.jsonl]

One JSON line per page: id, set, fold, site, url, gold (title, authors, date), newsclean's answer
(title, authors, date, date_source) and `html_meta` (og:title, <title>, <h1>s, JSON-LD headline,
<meta> and JSON-LD dates, htmldate's, the printed lines...). Uses folds.py's cases and folds.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import folds  # noqa: E402


def one(case: dict) -> dict:
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    a = Article(case["id"] + ".html", "html", raw=folds._read_html(case["html"]), url=case["url"])
    process_article(a)
    meta = {k: v for k, v in a.html_meta.items() if k not in ("figcaptions", "page_lines")}
    g = case["gold"]
    return {"id": case["id"], "set": case["set"], "fold": case["fold"], "site": case["site"], "url": case["url"],
            "gold": {"title": g.get("title"), "authors": g.get("authors"), "date": g.get("date")},
            "pred": {"title": a.title, "authors": list(a.authors),
                     "date": str(a.published_date) if a.published_date else None, "date_source": a.date_source},
            "meta": meta}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="metadata,modern")
    ap.add_argument("--out", default="/tmp/nc-meta-cands.jsonl")
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8") as fh:
        for s in args.sets.split(","):
            for c in folds.load_cases(s, folds.EVAL):
                if c["html"]:
                    fh.write(json.dumps(one(c), ensure_ascii=False, default=str) + "\n")


if __name__ == "__main__":
    main()
