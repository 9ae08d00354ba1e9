"""Credits: agency names, the words that open a byline, roles, organisations, CMS accounts, and what
splits a credit into names. Read by `pipeline.bylines`."""
from __future__ import annotations

import re

# Canonical agency code -> spellings (matched on folded keys, so case and Arabic variants fold).
AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": ("afp", "agence france-presse", "agence france presse", "france presse", "أ ف ب", "أ.ف.ب", "فرانس برس", "ا ف ب"),
    "AP": ("ap", "associated press", "the associated press", "أسوشيتد برس", "اسوشيتد برس"),
    "REUTERS": ("reuters", "رويترز", "thomson reuters"),
    "AA": ("aa", "anadolu", "anadolu agency", "anadolu ajansı", "الأناضول", "الاناضول", "وكالة الأناضول"),
    "XINHUA": ("xinhua", "شينخوا", "新华社"),
    "DPA": ("dpa", "د ب أ", "د.ب.أ", "deutsche presse-agentur"),
    "MENA": ("mena", "أ ش أ", "أ.ش.أ", "ا ش ا", "وكالة أنباء الشرق الأوسط"),
    "WAM": ("wam", "وام"),
    "SPA": ("spa", "واس", "saudi press agency"),
    "KUNA": ("kuna", "كونا"),
    "QNA": ("qna", "قنا"),
    "UPI": ("upi", "united press international"),
    "EFE": ("efe", "agencia efe"),
    "ANSA": ("ansa",),
    "PTI": ("pti", "press trust of india"),
    "KYODO": ("kyodo", "kyodo news"),
    "YONHAP": ("yonhap",),
    # Arab national agencies by their Arabic names only: "Petra", "Sana" are also given names
    "APS": ("واج", "وأج", "algérie presse service"),
    "TAP": ("وات",),
    "PETRA": ("بترا",),
    "SANA": ("سانا",),
    "MAP": ("ومع", "و.م.ع"),
    "AGENCIES": ("agencies", "news agencies", "wires", "وكالات", "وكالات الأنباء", "agences", "agenturen", "agencias",
                 "agenzie"),
}
# A credit verb and its preposition ("Publicado por", "Veröffentlicht von"); CMS themes glue it to
# the name's link ("Geschrieben vonElisa Marvena").
CREDIT_VERB = (r"(?:written|reported|reporting|words|story|text|posted|published|compiled|created|recipe|"
                r"veröffentlicht|geschrieben|verfasst|erstellt|eingestellt|publié|publiée|écrit|rédigé|"
                r"publicado|publicada|escrito|escrita|pubblicato|scritto)\s+(?:by|von|par|por|da|di)")
CREDIT_PREFIX = re.compile(
    r"^(?:(?:(?:view\s+)?(?:all\s+)?(?:posts|articles|stories)\s+by|(?:alle\s+|mehr\s+)?(?:artikel|beiträge)\s+von|"
    r"(?:text|texte|texto|words)(?=\s*:)|" + CREDIT_VERB + r"|by|par|von|vom|por|de|di|door|av|af|"
    r"(?:ein\s+)?(?:artikel|beitrag|text|gastbeitrag)\s+von|(?:eine\s+)?kolumne\s+von|ein\s+(?:gast)?kommentar\s+von|"
    r"autor(?:in)?|author|auteur|autore|redaktion(?=\s*:)|"
    r"بقلم|كتب|كتبت|كتبه|كتبها|إعداد|اعداد|تقرير|حوار|متابعة|ترجمة|(?:نشر |نشرت )?بواسطة|الكاتب|الكاتبة)\b(?!-\w)|"
    + CREDIT_VERB + r"(?=(?-i:[A-ZÀ-ÖØ-Þ]))|(?-i:By)(?=(?-i:[A-Z][a-z])))"
    r"\s*[:：\-–—/ـ]?\s*", re.I)  # "كتب/ محمد", Egyptian sites' slash; "ByKathryn Giuffrida", a theme's glue
# Articles and possessives: a "name" opening with one is a phrase or a title ("Die FURCHE").
PHRASE_HEADS = {"die", "der", "das", "dem", "den", "the", "les", "los", "las", "het", "een", "ein", "eine", "un", "une",
                 "our", "your", "my", "unser", "unsere", "dein", "deine", "deinen", "mein", "meine", "notre", "votre"}
