"""Validation protocol: every evaluation set split by site into folds, scored per fold.

    python benchmarks/folds.py [--sets dev,metadata,modern,arabic_dumps] [--k 5] [--workers 2]
                               [--cache /tmp/nc-cache] [--losses] [--write-md] [--json OUT]

A page's fold is a hash of its site (the registered domain the set gives, else the URL's host):
the same site lands in the same fold in every set, and pages of one site never sit on both
sides of a split. arabic_dumps carries one site's navigation in every dump, so it is split by the
newspaper an article comes from (its byline style, its outlet names), one fold per newspaper (7).

Systems, each page computed once and cached per setting under --cache (outside the repo):
newsclean's HTML path (with the URL, as a JSON Lines record carries it), its text path (with the
URL for bodies; without it for metadata, as benchmarks/metadata.py), trafilatura 2.3.1
at each single setting (defaults, include_comments=False, favor_precision=True,
favor_recall=True; `extract()`, the text its users get, and `bare_extraction(with_metadata=True)`
for its metadata) and htmldate (extensive, original date).
newsclean's cache key is a hash of pipeline/ (its modules, rules/ and weights files), so a code change recomputes it;
a run stops if pipeline/ is edited while it runs (its workers would store the new code's answers under the old key).

Scores come from the sets' own scorers (score.py's per-page shingle counts and aggregate,
score_metadata.py's Tally, score_arabic*.py's score_case and summarise), aggregated per fold.
`select()` is the protocol for a choice (a setting, a threshold): for each fold, pick the
candidate best on the other folds and score it on that fold; the pooled held-out pages give the
figure reported first.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

EVAL = ROOT.parent / "shared" / "eval"
K = 5
TF_SETTINGS = {  # trafilatura alone, one setting changed from its defaults each
    "tf_default": {},
    "tf_nocomments": {"include_comments": False},
    "tf_precision": {"favor_precision": True},
    "tf_recall": {"favor_recall": True},
}
BODY_SETS = ("dev", "modern")
META_SETS = ("metadata", "modern")


def _load(name: str, eval_dir: Path):
    spec = importlib.util.spec_from_file_location(f"eval_{name}", eval_dir / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ------------------------------------------------------------------ cases and folds

def site_key(case: dict) -> str:
    """The site a page belongs to: the set's registered domain, else the URL's host."""
    if case.get("site"):
        return case["site"].lower().removeprefix("www.")
    from urllib.parse import urlsplit

    return (urlsplit(case.get("url") or "").hostname or case["id"]).removeprefix("www.")


def fold_of(key: str, k: int = K) -> int:
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % k


def _split_authors(value: str | None) -> list[str] | None:
    """modern/'s author gold is one string ("A and B", "A, MD", "A; B"): split at ";", ",", "&"
    and " and ", dropping credential pieces ("MD", "CFP", "E-RYT 200": no lower-case letter)."""
    import re

    if value is None:
        return None
    parts = [p.strip() for p in re.split(r";|,|&|\band\b", value)]
    return [p for p in parts if p and any(c.islower() for c in p)]


def load_cases(set_name: str, eval_dir: Path, k: int = K) -> list[dict]:
    """[{id, set, fold, site, url, html (path or None), txt (path), gold...}]."""
    d = eval_dir / set_name
    cases = []
    newspapers = sorted({json.loads(j.read_text(encoding="utf-8")).get("source") or "?" for j in d.glob("snd-*.json")})
    for j in sorted(d.glob("*.json")):
        if j.stem in ("by-site", "BUILD_INFO"):
            continue
        g = json.loads(j.read_text(encoding="utf-8"))
        if not isinstance(g, dict) or "id" not in g:
            continue
        html = next((p for p in (d / f"{g['id']}.html", d / f"{g['id']}.html.gz") if p.exists()), None)
        c = {"id": g["id"], "set": set_name, "url": g.get("url"), "html": str(html) if html else None,
             "txt": str(d / f"{g['id']}.txt"), "gold": g}
        if set_name == "arabic_dumps":
            c["site"] = g.get("source") or "?"
            c["url"] = None  # a scraped dump alone, as score_arabic's README runs it
        else:
            c["site"] = site_key(g)
        if set_name == "modern":
            c["gold"] = {**g, "authors": _split_authors(g.get("author"))}
        # arabic_dumps: 7 newspapers, one fold each (hashing 7 keys into 5 folds left two empty)
        c["fold"] = newspapers.index(c["site"]) if set_name == "arabic_dumps" else fold_of(c["site"], k)
        cases.append(c)
    return cases


# ------------------------------------------------------------------ computing (cached)

def code_fingerprint() -> str:
    h = hashlib.sha1()
    pipe = ROOT / "pipeline"  # its modules, the rules/ tables and the fitted weights files
    for p in sorted([*pipe.rglob("*.py"), *pipe.glob("*.json")]):
        h.update(p.relative_to(pipe).as_posix().encode() + p.read_bytes())
    return h.hexdigest()[:12]


def systems_for(set_name: str) -> list[str]:
    if set_name == "arabic_dumps":
        return ["nc_text"]
    out = ["nc_html"]
    if set_name in BODY_SETS:
        out += ["nc_text", *TF_SETTINGS]
    if set_name in META_SETS:
        out += ["nc_text_nourl", "tf_default", "htmldate"]
    return list(dict.fromkeys(out))


def _cache_path(cache: Path, case: dict, system: str, fp: str, variant: str) -> Path:
    tag = f"{system}-{fp}{'-' + variant if variant else ''}" if system.startswith("nc_") else system
    return cache / case["set"] / tag / f"{case['id']}.json"


# newsclean's HTML path with another trafilatura setting (name -> keyword overrides of every
# bare_extraction call it makes), measured against the shipped one. The tree handover (extract.py)
# is switched off in a variant: it is only valid for fast precision mode.
VARIANTS: dict[str, dict] = {
    "fast_balanced": {"favor_precision": False},
    "full_balanced": {"favor_precision": False, "fast": False},
    "full_precision": {"fast": False},
    "fast_recall": {"favor_precision": False, "favor_recall": True},
}


def _read_html(path: str) -> str:
    from newsclean.pipeline.decode import decode

    raw = gzip.open(path).read() if path.endswith(".gz") else Path(path).read_bytes()
    return decode(raw, is_html=True)[0]


def _newsclean(case: dict, system: str, variant: str = "") -> dict:
    from contextlib import nullcontext

    import newsclean.pipeline.extract as E
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article
    import trafilatura

    calls = []
    real = trafilatura.bare_extraction

    over = VARIANTS[variant] if variant else {}

    def spy(*a, **kw):  # which extraction calls a page needed (fast mode, full-mode or recall retry)
        kw.update(over)
        doc = real(*a, **kw)
        calls.append({"fast": bool(kw.get("fast")), "recall": bool(kw.get("favor_recall")),
                      "words": len(((doc.text if doc else "") or "").split())})
        return doc

    trafilatura.bare_extraction = spy
    handover = E.handed_over
    if variant:
        E.handed_over = lambda tree: nullcontext()
    try:
        if system == "nc_html":
            a = Article(case["id"] + ".html", "html", raw=_read_html(case["html"]), url=case["url"])
        else:
            raw = Path(case["txt"]).read_text(encoding="utf-8", errors="replace")
            a = Article(case["id"] + ".txt", "text", raw=raw, url=case["url"] if system == "nc_text" else None)
        process_article(a)
    finally:
        trafilatura.bare_extraction, E.handed_over = real, handover
    return {"body": "" if a.reject else a.body_text(), "title": a.title, "authors": list(a.authors),
            "date": str(a.published_date) if a.published_date else None, "reject": a.reject[0] if a.reject else None,
            "lines": [[ln.text, ln.reason] for ln in a.lines], "calls": calls}


def _trafilatura(case: dict, system: str) -> dict:
    import trafilatura

    html = _read_html(case["html"])
    if system == "htmldate":
        from htmldate import find_date

        return {"date": find_date(html, extensive_search=True, original_date=True, url=case["url"])}
    # the body as trafilatura's users get it: extract() (its text output appends the comments
    # bare_extraction keeps apart, so the defaults differ from include_comments=False)
    out = {"body": trafilatura.extract(html, url=case["url"], **TF_SETTINGS[system]) or ""}
    if system == "tf_default" and case["set"] in META_SETS:  # as benchmarks/metadata.py reads it
        d = trafilatura.bare_extraction(html, url=case["url"], with_metadata=True)
        if d is not None:
            out.update(title=d.title, authors=d.author.split("; ") if d.author else [], date=d.date)
    return out


_LOADED_FP: str | None = None


def _check_loaded_code(fp: str) -> None:
    """Results are cached under the fingerprint the run started with: a worker whose pipeline/ was
    imported after an edit would store the new code's answers under the old key. Each worker
    fingerprints pipeline/ once, right after importing it, and refuses to go on if it differs."""
    global _LOADED_FP
    if _LOADED_FP is None:
        import newsclean.pipeline.process  # noqa: F401  (the modules a page's cleaning uses)

        _LOADED_FP = code_fingerprint()
    if _LOADED_FP != fp:
        raise RuntimeError(f"pipeline/ changed during the run (started at {fp}, this worker loaded {_LOADED_FP}): "
                           "run again once the edit is done")


def _work(job):
    case, systems, cache, fp, variant = job
    if any(s.startswith("nc_") for s in systems):
        _check_loaded_code(fp)
    res = {}
    for s in systems:
        p = _cache_path(Path(cache), case, s, fp, variant)
        if p.exists():
            res[s] = json.loads(p.read_text(encoding="utf-8"))
            continue
        try:
            out = _newsclean(case, s, variant) if s.startswith("nc_") else _trafilatura(case, s)
        except Exception as e:  # noqa: BLE001 - a benchmark records a crash as an empty answer
            out = {"body": "", "error": repr(e)}
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(json.dumps(out, ensure_ascii=False, default=str), encoding="utf-8")
        res[s] = out
    return case["id"], res


def compute(cases: list[dict], cache: Path, workers: int, variant: str = "", systems=None) -> dict:
    """{system: {case id: output}} for every case, from the cache where present."""
    fp = code_fingerprint()
    jobs = [(c, systems or systems_for(c["set"]), str(cache), fp, variant) for c in cases]
    out: dict[str, dict] = {}
    with ProcessPoolExecutor(workers) as ex:  # one worker per core; every process caches its own tables
        for cid, res in ex.map(_work, jobs, chunksize=4):
            for s, v in res.items():
                out.setdefault(s, {})[cid] = v
    return out


# ------------------------------------------------------------------ scoring

class Scorer:
    def __init__(self, eval_dir: Path):
        self.body = _load("score", eval_dir)
        self.meta = _load("score_metadata", eval_dir)
        self.ar = _load("score_arabic", eval_dir)
        self.ar_meta = _load("score_arabic_meta", eval_dir)

    def body_rows(self, cases, preds) -> dict[str, dict]:
        """Per page: score.py's counts and P/R/F1."""
        rows = {}
        for c in cases:
            if "body" not in c["gold"]:
                continue
            tp, fp, fn, pt, tt = self.body.page_counts(preds.get(c["id"], {}).get("body") or "", c["gold"]["body"] or "")
            r = {"id": c["id"], "exact": pt == tt, **self.body.page_scores(tp, fp, fn)}
            rows[c["id"]] = r
        return rows

    def body_f1(self, rows: list[dict]) -> float:
        return self.body.aggregate(rows)["f1"] if rows else float("nan")

    def meta_summary(self, cases, preds) -> dict:
        t = self.meta.Tally()
        for c in cases:
            p = preds.get(c["id"], {})
            t.add_case(c["gold"], {"title": p.get("title"), "authors": p.get("authors"), "date": p.get("date")})
        s = t.summary()
        return {"title": s["title"]["accuracy"], "authors": s["authors"]["exact_set_accuracy"],
                "author_f1": s["authors"]["name_f1"], "date": s["date"]["accuracy"],
                "n": (s["title"]["n"], s["authors"]["n"], s["date"]["n"])}

    def arabic(self, cases, preds) -> dict:
        body = [self.ar.score_case(preds.get(c["id"], {}).get("body") or "", c["gold"]) for c in cases]
        meta = [self.ar_meta.score_case(c["gold"], preds.get(c["id"])) for c in cases]
        b, m = self.ar.summarise(body), self.ar_meta.summarise(meta)
        removed = sum(sum(r[f"{k}_removed"] for k in self.ar.CATEGORIES) for r in body)
        inserted = sum(sum(r[f"{k}_inserted"] for k in self.ar.CATEGORIES) for r in body)
        core = [r["core_recall"] for r in body if r["core_recall"] is not None]
        return {"title": m["title_exact"], "person_found": m["author_name_matched"], "author_found": m["author_found"],
                "core_recall": b["core_recall"], "core_recall_min": min(core) if core else None,
                "articles_core_below_0.90": sum(x < 0.90 for x in core), "recall": b["recall"],
                "precision": b["precision"], "boilerplate_removed": removed / inserted if inserted else None,
                "byline_removed": b["byline_removed"]}


