"""Line marking (pipeline.clean): captions, disclaimers, related-list headings and the lists under them."""
from __future__ import annotations

import pytest

from conftest import ARABIC_DUMP, BRIDGE

from newsclean.pipeline.process import process_article
from newsclean.pipeline.record import Article


def test_a_related_list_ends_where_the_article_header_begins():
    """A "Trending" list in the navigation does not swallow the breadcrumb, the headline and the
    byline under it; a byline under the article's tags is no tag either."""
    raw = "\n".join(["Trending", "Zen 3", "RTX 3080", "PS5", "Home", "News",
                     "Where and How to Buy an RTX 3080, 3090 or 3070", "By Michelle Ehrhardt 04 November 2020",
                     BRIDGE, "Impressum"]) + "\n"
    art = process_article(Article("s.txt", "text", raw=raw))
    assert (art.title, art.authors) == ("Where and How to Buy an RTX 3080, 3090 or 3070", ["Michelle Ehrhardt"])
    raw = "\n".join(["Startseite", "Stadtrat berät über die Brücke", "TAG: Brücke, Hafen", "By Jose de la Cruz", BRIDGE,
                     "Impressum"]) + "\n"
    assert process_article(Article("s.txt", "text", raw=raw)).authors == ["Jose de la Cruz"]


def test_captions_with_their_credit_at_the_end_or_a_label_in_front():
    from newsclean.pipeline.header import parse_caption
    from newsclean.pipeline.record import Caption

    assert parse_caption("The minister at the meeting. Photo: Jane Doe") == Caption("The minister at the meeting.", "Jane Doe")
    assert parse_caption("رئيس الوزراء خلال الاجتماع - تصوير: محمود حسن") == Caption("رئيس الوزراء خلال الاجتماع", "محمود حسن")
    assert parse_caption("Photo: Getty Images") == Caption("", "Getty Images")
    # a label, then a sentence: the caption's text, not a credit
    assert parse_caption("Image: Jose Mourinho has agreed a deal to become manager of Tottenham Hotspur") == \
        Caption("Jose Mourinho has agreed a deal to become manager of Tottenham Hotspur")
    assert parse_caption("Port of Alexandria", "Reuters") == Caption("Port of Alexandria", "Reuters")
    assert parse_caption("Subscribe to our newsletter") is None
    assert parse_caption('He said: "the photo is fake"') == Caption('He said: "the photo is fake"')


def test_opinion_disclaimers_go_and_sentences_that_sound_like_them_stay():
    english = "\n".join([
        "Why the ceasefire needs more than guarantees", "By Ahmed Yusuf", "November 20, 2025",
        "The ceasefire agreed last month has brought a measure of calm, but it remains fragile and both sides trade blame.",
        "The protesters said the views expressed by the minister do not reflect what most people in the country think.",
        "Without a political horizon, the ceasefire risks becoming another pause between wars, analysts say.",
        "Disclaimer: The viewpoints expressed by the authors do not necessarily reflect the opinions of TRT World.",
    ])
    art = process_article(Article("op.txt", "text", raw=english))
    assert dict(art.removed())[english.splitlines()[-1]] == "disclaimer"
    assert [ln.text for ln in art.lines if ln.kept] == english.splitlines()[3:6]
    arabic = ARABIC_DUMP.replace("اقرأ أيضا", "الآراء الواردة في المقال لا تعبر بالضرورة عن رأي الموقع\nاقرأ أيضا").replace(
        "بما يحقق مصالح الشعبين.", "بما يحقق مصالح الشعبين.\nوقال إن تصريحات الوزير لا تعبر بالضرورة عن رأي الحكومة في هذه المسألة.")
    art = process_article(Article("ar.txt", "text", raw=arabic))
    assert dict(art.removed())["الآراء الواردة في المقال لا تعبر بالضرورة عن رأي الموقع"] == "disclaimer"
    kept = [ln.text for ln in art.lines if ln.kept]
    assert len(kept) == 4 and kept[-1].startswith("وقال إن تصريحات الوزير")


@pytest.mark.parametrize("heading, inline", [("Must Read", False), ("موضوعات متعلقة", False),
                                             ("اخترنا لك", False), ("يهمك أيضا", True), ("طالع أيضا", True)])
