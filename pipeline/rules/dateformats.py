"""How dates are printed: month names (Gregorian in 13 languages, Hijri), the date patterns
`dates.find_date` tries, clock times and zones beside a date, and relative dates."""
from __future__ import annotations

import re

# Eastern Arabic and Persian digits read as Western ones: "٢٠٢٥" -> "2025", "۱۴۰۲" -> "1402"
EASTERN_DIGITS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                               **{chr(0x06F0 + i): str(i) for i in range(10)}})

# Month names and abbreviations, casefolded, to their number: "oct" -> 10, "märz" -> 3, "تشرين الأول" -> 10
MONTHS: dict[str, int] = {}


def _add(names: str, start: int = 1) -> None:
    for i, group in enumerate(names.split(","), start):
        for name in group.split("/"):
            MONTHS[name.strip().casefold()] = i


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
HIJRI_MONTHS: dict[str, int] = {}
for _i, _group in enumerate(("محرم/المحرم", "صفر", "ربيع الأول/ربيع الاول/ربيع أول/ربيع اول",
                             "ربيع الآخر/ربيع الاخر/ربيع الثاني/ربيع ثاني/ربيع آخر",
                             "جمادى الأولى/جمادى الاولى/جمادى الأول/جمادي الأولى/جمادي الاولى",
                             "جمادى الآخرة/جمادى الاخرة/جمادى الثانية/جمادى الآخر/جمادي الآخرة/جمادي الثانية",
                             "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة/ذي القعدة/ذو القعده/ذي القعده",
                             "ذو الحجة/ذي الحجة/ذو الحجه/ذي الحجه"), 1):
    for _name in _group.split("/"):
        HIJRI_MONTHS[_name] = _i
# "10 ربيع الآخر 1447 هـ"
HIJRI_DATE = re.compile(r"(?<!\d)(?P<d>[0-3]?\d)\s+(?P<mon>" + "|".join(sorted(HIJRI_MONTHS, key=len, reverse=True)) +
                        r")\s+(?P<y>1[34]\d\d)(?!\d)\s*(?:هـ|ه(?![\u0600-\u06FF]))?")

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
# a month may be printed under two names ("تشرين الأول/أكتوبر", "October/Oktober")
_M = rf"(?P<mon>{_MONTH_ALT})\.?(?:\s*/\s*(?:{_MONTH_ALT})(?!\w))?"
_Y = r"(?P<y>(?:19|20)\d\d)"
_D = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º)?\.?"
_SEP = r"(?:\s*,\s*|\s+de\s+|\s+|\s*/\s*|-)"
_GLUED = r"(?:(?!\d)|(?=\d{1,2}(?:[.:]?\s|:\d\d)))"
# (kind, pattern) in the order tried; the date printed first in the text wins, whichever reads it
DATE_PATTERNS = [
    # "2025-10-02", "2025-10-02T11:45:00+02:00"
    ("iso", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)"
                       r"(?:[T ](?P<H>[0-2]?\d):(?P<Mi>[0-5]\d)(?::(?P<S>[0-5]\d))?(?:\.\d+)?\s*"
                       r"(?P<tz>Z|[+-][01]\d:?[0-5]\d)?)?(?!\d)")),
    # "2025年10月2日", "2025년 10월 2일", "2025.10.02"
    ("cjk", re.compile(r"(?P<y>(?:19|20)\d\d)\s*[年년.]\s*(?P<m>[01]?\d)\s*[月월.]\s*(?P<d>[0-3]?\d)\s*[日일]?")),
    # "2025/10/02"
    ("ymd", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?!\d)")),
    # the year may have a day or a time glued on by the scraper ("1. November 20161. November 2016",
    # "November 9, 20235:01 AM"); "2 octobre 2025", "2 de octubre de 2025", "Oct. 2, 2025"
    ("dmy_name", re.compile(rf"(?<!\w){_D}{_SEP}{_M}{_SEP}{_Y}{_GLUED}", re.I)),
    # a capitalised month may be glued to the word before it by the scraper ("ByKathryn GiuffridaMar 5, 2025")
    ("mdy_name", re.compile(rf"(?:(?<!\w)|(?-i:(?<=[a-z])(?=[A-Z])))(?<!\d){_M}\s*{_D}(?:\s*,\s*|\s+){_Y}{_GLUED}", re.I)),
    # "02/10/2025", "02.10.2025", "2-10-2025", in the site's order (DMY or MDY) when both are valid;
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
# A clock time printed just before the date: "11:45 GMT, 02/10/2025"
TIME_BEFORE_DATE = re.compile(r"(?<![\d:])(?P<H>[0-2]?\d):(?P<Mi>[0-5]\d)\s*(?P<z>GMT|UTC|[A-Z]{3,4})?\s*,?\s*$")
# A clock time after the date: "| 11:45 AM", "13h10", "10:30 مساءً"
TIME_OF_DAY = re.compile(r"(?<![\d:])(?P<H>[0-2]?\d)[:h](?P<Mi>[0-5]\d)(?::(?P<S>[0-5]\d))?(?!\d)\s*"
                         r"(?P<ap>[ap]\.?\s?m\.?(?![a-z])|صباح[اً]*|مساء[اً]*|ص(?![\u0600-\u06FF])|م(?![\u0600-\u06FF]))?", re.I)
