"""Reason codes of removed lines: code -> (category, why the line goes). Categories group codes for
users (navigation, masthead, advertisement, metadata, image caption, related links, ...)."""
from __future__ import annotations

# code -> (category, why the line goes)
REASONS: dict[str, tuple[str, str]] = {
    "nav_foreign_script": ("navigation", "line in another script than the article (e.g. an Arabic menu on an English page)"),
    "nav_header": ("navigation", "short lines before the article body: menus, section links, site chrome"),
    "widget": ("navigation", "a site widget's line: prayer times, the weather ('مواقيت الصلاة: الفجر 4:12 الظهر 11:58 ...', 'الرياض 34° مشمس')"),
    "skip_link": ("navigation", "accessibility skip link or loading placeholder ('Skip to content', 'Zum Inhalt springen')"),
    "footer": ("footer", "lines after the article body: link lists, footers, legal text"),
    "masthead": ("masthead", "staff credits of the publication (Editor in Chief, رئيس التحرير, ...)"),
    "advertisement": ("advertisement", "advertising label or slot"),
    "share": ("share", "share, social, print and comment buttons"),
    "promo": ("promo", "newsletter sign-up, subscription, app or follow-us promotion"),
    "related_marker": ("related links", "heading of a related / recommended / most-read list"),
    "related_link": ("related links", "headline in a related-stories list, or a 'Related: ...' line"),
    "link_list": ("related links", "run of short headline-like lines inside the body (teasers)"),
    "cta": ("promo", "call to action closing the body: subscribe, sign up, follow us, send a tip"),
    "tags": ("related links", "tag / 'Filed under' list"),
    "comments": ("comments", "reader comments: everything from the comment section's heading on"),
    "copyright": ("footer", "copyright / all-rights-reserved line"),
    "disclaimer": ("footer", "editorial disclaimer ('The views expressed ... do not necessarily reflect ...', 'لا تعبر بالضرورة عن رأي')"),
    "repeated": ("template", "line printed more than once on the page (gallery captions, share bars, pull quotes)"),
    "template": ("template", "line that recurs across many articles of the same site"),
    "title": ("metadata", "the headline, moved to `title`"),
    "title_repeat": ("metadata", "the headline printed again, already in `title`"),
    "subtitle": ("metadata", "the standfirst / dek, moved to `subtitle`"),
    "byline": ("metadata", "author credit, moved to `authors`"),
    "date": ("metadata", "publication date line, moved to `published_*`"),
    "reading_time": ("metadata", "'N min read', moved to `reading_time_minutes`"),
    "agency": ("metadata", "wire agency credit, moved to `source_agency`"),
    "caption": ("image caption", "photo caption or credit, moved to `image_captions`"),
    "gallery": ("image caption", "gallery navigation ('Image 1 of 4')"),
}


def category(code: str) -> str:
    return REASONS[code][0]
