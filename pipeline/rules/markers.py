"""Lines that say what they are (whole-line matches unless noted): ads, share bars, promos, related-list
headings, mastheads, skip links, galleries, reading times, agency credits, tags, comments, copyright,
disclaimers, calls to action."""
from __future__ import annotations

import re

def _rx(words: str, flags=re.I) -> re.Pattern:
    return re.compile(words, flags)


# --- marker lexicons (whole-line matches, trailing punctuation and arrows ignored) -------------
_TAIL = r"\s*[:：.!»›>…\-–—|]*\s*$"
ADVERTISEMENT = _rx(r"^\s*(?:ads?|advertisement|advertising|advert|sponsored(?: content)?|promoted|anzeige|werbung|"
                    r"publicité|publicidad|publicidade|pubblicità|реклама|reklam|iklan|إعلان|اعلان|إعلانات|اعلانات|"
                    r"المادة الإعلانية|广告|광고)" + _TAIL)
_SHARE_WORD = (r"(?:share(?: this(?: article| story| page| post)?)?(?: (?:on|with|via) \w+)?|"
               r"click to (?:share|email|print|copy)\b.{0,60}|copy this link|close share panel|read more about sharing|"
               r"tweet|email|e-mail|print|facebook|twitter|x|"
               r"whatsapp|telegram|linkedin|pinterest|reddit|flipboard|messenger|copy(?: link)?|copied!?|link copied|"
               r"comments?|\d+\s+comments?|leave a comment|view comments|save|bookmark|follow|partager|teilen|compartir|"
               r"compartilhar|condividi|поделиться|paylaş|مشاركة|شارك|شارك الخبر|شارك المقال|طباعة|تويتر|فيسبوك|واتساب|"
               r"تيليجرام|تيلجرام|تليجرام|تلغرام|لينكدإن|لينكد إن|ماسنجر|انستغرام|إنستغرام|انستجرام|إنستجرام|"
               r"البريد الإلكتروني|أرسل|ارسل|نسخ الرابط|تعليقات|أضف تعليق|إضافة تعليق جديد)")
# a share control, or a bar of them on one line ("Share: Facebook Twitter Email", "شارك: فيسبوك تويتر واتساب"); not
# one word, a colon and the same word: a schema's field named after its type ("email: Email!" in a GraphQL listing)
SHARE = _rx(r"^(?!\s*(\w+)\s*[:：]\s*\1\W*$)\s*" + _SHARE_WORD + r"(?:[\s:：|,،·•/]+" + _SHARE_WORD + r")*" + _TAIL)
PROMO = _rx(r"^\s*(?:sign up|sign in|log ?in|subscribe(?: now)?|newsletters?|get the app|download the app|"
            r"follow us(?: on \w+)?|join us|(?:sign up|subscribe) (?:for|to) (?:our|the) [\w ]{0,40}|"
            r"get [\w ]{0,40} delivered to your inbox|let our news meet your inbox.*|support (?:our|independent) journalism.*|"
            r"اشترك(?: الآن)?|النشرة البريدية|تابعونا(?: على(?: [\w ]+)?)?|تابعنا(?: على(?: [\w ]+)?)?|حمل التطبيق)" + _TAIL)
