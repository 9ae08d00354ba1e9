"""Dates in English, Arabic (Egyptian, Levantine, Maghrebi months, Eastern digits) and other
languages; relative dates against the fetch time; no invented time zone."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from newsclean.pipeline.dates import find_date
from newsclean.pipeline.options import SiteConfig

FETCHED = datetime(2025, 10, 2, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("text,expected,time", [
    ("Thu 02 Oct 2025 | 11:45 AM", date(2025, 10, 2), "11:45"),
    ("date 2025-10-01 MIDDLE EAST", date(2025, 10, 1), None),
    ("October 1, 2025", date(2025, 10, 1), None),
    ("Nov. 20, 2019 at 5:04 p.m.", date(2019, 11, 20), "17:04"),
    ("26. Oktober 2023", date(2023, 10, 26), None),
    ("26 de octubre de 2023", date(2023, 10, 26), None),
    ("12 mars 2024 à 08h15", date(2024, 3, 12), "08:15"),
    ("2019年11月20日", date(2019, 11, 20), None),
    # Arabic: Egyptian/Gulf, Levantine and Maghrebi month names, Eastern Arabic digits, "م" suffix
    ("الخميس 02 أكتوبر 2025", date(2025, 10, 2), None),
    ("٢ أكتوبر ٢٠٢٥", date(2025, 10, 2), None),
    ("2 أكتوبر 2025م", date(2025, 10, 2), None),
    ("3 كانون الثاني 2024 - 10:30 م", date(2024, 1, 3), "22:30"),
    ("15 تشرين الأول 2023", date(2023, 10, 15), None),
    ("15 جوان 2023", date(2023, 6, 15), None),
    ("20 غشت 2022", date(2022, 8, 20), None),
    ("نشر في: ٠٥ يونيو ٢٠٢٤ - ٠٩:٣٠ ص", date(2024, 6, 5), "09:30"),
    # the period of day as a word, and a month under both its names
    ("الخميس 2 أكتوبر 2025 11:45 صباحاً", date(2025, 10, 2), "11:45"),
    ("2 أكتوبر 2025 - 11:45 مساءً", date(2025, 10, 2), "23:45"),
    ("2 أكتوبر 2025 - 12:10 صباحا", date(2025, 10, 2), "00:10"),
    ("2 تشرين الأول/أكتوبر 2025", date(2025, 10, 2), None),
    # Hijri only: the Umm al-Qura day; with the Gregorian date printed, that one
    ("الخميس 10 ربيع الآخر 1447 هـ - 11:45 ص", date(2025, 10, 2), "11:45"),
    ("1 رمضان 1446", date(2025, 3, 1), None),
    ("الجمعة 5 ذو الحجة 1446ه", date(2025, 6, 1), None),
    ("10 ربيع الآخر 1447 هـ الموافق 3 أكتوبر 2025م", date(2025, 10, 3), None),
])
def test_absolute_dates(text, expected, time):
    pd = find_date(text)
    assert pd is not None, text
    assert pd.date == expected
    assert pd.time == time
    assert pd.offset is None  # nothing printed, nothing invented
    assert pd.utc() is None


def test_day_first_vs_month_first():
    assert find_date("02/10/2025", site=SiteConfig(date_order="DMY")).date == date(2025, 10, 2)
    assert find_date("02/10/2025", site=SiteConfig(date_order="MDY")).date == date(2025, 2, 10)
    assert find_date("25/10/2025", site=SiteConfig(date_order="MDY")).date == date(2025, 10, 25)  # only one reading valid


def test_printed_offset_gives_utc():
    pd = find_date("2019-11-20T10:30:00+02:00")
    assert pd.utc() == datetime(2019, 11, 20, 8, 30, tzinfo=timezone.utc)
    assert find_date("Nov 20, 2019 5:04 PM EST").utc() == datetime(2019, 11, 20, 22, 4, tzinfo=timezone.utc)


def test_configured_site_zone_gives_utc():
    pd = find_date("Thu 02 Oct 2025 | 11:45 AM")
    assert pd.utc() is None
    assert pd.utc("Africa/Cairo") == datetime(2025, 10, 2, 8, 45, tzinfo=timezone.utc)


@pytest.mark.parametrize("text,delta", [
    ("منذ 3 ساعات", timedelta(hours=3)), ("منذ ساعتين", timedelta(hours=2)), ("منذ يومين", timedelta(days=2)),
    ("منذ أسبوع", timedelta(weeks=1)), ("أمس", timedelta(days=1)), ("2 hours ago", timedelta(hours=2)),
    ("yesterday", timedelta(days=1)), ("3 days ago", timedelta(days=3)),
])
def test_relative_dates_resolved_against_fetch_time(text, delta):
    pd = find_date(text, fetched_at=FETCHED)
    assert pd is not None and pd.kind == "relative"
    assert pd.date == (FETCHED - delta).date()


def test_relative_dates_need_a_fetch_time():
    assert find_date("منذ 3 ساعات") is None
    assert find_date("2 hours ago") is None


def test_not_dates():
    for text in ("Version 3.2.1", "Call 555-1234", "1 min read", "Score 2-1", "12/45/2019", "31 February 2020"):
        assert find_date(text) is None, text


def test_html_date_local_day_rules():
    """A stamp with an offset is local time; a UTC stamp takes its local day from a <time> of the
    same instant or from htmldate only where a time zone could explain the difference."""
    from newsclean.pipeline.metadata import _html_date
    from newsclean.pipeline.record import Article

    def day(**meta):
        art = Article("x", "html", raw="")
        _html_date(art, meta, SiteConfig())
        return str(art.published_date)

    # offset stamp: its own day, though htmldate read the URL's day before
    assert day(ld_date="2022-05-07T13:43:46-05:00", t_date="2022-05-06") == "2022-05-07"
    # offset stamp years away from htmldate: a modification date; htmldate's original wins
    assert day(ld_date="2019-06-17T18:28:00+0200", t_date="2017-07-12") == "2017-07-12"
    # UTC stamp at 03:37 and a <time> of the same instant at -04:00: the local day is the 3rd
    assert day(ld_date="2022-05-04T03:37:37+00:00", time_datetime="2022-05-03T23:37:37-04:00",
               t_date="2022-05-04") == "2022-05-03"
    # UTC stamp at midday: no -10..+10 h zone moves it to the next day, so htmldate's next day loses
    assert day(ld_date="2020-01-19T12:25:36Z", t_date="2020-01-20") == "2020-01-19"
    # UTC stamp late in the day: the next local day is plausible and htmldate's reading is kept
    assert day(ld_date="2020-01-19T22:25:36Z", t_date="2020-01-20") == "2020-01-20"


def test_more_printed_forms():
    def read(s):
        d = find_date(s, site=SiteConfig(date_order="DMY"))
        return (str(d.date), d.time) if d else None

    assert read("19.10.19, 12:00 Uhr") == ("2019-10-19", "12:00")  # dd.mm.yy, day first
    assert read("Artikel vom 31.10.23") == ("2023-10-31", None)
    assert read("Version 3.10.25 released") is None  # not two-digit day and month: a version
    assert read("15/01/201614/01/2016") == ("2016-01-15", None)  # two dates glued by a scraper
    assert read("31 stycznia 2020 | 10:00") == ("2020-01-31", "10:00")  # Polish genitive month
    # the first date printed wins, and its time is the one printed with it, not the update's
    assert read("08/03/2020 15h30 Atualizado 2020-03-08T18:30:30.077Z") == ("2020-03-08", "15:30")
    assert read("Published: 22:00 GMT, 26 September 2020 | Updated: 08:39 GMT, 28 September 2020") == ("2020-09-26", "22:00")
    # a day or a time glued to a month-name date's year by the scraper
    assert read("1. November 20161. November 2016") == ("2016-11-01", None)
    assert read("20 janvier 202020 janvier 2020") == ("2020-01-20", None)
    assert read("November 9, 20235:01 AM ET") == ("2023-11-09", "05:01")
    assert read("Von Deutscher Tennis Bund 4. 2. 2022.") == ("2022-02-04", None)  # spaced day. month. year


def test_update_stamp_is_the_date_of_last_resort():
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    body = "\n".join(f"Paragraph {i} of the story tells what the council decided on the bridge repairs today." for i in range(8))
    only_updated = process_article(Article("a.txt", "text", raw=f"City council backs bridge plan\nUpdated June 13, 2019\n{body}\n"))
    assert str(only_updated.published_date) == "2019-06-13" and only_updated.published_raw.startswith("Updated")
    both = process_article(Article("b.txt", "text", raw=f"City council backs bridge plan\nPublished June 10, 2019\n"
                                                       f"Updated June 13, 2019\n{body}\n"))
    assert str(both.published_date) == "2019-06-10"


def test_dates_that_are_not_publication_dates():
    from newsclean.pipeline.header import date_line
    from newsclean.pipeline.record import Article

    art = Article("x", "text")
    for line in ("Registriert: 18.09.2008, 05:56", "Version 3, 29 June 2007", "Video verfügbar bis 28.02.2021",
                 "Chris Anamani February 23, 2017 at 12:33 pm Reply"):
        assert date_line(line, art, SiteConfig()) is None, line
    assert str(date_line("Thu 02 Oct 2025 | 11:45 AM", art, SiteConfig()).parsed.date) == "2025-10-02"


def test_page_date_last_resort_in_a_whole_page():
    """A dump whose header and body edges print no date: a stamp anywhere in the page, even at
    the head of a long line; comments are never read; else a line that is only a date."""
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    words = "council bridge repairs budget river traffic engineers vote residents delay".split()
    body = "\n".join(f"In part {i} the {words[i % 10]} and the {words[(i + 3) % 10]} came up again, said the mayor, "
                     f"before the {words[(i + 7) % 10]} question was put to the {words[(i + 5) % 10]} once more." for i in range(12))
    menu = "\n".join(["Home", "News", "Sport", "Kontakt", "Impressum", "Datenschutz", "Suche", "Login"] * 6)
    stamp = ("Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von Heiner geschrieben und unter dem Stichwort "
             "Arduino, Infrarot LED, Fernbedienung und Elektronik abgelegt, wo es weitere Beiträge gibt.")
    a = process_article(Article("a.txt", "text", raw=f"{menu}\nBridge plan backed\n{body}\n{menu}\n{stamp}\n"))
    assert str(a.published_date) == "2015-12-14" and a.published_time_local == "14:48"
    dateline = process_article(Article("b.txt", "text", raw=f"{menu}\nBridge plan backed\n{body}\n{menu}\n"
                                       "Karlsruhe, (12.11.2021). Traditionell gedenken die Bürger der Verstorbenen.\n"))
    assert str(dateline.published_date) == "2021-11-12"
    from newsclean.pipeline.header import page_date
    from newsclean.pipeline.record import Line

    comments = Article("c.txt", "text", lines=[Line("Bridge plan backed", 0), Line("Leave a Reply", 1, "comments"),
                                               Line("Posted on March 3, 2020 by a reader who liked it", 1, "comments")])
    page_date(comments, SiteConfig())
    assert comments.published_date is None  # a reader's comment is not the article's date


def _html_page(under_headline: str, head: str = "", url: str = "https://example.de/2019/06/19/neue-strasse") -> object:
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    body = "".join(f"<p>Absatz {i}: Die Gemeinde hat am Montag beschlossen, die Straße zu sanieren, sagte der Sprecher "
                   f"der Verwaltung am Rande der Sitzung des Gemeinderats, die bis in den Abend dauerte.</p>" for i in range(40))
    html = (f"<html><head><title>Neue Straße</title>{head}</head><body><h1>Neue Straße für das Dorf</h1>"
            f"{under_headline}<article>{body}</article><footer><p>© 2015 Gemeindeblatt</p></footer></body></html>")
    return process_article(Article("x.html", "html", raw=html, url=url))


def test_html_date_printed_under_the_headline():
    """With no JSON-LD or <meta> date, the date line printed under the headline wins over
    htmldate's guess (here the date in the URL); a dek may come between them."""
    a = _html_page("<p class='dek'>" + "Ein langer Vorspann über die Straße und das Dorf, " * 4 + "</p><div><span>21.01.2022</span>"
                   " - <span>13:30</span></div>")
    assert (a.published_date, a.published_time_local, a.date_source) == (date(2022, 1, 21), "13:30", "text")
    a = _html_page("<p>Karlsruhe, (12.11.2021). Traditionell gedenken die Gemeinden der Verstorbenen.</p>")
    assert a.published_date == date(2021, 11, 12)  # a dateline opening the first paragraph
    # not taken: a member's join date, an update stamp, a date after the body has started
    assert _html_page("<div>Joined</div><div>May 11, 2017</div>").published_date == date(2019, 6, 19)
    assert _html_page("<div>Updated May 06, 2021</div>").published_date == date(2019, 6, 19)
    para = "<p>" + "Der Gemeinderat hat lange über die Straße und ihre Kosten beraten. " * 4 + "</p>"
    assert _html_page(para + para + "<p>30. Januar 2022</p>").published_date == date(2019, 6, 19)


