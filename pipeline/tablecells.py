"""A table in a text dump: a scraper prints an HTML table one cell per line ("Yes", "Non-Profit",
"~45M", "Basic", "Best", ...), so a comparison table inside a 2025-26 buyer's guide reads as a long
run of short lines, the shape of a menu. The body span (`clean.select_body`) then cannot cross it
and the article's opening, above the table, is dropped with the header. `table_cells` tells the two
apart by what a menu never has: the same cell value three times or more in one run (a column of
"Yes"/"No", "Basic"/"Best"), or cells that are numbers and units ("~45M", "$207.70", "-0.6%").
A menu printed twice repeats each entry twice at most. The returned lines score 0 in the span: they
neither pull the span in nor hold it back (0 chosen by site folds over -3, the score of any short
line, to -0.5: benchmarks/cv_sites.py, every fold).
"""
from __future__ import annotations

import re
from collections import Counter

from .lines import Feat
from .record import Line

TABLE_MIN_CELLS = 8  # short lines in one run
TABLE_CELL_UNITS = 8  # a cell has at most this many words
TABLE_REPEATS = 3  # a value printed this often in one run is a column's
TABLE_SHARE = 0.5  # of a run's cells repeated or numeric
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_BARE = re.compile(r"^\s*\d{1,4}\s*$")


def numeric_cell(text: str) -> bool:
    """A number with at most a one-letter unit ("6,632.19", "-0.6%", "~45M", "$207.70"); not a
    category with its count ("Akhlaq (47)", a blog's sidebar)."""
    return any(c.isdigit() for c in text) and not _LETTERS.search(text)


def counting_on(prev: str, text: str) -> bool:
    """A bare number one more than the line above: a calendar widget's days or a pager's pages
    (1 2 3 ... 30), where a table's rank column has other cells between its numbers."""
    return bool(_BARE.match(text) and _BARE.match(prev)) and int(text) == int(prev) + 1


def table_cells(lines: list[Line], feats: list[Feat]) -> set[int]:
    """Indexes of the kept short lines of runs that read as a table's cells (module docstring):
    at least TABLE_MIN_CELLS lines of at most TABLE_CELL_UNITS words, no paragraph or removed line
    between them (blank lines are passed over), of which TABLE_SHARE repeat a value TABLE_REPEATS
    times in the run or are numbers."""
    out: set[int] = set()
    run: list[int] = []

    def close() -> None:
        if len(run) >= TABLE_MIN_CELLS:
            keys = [" ".join(lines[i].text.casefold().split()) for i in run]
            count = Counter(keys)
            numbers = sum(numeric_cell(lines[i].text) and not counting_on(lines[p].text, lines[i].text)
                          for p, i in zip([run[0], *run], run))
            repeated = sum(count[k] >= TABLE_REPEATS for k in keys)
            columns = sum(c >= TABLE_REPEATS for c in count.values())
            if repeated + numbers >= TABLE_SHARE * len(run) and (columns >= 2 or numbers >= TABLE_REPEATS):
                out.update(run)
        run.clear()

    for i, (ln, f) in enumerate(zip(lines, feats)):
        if not ln.text.strip():
            continue
        if ln.kept and not f.paragraph and f.units <= TABLE_CELL_UNITS:
            run.append(i)
        else:
            close()
    close()
    return out
