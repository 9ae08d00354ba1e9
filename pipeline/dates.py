"""Publication dates: a table-driven reader of the common formats (regex + month tables), Hijri-only
dates and relative dates.

Measured on this machine: dateparser costs 2-5 ms a call and reads "02/10/2025" as 10 February
under ['en', 'ar']; the regex + month-table path costs ~0.01 ms, so dateparser is not called here
(htmldate uses it on the HTML path). A time zone is never invented: an offset is kept only when
the text gives one (or the caller configures the site's zone).
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from . import rules as R
from .options import DATE_ORDER
from .record import ParsedDate

_EASTERN_DIGITS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                                 **{chr(0x06F0 + i): str(i) for i in range(10)}})

_MONTHS: dict[str, int] = {}


def _add(names: str, start: int = 1) -> None:
    for i, group in enumerate(names.split(","), start):
        for name in group.split("/"):
            _MONTHS[name.strip().casefold()] = i


_add("january/jan,february/feb,march/mar,april/apr,may,june/jun,july/jul,august/aug,"
     "september/sep/sept,october/oct,november/nov,december/dec")
_add("januar/jänner,februar,märz/maerz,april,mai,juni,juli,august,september,oktober/okt,november,dezember/dez")
_add("janvier/janv,février/fevrier/févr,mars,avril/avr,mai,juin,juillet/juil,août/aout,septembre,octobre,novembre,décembre/decembre")
_add("enero/ene,febrero,marzo,abril/abr,mayo,junio,julio,agosto/ago,septiembre/setiembre,octubre,noviembre,diciembre/dic")
_add("janeiro,fevereiro/fev,março/marco,abril,maio,junho,julho,agosto,setembro/set,outubro/out,novembro,dezembro/dez")
_add("gennaio,febbraio,marzo,aprile,maggio,giugno,luglio,agosto,settembre,ottobre,novembre,dicembre")
_add("januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,november,december")
_add("января/январь,февраля/февраль,марта/март,апреля/апрель,мая/май,июня/июнь,июля/июль,августа/август,"
     "сентября/сентябрь,октября/октябрь,ноября/ноябрь,декабря/декабрь")
_add("stycznia/styczeń,lutego/luty,marca/marzec,kwietnia/kwiecień,maja/maj,czerwca/czerwiec,lipca/lipiec,"
     "sierpnia/sierpień,września/wrzesień,października/październik,listopada/listopad,grudnia/grudzień")
_add("ocak,şubat,mart,nisan,mayıs,haziran,temmuz,ağustos,eylül,ekim,kasım,aralık")
_add("januari,februari,maret,april,mei,juni,juli,agustus,september,oktober,november,desember")
# Arabic: Egyptian / Gulf names, Levantine (Syriac) names, Algerian/Tunisian and Moroccan names.
_add("يناير/كانون الثاني/جانفي,فبراير/شباط/فيفري,مارس/آذار/اذار,أبريل/ابريل/إبريل/نيسان/أفريل/افريل,"
     "مايو/أيار/ايار/ماي,يونيو/يونيه/حزيران/جوان,يوليو/يوليه/تموز/جويلية/يوليوز,أغسطس/اغسطس/آب/اب/أوت/اوت/غشت,"
     "سبتمبر/أيلول/ايلول/شتنبر,أكتوبر/اكتوبر/تشرين الأول/تشرين الاول/تشرين أول,"
     "نوفمبر/تشرين الثاني/تشرين ثاني/نونبر,ديسمبر/كانون الأول/كانون الاول/كانون أول/دجنبر")

# Hijri (Islamic) months: a page that prints only the Hijri date ("10 ربيع الآخر 1447 هـ") is read in the
# Umm al-Qura calendar (hijridate); where the Gregorian date is printed too, that one is used.
_HIJRI_MONTHS: dict[str, int] = {}
for _i, _group in enumerate(("محرم/المحرم", "صفر", "ربيع الأول/ربيع الاول/ربيع أول/ربيع اول",
                             "ربيع الآخر/ربيع الاخر/ربيع الثاني/ربيع ثاني/ربيع آخر",
                             "جمادى الأولى/جمادى الاولى/جمادى الأول/جمادي الأولى/جمادي الاولى",
                             "جمادى الآخرة/جمادى الاخرة/جمادى الثانية/جمادى الآخر/جمادي الآخرة/جمادي الثانية",
                             "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة/ذي القعدة/ذو القعده/ذي القعده",
                             "ذو الحجة/ذي الحجة/ذو الحجه/ذي الحجه"), 1):
    for _name in _group.split("/"):
        _HIJRI_MONTHS[_name] = _i
_HIJRI = re.compile(r"(?<!\d)(?P<d>[0-3]?\d)\s+(?P<mon>" + "|".join(sorted(_HIJRI_MONTHS, key=len, reverse=True)) +
                    r")\s+(?P<y>1[34]\d\d)(?!\d)\s*(?:هـ|ه(?![\u0600-\u06FF]))?")

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
# a month may be printed under two names ("تشرين الأول/أكتوبر", "October/Oktober")
_M = rf"(?P<mon>{_MONTH_ALT})\.?(?:\s*/\s*(?:{_MONTH_ALT})(?!\w))?"
_Y = r"(?P<y>(?:19|20)\d\d)"
_D = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º)?\.?"
_SEP = r"(?:\s*,\s*|\s+de\s+|\s+|\s*/\s*|-)"
_GLUED = r"(?:(?!\d)|(?=\d{1,2}(?:[.:]?\s|:\d\d)))"
_PATTERNS = [
    ("iso", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)"
                       r"(?:[T ](?P<H>[0-2]?\d):(?P<Mi>[0-5]\d)(?::(?P<S>[0-5]\d))?(?:\.\d+)?\s*"
                       r"(?P<tz>Z|[+-][01]\d:?[0-5]\d)?)?(?!\d)")),
    ("cjk", re.compile(r"(?P<y>(?:19|20)\d\d)\s*[年년.]\s*(?P<m>[01]?\d)\s*[月월.]\s*(?P<d>[0-3]?\d)\s*[日일]?")),
    ("ymd", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?!\d)")),
    # the year may have a day or a time glued on by the scraper ("1. November 20161. November 2016",
    # "November 9, 20235:01 AM")
    ("dmy_name", re.compile(rf"(?<!\w){_D}{_SEP}{_M}{_SEP}{_Y}{_GLUED}", re.I)),
    ("mdy_name", re.compile(rf"(?<!\w){_M}\s*{_D}(?:\s*,\s*|\s+){_Y}{_GLUED}", re.I)),
    # a digit may follow the year only where a second date is glued on ("15/01/201614/01/2016")
    # "4. 2. 2022": a space may follow the dots
    ("num", re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)(?:[/-]|\.\s?)(?P<b>[0-3]?\d)(?:[/-]|\.\s?)(?P<y>(?:19|20)\d\d)"
                       r"(?![/]|\d(?![0-3]?\d[./]))")),
    # dd.mm.yy, the dotted form used day-first ("19.10.19, 12:00 Uhr"); two digits each, so that
    # version numbers such as 3.10.25 are not dates
    ("dmy2", re.compile(r"(?<![\d/.])(?P<d>[0-3]\d)\.(?P<m>[01]\d)\.(?P<yy>\d\d)(?![\d.]|\.\d)")),
    # single-digit day or month with a two-digit year only before a clock time ("1.11.23 20:19")
    ("dmy2", re.compile(r"(?<![\d/.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<yy>\d\d)(?=,?\s+[0-2]?\d:[0-5]\d)")),
    # slashed with a two-digit year ("Publié le 02/11/23", "26/10/13, 03:48 pm"), in the site's order
    ("num2", re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<yy>\d\d)(?![\d/])")),
]
_TIME_BEFORE = re.compile(r"(?<![\d:])(?P<H>[0-2]?\d):(?P<Mi>[0-5]\d)\s*(?P<z>GMT|UTC|[A-Z]{3,4})?\s*,?\s*$")
_TIME = re.compile(r"(?<![\d:])(?P<H>[0-2]?\d)[:h](?P<Mi>[0-5]\d)(?::(?P<S>[0-5]\d))?(?!\d)\s*"
                   r"(?P<ap>[ap]\.?\s?m\.?(?![a-z])|صباح[اً]*|مساء[اً]*|ص(?![\u0600-\u06FF])|م(?![\u0600-\u06FF]))?", re.I)
_OFFSET = re.compile(r"(?:GMT|UTC)\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?|(?<![\w+-])(?P<z>UTC|GMT|Z)(?!\w)")
_ZONE_ABBR = {"EST": -5, "EDT": -4, "PST": -8, "PDT": -7, "CET": 1, "CEST": 2, "BST": 1, "IST": 5.5}
_ZONE_ABBR_RE = re.compile(r"(?<![A-Za-z])(" + "|".join(_ZONE_ABBR) + r")(?![A-Za-z])")

_REL_EN = re.compile(r"(?P<n>\d+|an?|one)\s+(?P<u>minute|min|hour|hr|day|week)s?\s+ago|(?P<y>yesterday)|(?P<t>today)", re.I)
_REL_AR = re.compile(r"منذ\s+(?P<n>\d+)?\s*(?P<u>دقيقة|دقائق|ساعتين|ساعات|ساعة|يومين|أيام|ايام|يوم|أسابيع|اسابيع|أسبوع|اسبوع)"
                     r"|(?P<y>أمس|امس|البارحة)|(?P<t>اليوم)")
_AR_UNITS = {"دقيقة": "minute", "دقائق": "minute", "ساعة": "hour", "ساعات": "hour", "ساعتين": "hour2",
             "يوم": "day", "أيام": "day", "ايام": "day", "يومين": "day2", "أسبوع": "week", "اسبوع": "week",
             "أسابيع": "week", "اسابيع": "week"}


def _valid(y: int, m: int, d: int, latest_year: int) -> date | None:
    if not (1990 <= y <= latest_year):
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _time_after(text: str, start: int) -> tuple[str | None, timedelta | None]:
    """A clock time (and printed offset) close after the date, e.g. "| 11:45 AM"."""
    window = text[start:start + 40]
    end = R.UPDATED.search(window)
    window = window[:end.start()] if end else window
    m = _TIME.search(window)
    if not m:
        return None, None
    hh, mi = int(m["H"]), int(m["Mi"])
    ap = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
    pm, am = ap == "pm" or ap.startswith("م"), ap == "am" or ap.startswith("ص")  # م, مساءً / ص, صباحاً
    if pm and hh < 12:
        hh += 12
    elif am and hh == 12:
        hh = 0
    if hh > 23:
        return None, None
    t = f"{hh:02d}:{mi:02d}" + (f":{m['S']}" if m["S"] else "")
    return t, _offset_in(window[m.end():m.end() + 20])


def _offset_in(text: str) -> timedelta | None:
    m = _OFFSET.search(text)
    if m:
        if m["z"]:
            return timedelta(0)
        sign = -1 if m["sign"] == "-" else 1
        return sign * timedelta(hours=int(m["h"]), minutes=int(m["m"] or 0))
    z = _ZONE_ABBR_RE.search(text)
    if z:
        return timedelta(hours=_ZONE_ABBR[z.group(1)])
    return None


def _tz(s: str | None) -> timedelta | None:
    if not s:
        return None
    if s == "Z":
        return timedelta(0)
    sign = -1 if s[0] == "-" else 1
    s = s[1:].replace(":", "")
    return sign * timedelta(hours=int(s[:2]), minutes=int(s[2:]))


def find_date(text: str, *, date_order: str = DATE_ORDER, fetched_at: datetime | None = None) -> ParsedDate | None:
    """The first date printed in `text` (a line or a metadata value), or None.

    `date_order` ("DMY" or "MDY") resolves all-numeric dates when both readings are valid.
    Relative dates ("2 hours ago", "منذ 3 ساعات") are resolved only when `fetched_at` is given.
    """
    if not text or len(text) > 400:
        return None
    latest = (fetched_at.year if fetched_at else datetime.now().year) + 1  # a date after it is no date
    return _find_date(text, date_order, fetched_at, latest)


@lru_cache(maxsize=1 << 14)  # a line is read by several passes, and a site's date lines recur
def _find_date(text: str, date_order: str, fetched_at: datetime | None, latest: int) -> ParsedDate | None:
    t = text.translate(_EASTERN_DIGITS)
    found = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(t):
            g = m.groupdict()
            if g.get("yy") is not None:
                y = 2000 + int(g["yy"])
                y = y if y <= latest else y - 100
            else:
                y = int(g["y"])
            if kind in ("num", "num2"):
                a, b = int(g["a"]), int(g["b"])
                if a > 12 or (date_order == "DMY" and b <= 12):
                    d, mo = a, b
                else:
                    mo, d = a, b
            elif "mon" in g and g["mon"]:
                mo, d = _MONTHS[g["mon"].casefold().rstrip(".")], int(g["d"])
            else:
                mo, d = int(g["m"]), int(g["d"])
            day = _valid(y, mo, d, latest)
            if day is None:
                continue
            found.append((m.start(), kind, m, day))
            break  # the first valid match of each pattern
    if found:
        # the date printed first wins, whichever pattern reads it
        _, kind, m, day = min(found, key=lambda f: f[0])
        g = m.groupdict()
        if kind == "iso" and g.get("H"):
            tm = f"{int(g['H']):02d}:{g['Mi']}" + (f":{g['S']}" if g.get("S") else "")
            off = _tz(g.get("tz"))
        else:
            tm, off = _time_after(t, m.end())
            if tm is None and (b := _TIME_BEFORE.search(t[max(0, m.start() - 25):m.start()])):
                tm = f"{int(b['H']):02d}:{b['Mi']}" if int(b["H"]) < 24 else None
                off = _offset_in(b["z"] or "") if tm else None
        return ParsedDate(day, tm, off, text[m.start():m.end()].strip(), kind, (m.start(), m.end()))
    if (hijri := _hijri(t, text)) is not None:
        return hijri
    return _relative(t, fetched_at)


find_date.cache_clear = _find_date.cache_clear  # the cache behind find_date, as lru_cache names it


def url_date(url: str | None) -> ParsedDate | None:
    """The date a URL's path gives in year-month-day order ("/2023/11/08/", "/2023-11-08-"), read
    with htmldate's pattern; no time, no zone."""
    if not url:
        return None
    from htmldate.extractors import COMPLETE_URL

    m = COMPLETE_URL.search(url)
    if m is None:
        return None
    day = _valid(int(m[1]), int(m[2]), int(m[3]), datetime.now().year + 1)
    return ParsedDate(day, None, None, m[0], "url", m.span()) if day else None


