"""What a run did, as one self-contained HTML file (inline SVG and CSS, no script, no request at
view time), and the page-by-page cleaning view of `newsclean inspect --html`.

The run report is computed from the Parquet tables with aggregate reads, never a row at a time
in Python: per file and row group, only the small columns are read (`run_id`, `site`,
`word_count`, the `reason` leaf of `removed_lines` and `paragraph_languages`, dictionary-encoded
as Parquet stores them), mapped to shared site and reason ids (a dictionary lookup per distinct
value, not per row) and counted with numpy `bincount` into arrays by row class (this run, the runs
it is compared with, the rest), site, reason, language and month. Language and month come from
the partition folders. What the table lacks (accounting, the slowest documents) comes from the
run's JSON.
"""
from __future__ import annotations

import html
import json
import os
import time
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .rules import REASONS

HISTORY = 10  # earlier runs in the history table
DRIFT_BASELINE = 5  # runs before the reported one that its sites are compared against
DRIFT_MIN_ARTICLES = 3  # a site needs this many articles on both sides to be compared
DRIFT_ROWS = 20
TOP_SITES = 25
EXAMPLES = 3  # rejected inputs shown per reason
LENGTH_EDGES = (0, 50, 100, 200, 400, 800, 1600, 3200)  # word_count bins; the last is open-ended
_REASON_LEAF = "removed_lines.list.element.reason"
_PARA_LEAF = "paragraph_languages.list.element"


# --- aggregates ---------------------------------------------------------------------------------
THIS, BEFORE, OTHER = 0, 1, 2  # row classes: the reported run, the runs it is compared with, the rest


class _Codes:
    """Strings to dense ids, shared by every file of a scan."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.names: list[str] = []

    def of(self, values: list[str]) -> np.ndarray:
        out = np.empty(len(values), np.int64)
        for i, v in enumerate(values):
            j = self.ids.get(v)
            if j is None:
                j = self.ids[v] = len(self.names)
                self.names.append(v)
            out[i] = j
        return out


def _grow(a: np.ndarray, axis: int, n: int) -> np.ndarray:
    if a.shape[axis] >= n:
        return a
    pad = [(0, 0)] * a.ndim
    pad[axis] = (0, max(n, 2 * a.shape[axis]) - a.shape[axis])
    return np.pad(a, pad)


class Aggregates:
    """Counts over the article table in three row classes (THIS run, the runs BEFORE it that it
    is compared with, OTHER runs), as dense numpy arrays over site, reason, language and month ids."""

    def __init__(self, run_class: dict[str, int] | None = None) -> None:
        self.run_class = run_class or {}
        self.rows = self.files = 0
        self.runs: set[str] = set()
        self.site, self.reason, self.lang, self.month = _Codes(), _Codes(), _Codes(), _Codes()
        self.lines = np.zeros((3, 0, 4), np.int64)  # class, site, (articles, kept lines, removed lines, words)
        self.reasons = np.zeros((3, 0, 0), np.int64)  # class, site, reason: removed lines
        self.langs = np.zeros((3, 0, 0), np.int64)  # class, site, language: articles
        self.months = np.zeros((3, 0), np.int64)  # class, month: articles
        self.lengths = np.zeros((3, len(LENGTH_EDGES)), np.int64)  # class, word_count bin: articles
        self._buf: list[_Chunk] = []
        self._buffered = 0

    def add(self, c: "_Chunk") -> None:
        """A chunk in its file's own codes: mapped to the shared ids, counted in batches."""
        self.runs.update(c.runs)
        c.site = self.site.of(c.site_vals)[c.site]
        c.reason = self.reason.of(c.reason_vals)[c.reason] if len(c.reason) else c.reason
        c.lang, c.month = self.lang.of([c.lang])[0], self.month.of([c.month])[0]
        self._buf.append(c)
        self._buffered += len(c.cls) + len(c.reason)
        if self._buffered >= FLUSH_VALUES:
            self.flush()

    def flush(self) -> None:
        """Count the buffered chunks with one bincount per measure (numpy, whole arrays)."""
        if not self._buf:
            return
        buf, self._buf, self._buffered = self._buf, [], 0
        ns, nr, nl, nm = (len(c.names) for c in (self.site, self.reason, self.lang, self.month))
        self.lines = _grow(self.lines, 1, ns)
        self.reasons = _grow(_grow(self.reasons, 1, ns), 2, nr)
        self.langs = _grow(_grow(self.langs, 1, ns), 2, nl)
        self.months = _grow(self.months, 1, nm)
        cat = np.concatenate
        cls = cat([c.cls for c in buf])
        key = cls * ns + cat([c.site for c in buf])
        m = 3 * ns
        for j, w in enumerate((None, cat([c.kept for c in buf]), cat([c.removed for c in buf]), cat([c.words for c in buf]))):
            self.lines[:, :ns, j] += np.bincount(key, weights=w, minlength=m).astype(np.int64).reshape(3, ns)
        lang = cat([np.full(len(c.cls), c.lang) for c in buf])
        self.langs[:, :ns, :nl] += _count(key * nl + lang, m * nl).reshape(3, ns, nl)
        month = cat([np.full(len(c.cls), c.month) for c in buf])
        self.months[:, :nm] += np.bincount(cls * nm + month, minlength=3 * nm).reshape(3, nm)
        nb = len(LENGTH_EDGES)
        self.lengths += np.bincount(cls * nb + cat([c.bins for c in buf]), minlength=3 * nb).reshape(3, nb)
        starts = np.cumsum([0] + [len(c.cls) for c in buf[:-1]])
        parent = cat([c.parent + s for c, s in zip(buf, starts)])
        if len(parent):
            self.reasons[:, :ns, :nr] += _count(key[parent] * nr + cat([c.reason for c in buf]), m * nr).reshape(3, ns, nr)

    def scope(self, classes: tuple[int, ...], top: int = TOP_SITES) -> dict:
        """Counts of the rows of `classes`, by name; lines by reason for the `top` sites with the most lines."""
        self.flush()
        cl = list(classes)
        lines = self.lines[cl].sum(0)
        reasons = self.reasons[cl].sum(0)
        langs = self.langs[cl].sum(0)
        months = self.months[cl].sum(0)
        total = lines[:, 1] + lines[:, 2]
        order = [i for i in np.argsort(-total, kind="stable")[:top].tolist() if lines[i, 0]]
        return {"articles": int(lines[:, 0].sum()), "lines_kept": int(lines[:, 1].sum()), "lines_removed": int(lines[:, 2].sum()),
                "sites": Counter({s: int(n) for s, n in zip(self.site.names, lines[:, 0].tolist()) if n}),
                "languages": Counter({x: int(n) for x, n in zip(self.lang.names, langs.sum(0).tolist()) if n}),
                "months": Counter({x: int(n) for x, n in zip(self.month.names, months.tolist()) if n}),
                "lengths": [int(x) for x in self.lengths[cl].sum(0)],
                "lines": {self.site.names[i]: Counter({"kept": int(lines[i, 1]),
                                                       **{self.reason.names[j]: int(reasons[i, j]) for j in np.flatnonzero(reasons[i])}})
                          for i in order},
                "_lines": lines, "_langs": langs}


