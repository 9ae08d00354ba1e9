"""Body-extraction quality on ../shared/eval/dev: newsclean's text and HTML paths beside trafilatura.

    python benchmarks/quality.py [--eval ../shared/eval] [--write-md] [--out DIR]

Writes one predicted body per page into OUT/{text,html,trafilatura}/<id>.txt, scores each with the
evaluation's own score.py (4-gram shingle P/R/F1, the article-extraction benchmark's metric), and
prints the table and the ten worst pages of each path. --write-md replaces the quality section of
BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import json
import importlib.util
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _run_page(args):
    from pipeline.extract import TRAFILATURA_OPTIONS
    from pipeline.process import process_article
    from pipeline.record import Article
    import trafilatura

    case_dir, case_id, url = args
    html = (case_dir / f"{case_id}.html").read_text(encoding="utf-8", errors="replace")
    txt = (case_dir / f"{case_id}.txt").read_text(encoding="utf-8", errors="replace")
    out = {}
    a = process_article(Article(f"{case_id}.txt", "text", raw=txt, url=url))
    out["text"] = "" if a.reject else a.body_text()
    a = process_article(Article(f"{case_id}.html", "html", raw=html, url=url))
    out["html"] = "" if a.reject else a.body_text()
    out["trafilatura"] = trafilatura.extract(html, url=url, **TRAFILATURA_OPTIONS) or ""
    return case_id, out


def score(eval_dir: Path, pred: Path) -> dict:
    """The evaluation's own scorer, imported from its file (standard library only)."""
    spec = importlib.util.spec_from_file_location("eval_score", eval_dir / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score_dirs(pred, eval_dir / "dev")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--out", default="/tmp/newsclean-quality")
    ap.add_argument("--write-md", action="store_true")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    eval_dir, out = Path(args.eval), Path(args.out)
    dev = eval_dir / "dev"
    cases = []
    for j in sorted(dev.glob("*.json")):
        d = json.loads(j.read_text())
        if "body" in d:
            cases.append((dev, d["id"], d.get("url")))
    for sub in ("text", "html", "trafilatura"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(args.workers) as ex:
        for case_id, res in ex.map(_run_page, cases, chunksize=4):
            for sub, body in res.items():
                (out / sub / f"{case_id}.txt").write_text(body, encoding="utf-8")
    rows = {}
    for sub in ("text", "html", "trafilatura"):
        rows[sub] = score(eval_dir, out / sub)
    for k, v in rows.items():
        s = v["summary"]
        print(f"{k:12s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  page-F1 {s['mean_page_f1']:.3f}")
    for k in ("text", "html"):
        worst = sorted(rows[k]["pages"], key=lambda r: r.get("f1") or 0)[:10]
        print(f"worst {k}:", " ".join(f"{r['id'][:8]}:{(r.get('f1') or 0):.2f}(P{(r.get('precision') or 0):.2f},R{(r.get('recall') or 0):.2f})" for r in worst))


if __name__ == "__main__":
    main()
