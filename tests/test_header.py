"""The date line and what stands beside it: a section, an agency, a credit; relative dates on
the date line (pipeline.header reads these fields around the body)."""
from __future__ import annotations

import pytest

from conftest import ARABIC_DUMP

from newsclean.pipeline.process import process_article
from newsclean.pipeline.record import Article


@pytest.mark.parametrize("date_line, section", [
    ("الخميس، 02 أكتوبر 2025 - 11:45 ص", None),
    ("الخميس، 02 أكتوبر 2025، 11:45 ص", None),
    ("سياسة، الخميس 02 أكتوبر 2025 - 11:45 ص", "سياسة"),
    ("سياسة | الخميس، 02 أكتوبر 2025؛ 11:45 ص", "سياسة"),
])
def test_arabic_date_line_punctuation_is_not_a_section(date_line, section):
    """The Arabic comma and semicolon in a date line are separators, like their Latin twins: what
    is left beside the date is a section only when it has letters."""
    art = process_article(Article("ar.txt", "text", raw=ARABIC_DUMP.replace("الخميس 02 أكتوبر 2025 - 11:45 ص", date_line)))
    assert art.section == section
    assert str(art.published_date) == "2025-10-02" and art.published_time_local == "11:45"
    assert dict(art.removed())[date_line] == "date"


def _arabic_header(*header: str, fetched_at=None) -> Article:
    raw = "\n".join(["الرئيسية", "أخبار", "وزير الخارجية يبحث مع نظيره الأردني تطورات الأوضاع في المنطقة", *header,
                     *[ln for ln in ARABIC_DUMP.splitlines() if ln.startswith(("بحث", "وأكد", "وأشار"))]])
    return process_article(Article("ar.txt", "text", raw=raw, fetched_at=fetched_at))


def test_arabic_agency_dateline_and_unresolved_relative_date():
    """"وكالات" / "منذ 3 ساعات" with no fetch time, and "القاهرة - أ ش أ": header lines that are
    neither the title nor an author."""
    from datetime import datetime, timezone

    title = "وزير الخارجية يبحث مع نظيره الأردني تطورات الأوضاع في المنطقة"
    art = _arabic_header("وكالات", "منذ 3 ساعات")
    assert art.title == title and art.authors == [] and art.source_agency == "AGENCIES"
    assert art.published_date is None and art.published_raw == "منذ 3 ساعات"  # printed, not resolved
    assert dict(art.removed())["منذ 3 ساعات"] == "date"
    fetched = _arabic_header("وكالات", "منذ 3 ساعات", fetched_at=datetime(2025, 10, 2, 9, 0, tzinfo=timezone.utc))
    assert str(fetched.published_date) == "2025-10-02" and fetched.title == title
    art = _arabic_header("القاهرة - أ ش أ", "الخميس 02 أكتوبر 2025")
    assert art.title == title and art.authors == [] and art.source_agency == "MENA"
    assert dict(art.removed())["القاهرة - أ ش أ"] == "agency"


@pytest.mark.parametrize("date_line", ["Mis à jour le 03/10/2025 à 14:30", "Veröffentlicht am 03.10.2025, 14:30 Uhr",
                                       "Publié le 3 octobre 2025 à 14h30"])
def test_date_line_words_are_not_a_section(date_line):
    body = ("Le gouvernement a annoncé jeudi un nouveau plan de soutien aux exportations, qui vise à porter leur "
            "valeur à cent milliards d'euros au cours des cinq prochaines années.")
    body2 = "Le porte-parole a précisé que le plan comprend des incitations fiscales pour les exportateurs."
    art = process_article(Article("x.txt", "text", raw="\n".join(["Accueil", "Un plan pour les exportations",
                                                                    "Par Marie Dupont", date_line, body, body2])))
    assert str(art.published_date) == "2025-10-03" and art.published_time_local == "14:30"
    assert art.section is None


@pytest.mark.parametrize("meta_line, authors, agency, section", [
    ("Ahmed Morsy , Thursday 2 Oct 2025", ["Ahmed Morsy"], None, None),
    ("MENA , Thursday 2 Oct 2025", [], "MENA", None),
    ("Reuters , Thursday 2 Oct 2025", [], "REUTERS", None),
    ("Ahram Online , Thursday 2 Oct 2025", [], None, None),  # the publication, on its own site
    ("Politics , Thursday 2 Oct 2025", [], None, "Politics"),
])
def test_what_stands_beside_the_date(meta_line, authors, agency, section):
    body = ["Egypt and Saudi Arabia discussed on Thursday ways to boost bilateral trade and investment, the cabinet said.",
            "The two sides reviewed joint projects in energy, logistics and tourism, and agreed to form a working group."]
    raw = "\n".join(["Ahram Online", "Home", "Egypt", "Egypt, Saudi Arabia discuss boosting trade ties", meta_line, *body])
    art = process_article(Article("x.txt", "text", raw=raw, url="https://english.ahram.org.eg/NewsContent/1/64/5/x.aspx"))
    assert (art.authors, art.source_agency, art.section) == (authors, agency, section)
    assert str(art.published_date) == "2025-10-02" and dict(art.removed())[meta_line] == "date"