RELATED_MARKER = _rx(
    r"^\s*(?:related(?: (?:articles?|stories|news|posts|content|coverage|topics|reading|links))?|recommended(?: (?:for you|stories|articles|reading))?|"
    r"read (?:more|also|next)|more (?:from|on|in) [\w .'-]{1,40}|more (?:stories|news|articles|headlines)|"
    r"see also|also read|also on [\w .'-]{1,30}|explore(?: further| more)?|most (?:read|popular|viewed|shared|recent)|trending(?: now| stories| news| topics)?|more \w+(?: news)?|"
    r"top stories|latest (?:news|stories|articles)|you (?:may|might) (?:also )?like|you may have missed|don'?t miss|"
    r"editor'?s picks?|popular (?:now|stories)|must reads?|what to read next|up next|watch next|in other news|"
    r"lire aussi|à lire aussi|sur le même sujet|mehr zum thema|das könnte sie auch interessieren|lesen sie auch|"
    r"leia (?:também|mais)|veja também|lea también|te puede interesar|noticias relacionadas|leggi anche|"
    r"читайте также|по теме|вам (?:также )?может быть интересно|смотрите также|похожие (?:новости|статьи|материалы)|ayrıca bakınız|ilgili haberler|baca juga|"
    r"اقرأ أيضا|اقرأ أيضاً|اقرأ ايضا|إقرأ أيضا|إقرأ أيضاً|اقرأ المزيد|الأكثر قراءة|الاكثر قراءة|الأكثر مشاهدة|الأكثر تداولا|"
    r"مواضيع ذات صلة|مواضيع ذات علاقة|أخبار ذات صلة|اخبار ذات صلة|أخبار متعلقة|مقالات ذات صلة|ذات صلة|"
    r"آخر الأخبار|اخر الاخبار|أخبار عاجلة|شاهد أيضا|شاهد ايضا|قد يهمك(?: أيضا| ايضا)?|يهمك(?: أيضا| ايضا)|قد يعجبك أيضا|"
    r"المزيد من [\w ]+|موضوعات (?:متعلقة|ذات صلة)|اخترنا لك|طالع (?:أيضا|ايضا|أيضاً)|اقرأ كذلك|"
    r"相关新闻|相关阅读|関連記事|관련기사)" + _TAIL)
# Headings of inline cross-links placed between paragraphs (not the end-of-article widgets).
INLINE_MARKER = _rx(r"^\s*(?:read (?:also|more)|see also|also read|lire aussi|à lire aussi|lesen sie auch|leia também|"
                    r"lea también|leggi anche|читайте также|baca juga|اقرأ أيضا|اقرأ أيضاً|اقرأ ايضا|إقرأ أيضا|إقرأ أيضاً|"
                    r"شاهد أيضا|شاهد ايضا|قد يهمك(?: أيضا| ايضا)?|يهمك(?: أيضا| ايضا)|طالع (?:أيضا|ايضا|أيضاً)|اقرأ كذلك)" + _TAIL)
# "Related: headline", "RelatedTRT World - headline", "اقرأ أيضا: عنوان"
RELATED_PREFIX = _rx(
    r"^\s*(?:related|read (?:more|also)|see also|also read|recommended|watch|listen|more|lire aussi|lesen sie auch|leia também|"
    r"lea también|читайте также|baca juga|اقرأ أيضا|اقرأ أيضاً|اقرأ ايضا|إقرأ أيضا|شاهد أيضا|شاهد|طالع أيضا|طالع)"
    r"(?:\s*[:：\-–—|»]\s*|(?=[A-Z\"'‘“«]))(?=\S)")
MASTHEAD = _rx(
    r"^\s*(?:supervisor|general supervisor|editor[- ]in[- ]chief|chief editor|managing editor|executive editor|"
    r"editorial director|publisher|chairman(?: of the board)?|ceo|founder|founded by|"
    r"rédacteur en chef|directeur de la publication|chefredakteur(?:in)?|herausgeber|director|"
    r"المشرف العام|رئيس التحرير|رئيس مجلس الإدارة|رئيس مجلس الادارة|مدير التحرير|نائب رئيس التحرير|"
    r"المدير العام|رئيس التحرير التنفيذي|المدير التنفيذي|المؤسس|مؤسس الموقع|مؤسس الجريدة|مؤسس الصحيفة)\b\s*[:：\-–—]?\s*\S")
# Links that jump over the page chrome, and widget placeholders: navigation wherever printed.
_SKIP = (r"(?:(?:skip|jump)(?: to)?(?: the)? (?:main |primary )?(?:content|navigation|nav|menu|footer|sidebar|search)|"
         r"(?:zum|zur) (?:haupt)?(?:inhalt|navigation|fußzeile|suche) springen|springe? zu[mr] (?:haupt)?(?:inhalt|navigation)|"
         r"direkt zum inhalt|aller au (?:contenu|menu)|passer au contenu|ir al contenido(?: principal)?|saltar al contenido|"
         r"pular para o conteúdo|vai al contenuto)")