# A printed offset: "GMT+2", "UTC -05:00", "UTC", "Z"
UTC_OFFSET = re.compile(r"(?:GMT|UTC)\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?|(?<![\w+-])(?P<z>UTC|GMT|Z)(?!\w)")
# Zone abbreviations and their offset in hours: "EST" -> -5, "CEST" -> 2
ZONE_HOURS = {"EST": -5, "EDT": -4, "PST": -8, "PDT": -7, "CET": 1, "CEST": 2, "BST": 1, "IST": 5.5}
# "11:45 EDT"
ZONE_ABBR = re.compile(r"(?<![A-Za-z])(" + "|".join(ZONE_HOURS) + r")(?![A-Za-z])")

# "2 hours ago", "a day ago", "yesterday", "today"
RELATIVE_EN = re.compile(r"(?P<n>\d+|an?|one)\s+(?P<u>minute|min|hour|hr|day|week)s?\s+ago|(?P<y>yesterday)|(?P<t>today)", re.I)
# "منذ 3 ساعات" (3 hours ago), "منذ يومين" (two days ago), "أمس" (yesterday), "اليوم" (today)
RELATIVE_AR = re.compile(r"منذ\s+(?P<n>\d+)?\s*(?P<u>دقيقة|دقائق|ساعتين|ساعات|ساعة|يومين|أيام|ايام|يوم|أسابيع|اسابيع|أسبوع|اسبوع)"
                         r"|(?P<y>أمس|امس|البارحة)|(?P<t>اليوم)")
# The Arabic units to timedelta's ("ساعات" -> hour); a dual counts two ("ساعتين" -> hour2, two hours)
RELATIVE_AR_UNITS = {"دقيقة": "minute", "دقائق": "minute", "ساعة": "hour", "ساعات": "hour", "ساعتين": "hour2",
                     "يوم": "day", "أيام": "day", "ايام": "day", "يومين": "day2", "أسبوع": "week", "اسبوع": "week",
                     "أسابيع": "week", "اسابيع": "week"}

# An all-numeric date anywhere in a page's text, its first two numbers captured ("10/28/2023",
# "28.10.2023", "10/28/23"; as DATE_PATTERNS' "num" and "num2" read them, the check that no digit,
# dot or slash stands before it done on the match): dates.page_date_order reads the page's order. One simple pattern, not
# DATE_PATTERNS, which are written for a line: over a whole page it costs ~0.3 ms, theirs ~3 ms.
NUMERIC_DATE = re.compile(r"\b(\d{1,2})(?:[/-]|\.\s?)(\d{1,2})(?:[/-]|\.\s?)(?:19|20)\d\d(?!\d)|\b(\d{1,2})/(\d{1,2})/\d\d(?![\d/])")
# Months that are also given names: alone in a credit they may be a person ("June", "Mai")
MONTHS_ALSO_NAMES = frozenset({"may", "june", "april", "august", "mai"})
