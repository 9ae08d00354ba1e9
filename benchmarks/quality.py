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
import re
import time
from collections import Counter
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _run_page(args):
    from newsclean.pipeline.extract import TRAFILATURA_OPTIONS
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article
    import trafilatura

    case_dir, case_id, url = args
    html = (case_dir / f"{case_id}.html").read_text(encoding="utf-8", errors="replace")
    txt = (case_dir / f"{case_id}.txt").read_text(encoding="utf-8", errors="replace")
    truth = _norm(json.loads((case_dir / f"{case_id}.json").read_text())["body"])
    out, why = {}, {}
    for path, raw in (("text", txt), ("html", html)):
        a = process_article(Article(f"{case_id}.{path}", path, raw=raw, url=url))
        out[path] = "" if a.reject else a.body_text()
        lost = Counter(ln.reason for ln in a.lines if ln.reason and len(ln.text.split()) > 3 and _norm(ln.text) in truth)
        extra = [ln.text for ln in a.lines if ln.reason is None and _norm(ln.text) not in truth]
        why[path] = {"lost_by_reason": dict(lost.most_common(3)), "kept_not_body": len(extra),
                     "example": (extra[0][:70] if extra else ""), "reject": a.reject[0] if a.reject else None}
    out["trafilatura"] = trafilatura.extract(html, url=url, **TRAFILATURA_OPTIONS) or ""
    return case_id, out, why


def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


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
    whys = {}
    with ProcessPoolExecutor(args.workers) as ex:
        for case_id, res, why in ex.map(_run_page, cases, chunksize=4):
            whys[case_id] = why
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
        print(f"worst {k}:", " ".join(f"{r['id'][:8]}:{(r.get('f1') or 0):.2f}" for r in worst))
    if args.write_md:
        write_md(rows, whys, eval_dir)


def _page_f1(r: dict) -> float:
    p, rc = r.get("precision") or 0.0, r.get("recall") or 0.0
    return 2 * p * rc / (p + rc) if p + rc else 0.0


def write_md(rows: dict, whys: dict, eval_dir: Path) -> None:
    import os

    lines = [f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores with "
             f"`python benchmarks/quality.py --write-md` ({rows['text']['summary']['pages']} pages of "
             f"{eval_dir}/dev, scored by its score.py: word 4-gram shingles, P and R averaged over pages, "
             "F1 of the means).", "",
             "| run | P | R | F1 | mean page F1 |", "|---|---|---|---|---|"]
    names = {"text": "newsclean, text path (`.txt` dumps)", "html": "newsclean, HTML path (`.html` pages)",
             "trafilatura": "trafilatura 2.3.1 alone, newsclean's settings (comments off, recall mode)"}
    for k in ("text", "html", "trafilatura"):
        s = rows[k]["summary"]
        lines.append(f"| {names[k]} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['mean_page_f1']:.3f} |")
    lines += ["| reference: the raw `.txt` dump, uncleaned (eval README) | 0.545 | 0.993 | 0.704 | |",
              "| reference: trafilatura `extract(html)` defaults (eval README) | 0.931 | 0.986 | 0.958 | |",
              "| reference: best published extractor on the benchmark (Zyte AutoExtract) | | | 0.970 | |", ""]
    for k in ("text", "html"):
        lines += [f"Ten worst pages, {k} path (diagnosis from the removed / kept lines against the truth):", "",
                  "| page | F1 | P | R | why |", "|---|---|---|---|---|"]
        for r in sorted(rows[k]["pages"], key=_page_f1)[:10]:
            w = whys[r["id"]][k]
            if w["reject"]:
                why = f"rejected: {w['reject']}"
            elif (r.get("recall") or 0) < (r.get("precision") or 0):
                why = "body lines removed as " + ", ".join(f"{c} ({n})" for c, n in w["lost_by_reason"].items()) \
                    if w["lost_by_reason"] else ("part of the body not extracted by trafilatura" if k == "html"
                                                 else "body lines outside the chosen span or merged")
            else:
                why = f"kept {w['kept_not_body']} non-body lines, e.g. \"{w['example']}\""
            lines.append(f"| {r['id'][:12]} | {_page_f1(r):.2f} | {(r.get('precision') or 0):.2f} | "
                         f"{(r.get('recall') or 0):.2f} | {why.replace('|', '/')} |")
        lines.append("")
    replace_section(ROOT / "BENCHMARKS.md", "quality", "\n".join(lines))


def replace_section(path: Path, name: str, body: str) -> None:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = path.read_text() if path.exists() else ""
    block = f"{start}\n{body}\n{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text)


if __name__ == "__main__":
    main()
