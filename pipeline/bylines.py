"""Bylines and wire agencies: person names out of credit lines, agencies as canonical codes."""
from __future__ import annotations

import re
from functools import lru_cache

from .dates import find_date
from .textnorm import match_key

# Canonical agency code -> spellings (matched on folded keys, so case and Arabic variants fold).
AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": ("afp", "agence france-presse", "agence france presse", "france presse", "أ ف ب", "أ.ف.ب", "فرانس برس", "ا ف ب"),
    "AP": ("ap", "associated press", "the associated press", "أسوشيتد برس", "اسوشيتد برس"),
    "REUTERS": ("reuters", "رويترز", "thomson reuters"),
    "AA": ("aa", "anadolu", "anadolu agency", "anadolu ajansı", "الأناضول", "الاناضول", "وكالة الأناضول"),
    "XINHUA": ("xinhua", "شينخوا", "新华社"),
    "DPA": ("dpa", "د ب أ", "د.ب.أ", "deutsche presse-agentur"),
    "MENA": ("mena", "أ ش أ", "أ.ش.أ", "ا ش ا", "وكالة أنباء الشرق الأوسط"),
    "WAM": ("wam", "وام"),
    "SPA": ("spa", "واس", "saudi press agency"),
    "KUNA": ("kuna", "كونا"),
    "QNA": ("qna", "قنا"),
    "UPI": ("upi", "united press international"),
    "EFE": ("efe", "agencia efe"),
    "ANSA": ("ansa",),
    "PTI": ("pti", "press trust of india"),
    "KYODO": ("kyodo", "kyodo news"),
    "YONHAP": ("yonhap",),
    # Arab national agencies by their Arabic names only: "Petra", "Sana" are also given names
    "APS": ("واج", "وأج", "algérie presse service"),
    "TAP": ("وات",),
    "PETRA": ("بترا",),
    "SANA": ("سانا",),
    "MAP": ("ومع", "و.م.ع"),
    "AGENCIES": ("agencies", "news agencies", "wires", "وكالات", "وكالات الأنباء", "agences", "agenturen", "agencias",
                 "agenzie"),
}
_AGENCY_KEYS = {match_key(s): code for code, names in AGENCIES.items() for s in names}


def agency_code(text: str) -> str | None:
    """The canonical code when `text` is exactly an agency name (after folding), else None."""
    key = match_key(text)
    key = re.sub(r"^(?:with|via|and|و|wire|agency|by)\s+", "", key)
    return _AGENCY_KEYS.get(key)


# A credit verb and its preposition ("Publicado por", "Veröffentlicht von"); CMS themes glue it to
# the name's link ("Geschrieben vonElisa Marvena").
_CREDIT_VERB = (r"(?:written|reported|reporting|words|story|text|posted|published|compiled|created|recipe|"
                r"veröffentlicht|geschrieben|verfasst|erstellt|eingestellt|publié|publiée|écrit|rédigé|"
                r"publicado|publicada|escrito|escrita|pubblicato|scritto)\s+(?:by|von|par|por|da|di)")
_PREFIX = re.compile(
    r"^(?:(?:(?:view\s+)?(?:all\s+)?(?:posts|articles|stories)\s+by|(?:alle\s+|mehr\s+)?(?:artikel|beiträge)\s+von|"
    r"(?:text|texte|texto|words)(?=\s*:)|" + _CREDIT_VERB + r"|by|par|von|vom|por|de|di|door|av|af|"
    r"(?:ein\s+)?(?:artikel|beitrag|text|gastbeitrag)\s+von|(?:eine\s+)?kolumne\s+von|ein\s+(?:gast)?kommentar\s+von|"
    r"autor(?:in)?|author|auteur|autore|redaktion(?=\s*:)|"
    r"بقلم|كتب|كتبت|كتبه|كتبها|إعداد|اعداد|تقرير|حوار|متابعة|ترجمة|(?:نشر |نشرت )?بواسطة|الكاتب|الكاتبة)\b(?!-\w)|"
    + _CREDIT_VERB + r"(?=(?-i:[A-ZÀ-ÖØ-Þ])))"
    r"\s*[:：\-–—/ـ]?\s*", re.I)  # "كتب/ محمد", Egyptian sites' slash
