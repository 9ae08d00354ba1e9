"""Bylines and wire agencies: person names out of credit lines, agencies as canonical codes."""
from __future__ import annotations

import re
from functools import lru_cache

from . import rules as R
from .dates import find_date
from .scripts import dominant_script
from .textnorm import match_key

_AGENCY_KEYS = {match_key(s): code for code, names in R.AGENCIES.items() for s in names}


def agency_code(text: str) -> str | None:
    """The canonical code when `text` is exactly an agency name (after folding), else None."""
    key = match_key(text)
    key = re.sub(r"^(?:with|via|and|و|wire|agency|by)\s+", "", key)
    return _AGENCY_KEYS.get(key)


def split_waw(part: str) -> list[str]:
    """"محمد السيد وأحمد حسن" -> ["محمد السيد", "أحمد حسن"]; "أحمد وائل" stays one name."""
    for m in R.WAW_JOINED.finditer(part):
        left, right = part[:m.start()], part[m.end():]
        if "و" + right.split()[0] not in R.WAW_NAMES and len(left.split()) >= 2 and len(right.split()) >= 2:
            return [left, *split_waw(right)]
    return [part]


def names_organisation(text: str) -> bool:
    """An author field's value that names an organisation or a website, not a person."""
    return bool(R.ORG_WORD.search(text) or R.INSTITUTION.search(text))