SKIP_LINK = _rx(r"^\s*(?:" + _SKIP + r"(?:\s+" + _SKIP + r")*|loading\.*|lade\s*…|wird geladen\.*|chargement\.*|cargando\.*|"
                r"liken lade\s*…)" + _TAIL)  # "Skip to main content Skip to footer": a run of them on one line
# site widgets in the page's chrome: prayer times (three of the day's prayers named on one line,
# "مواقيت الصلاة: الفجر 4:12 الظهر 11:58 العصر 3:21") and the weather (a temperature on a short
# line, "الرياض 34° مشمس", "Berlin 12°C")
_PRAYER = r"(?<!\w)(?:الفجر|الشروق|الظهر|العصر|المغرب|العشاء|fajr|sunrise|dhuhr|zuhr|asr|maghrib|isha)(?!\w)"
PRAYER_TIMES = _rx(rf"{_PRAYER}(?:.*?{_PRAYER}){{2}}")
# with its unit, at the line's end ("Buffalo 41°"), or beside a word of the weather ("77° View" in a
# camera's list of features is no weather)
TEMPERATURE = _rx(r"(?<![\d.,])-?\d{1,2}\s*°\s*(?:[CF](?!\w)|\s*$|.{0,20}\b(?:clear|sunny|cloudy|overcast|rain|showers|"
                  r"snow|fog|windy|storms?|مشمس|غائم|ممطر|صحو|أمطار|رياح|ضباب|غبار))")
WEATHER_MAX_UNITS = 6
# a piece of every prayer's name (fajr, dhuhr/zuhr, asr, maghrib, isha), tested before PRAYER_TIMES
_PRAYER_HINTS = ("الفجر", "الشروق", "الظهر", "العصر", "المغرب", "العشاء", "ajr", "hr", "sr", "ghrib", "sha")


def widget_line(text: str, units: int) -> bool:
    """A site widget's line (PRAYER_TIMES, TEMPERATURE); substring tests first, as every line is asked."""
    if "°" in text and units <= WEATHER_MAX_UNITS and TEMPERATURE.search(text):
        return True
    low = text.lower()
    return any(h in low for h in _PRAYER_HINTS) and PRAYER_TIMES.search(text) is not None
GALLERY = _rx(r"^\s*(?:image|photo|picture|slide|foto|صورة)\s+\d+\s+(?:of|/|de|von|من)\s+\d+\s*$|"
              r"^\s*\d+\s*/\s*\d+\s*$|^\s*(?:back to gallery|view gallery|open gallery|enlarge(?: this)? image|"
              r"toggle caption|hide caption|expand|close)\s*$")
READING_TIME = _rx(r"^\s*(?:(?P<n>\d{1,3})\s*(?:-|\s)?\s*(?:min(?:ute)?s?|mins?)\.?\s*(?:read|reading|de lecture|lesezeit|de leitura|de lectura)|"
                   r"(?:reading time|lesezeit|temps de lecture)\s*[:：]?\s*(?P<n2>\d{1,3})\s*min\w*|"
                   r"(?:قراءة في|مدة القراءة|وقت القراءة)?\s*(?P<n3>\d{1,3})?\s*(?:دقائق|دقيقة|د)\s*(?:قراءة|للقراءة)?)" + _TAIL)