# Articles and possessives: a "name" opening with one is a phrase or a title ("Die FURCHE").
_PHRASE_HEADS = {"die", "der", "das", "dem", "den", "the", "les", "los", "las", "het", "een", "ein", "eine", "un", "une",
                 "our", "your", "my", "unser", "unsere", "dein", "deine", "deinen", "mein", "meine", "notre", "votre"}
# Prefixes that are also ordinary prepositions ("von Künstlern", "de Paris", "par exemple").
PREPOSITION = re.compile(r"(?:von|vom|par|por|de|di|door|av|af)\b", re.I)
_ROLES = re.compile(
    r"\b(?:[\w-]+\s+)?(?:writer|reporter|correspondent|editor|columnist|contributor|producer|photographer|"
    r"journalist(?:in|en)?|kolumnist(?:in)?|redakteur(?:in)?|korrespondent(?:in)?|fotograf(?:in)?|journaliste|"
    r"chroniqueur|chroniqueuse|correspondant|rédacteur|rédactrice|periodista|columnista|corresponsal|redactor[a]?|"
    r"\w+(?:leiter|sprecher|referent|philosoph|wissenschaftler)(?:in)?)s?\b|"
    r"\bspecial\s+to\s+\S+|\bمراسل\S*|\bمحرر\S*|\bالصحفي[ةه]?|\bالكاتب[ةه]?|\bالإعلامي[ةه]?|\bالاعلامي[ةه]?", re.I)
# "and", and the interview's "im Gespräch mit" / "in conversation with": both are credited
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|،| و(?= )|\bim\s+gespräch\s+mit\b|"
                    r"\bin\s+conversation\s+with\b|\ben\s+conversation\s+avec\b)\s*", re.I)
# "By X with Reuters", "Par X avec AFP", "Von X mit dpa": an agency credited beside the author.
_WITH_AGENCY = re.compile(r"\s+(?i:with|avec|mit|con|com)\s+(?P<agency>[^,;]+)$")
# Arabic writes "and" joined to the next word ("محمد السيد وأحمد حسن"); a name may start with و too
# (وليد, وائل): the conjunction is split off only between two names of two words or more, and not
# before these given and family names.
_WAW_JOINED = re.compile(r" و(?=[\u0621-\u064A])")
_WAW_NAMES = {"وليد", "وائل", "وفاء", "وسام", "وجدي", "وحيد", "وهبة", "وهبه", "وهبي", "وداد", "وئام", "وسيم", "وصفي",
              "ولاء", "وديع", "وعد", "وجيه", "وضاح", "وفيق", "وهيب", "وصال", "وردة", "ورد", "وجدان", "وحيدة", "والي",
              "وافي", "وهدان", "ورداني", "وفا", "وزيري"}


def _split_waw(part: str) -> list[str]:
    """"محمد السيد وأحمد حسن" -> ["محمد السيد", "أحمد حسن"]; "أحمد وائل" stays one name."""
    for m in _WAW_JOINED.finditer(part):
        left, right = part[:m.start()], part[m.end():]
        if "و" + right.split()[0] not in _WAW_NAMES and len(left.split()) >= 2 and len(right.split()) >= 2:
            return [left, *_split_waw(right)]
    return [part]


READING_TIME = re.compile(r"\s*(?:\d+\s*)?(?:min(?:ute)?s?\.?\s+read|tiempo\s+de\s+lectura|lesezeit|temps\s+de\s+lecture|"
                           r"tempo\s+de\s+leitura|tempo\s+di\s+lettura)\b.*$", re.I)