def looks_like_name(text: str) -> bool:
    """A person's name: 1-5 tokens, capitalised (or Arabic/Cyrillic), no digits or URLs."""
    toks = text.split()
    if not 1 <= len(toks) <= 5 or R.NOT_NAME.search(text):
        return False
    if not all(R.NAME_TOKEN.match(t) for t in toks):
        return False
    # lower-case particles (van, de, al) are fine, but not a whole name of them
    return any(not t.islower() for t in toks)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Short function words of the main Latin-script languages (justext's stop lists, a
    trafilatura dependency), minus name particles and words that are also given names."""
    import justext

    words: set[str] = set()
    for lang in ("English", "German", "French", "Spanish", "Portuguese", "Italian", "Dutch"):
        words |= {w.casefold() for w in justext.get_stoplist(lang) if len(w) <= 5}
    return frozenset(words - R.PARTICLES - {"john", "paul", "maria", "may", "will", "mark", "ali", "anna", "ben", "eva", "jan",
                                           "lea", "bill", "rose", "grant", "frank", "don", "max", "tom", "ken"})


def bare_name(text: str) -> bool:
    """A line that is only a person's name, with no "By" to vouch for it: 2-4 words, capitalised
    first word, lower-case words only as name particles, no function word ("Über uns", "Tanzt
    das Brot", "Zurück zur Übersicht" are page furniture)."""
    toks = text.split()
    if not (2 <= len(toks) <= 4 and looks_like_name(text)) or not toks[0][:1].isupper():
        return False
    fw = _function_words()
    return not any((t.islower() and t not in R.PARTICLES) or t.casefold().strip(".,") in fw for t in toks)


def full_name(text: str) -> bool:
    """Two to four capitalised words and no organisation word: a person, not an affiliation."""
    toks = text.split()
    return (2 <= len(toks) <= 4 and looks_like_name(text) and not R.ORG_WORD.search(text)
            and toks[0].casefold() not in R.PLACE_HEADS and not toks[0][:1].islower() and not toks[-1].islower()
            and not agency_code(text) and all(t[:1].isupper() for t in toks if len(t) > 3) and not R.ROLES.search(text))


def is_phrase(text: str) -> bool:
    """Three or more words, one of them a function word in lower case ("über", "for"): prose, not a name."""
    toks = text.split()
    return len(toks) >= 3 and any(t.islower() and t in _function_words() for t in toks)


def handle(text: str) -> bool:
    """A user name as its owner writes it, one token in lower case or with digits ("happyface313",
    "zahlenzauberin"), not a brand's capitalised name: a blog named after it is its author's."""
    return bool(R.HANDLE_NAME.match(text)) and (text.islower() or any(c.isdigit() for c in text)) and not R.ACCOUNT_WORD.search(text)


def _lenient_name(text: str) -> bool:
    """A name as a CMS field gives it: may be a user name ("mh", "zahlenzauberin", "freeman1984"),
    but words in lower case beside others are a phrase ("Alles über Lautsprecher", an author box's
    blurb)."""
    toks = text.split()
    if R.HANDLE_NAME.match(text):
        return not R.ACCOUNT_WORD.search(text) and text.casefold() not in _function_words()  # "Author of"
    return (1 <= len(toks) <= 5 and not R.NOT_NAME.search(text) and len(text) <= 60 and any(c.isalpha() for c in text)
            and (len(toks) == 1 or not any(t.islower() and t not in R.PARTICLES for t in toks)))


def expand_first_names(names: list[str], texts) -> dict[str, str]:
    """A first name alone, as a CMS account gives it ("Nils"), -> the full name the page prints
    at the head of a text or after a byline preposition ("Nils Pickert ist freier Autor", "Eine
    Kolumne von Nils Pickert"); the most frequent such full name wins."""
    from collections import Counter

    singles = [n for n in names if n.isalpha() and n[:1].isupper() and n[1:].islower()]
    if not singles:
        return {}
    rx = {n: re.compile(r"(?:^|\b(?:von|by|par|por|de|di|door)\s+)" + re.escape(n) + r"\s+([A-ZÀ-ÖØ-Þ][\w'’]+(?:-[A-Z][\w'’]+)?)\b")
          for n in singles}
    counts: dict[str, Counter] = {n: Counter() for n in singles}
    for t in texts:
        for n in singles:
            if n in t:
                for last in rx[n].findall(t[:300]):
                    full = f"{n} {last}"
                    if last.casefold() not in _function_words() and not R.SAID.match(last) and full_name(full):  # "Nesselsetzer sagt:"
                        counts[n][full] += 1
    return {n: c.most_common(1)[0][0] for n, c in counts.items() if c}


def byline_prefix(text: str) -> re.Match | None:
    """The credit word a line opens with ("By", "von", "Autor:", "كتب:"), matched on the line
    without its decoration; `m.end() == len(m.string)` when the line is the prefix alone."""
    return R.CREDIT_PREFIX.match(text.strip().strip("–—-|•·'\"‘’“”").strip())


def credit_word(text: str) -> bool:
    """The line opens with a word that only credits an author ("Posted by", "Geschrieben von",
    "Autor:", "كتب"), not with a bare preposition ("by", "von", "de") that opens other phrases too."""
    m = byline_prefix(text)
    return bool(m) and not R.BARE_PREPOSITION.match(m.group().strip())


def _stamp_cut(rest: str) -> str:
    """"SPÖ on Monday, February 7, 2022" -> "SPÖ": a date after the name, with its lead words."""
    if not any(c.isdigit() for c in rest):
        return rest
    pd = find_date(rest)
    if pd is None or pd.span[0] == 0:
        return rest
    return R.STAMP_LEAD.sub("", rest[:pd.span[0]])


def byline_after_stamp(text: str) -> str | None:
    """The credit after a date stamp on one line ("Posted on September 21, 2020 by X",
    "Veröffentlicht am 13. März 2019 von X", "05.02.2020 - Redaktion: X"), or None."""
    if len(text) > 160 or not any(c.isdigit() for c in text):
        return None
    pd = find_date(text)
    if pd is None or pd.span[0] > 40:
        return None
    rest = text[pd.span[1]:]
    rest = re.sub(r"^(?:\s*(?:[|•·,/–—-]|\d{1,2}[:h.]\d{2}(?:\s*[ap]\.?m\.?|\s*uhr)?|um|at|à))*\s*", "", rest, flags=re.I)
    return rest if rest and R.CREDIT_PREFIX.match(rest) else None


def parse_byline(text: str, *, require_prefix: bool = False, site: str | None = None,
                 lenient: bool = False) -> tuple[list[str], str | None] | None:
    """Split a credit line into (authors, agency). None when it is not a credit line.

    "By A and B | Fox News" -> (["A", "B"], None); "كتب: أحمد علي" -> (["أحمد علي"], None);
    "By AFP" -> ([], "AFP"); "Reporting by X; Editing by Y" -> (["X"], None).

    Long: one credit line read left to right (prefix, agency, role words, name list); the steps share
    the line's state, and splitting them would pass it all around.
    """
    line = R.GLUED_STAMP.sub(" ", text.strip().strip("–—-|•·'\"‘’“”").strip())
    m = R.CREDIT_PREFIX.match(line)
    if not m and require_prefix:
        return None
    rest = line[m.end():] if m else line
    if m and not R.PREPOSITION.match(m.group().strip()) and m.group().strip().casefold() != "by" \
            and (m2 := R.CREDIT_PREFIX.match(rest)):
        # "Author Posted by X", "Author: By X": a label, then the credit ("By De Niro": a preposition, then a name)
        rest = rest[m2.end():]
    if m and len(pieces(rest)) >= 2 and dominant_script(rest) == "Arabic" and (names := dateline_names(rest)):
        return names  # "كتب: الخرج - سليمان الظفيري:": after the prefix an Arabic dateline, its place first
    agency = None
    rest = R.CORRESPONDENT_OF.sub("", rest)
    rest = R.EDITING.sub("", rest)
    rest = R.READING_TIME_PHRASE.sub("", rest)
    rest = re.sub(r"\s+(?i:for|für|pour|para|per)\s+(?:the\s+)?[A-Z\u0600-\u06FF].*$", "", rest)  # "X For The Mail On Sunday"
    # Drop a trailing publisher / date part: "By X | Fox News", "By X - Oct 1, 2025".
    rest, *after = re.split(r"\s+[|•·／]\s+|\s+[-–—]\s+(?=\S)", rest)
    if after and (code := agency_code(after[-1])):
        if not m and len(rest.split()) == 1:
            return [], code  # "القاهرة - أ ش أ", "CAIRO - AFP": a dateline and the agency, no author
        agency = code
    rest = _stamp_cut(rest)
    rest = re.sub(r"\s+(?:filed\s+)?(?:under|in)(?:\s+\S.*)?$", "", rest)  # "Posted by X under Allgemein", "by X in News"
    rest = R.AFTER_NAME.sub("", rest)
    rest = re.sub(r"(?:\s+(?:Last|Zuletzt))?\s+(?:Stand|Aktualisiert|Updated|Published|Veröffentlicht|Posted|Erstellt|Created|"
                  r"Geändert|at|um)\s*:?\s*$", "", rest)  # "X Stand", "X Last Updated: <date>", "David at <date>"
    if "," in rest and not R.ROLES.sub("", rest.split(",")[0]).strip():
        rest = ""  # "By Staff Writer, Gulf News": a role where the name goes, then the publisher
    rest = R.ROLES.sub(" ", rest)
    rest = re.sub(r"\s*\(.*?\)\s*", " ", rest).strip(" ,;:-")
    authors = []
    # "Peter Maahn/SP-X", "Jane Doe/AFP": a short credit code after the name (an agency, a desk)
    if (cm := re.search(r"(?<=\w)\s*/\s*([A-Z][A-Z0-9-]{1,7}|[a-z]{2,4})$", rest)) and len(rest[:cm.start()].split()) >= 2 \
            and looks_like_name(rest[:cm.start()]):
        agency = agency_code(cm.group(1)) or agency
        rest = rest[:cm.start()]
    if (wm := R.WITH_AGENCY.search(rest)) and (code := agency_code(wm["agency"])):
        agency, rest = code, rest[:wm.start()]
    if not rest or len(rest) > 120:
        return None
    parts = [p for part in R.NAME_SPLIT.split(rest) for p in split_waw(part)]
    if "," in rest and not re.search(r"\b(?:and|und|et|y|e)\b|&| و ", rest, re.I):
        # "By JOHN SMITH, Associated Press", "By A, AMP Project Marketing, Google": after the
        # first comma comes an affiliation, unless names are joined with "and"
        head, *tail = [p.strip() for p in rest.split(",")]
        if all(full_name(t) for t in [head, *tail]):
            parts = [head, *tail]  # "Luana Patriolino, Raphael Felice": every part a full name
        elif m and not lenient and len(head.split()) == 1 and R.PREPOSITION.match(m.group()):
            return None  # "von Künstlern, Bands, DJs": a preposition and a list, not a credit
        else:
            parts = [head] + [t for t in tail if agency_code(t)]
    for part in parts:
        part = re.sub(r"(?<!\b[A-Z])(?<!\b[JS]r)\.$", "", part.strip(" ,:;-–—'\"‘’“”«»()[]")).strip()
        if (sum(c.isalpha() for c in part) < 2 and not R.HANDLE_NAME.match(part)) or part.casefold() in R.GENERIC_ACCOUNTS:
            continue  # "r", "C": what is left of an account ("r23") once digits are stripped
        if m_org := R.ORG_STAFF.match(part):  # "Reuters Staff", "Gulf News Desk": a newsroom, not a person
            agency = agency or agency_code(m_org["org"])
            continue
        code = agency_code(part)
        if code:
            agency = agency or code
            continue
        if R.INITIALS.match(part) or R.LOGIN.match(part) or (not m and re.fullmatch(r"(?:[A-Z]\s){1,3}[A-Z]", part)) or (
                part.casefold() in R.MONTHS and part.casefold() not in R.MONTHS_ALSO_NAMES):
            continue  # "PP", "DT": a desk code or initials (an agency's, such as "AP", is read above); "R D"
            # uncredited: a credential stripped of its dots ("R.D."); "robert.stitz", "gabor_munier": a login;
            # "Dec", "July": a date's month read as a name
        if site and match_key(part) == match_key(site):
            continue
        if not (looks_like_name(part) or (lenient and _lenient_name(part))):
            return None
        toks = part.split()
        if R.SAID.match(toks[-1]):
            return None  # "stephangoeldi said:": a comment's signature
        if len(toks) > 1 and toks[-1] in R.PARTICLES:
            return None  # "Krisenmanagement zu": a name does not end with "zu", "de", "van"
        if len(toks) > 1 and toks[0].casefold() not in R.PARTICLES and (
                toks[0].casefold() in R.PHRASE_HEADS or (toks[0].islower() and toks[1][:1].isupper())):
            return None  # "Die FURCHE", "deinen Hochzeitsbloggern": a phrase, not a person
        if part.casefold() not in {a.casefold() for a in authors}:
            authors.append(part)
    if not authors and not agency:
        return None
    return authors, agency


# A credit line's pieces: split at dashes, colons, bars, slashes, commas (also the Arabic comma),
# brackets, and "من" ("from") before a place ("سعيد الحربي من جدة"). A tatweel stands for a dash
# only with a space beside it (inside a word it stretches the word).
PIECE_SEP = re.compile(r"\s*(?:[-–—:|/،,()\[\]]|\s+ـ+\s*|\s*ـ+\s+)\s*|\s+من\s+")
QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”")
AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")  # harakat and tatweel
AR_TITLES = re.compile(r"^(?:(?:د|م|أ|ا)\.\s*|(?:الدكتور|الدكتورة|المهندس|الأستاذ|الاستاذ|الشيخ)\s+)")  # "د.", "الدكتور"


def pieces(text: str) -> list[str]:
    """The pieces of a line split at credit separators, quoted spans (an outlet, a title) dropped."""
    return [p.strip() for p in PIECE_SEP.split(QUOTED.sub(" | ", text)) if p and p.strip()]


# A desk or an office credited where a person's name goes ("مكتب جدة", "وحدة الأخبار", "المنسق
# الإعلامي"): the piece opens with one of these words.
_AR_DESK = frozenset({"مكتب", "قسم", "وحدة", "فريق", "محرر", "محررو", "مراسل", "مراسلو", "مراسلة", "مندوب", "خدمة",
                      "إدارة", "ادارة", "المركز", "اللجنة", "متابعات", "خاص", "وكالات", "الوكالات", "المنسق", "منسق",
                      "المحرر", "المراسل", "المكتب"})
# Where a credit line turns to the photographer ("... / تصوير - عبد الملك القميزي"): no author follows.
_AR_PHOTO = re.compile(r"(?:^|[\s/|،,(-])(?:تصوير|عدسة)\b")
_PLACE_AFTER = re.compile(r"\s+من\s+\S[^-–—:|/،,]*$")  # "سعيد الحربي من جدة": after "من", the place
# A quotation run on from the words before it ("النادي يرفع سعة ملعب «المدينة الرياضية»") is a
# headline's; a credit sets its outlet apart ("الرياض: «الصحيفة»", "«الاقتصادية» من الرياض").
_QUOTE_IN_PHRASE = re.compile(r"[\u0621-\u064a]\s+«")


def _titled(part: str) -> str:
    """A name with its honorific as printed ("د. أحمد", "الدكتور أحمد"), the abbreviation's dot
    followed by a space ("د.خالد" -> "د. خالد")."""
    return re.sub(r"^((?:د|م|أ|ا)\.)\s*", r"\1 ", part)


def dateline_names(text: str) -> tuple[list[str], str | None] | None:
    """The people of an Arabic credit line that names a place, an outlet or an agency beside them
    ("جدة: أحمد سالم، ريم خالد", "أبها - خالد العمري:", "سعيد الحربي من جدة", "الرياض: «الصحيفة»
    الدمام: فهد سالم"): (authors, agency), or None when it names nobody. A one-word piece is a place,
    so is what follows "من"; a quoted piece is an outlet, a piece opening with a desk word a desk; a
    photographer's credit is cut off; a quotation run on from a phrase (a headline's) names nobody;
    a person is 2-5 Arabic words, kept with an honorific ("د.") as printed, as `parse_byline` keeps "Dr."."""
    line = text.strip()
    if (m := R.CREDIT_PREFIX.match(line)) is not None:
        line = line[m.end():]
    if (pm := _AR_PHOTO.search(line)) is not None:
        line = line[:pm.start()]
    if ":" in line.rstrip(": "):  # "باريس: محمد علي": before a colon inside the line, the dateline's place
        line = line[line.index(":") + 1:]
    if _QUOTE_IN_PHRASE.search(line):
        return None
    line = _PLACE_AFTER.sub("", line)
    authors: list[str] = []
    agency = None
    for piece in pieces(line):  # split first: a tatweel between spaces separates ("جدة ـ فلان")
        for part in split_waw(AR_MARKS.sub("", piece)):
            part = part.strip(" .:؛")
            if code := agency_code(part) or agency_code(part.replace(".", " ")):  # "د. ب. أ"
                agency = agency or code
                continue
            name = AR_TITLES.sub("", part).strip()
            toks = name.split()
            if not 2 <= len(toks) <= 5 or any(c.isdigit() for c in name) or toks[0] in _AR_DESK \
                    or not all(re.fullmatch(r"[\u0621-\u064a\u0671-\u06d3]{2,}", t) for t in toks):
                continue
            if any(t in R.AR_FUNCTION for t in toks):
                continue  # "خبر عاجل في الرياض": a phrase; a name has no "في" ("المنجي السعيداني" may open with "ال")
            part = _titled(part)
            if part not in authors:
                authors.append(part)
    return (authors, agency) if authors or agency else None
