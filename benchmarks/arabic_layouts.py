"""Arabic dumps in other sites' layouts: the headline, the byline's person, the body and the furniture.

    python benchmarks/arabic_layouts.py [--eval ../shared/eval] [--json OUT]

../shared/eval/arabic_dumps wraps its 300 articles in the navigation of one real page, so a rule or
weight fitted there may have learned that page's menus. Here every article (its true title, byline
line and body, read at run time: nothing of that set is copied into the repo) is wrapped in each
of the LAYOUTS below, whose furniture is written here after the shapes of other Arabic news sites:
a one-line menu, a menu of one item a line, a breadcrumb trail, a top bar, a date masthead
(Hijri and Gregorian), weather and prayer times, a section label, a byline above the headline, a
"كتب:" credit, a date line, a share bar, a related list and a copyright footer. Scores per layout:
the title exact (score_arabic_meta's normalisation), a person the byline names found among the
authors (score_arabic_meta's rule for "names a person"), the body's 4-word shingle recall, and the
share of furniture lines that do not reach the body. No weight or rule is fitted on this: it is a
check that what arabic_dumps taught carries over to layouts it never showed.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gate import shingle_prf  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"

MENU_LINE = "الرئيسية أخبار محلية عربي ودولي اقتصاد رياضة ثقافة وفنون منوعات"
MENU_ITEMS = ["الرئيسية", "سياسة", "اقتصاد", "رياضة", "تكنولوجيا", "صحة", "مقالات الرأي"]
MENU_SHORT = "الرئيسية سياسة اقتصاد رياضة صحة فيديو"  # six words, right over the headline
BREADCRUMB = "الرئيسية » أخبار » محليات"
TOP_BAR = "تسجيل الدخول | اشترك الآن | English"
MASTHEAD = "الأحد 13 ذو الحجة 1436 هـ - 27 سبتمبر 2015 م"
WEATHER = "الرياض 34° مشمس"
PRAYER = "مواقيت الصلاة: الفجر 4:12 الظهر 11:58 العصر 3:21 المغرب 5:59 العشاء 7:29"
DATE_LINE = "نشر في: الأحد 27 سبتمبر 2015 - 10:30 ص"
SECTION = "محليات"
SHARE = "شارك: فيسبوك تويتر واتساب تيليجرام"
RELATED_HEADING = "اقرأ أيضاً"
FOOTER = "جميع الحقوق محفوظة © 2015"

# Four more sites' shapes (session 21), written from their public pages' look, not copied: an
# Egyptian daily (site name, a menu one item a line, "كتب" and a date with ص/م), a pan-Arab channel
# (skip link, numeric date, "المصدر : ... + وكالات", a related heading, a copyright line), a
# broadcaster's Arabic service (image credit and caption lines between headline and body, a
# month named twice "سبتمبر/ أيلول") and a Maghreb daily (outlet - person credit, visitors' comments).
SITE_EG = "البوابة نيوز"
MENU_EG = ["أخبار عاجلة", "سياسة", "حوادث", "رياضة", "اقتصاد وبورصة", "فن", "المرأة والمنوعات", "تكنولوجيا"]
DATE_EG = "الأحد، 27 سبتمبر 2015 10:30 ص"
SKIP = "تخطى إلى المحتوى"
SITE_CH = "قناة المشرق"
MENU_CH = ["الأخبار", "سياسة", "اقتصاد", "رياضة", "ثقافة", "تكنولوجيا", "تحقيقات", "بث مباشر"]
DATE_NUM = "27/9/2015"
SOURCE_CH = "المصدر : المشرق + وكالات"
RELATED_CH = "مواضيع ذات صلة"
FOOTER_CH = "© 2015 قناة المشرق. جميع الحقوق محفوظة"
SITE_BR = "الخدمة العربية"
MENU_BR = "أخبار اقتصاد علوم وتكنولوجيا صحة ثقافة وفنون رياضة فيديو"
IMAGE_CREDIT = "صدر الصورة، Getty Images"
IMAGE_CAPTION = "التعليق على الصورة، صورة أرشيفية"
DATE_BR = "27 سبتمبر/ أيلول 2015"
RELATED_BR = "قصص مقترحة"
SITE_MG = "صوت المغرب"
MENU_MG = "الرئيسية | أخبار | سياسة | اقتصاد | مجتمع | رياضة | فن وثقافة"
DATE_MG = "الأحد 27 سبتمبر 2015 - 10:30"
COMMENTS_MG = "تعليقات الزوار"
ADD_COMMENT = "أضف تعليقك"

# name -> (lines above the title, credit layout, lines after the body); "{by}" is the byline line,
# "{kataba}" the byline with "كتب:" before it. A layout without a credit slot drops the byline.
LAYOUTS: dict[str, tuple[list[str], list[str], list[str]]] = {
    "menu_line": ([MENU_LINE], ["{by}"], []),
    "menu_lines": (MENU_ITEMS, ["{by}"], []),
    "breadcrumb_date": ([TOP_BAR, BREADCRUMB], [DATE_LINE, "{by}"], []),
    "masthead_kataba": ([MASTHEAD, MENU_LINE], ["{kataba}"], []),
    "weather_prayer": ([WEATHER, PRAYER, MENU_LINE], ["{by}"], []),
    "section_byline_above": ([MENU_LINE, SECTION, "{by}"], [], []),
    "date_no_credit": ([MENU_LINE], [DATE_LINE], []),
    "share_related_footer": ([MENU_LINE], ["{by}", SHARE], ["{related}", FOOTER]),
    "short_menu_no_credit": ([MENU_SHORT], [], []),
    "daily_menu_items_kataba": ([SITE_EG, *MENU_EG], ["{kataba}", DATE_EG], ["{related}", FOOTER]),
    "channel_no_credit": ([SKIP, SITE_CH, *MENU_CH], [DATE_NUM], [SOURCE_CH, "{related_ch}", FOOTER_CH]),
    "service_image_credit": ([SITE_BR, SKIP, MENU_BR], ["{by}", DATE_BR, IMAGE_CREDIT, IMAGE_CAPTION], ["{related_br}"]),
    "maghreb_pipes_comments": ([SITE_MG, MENU_MG], ["{by}", DATE_MG], [COMMENTS_MG, ADD_COMMENT, FOOTER]),
}
RELATED = {"{related}": RELATED_HEADING, "{related_ch}": RELATED_CH, "{related_br}": RELATED_BR}
FURNITURE = {MENU_LINE, *MENU_ITEMS, MENU_SHORT, BREADCRUMB, TOP_BAR, MASTHEAD, WEATHER, PRAYER, DATE_LINE,
             SECTION, SHARE, RELATED_HEADING, FOOTER, SITE_EG, *MENU_EG, DATE_EG, SKIP, SITE_CH, *MENU_CH, DATE_NUM,
             SOURCE_CH, RELATED_CH, FOOTER_CH, SITE_BR, MENU_BR, IMAGE_CREDIT, IMAGE_CAPTION, DATE_BR, RELATED_BR,
             SITE_MG, MENU_MG, DATE_MG, COMMENTS_MG, ADD_COMMENT}


def _scorer():
    spec = importlib.util.spec_from_file_location("score_arabic_meta", EVAL / "score_arabic_meta.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def build(truth: dict, layout: str, others: list[str], blank: bool) -> tuple[str, list[str], bool]:
    """(the dump, its furniture lines, whether the byline is printed) for one article in one layout."""
    above, credit, below = LAYOUTS[layout]
    by = truth.get("byline_line") or ""
    fill = {"{by}": by, "{kataba}": f"كتب: {by}" if by else ""}
    lines: list[str] = []
    furniture: list[str] = []
    for part in above:
        lines.append(fill.get(part, part))
    lines.append(truth["title"])
    for part in credit:
        lines.append(fill.get(part, part))
    lines.extend(p for p in truth["body"].split("\n\n") if p.strip())
    for part in below:
        if part in RELATED:
            lines.append(RELATED[part])
            lines.extend(others)
            furniture.extend(others)
        else:
            lines.append(part)
    lines = [ln for ln in lines if ln]
    furniture.extend(ln for ln in lines if ln in FURNITURE)
    printed = bool(by) and any("{by}" in p or "{kataba}" in p for p in above + credit)
    return ("\n\n" if blank else "\n").join(lines) + "\n", furniture, printed


def run(eval_dir: Path) -> dict[str, dict[str, float]]:
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.record import Article

    sm = _scorer()
    truths = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((eval_dir / "arabic_dumps").glob("snd-*.json"))]
    out: dict[str, dict[str, float]] = {}
    for layout in LAYOUTS:
        n = title = persons_n = persons_found = furn_n = furn_gone = 0
        recall = []
        for k, t in enumerate(truths):
            others = [o["title"] for o in truths[k + 1:k + 6] + truths[:max(0, k + 6 - len(truths))]]
            raw, furniture, printed = build(t, layout, others, blank=k % 2 == 1)
            art = process_article(Article(t["id"] + ".txt", "text", raw=raw))
            n += 1
            title += sm.normalise(art.title) == sm.normalise(t["title"])
            persons = sm.byline_persons(t.get("author_raw") or "", t.get("source")) if printed else []
            if persons:
                persons_n += 1
                persons_found += any(sm.contains(p, art.authors) for p in persons)
            body = art.body_text() if not art.reject else ""
            recall.append(shingle_prf(body, t["body"])[1] or 0.0)
            kept = {ln.strip() for ln in body.splitlines()}
            furn_n += len(furniture)
            furn_gone += sum(f not in kept for f in furniture)
        out[layout] = {"pages": n, "title": title / n, "person_found": persons_found / persons_n if persons_n else None,
                       "persons": persons_n, "body_recall": sum(recall) / n, "lowest_recall": min(recall),
                       "furniture_removed": furn_gone / furn_n if furn_n else None}
    return out


def table(res: dict[str, dict[str, float]]) -> str:
    def f(v):
        return "—" if v is None else f"{v:.3f}"
    rows = ["| layout | title | person found (n) | body recall | lowest | furniture removed |", "|---|---|---|---|---|---|"]
    for name, r in res.items():
        rows.append(f"| {name} | {f(r['title'])} | {f(r['person_found'])} ({r['persons']}) | {f(r['body_recall'])} | "
                    f"{f(r['lowest_recall'])} | {f(r['furniture_removed'])} |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", default=str(EVAL))
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    res = run(Path(args.eval))
    print(table(res))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
