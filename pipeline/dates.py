"""Publication dates: a table-driven reader of the common formats (regex + month tables), Hijri-only
dates and relative dates.

Measured on this machine: dateparser costs 2-5 ms a call and reads "02/10/2025" as 10 February
under ['en', 'ar']; the regex + month-table path costs ~0.01 ms, so dateparser is not called here
(htmldate uses it on the HTML path). A time zone is never invented: an offset is kept only when
the text gives one (or the caller configures the site's zone).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from . import rules as R
from .options import SiteConfig
from .record import ParsedDate


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
    m = R.TIME_OF_DAY.search(window)
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
    m = R.UTC_OFFSET.search(text)
    if m:
        if m["z"]:
            return timedelta(0)
        sign = -1 if m["sign"] == "-" else 1
        return sign * timedelta(hours=int(m["h"]), minutes=int(m["m"] or 0))
    z = R.ZONE_ABBR.search(text)
    if z:
        return timedelta(hours=R.ZONE_HOURS[z.group(1)])
    return None


def _tz(s: str | None) -> timedelta | None:
    if not s:
        return None
    if s == "Z":
        return timedelta(0)
    sign = -1 if s[0] == "-" else 1
    s = s[1:].replace(":", "")
    return sign * timedelta(hours=int(s[:2]), minutes=int(s[2:]))


def find_date(text: str, *, site: SiteConfig = SiteConfig(), fetched_at: datetime | None = None) -> ParsedDate | None:
    """The first date printed in `text` (a line or a metadata value), or None.

    The site's `date_order` ("DMY" or "MDY") resolves all-numeric dates when both readings are valid.
    Relative dates ("2 hours ago", "منذ 3 ساعات") are resolved only when `fetched_at` is given.
    """
    if not text or len(text) > 400:
        return None
    latest = (fetched_at.year if fetched_at else datetime.now().year) + 1  # a date after it is no date
    return _find_date(text, site.date_order, fetched_at, latest)


def page_date_order(text: str, default: str) -> str:
    """The order the page prints its all-numeric dates in, when its own dates say so: "MDY" when some
    read only month first (12/28/2025) and none only day first (28/12/2025), "DMY" the other way
    round, else `default`. A US site's "10/12/2023" is then October 12 on a page that also prints
    "10/28/2023", where the default (DMY) read December 10."""
    dmy = mdy = False
    for m in R.NUMERIC_DATE.finditer(text):
        if m.start() and text[m.start() - 1] in "./":
            continue  # inside a version or an address ("1.10.2023.4")
        a, b = (int(m[1]), int(m[2])) if m[1] else (int(m[3]), int(m[4]))
        dmy |= 12 < a <= 31 and b <= 12
        mdy |= 12 < b <= 31 and a <= 12
    return "MDY" if mdy and not dmy else "DMY" if dmy and not mdy else default


@lru_cache(maxsize=1 << 14)  # a line is read by several passes, and a site's date lines recur
def _find_date(text: str, date_order: str, fetched_at: datetime | None, latest: int) -> ParsedDate | None:
    t = text.translate(R.EASTERN_DIGITS)
    found = []
    for kind, rx in R.DATE_PATTERNS:
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
                mo, d = R.MONTHS[g["mon"].casefold().rstrip(".")], int(g["d"])
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
            if tm is None and (b := R.TIME_BEFORE_DATE.search(t[max(0, m.start() - 25):m.start()])):
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
    m = R.HIJRI_DATE.search(t)
    if m is None:
        return None
    from hijridate import Hijri

    try:
        g = Hijri(int(m["y"]), R.HIJRI_MONTHS[m["mon"]], int(m["d"])).to_gregorian()
    except (ValueError, OverflowError):
        return None
    tm, off = _time_after(t, m.end())
    return ParsedDate(date(*g.datetuple()), tm, off, text[m.start():m.end()].strip(), "hijri", m.span())


def _relative(t: str, fetched_at: datetime | None) -> ParsedDate | None:
    if fetched_at is None:
        return None
    for rx, arabic in ((R.RELATIVE_EN, False), (R.RELATIVE_AR, True)):
        m = rx.search(t)
        if not m:
            continue
        if m["y"]:
            delta = timedelta(days=1)
        elif m["t"]:
            delta = timedelta(0)
        else:
            unit = R.RELATIVE_AR_UNITS[m["u"]] if arabic else m["u"].lower()
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
    for rx in (R.RELATIVE_EN, R.RELATIVE_AR):
        if (m := rx.search(text)) and not m["t"]:  # "today"/"اليوم" alone also names sites and sections
            rest = (text[:m.start()] + " " + text[m.end():]).strip(" |•·,:;-–—()[]،")
            return not rest or bool(R.DATE_WORDS.match(rest) or R.UPDATED.fullmatch(rest) or R.PUBLISHED.fullmatch(rest))
    return False


