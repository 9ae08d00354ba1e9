"""Arabic as a first-class language: a real Arabic page kept whole, Arabic chrome removed, and
Arabic lines in an English article removed with a reason that names the script."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import DATA, ROOT

from newsclean.pipeline.process import process_article
from newsclean.pipeline.readers import read_file
from newsclean.pipeline.record import Article
from newsclean.pipeline.textnorm import clean_text


def _norm(s: str) -> str:
    return " ".join(s.split())


def test_real_arabic_page_snippets():
    gold = json.loads((DATA / "arabic" / "trafilatura-1f7678ec740fa0b3.json").read_text())
    [art] = list(read_file(str(ROOT / "examples" / "assabah_com_tn_arabic.html")))  # the same page
    art.url = gold["url"]
    process_article(art)
    body = _norm(art.body_text())
    assert art.language == "ar"
    assert all(_norm(s) in body for s in gold["with"]), [s for s in gold["with"] if _norm(s) not in body]
    assert not any(_norm(s) in body for s in gold["without"]), [s for s in gold["without"] if _norm(s) in body]
    assert _norm(art.title) == _norm(gold["title"])  # "لـ«الصباح»" as printed (a tatweel after a word's last letter)
    assert art.site == "assabah.com.tn"


ENGLISH_WITH_ARABIC = """الرئيسية أخبار مصر رياضة اقتصاد فن
Egypt and Jordan sign new water agreement
Thu 02 Oct 2025 | 11:45 AM
By Sara Mahmoud
Egypt and Jordan signed an agreement on Thursday to cooperate on water desalination projects, the two governments said in a joint statement.
The agreement covers the construction of two plants on the Red Sea coast and a joint fund for research into renewable energy for desalination.
Officials said the first plant could start operating within three years, subject to financing from international partners.
اقرأ أيضا
مصر والأردن توقعان اتفاقية تعاون جديدة
وزير الخارجية يستقبل سفير الاتحاد الأوروبي
The ministers also discussed regional security and trade between the two countries, according to the statement.
"""


def test_english_article_with_arabic_navigation_and_related_block():
    art = process_article(Article("mixed.txt", "text", raw=ENGLISH_WITH_ARABIC))
    assert art.language == "en"
    assert art.title == "Egypt and Jordan sign new water agreement" and art.authors == ["Sara Mahmoud"]
    reasons = dict(art.removed())
    assert reasons["الرئيسية أخبار مصر رياضة اقتصاد فن"] == "nav_foreign_script"
    assert reasons["اقرأ أيضا"] == "related_marker"
    assert reasons["مصر والأردن توقعان اتفاقية تعاون جديدة"] in ("related_link", "nav_foreign_script")
    kept = [ln.text for ln in art.lines if ln.kept]
    assert len(kept) == 4 and all(ln.script == "Latin" for ln in art.lines if ln.kept)


def test_same_language_answers_across_processes():
    code = ("import sys; sys.path.insert(0, %r)\n"
            "from newsclean.pipeline.langid import identify\n"
            "for s in ['1 min read', 'the house', 'la casa', 'Das ist gut', 'این خانه', 'یہ گھر', 'هذا البيت',"
            " 'Москва сегодня', 'SOURCE:AA', 'Explore']: print(identify(s).lang, round(identify(s).confidence, 6))")
    runs = [subprocess.run([sys.executable, "-c", code % str(ROOT)], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": str(seed), "PATH": "/usr/bin:/bin"}).stdout for seed in (1, 2, 3)]
    assert runs[0] == runs[1] == runs[2] and runs[0].count("\n") == 10


def test_short_lines_and_mixed_script_lines():
    """Two-word lines go to a short-text model (langdetect alone is right on ~0.75 of them); a line
    that is a quarter or more Urdu among Latin HTTP/navigation debris is Urdu, not English."""
    from newsclean.pipeline.langid import identify

    assert [identify(s).lang for s in ("the house", "la maison", "das Haus", "la casa")] == ["en", "fr", "de", "es"]
    assert identify("the house").confidence < 1.0  # two words are never a sure thing
    mixed = "Read More Politics Latest News from Sihor (Gujarat) in Urdu بلاول زرداری کی کور کمانڈر کراچی سے ملاقات"
    assert identify(mixed).lang == "ur"
    # an English sentence quoting an Arabic name stays English
    assert identify("The minister, Ahmed Aboul Gheit (أحمد أبو الغيط), spoke to reporters in Cairo on Monday.").lang == "en"


ARABIC_PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>الحكومة تعلن خطة جديدة لدعم الصادرات - المصري اليوم</title>
<link rel="canonical" href="https://www.almasryalyoum.com/news/details/123456"></head><body>
<header><nav><a href="/">الرئيسية</a> <a href="/s/1">أخبار مصر</a> <a href="/s/2">اقتصاد</a></nav></header>
<main><article><h1>الحكومة تعلن خطة جديدة لدعم الصادرات</h1>
<div class="meta"><span class="author">كتب: أحمد محمد علي</span> <span class="date">الخميس، 02 أكتوبر 2025 11:45 ص</span></div>
<figure><img src="/1.jpg"><figcaption>رئيس الوزراء خلال الاجتماع - تصوير: محمود حسن</figcaption></figure>
<p>أعلن مجلس الوزراء المصري، اليوم الخميس، عن خطة جديدة لدعم الصادرات تستهدف زيادة قيمتها إلى مئة مليار دولار خلال السنوات الخمس المقبلة، وذلك في إطار برنامج الإصلاح الاقتصادي.</p>
<figure><img src="/2.jpg"><figcaption>ميناء الإسكندرية <span class="credit">رويترز</span></figcaption></figure>
<p>وقال المتحدث الرسمي باسم مجلس الوزراء إن الخطة تتضمن حوافز ضريبية للمصدرين، وتسهيلات في إجراءات الشحن، إلى جانب برامج لتدريب العاملين في القطاعات التصديرية.</p>
<p>وأضاف أن الحكومة ستعمل مع القطاع الخاص على فتح أسواق جديدة في أفريقيا وآسيا، مشيرا إلى أن الصادرات غير البترولية سجلت نموا ملحوظا خلال العام.</p>
<figure><figcaption>Subscribe to our newsletter</figcaption></figure>
</article><aside><figure><img src="/3.jpg"><figcaption>أسعار الذهب اليوم</figcaption></figure></aside></main>
</body></html>"""


