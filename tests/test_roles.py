"""The text dump header's line-role model (pipeline.roles, weights in pipeline/roles.json): it picks
the headline and the byline among the header lines, and an Arabic credit line gives its people."""
from __future__ import annotations

import json

import pytest

from newsclean.pipeline import header as H
from newsclean.pipeline import roles
from newsclean.pipeline.bylines import dateline_names
from newsclean.pipeline.process import process_article
from newsclean.pipeline.record import Article

MENU = ["الرئيسية أخبار محلية دولية اقتصاد رياضة ثقافة منوعات فيديو صور",
        "الرئيسية أخبار محلية دولية اقتصاد رياضة ثقافة منوعات"]
BODY = ["أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة أبها بسعة مئتي سرير، ويضم أقساما للطوارئ "
        "والعناية المركزة وطب الأطفال، وذلك ضمن خطة الوزارة لتوسيع الخدمات الصحية في المنطقة الجنوبية.",
        "وقال المتحدث باسم الوزارة إن المستشفى سيبدأ استقبال المرضى مطلع الشهر المقبل، وإن الكوادر الطبية "
        "اكتمل تعيينها بعد برنامج تدريبي استمر ستة أشهر في عدد من المستشفيات الكبرى بالمملكة.",
        "وأضاف أن الوزارة تعمل على مشروعات مماثلة في مناطق أخرى، وأن العمل جار لاستكمال البنية التحتية "
        "للمستشفيات الجديدة وربطها بالمنظومة الإلكترونية الموحدة للمواعيد والملفات الطبية."]


def _run(lines: list[str]) -> Article:
    art = Article("dump.txt", "text", raw="\n".join(lines))
    process_article(art)
    return art


@pytest.mark.parametrize("line, authors, agency", [
    ("جدة: أحمد سالم، ريم خالد", ["أحمد سالم", "ريم خالد"], None),  # place: names
    ("أبها - خالد العمري:", ["خالد العمري"], None),  # place - name:
    ("سعيد الحربي من جدة", ["سعيد الحربي"], None),  # name "from" place
    ("الرياض: «الصحيفة»  الدمام: فهد سالم", ["فهد سالم"], None),  # a quoted outlet is nobody
    ("باريس: د. محمد عليّ", ["د. محمد علي"], None),  # the harakat go, the title stays as "By Dr. X" keeps it
    ("د.خالد بن صالح", ["د. خالد بن صالح"], None),  # the title's dot gets its space
    ("«الصحيفة» من الرياض", None, None),  # an outlet from a place: nobody ("من الرياض" is the place)
    ("النادي يرفع سعة ملعب «المدينة الرياضية»", None, None),  # a quotation run on from a phrase: a headline
    ("أحمد سالم وخالد علي من المدينة المنورة", ["أحمد سالم", "خالد علي"], None),  # a two-word place after "من"
    ("الرياض - فهد سالم / تصوير - سعد علي:", ["فهد سالم"], None),  # the photographer is no author
    ("المنسق الإعلامي - مازن سعد", ["مازن سعد"], None),  # a role where a desk goes
    ("القاهرة - أ ف ب", [], "AFP"),
    ("لندن - د. ب. أ:", [], "DPA"),
    ("جدة ـ عبدالغني الشريف", ["عبدالغني الشريف"], None),  # a tatweel between spaces separates
    ("برلين ـ د. ب. أ", [], "DPA"),
    ("كتـب: أحمد سالم", ["أحمد سالم"], None),  # a tatweel inside a word does not
])
def test_an_arabic_credit_line_gives_its_people_without_place_or_outlet(line, authors, agency):
    assert dateline_names(line) == (None if authors is None else (authors, agency))


def test_a_place_or_a_desk_alone_names_nobody():
    assert dateline_names("الدمام - مكتب جدة:") is None
    assert dateline_names("أبها:") is None


def test_arabic_dump_headline_and_byline_under_a_menu():
    art = _run([*MENU, "افتتاح مستشفى جديد في أبها بسعة مئتي سرير", "أبها - خالد العمري:", *BODY])
    assert art.title == "افتتاح مستشفى جديد في أبها بسعة مئتي سرير"
    assert art.authors == ["خالد العمري"]
    reasons = {ln.text: ln.reason for ln in art.lines}
    assert reasons["أبها - خالد العمري:"] == "byline"  # not nav_header
    assert all(reasons[m] == "nav_header" for m in MENU)
    assert art.body_text().startswith(BODY[0][:40])


def test_a_speaker_quote_headline_is_the_headline_not_a_byline():
    """"Speaker: quote" has a credit's shape; as the only line under the menu, it is the headline."""
    art = _run([*MENU, "الوزير: نعمل على تطوير الخدمات الصحية في كل المناطق", *BODY])
    assert art.title == "الوزير: نعمل على تطوير الخدمات الصحية في كل المناطق"
    assert art.authors == []


def test_a_credit_line_at_the_body_start_goes_to_the_header():
    """A dateline ending in a colon counts as a sentence for the body span; it is the byline."""
    art = _run([*MENU, "افتتاح مستشفى جديد في أبها", "أبها - خالد العمري:", *BODY])
    assert art.authors == ["خالد العمري"]
    assert "خالد العمري" not in art.body_text()


def test_weights_fitted_on_other_features_are_refused(tmp_path, monkeypatch):
    w = json.loads(roles.WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert w["features"] == list(H.HEADER_FEATURES) and len(w["headline"]) == len(w["byline"]) == len(H.HEADER_FEATURES)
    w["features"] = w["features"][:-1]
    bad = tmp_path / "roles.json"
    bad.write_text(json.dumps(w), encoding="utf-8")
    monkeypatch.setattr(roles, "WEIGHTS_FILE", bad)
    roles.weights.cache_clear()
    try:
        with pytest.raises(ValueError, match="train_roles.py"):
            roles.weights(H.HEADER_FEATURES)
    finally:
        roles.weights.cache_clear()


def test_a_run_of_menu_lines_marks_what_stands_under_it_and_inside_it():
    """menu_above: the line under a run of short entries (a headline under the navigation);
    menu_below: a line with such a run under it (an entry of the menu itself)."""
    from newsclean.pipeline.lines import features, segment

    menu = ["Student Services", "Admissions Office Hours", "Financial Aid", "Campus Life Events", "Research Centers"]
    text = [*menu, "Nutritional Myths Debunked: What the Evidence Says", BODY[0]]
    lines = segment("\n".join(text))
    feats = features(lines)
    start = len(text) - 1
    cands = list(range(start))
    X = roles.role_rows(lines, feats, cands, start, "")
    col = {n: roles.ROLE_FEATURES.index(n) for n in ("menu_above", "menu_below")}
    headline, first_entry = X[start - 1], X[1]
    assert headline[col["menu_above"]] == 1 and headline[col["menu_below"]] == 0
    assert first_entry[col["menu_below"]] == 1 and first_entry[col["menu_above"]] == 0
