"""Language identification accuracy and speed per backend on ../shared/eval/langid.

    python benchmarks/langid.py [--eval ../shared/eval] [--backends langdetect,lingua,fasttext,py3langid]
    python benchmarks/langid.py --paragraphs [--backends langdetect]   # per-paragraph languages in mixed documents

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


def mixed_documents(sentences: dict[str, list[str]], per_pair: int = 10):
    """Documents of four paragraphs in one language with one paragraph of another language of the
    same script in the middle (a quote), two sentences a paragraph: (paragraphs, script, document
    language, index of the foreign one, its language), for every ordered pair of languages."""
    from newsclean.pipeline.scripts import dominant_script

    by_script: dict[str, list[str]] = defaultdict(list)
    for lang, items in sorted(sentences.items()):
        by_script[dominant_script(items[0])].append(lang)
    for script, langs in by_script.items():
        for a in langs:
            for b in langs:
                if a == b:
                    continue
                for k in range(per_pair):
                    home = sentences[a][k * 8:k * 8 + 8]
                    paras = [" ".join(home[i:i + 2]) for i in (0, 2, 4, 6)]
                    paras.insert(2, " ".join(sentences[b][k * 2:k * 2 + 2]))
                    yield paras, script, a, 2, b


def paragraph_accuracy(sentences: dict[str, list[str]], backend: str = "langdetect") -> dict[str, float]:
    """`paragraph_languages` on `mixed_documents`: the share of foreign paragraphs named right, of
    home paragraphs wrongly given another language, and paragraphs screened a second."""
    from newsclean.pipeline.langid import paragraph_languages

    found = alarms = foreign = home = 0
    docs = list(mixed_documents(sentences))
    t0 = time.process_time()
    for paras, script, lang, at, other in docs:
        got = paragraph_languages(paras, script, lang, backend)
        found += got[at] == other
        foreign += 1
        alarms += sum(g != lang for i, g in enumerate(got) if i != at)
        home += len(paras) - 1
    spent = time.process_time() - t0
    return {"foreign_found": found / foreign, "home_alarms": alarms / home, "documents": len(docs),
            "paragraphs_per_s": sum(len(d[0]) for d in docs) / spent}


def main() -> None:
    from newsclean.pipeline.langid import SAMPLE_CHARS, get_backend, identify, identify_document

    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--backends", default="langdetect,lingua,fasttext,py3langid")
    ap.add_argument("--write-md", action="store_true")
    ap.add_argument("--paragraphs", action="store_true",
                    help="only per-paragraph languages in documents that quote another language of their script")
    args = ap.parse_args()
    data = load(Path(args.eval))
    if args.paragraphs:
        for backend in args.backends.split(","):
            r = paragraph_accuracy(data["sentences"], backend)
            print(f"{backend}: foreign paragraphs named {r['foreign_found']:.3f}, home paragraphs given another "
                  f"language {r['home_alarms']:.4f} ({r['documents']} documents, {r['paragraphs_per_s']:.0f} paragraphs/s)")
        return
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