AGENCY_LINE = _rx(r"^\s*(?:source|sources|quelle|fuente|fonte|المصدر|مصدر|via|with|credit)\s*[:：\-–]?\s*(?P<agency>.{2,60}?)\s*\.?\s*$")
# "(AFP) -", "WASHINGTON (Reuters) -", "القاهرة (أ ش أ) -" at the start of the first paragraph.
DATELINE_AGENCY = re.compile(r"^[\w\s,.'’\u0600-\u06FF-]{0,40}?\((?P<agency>[^()]{2,40})\)\s*[-–—:]\s*")
# "CAIRO - AFP", "القاهرة - أ ش أ": a dateline (one or two words) and the agency, alone on a line
PLACE_AGENCY = re.compile(r"^\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s*[-–—]\s*(?P<agency>[^-–—]{2,30}?)\s*\.?\s*$")
# Calls to action: searched in a line, used only at the tail of the body.
CTA = _rx(r"\b(?:sign up|subscribe|newsletters?|delivered (?:to|through) your (?:inbox|letterbox)|click here|"
          r"follow (?:us|him|her|them|@\w+) on|follow @\w+|may be reached at|can be reached at|have a tip\?|"
          r"send us (?:your|a)|tell us what you think|download (?:our|the) app|get the latest|"
          r"join (?:the conversation|our community)|all rights reserved|copyright ©|©\s?\d{4}|"
          r"اشترك|تابعونا|حمل تطبيق|جميع الحقوق محفوظة)\b|@\w+\.(?:com|org|net)")
TAGS = _rx(r"^\s*(?:tags?|tagged|topics?|filed under|keywords|schlagwörter|etiquetas|mots-clés|теги|"
           r"الوسوم|وسوم|كلمات مفتاحية|الكلمات المفتاحية)\s*(?:[:：|]|$)")
# Comment counts and comment-form links, in a comment section's heading and in a post's meta line.
_COMMENT_COUNT = (r"\d+\s+(?:comments?|responses?|replies|commentaires?|kommentare?|ergänzungen|antworten|comentários|"
                  r"comentarios?|تعليقات?)")
_COMMENT_FORM = (r"(?:leave|post|add|write) a (?:reply|comment)|(?:schreibe|hinterlasse|verfasse) (?:einen kommentar|eine antwort)|"
                 r"kommentar (?:schreiben|verfassen)|laisser un commentaire|laisser une réponse|deja un comentario|"
                 r"deja una respuesta|deixe um comentário|deixe uma resposta|lascia un commento")
# The start of the reader-comment section: "Jane on May 2, 2019 at 4:47 pm said:", "12 Comments".
COMMENT_HEADER = _rx(r"^\s*(?:" + _COMMENT_COUNT + "|" + _COMMENT_FORM + "|"
                     r"comments? (?:are|is) closed|join the (?:discussion|conversation)|"
                     r"reader comments|comments on this (?:article|story)|discussion|"
                     r"أضف تعليقا?|اضف تعليق)\s*[:.!]?\s*$|^.{2,80}\b(?:said|says|wrote|disse|a dit|schrieb)\s*:\s*$")
# The comments link after the author on a post's meta line ("26. September 2019 Ulrike Stockhausen
# Schreibe einen Kommentar", "... Markus Reuter - 91 Ergänzungen"): searched, not matched.
# A comment thread's action link ("Reply", "Reply to Jane"), which a comment form prints under a name.
COMMENT_ACTION = _rx(r"^\s*reply\b")
COMMENT_LINK = _rx(r"\s(?:" + _COMMENT_COUNT + "|" + _COMMENT_FORM + r"|keine kommentare|no comments)\b")
COPYRIGHT = _rx(r"^\s*(?:©|\(c\)|copyright\b|all rights reserved|جميع الحقوق محفوظة|كل الحقوق محفوظة|todos os direitos|tous droits)|"
                r"(?:all rights reserved|جميع الحقوق محفوظة|alle rechte vorbehalten)\.?\s*$")
# An opinion page's disclaimer: the views are the author's, not the publication's.
DISCLAIMER = _rx(r"^\s*disclaimer\s*:|^\s*(?:the\s+)?(?:views?|opinions?|viewpoints?)\s+(?:expressed|in this (?:article|column|piece))\b"
                 r".{0,160}?\b(?:(?:do(?:es)?|are|is) not|don't|doesn't)\s+(?:necessarily\s+)?(?:reflect|represent)|"
                 r"\bn'engagent que (?:leurs?|son|sa) auteu|"
                 r"^\s*(?:الآراء|المقالات|المقال|ما ينشر|هذا المقال|جميع المقالات|جميع الآراء)\b.{0,80}?"
                 r"(?:لا (?:تعبر|يعبر|تعكس|يعكس)\s+(?:بالضرورة\s+)?عن|(?:يعبر|تعبر) عن (?:رأي|وجهة نظر) (?:كاتبه|كاتبها|صاحبه|صاحبها))")