def test_arabic_html_page_metadata_and_figure_captions():
    """trafilatura leaves figures out of the text: their captions are read from the page, the credit
    split off whether printed inline ("- تصوير:") or marked up; a sidebar's figure and a
    subscription prompt are no caption of this article."""
    art = process_article(Article("ar.html", "html", raw=ARABIC_PAGE))
    assert art.language == "ar" and art.title == "الحكومة تعلن خطة جديدة لدعم الصادرات"
    assert art.authors == ["أحمد محمد علي"] and art.section is None
    assert str(art.published_date) == "2025-10-02" and art.published_time_local == "11:45"
    assert [(c.text, c.credit) for c in art.image_captions] == [("رئيس الوزراء خلال الاجتماع", "محمود حسن"),
                                                               ("ميناء الإسكندرية", "رويترز")]
    assert len([ln for ln in art.lines if ln.kept]) == 3


def test_paragraph_languages_name_a_quote_in_another_script():
    """Per block: an English paragraph quoted in an Arabic article is `en` in the written row, the
    Arabic paragraphs `ar`, aligned with the paragraphs of `text`."""
    from datetime import datetime, timezone

    from newsclean.pipeline import store

    quote = ('The minister told reporters: "We discussed the humanitarian situation and the need for an '
             'immediate ceasefire in the region."')
    raw = (ARABIC_TEXT_HEAD + "\n" + "\n".join(ARABIC_PARAGRAPHS[:2]) + "\n" + quote + "\n" + ARABIC_PARAGRAPHS[2])
    art = process_article(Article("ar.txt", "text", raw=raw))
    assert art.language == "ar"
    row = store.article_rows([art], "r1", datetime.now(timezone.utc)).to_pylist()[0]
    assert row["paragraph_languages"] == ["ar", "ar", "en", "ar"]
    assert row["text"].split("\n\n")[2] == quote


