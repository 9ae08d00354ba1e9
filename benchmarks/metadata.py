"""Metadata accuracy (title, exact author list, date) on ../shared/eval/metadata.

    python benchmarks/metadata.py [--eval ../shared/eval] [--only newsclean_html,newsclean_text]

Predictions for each system are written to OUT/<system>.jsonl and scored with the evaluation's
own score_metadata.py. Systems: newsclean on the HTML given with its URL (as a JSON Lines record
would carry it), newsclean on the text dump alone, trafilatura `bare_extraction(with_metadata)`
and htmldate `find_date(extensive_search=True, original_date=True, url=...)`.
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _predict(args):
    system, case_dir, case_id, url = args
    from newsclean.pipeline.decode import decode

    raw = gzip.open(case_dir / f"{case_id}.html.gz").read()
    if system == "newsclean_html":
        from newsclean.pipeline.process import process_article
        from newsclean.pipeline.record import Article

        html, _ = decode(raw, is_html=True)
        a = process_article(Article(case_id, "html", raw=html, url=url))
        return {"id": case_id, "title": a.title, "authors": a.authors, "date": str(a.published_date) if a.published_date else None}
    if system == "newsclean_text":
        from newsclean.pipeline.process import process_article
        from newsclean.pipeline.record import Article

        txt = (case_dir / f"{case_id}.txt").read_text(encoding="utf-8", errors="replace")
        a = process_article(Article(case_id, "text", raw=txt))
        return {"id": case_id, "title": a.title, "authors": a.authors, "date": str(a.published_date) if a.published_date else None}
    if system == "trafilatura":
        import trafilatura

        html, _ = decode(raw, is_html=True)
        d = trafilatura.bare_extraction(html, url=url, with_metadata=True)
        if d is None:
            return {"id": case_id}
        return {"id": case_id, "title": d.title, "authors": d.author.split("; ") if d.author else [], "date": d.date}
    if system == "htmldate":
        from htmldate import find_date

        html, _ = decode(raw, is_html=True)
        return {"id": case_id, "date": find_date(html, extensive_search=True, original_date=True, url=url)}
    raise ValueError(system)


SYSTEMS = ["newsclean_html", "newsclean_text", "trafilatura", "htmldate"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--out", default="/tmp/newsclean-metadata")
    ap.add_argument("--only", default=",".join(SYSTEMS))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--write-md", action="store_true")
    args = ap.parse_args()
    case_dir = Path(args.eval) / "metadata"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    cases = [json.loads(p.read_text()) for p in sorted(case_dir.glob("*.json"))]
    table = []
    for system in args.only.split(","):
        jobs = [(system, case_dir, c["id"], c["url"]) for c in cases]
        with ProcessPoolExecutor(args.workers) as ex:
            preds = list(ex.map(_predict, jobs, chunksize=8))
        pred_file = out / f"{system}.jsonl"
        pred_file.write_text("".join(json.dumps(p, ensure_ascii=False, default=str) + "\n" for p in preds))
        res = out / f"{system}.score.json"
        subprocess.run([sys.executable, str(Path(args.eval) / "score_metadata.py"), str(pred_file), str(case_dir),
                        "--json", str(res), "--details", str(out / f"{system}.details.jsonl")],
                       check=True, stdout=subprocess.DEVNULL)
        s = json.loads(res.read_text())
        o = s["overall"]
        print(f"{system:16s} title {o['title']['accuracy']}  authors {o['authors']['exact_set_accuracy']} "
              f"(name F1 {o['authors']['name_f1']}, no-au {o['no_author']['predicted_none']})  "
              f"date {o['date']['accuracy']} (±1 day {o['date']['within_1_day']})")
        table.append((system, o))
    if args.write_md:
        from quality import replace_section

        names = {"newsclean_html": "newsclean, HTML + URL (a JSONL record)", "newsclean_text": "newsclean, text dump alone",
                 "trafilatura": "trafilatura 2.3.1 `bare_extraction(with_metadata=True)`",
                 "htmldate": "htmldate 1.11 `find_date(extensive_search=True, original_date=True, url=...)`"}
        f = lambda v: "-" if v is None else f"{v:.3f}"
        lines = ["Measured with `python benchmarks/metadata.py --write-md` on the 545 pages of "
                 f"{args.eval}/metadata, scored by its score_metadata.py (title: exact after NFC/space/case folding; "
                 "authors: exact set; no-au: share of author-less pages predicted without author; date: same day).", "",
                 "| system | title | authors exact | author-name F1 | no-au | date | date ±1 day |", "|---|---|---|---|---|---|---|"]
        for system, o in table:
            lines.append(f"| {names[system]} | {f(o['title']['accuracy']) if system != 'htmldate' else '-'} | "
                         f"{f(o['authors']['exact_set_accuracy']) if system != 'htmldate' else '-'} | "
                         f"{f(o['authors']['name_f1']) if system != 'htmldate' else '-'} | "
                         f"{f(o['no_author']['predicted_none']) if system != 'htmldate' else '-'} | "
                         f"{f(o['date']['accuracy'])} | {f(o['date']['within_1_day'])} |")
        replace_section(ROOT / "BENCHMARKS.md", "metadata", "\n".join(lines))


if __name__ == "__main__":
    main()