def test_html_ambiguous_markup_date_resolved_by_the_printed_date():
    """"11/01/2023" in a <meta> tag is 11 January or 1 November; the page prints 01.11.2023."""
    meta = "<meta name='date' content='11/01/2023 12:43:42'>"
    assert _html_page("<p>Erstellt am: 01.11.2023</p>", head=meta, url="https://example.de/a").published_date == date(2023, 11, 1)
    assert _html_page("<p>Neue Straße</p>", head=meta, url="https://example.de/a").published_date == date(2023, 1, 11)


def test_html_date_above_the_headline_and_labelled_anywhere():
    """A date line right above the headline ("02.02.2022 10:16 Uhr - Bundesliga"), or a line
    that labels the publication date after the article ("Erschienen am: 01.11.2023"), wins over
    htmldate's guess; an unlabelled date far below does not."""
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    body = "".join(f"<p>Absatz {i}: Die Gemeinde hat am Montag beschlossen, die Straße zu sanieren, sagte der Sprecher "
                   f"der Verwaltung am Rande der Sitzung des Gemeinderats, die bis in den Abend dauerte.</p>" for i in range(40))

    def page(above: str, below: str) -> date | None:
        html = (f"<html><head><title>Neue Straße</title></head><body><div><p>{above}</p><h1>Neue Straße für das Dorf</h1>"
                f"</div><article>{body}</article><div><span>Letzte Änderung: 31.10.2023</span><p>{below}</p></div></body></html>")
        return process_article(Article("x.html", "html", raw=html, url="https://example.de/2019/06/19/a")).published_date

    assert page("02.02.2022 10:16 Uhr - 1. Bundesliga", "") == date(2022, 2, 2)
    assert page("Sport", "Erschienen am: 01.11.2023") == date(2023, 11, 1)
    assert page("Sport", "01.11.2023") == date(2019, 6, 19)