# Prefixes that are also ordinary prepositions ("von Künstlern", "de Paris", "par exemple").
PREPOSITION = re.compile(r"(?:von|vom|par|por|de|di|door|av|af)\b", re.I)
ROLES = re.compile(
    r"\b(?:(?:senior|junior|former|chief|lead|staff|contributing|associate|deputy|executive|managing|freelance)\s+)*"
    r"(?:[\w-]+\s+)?(?:writer|reporter|correspondent|editor|columnist|contributor|producer|photographer|consultant|"
    r"journalist(?:in|en)?|analyst|kolumnist(?:in)?|redakteur(?:in)?|korrespondent(?:in)?|fotograf(?:in)?|journaliste|"
    r"chroniqueur|chroniqueuse|correspondant|rédacteur|rédactrice|periodista|columnista|corresponsal|redactor[a]?|"
    r"\w+(?:leiter|sprecher|referent|philosoph|wissenschaftler)(?:in)?)s?\b|"
    r"\bspecial\s+to\s+\S+|\bمراسل\S*|\bمحرر\S*|\bالصحفي[ةه]?|\bالكاتب[ةه]?|\bالإعلامي[ةه]?|\bالاعلامي[ةه]?", re.I)
# "and", and the interview's "im Gespräch mit" / "in conversation with": both are credited
NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|،| و(?= )|\bim\s+gespräch\s+mit\b|"
                    r"\bin\s+conversation\s+with\b|\ben\s+conversation\s+avec\b)\s*", re.I)
# "By X with Reuters", "Par X avec AFP", "Von X mit dpa": an agency credited beside the author.
WITH_AGENCY = re.compile(r"\s+(?i:with|avec|mit|con|com)\s+(?P<agency>[^,;]+)$")
# Arabic writes "and" joined to the next word ("محمد السيد وأحمد حسن"); a name may start with و too
# (وليد, وائل): the conjunction is split off only between two names of two words or more, and not
# before these given and family names.
WAW_JOINED = re.compile(r" و(?=[\u0621-\u064A])")
WAW_NAMES = {"وليد", "وائل", "وفاء", "وسام", "وجدي", "وحيد", "وهبة", "وهبه", "وهبي", "وداد", "وئام", "وسيم", "وصفي",
              "ولاء", "وديع", "وعد", "وجيه", "وضاح", "وفيق", "وهيب", "وصال", "وردة", "ورد", "وجدان", "وحيدة", "والي",
              "وافي", "وهدان", "ورداني", "وفا", "وزيري"}
# Common given names, male and female, Arabic and a few Western ones as Arabic prints them: a
# two-word credit without the article ("محمد رضا", "خالد دغريري من جدة") names a person when it opens
# with one (roles._credited_person); a two-word phrase ("موجز دوليات", "كمياتنا كافية") does not.
AR_GIVEN_NAMES = frozenset("""
محمد أحمد احمد محمود مصطفى علي عمر عمرو عثمان خالد فهد فيصل سعد سعود سعيد سلمان سليمان سلطان ناصر نايف نواف
بندر تركي ماجد منصور مشاري مشعل متعب عادل إبراهيم ابراهيم إسماعيل اسماعيل يوسف يحيى يعقوب يونس حسن حسين حسام
حمد حامد حمدي حمزة خليل زياد زيد زكريا سامي سامر سالم صالح طارق طلال عاطف عامر عماد عصام غازي فارس فؤاد فادي
فراس فريد كريم كمال ماهر مازن مالك مجدي مراد مروان معاذ مهند موسى نبيل نادر نجيب نزار نصر هاني هشام هيثم هادي
ياسر ياسين أسامة اسامة أشرف اشرف أمين أنس أنور أيمن ايمن أكرم باسم بدر بسام بشير بكر ثامر جمال جميل جاسم جابر
حاتم حازم رامي رائد راشد رشيد رضا رياض زهير سمير شادي شريف صلاح ضياء عاصم علاء عوض غسان قاسم لؤي مجيد محسن
مختار مرزوق مساعد معتز مفلح منير مهدي ناجي نعيم هلال عيسى إياد اياد إيهاب ايهاب إسلام اسلام أيوب توفيق جلال
حسان حمود ربيع رمضان سيف شاكر شوقي صابر صادق صبري ضيف عارف عبده عزيز عزت عوني فتحي فوزي قيس لطفي مبارك محيي
مسعود مصطفي مؤمن نجم نور هزاع يزيد
فاطمة فاطمه عائشة عايشة مريم سارة ساره نورة نوره نوال هند هدى منى مها ليلى سلمى سعاد رقية رانيا ريم ريما رشا
رنا دينا دعاء أمل امل آمال أسماء اسماء إيمان ايمان جميلة حنان خديجة زينب سناء سهام سميرة شيماء عبير عزة غادة
لمياء لبنى لينا مروة ميساء نادية نجلاء نهى هالة هيفاء ياسمين منال أميرة اميرة بشرى نجوى هناء حصة الجوهرة
ديفيد جون مايكل جيمس روبرت بيتر بول توماس مارك ريتشارد وليام جورج
""".split())
READING_TIME_PHRASE = re.compile(r"\s*(?:\d+\s*)?(?:min(?:ute)?s?\.?\s+read|tiempo\s+de\s+lectura|lesezeit|temps\s+de\s+lecture|"
                           r"tempo\s+de\s+leitura|tempo\s+di\s+lettura)\b.*$", re.I)
