"""Site templates: learned from one run's pages of a site, removed in the next run; a sentence
shared with another site (syndication) is never template."""
from __future__ import annotations

import json

from conftest import DATA

from newsclean.pipeline import store
from newsclean.pipeline import tables
from newsclean.pipeline.batch import process_batch

MK = ["2dd925575bf0ffed", "2e0c9c163e1d0eed", "97117a908fdede79"]  # three real mk.ru pages
HELD_OUT = "da8de72ff3c5c5d2"  # a fourth mk.ru page, seen only in the second run
TEMPLATE_LINE = "Фоторепортажи"  # "photo reports": a menu link printed on every mk.ru page
FIRST_PARAGRAPH = "В Оренбургской области чиновники"
WIRE = "Об этом сообщает ТАСС со ссылкой на пресс-службу регионального правительства."


def _record(case_id: str, extra_body: list[str] = (), after: str | None = None) -> dict:
    d = json.loads((DATA / "templates" / f"{case_id}.json").read_text())
    lines = (DATA / "templates" / f"{case_id}.txt").read_text().split("\n")
    # put the extra lines after a body paragraph, where line rules cannot see them as chrome
    at = next(i for i, l in enumerate(lines) if (l.startswith(after) if after else len(l.split()) > 25)) + 1
    lines[at:at] = list(extra_body)
    return {"url": d["url"], "text": "\n".join(lines), "fetched_at": "2020-03-01T00:00:00Z"}


def _run(tmp, name, records, out):
    src = tmp / f"{name}.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    run_id = store.new_run_id()
    stats = process_batch([str(src)], str(out), run_id, "00000")
    store.publish(out, run_id, set(stats["inputs"]))
    return stats


def test_template_learned_in_one_run_removed_in_the_next(tmp_path):
    out = tmp_path / "out"
    other_site = {"url": "https://www.example-news.ru/a/1", "fetched_at": "2020-03-01T00:00:00Z",
                  "text": "Заголовок другой новости\n" + "Длинный абзац другой новости о событиях в регионе, "
                          "который сообщает подробности и цитирует официальных лиц и экспертов. " * 3 + "\n" + WIRE}
    _run(tmp_path, "run1", [_record(i, [WIRE]) for i in MK] + [other_site], out)

    stats = _run(tmp_path, "run2", [_record(HELD_OUT, [TEMPLATE_LINE, WIRE], after=FIRST_PARAGRAPH)], out)
    assert stats["removed_lines"].get("template") == 1
    held = [r for r in tables.read_articles(out).to_pylist() if r["source_uri"].endswith("run2.jsonl#1")][0]
    removed = [(r["text"], r["reason"]) for r in held["removed_lines"]]
    assert (TEMPLATE_LINE, "template") in removed  # the copy inside the body; the footer copy is "footer"
    assert WIRE in held["text"]  # also printed on another site: syndicated, kept


def test_first_run_alone_removes_no_template_line(tmp_path):
    out = tmp_path / "out"
    stats = _run(tmp_path, "run2", [_record(HELD_OUT, [TEMPLATE_LINE], after=FIRST_PARAGRAPH)], out)
    assert "template" not in stats["removed_lines"]
    [held] = tables.read_articles(out).to_pylist()
    assert TEMPLATE_LINE in held["text"]
