"""Metadata finalisation (pipeline.metadata) and page addresses (pipeline.urls)."""
from __future__ import annotations

from datetime import datetime, timezone

from newsclean.pipeline.metadata import finalize
from newsclean.pipeline.options import SiteConfig
from newsclean.pipeline.process import process_article
from newsclean.pipeline.record import Article
from newsclean.pipeline.urls import canonical_url, site_of

DUMP = "\n".join([
    "Home | World | Business",
    "Minister Opens New Bridge Over the Nile",
    "Thu 02 Oct 2025 | 11:45 AM",
    "The minister opened the new bridge on Thursday in front of hundreds of residents and officials from the city.",
    "The bridge took three years to build and will carry about forty thousand cars a day across the river, officials said.",
])


def test_site_and_canonical_url():
    assert canonical_url("HTTPS://WWW.Example.ORG/a/b?utm_source=x&id=3#top") == "https://www.example.org/a/b?id=3"
    assert site_of("https://news.example.co.uk/a") == "example.co.uk"
    assert canonical_url("  ") is None and site_of(None) is None


def test_a_printed_local_time_becomes_utc_only_with_the_sites_zone():
    plain = process_article(Article("a.txt", "text", raw=DUMP))
    assert (plain.published_date.isoformat(), plain.published_time_local, plain.published_at) == ("2025-10-02", "11:45", None)
    cairo = process_article(Article("a.txt", "text", raw=DUMP))
    finalize(cairo, site=SiteConfig(timezone="Africa/Cairo"))
    assert cairo.published_at == datetime(2025, 10, 2, 8, 45, tzinfo=timezone.utc)  # EEST, UTC+3


def test_agencies_named_as_authors_go_to_source_agency():
    art = Article("a.txt", "text", url="https://example.org/x")
    art.authors = ["Jane Doe", "Reuters"]
    finalize(art)
    assert art.authors == ["Jane Doe"] and art.source_agency == "REUTERS"
    assert art.site == "example.org"


BODY = "".join(f"<p>Paragraph {i} of the post says something about the winter walk along the river and the "
               f"fog that stayed over the valley for most of the morning.</p>" for i in range(8))


def _page(head: str, header: str) -> str:
    return f"<html><head>{head}</head><body><header>{header}</header><article>{BODY}</article></body></html>"


def test_the_learned_title_choice_skips_a_blogs_logo_h1():
    # the rule took the logo <h1> ("Gnaddrig ad libitum": every word of it is in <title>'s suffix)
    html = _page('<title>Nebelsuppe am Fluss im Januar | Gnaddrig ad libitum</title><meta property="og:title" content="Nebelsuppe am Fluss im Januar">',
                 "<h1>Gnaddrig ad libitum</h1></header><header><h1>Nebelsuppe am Fluss im Januar</h1>")
    art = process_article(Article("a.html", "html", raw=html, url="https://gnaddrig.example/2020/nebel"))
    assert art.title == "Nebelsuppe am Fluss im Januar"


def test_an_organisation_credited_in_json_ld_is_the_author_when_no_person_is():
    def authors(name: str, url: str = "https://camphouse.io/blog/social") -> list[str]:
        ld = ('<script type="application/ld+json">{"@type": "BlogPosting", "headline": "Social shopping", '
              f'"author": {{"@type": "Person", "name": "{name}"}}}}</script>')
        return process_article(Article("a.html", "html", raw=_page(ld, "<h1>Social shopping</h1>"), url=url)).authors

    assert authors("Camphouse Team") == ["Camphouse Team"]
    assert authors("Ben Nadel", "https://www.bennadel.com/blog/x") == ["Ben Nadel"]  # a site named like a person
    assert authors("admin") == [] and authors("camphouse.io") == []  # a CMS account, a domain
    assert authors("Camphouse") == []  # the site's own name: no credit