# Words of organisations, not people: "By A, AMP Project Marketing" names an affiliation.
ORG_WORD = re.compile(r"\b(?:press|news|times|post|daily|journal|magazine|media|online|group|project|marketing|"
                       r"university|universität|université|universidad|institute|institut|agency|team|staff|desk|"
                       r"service|network|radio|tv|gmbh|inc|ltd|llc|ag|verlag|redaktion|\w*zeitung|\w*blatt|anzeiger|rundschau|"
                       r"nachrichten|gazette|chronicle|today|tribune|herald|associated|international|global|correspondent|"
                       r"bureau)\b", re.I)
# What names an organisation in an author field (<meta name="author">, JSON-LD): a legal form, an
# institution's word, a domain name ("Olympia-Verlag GmbH, Nürnberg", "Hanns-Seidel-Stiftung e.V.",
# "hessenschau.de, Frankfurt", "ライトハウス国際特許事務所"; ORG_WORD has "TVT-Redaktion"): the publisher,
# never a person.
INSTITUTION = re.compile(r"\b(?:e\.\s?v\.?|plc|kg|stiftung|verein|verband|fraktion|ministerium|ministry|departe?ment|"
                          r"bundesamt|association|foundation|gesellschaft|editorial)(?!\w)|"
                          r"(?:事務所|株式会社|有限会社|法人|協会|新聞社?|編集部|研究所|公司|报社)|"
                          r"(?<![\w.])[a-z0-9-]{2,}\.(?:[a-z]{2,3}|info)\b", re.I)
EDITING = re.compile(r"[;,.]?\s*(?:additional\s+reporting|editing|edited|writing|graphics|photos?)\s+by\b.*$", re.I)
NOT_NAME = re.compile(r"\d|@|https?:|www\.|\bmin(?:ute)?s?\s+read\b|\bread\b|\bupdated\b|\bpublished\b", re.I)
NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*|[a-z]{1,3}|[\u0600-\u06FF]+\.?|[\u0400-\u04FF][\w-]*)$")
# CMS placeholders that are never a person's byline.
GENERIC_ACCOUNTS = {"publisher", "admin", "administrator", "super user", "superuser", "name", "user", "guest", "anonymous",
                    "webmaster", "editor", "editors", "staff", "team", "editorial team", "redaktion", "red", "the editors",
                    "newsroom", "web desk", "desk", "author", "autor", "unknown", "default", "wpengine",
                    # labels of the fields around a byline, read as its value by some extractors
                    "datum", "date", "fecha", "stand", "quelle", "source", "posted", "published",
                    # an author box's heading
                    "bio", "author bio", "about the author", "about me"}
# First words of two-word place names that follow a byline as its dateline ("By X, New York").
PLACE_HEADS = {"new", "los", "las", "san", "santa", "saint", "st.", "hong", "abu", "tel", "buenos", "rio", "kuala",
                "sao", "são", "port", "fort", "mexico", "cape", "east", "west", "north", "south"}
# Lower-case words a personal name may contain ("Ludwig van Beethoven", "Maria da Silva").
PARTICLES = {"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "la", "le", "al", "el", "bin",
              "ibn", "ter", "ten", "zu", "y", "e"}
