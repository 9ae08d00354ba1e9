"""Identity harness for refactors: one canonical dump of the article row per page, and a compare.

    python benchmarks/identical.py OUT [--eval ../shared/eval] [--workers 2]
    python benchmarks/identical.py --compare A B [--show 5]

A refactor must leave every article row as it was. This runs the pipeline on the seeds,
examples/, tests/data, and ../shared/eval's dev/, metadata/, modern/ and arabic_dumps/ sets, each
page by every path it has:

- `file`: the run path, `readers.read_file` on the file itself (a text dump, an HTML page, JSON
  Lines, gzip), so the reader's fields (fingerprint, encoding) are in the row too;
- `text_url`: the text dump with the page's URL, as a JSON Lines record would carry it;
- `html_url`: the decoded HTML with the page's URL (the HTML path).

Each (set, path) group then goes through the site-template pass as one batch would
(`TemplateStore.add` then `mark`), and each record is written as OUT/<set>/<path>/<id>.json: every
column of `store.article_rows` except `run_id` and `processed_at`, or the reject (reason, detail).
No time limit is set, so nothing depends on the machine's speed. `--compare` lists the pages whose
dumps differ, with the first differing columns.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DROP = ("run_id", "processed_at")


def cases(eval_dir: Path) -> list[tuple[str, str, str, str, str | None]]:
    """(set, path, id, file, url) for every page and path."""
    out = []
    for name, folder in (("seeds", eval_dir.parent / "seeds"), ("examples", ROOT / "examples"),
                         ("tests_data", ROOT / "tests" / "data")):
        for f in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".txt", ".html", ".jsonl", ".gz", ".warc")
                        and "expected" not in p.parts):
            out.append((name, "file", str(f.relative_to(folder)).replace("/", "__"), str(f), None))
    for name in ("dev", "metadata", "modern", "arabic_dumps"):
        folder = eval_dir / name
        for meta in sorted(folder.glob("*.json")):
            if meta.name in ("BUILD_INFO.json", "by-site.json"):
                continue
            url = json.loads(meta.read_text()).get("url")
            stem = meta.name[:-5]
            for suffix in (".txt", ".html", ".html.gz"):
                f = folder / (stem + suffix)
                if not f.exists():
                    continue
                out.append((name, "file", stem + suffix, str(f), None))
                out.append((name, "text_url" if suffix == ".txt" else "html_url", stem, str(f), url))
    return out


def _run(case):
    """Process one case in a worker; returns (case key, [articles])."""
    import gzip

    from newsclean.pipeline.batch import _safe_process
    from newsclean.pipeline.decode import decode
    from newsclean.pipeline.process import Options
    from newsclean.pipeline.readers import Limits, read_file
    from newsclean.pipeline.record import Article

    name, path, cid, f, url = case
    opts = Options()
    if path == "file":
        arts = list(read_file(f, Limits()))
    else:
        raw = gzip.open(f).read() if f.endswith(".gz") else Path(f).read_bytes()
        text, enc = decode(raw, is_html=path == "html_url")
        arts = [Article(cid, "html" if path == "html_url" else "text", raw=text, url=url, encoding=enc)]
    for a in arts:
        _safe_process(a, opts, None)
        a.raw = ""  # not in the row; keeps the pickles small
    return (name, path, cid), arts


def dump(out: Path, eval_dir: Path, workers: int) -> int:
    from newsclean.pipeline import store
    from newsclean.pipeline.templates import TemplateStore

    groups: dict[tuple[str, str], list] = defaultdict(list)
    with ProcessPoolExecutor(workers) as ex:
        for (name, path, cid), arts in ex.map(_run, cases(eval_dir), chunksize=4):
            for i, a in enumerate(arts):
                groups[(name, path)].append((cid if len(arts) == 1 else f"{cid}#{i}", a))
    fixed = datetime(2000, 1, 1, tzinfo=timezone.utc)
    n = 0
    for (name, path), items in sorted(groups.items()):
        items.sort(key=lambda kv: kv[0])
        good = [a for _, a in items if not a.reject]
        seen = TemplateStore()
        seen.add(good)
        seen.mark(good)
        folder = out / name / path
        folder.mkdir(parents=True, exist_ok=True)
        for cid, a in items:
            if a.reject:
                row = {"reject": list(a.reject), "source_uri": a.source_uri, "input_fingerprint": a.fingerprint}
            else:
                row = store.article_rows([a], "RUN", fixed).to_pylist()[0]
                for k in DROP:
                    row.pop(k)
            (folder / f"{cid.replace('/', '_')}.json").write_text(
                json.dumps(row, ensure_ascii=False, sort_keys=True, indent=1, default=str), encoding="utf-8")
            n += 1
    return n


def compare(a: Path, b: Path, show: int) -> int:
    fa = {p.relative_to(a) for p in a.rglob("*.json")}
    fb = {p.relative_to(b) for p in b.rglob("*.json")}
    only = sorted(fa ^ fb)
    for p in only:
        print(f"only in {'A' if p in fa else 'B'}: {p}")
    differ = []
    for p in sorted(fa & fb):
        ra, rb = (a / p).read_text(encoding="utf-8"), (b / p).read_text(encoding="utf-8")
        if ra != rb:
            differ.append(p)
            if len(differ) <= show:
                ja, jb = json.loads(ra), json.loads(rb)
                for k in sorted(set(ja) | set(jb)):
                    if ja.get(k) != jb.get(k):
                        print(f"{p}: {k}\n  A: {str(ja.get(k))[:300]}\n  B: {str(jb.get(k))[:300]}")
    print(f"{len(fa & fb)} pages in both, {len(differ)} differ, {len(only)} in one only")
    return 1 if differ or only else 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?")
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"))
    ap.add_argument("--show", type=int, default=5)
    args = ap.parse_args()
    if args.compare:
        sys.exit(compare(Path(args.compare[0]), Path(args.compare[1]), args.show))
    if not args.out:
        ap.error("OUT or --compare A B")
    import time

    t0 = time.perf_counter()
    n = dump(Path(args.out), Path(args.eval), args.workers)
    print(f"{n} records dumped to {args.out} in {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