ARABIC_TEXT_HEAD = "الرئيسية أخبار مصر رياضة اقتصاد\nوزير الخارجية يبحث مع نظيره الأردني تطورات الأوضاع\nكتب: أحمد علي"
ARABIC_PARAGRAPHS = [
    "بحث وزير الخارجية اليوم الخميس مع نظيره الأردني في اتصال هاتفي تطورات الأوضاع في المنطقة، وسبل دعم الاستقرار والأمن الإقليميين.",
    "وأكد الوزيران خلال الاتصال أهمية مواصلة التنسيق والتشاور بين البلدين الشقيقين بشأن القضايا ذات الاهتمام المشترك.",
    "وأشار المتحدث الرسمي باسم الوزارة إلى أن الاتصال تناول كذلك سبل تعزيز العلاقات الثنائية في مختلف المجالات.",
]


# A column printed in short lines (a prose poem): no line reaches ten words, so no line is a
# paragraph; the verse is the body all the same. Written for this test.
POEM_DUMP = """الرئيسية محليات رياضة اقتصاد ثقافة منوعات
مدينتي القديمة..
خالد سعيد المطيري
* في أزقتها الضيقة تمشي الذاكرة
بين بيوت من حجر وطين..
هنا كان السوق،
وهناك كانت المدرسة الأولى
التي علمتنا الحروف..
ولا يزال الباب الخشبي
يحرس أسرار الجيران.
* ما نخشاه اليوم
أن تضيع الملامح
تحت الإسمنت والزجاج..
فالمدن لا تعيش بالحجارة وحدها،
بل بالناس الذين يسكنونها.
khalid.poet@example.com"""

HEADLINES = ["وزير الصحة يفتتح مستشفى جديدا في الرياض", "ارتفاع أسعار النفط في الأسواق العالمية",
             "المنتخب يستعد لمواجهة اليابان في التصفيات", "أمطار غزيرة على مناطق الجنوب اليوم",
             "افتتاح معرض الكتاب بمشاركة خمسمئة دار نشر"]


def test_short_line_column_is_body_with_its_headline_and_byline():
    art = process_article(Article("poem.txt", "text", raw=POEM_DUMP))
    body = art.body_text()
    verse = POEM_DUMP.splitlines()[3:-1]
    assert all(v in body for v in verse), [v for v in verse if v not in body]
    assert art.title == "مدينتي القديمة.." and art.authors == ["خالد سعيد المطيري"]
    assert "الرئيسية" not in body and "@" not in body


def test_verse_opening_the_text_under_the_byline():
    """A quoted verse between the byline and the first paragraph opens the body; the byline above
    it stays the byline, the poet's name under it stays with the verse."""
    verse = ["(سألت البحر عن سر الرحيل..", "فأجاب موجا لا يقول!", "وكتبت اسمك فوق رمل الشاطئ",
             "فمحته ريح في الأصيل..", "وبقيت وحدي أنتظر)"]
    raw = "\n".join([ARABIC_TEXT_HEAD, *verse, "سالم العبدالله", *ARABIC_PARAGRAPHS])
    art = process_article(Article("verse.txt", "text", raw=raw))
    body = art.body_text()
    assert all(v in body for v in verse) and "سالم العبدالله" in body
    assert art.title == "وزير الخارجية يبحث مع نظيره الأردني تطورات الأوضاع" and art.authors == ["أحمد علي"]