def per_fold(cases: list[dict], k: int, fn) -> tuple[list, object]:
    """fn(cases of fold f) for each fold, and fn(all cases)."""
    return [fn([c for c in cases if c["fold"] == f]) for f in range(k)], fn(cases)


def select(cases: list[dict], k: int, candidates: dict[str, dict], pool):
    """The protocol for a choice among `candidates` ({name: {case id: page row}}): for each fold,
    the candidate with the best pooled metric on the other folds, scored on that fold. Returns the
    chosen name per fold and the pooled metric over the held-out pages of all folds."""
    chosen, held_out = [], []
    for f in range(k):
        train = [c["id"] for c in cases if c["fold"] != f]
        test = [c["id"] for c in cases if c["fold"] == f]
        best = max(candidates, key=lambda n: pool([candidates[n][i] for i in train if i in candidates[n]]))
        chosen.append(best)
        held_out += [candidates[best][i] for i in test if i in candidates[best]]
    return chosen, pool(held_out)


# ------------------------------------------------------------------ report

def report(eval_dir: Path, sets: list[str], k: int, cache: Path, workers: int, losses: bool) -> dict:
    sc = Scorer(eval_dir)
    result: dict = {"k": k, "sets": {}}
    k0 = k
    for set_name in sets:
        k = k0
        cases = load_cases(set_name, eval_dir, k)
        k = max(c["fold"] for c in cases) + 1
        t0 = time.time()
        preds = compute(cases, cache, workers)
        print(f"# {set_name}: {len(cases)} pages, {len({c['site'] for c in cases})} sites, "
              f"pages per fold {[sum(c['fold'] == f for c in cases) for f in range(k)]} ({time.time() - t0:.0f} s)")
        out = result["sets"][set_name] = {"pages": len(cases), "fold_pages": [sum(c["fold"] == f for c in cases) for f in range(k)]}
        if set_name == "arabic_dumps":
            folds, overall = per_fold(cases, k, lambda cs: sc.arabic(cs, preds["nc_text"]))
            out["arabic"] = {"folds": folds, "all": overall}
            out["fold_names"] = [next(c["site"] for c in cases if c["fold"] == f) for f in range(k)]
            print("  arabic, per fold:", json.dumps(folds, default=str))
            print("  arabic, all:", json.dumps(overall, default=str))
            continue
        if set_name in BODY_SETS:
            rows = {s: sc.body_rows(cases, preds[s]) for s in ("nc_html", "nc_text", *TF_SETTINGS)}
            out["body"] = {}
            for s, r in rows.items():
                folds, overall = per_fold(cases, k, lambda cs: sc.body_f1([r[c["id"]] for c in cs if c["id"] in r]))
                out["body"][s] = {"folds": folds, "all": overall}
                print(f"  body F1 {s:14s} " + " ".join(f"{x:.3f}" for x in folds) + f"  all {overall:.3f}")
            # trafilatura's best single setting, chosen on the other folds (the protocol)
            tf = {s: rows[s] for s in TF_SETTINGS}
            chosen, held = select(cases, k, tf, sc.body_f1)
            out["body"]["tf_best_heldout"] = {"chosen": chosen, "all": held}
            print(f"  trafilatura best setting chosen on the other folds: {chosen} -> held-out {held:.3f}")
            if losses:
                out["losses"] = loss_list(cases, preds, rows, sc)
        if set_name in META_SETS:
            out["meta"] = {}
            for s in ("nc_html", "nc_text_nourl", "tf_default", "htmldate"):
                folds, overall = per_fold(cases, k, lambda cs: sc.meta_summary(cs, preds[s]))
                out["meta"][s] = {"folds": folds, "all": overall}
                print(f"  meta {s:14s} all title {overall['title']} authors {overall['authors']} date {overall['date']}  "
                      f"folds date " + " ".join(f"{f_['date']}" for f_ in folds))
    return result