# Words of organisations, not people: "By A, AMP Project Marketing" names an affiliation.
_ORG_WORD = re.compile(r"\b(?:press|news|times|post|daily|journal|magazine|media|online|group|project|marketing|"
                       r"university|universität|université|universidad|institute|institut|agency|team|staff|desk|"
                       r"service|network|radio|tv|gmbh|inc|ltd|llc|ag|verlag|redaktion|\w*zeitung|\w*blatt|anzeiger|rundschau|"
                       r"nachrichten|gazette|chronicle|today|tribune|herald|associated|international|global|correspondent|"
                       r"bureau)\b", re.I)
# What names an organisation in an author field (<meta name="author">, JSON-LD): a legal form, an
# institution's word, a domain name ("Olympia-Verlag GmbH, Nürnberg", "Hanns-Seidel-Stiftung e.V.",
# "hessenschau.de, Frankfurt", "ライトハウス国際特許事務所"; _ORG_WORD has "TVT-Redaktion"): the publisher,
# never a person.
_INSTITUTION = re.compile(r"\b(?:e\.\s?v\.?|plc|kg|stiftung|verein|verband|fraktion|ministerium|ministry|departe?ment|"
                          r"bundesamt|association|foundation|gesellschaft|editorial)(?!\w)|"
                          r"(?:事務所|株式会社|有限会社|法人|協会|新聞社?|編集部|研究所|公司|报社)|"
                          r"(?<![\w.])[a-z0-9-]{2,}\.(?:[a-z]{2,3}|info)\b", re.I)


def names_organisation(text: str) -> bool:
    """An author field's value that names an organisation or a website, not a person."""
    return bool(_ORG_WORD.search(text) or _INSTITUTION.search(text))


_EDITING = re.compile(r"[;,.]?\s*(?:additional\s+reporting|editing|edited|writing|graphics|photos?)\s+by\b.*$", re.I)
_NOT_NAME = re.compile(r"\d|@|https?:|www\.|\bmin(?:ute)?s?\s+read\b|\bread\b|\bupdated\b|\bpublished\b", re.I)
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*|[a-z]{1,3}|[\u0600-\u06FF]+\.?|[\u0400-\u04FF][\w-]*)$")


def looks_like_name(text: str) -> bool:
    """A person's name: 1-5 tokens, capitalised (or Arabic/Cyrillic), no digits or URLs."""
    toks = text.split()
    if not 1 <= len(toks) <= 5 or _NOT_NAME.search(text):
        return False
    if not all(_NAME_TOKEN.match(t) for t in toks):
        return False
    # lower-case particles (van, de, al) are fine, but not a whole name of them
    return any(not t.islower() for t in toks)


# CMS placeholders that are never a person's byline.
GENERIC_ACCOUNTS = {"publisher", "admin", "administrator", "super user", "superuser", "name", "user", "guest", "anonymous",
                    "webmaster", "editor", "editors", "staff", "team", "editorial team", "redaktion", "red", "the editors",
                    "newsroom", "web desk", "desk", "author", "autor", "unknown", "default", "wpengine",
                    # labels of the fields around a byline, read as its value by some extractors
                    "datum", "date", "fecha", "stand", "quelle", "source", "posted", "published"}


# First words of two-word place names that follow a byline as its dateline ("By X, New York").
_PLACE_HEADS = {"new", "los", "las", "san", "santa", "saint", "st.", "hong", "abu", "tel", "buenos", "rio", "kuala",
                "sao", "são", "port", "fort", "mexico", "cape", "east", "west", "north", "south"}