FLUSH_VALUES = 1 << 20  # rows and removed lines buffered before they are counted


def _count(keys: np.ndarray, space: int) -> np.ndarray:
    """bincount, without allocating a huge mostly-empty array when the key space is large."""
    if space <= 1 << 24:
        return np.bincount(keys, minlength=space)
    out = np.zeros(space, np.int64)
    u, n = np.unique(keys, return_counts=True)
    out[u] = n
    return out


@dataclass(slots=True)
class _Chunk:
    """One record batch reduced to numpy arrays, in its own dictionary codes."""

    runs: list[str]
    cls: np.ndarray
    site_vals: list[str]
    site: np.ndarray
    kept: np.ndarray
    removed: np.ndarray
    words: np.ndarray
    bins: np.ndarray
    reason_vals: list[str]
    reason: np.ndarray
    parent: np.ndarray
    lang: object
    month: object


def _partition(path: Path, root: Path) -> dict[str, str]:
    return dict(unquote(p).split("=", 1) for p in path.relative_to(root).parts[:-1] if "=" in p)


def _codes(arr: pa.Array, missing: str) -> tuple[np.ndarray, list[str]]:
    """Dictionary indices as numpy (nulls -> one extra code named `missing`) and the dictionary."""
    if not pa.types.is_dictionary(arr.type):
        arr = pc.dictionary_encode(arr)
    values = arr.dictionary.to_pylist()
    idx = arr.indices
    if idx.null_count:
        idx = pc.fill_null(idx, len(values))
        values = values + [missing]
    return idx.to_numpy(zero_copy_only=False).astype(np.int64), values


def _lengths(arr: pa.Array) -> np.ndarray:
    return pc.fill_null(pc.list_value_length(arr), 0).to_numpy(zero_copy_only=False).astype(np.int64)


_EDGES = np.array(LENGTH_EDGES[1:])


def _chunk(b: pa.RecordBatch, run_class: dict[str, int], language: str, month: str) -> _Chunk:
    run, runs = _codes(b.column("run_id"), "?")
    site, sites = _codes(b.column("site"), "unknown")
    removed_col = b.column("removed_lines")
    kept = _lengths(b.column("paragraph_languages")) if "paragraph_languages" in b.schema.names \
        else pc.add(pc.count_substring(b.column("text"), "\n\n"), 1).to_numpy(zero_copy_only=False)  # files before v3
    words = pc.fill_null(b.column("word_count"), 0).to_numpy(zero_copy_only=False).astype(np.int64)
    flat = removed_col.flatten()
    reason, reasons = _codes(flat.field("reason"), "?") if len(flat) else (np.zeros(0, np.int64), [])
    parent = pc.list_parent_indices(removed_col).to_numpy(zero_copy_only=False).astype(np.int64) if len(flat) \
        else np.zeros(0, np.int64)
    return _Chunk(runs, np.array([run_class.get(r, OTHER) for r in runs], np.int64)[run], sites, site, kept,
                  _lengths(removed_col), words, np.searchsorted(_EDGES, words, side="right"), reasons, reason, parent,
                  language, month)


def _scan_file(path: Path, root: Path, run_class: dict[str, int]) -> list[_Chunk]:
    part = _partition(path, root)
    language, month = part.get("language", "und"), part.get("published_month", "unknown")
    out = []
    # local files: no read coalescing (pre_buffer costs ~0.1 ms a file and saves nothing here)
    with pq.ParquetFile(path, read_dictionary=["run_id", "site", _REASON_LEAF, _PARA_LEAF], pre_buffer=False) as pf:
        version = int((pf.metadata.metadata or {}).get(b"newsclean.schema_version", b"0"))
        has_paragraphs = version >= 3 or "paragraph_languages" in pf.schema_arrow.names
        cols = ["run_id", "site", "word_count", _REASON_LEAF] + ([_PARA_LEAF] if has_paragraphs else ["text"])
        for i in range(pf.num_row_groups):
            for b in pf.read_row_group(i, columns=cols, use_threads=False).to_batches():  # one dictionary a batch
                if b.num_rows:
                    out.append(_chunk(b, run_class, language, month))
    return out