def _f1(r: dict) -> float:
    return r["f1"] if r.get("f1") is not None else 0.0


def loss_list(cases, preds, rows, sc, margin: float = 0.05) -> list[dict]:
    """Pages where newsclean's HTML path loses more than `margin` page F1 to trafilatura's best
    single setting (best on this set), with the cause: the extractor (what trafilatura returned to
    newsclean already loses: its fast/precision setting, or a fallback retry), or the post-cleaner
    (the extracted text was good, the cleaner removed body lines: by reason)."""
    best = max(TF_SETTINGS, key=lambda s: sc.body_f1(list(rows[s].values())))
    gold = {c["id"]: c for c in cases}
    out = []
    for cid, r in rows["nc_html"].items():
        b = rows[best][cid]
        if _f1(b) - _f1(r) <= margin:
            continue
        p = preds["nc_html"][cid]
        extracted = "\n\n".join(t for t, _ in p.get("lines") or [])
        tp, fp_, fn, _, _ = sc.body.page_counts(extracted, gold[cid]["gold"]["body"] or "")
        ex_f1 = sc.body.page_scores(tp, fp_, fn)["f1"] or 0.0
        calls = p.get("calls") or []
        norm = lambda s: " ".join(s.lower().split())  # noqa: E731
        truth = norm(gold[cid]["gold"]["body"] or "")
        removed = {}
        for t, why in p.get("lines") or []:
            if why and len(t.split()) > 3 and norm(t) in truth:
                removed[why] = removed.get(why, 0) + 1
        if p.get("reject"):
            cause = f"rejected ({p['reject']})"
        elif _f1(b) - ex_f1 > margin:
            mode = lambda c: f"{'fast' if c['fast'] else 'full'} {'recall' if c['recall'] else 'precision/balanced'}"  # noqa: E731
            cause = ("fallback: " + " -> ".join(mode(c) for c in calls) if len(calls) > 1
                     else f"extractor setting ({mode(calls[0])})" if calls else "extractor")
        else:
            cause = "post-cleaner: " + ", ".join(f"{k} ({v})" for k, v in sorted(removed.items(), key=lambda x: -x[1])) \
                if removed else "post-cleaner (short lines)"
        out.append({"id": cid, "site": gold[cid]["site"], "fold": gold[cid]["fold"], "newsclean": round(_f1(r), 3),
                    "extracted": round(ex_f1, 3), best: round(_f1(b), 3), "cause": cause,
                    "calls": calls})
    out.sort(key=lambda x: x["newsclean"] - x[best])
    for x in out:
        print(f"  loss {x['id'][:14]:14s} {x['site'][:24]:24s} f{x['fold']} nc {x['newsclean']:.3f} "
              f"extracted {x['extracted']:.3f} {best} {x[best]:.3f}  {x['cause']}")
    return out