@pytest.mark.parametrize("text,expected,time", [
    ("Publié le 02/11/23 à 16h33", "2023-11-02", "16:33"),
    ("von lupa am 26/10/13, 03:48 pm", "2013-10-26", "15:48"),
    ("1.11.23 20:19 von Lars Sobiraj Lesezeit: 4 Min.", "2023-11-01", "20:19"),
])
def test_two_digit_years(text, expected, time):
    pd = find_date(text)
    assert (str(pd.date), pd.time) == (expected, time)
    assert str(find_date(text.replace("02/11/23", "11/02/23"), site=SiteConfig(date_order="MDY")).date) == expected


@pytest.mark.parametrize("text", ["Python 3.10.12 released", "v1.2.33 is out", "Seite 1/2/34"])
def test_version_numbers_are_no_two_digit_years(text):
    assert find_date(text) is None


def test_date_at_the_end_of_a_blog_entry_footer():
    """The theme's entry footer lists categories and tags before the date: the line is read whole."""
    from newsclean.pipeline.header import stamp_at_head
    from newsclean.pipeline.record import Article

    line = ("Dieser Eintrag wurde veröffentlicht in Inland, Politik, Rant und getaggt mit Antisemitismus, Piraten "
            "am 11. Dezember 2012 von Mathias.")
    assert str(stamp_at_head(line, Article("a.txt", "text"), SiteConfig()).date) == "2012-12-11"
    # any other line is read for a stamp only at its head
    assert stamp_at_head("Veröffentlicht wurde von einem Leser vieles über Inland, Politik, Rant und Antisemitismus, "
                         "Piraten und anderes, zuletzt am 11. Dezember 2012 von Mathias.", Article("a.txt", "text"),
                         SiteConfig()) is None