def _hijri(t: str, text: str) -> ParsedDate | None:
    """A Hijri date ("10 ربيع الآخر 1447 هـ") as its Umm al-Qura Gregorian day (hijridate), with the
    time printed after it. Countries that follow the moon sighting can be a day off Umm al-Qura."""
    m = _HIJRI.search(t)
    if m is None:
        return None
    from hijridate import Hijri

    try:
        g = Hijri(int(m["y"]), _HIJRI_MONTHS[m["mon"]], int(m["d"])).to_gregorian()
    except (ValueError, OverflowError):
        return None
    tm, off = _time_after(t, m.end())
    return ParsedDate(date(*g.datetuple()), tm, off, text[m.start():m.end()].strip(), "hijri", m.span())


def _relative(t: str, fetched_at: datetime | None) -> ParsedDate | None:
    if fetched_at is None:
        return None
    for rx, arabic in ((_REL_EN, False), (_REL_AR, True)):
        m = rx.search(t)
        if not m:
            continue
        if m["y"]:
            delta = timedelta(days=1)
        elif m["t"]:
            delta = timedelta(0)
        else:
            unit = _AR_UNITS[m["u"]] if arabic else m["u"].lower()
            n = m["n"]
            count = 2 if unit.endswith("2") else int(n) if n and n.isdigit() else 1
            unit = unit.rstrip("2")
            unit = {"min": "minute", "hr": "hour"}.get(unit, unit)
            delta = timedelta(**{unit + "s": count})
        when = fetched_at - delta
        return ParsedDate(when.date(), None, None, m.group().strip(), "relative", m.span())
    return None


def is_relative_date(text: str) -> bool:
    """A line that says only when, relative to a moment it does not print ("منذ 3 ساعات",
    "Updated 2 hours ago"): a date line even when no fetch time lets it be resolved."""
    for rx in (_REL_EN, _REL_AR):
        if (m := rx.search(text)) and not m["t"]:  # "today"/"اليوم" alone also names sites and sections
            rest = (text[:m.start()] + " " + text[m.end():]).strip(" |•·,:;-–—()[]،")
            return not rest or bool(R.DATE_WORDS.match(rest) or R.UPDATED.fullmatch(rest) or R.PUBLISHED.fullmatch(rest))
    return False