_BODY = ["The committee met on Thursday to review the budget for next year and agreed on a plan for the schools.",
         "Members said the plan would add teachers in every district and cut the waiting lists for the programmes."]


def _dump_authors(*header: str) -> list[str]:
    """The authors newsclean reads from a text dump: a menu, `header` lines, then a body."""
    raw = "\n".join(["Home", "News", "Schools", *header, *_BODY])
    return process_article(Article("x.txt", "text", raw=raw)).authors


def test_a_label_under_the_name_is_no_second_author():
    """"By" / "Melanie Hanson" / "Fact Checked": the credit names one person; the label is another role."""
    assert _dump_authors("School budget plan agreed by the committee", "By", "Melanie Hanson", "Fact Checked") \
        == ["Melanie Hanson"]
    assert _dump_authors("School budget plan agreed by the committee", "By", "Melanie Hanson", "John Smith") \
        == ["Melanie Hanson", "John Smith"]


@pytest.mark.parametrize("meta_line, authors", [
    ("Kristian Larsen July 13, 2025 — 7 minutes read", ["Kristian Larsen"]),  # the date separates the name
    ("Shana Nys DambrotNovember 6, 2023", ["Shana Nys Dambrot"]),
    ("July 13, 2025 | 7 minutes read", []),
    ("Katherine FidlerThursday 2 Nov 2023 10:09 am", ["Katherine Fidler"]),
    ("Pressemitteilung Aktuell 02. November 2021", []),  # a compound noun's label, no name
])
def test_a_full_name_beside_the_date(meta_line, authors):
    assert _dump_authors("School budget plan agreed by the committee", meta_line) == authors


def test_a_label_over_the_headline_is_no_byline():
    """The bare-name rule: a capitalised pair right above the headline is a kicker or a section;
    under it, or beside the date, a byline. (The line-role model decides on its own where the rule
    takes nobody; on a header this short it reads the kicker as a byline.)"""
    from newsclean.pipeline.header import _bare_name_byline
    from newsclean.pipeline.lines import features, segment

    def rule(*header: str, title: int, date: int) -> list[str]:
        art = Article("x.txt", "text", raw="")
        art.lines = segment("\n".join(header))
        _bare_name_byline(art, features(art.lines), list(range(len(art.lines))), {date}, title)
        return art.authors

    head = "School budget plan agreed by the committee"
    assert rule("Industry Insights", head, "December 9, 2024", title=1, date=2) == []
    assert rule(head, "Jessica Alexander", "December 9, 2024", title=0, date=2) == ["Jessica Alexander"]
    assert rule("Jessica Alexander", "December 9, 2024", head, title=2, date=1) == ["Jessica Alexander"]


@pytest.mark.parametrize("label, name, authors", [
    ("Written By", "Stephen Jesudunsin", ["Stephen Jesudunsin"]),
    ("Article written by:", "Doris Munoz-Mantilla, MD, FOMA, DABOM", ["Doris Munoz-Mantilla"]),
    ("Written by", "Eliz - Product marketer", ["Eliz"]),
    ("Author", "SUBSCRIBER", []),  # a widget's label
    ("Author", "Reply to Elaine J Winter", []),
])
def test_a_credit_label_with_the_name_under_it_anywhere(label, name, authors):
    """Far from the headline (an author box in the footer), a credit label alone names the person under it."""
    raw = "\n".join(["Home", "School budget plan agreed by the committee", *_BODY, "Share this", label, name, "Contact us"])
    assert process_article(Article("x.txt", "text", raw=raw)).authors == authors


@pytest.mark.parametrize("meta_line, authors", [
    ("von Mathilda Trausch, Online-Redaktion Veröffentlicht: 26.12.2022", ["Mathilda Trausch"]),  # the affiliation
    ("Veröffentlicht am 13. März 2019 von Michael Veeser-Dombrowski", ["Michael Veeser-Dombrowski"]),  # the hyphen
    ("Von Katharina Schmidt Kategorien: Mode 6. November 2023, 15:25 Uhr", ["Katharina Schmidt"]),  # the categories
    ("1. Januar 2016 von KleineGrüneMonster Ein Kommentar", ["KleineGrüneMonster"]),  # the comment count
    ("By Ana Sandoiu on May 7, 2020", ["Ana Sandoiu"]),
])
def test_the_credit_on_a_date_line_as_printed(meta_line, authors):
    assert _dump_authors("School budget plan agreed by the committee", meta_line) == authors


def test_a_byline_one_name_a_line_with_its_commas():
    """"By" / "A" / "," / "B" / ", and" / "C": the joiners on lines of their own keep the list going."""
    assert _dump_authors("School budget plan agreed by the committee", "By", "Jim Rutenberg", ",", "Lisa Lerer",
                         "and", "Kenneth Vogel", "December 9, 2024") == ["Jim Rutenberg", "Lisa Lerer", "Kenneth Vogel"]
