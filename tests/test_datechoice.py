"""The text path's date choice (pipeline/datechoice.py) and the date forms it relies on."""
from __future__ import annotations

import pytest

import newsclean.pipeline.datechoice as DC
from newsclean.pipeline.dates import find_date
from newsclean.pipeline.process import process_article
from newsclean.pipeline.record import Article

PARA = ("The committee met on {d} to discuss the new budget, and members agreed that the plan needed more "
        "work before it could pass.")


def _run(lines: list[str]) -> Article:
    a = Article("x.txt", "text", raw="\n".join(lines))
    return process_article(a)


def test_a_month_glued_to_the_name_before_it_is_read():
    assert str(find_date("ByKathryn GiuffridaMar 5, 2025 | 6 comments").date) == "2025-03-05"
    assert find_date("Marching 5, 2025") is None  # a word that starts like a month is no month


def test_a_table_of_contents_does_not_hand_the_date_to_a_related_post(monkeypatch):
    """The date under the headline is 20 lines above the body (a table of contents between): the
    rules alone take the date of a related post printed after the article; the model does not."""
    toc = [f"Section {w} of the guide" for w in ("one two three four five six seven eight nine ten eleven twelve "
                                                   "thirteen fourteen fifteen sixteen").split()]
    lines = ["Home", "Blog", "Contact", "How the city plans its budget for the next decade", "Jane Doe",
             "November 14, 2025", "Table of Contents", *toc,
             *[PARA.format(d=d) for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")],
             "Read More Blogs", "Why the council voted against the park plan", "20 May 2025",
             "A second look at the city's bus routes", "3 April 2025", "© 2025 Example Media"]
    assert DC.MODEL is not None
    assert str(_run(lines).published_date) == "2025-11-14"
    monkeypatch.setattr(DC, "MODEL", None)
    assert str(_run(lines).published_date) == "2025-05-20"  # the rules alone: why the model is there


@pytest.mark.parametrize("stamp", ["May 21, 2025April 24, 2025 by Jane Doe",
                                   "Updated May 21, 2025 Originally published April 24, 2025"])
def test_a_stamp_with_two_dates_gives_the_earlier(stamp):
    art = _run(["Home", "How the city plans its budget", stamp, *[PARA.format(d="Monday")] * 5])
    assert str(art.published_date) == "2025-04-24"