def test_related_list_headings(heading, inline):
    """A related-stories widget goes with its heading and its links; an inline cross-link heading
    ("طالع أيضا") may sit between paragraphs, and the paragraphs after it stay."""
    arabic = heading[0] > "\u0600"
    paras = ([ln for ln in ARABIC_DUMP.splitlines() if ln.startswith(("بحث", "وأكد", "وأشار"))] if arabic else
             ["Egypt and Saudi Arabia discussed on Thursday ways to boost bilateral trade and investment, the cabinet said.",
              "The two sides reviewed joint projects in energy, logistics and tourism, and agreed to form a working group.",
              "Saudi investments in Egypt exceed 35 billion dollars, the statement added, citing official figures."])
    links = (["ارتفاع أسعار الذهب في مصر لليوم الثالث", "البنك المركزي يثبت أسعار الفائدة"] if arabic else
             ["Gold prices in Egypt rise for third day", "Central bank keeps interest rates unchanged"])
    title = "وزير الخارجية يبحث مع نظيره الأردني تطورات المنطقة" if arabic else "Egypt, Saudi Arabia discuss trade ties"
    block = [heading, *links[:1 if inline else 2]]
    raw = "\n".join([title, "02/10/2025", *paras[:2], *block, paras[2]] if inline else [title, "02/10/2025", *paras, *block])
    art = process_article(Article("x.txt", "text", raw=raw))
    assert [ln.text for ln in art.lines if ln.kept] == paras
    assert dict(art.removed())[heading] == "related_marker"
    assert all(dict(art.removed())[link] == "related_link" for link in block[1:])


@pytest.mark.parametrize("heading", ["Вам также может быть интересно", "Похожие новости", "Смотрите также"])
def test_related_list_headings_in_russian(heading):
    paras = ["Центральный банк России в пятницу сохранил ключевую ставку на прежнем уровне, сообщила пресс-служба регулятора.",
             "Аналитики ожидали такого решения: инфляция в стране замедляется второй месяц подряд, отмечают экономисты.",
             "Следующее заседание совета директоров по ключевой ставке запланировано на середину декабря."]
    links = ["Курс рубля укрепился к доллару третий день подряд", "Минфин увеличил продажу валюты на внутреннем рынке"]
    raw = "\n".join(["ЦБ сохранил ключевую ставку", "02.10.2025", *paras, heading, *links])
    art = process_article(Article("x.txt", "text", raw=raw))
    assert [ln.text for ln in art.lines if ln.kept] == paras
    assert dict(art.removed())[heading] == "related_marker"
    assert all(dict(art.removed())[link] == "related_link" for link in links)


def test_subheadings_listed_in_a_table_of_contents_stay_in_the_body():
    """The headings printed in a table of contents above the body are printed again inside it: the
    copy inside the body, heading its paragraph, stays; the contents' copies and a share bar
    printed twice go; a contents entry is no headline candidate."""
    heads = ["Why budgets slip", "What the council can do", "How residents can help"]
    words = ("budget council members plan work vote roads schools parks taxes housing transport water "
             "libraries police").split()
    body = [f"An opening paragraph, number {n}, says what the {words[n]} and {words[n + 5]} debate is about and "
            f"why the city has to settle it before the {words[n + 9]} season." for n in range(3)]
    for n, h in enumerate(heads):
        for m in range(2):
            w = words[(3 * n + m) % len(words)], words[(5 * n + 2 * m + 1) % len(words)]
            body.append(f"The committee met in week {n}{m} to discuss {w[0]} and {w[1]}, and the members agreed "
                        f"that the {w[0]} plan needed more work before the {w[1]} vote could pass.")
        body.insert(len(body) - 2, h)
    raw = "\n".join(["Home", "News", "How the city plans its budget", "Table of Contents", *heads, "Share this",
                     *body, "Share this", "© 2025 Example Media"])
    art = process_article(Article("toc.txt", "text", raw=raw))
    kept = [ln.text for ln in art.lines if ln.reason is None]
    assert art.title == "How the city plans its budget"
    assert [h for h in heads if h in kept] == heads
    assert all(ln.reason is not None for ln in art.lines[:8])  # the contents' copies
    assert "Share this" not in kept