def test_headlines_and_menus_in_short_lines_are_no_verse():
    """A list of other articles' headlines under the text, with no heading to name it, and a menu
    printed one item a line: their lines stand alone (no pause, no "و" carrying on), a menu's have
    no function word; neither is read as a verse, and the headlines do not join the body."""
    from newsclean.pipeline.verse import verse_lines
    from newsclean.pipeline.lines import features, segment

    menu = ["الرئيسية", "أخبار محلية", "رياضة", "اقتصاد", "ثقافة وفنون", "اتصل بنا"]
    raw = "\n".join([*menu, ARABIC_TEXT_HEAD.split("\n", 1)[1], *ARABIC_PARAGRAPHS, *HEADLINES])
    lines = segment(raw)
    assert not verse_lines(lines, features(lines))
    art = process_article(Article("list.txt", "text", raw=raw))
    body = art.body_text()
    assert all(p in body for p in ARABIC_PARAGRAPHS)
    assert not any(h in body for h in HEADLINES) and not any(m in body.split("\n") for m in menu)


def test_headline_ending_with_a_quotation_and_the_credit_under_it():
    """A headline of ten words or more that ends with «...» ends like a sentence, so the body span
    may open with it; the credit line right under it ("NAME من CITY", "CITY - NAME - CITY -
    وكالات:", counted long for its dashes) still goes to the header and its person is the author."""
    head = "الرئيسية أخبار مصر عربي ودولي رياضة اقتصاد فن وثقافة منوعات مقالات الرأي فيديو صور\nالحكومة تعلن خطة جديدة لدعم المصدرين في الأسواق الخارجية خلال «العام المقبل»"
    for credit, author in (("ماجد الحربي من جدة", "ماجد الحربي"),
                           ("القاهرة - سلمى حسن - الرياض - عدن - وكالات:", "سلمى حسن")):
        art = process_article(Article("q.txt", "text", raw="\n".join([head, credit, *ARABIC_PARAGRAPHS])))
        assert art.title.endswith("«العام المقبل»") and art.authors == [author]
        assert art.body_text().split("\n\n") == ARABIC_PARAGRAPHS


def test_short_headline_over_an_agency_credit():
    """A headline of a few words ending with «...» scores as a short sentence and may open the body
    span; the agency credit under it ("برلين - (د ب أ):") sends it to the header (where the line-role
    model decides whether it is the headline): the body is the paragraphs alone."""
    headline = "النادي يرفع سعة ملعب «المدينة الرياضية»"
    raw = "\n".join([headline, "برلين - (د ب أ):", *ARABIC_PARAGRAPHS])
    art = process_article(Article("agency.txt", "text", raw=raw))
    assert art.source_agency == "DPA" and art.lines[0].reason is not None and art.authors == []
    assert art.body_text().split("\n\n") == ARABIC_PARAGRAPHS


def test_a_masthead_date_is_not_the_publication_date():
    """A masthead prints the day the page was shown beside its founder or editor ("المؤسس: ... -
    الجمعة 8 فبراير 2019", "Editor in Chief: ... | ..."): the line goes as a masthead, and a dump
    that prints no other date has no publication date rather than the masthead's."""
    for masthead in ("المؤسس : سالم بن ناصر - الجمعة 8 فبراير 2019",
                     "رئيس التحرير: سالم بن ناصر | الجمعة 8 فبراير 2019"):
        raw = "\n".join(["الرئيسية أخبار محليات دولية رياضة اقتصاد", masthead,
                         "الحكومة تعلن خطة جديدة لدعم المصدرين", "ماجد الحربي من جدة", *ARABIC_PARAGRAPHS])
        art = process_article(Article("masthead.txt", "text", raw=raw))
        assert dict(art.removed())[masthead] == "masthead"
        assert art.published_date is None and art.published_raw is None
        assert art.title == "الحكومة تعلن خطة جديدة لدعم المصدرين" and art.authors == ["ماجد الحربي"]
        assert art.body_text().split("\n\n") == ARABIC_PARAGRAPHS
    dated = "\n".join(["Home News World Sport Business", "Editor in Chief: Sam Carter | Friday, 8 February 2019",
                       "Ministers agree on a new water deal", "By Jane Doe", "March 3, 2021",
                       *ENGLISH_WITH_ARABIC.splitlines()[4:7]])
    art = process_article(Article("masthead-en.txt", "text", raw=dated))
    assert str(art.published_date) == "2021-03-03" and art.authors == ["Jane Doe"]
    undated = "\n".join(line for line in dated.splitlines() if line != "March 3, 2021")
    art = process_article(Article("masthead-en-undated.txt", "text", raw=undated))
    assert art.published_date is None and art.authors == ["Jane Doe"]  # not the masthead's 2019-02-08


