"""Quality regression gate over real pages bundled in tests/data/gate (run by `make test`).

    python benchmarks/gate.py            # print the current scores beside the baseline
    python benchmarks/gate.py --update   # accept the current scores as the new baseline

Scores: body F1 (the article-extraction benchmark's 4-gram shingle metric, reimplemented so the
project stands alone) for the text path and the HTML path on 24 pages of 24 sites; title, exact
author list and date accuracy on 40 annotated pages, from the HTML (with URL) and from the text
dump alone; the language of every page. tests/test_quality_gate.py fails when a score drops
below its baseline by more than the tolerance.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GATE = ROOT / "tests" / "data" / "gate"
BASELINE = GATE / "baseline.json"
TOLERANCE = 0.005  # scores are deterministic; this only absorbs float noise and tiny trade-offs

_TOKEN = re.compile(r"\w+")


def shingle_prf(pred: str, truth: str, n: int = 4) -> tuple[float | None, float | None]:
    def sh(t: str) -> Counter:
        toks = _TOKEN.findall(t.lower())
        if not toks:
            return Counter()
        if len(toks) < n:
            return Counter([tuple(toks)])
        return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))
    p, t = sh(pred), sh(truth)
    tp = sum(min(c, t[k]) for k, c in p.items() if k in t)
    prec = tp / sum(p.values()) if p else None
    rec = tp / sum(t.values()) if t else None
    return prec, rec


def _f1(pairs: list[tuple[float | None, float | None]]) -> float:
    ps = [p for p, _ in pairs if p is not None]
    rs = [r for _, r in pairs if r is not None]
    P, R = sum(ps) / len(ps), sum(rs) / len(rs)
    return 2 * P * R / (P + R) if P + R else 0.0


def _norm(s: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", s or "").split()).casefold()


def compute() -> dict:
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    scores: dict[str, float] = {}
    text_pairs, html_pairs, langs = [], [], []
    for j in sorted((GATE / "dev").glob("*.json")):
        d = json.loads(j.read_text())
        html = j.with_suffix(".html").read_text(encoding="utf-8", errors="replace")
        txt = j.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")
        a = process_article(Article(j.stem + ".txt", "text", raw=txt, url=d.get("url")))
        text_pairs.append(shingle_prf("" if a.reject else a.body_text(), d["body"]))
        b = process_article(Article(j.stem + ".html", "html", raw=html, url=d.get("url")))
        html_pairs.append(shingle_prf("" if b.reject else b.body_text(), d["body"]))
        langs.append(a.language == b.language and b.language != "und")
    scores["body_f1_text"] = _f1(text_pairs)
    scores["body_f1_html"] = _f1(html_pairs)
    counts = Counter()
    for j in sorted((GATE / "metadata").glob("*.json")):
        d = json.loads(j.read_text())
        html = gzip.open(j.with_name(j.stem + ".html.gz")).read()
        from newsclean.pipeline.decode import decode

        html_text, _ = decode(html, is_html=True)
        txt = j.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")
        for mode, art in (("html", Article(j.stem, "html", raw=html_text, url=d["url"])),
                          ("text", Article(j.stem, "text", raw=txt))):
            process_article(art)
            counts[f"{mode}_title"] += _norm(art.title) == _norm(d["title"])
            counts[f"{mode}_authors"] += sorted(map(_norm, art.authors)) == sorted(map(_norm, d["authors"]))
            counts[f"{mode}_date"] += str(art.published_date) == d["date"]
        counts["n"] += 1
    for k in ("title", "authors", "date"):
        for mode in ("html", "text"):
            scores[f"{mode}_{k}"] = counts[f"{mode}_{k}"] / counts["n"]
    scores["language_agreement"] = sum(langs) / len(langs)
    return {k: round(v, 4) for k, v in scores.items()}


def main() -> None:
    cur = compute()
    base = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    for k, v in cur.items():
        print(f"{k:22s} {v:.4f}  baseline {base.get(k, float('nan')):.4f}")
    if "--update" in sys.argv:
        BASELINE.write_text(json.dumps(cur, indent=1) + "\n")
        print(f"baseline written: {BASELINE}")


if __name__ == "__main__":
    main()