def test_url_date_when_the_page_prints_none():
    """A record whose text prints no date takes the one its URL gives (date_source "url"); a
    printed date wins over it."""
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    body = "\n".join(f"In part {i} the council and the engineers came up again, said the mayor, before the vote "
                     f"on the bridge was put to the residents once more." for i in range(10))
    url = "https://example.com/2023/11/08/bridge-plan-backed"
    a = process_article(Article("a.txt", "text", raw=f"Bridge plan backed\n{body}\n", url=url))
    assert (str(a.published_date), a.date_source, a.published_time_local) == ("2023-11-08", "url", None)
    b = process_article(Article("b.txt", "text", raw=f"Bridge plan backed\nNovember 9, 2023\n{body}\n", url=url))
    assert (str(b.published_date), b.date_source) == ("2023-11-09", "text")


def test_a_pages_own_numeric_dates_tell_their_order():
    """With no site config, the all-numeric dates of a page that prints one only month first
    (10/28/2023) are read month first, and day first when one reads only so (28/10/2023); a page
    whose dates are all ambiguous, or that prints both, keeps the default (DMY). A site's configured
    order is never overridden."""
    from newsclean.pipeline.dates import page_date_order
    from newsclean.pipeline.options import Options
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    assert page_date_order("Posted 10/12/2023 ... comment 10/28/2023", "DMY") == "MDY"
    assert page_date_order("Posted 10/12/2023 ... comment 28/10/2023", "MDY") == "DMY"
    assert page_date_order("Posted 10/12/2023", "DMY") == "DMY"
    assert page_date_order("10/12/2023 and 28/10/2023 and 10/28/2023", "DMY") == "DMY"

    def dump(site=None, opts=Options()):
        raw = "\n".join(["Home", "News", "City council approves the new bridge budget", "10/12/2023",
                         "The council voted on Tuesday to approve the budget for the new bridge over the river, after months of debate.",
                         "Residents had asked for a second crossing for years, citing traffic jams at rush hour every day.",
                         "Comments", "Jane, 10/28/2023: about time."]) + "\n"
        return process_article(Article("d.txt", "text", raw=raw, url=site), opts).published_date

    assert str(dump()) == "2023-10-12"
    dmy = Options(sites={"example.com": SiteConfig(date_order="DMY")})
    assert str(dump("https://example.com/news/bridge", dmy)) == "2023-12-10"