def test_a_menu_glued_into_one_long_line_does_not_count_as_a_paragraph():
    """A scraper that drops the spaces between menu items makes one long 'paragraph' of them
    (modern/ wcxb-0046's eight menus outscored its article: page F1 0); the body span scores such a
    line as a short line, and prose with a camel-cased brand name or two stays a paragraph."""
    from newsclean.pipeline.clean import SHORT_SCORE, line_score
    from newsclean.pipeline.lines import features
    from newsclean.pipeline.record import Line

    menu = ("Latest NewsWorld NewsBusiness NewsMarkets TodayTech NewsScience NewsHealth NewsSports NewsCulture "
            "and ArtsTravel GuidesFood and DrinkHome and GardenOpinion PiecesWeather TodayLocal EventsLetters to the Editor")
    prose = "She bought an iPhone and watched YouTube videos about McDonald's menus for the rest of the long evening."
    (m, p) = [Line(t, 0) for t in (menu, prose)]
    fm, fp = features([m, p])
    assert fm.paragraph and line_score(m, fm) == SHORT_SCORE
    assert line_score(p, fp) == fp.units


def test_an_articles_own_list_stays_and_a_teaser_list_goes():
    """Inside a dump's body, a run of short lines is the article's list when a line ending with a
    colon introduces it or its items read as sentences (sentence case); title-case headlines in a
    run are teasers (link_list)."""
    para = ("The council published its plan for the harbour bridge on Monday after months of debate "
            "about the costs and the traffic it will cause.")
    after = ("Work is due to start next spring and the city expects it to last at least two years, "
             "with one lane open at all times.")
    items = ["Two new lanes for cyclists", "A wider footpath on the east side", "New lighting along the quay"]
    teasers = ["Mayor Opens New Library In The Old Town", "Local Team Wins The Regional Cup Final",
               "Storm Damages Roofs Across The Northern Suburbs"]
    for intro, lst in (("The plan includes:", [i.title() for i in items]), (None, items)):
        raw = "\n".join(["Home", "News", "Harbour bridge plan published", para, *([intro] if intro else []), *lst,
                         after, para.replace("Monday", "Tuesday"), "Impressum"]) + "\n"
        kept = [ln.text for ln in process_article(Article("l.txt", "text", raw=raw)).lines if ln.kept]
        assert all(x in kept for x in lst), kept
    raw = "\n".join(["Home", "News", "Harbour bridge plan published", para, *teasers, after,
                     para.replace("Monday", "Tuesday"), "Impressum"]) + "\n"
    removed = dict(process_article(Article("l.txt", "text", raw=raw)).removed())
    assert all(removed.get(t) == "link_list" for t in teasers), removed


def test_a_line_repeated_only_inside_the_body_stays_and_one_repeated_around_it_goes():
    """The same short line under every product of a review is the article's; a line printed in the
    header and again in the footer is page furniture (repeated)."""
    card = ("The {} is a light and quiet kettle that boils a full litre in under three minutes and keeps "
            "the water warm for an hour.")
    raw = "\n".join(["Home", "Follow our kitchen desk", "Best kettles of the year",
                     "We tested twenty kettles over six weeks in a busy office kitchen and ranked them by speed and noise.",
                     "Acme One", card.format("Acme One"), "Free shipping included", "Acme Two", card.format("Acme Two"),
                     "Free shipping included", "Acme Three", card.format("Acme Three"), "Free shipping included",
                     "All three kettles were bought at full price and returned after the test, as with every review.",
                     "Follow our kitchen desk", "Impressum"]) + "\n"
    art = process_article(Article("k.txt", "text", raw=raw))
    assert [ln.text for ln in art.lines if ln.kept].count("Free shipping included") == 3
    assert dict(art.removed()).get("Follow our kitchen desk") in ("repeated", "nav_header", "footer")
    assert "Follow our kitchen desk" not in art.body_text()


def test_short_lines_under_a_line_ending_with_a_colon_are_its_list():
    """A table scraped one cell a line under "... after 36 races:" stays in the body span. Without the
    colon line its points still mark it a table (pipeline.tablecells); the drivers' names alone, no
    colon line above them, cost the span like a menu and are left out."""
    intro = "On this page you will always find the championship standings, updated after every race of the season."
    cells = [x for pos, name, pts in [("1", "Kyle Busch", "5040"), ("2", "Martin Truex", "5035"), ("3", "Kevin Harvick", "5033"),
                                      ("4", "Denny Hamlin", "5027"), ("5", "Joey Logano", "2380")] for x in (pos, name, pts)]
    close = "The standings are updated on the evening after each race, once the organisers confirm the results of the day."
    names = cells[1::3]
    for colon, listed, stays in ((True, cells, True), (False, cells, True), (False, names + names[:3], False)):
        raw = "\n".join(["Home", "Standings", "Cup Series standings", intro,
                         *(["Final standings of the Cup Series after 36 races:"] if colon else []), *listed, close,
                         "Contact"]) + "\n"
        kept = [ln.text for ln in process_article(Article("t.txt", "text", raw=raw)).lines if ln.kept]
        assert ("Denny Hamlin" in kept) is stays, kept