def test_arabic_credit_beside_a_date():
    """An Arabic credit before a date on one line ("ROLE – NAME | <date>", "CITY - NAME | <date>"),
    the date in English or Arabic: the person is the author, the role, the place and the outlet
    are not; the date is the publication date."""
    menu = "الرئيسية أخبار مصر عربي ودولي رياضة اقتصاد فن وثقافة منوعات مقالات الرأي فيديو صور"
    headline = "الحكومة تعلن خطة جديدة لدعم المصدرين في الأسواق الخارجية"
    for credit, authors, day in (("المنسق الإعلامي – ماجد الحربي | Tuesday, 11 August 2015 - 14:22 pm", ["ماجد الحربي"], "2015-08-11"),
                                 ("القاهرة - سلمى حسن | الخميس 2 أكتوبر 2025", ["سلمى حسن"], "2025-10-02"),
                                 ("الرياض - الرياضية | Tuesday, 11 August 2015 - 13:01 pm", [], "2015-08-11")):
        art = process_article(Article("credit.txt", "text", raw="\n".join([menu, headline, credit, *ARABIC_PARAGRAPHS])))
        assert art.title == headline and art.authors == authors and str(art.published_date) == day
        assert art.body_text().split("\n\n") == ARABIC_PARAGRAPHS


@pytest.mark.parametrize("credit", ["كتب: ماجد الحربي", "القاهرة - سلمى حسن | الخميس 2 أكتوبر 2025", "الخميس 2 أكتوبر 2025",
                                    "بقلم ماجد الحربي\nالخميس 2 أكتوبر 2025", "ماجد الحربي من جدة"])
def test_headline_under_a_one_line_menu_whatever_the_rules_took_below_it(credit):
    """A short one-line menu, the headline, then a credit or date line: whether the rules read that
    line (a date line, a "كتب:" byline) or leave it to the model, the headline stands as far above
    the body (the line-role model's rank counts the lines the rules took), so the headline, not the
    menu, is the title."""
    headline = "الحكومة تعلن خطة جديدة لدعم المصدرين"
    raw = "\n".join(["الرئيسية أخبار محليات دولية رياضة اقتصاد", headline, credit, *ARABIC_PARAGRAPHS])
    art = process_article(Article("menu.txt", "text", raw=raw))
    assert art.title == headline
    assert art.body_text().split("\n\n") == ARABIC_PARAGRAPHS


@pytest.mark.parametrize("bar", ["شارك: فيسبوك تويتر واتساب تيليجرام", "Share: Facebook | Twitter | Email"])
def test_a_share_bar_under_the_credit_is_no_byline(bar):
    """A bar of share controls on one line ("Share: Facebook Twitter WhatsApp") is a share line, not
    a credit: with one under the byline, the names read were "فيسبوك تويتر" and "اتساب تيليجرام"."""
    head, title, credit = ARABIC_TEXT_HEAD.split("\n")
    raw = "\n".join([head, title, "ماجد الحربي - جدة", bar, *ARABIC_PARAGRAPHS])
    art = process_article(Article("share.txt", "text", raw=raw))
    assert art.title == title and art.authors == ["ماجد الحربي"]
    assert (bar, "share") in art.removed()
    assert art.body_text().split("\n\n") == ARABIC_PARAGRAPHS