# The home page's link opens a breadcrumb trail ("Home", "Home » News", "Startseite › Politik")
HOME = r"(?:home|startseite|start|accueil|inicio|início|homepage)"
SENTENCE_END = re.compile(r"[.!?؟。！？…:;»”\"'’)\]]\s*$")
# The home page's link opens a breadcrumb trail: a new region of the page ("Home", "Home » News").
HOME_CRUMB = re.compile(r"^\s*" + HOME + r"\s*(?:$|»|›|\||/|>)", re.I)
# A line opening with the home page's link and two more words: a menu's row ("الرئيسية سياسة اقتصاد
# رياضة", "Home News Sport"), or now and then a headline ("Home Secretary resigns"): a column the
# line-role model weighs
HOME_FIRST = re.compile(r"^\s*(?:" + HOME + r"|الرئيسية|الصفحة الرئيسية|главная|ana ?sayfa)\s+\S+\s+\S+", re.I)
# ... and a rule where it is certain: "الرئيسية" (the main page) opening a line of three words or
# more is a menu row, never a headline (unlike "Home Secretary resigns")
AR_HOME_ROW = re.compile(r"^\s*(?:الصفحة\s+)?الرئيسية\s+\S+\s+\S+")
# The names of an Arabic news site's sections: a line made mostly of them
# (roles.arabic_menu_row, five words or more: "أخبار اقتصاد علوم وتكنولوجيا صحة ثقافة وفنون رياضة فيديو") is a menu row
# whatever site prints it. Words as menus print them, the article and a joined "و" taken off.
AR_SECTION_WORDS = frozenset("""
أخبار اخبار خبر سياسة سياسي اقتصاد اقتصادي مال أعمال اعمال بورصة رياضة رياضي صحة طب ثقافة فن فنون فنية أدب
منوعات تكنولوجيا تقنية علوم علم محليات محلية محلي دولية دولي دوليات عربي عربية عالم عالمية مقالات مقال رأي آراء
كتاب كتّاب تحقيقات تحقيق ملفات ملف حوارات حوار صور فيديو فيديوهات مرئيات بث مباشر إعلام اعلام بيئة سيارات
تعليم جامعات مرأة أسرة مجتمع حوادث قضايا برلمان انتخابات مصر الخليج خليج لبنان سوريا العراق السعودية
المغرب الجزائر تونس ليبيا الأردن فلسطين اليمن السودان الكويت قطر الإمارات البحرين عمان شؤون أخرى المزيد
الرئيسية رئيسية عاجل سياحة سفر طقس أبراج دين إسلاميات اسلاميات تراث شباب مقابلات كاريكاتير إنفوجراف انفوجراف
بودكاست عقارات وظائف اتصل بنا من نحن
""".split())
# Arabic short-vowel marks (fatha ... sukun): a vocalised line is a quotation (a verse), never a menu
HARAKAT = re.compile("[\u064B-\u0652]")
# Arabic function words (prepositions, particles, pronouns, relatives): prose has them, a menu item
# or a person's name has none.
AR_FUNCTION = frozenset("في من على إلى الى عن مع أن إن ان لا ما لم لن هذا هذه ذلك تلك التي الذي الذين قد بعد قبل "
                        "عند حتى بين أو ثم كل هو هي هم كما لماذا كيف متى أين هل غير بل إذا اذا".split())
# A short Arabic line that is no verse: Latin letters (an e-mail, a URL, an SMS code) or menu item separators.
NOT_VERSE = re.compile(r"[A-Za-z@]|\s[|•·›/]\s")