def _set_mean_f1(sc):
    """The pooled metric for a choice: body F1 per set (score.py's aggregate), averaged over the sets,
    so that modern/'s 452 pages do not outvote dev/'s 93."""
    def pool(rows):
        by_set: dict[str, list] = {}
        for r in rows:
            by_set.setdefault(r["set"], []).append(r)
        return sum(sc.body_f1(v) for v in by_set.values()) / len(by_set) if by_set else float("nan")
    return pool


def _rows_from_lines(sc, cases, preds, keep: set[str]) -> dict:
    """Body rows as if the post-cleaner had kept the lines it removed for a reason in `keep`."""
    alt = {cid: {"body": "\n\n".join(t for t, why in p.get("lines") or [] if why is None or why in keep)}
           for cid, p in preds.items()}
    return sc.body_rows(cases, alt)


def choices(eval_dir: Path, k: int, cache: Path, workers: int, variants: list[str]) -> dict:
    """The shipped HTML path against other extractor settings and against keeping each class of
    lines the post-cleaner removes, chosen by folds over dev/ and modern/ together."""
    sc = Scorer(eval_dir)
    allcases, cands, loaded = [], {}, {}
    for set_name in BODY_SETS:
        cases = load_cases(set_name, eval_dir, k)
        loaded[set_name] = (cases, compute(cases, cache, workers, systems=["nc_html"])["nc_html"])
    reasons = sorted({why for _, base in loaded.values() for p in base.values() for _, why in p.get("lines") or [] if why})
    for set_name, (cases, base) in loaded.items():
        allcases += cases
        sets = {"current": base}
        for v in variants:
            sets[v] = compute(cases, cache, workers, variant=v, systems=["nc_html"])["nc_html"]
        for name, preds in sets.items():
            cands.setdefault(name, {}).update(
                {f"{set_name}/{cid}": {**r, "set": set_name} for cid, r in sc.body_rows(cases, preds).items()})
        for why in reasons:  # the post-cleaner without one of its removals (shipped extractor)
            rows = _rows_from_lines(sc, cases, base, {why})
            cands.setdefault(f"keep:{why}", {}).update({f"{set_name}/{cid}": {**r, "set": set_name} for cid, r in rows.items()})
        rows = _rows_from_lines(sc, cases, base, set(reasons))
        cands.setdefault("no post-cleaner", {}).update({f"{set_name}/{cid}": {**r, "set": set_name} for cid, r in rows.items()})
    for c in allcases:
        c["id"] = f"{c['set']}/{c['id']}"
    pool = _set_mean_f1(sc)
    out = {}
    print(f"{'candidate':28s} " + " ".join(f"{s + ' f' + str(f):>10s}" for s in BODY_SETS for f in range(k)) + "   dev  modern")
    for name, rows in cands.items():
        per = {s: [sc.body_f1([r for cid, r in rows.items() if r["set"] == s and cid in {c['id'] for c in allcases if c['fold'] == f}])
                   for f in range(k)] for s in BODY_SETS}
        alls = {s: sc.body_f1([r for r in rows.values() if r["set"] == s]) for s in BODY_SETS}
        out[name] = {"folds": per, "all": alls}
        print(f"{name:28s} " + " ".join(f"{x:10.3f}" for s in BODY_SETS for x in per[s]) + "  " +
              " ".join(f"{alls[s]:.3f}" for s in BODY_SETS))
    ext = {n: cands[n] for n in ["current", *variants]}
    chosen, held = select(allcases, k, ext, pool)
    out["extractor_choice"] = {"chosen": chosen, "held_out": held, "current_held_out": pool(list(cands["current"].values()))}
    print(f"extractor setting chosen on the other folds: {chosen}; held-out mean set F1 {held:.4f} "
          f"(current everywhere {out['extractor_choice']['current_held_out']:.4f})")
    return out