def test_prayer_times_and_weather_over_the_headline_are_widgets():
    """A prayer-times line and a weather line above the menu are a site's widgets, never the
    headline (the prayer line was the title of a dump laid out so); a temperature in the body's
    list ("77° View", a camera's angle) or in a sentence stays."""
    head, title, credit = ARABIC_TEXT_HEAD.split("\n")
    widgets = ["الرياض 34° مشمس", "مواقيت الصلاة: الفجر 4:12 الظهر 11:58 العصر 3:21 المغرب 5:59 العشاء 7:29"]
    art = process_article(Article("w.txt", "text", raw="\n".join([*widgets, head, title, credit, *ARABIC_PARAGRAPHS])))
    assert art.title == title and art.authors == ["أحمد علي"]
    assert [r for t, r in art.removed() if t in widgets] == ["widget", "widget"]
    body = [*ARABIC_PARAGRAPHS[:2], "77° View", "Elbows bent at 90°–100°.", ARABIC_PARAGRAPHS[2]]
    art = process_article(Article("b.txt", "text", raw="\n".join([head, title, credit, *body])))
    assert not [t for t, r in art.removed() if r == "widget"]


@pytest.mark.parametrize("credit, authors", [
    ("ماجد الحربي - جدة", ["ماجد الحربي"]),  # a reporter's dateline
    ("الطائف: سامي العنزي", ["سامي العنزي"]),
    ("ليلى العتيبي", ["ليلى العتيبي"]),  # a columnist's name alone, over the column
    ("عمّان: «الوطن»", []),  # a place and the outlet: no person
])
def test_a_credit_printed_over_the_headline_is_the_byline(credit, authors):
    """arabic_dumps prints every credit under its headline and the line-role model learned that
    order; a site that prints it above (under its section name) had the credit read as the title
    (benchmarks/arabic_layouts.py, byline-above layout: title 0.467). A line that is a credit and
    nothing else, over a headline-shaped line, is the byline and that line the headline."""
    headline = "الحكومة تعلن خطة جديدة لدعم المصدرين الصغار"
    raw = "\n".join(["الرئيسية أخبار محليات دولية رياضة اقتصاد", "محليات", credit, headline, *ARABIC_PARAGRAPHS])
    art = process_article(Article("above.txt", "text", raw=raw))
    assert art.title == headline
    assert art.authors == authors
    assert art.body_text().split("\n\n") == ARABIC_PARAGRAPHS


def test_a_two_word_column_name_is_no_credit_line():
    """A news brief's name ("موجز اقتصاديات") over its first item's headline has a name's shape (two
    words, no function word), but a person alone on a line has a family name with the article or a
    common given name first: the brief's name is not read as a credit over the item (arabic_dumps has
    one such page)."""
    from newsclean.pipeline.roles import arabic_credit

    assert not arabic_credit("موجز اقتصاديات") and arabic_credit("ليلى العتيبي")
    # a speaker and his words, the commonest Arabic headline, is no dateline; a place of two words is
    assert not arabic_credit("الوزير: نعمل لتوسيع الموانئ") and not arabic_credit("مدير الميناء: خططنا كافية")
    assert arabic_credit("المدينة المنورة: سامي العنزي") and arabic_credit("تبوك: سامي العنزي، هند الشهري")
    assert arabic_credit("لندن: «الوطن»") and arabic_credit("«الوطن» من الرياض")
    assert not arabic_credit("الحكومة تعلن خطة جديدة لدعم المصدرين")
    # a given name makes two words without the article a person: a reporter, not a phrase
    assert arabic_credit("لوس أنجليس: محمد رضا") and arabic_credit("خالد دغريري من جدة")
    assert not arabic_credit("مدير الصحة: كمياتنا كافية")


def test_a_sure_credit_outranks_a_short_headline_of_the_same_shape():
    """A short headline of nouns with the article ("قتلة الأقارب") has a name's shape; a name that opens
    with a given name, an agency or a quoted outlet is surely a credit: 2 against 1."""
    from newsclean.pipeline.roles import arabic_credit

    assert arabic_credit("قتلة الأقارب") == 1 and arabic_credit("يوم القراء الخامس والسبعون") == 1
    assert arabic_credit("علي الجحلي") == 2 and arabic_credit("واس - الرياض") == 2
    assert arabic_credit("لندن: «الوطن»") == 2 and arabic_credit("بتال القوس") == 1


