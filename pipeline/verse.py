"""Verse in a text dump: a poem's hemistichs or a column printed in short lines are body text,
though no line of them is long enough to count as a paragraph (issue 23: two Arabic poems lost
93 % of their text to the body span). `verse_lines` finds them from generic features of the lines
and their run, never from a site's words: prose evidence (function words, pauses, end punctuation),
lines that run on into each other, no Latin, addresses or menu separators.
"""
from __future__ import annotations

import re

from . import rules as R
from .bylines import byline_prefix
from .lines import Feat
from .record import Line
from .roles import arabic_name_shape

VERSE_MAX_UNITS = 12
VERSE_MIN_LINES = 4  # short lines in one run,
VERSE_MIN_EVIDENCE = 3  # of them with prose evidence
VERSE_HEAD = 3  # a run's lines above a byline among them are the headline's
VERSE_MAX_GAP = 2  # short lines without evidence between two with it (a stanza number, "إستانبول وفاس")
VERSE_LINKED_SHARE = 0.35  # of a run's short lines run on (see _LINKED): in a list of headlines at most ~0.2 do
_VERSE_END = re.compile(r"[.!?؟…:;،,]\s*$")
# A line that runs on from or into its neighbour: it ends with a pause or a clause's punctuation (a
# headline ends bare, or with "!" or "?"), or opens with the conjunction و / ف.
_LINKED = re.compile(r"[.…:;،,]\s*$|^[\s(«*-]*[وف]")
_PAUSE = re.compile(r"\.\.|…")  # a prose poem's pause
_AR_WORD = re.compile(r"[\u0621-\u064a]+")


def _verse_evidence(text: str, f: Feat) -> int | None:
    """None: no line of a verse; 1: a short Arabic line with nothing prose-like; 2: a short line
    with an Arabic function word (bare or after و/ف) or, from three words, ending with punctuation.
    A line of digits alone ("(2)", a stanza's number) is a line without evidence."""
    if f.script is None and f.units <= 2:
        return 1
    if f.script != "Arabic" or f.units > VERSE_MAX_UNITS or R.NOT_VERSE.search(text):
        return None
    if any(w in R.AR_FUNCTION or (w[:1] in "وف" and w[1:] in R.AR_FUNCTION) for w in _AR_WORD.findall(text)):
        return 2
    return 2 if (f.units >= 3 and _VERSE_END.search(text)) or (f.units >= 2 and _PAUSE.search(text)) else 1


def verse_lines(lines: list[Line], feats: list[Feat], barriers: frozenset[str] | set[str] = frozenset()) -> set[int]:
    """Lines of a verse or of a column in short lines (a poem's hemistichs, a prose poem): runs of
    short Arabic lines with prose evidence (function words, end punctuation, pauses) and no Latin,
    address or separators; at least VERSE_MIN_LINES, VERSE_MIN_EVIDENCE with evidence, edges trimmed
    to lines with evidence. Up to two
    paragraphs in a row do not break a run, but its short lines are at least half of it; a person's
    name among its first lines (the byline under a headline) starts it anew. A list of headlines is
    rejected because its lines stand alone (few end in a pause or open with "و"), a menu because it
    has no function words. The
    returned short lines score as body in `clean.select_body`; `barriers`: reasons of removed lines
    that end a run."""
    out: set[int] = set()
    run: list[tuple[int, int]] = []  # (index, evidence) of the current run; 3 for a paragraph

    def close():
        while run and run[-1][1] == 1:
            run.pop()
        # a name or a credit among the first lines: the byline under a headline, the run starts below it
        names = [n for n, (i, e) in enumerate(run[:VERSE_HEAD])
                 if e == 1 and (arabic_name_shape(lines[i].text) or byline_prefix(lines[i].text))]
        if names:
            del run[:names[-1] + 1]
        while run and run[-1][1] == 3:
            run.pop()
        short = [i for i, e in run if e != 3]
        strong = sum(e == 2 for _, e in run)
        linked = sum(bool(_LINKED.search(lines[i].text)) for i in short)
        if len(short) >= VERSE_MIN_LINES and strong >= VERSE_MIN_EVIDENCE and linked >= VERSE_LINKED_SHARE * len(short) and len(short) * 2 >= len(run):
            out.update(short)
        run.clear()

    gap = paras = 0
    for i, (ln, f) in enumerate(zip(lines, feats)):
        if not ln.kept and ln.reason not in barriers:
            continue  # a caption, a credit: the verse goes on under it; a barrier (related list, share bar) ends it
        e = None if not ln.kept else 3 if f.paragraph and f.script == "Arabic" else f.verdict("verse", _verse_evidence, ln.text)
        if e is None or (e == 1 and gap >= VERSE_MAX_GAP) or (e == 3 and paras >= VERSE_MAX_GAP):
            close()
            gap = paras = 0
            continue
        if e != 2 and not run:
            continue  # a run opens with a short line with evidence
        gap = gap + 1 if e == 1 else 0
        paras = paras + 1 if e == 3 else 0
        run.append((i, e))
    close()
    return out