def test_a_markup_date_that_is_the_modification_date_gives_way_to_the_printed_publication_date():
    def day(published: str, modified: str, printed: str) -> str:
        ld = ('<script type="application/ld+json">{"@type": "BlogPosting", "headline": "Short-form video", '
              f'"datePublished": "{published}", "dateModified": "{modified}"}}</script>')
        html = _page(ld, f"<h1>Short-form video</h1><p>Liza Burke</p><p>{printed}</p>")
        return str(process_article(Article("a.html", "html", raw=html, url="https://levitate.example/learn/video")).published_date)

    # datePublished re-stamped with every edit (it equals dateModified): the page's own date line wins
    assert day("2025-11-20T16:02:46Z", "2025-11-20T16:02:46Z", "May 14, 2025") == "2025-05-14"
    # a real publication date, modified later: the markup's date stands
    assert day("2025-11-20T16:02:46Z", "2025-11-25T09:00:00Z", "May 14, 2025") == "2025-11-20"
    # the printed day is the stamp's own in a western time zone, not an earlier publication
    assert day("2025-11-20T03:00:00Z", "2025-11-20T03:00:00Z", "November 19, 2025") == "2025-11-20"
    # more than MAX_REVISION_DAYS apart: no revision of that page
    assert day("2025-11-20T16:02:46Z", "2025-11-20T16:02:46Z", "May 14, 2019") == "2025-11-20"


def test_a_page_that_prints_its_markups_modification_date_as_its_date_is_dated_by_it():
    def day(printed: str, modified: str = "2025-12-17T09:00:08-05:00") -> str:
        ld = ('<script type="application/ld+json">{"@type": "Article", "headline": "Vegetable gardening", '
              f'"datePublished": "2024-04-05T00:00:00-04:00", "dateModified": "{modified}"}}</script>')
        html = _page(ld, f"<h1>Vegetable gardening</h1><p>Written By: Catherine Boeckmann</p><p>{printed}</p>")
        return str(process_article(Article("a.html", "html", raw=html, url="https://almanac.example/garden")).published_date)

    assert day("December 17, 2025") == "2025-12-17"  # the page shows its last revision as its date
    assert day("December 17, 2025 April 5, 2024") == "2024-04-05"  # it prints both: the publication date stands
    assert day("December 18, 2025") == "2024-04-05"  # a printed date the markup does not give: no revision
    assert day("December 17, 2028", "2028-12-17T09:00:08-05:00") == "2024-04-05"  # beyond MAX_REVISION_DAYS


def test_the_title_choice_reads_what_the_markup_says_of_each_h1():
    # two <h1>s, neither in og:title nor <title>: the one marked as the entry's title, not the logo
    def title(logo_cls: str, head_cls: str) -> str | None:
        html = _page("<title>Startseite</title>", f'<h1 class="{logo_cls}"><a href="/">Winter notes from the valley</a></h1>'
                     f'</header><header><h1 class="{head_cls}">Fog over the river all morning</h1>')
        return process_article(Article("a.html", "html", raw=html, url="https://notes.example/2020/fog")).title

    assert title("site-title", "entry-title") == "Fog over the river all morning"
    assert title("entry-title", "site-title") == "Winter notes from the valley"  # the marks decide, not the order


def test_a_number_is_the_title_only_when_the_page_offers_nothing_else():
    from newsclean.pipeline.metadata import title_candidates

    # a vote count marked as a headline <h1> beside the real one (LessWrong): not a title candidate
    meta = {"og_title": "Fog over the river all morning — Forum", "h1s": ["94", "Fog over the river all morning", "94"],
            "h1_marks": [["headline"], ["entry_title", "link"], ["headline"]]}
    texts, x = title_candidates(meta, ["Forum"])
    assert "Fog over the river all morning" in texts and "94" not in texts and len(x) == len(texts)
    assert title_candidates({"title_tag": "001", "h1s": ["001"]}, ["notes.example"])[0] == ["001"]  # numbered, not named


def test_the_text_before_a_pipe_left_after_the_sites_name_is_a_title_candidate():
    from newsclean.pipeline.metadata import TITLE_CHOICE_FEATURES, title_candidates

    col = TITLE_CHOICE_FEATURES.index("pipe_head")
    meta = {"title_tag": "Best Residential Movers in NYC 2025 | Top 19 Companies | Supermove",
            "h1s": ["Best Residential Movers in NYC 2025 | Top 19 Companies"]}
    texts, x = title_candidates(meta, ["Supermove", "supermove.example"])
    assert x[texts.index("Best Residential Movers in NYC 2025"), col] == 1.0
    assert x[texts.index("Best Residential Movers in NYC 2025 | Top 19 Companies"), col] == 0.0
    # a source as given ("Site | Headline") is not cut at its pipe: stripping the site's name does that
    texts, x = title_candidates({"og_title": "Supermove | Moving checklist for families"}, ["Supermove"])
    assert "Supermove" not in texts and "Moving checklist for families" in texts