@pytest.mark.parametrize("credit, headline, authors", [
    ("علي الجحلي", "قتلة الأقارب", ["علي الجحلي"]),  # a column's two-word headline has a name's shape
    ("محمد رضا - القاهرة", "عندما يطير الدخان وتتسلل الشغالات لعيون العسل", ["محمد رضا"]),
    ("لوس أنجليس: محمد رضا", "في مهرجان القدس السينمائي المخرجون يشكون من الرقابة", ["محمد رضا"]),
])
def test_a_sure_credit_over_a_headline_of_a_names_shape_is_the_byline(credit, headline, authors):
    raw = "\n".join(["الرئيسية أخبار محليات دولية رياضة اقتصاد", "محليات", credit, headline, *ARABIC_PARAGRAPHS])
    art = process_article(Article("above.txt", "text", raw=raw))
    assert (art.title, art.authors) == (headline, authors)
    assert art.body_text().split("\n\n") == ARABIC_PARAGRAPHS


def test_a_headline_over_its_columnist_stays_the_headline():
    """The usual order, a headline of a name's shape over a columnist's name: no swap (the credit
    under it is as sure or surer)."""
    for headline, credit in (("قتلة الأقارب", "علي الجحلي"), ("سوبر الخيارات الصعبة", "بتال القوس")):
        raw = "\n".join(["الرئيسية أخبار محليات دولية رياضة اقتصاد", headline, credit, *ARABIC_PARAGRAPHS])
        art = process_article(Article("usual.txt", "text", raw=raw))
        assert art.title == headline, (headline, art.title)


@pytest.mark.parametrize("menu", ["الرئيسية سياسة اقتصاد رياضة صحة فيديو", "الرئيسية محليات رياضة"])
def test_a_menu_row_opening_with_the_home_link_is_never_the_headline(menu):
    """"الرئيسية" (the main page) opening a line of three words or more is a menu row: picked as the
    headline over the real one (a six-word menu, no credit under the headline: the model learned that
    the headline stands one line higher than the body's first), the line under it is the headline.
    An English headline that opens with "Home" keeps its title (test below)."""
    for headline in ("الحكومة تعلن خطة جديدة لدعم المصدرين الصغار", 'لجنة حكومية تقف على شكوى سكان "حي الورود"'):
        raw = "\n".join([menu, headline, *ARABIC_PARAGRAPHS])
        art = process_article(Article("menu.txt", "text", raw=raw))
        assert art.title == headline
        assert art.body_text().split("\n\n") == ARABIC_PARAGRAPHS


def test_a_headline_opening_with_home_stays_the_title():
    from conftest import BRIDGE

    raw = "\n".join(["News", "Politics", "Home Secretary resigns over leaked border plans", BRIDGE]) + "\n"
    assert process_article(Article("home.txt", "text", raw=raw)).title == "Home Secretary resigns over leaked border plans"


def test_a_speakers_headline_over_its_dek_stays_the_headline():
    """"الوزير: نعمل لتوسيع الموانئ" (a speaker and his words) has a dateline's colon; over a dek it
    is still the headline, and the dek its subtitle, not a credit over a headline."""
    headline, dek = "الوزير: نعمل لتوسيع الموانئ", "أكد أن الخطة تشمل ثلاثة موانئ على البحر الأحمر خلال عامين"
    raw = "\n".join(["الرئيسية أخبار محليات دولية رياضة اقتصاد", headline, dek, *ARABIC_PARAGRAPHS])
    art = process_article(Article("dek.txt", "text", raw=raw))
    assert (art.title, art.subtitle, art.authors) == (headline, dek, [])


HEADLINE = "الحكومة تعلن خطة جديدة لدعم المصدرين الصغار"


