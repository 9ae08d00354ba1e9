"""What a headline is not (breadcrumbs, pagers, page furniture), and where a page names its headline
(a breadcrumb trail's last crumb, a comment section's heading)."""
from __future__ import annotations

import re

from .markers import HOME

# Crumb separators: "News » World", "Home / Politik", "Sport > Football"
BREADCRUMB = re.compile(r"[|»›/\\]|\s>\s|//")
# "5 Kommentare zu „Title“", "3 thoughts on “Title”", "One response to “Title”": WordPress and
# similar themes head the comment section with the article's title
COMMENTS_ON = re.compile(
    r"^\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|ein|eine|einen|zwei|drei|vier|fünf|un|une|deux|trois)?\s*"
    r"(?:thoughts?|comments?|responses?|replies|reply|kommentare?|gedanken|antworten?|reaktionen|réponses?|commentaires?|"
    r"comentarios?|respuestas?|comentários|risposte|commenti)\s+(?:on|to|for|zu|auf|zum|zur|für|sur|à|pour|en|a|para|em|su)\s+"
    r"[“\"„«‘'‚»](?P<title>.{2,200}?)[”\"“»’'‘«]\s*[:.]?\s*$", re.I)
# "Sie sind hier: Home » Europa » Emden", "Home » Desserts » Peanut Butter Truffles": a trail that
# starts at the home page (or after a "you are here" label) and has 3+ crumbs ends at this page
TRAIL = re.compile(r"^\s*(?:(?P<label>(?:you are here|sie sind hier|du bist hier|durchsuchen|vous êtes ici|usted está aquí|"
                    r"está aqui|sei qui)\s*:?\s*)?)" + HOME + r"\b", re.I)
# Splits a trail into crumbs: "Home » Europa » Emden" -> Home, Europa, Emden
CRUMB_SEP = re.compile(r"\s*(?:»|›+|\s>\s|\s/\s|\|)\s*")
# Opening quotes a comment heading puts round the title: “ " „ « ‘ ' ‚ »
QUOTE = re.compile("[“\"„«‘'‚»]")
# Page furniture worded like a short headline: copy/share/download controls, reading times,
# picture credits. Never the article's headline.
# a headline opens with a capital, a digit or a quote (in scripts with case), not with a
# conjunction, a lower-case word (a credit, a glued affiliation) or a relative time
NOT_TITLE_START = re.compile(r"^\s*(?:[&+]|[a-zà-öø-ÿ]|(?i:hace|vor|il y a)\s+\d)")
CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)|\b\d+\s+(?:hours?|minutes?|horas?|minutos?|stunden|minuten|heures)\b", re.I)
PAGER = re.compile(r"^\s*[←«‹<]|[→»›>]\s*$")  # "← Previous post", "Next post →"
NOT_HEADLINE = re.compile(
    r"\b(?:navigation|menu|menü|toggle|search|suche|copy|copied|link|url|e-?mail|mail|share|teilen|partager|compartir|playlist|download|print|drucken|"
    r"imprimer|newsletter|subscribe|abonnieren|s'abonner|comments?|kommentar\w*|commentaires?|login|anmelden|"
    r"reading\s+time|lesezeit|temps\s+de\s+lecture|min(?:ute)?s?\s+read|quelle|source|fuente|bild|foto|photo|"
    r"image|credit|cr[ée]dit)\b\s*[:.]?", re.I)
# A separator inside an <h1> that glues a kicker or a date to the headline: "Headline – Until Now", "Sport: Headline"
H1_SEP = re.compile(r"\s[-–—|/:]\s|\S:\s")
# A domain name in a title: "example.com", "news.online"
DOMAIN = re.compile(r"\w\.(?:[a-z]{2,3}|info|online)\b", re.I)
# The separator before a title's site-name suffix: "Headline | Site", "Headline - Site", "Site » Headline"
SUFFIX_SEP = re.compile(r"\s+(?:[|•·»:]{1,2}|[-–—])\s+")
# "Mehr Artikel von X", "View all posts by X": a link to the author's archive, not a byline
ARCHIVE_LINK = re.compile(r"\W*(?:view\s+)?(?:all|more|mehr|alle|plus|todos|tutti)\b", re.I)
# The label over a table of contents: the lines under it list the article's subheadings
CONTENTS_LABEL = re.compile(r"^\s*(?:table\s+of\s+contents?|contents|in\s+this\s+(?:article|post|guide)|on\s+this\s+page|"
                            r"jump\s+to(?:\s+section)?|inhaltsverzeichnis|inhalt|sommaire|índice|contenido|indice)\s*[:：]?\s*$", re.I)