def scan_articles(out: str | Path, run_class: dict[str, int] | None = None) -> Aggregates:
    """Aggregates of the committed article table of `out` (every file of its current snapshot)."""
    agg = Aggregates(run_class)
    root = Path(out) / "articles"
    if not root.exists():
        return agg
    root = root.resolve()
    files = sorted(root.rglob("*.parquet"))
    workers = os.cpu_count() or 1
    with ThreadPoolExecutor(max_workers=workers) as pool:  # Parquet decoding releases the GIL
        pending: deque = deque()
        for f in files + [None]:
            if f is not None:
                pending.append(pool.submit(_scan_file, f, root, agg.run_class))
            # a few files in flight: memory stays bounded however large the table
            while pending and (f is None or len(pending) > 2 * workers):
                for c in pending.popleft().result():
                    agg.rows += len(c.cls)
                    agg.add(c)
    agg.flush()
    agg.files = len(files)
    return agg


def scan_rejects(out: str | Path, run_id: str | None) -> tuple[Counter, dict[str, list[dict]]]:
    """Rejects of every run by (run, reason), and up to EXAMPLES inputs per reason of `run_id`."""
    root = Path(out) / "rejects"
    if not root.exists():
        return Counter(), {}
    import pyarrow.dataset as ds

    from newsclean import schemas

    d = ds.dataset(str(root), format="parquet", schema=schemas.rejects_schema())
    counts = d.to_table(columns=["run_id", "reason"]).group_by(["run_id", "reason"]).aggregate([([], "count_all")])
    by = Counter({(r, why): n for r, why, n in zip(*(counts.column(c).to_pylist() for c in ("run_id", "reason", "count_all")))})
    examples: dict[str, list[dict]] = {}
    if run_id is not None:
        t = d.to_table(columns=["reason", "source_uri", "detail"], filter=pc.field("run_id") == run_id)
        for why in pc.unique(t.column("reason")).to_pylist():
            hit = pc.indices_nonzero(pc.equal(t.column("reason"), why)).slice(0, EXAMPLES)
            examples[why] = t.take(hit).select(["source_uri", "detail"]).to_pylist()
    return by, examples


def load_runs(out: str | Path, upto: str | None = None, n: int = HISTORY + 1) -> list[dict]:
    """The last `n` run reports (JSON) up to run `upto`, oldest first."""
    paths = sorted(Path(out, "runs").glob("*.json"))
    if upto is not None:
        paths = [p for p in paths if p.stem <= upto]
    runs = []
    for p in paths[-n:]:
        try:
            runs.append(json.loads(p.read_text()))
        except (OSError, ValueError):  # a report being written by another process: not ours to judge
            continue
    return runs


# --- the report's numbers -----------------------------------------------------------------------
def _share(kept: int, removed: int) -> float | None:
    return removed / (kept + removed) if kept + removed else None


def drift(agg: Aggregates, baseline: list[str]) -> dict:
    """Per site: removed-line share, language mix (total variation distance) and words per
    article of THIS run against the runs BEFORE it; the sites that moved most first."""
    now, before = agg.scope((THIS,)), agg.scope((BEFORE,))
    a_lines, b_lines, a_lang, b_lang = now["_lines"], before["_lines"], now["_langs"], before["_langs"]
    langs = agg.lang.names
    rows, few = [], 0
    both = np.flatnonzero((a_lines[:, 0] > 0) & (b_lines[:, 0] > 0))
    for i in both.tolist():
        a, b = a_lines[i], b_lines[i]
        if min(a[0], b[0]) < DRIFT_MIN_ARTICLES:
            few += 1
            continue
        sa, sb = _share(a[1], a[2]), _share(b[1], b[2])
        pa_, pb_ = a_lang[i] / a[0], b_lang[i] / b[0]
        tvd = float(0.5 * np.abs(pa_ - pb_).sum())
        d_share = (sa or 0.0) - (sb or 0.0)
        rows.append({"site": agg.site.names[i], "articles": int(a[0]), "articles_before": int(b[0]),
                     "removed_share": sa, "removed_share_before": sb, "removed_share_change": d_share,
                     "languages": _mix(langs, pa_), "languages_before": _mix(langs, pb_), "language_change": tvd,
                     "words": a[3] / a[0], "words_before": b[3] / b[0], "score": max(abs(d_share), tvd)})
    rows.sort(key=lambda r: (-r["score"], -r["articles"], r["site"]))
    has_now, has_before = a_lines[:, 0] > 0, b_lines[:, 0] > 0
    return {"baseline": [r for r in baseline if r in agg.runs], "rows": rows[:DRIFT_ROWS], "compared": len(rows),
            "too_few": few, "new_sites": int((has_now & ~has_before).sum()), "gone_sites": int((has_before & ~has_now).sum())}


def _mix(names: list[str], p: np.ndarray) -> str:
    top = np.argsort(-p, kind="stable")[:3]
    return ", ".join(f"{names[i]} {p[i]:.0%}" for i in top if p[i] > 0)


def collect(out: str | Path, report: dict | None = None) -> dict:
    """Everything the page shows, as plain data (tests read it; `render` draws it). `report`:
    the run's report (default: the last one in out/runs)."""
    t0 = time.perf_counter()
    runs = load_runs(out, upto=report["run_id"] if report else None)
    if report is not None:
        runs = [r for r in runs if r.get("run_id") != report["run_id"]] + [report]
    report = runs[-1] if runs else None
    run_id = report["run_id"] if report else None
    # the runs compared with: the last ones before this run that wrote articles
    baseline = [r["run_id"] for r in runs[:-1] if r.get("counts", {}).get("written")][-DRIFT_BASELINE:]
    classes = {r: BEFORE for r in baseline}
    if run_id:
        classes[run_id] = THIS
    agg = scan_articles(out, classes)
    reject_counts, examples = scan_rejects(out, run_id)

    def scope(classes: tuple[int, ...]) -> dict:
        return {k: v for k, v in agg.scope(classes).items() if not k.startswith("_")}

    data = {
        "out": str(Path(out).resolve()), "report": report, "history": runs[-HISTORY - 1:],
        "table": {"rows": agg.rows, "files": agg.files, "runs": len(agg.runs), **scope((THIS, BEFORE, OTHER))},
        "run": scope((THIS,)) if run_id else None,
        "rejects": {"by_reason": Counter({why: n for (r, why), n in reject_counts.items() if r == run_id}),
                    "table": Counter({why: n for (_r, why), n in reject_counts.items()}),
                    "examples": examples},
        "drift": drift(agg, baseline) if run_id else None,
    }
    data["build_s"] = time.perf_counter() - t0
    return data