# A handle, one token with digits ("freeman1984", "c1ph4"): opens with a letter, has two or more.
HANDLE_NAME = re.compile(r"^(?=(?:\w*?[^\W\d_]){2}|[^\W\d_]\d{2})[^\W\d_][\w-]{1,30}$")
# A CMS's own accounts, also inside a handle ("oradmin", "siteadmin"): never a person's byline.
ACCOUNT_WORD = re.compile(r"admin|webmaster|wpengine", re.I)
BARE_PREPOSITION = re.compile(r"(?:by|von|vom|par|por|de|di|door|av|af)\W*$", re.I)
STAMP_LEAD = re.compile(r"(?:[\s,]+(?:on|am|le|el|il|den|vom|the)\b)?(?:[\s,]+[^\W\d]+day|[\s,]+(?:montag|dienstag|mittwoch|"
                         r"donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))?[\s,]*$", re.I)
# "مراسل الجزيرة - محمد أحمد", "مراسلة الحرة في القاهرة: X": the outlet a correspondent writes for is no name
CORRESPONDENT_OF = re.compile(r"^(?:مراسل|مراسلة|مراسلنا|مراسلتنا|موفد|موفدة)\s+\S+(?:\s+(?:في|ب)\s*\S+)?\s*[-–—:|]\s*")
ORG_STAFF = re.compile(r"^(?P<org>.+?)\s+(?:staff|desk|bureau|newsroom)$", re.I)
INITIALS = re.compile(r"^(?:[A-Z]\.?){2,3}$")
LOGIN = re.compile(r"^[a-z0-9]+(?:[._][a-z0-9]+)+$")
SAID = re.compile(r"^(?:said|says|wrote|writes|sagt|schreibt|schrieb|dit|écrit|dice|escribió|disse):?$", re.I)
# Labels printed beside a byline that name another role, not an author: "Fact Checked",
# "Reviewed by", "Medically reviewed", "Edited by"
OTHER_CREDIT = re.compile(r"\b(?:fact[- ]?check(?:ed|er)?|reviewed|review(?:ed)?\s+by|edited|verified|medically)\b", re.I)
# A stamp word or a weekday a theme glues to the name before it: "By Rebecca NorrisPublished: Jun 25,
# 2025", "Sean Peek, Senior AnalystUpdated Sep 17, 2025", "Katherine FidlerThursday 2 Nov 2023"
GLUED_STAMP = re.compile(r"(?<=[a-z])(?=(?:Published|Updated|Posted|Last\s+[Uu]pdated|Reviewed|Fact[- ]?[Cc]hecked|"
                         r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)")
# A credit label alone on its line, the name on the next one: "Written By" / "Stephen Jesudunsin",
# "Article written by:" / "Doris Munoz-Mantilla, MD", "About the Author" / "Kathryn Giuffrida"
AUTHOR_LABEL = re.compile(r"^(?:about\s+the\s+author|meet\s+the\s+author|(?:article\s+|post\s+)?written\s+by|"
                          r"author|posted\s+by)\s*:?\s*$", re.I)
# What a blog theme prints after the name on its meta line: the categories, a comment count
# ("Von Katharina Schmidt Kategorien: Mode", "von KleineGrüneMonster Ein Kommentar")
AFTER_NAME = re.compile(r"\s+(?:(?:kategorien?|categories|category|catégories?|categorías?|categorie)\s*:|"
                        r"(?:ein|one|un|une|keine|no|\d+)\s+(?:kommentare?|comments?|commentaires?|comentarios?)\b).*$", re.I)
# A line that only joins the names of a byline printed one name a line: ",", ", and", "&"
NAME_JOINER = re.compile(r"^\s*(?:,|&|,?\s*(?:and|und|et|y))\s*$", re.I)

# An author's profile page in a link's path ("/authors/trevor-jackins", "/autor/anna-schmidt/"): the
# link names the person when its text spells the last segment (extract._author_link)
AUTHOR_PATH = re.compile(r"/(?:authors?|writers?|people|persons?|profiles?|team|staff|contributors?|experts?|"
                         r"journalists?|reporters?|columnists?|autor(?:en|in)?|auteurs?|redakteur(?:in)?)/([^/?#]+)/?(?:[?#].*)?$",
                         re.I)
# An Arabic credit's places (roles.arabic_credit): one or two words after "من" at its end ("سعيد
# الحربي من جدة"), and before a dateline's colon ("المدينة المنورة: عبدالعزيز الحجوري")
AR_PLACE_AFTER = re.compile(r"\s+من\s+\S+(?:\s+\S+)?$")
AR_PLACE_BEFORE_COLON = re.compile(r"^[^:：]{2,30}[:：]\s*(?=\S)")