def test_an_image_credit_and_caption_under_the_credit_are_captions_not_the_byline():
    """A broadcaster's Arabic service prints the image's source and caption behind labels ("صدر
    الصورة،", "التعليق على الصورة،") between the credit and the body. Read as the byline, the caption
    took the author's place (benchmarks/arabic_layouts.py, image-credit layout: person 0.423)."""
    raw = "\n".join(["أخبار اقتصاد علوم وتكنولوجيا صحة ثقافة وفنون رياضة فيديو", HEADLINE, "جدة: محمد الزايد",
                     "27 سبتمبر/ أيلول 2015", "صدر الصورة، Getty Images", "التعليق على الصورة، صورة أرشيفية",
                     *ARABIC_PARAGRAPHS])
    art = process_article(Article("service.txt", "text", raw=raw))
    assert (art.title, art.authors) == (HEADLINE, ["محمد الزايد"])
    assert [(c.text, c.credit) for c in art.image_captions] == [("", "Getty Images"), ("صورة أرشيفية", None)]
    assert art.body_text().split("\n\n") == ARABIC_PARAGRAPHS


def test_a_related_heading_over_a_menus_entries_leaves_the_headline():
    """"أخبار عاجلة" (breaking news) opens a related list and, in a menu of one entry a line, took
    the entries and then the headline, the credit and the date under them (daily layout: title
    0.867). Over entries of a word or two, a heading takes entries only."""
    menu = ["البوابة", "أخبار عاجلة", "سياسة", "حوادث", "رياضة", "اقتصاد وبورصة", "فن", "تكنولوجيا"]
    raw = "\n".join([*menu, HEADLINE, "كتب: محمد الزايد", "الأحد، 27 سبتمبر 2015 10:30 ص", *ARABIC_PARAGRAPHS])
    art = process_article(Article("daily.txt", "text", raw=raw))
    assert (art.title, art.authors, str(art.published_date)) == (HEADLINE, ["محمد الزايد"], "2015-09-27")
    assert art.body_text().split("\n\n") == ARABIC_PARAGRAPHS


def test_a_list_under_a_related_heading_still_takes_its_headlines():
    from conftest import BRIDGE

    items = ["Minister resigns over leaked border plans", "Storm closes schools across the north", "Fuel prices rise again"]
    raw = "\n".join(["Minister unveils plan for small exporters", BRIDGE, "Related Articles", *items]) + "\n"
    art = process_article(Article("related.txt", "text", raw=raw))
    assert [ln.reason for ln in art.lines if ln.text in items] == ["related_link"] * 3


def test_a_menus_last_entry_is_not_the_headline():
    """A channel's menu of one entry a line ends with "بث مباشر" right over the headline, and a
    numeric date under it: the entry had been the title, the headline its byline."""
    menu = ["تخطى إلى المحتوى", "قناة المشرق", "الأخبار", "سياسة", "اقتصاد", "رياضة", "ثقافة", "بث مباشر"]
    raw = "\n".join([*menu, HEADLINE, "27/9/2015", *ARABIC_PARAGRAPHS])
    art = process_article(Article("channel.txt", "text", raw=raw))
    assert (art.title, art.authors) == (HEADLINE, [])
    assert art.body_text().split("\n\n") == ARABIC_PARAGRAPHS


@pytest.mark.parametrize("text, menu", [
    ("أخبار اقتصاد علوم وتكنولوجيا صحة ثقافة وفنون رياضة فيديو", True),
    ("الرئيسية | أخبار | سياسة | اقتصاد | مجتمع | رياضة", True),
    ("الرئيسية محليات رياضة", True),
    ("أخبار الرياضة السعودية اليوم", False),  # four words: a label as often as a menu
    ("مصر والسعودية توقعان اتفاقية اقتصادية جديدة", False),  # a headline with section words in it
    (HEADLINE, False),
])
def test_an_arabic_menu_row_is_made_of_section_names(text, menu):
    from newsclean.pipeline.roles import arabic_menu_row

    assert arabic_menu_row(text) is menu