# --- drawing ------------------------------------------------------------------------------------
E = html.escape
PALETTE = {"kept": "#2e7d32", "navigation": "#1565c0", "footer": "#6d4c41", "masthead": "#8e24aa", "advertisement": "#c62828",
           "share": "#00838f", "promo": "#ef6c00", "related links": "#f9a825", "comments": "#5d4037", "template": "#546e7a",
           "metadata": "#7cb342", "image caption": "#d81b60", "other": "#9e9e9e"}
ACCOUNT_COLORS = {"written": "#2e7d32", "rejected": "#c62828", "skipped": "#90a4ae"}
BAR = "#3f6fb5"
CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;margin:0;color:#1d2330;background:#f4f6f9}
header{background:#1d2330;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;color:#c8d0dc}
main{padding:16px 24px}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px}
section{background:#fff;border:1px solid #dde2ea;border-radius:6px;padding:12px 16px;min-width:0}
section.wide{grid-column:1/-1}h2{font-size:16px;margin:0 0 8px}h3{font-size:14px;margin:12px 0 6px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:3px 6px;border-bottom:1px solid #eef0f4;vertical-align:top}
th{background:#f7f8fa;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.ok{color:#2e7d32;font-weight:600}.bad{color:#c62828;font-weight:600}.muted{color:#6b7380}.uri{word-break:break-all}
svg text{font:12px system-ui,sans-serif;fill:#1d2330}svg .v{fill:#444}.legend span{display:inline-block;margin:0 10px 4px 0;font-size:12px}
.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}
.up{color:#c62828}.down{color:#1565c0}
"""


def _fmt(n) -> str:
    return f"{n:,}" if isinstance(n, (int, np.integer)) else f"{n:,.1f}"


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x:.1%}"


def _short(s: str, n: int = 32) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def hbar(chart: str, items: list[tuple[str, int]], color: str = BAR, label_w: int = 230, width: int = 640) -> str:
    """Horizontal bars, one a row; every bar carries data-label / data-value for readers and tests."""
    if not items:
        return '<p class="muted">nothing to show</p>'
    top = max(v for _, v in items) or 1
    row, plot = 20, width - label_w - 70
    parts = [f'<svg class="chart" data-chart="{E(chart)}" width="{width}" height="{row * len(items) + 4}" '
             f'viewBox="0 0 {width} {row * len(items) + 4}" role="img">']
    for i, (label, v) in enumerate(items):
        y, w = i * row + 2, max(1.0, plot * v / top) if v else 0.0
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{E(_short(label))}</text>'
                     f'<rect class="bar" data-label="{E(label)}" data-value="{v}" x="{label_w}" y="{y + 2}" '
                     f'width="{w:.1f}" height="{row - 6}" fill="{color}"><title>{E(label)}: {v:,}</title></rect>'
                     f'<text class="v" x="{label_w + w + 5:.1f}" y="{y + 13}">{_fmt(v)}</text>')
    return "".join(parts) + "</svg>"


def columns(chart: str, items: list[tuple[str, int]], color: str = BAR, width: int = 640, height: int = 190,
            muted: set[str] = frozenset()) -> str:
    """Vertical columns in the given order (months, length bins)."""
    if not items:
        return '<p class="muted">nothing to show</p>'
    top = max(v for _, v in items) or 1
    rotate = len(items) > 12
    base = height - (58 if rotate else 22)
    gap = 1 if any(label in muted for label, _ in items) else 0  # a free slot before the muted columns ("unknown")
    step = (width - 64) / (len(items) + gap)  # room on the right for the last column's number
    bw = max(2.0, min(44.0, step * 0.8))
    parts = [f'<svg class="chart" data-chart="{E(chart)}" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">',
             f'<line x1="30" y1="{base}" x2="{width - 6}" y2="{base}" stroke="#999"/>']
    every = max(1, len(items) // 24)
    peak = max(range(len(items)), key=lambda i: items[i][1])
    for i, (label, v) in enumerate(items):
        x = 34 + (i + (gap if label in muted else 0)) * step
        h = (base - 16) * v / top if v else 0.0
        if v:
            h = max(h, 1.0)
        parts.append(f'<rect class="bar" data-label="{E(label)}" data-value="{v}" x="{x:.1f}" y="{base - h:.1f}" width="{bw:.1f}" '
                     f'height="{h:.1f}" fill="{"#b0b7c3" if label in muted else color}"><title>{E(label)}: {v:,}</title></rect>')
        if step >= 20 or (v and i == peak):  # numbers where they fit; the tooltip has every value
            parts.append(f'<text class="v" x="{x + bw / 2:.1f}" y="{base - h - 3:.1f}" text-anchor="middle">{_fmt(v)}</text>')
        if (i % every == 0 and i < len(items) - gap - every // 2) or label in muted:
            cx = x + bw / 2
            parts.append(f'<text x="{cx:.1f}" y="{base + 14}" text-anchor="end" transform="rotate(-45 {cx:.1f} {base + 14})">{E(label)}</text>'
                         if rotate else f'<text x="{cx:.1f}" y="{base + 15}" text-anchor="middle">{E(label)}</text>')
    return "".join(parts) + "</svg>"


def stacked(chart: str, rows: list[tuple[str, list[tuple[str, int]]]], colors: dict[str, str], label_w: int = 230,
            width: int = 640, legend: bool = True) -> str:
    """One horizontal bar a row, cut into named segments (kept lines and removed lines by category)."""
    if not rows:
        return '<p class="muted">nothing to show</p>'
    top = max(sum(v for _, v in segs) for _, segs in rows) or 1
    row, plot = 20, width - label_w - 70
    parts = [f'<svg class="chart" data-chart="{E(chart)}" width="{width}" height="{row * len(rows) + 4}" '
             f'viewBox="0 0 {width} {row * len(rows) + 4}" role="img">']
    for i, (label, segs) in enumerate(rows):
        y, x = i * row + 2, float(label_w)
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{E(_short(label))}</text>')
        for name, v in segs:
            if not v:
                continue
            w = plot * v / top
            parts.append(f'<rect class="seg" data-label="{E(label)}" data-segment="{E(name)}" data-value="{v}" x="{x:.2f}" '
                         f'y="{y + 2}" width="{max(w, 0.5):.2f}" height="{row - 6}" fill="{colors.get(name, "#9e9e9e")}">'
                         f'<title>{E(label)} · {E(name)}: {v:,}</title></rect>')
            x += w
        parts.append(f'<text class="v" x="{x + 5:.1f}" y="{y + 13}">{_fmt(sum(v for _, v in segs))}</text>')
    parts.append("</svg>")
    if legend:
        used = [k for k in colors if any(k == n and v for _, segs in rows for n, v in segs)]
        parts.append('<div class="legend">' + "".join(f'<span><i style="background:{colors[k]}"></i>{E(k)}</span>' for k in used)
                     + "</div>")
    return "".join(parts)


def _top(c: Counter, n: int, other: str) -> list[tuple[str, int]]:
    items = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
    head = items[:n]
    rest = items[n:]
    if rest:
        head.append((f"({len(rest)} {other})", sum(v for _, v in rest)))
    return head


def _category(code: str) -> str:
    return REASONS[code][0] if code in REASONS else "other"


def _lines_chart(chart: str, lines: dict[str, Counter], n: int = 20) -> str:
    order = sorted(lines, key=lambda s: (-sum(lines[s].values()), s))[:n]
    cats = list(PALETTE)
    rows = []
    for s in order:
        by_cat = Counter()
        for code, v in lines[s].items():
            by_cat["kept" if code == "kept" else _category(code)] += v
        rows.append((s, [(c, by_cat[c]) for c in cats if by_cat[c]]))
    return stacked(chart, rows, PALETTE)


def _lines_table(lines: dict[str, Counter], n: int = 20) -> str:
    order = sorted(lines, key=lambda s: (-sum(lines[s].values()), s))[:n]
    out = ['<table><tr><th>site</th><th class="n">kept</th><th class="n">removed</th><th class="n">removed %</th>'
           '<th>removed lines by reason</th></tr>']
    for s in order:
        c = lines[s]
        removed = sum(v for k, v in c.items() if k != "kept")
        reasons = ", ".join(f"{E(k)} {v:,}" for k, v in sorted(((k, v) for k, v in c.items() if k != "kept"),
                                                            key=lambda kv: (-kv[1], kv[0]))[:8])
        out.append(f'<tr><td>{E(s)}</td><td class="n">{c["kept"]:,}</td><td class="n">{removed:,}</td>'
                   f'<td class="n">{_pct(_share(c["kept"], removed))}</td><td>{reasons}</td></tr>')
    return "".join(out) + "</table>"


def _months(c: Counter) -> list[tuple[str, int]]:
    known = sorted(k for k in c if k != "unknown")
    if known:  # the timeline is continuous: months without articles are drawn as zero
        y, m = map(int, known[0].split("-"))
        y1, m1 = map(int, known[-1].split("-"))
        months = []
        while (y, m) <= (y1, m1) and len(months) < 600:
            months.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        if len(months) < 600:
            known = months
    items = [(k, c.get(k, 0)) for k in known]
    if c.get("unknown"):
        items.append(("unknown", c["unknown"]))
    return items


def _length_labels() -> list[str]:
    e = LENGTH_EDGES
    return [f"{e[i]}–{e[i + 1] - 1}" for i in range(len(e) - 1)] + [f"{e[-1]}+"]


def _articles_section(title: str, s: dict, key: str, note: str = "") -> str:
    if not s or not s["articles"]:
        return f'<section class="wide" id="{key}"><h2>{E(title)}</h2><p class="muted">no articles</p></section>'
    return (f'<section class="wide" id="{key}"><h2>{E(title)}: {s["articles"]:,} articles</h2>{note}'
            f'<div class="grid">'
            f'<div><h3>By site (top {TOP_SITES})</h3>{hbar(f"{key}-sites", _top(s["sites"], TOP_SITES, "other sites"))}</div>'
            f'<div><h3>By language</h3>{hbar(f"{key}-languages", _top(s["languages"], 20, "other languages"))}</div>'
            f'<div><h3>By month of publication</h3>{columns(f"{key}-months", _months(s["months"]), muted={"unknown"})}</div>'
            f'<div><h3>Body length (words)</h3>{columns(f"{key}-lengths", list(zip(_length_labels(), s["lengths"])))}</div>'
            f'</div>'
            f'<h3>Kept and removed lines per site (removed by reason category)</h3>{_lines_chart(f"{key}-lines", s["lines"])}'
            f'{_lines_table(s["lines"])}</section>')


def _accounting(r: dict) -> str:
    c = r["counts"]
    ok = c["read"] == c["written"] + c["rejected"] + c["skipped"]
    segs = [(k, c[k]) for k in ("written", "rejected", "skipped")]
    eq = (f'read <b>{c["read"]:,}</b> = written <b>{c["written"]:,}</b> + rejected <b>{c["rejected"]:,}</b> + '
          f'skipped <b>{c["skipped"]:,}</b> <span class="{"ok" if ok else "bad"}">{"✓ adds up" if ok else "✗ does not add up"}</span>')
    t = r.get("timings", {})
    return (f'<section id="accounting"><h2>Counts</h2><p>{eq}</p>'
            f'{stacked("accounting", [("records read", segs)], ACCOUNT_COLORS, label_w=110)}'
            f'<p>{r.get("inputs", 0):,} input files ({len(r.get("skipped_inputs", [])):,} unchanged, skipped); '
            f'{c.get("duplicates_marked", 0):,} duplicates marked; {t.get("total_s", 0):,.1f} s, '
            f'{r.get("throughput_docs_per_s", 0):,.1f} records/s; schema v{E(str(r.get("schema_version", "?")))}</p></section>')


def _history(runs: list[dict]) -> str:
    out = ['<section id="history"><h2>Recent runs</h2><table><tr><th>run</th><th class="n">read</th><th class="n">written</th>'
           '<th class="n">rejected</th><th class="n">skipped</th><th class="n">seconds</th><th>adds up</th></tr>']
    for r in reversed(runs):
        c = r["counts"]
        ok = c["read"] == c["written"] + c["rejected"] + c["skipped"]
        out.append(f'<tr><td>{E(r["run_id"])}</td>' + "".join(f'<td class="n">{c[k]:,}</td>' for k in ("read", "written", "rejected", "skipped"))
                   + f'<td class="n">{r.get("timings", {}).get("total_s", 0):,.1f}</td>'
                   f'<td class="{"ok" if ok else "bad"}">{"✓" if ok else "✗"}</td></tr>')
    return "".join(out) + "</table></section>"


def _rejects(rej: dict, report: dict) -> str:
    # the run's own counts (its JSON) include rejects since replaced by a later run
    counts = Counter(report.get("rejected_by_reason", {})) if report else rej["by_reason"]
    body = [f'<section id="rejects"><h2>Rejects of this run by reason</h2>'
            f'{hbar("rejects", _top(counts, 20, "other reasons"), color="#c62828")}']
    if counts:
        body.append('<table><tr><th>reason</th><th class="n">count</th><th>examples (input, detail)</th></tr>')
        for why, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            ex = "<br>".join(f'<span class="uri">{E(x["source_uri"])}</span> <span class="muted">{E(_short(x["detail"] or "", 160))}</span>'
                             for x in rej["examples"].get(why, []))
            body.append(f'<tr><td>{E(why)}</td><td class="n">{n:,}</td><td>{ex}</td></tr>')
        body.append("</table>")
    if rej["table"]:
        body.append(f'<p class="muted">the rejects table holds {sum(rej["table"].values()):,} rows over all runs: '
                    + ", ".join(f"{E(k)} {v:,}" for k, v in rej["table"].most_common(8)) + "</p>")
    return "".join(body) + "</section>"


def _slowest(report: dict) -> str:
    docs = report.get("slowest_documents") or []
    out = ['<section id="slowest"><h2>Slowest documents</h2>']
    if not docs:
        return out[0] + '<p class="muted">not recorded for this run</p></section>'
    out.append(hbar("slowest", [(Path(d["source_uri"].split("#")[0]).name + ("#" + d["source_uri"].split("#")[1] if "#" in d["source_uri"] else ""),
                                 round(d["seconds"] * 1000)) for d in docs], color="#ef6c00"))
    out.append('<p class="muted">milliseconds in cleaning (extraction, rules, language, metadata)</p>'
               '<table><tr><th class="n">ms</th><th>input</th><th>format</th><th>site</th><th>outcome</th></tr>')
    for d in docs:
        out.append(f'<tr><td class="n">{d["seconds"] * 1000:,.0f}</td><td class="uri">{E(d["source_uri"])}</td><td>{E(d["format"])}</td>'
                   f'<td>{E(d["site"] or "")}</td><td>{E(d["outcome"])}</td></tr>')
    return "".join(out) + "</table></section>"


def _drift(d: dict | None) -> str:
    out = ['<section class="wide" id="drift"><h2>Drift: sites that changed most against the previous runs</h2>']
    if d is None or not d["baseline"]:
        return out[0] + '<p class="muted">no earlier run in the table to compare with</p></section>'
    out.append(f'<p class="muted">this run against {len(d["baseline"])} run(s) before it ({E(d["baseline"][0])} … {E(d["baseline"][-1])}); '
               f'{d["compared"]} sites compared, {d["too_few"]} with fewer than {DRIFT_MIN_ARTICLES} articles on a side not compared; '
               f'{d["new_sites"]} sites new in this run, {d["gone_sites"]} not in it. Language change: total variation distance '
               f'of the site\'s language mix (0 = same, 1 = disjoint).</p>')
    if not d["rows"]:
        return "".join(out) + "</section>"
    out.append('<table data-table="drift"><tr><th>site</th><th class="n">articles (before)</th><th class="n">removed share</th>'
               '<th class="n">change</th><th>languages now (before)</th><th class="n">language change</th><th class="n">words/article (before)</th></tr>')
    for r in d["rows"]:
        ch = r["removed_share_change"]
        out.append(f'<tr data-site="{E(r["site"])}"><td>{E(r["site"])}</td><td class="n">{r["articles"]:,} ({r["articles_before"]:,})</td>'
                   f'<td class="n">{_pct(r["removed_share"])} ({_pct(r["removed_share_before"])})</td>'
                   f'<td class="n {"up" if ch > 0 else "down"}">{ch * 100:+.1f} pt</td>'
                   f'<td>{E(r["languages"])} <span class="muted">({E(r["languages_before"])})</span></td>'
                   f'<td class="n">{r["language_change"]:.2f}</td><td class="n">{r["words"]:,.0f} ({r["words_before"]:,.0f})</td></tr>')
    return "".join(out) + "</table></section>"


def _page(title: str, subtitle: str, body: str) -> str:
    # the policy forbids every fetch: what the page shows is in the file
    return ("<!doctype html><html><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
            f"<meta name=\"viewport\" content=\"width=device-width\"><title>{E(title)}</title><style>{CSS}</style></head>"
            f"<body><header><h1>{E(title)}</h1><p>{subtitle}</p></header>{body}</body></html>")


def render(data: dict) -> str:
    r, tab = data["report"], data["table"]
    title = f"newsclean run {r['run_id']}" if r else "newsclean output"
    sub = (f'{E(data["out"])} · {("finished " + E(str(r.get("finished_at", ""))[:19]) + " UTC · ") if r else ""}'
           f'table: {tab["rows"]:,} articles in {tab["files"]:,} files from {tab["runs"]:,} runs')
    body = ['<main class="grid">']
    if r:
        body += [_accounting(r), _history(data["history"]), _rejects(data["rejects"], r), _slowest(r), _drift(data["drift"])]
        note = ("" if r["counts"]["written"] == (data["run"] or {}).get("articles", 0) else
                f'<p class="muted">rows of this run still in the table (a later run may have replaced some): '
                f'{(data["run"] or {}).get("articles", 0):,} of {r["counts"]["written"]:,} written</p>')
        body.append(_articles_section("Articles written by this run", data["run"], "run", note))
    if tab["files"] > 200 and tab["rows"] < 2000 * tab["files"]:
        note = (f'<p class="muted">{tab["files"]:,} files of {tab["rows"] // tab["files"]:,} rows on average: '
                f'<code>newsclean compact {E(data["out"])}</code> merges them, and this report and every reader get faster</p>')
    else:
        note = ""
    body.append(_articles_section("The whole article table", tab, "table", note))
    body.append(f'</main><p class="muted" style="padding:0 24px 16px">built in {data["build_s"]:.2f} s by newsclean</p>')
    return _page(title, sub, "".join(body))


def write(out: str | Path, report: dict | None = None, path: str | Path | None = None) -> Path:
    """Write the report of run `report` (default: the last run) of the output folder `out`."""
    data = collect(out, report)
    rid = data["report"]["run_id"] if data["report"] else "table"
    path = Path(path) if path else Path(out) / "runs" / f"{rid}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(render(data), encoding="utf-8")
    os.replace(tmp, path)
    return path


# --- the cleaning view of one input (newsclean inspect --html) -----------------------------------
INSPECT_CSS = """
.doc{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr) minmax(260px,1.3fr);gap:14px;align-items:start}
.doc.text{grid-template-columns:minmax(0,3fr) minmax(260px,1.3fr)}
.lines td{font-size:13px}.lines tr.drop td.t{color:#8a8f98}.lines del{text-decoration-color:#c62828}
.lines tr.keep td.t{color:#111}code{background:#f1f3f6;padding:0 3px;border-radius:3px;font-size:12px}
.tag{display:inline-block;font-size:11px;padding:0 5px;border-radius:8px;margin-left:4px;white-space:nowrap}
.tag.add{background:#e3f2e5;color:#1b5e20}.tag.gone{background:#fdecea;color:#b71c1c}.tag.absent{background:#eceff1;color:#455a64}
.fields{position:sticky;top:8px}.fields td:first-child{color:#6b7380;white-space:nowrap}.fields td{overflow-wrap:anywhere}
.summary span{margin-right:12px}
"""


def _traf_default(raw: str, url: str | None) -> list[str] | None:
    """What trafilatura alone returns for the page (`extract` with its default settings)."""
    import trafilatura

    text = trafilatura.extract(raw, url=url)
    return None if text is None else [" ".join(t.split()) for t in text.split("\n") if t.strip()]


def inspect_records(path: str, record: int | None = None, opts=None) -> list[dict]:
    """Every record of `path` cleaned with a trace: each line with its verdict and the pass that
    decided, the extracted fields, and for HTML trafilatura's own output beside it."""
    from .clean import PASSES
    from .process import Options, process_article
    from .readers import read_file
    from .textnorm import match_key

    out = []
    for n, art in enumerate(read_file(path), 1):
        if record is not None and n != record:
            continue
        trace: dict[int, str] = {}
        if art.reject is None:
            process_article(art, opts or Options(), trace=trace)
        item = {"n": n, "source_uri": art.source_uri, "format": art.input_format, "reject": art.reject,
                "extractor": art.extractor, "lines": [], "fields": {}, "trafilatura": None}
        if not art.lines:
            out.append(item)
            continue
        item["lines"] = [{"text": ln.text, "reason": ln.reason, "rule": trace.get(i), "lang": ln.lang}
                         for i, ln in enumerate(art.lines)]
        for k in ("title", "subtitle", "authors", "byline_raw", "published_date", "published_time_local", "published_at",
                  "published_raw", "date_source", "section", "source_agency", "reading_time_minutes", "image_captions",
                  "language", "language_confidence", "other_language_share", "url", "site", "extractor", "encoding"):
            v = getattr(art, k)
            if k == "image_captions":
                v = [c.text + (f" (credit: {c.credit})" if c.credit else "") for c in v]
            item["fields"][k] = v
        if art.input_format == "html" and art.raw:
            traf = _traf_default(art.raw, art.url)
            ours = {}
            for ln in item["lines"]:
                ours.setdefault(match_key(ln["text"]), ln)
            theirs = set()
            if traf is not None:
                item["trafilatura"] = []
                for t in traf:
                    k = match_key(t)
                    theirs.add(k)
                    mine = ours.get(k)
                    status = "absent" if mine is None else "kept" if mine["reason"] is None else "removed"
                    item["trafilatura"].append({"text": t, "status": status, "reason": mine and mine["reason"]})
            for ln in item["lines"]:
                ln["in_trafilatura"] = traf is None or match_key(ln["text"]) in theirs
        item["passes"] = {r.split(" (")[0]: PASSES.get(r.split(" (")[0], "") for r in trace.values()}
        out.append(item)
    return out


def _field(v) -> str:
    if v is None or v == [] or v == "":
        return '<span class="muted">–</span>'
    if isinstance(v, list):
        return "<br>".join(E(str(x)) for x in v)
    return E(str(v))


def _inspect_record(it: dict) -> str:
    head = f'<h2>Record {it["n"]}: <span class="uri">{E(it["source_uri"])}</span></h2>'
    if it["reject"]:
        return (f'<section class="wide" data-record="{it["n"]}">{head}<p class="bad" data-reject="{E(it["reject"][0])}">rejected: '
                f'{E(it["reject"][0])}</p><p>{E(it["reject"][1] or "")}</p></section>')
    lines = it["lines"]
    kept = sum(ln["reason"] is None for ln in lines)
    by = Counter(ln["reason"] for ln in lines if ln["reason"])
    traf = it["trafilatura"]
    summary = [f'<span><b>{kept}</b> lines kept</span>', f'<span><b>{len(lines) - kept}</b> removed</span>',
               f'<span>format {E(it["format"])}, extractor {E(it["extractor"])}</span>']
    if traf is not None:
        summary.append(f'<span>trafilatura alone: <b>{len(traf)}</b> lines, of which newsclean removed '
                       f'<b>{sum(t["status"] == "removed" for t in traf)}</b>; newsclean kept '
                       f'<b>{sum(ln["reason"] is None and not ln["in_trafilatura"] for ln in lines)}</b> lines trafilatura does not return</span>')
    rows = ['<table class="lines" data-table="lines"><tr><th class="n">#</th><th>line</th><th>reason</th><th>rule</th></tr>']
    for i, ln in enumerate(lines, 1):
        r = ln["reason"]
        extra = ""
        if traf is not None and not ln["in_trafilatura"]:
            extra = '<span class="tag add" title="not in trafilatura\'s own output">not in trafilatura</span>' if r is None \
                else '<span class="tag absent" title="not in trafilatura\'s own output">not in trafilatura</span>'
        text = E(ln["text"]) if r is None else f"<del>{E(ln['text'])}</del>"
        why = "" if r is None else (f'<code title="{E(REASONS.get(r, ("", ""))[1])}">{E(r)}</code><br>'
                                    f'<span class="muted">{E(_category(r))}</span>')
        rule = "" if r is None else f'<code>{E(ln["rule"] or "?")}</code>'
        rows.append(f'<tr class="{"keep" if r is None else "drop"}" data-kept="{int(r is None)}" data-reason="{E(r or "")}">'
                    f'<td class="n muted">{i}</td><td class="t" dir="auto">{text}{extra}</td><td>{why}</td><td>{rule}</td></tr>')
    rows.append("</table>")
    side = ""
    if traf is not None:
        t_rows = ['<table class="lines" data-table="trafilatura"><tr><th>trafilatura alone (<code>extract()</code>, defaults)</th></tr>']
        for t in traf:
            label = {"kept": "", "removed": f'<span class="tag gone">newsclean removed: {E(t["reason"] or "")}</span>',
                     "absent": '<span class="tag absent">not in newsclean\'s extraction</span>'}[t["status"]]
            text = E(t["text"]) if t["status"] == "kept" else f"<del>{E(t['text'])}</del>"
            t_rows.append(f'<tr class="{"keep" if t["status"] == "kept" else "drop"}" data-status="{t["status"]}">'
                          f'<td class="t" dir="auto">{text}{label}</td></tr>')
        side = "<div>" + "".join(t_rows) + "</table></div>"
    elif it["format"] == "html":
        side = '<div><p class="muted">trafilatura alone returns nothing for this page</p></div>'
    fields = "".join(f'<tr data-field="{E(k)}"><td>{E(k)}</td><td dir="auto">{_field(v)}</td></tr>' for k, v in it["fields"].items())
    legend = "".join(f'<tr><td><code>{E(r)}</code></td><td class="n">{n}</td><td>{E(_category(r))}</td>'
                     f'<td>{E(REASONS.get(r, ("", ""))[1])}</td></tr>' for r, n in by.most_common())
    passes = "".join(f'<tr><td><code>{E(p)}</code></td><td>{E(d)}</td></tr>' for p, d in sorted(it.get("passes", {}).items()))
    notes = "" if not by else (
        f'<h3>Reasons</h3><table><tr><th>reason</th><th class="n">lines</th><th>category</th><th>why the line goes</th></tr>{legend}</table>'
        f'<h3>Rules (cleaning passes) that decided</h3><table>{passes}</table>')
    return (f'<section class="wide" data-record="{it["n"]}">{head}<p class="summary">{"".join(summary)}</p>'
            f'<div class="doc{" text" if not side else ""}"><div>{"".join(rows)}</div>{side}'
            f'<div class="fields"><h3>Extracted fields</h3><table data-table="fields">{fields}</table></div></div>'
            f'{notes}</section>')


def render_inspect(path: str, items: list[dict]) -> str:
    body = '<main class="grid">' + "".join(_inspect_record(it) for it in items) + "</main>"
    if not items:
        body = '<main><p class="muted">no record</p></main>'
    return _page(f"newsclean inspect: {Path(path).name}",
                 f"{E(path)} · every line kept or struck through, with its reason and the rule that decided",
                 body).replace("</style>", INSPECT_CSS + "</style>", 1)


def write_inspect(path: str, html_path: str | Path, record: int | None = None) -> Path:
    html_path = Path(html_path)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(render_inspect(path, inspect_records(path, record)), encoding="utf-8")
    return html_path