# A buyer's guide with a comparison table printed one cell per line, written for this test: the
# shape of modern/ wcxb-4255 and wcxb-0089, where the table cut the article's opening off as header.
_INTRO = [
    "Choosing a customer database is harder than it looks, because every vendor claims to suit every business size.",
    "This guide compares four platforms on price, the size of business they suit and how well they fit each trade.",
]
_TABLE = ["Platform", "Ledgerly", "Orbit", "Quire", "Tandem"]
for _trade in ("Manufacturing", "Retail", "Hospitality", "Healthcare", "Wholesale", "Services", "Logistics", "Education"):
    _TABLE += [_trade, "Basic", "Best", "Best", "Basic"]
_TABLE += ["Price per user", "$12", "$25", "$9.50", "$40"]
_REST = [
    "Ledgerly suits small firms that want a short setup, while Tandem pays off for companies with many sales teams.",
    "Whichever you choose, test the import of your old records first, because that step fails more often than any other.",
]


def test_a_table_printed_one_cell_per_line_does_not_cut_the_article_opening_off():
    """The cells repeat a column's values ("Basic", "Best") and hold prices: a table, not a menu,
    so the body span runs across it and the two opening paragraphs above it stay in the body."""
    menu = ["Home", "Software", "Reviews", "Guides", "Deals", "About us", "Contact", "Newsletter"]
    raw = "\n".join(menu + ["Best Customer Databases for 2026", *_INTRO, *_TABLE, *_REST, "Privacy policy"]) + "\n"
    art = process_article(Article("t.txt", "text", raw=raw))
    body = art.body_text()
    assert all(p in body for p in _INTRO + _REST)
    assert art.title == "Best Customer Databases for 2026"
    assert "Newsletter" not in body and "Privacy policy" not in body


def test_a_calendar_widget_a_menu_printed_twice_and_a_teaser_list_are_no_tables():
    """What a table has and these lack: several values repeated three times or more in one run, or
    numbers that are not a count running on (a calendar's days 1 2 3 ...)."""
    from newsclean.pipeline.lines import features
    from newsclean.pipeline.record import Line
    from newsclean.pipeline.tablecells import table_cells

    def cells(texts):
        lines = [Line(t, n) for n, t in enumerate(texts)]
        return table_cells(lines, features(lines))

    assert cells(_TABLE) == set(range(len(_TABLE)))
    calendar = ["Archive", "November 2017", "M", "T", "W", "T", "F", "S", "S", *map(str, range(1, 31))]
    assert cells(calendar) == set()
    menu = ["Home", "News", "Sport", "Business", "Travel", "Culture", "Weather"]
    assert cells(menu + menu) == set()
    teasers = []
    for n, headline in enumerate(["Fake beef for dinner", "What the boss knew", "The bank that said no", "A desk by the sea"]):
        teasers += ["Opening Bell", f"Opening Bell 10.{n + 1}.19", headline]
    assert cells(teasers) == set()


def test_a_schema_field_named_after_its_type_is_no_share_control():
    """A GraphQL listing in a tutorial prints "email: Email!" and "comment: Comment!" as its own
    lines (modern/ wcxb-5420, a gate page): the share pattern reads two share words, but a field
    named after its type is code, not a share line; the page's share controls still are."""
    listing = ["type User {", "id: ID!", "email: Email!", "role: UserRole!", "}", "type Post {", "comment: Comment!", "}"]
    prose = ("Interfaces define a set of fields that several types must implement, and they let a query ask for any "
             "of them at once without knowing which type it will get back.")
    raw = "\n".join(["Home", "Guides", "GraphQL schemas in practice", "Share: Facebook | Twitter | Email", prose,
                     *listing, prose.replace("Interfaces", "Unions"), "Print Print", "Contact"]) + "\n"
    reasons = {ln.text: ln.reason for ln in process_article(Article("g.txt", "text", raw=raw)).lines}
    assert reasons["Share: Facebook | Twitter | Email"] == reasons["Print Print"] == "share"
    assert all(reasons[t] != "share" for t in listing)
