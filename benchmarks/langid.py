"""Language identification accuracy and speed per backend on ../shared/eval/langid.

    python benchmarks/langid.py [--eval ../shared/eval] [--backends langdetect,lingua,fasttext,py3langid]

Accuracy counts "und" (abstention) as wrong. Speed: single-core median of 3 passes over the
sentences, and over 2,000-word "articles" built by concatenating sentences of one language.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def load(eval_dir: Path) -> dict[str, dict[str, list[str]]]:
    data: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for cls in ("sentences", "word-pairs", "single-words"):
        for f in sorted((eval_dir / "langid" / cls).glob("*.txt")):
            data[cls][f.stem] = [l.strip() for l in f.read_text(encoding="utf-8").splitlines() if l.strip()]
    return data


def articles(sentences: dict[str, list[str]], words: int = 2000, per_lang: int = 3) -> list[str]:
    out = []
    for lang, items in sorted(sentences.items()):
        for k in range(per_lang):
            buf, n, i = [], 0, k * 7
            while n < words:
                s = items[i % len(items)]
                buf.append(s)
                n += len(s.split()) if lang not in ("ja", "zh") else len(s) // 2
                i += 1
            out.append(" ".join(buf))
    return out


def main() -> None:
    from pipeline.langid import SAMPLE_CHARS, get_backend, identify, identify_document

    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--backends", default="langdetect,lingua,fasttext,py3langid")
    ap.add_argument("--write-md", action="store_true")
    args = ap.parse_args()
    data = load(Path(args.eval))
    arts = articles(data["sentences"])
    art_langs = [lang for lang in sorted(data["sentences"]) for _ in range(3)]  # as articles() builds them
    rows = []
    for backend in args.backends.split(","):
        get_backend(backend)
        for items in data["sentences"].values():  # load every script's model before timing
            identify(items[0], backend)
        res = {}
        per_lang: dict[str, Counter] = defaultdict(Counter)
        for cls, langs in data.items():
            ok = n = 0
            for lang, items in langs.items():
                for it in items:
                    hit = identify(it, backend).lang == lang
                    ok += hit
                    n += 1
                    per_lang[(cls, lang)][hit] += 1
            res[cls] = ok / n
        res["articles"] = sum(identify_document(a, backend).lang == l for a, l in zip(arts, art_langs)) / len(arts)
        sents = [s for items in data["sentences"].values() for s in items]
        t_s = []
        for _ in range(3):
            t0 = time.process_time()
            for s in sents:
                identify(s, backend)
            t_s.append(len(sents) / (time.process_time() - t0))
        t_a = []
        for _ in range(3):
            t0 = time.process_time()
            for a in arts:
                identify(a, backend)
            t_a.append(len(arts) / (time.process_time() - t0))
        rows.append((backend, res, statistics.median(t_s), statistics.median(t_a), per_lang))
    out = ["Measured with `python benchmarks/langid.py --write-md` on " + args.eval + "/langid (accuracy; "
           "`und` counts as wrong; speed in CPU time on one core, median of 3 passes).", "",
           "| backend | sentences | word pairs | single words | 2,000-word articles (on a "
           f"{SAMPLE_CHARS}-character sample) | sentences/s (1 core) | 2,000-word articles/s |",
           "|---|---|---|---|---|---|---|"]
    for backend, res, ts, ta, _ in rows:
        out.append(f"| {backend} | {res['sentences']:.3f} | {res['word-pairs']:.3f} | {res['single-words']:.3f} | {res['articles']:.3f} | {ts:.0f} | {ta:.0f} |")
    out += ["", "Per language (sentences / word pairs / single words):", ""]
    for backend, _, _, _, per_lang in rows:
        langs = sorted({l for (_, l) in per_lang})
        cells = []
        for l in langs:
            vals = []
            for cls in ("sentences", "word-pairs", "single-words"):
                c = per_lang.get((cls, l))
                vals.append(f"{c[True] / (c[True] + c[False]):.2f}" if c else "-")
            cells.append(f"{l} {'/'.join(vals)}")
        out.append(f"- {backend}: " + "; ".join(cells))
    print("\n".join(out))
    if args.write_md:
        from quality import replace_section

        replace_section(ROOT / "BENCHMARKS.md", "langid", "\n".join(out))


if __name__ == "__main__":
    main()
