"""HTML markup that says what an element holds: tag sets, class and id names, <meta> names, JSON-LD
types, and the labels a page prints beside its date or author (read by `pipeline.extract`)."""
from __future__ import annotations

import re

# Elements removed once metadata is read (trafilatura deletes them too, later): <style>, <svg>, <iframe>, ...
INERT_TAGS = ("style", "svg", "link", "meta", "noscript", "input", "button", "select", "textarea", "iframe")

# JSON-LD types (besides *Article) that are the page's article: a food blog's post is a Recipe
# ({"@type": "Recipe", "author": ...}), a blog's a BlogPosting
ARTICLE_TYPES = ("Report", "BlogPosting", "WebPage", "Recipe", "HowTo")

# trafilatura's byline markup (trafilatura.xpaths.AUTHOR_XPATHS, AUTHOR_DISCARD_XPATHS) as class and
# id patterns, tried by `extract._author_rank` in this order.
# First XPath: class="author-name", class="AuthorName"
AUTHOR_CLASS_0 = re.compile("author-?name|AuthorName|authorName")
# Second XPath: id="author-box", id="zuozhe" (Chinese "author"), class="posted-by", class="journalist-name"
AUTHOR_ID_1 = re.compile("author|zuozhe|bianji|xiaobian")
AUTHOR_CLASS_1 = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
# Third XPath: id="postAuthor", class="writer", class="c-Byline"
AUTHOR_ID_2 = re.compile("[Aa]uthor")
AUTHOR_CLASS_2 = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
# Discarded with their subtree: id="comments-1", id="commentlist", class="sidebar", class="article-share"
DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
DISCARD_CLASS = re.compile("^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
                           "article-(?:share|support)|print|category|meta-date|meta-reviewer")

# Containers of other posts' authors: comment lists, related-post and sidebar widgets
# (class="comment-list", id="related_posts", class="widget_recent_entries")
OTHER_POSTS = re.compile(r"(?:^|[\s_-])(?:comments?|commentlist|related|widget)", re.I)

# Block elements: the text nodes inside one are one line of a text dump (<p>, <li>, <h2>, ...)
BLOCK_TAGS = {"div", "p", "li", "td", "th", "dd", "dt", "section", "article", "header", "footer", "aside", "main", "ul",
              "ol", "table", "tr", "blockquote", "figure", "figcaption", "form", "nav", "body", "html",
              "h1", "h2", "h3", "h4", "h5", "h6"}

# Not the article's: a class or id naming a comment section, related list, sidebar, teaser, widget or
# footer (class="comment-body", id="sidebar", class="teaser-list"), and these tags (<aside>, <nav>, <footer>, ...)
NOT_ARTICLE = re.compile(r"comment|related|sidebar|teaser|widget|recommend|footer", re.I)
NOT_ARTICLE_TAGS = {"aside", "nav", "footer", "form", "script", "style", "noscript", "template"}
# Elements whose text is never printed: a byline element's own CSS is no name (".wp-block-co-authors-plus ...")
NO_TEXT_TAGS = frozenset({"style", "script", "noscript", "template"})

# A text node that opens with a publication label, with what follows it across up to three tags:
# ">Erschienen am: <time>01.11.2023</time>", ">Published on 3 March 2020"
PUBLICATION_LABEL = re.compile(
    r">\s*((?:erschienen|veröffentlicht|publiziert|published|publié|publicado|pubblicato|publication date|"
    r"date of publication|publikationsdatum)\b(?:\s+(?:am|on|le|el|il))?\s*:?[^<]{0,40}(?:<[^>]{0,200}>\s*){0,3}[^<]{0,40})",
    re.I)

# <meta name> of an author: <meta name="author" content="Jane Doe">, <meta name="dc.creator" ...>
# (and <meta property="article:author">, tested where it is read)
AUTHOR_META = {"author", "byl", "dc.creator", "DC.creator"}
# <meta name> of a publication date, after article:published_time and datePublished:
# <meta name="pubdate" content="2025-10-02">, <meta name="parsely-pub-date" ...>
DATE_META = tuple(("name", n) for n in ("pubdate", "publishdate", "date", "DC.date.issued", "dc.date", "sailthru.date",
                                        "parsely-pub-date"))

# Yoast SEO's Twitter card names the author in a labelled pair: twitter:label1 "Verfasst von",
# twitter:data1 "Christoph Schulz"
CREDIT_LABEL = re.compile(r"^\s*(?:written by|verfasst von|geschrieben von|escrito por|écrit par|scritto da|geschreven door|"
                          r"autor(?:in)?|author|auteur|autore)\s*:?\s*$", re.I)

# The part of a <figcaption> that is its credit: <span class="credit">, <span itemprop="copyrightHolder">
CREDIT_MARK = re.compile(r"credit|copyright|photographer|byline|author|source", re.I)
# A CMS account or a placeholder in an author field, never a credit: "admin", "publisher", "Super User"
CMS_ACCOUNT = re.compile(r"^(?:admin|administrator|publisher|webmaster|super ?user|anonymous|editor|author|guest|user|"
                         r"staff|agencies)$", re.I)
# A company's legal form, or an address after a comma, in an author field: the publisher ("Olympia-Verlag GmbH, Nürnberg")
PUBLISHER_FORM = re.compile(r",|\b(?:GmbH|AG|Inc|LLC|Ltd|S\.A|SE|KG|Verlag|Corp)\b\.?")

# What an <h1>'s class, id or itemprop (or an ancestor's) says it holds: the article's headline
# (itemprop="headline", class="entry-title", "post-title", "article__title"; "headline" only on the
# <h1> itself) or the site's logo (class="site-title", "logo", "brand")
HEADLINE_MARKS = {
    "headline": re.compile(r"headline", re.I),
    "entry_title": re.compile(r"(?:entry|post|article|story|page|content|news|blog)[-_]{0,2}(?:title|heading|header|headline)"
                              r"|\btitle\b|[-_]title\b", re.I),
    "logo": re.compile(r"logo|brand|site[-_]?(?:title|name)|masthead", re.I),
}
