"""The user's two seed articles come out exactly as ../shared/seeds/expected says."""
from __future__ import annotations

import json

import pytest

from newsclean.pipeline.process import process_article
from newsclean.pipeline.readers import read_file
from newsclean.pipeline.rules import category

SEEDS = ["000_2bfcacd1b97652a8", "003_a7a0dd8b7647f308"]
# expected group name -> reason categories that satisfy it
GROUPS = {
    "navigation": {"navigation"}, "masthead": {"masthead"}, "advertisement": {"advertisement"},
    "metadata (moved to fields)": {"metadata"}, "image caption (moved to fields)": {"image caption"},
    "related links": {"related links"}, "explore list": {"related links"},
}


@pytest.fixture(params=SEEDS)
def seed(request, seeds_dir):
    expected = json.loads((seeds_dir / f"{request.param}.json").read_text())
    [art] = list(read_file(str(seeds_dir / f"{request.param}.txt")))
    process_article(art)
    return art, expected


def test_fields(seed):
    art, exp = seed
    assert art.reject is None
    assert art.language == exp["language"]
    assert art.title == exp["title"]
    assert art.subtitle == exp["subtitle"]
    assert art.authors == exp["authors"]
    assert str(art.published_date) == exp["published_date"]
    assert art.published_time_local == exp["published_local_time"]
    assert art.published_at is None  # the page gives no offset: none is invented
    assert art.section == exp["section"]
    assert art.source_agency == exp["source_agency"]
    assert [{"text": c.text, "credit": c.credit} for c in art.image_captions] == exp["image_captions"]
    if "reading_time_minutes" in exp:
        assert art.reading_time_minutes == exp["reading_time_minutes"]


def test_body_paragraphs_exact(seed):
    art, exp = seed
    assert art.body_text().split("\n\n") == exp["body_paragraphs"]


def test_every_listed_boilerplate_line_removed_with_reason(seed):
    art, exp = seed
    removed = {text: reason for text, reason in art.removed()}
    for group, lines in exp["removed_lines"].items():
        for line in lines:
            assert line in removed, f"{line!r} not removed"
            assert category(removed[line]) in GROUPS[group], (line, removed[line], group)


def test_nothing_else_removed_or_kept(seed):
    """Every input line is either a body paragraph or removed with a reason."""
    art, exp = seed
    kept = [ln.text for ln in art.lines if ln.kept]
    assert kept == exp["body_paragraphs"]
    assert all(ln.reason for ln in art.lines if ln.text not in exp["body_paragraphs"])


def test_byline_inside_explore_list_is_not_author(seeds_dir):
    [art] = list(read_file(str(seeds_dir / "003_a7a0dd8b7647f308.txt")))
    process_article(art)
    assert "Baba Umar" not in " ".join(art.authors)
    assert dict(art.removed())["By Baba Umar"] == "related_link"


def test_arabic_navigation_reason_names_the_script(seeds_dir):
    [art] = list(read_file(str(seeds_dir / "000_2bfcacd1b97652a8.txt")))
    process_article(art)
    nav = "صدى البلد البلد سبورت قناة صدى البلد صدى البلد جامعات صدى البلد عقارات"
    assert dict(art.removed())[nav] == "nav_foreign_script"