# Lower-case words a personal name may contain ("Ludwig van Beethoven", "Maria da Silva").
_PARTICLES = {"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "la", "le", "al", "el", "bin",
              "ibn", "ter", "ten", "zu", "y", "e"}


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Short function words of the main Latin-script languages (justext's stop lists, a
    trafilatura dependency), minus name particles and words that are also given names."""
    import justext

    words: set[str] = set()
    for lang in ("English", "German", "French", "Spanish", "Portuguese", "Italian", "Dutch"):
        words |= {w.casefold() for w in justext.get_stoplist(lang) if len(w) <= 5}
    return frozenset(words - _PARTICLES - {"john", "paul", "maria", "may", "will", "mark", "ali", "anna", "ben", "eva", "jan",
                                           "lea", "bill", "rose", "grant", "frank", "don", "max", "tom", "ken"})


def bare_name(text: str) -> bool:
    """A line that is only a person's name, with no "By" to vouch for it: 2-4 words, capitalised
    first word, lower-case words only as name particles, no function word ("Über uns", "Tanzt
    das Brot", "Zurück zur Übersicht" are page furniture)."""
    toks = text.split()
    if not (2 <= len(toks) <= 4 and looks_like_name(text)) or not toks[0][:1].isupper():
        return False
    fw = _function_words()
    return not any((t.islower() and t not in _PARTICLES) or t.casefold().strip(".,") in fw for t in toks)


def full_name(text: str) -> bool:
    """Two to four capitalised words and no organisation word: a person, not an affiliation."""
    toks = text.split()
    return (2 <= len(toks) <= 4 and looks_like_name(text) and not _ORG_WORD.search(text)
            and toks[0].casefold() not in _PLACE_HEADS and not toks[0][:1].islower() and not toks[-1].islower()
            and not agency_code(text) and all(t[:1].isupper() for t in toks if len(t) > 3) and not _ROLES.search(text))


def is_phrase(text: str) -> bool:
    """Three or more words, one of them a function word in lower case ("über", "for"): prose, not a name."""
    toks = text.split()
    return len(toks) >= 3 and any(t.islower() and t in _function_words() for t in toks)


# A handle, one token with digits ("freeman1984", "c1ph4"): opens with a letter, has two or more.
_HANDLE = re.compile(r"^(?=(?:\w*?[^\W\d_]){2}|[^\W\d_]\d{2})[^\W\d_][\w-]{1,30}$")
# A CMS's own accounts, also inside a handle ("oradmin", "siteadmin"): never a person's byline.
_ACCOUNT = re.compile(r"admin|webmaster|wpengine", re.I)


def handle(text: str) -> bool:
    """A user name as its owner writes it, one token in lower case or with digits ("happyface313",
    "zahlenzauberin"), not a brand's capitalised name: a blog named after it is its author's."""
    return bool(_HANDLE.match(text)) and (text.islower() or any(c.isdigit() for c in text)) and not _ACCOUNT.search(text)


def _lenient_name(text: str) -> bool:
    """A name as a CMS field gives it: may be a user name ("mh", "zahlenzauberin", "freeman1984"),
    but words in lower case beside others are a phrase ("Alles über Lautsprecher", an author box's
    blurb)."""
    toks = text.split()
    if _HANDLE.match(text):
        return not _ACCOUNT.search(text) and text.casefold() not in _function_words()  # "Author of"
    return (1 <= len(toks) <= 5 and not _NOT_NAME.search(text) and len(text) <= 60 and any(c.isalpha() for c in text)
            and (len(toks) == 1 or not any(t.islower() and t not in _PARTICLES for t in toks)))


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
                    if last.casefold() not in _function_words() and full_name(full):
                        counts[n][full] += 1
    return {n: c.most_common(1)[0][0] for n, c in counts.items() if c}


def byline_prefix(text: str) -> re.Match | None:
    """The credit word a line opens with ("By", "von", "Autor:", "كتب:"), matched on the line
    without its decoration; `m.end() == len(m.string)` when the line is the prefix alone."""
    return _PREFIX.match(text.strip().strip("–—-|•·'\"‘’“”").strip())


_BARE_PREPOSITION = re.compile(r"(?:by|von|vom|par|por|de|di|door|av|af)\W*$", re.I)


def credit_word(text: str) -> bool:
    """The line opens with a word that only credits an author ("Posted by", "Geschrieben von",
    "Autor:", "كتب"), not with a bare preposition ("by", "von", "de") that opens other phrases too."""
    m = byline_prefix(text)
    return bool(m) and not _BARE_PREPOSITION.match(m.group().strip())


_STAMP_LEAD = re.compile(r"(?:[\s,]+(?:on|am|le|el|il|den|vom|the)\b)?(?:[\s,]+[^\W\d]+day|[\s,]+(?:montag|dienstag|mittwoch|"
                         r"donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))?[\s,]*$", re.I)


def _stamp_cut(rest: str) -> str:
    """"SPÖ on Monday, February 7, 2022" -> "SPÖ": a date after the name, with its lead words."""
    if not any(c.isdigit() for c in rest):
        return rest
    pd = find_date(rest)
    if pd is None or pd.span[0] == 0:
        return rest
    return _STAMP_LEAD.sub("", rest[:pd.span[0]])


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
    return rest if rest and _PREFIX.match(rest) else None


# "مراسل الجزيرة - محمد أحمد", "مراسلة الحرة في القاهرة: X": the outlet a correspondent writes for is no name
_CORRESPONDENT_OF = re.compile(r"^(?:مراسل|مراسلة|مراسلنا|مراسلتنا|موفد|موفدة)\s+\S+(?:\s+(?:في|ب)\s*\S+)?\s*[-–—:|]\s*")
_ORG_STAFF = re.compile(r"^(?P<org>.+?)\s+(?:staff|desk|bureau|newsroom)$", re.I)
_INITIALS = re.compile(r"^(?:[A-Z]\.?){2,3}$")
_LOGIN = re.compile(r"^[a-z0-9]+(?:[._][a-z0-9]+)+$")
_SAID = re.compile(r"^(?:said|says|wrote|writes|sagt|schreibt|schrieb|dit|écrit|dice|escribió|disse):?$", re.I)


def parse_byline(text: str, *, require_prefix: bool = False, site: str | None = None,
                 lenient: bool = False) -> tuple[list[str], str | None] | None:
    """Split a credit line into (authors, agency). None when it is not a credit line.

    "By A and B | Fox News" -> (["A", "B"], None); "كتب: أحمد علي" -> (["أحمد علي"], None);
    "By AFP" -> ([], "AFP"); "Reporting by X; Editing by Y" -> (["X"], None).

    Long: one credit line read left to right (prefix, agency, role words, name list); the steps share
    the line's state, and splitting them would pass it all around.
    """
    line = text.strip().strip("–—-|•·'\"‘’“”").strip()
    m = _PREFIX.match(line)
    if not m and require_prefix:
        return None
    rest = line[m.end():] if m else line
    agency = None
    rest = _CORRESPONDENT_OF.sub("", rest)
    rest = _EDITING.sub("", rest)
    rest = READING_TIME.sub("", rest)
    rest = re.sub(r"\s+(?i:for|für|pour|para|per)\s+(?:the\s+)?[A-Z\u0600-\u06FF].*$", "", rest)  # "X For The Mail On Sunday"
    # Drop a trailing publisher / date part: "By X | Fox News", "By X - Oct 1, 2025".
    rest, *after = re.split(r"\s+[|•·／]\s+|\s+[-–—]\s+(?=\S)", rest)
    if after and (code := agency_code(after[-1])):
        if not m and len(rest.split()) == 1:
            return [], code  # "القاهرة - أ ش أ", "CAIRO - AFP": a dateline and the agency, no author
        agency = code
    rest = _stamp_cut(rest)
    rest = re.sub(r"\s+(?:filed\s+)?(?:under|in)(?:\s+\S.*)?$", "", rest)  # "Posted by X under Allgemein", "by X in News"
    rest = re.sub(r"\s+(?:Stand|Aktualisiert|Updated|Published|Veröffentlicht|Posted|Erstellt|Created|Geändert)\s*:?\s*$", "",
                  rest)  # "X Stand"
    if "," in rest and not _ROLES.sub("", rest.split(",")[0]).strip():
        rest = ""  # "By Staff Writer, Gulf News": a role where the name goes, then the publisher
    rest = _ROLES.sub(" ", rest)
    rest = re.sub(r"\s*\(.*?\)\s*", " ", rest).strip(" ,;:-")
    authors = []
    # "Peter Maahn/SP-X", "Jane Doe/AFP": a short credit code after the name (an agency, a desk)
    if (cm := re.search(r"(?<=\w)\s*/\s*([A-Z][A-Z0-9-]{1,7}|[a-z]{2,4})$", rest)) and len(rest[:cm.start()].split()) >= 2 \
            and looks_like_name(rest[:cm.start()]):
        agency = agency_code(cm.group(1)) or agency
        rest = rest[:cm.start()]
    if (wm := _WITH_AGENCY.search(rest)) and (code := agency_code(wm["agency"])):
        agency, rest = code, rest[:wm.start()]
    if not rest or len(rest) > 120:
        return None
    parts = [p for part in _SPLIT.split(rest) for p in _split_waw(part)]
    if "," in rest and not re.search(r"\b(?:and|und|et|y|e)\b|&| و ", rest, re.I):
        # "By JOHN SMITH, Associated Press", "By A, AMP Project Marketing, Google": after the
        # first comma comes an affiliation, unless names are joined with "and"
        head, *tail = [p.strip() for p in rest.split(",")]
        if all(full_name(t) for t in [head, *tail]):
            parts = [head, *tail]  # "Luana Patriolino, Raphael Felice": every part a full name
        elif m and not lenient and len(head.split()) == 1 and PREPOSITION.match(m.group()):
            return None  # "von Künstlern, Bands, DJs": a preposition and a list, not a credit
        else:
            parts = [head] + [t for t in tail if agency_code(t)]
    for part in parts:
        part = re.sub(r"(?<!\b[A-Z])(?<!\b[JS]r)\.$", "", part.strip(" ,:;-–—'\"‘’“”«»()[]")).strip()
        if (sum(c.isalpha() for c in part) < 2 and not _HANDLE.match(part)) or part.casefold() in GENERIC_ACCOUNTS:
            continue  # "r", "C": what is left of an account ("r23") once digits are stripped
        if m_org := _ORG_STAFF.match(part):  # "Reuters Staff", "Gulf News Desk": a newsroom, not a person
            agency = agency or agency_code(m_org["org"])
            continue
        code = agency_code(part)
        if code:
            agency = agency or code
            continue
        if _INITIALS.match(part) or _LOGIN.match(part):
            continue  # "PP", "DT": a desk code or initials (an agency's, such as "AP", is read above);
            # "robert.stitz", "gabor_munier": a login
        if site and match_key(part) == match_key(site):
            continue
        if not (looks_like_name(part) or (lenient and _lenient_name(part))):
            return None
        toks = part.split()
        if _SAID.match(toks[-1]):
            return None  # "stephangoeldi said:": a comment's signature
        if len(toks) > 1 and toks[-1] in _PARTICLES:
            return None  # "Krisenmanagement zu": a name does not end with "zu", "de", "van"
        if len(toks) > 1 and toks[0].casefold() not in _PARTICLES and (
                toks[0].casefold() in _PHRASE_HEADS or (toks[0].islower() and toks[1][:1].isupper())):
            return None  # "Die FURCHE", "deinen Hochzeitsbloggern": a phrase, not a person
        if part.casefold() not in {a.casefold() for a in authors}:
            authors.append(part)
    if not authors and not agency:
        return None
    return authors, agency
