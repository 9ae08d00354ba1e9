"""Site templates learned across documents: lines that recur in many articles of one site.

A line (normalised by `match_key`: case, digits, punctuation, Arabic letter variants) seen in at
least `min_docs` documents of a site is template there: menus, footers, subscription boxes,
legal text that the per-line rules did not catch. A line also seen on another site is shared
text (a syndicated wire story), not template, and is never removed by this rule.

Counts live in DIR/_state/templates.parquet (site, key hash, documents, sites), updated when a
run publishes; a run applies what earlier runs learned plus what its own chunk shows. The store
is bounded per site (rare keys are pruned first), so memory does not grow with the corpus.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import xxhash

from .record import Article
from .textnorm import match_key

MIN_DOCS = 3  # documents of one site a line must appear in to be template
MIN_DOCS_PROSE = 5  # a long prose line needs more: two updates of one story share paragraphs
PROSE_WORDS = 25
MAX_KEYS_PER_SITE = 20_000
SCHEMA = pa.schema([("site", pa.string()), ("key", pa.uint64()), ("docs", pa.int32()), ("other_site", pa.bool_())])


def line_key(text: str) -> int | None:
    k = match_key(text)
    return xxhash.xxh3_64_intdigest(k.encode("utf-8")) if len(k) >= 3 else None


def site_group(art: Article) -> str | None:
    """The site a document's template belongs to: the registered domain, else the input folder."""
    if art.site:
        return art.site
    uri = art.source_uri.split("#", 1)[0]
    parent = uri.rsplit("/", 2)
    return f"folder:{parent[-2]}" if len(parent) >= 2 else None


@dataclass
class TemplateStore:
    docs: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    shared: set[int] = field(default_factory=set)  # keys seen on more than one site

    @classmethod
    def load(cls, out: str | Path) -> "TemplateStore":
        st = cls()
        p = Path(out) / "_state" / "templates.parquet"
        if p.exists():
            t = pq.read_table(p).to_pydict()
            for site, key, docs, other in zip(t["site"], t["key"], t["docs"], t["other_site"]):
                st.docs[site][key] = docs
                if other:
                    st.shared.add(key)
        return st

    def add(self, arts: list[Article]) -> None:
        """Count each document's distinct lines under its site."""
        owner: dict[int, str] = {}
        for site, table in self.docs.items():
            for k in table:
                owner.setdefault(k, site)
        for a in arts:
            site = site_group(a)
            if site is None:
                continue
            table = self.docs[site]
            for k in {line_key(ln.text) for ln in a.lines} - {None}:
                table[k] = table.get(k, 0) + 1
                first = owner.setdefault(k, site)
                if first != site:
                    self.shared.add(k)
            if len(table) > MAX_KEYS_PER_SITE:
                self._prune(table)

    @staticmethod
    def _prune(table: dict[int, int]) -> None:
        keep = sorted(table.items(), key=lambda kv: -kv[1])[: MAX_KEYS_PER_SITE // 2]
        table.clear()
        table.update(keep)

    def merge(self, other: "TemplateStore") -> None:
        for site, table in other.docs.items():
            mine = self.docs[site]
            for k, n in table.items():
                mine[k] = mine.get(k, 0) + n
            if len(mine) > MAX_KEYS_PER_SITE:
                self._prune(mine)
        self.shared |= other.shared
        sites_of: dict[int, set[str]] = defaultdict(set)
        for site, table in self.docs.items():
            for k in table:
                sites_of[k].add(site)
        self.shared |= {k for k, s in sites_of.items() if len(s) > 1}

    def is_template(self, site: str | None, text: str, words: int) -> bool:
        if site is None:
            return False
        k = line_key(text)
        if k is None or k in self.shared:
            return False
        need = MIN_DOCS_PROSE if words >= PROSE_WORDS else MIN_DOCS
        return self.docs.get(site, {}).get(k, 0) >= need

    def mark(self, arts: list[Article]) -> int:
        """Mark template lines in the kept body of `arts`; returns how many lines went."""
        n = 0
        for a in arts:
            site = site_group(a)
            for ln in a.lines:
                if ln.reason is None and self.is_template(site, ln.text, len(ln.text.split())):
                    ln.reason = "template"
                    n += 1
            if not any(ln.reason is None for ln in a.lines):
                a.reject = ("no_body", "every line was boilerplate or site template")
        return n

    def to_table(self) -> pa.Table:
        sites, keys, docs = [], [], []
        for site, table in self.docs.items():
            sites += [site] * len(table)
            keys += table.keys()
            docs += table.values()
        return pa.table({"site": sites, "key": pa.array(keys, pa.uint64()), "docs": pa.array(docs, pa.int32()),
                         "other_site": [k in self.shared for k in keys]}, schema=SCHEMA)

    def save(self, out: str | Path, run_id: str) -> None:
        import os

        p = Path(out) / "_state" / "templates.parquet"
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_suffix(f".tmp-{run_id}")
        pq.write_table(self.to_table(), tmp)
        os.replace(tmp, p)