NAMES = {"nc_html": "newsclean, HTML path", "nc_text": "newsclean, text path", "nc_text_nourl": "newsclean, text dump alone",
         "tf_default": "trafilatura defaults", "tf_nocomments": "trafilatura include_comments=False",
         "tf_precision": "trafilatura favor_precision=True", "tf_recall": "trafilatura favor_recall=True",
         "htmldate": "htmldate (extensive, original date)"}


def write_md(res: dict, path: Path) -> None:
    """The folds section of BENCHMARKS.md: per set, the fold figures first, then all pages."""
    from quality import replace_section

    f3 = lambda v: "-" if v is None or v != v else f"{v:.3f}"  # noqa: E731
    lines = [f"Measured {time.strftime('%Y-%m-%d')} with `python benchmarks/folds.py --losses --write-md` "
             "(pages split by site into folds: a hash of the registered domain, the same site in the same fold in "
             "every set; arabic_dumps one fold per newspaper). Bodies: score.py (4-gram shingle F1 of the mean P and R); "
             "metadata: score_metadata.py (title exact, authors exact set, date same day); Arabic: score_arabic.py "
             "and score_arabic_meta.py.", ""]
    for set_name, r in res["sets"].items():
        k = len(r["fold_pages"])
        if "body" in r:
            lines += [f"**{set_name}/ body F1** ({r['pages']} pages; pages per fold {r['fold_pages']})", "",
                      "| system | " + " | ".join(f"fold {f}" for f in range(k)) + " | worst fold | all pages |",
                      "|---|" + "---|" * (k + 2)]
            for s_, v in r["body"].items():
                if s_ == "tf_best_heldout":
                    continue
                lines.append(f"| {NAMES[s_]} | " + " | ".join(f3(x) for x in v["folds"]) + f" | {f3(min(v['folds']))} | {f3(v['all'])} |")
            b = r["body"]["tf_best_heldout"]
            lines += ["", f"trafilatura's best single setting, chosen on the other folds: {', '.join(b['chosen'])}; "
                          f"held-out F1 {f3(b['all'])}.", ""]
        if "meta" in r:
            lines += [f"**{set_name}/ metadata** (title / exact authors / date; per fold, then all pages)", "",
                      "| system | " + " | ".join(f"fold {f}" for f in range(k)) + " | all pages |", "|---|" + "---|" * (k + 1)]
            for s_, v in r["meta"].items():
                cell = lambda m: (f"{f3(m['date'])}" if s_ == "htmldate" else  # noqa: E731
                                  f"{f3(m['title'])} / {f3(m['authors'])} / {f3(m['date'])}")
                lines.append(f"| {NAMES[s_]} | " + " | ".join(cell(m) for m in v["folds"]) + f" | {cell(v['all'])} |")
            lines.append("")
        if "arabic" in r:
            keys = ["title", "person_found", "core_recall", "core_recall_min", "articles_core_below_0.90", "boilerplate_removed"]
            lines += [f"**{set_name}/** (text path; one fold per newspaper; {r['pages']} dumps, {r['fold_pages']})", "",
                      "| fold | " + " | ".join(keys) + " |", "|---|" + "---|" * len(keys)]
            for f, m in enumerate(r["arabic"]["folds"] + [r["arabic"]["all"]]):
                name = f"fold {f} ({r['fold_names'][f]})" if f < k else "all"
                lines.append(f"| {name} | " + " | ".join(str(m[x]) if isinstance(m[x], int) else f3(m[x]) for x in keys) + " |")
            lines.append("")
        if r.get("losses") is not None:
            lines += [f"Pages of {set_name}/ where the HTML path loses more than 0.05 page F1 to trafilatura's best "
                      f"setting on the set ({len(r['losses'])}):", "",
                      "| page | site | fold | newsclean | text trafilatura gave newsclean | trafilatura best | cause |",
                      "|---|---|---|---|---|---|---|"]
            for x in r["losses"]:
                best = next(v for kk, v in x.items() if kk.startswith("tf_"))
                lines.append(f"| {x['id'][:16]} | {x['site']} | {x['fold']} | {x['newsclean']:.3f} | {x['extracted']:.3f} | "
                             f"{best:.3f} | {x['cause']} |")
            lines.append("")
    replace_section(path, "folds", "\n".join(lines))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", default=str(EVAL))
    ap.add_argument("--sets", default="dev,metadata,modern,arabic_dumps")
    ap.add_argument("--k", type=int, default=K)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cache", default="/tmp/nc-cache")
    ap.add_argument("--losses", action="store_true")
    ap.add_argument("--json", default=None)
    ap.add_argument("--write-md", action="store_true")
    ap.add_argument("--choices", default=None, help="compare the HTML path's extractor settings (comma-separated "
                    f"names of {list(VARIANTS)}) and its post-cleaner's removals, chosen by folds")
    args = ap.parse_args()
    if args.choices is not None:
        res = choices(Path(args.eval), args.k, Path(args.cache), args.workers, [v for v in args.choices.split(",") if v])
        if args.json:
            Path(args.json).write_text(json.dumps(res, indent=1, default=str))
        return
    res = report(Path(args.eval), args.sets.split(","), args.k, Path(args.cache), args.workers, args.losses)
    if args.write_md:
        write_md(res, ROOT / "BENCHMARKS.md")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1, default=str))


if __name__ == "__main__":
    main()
