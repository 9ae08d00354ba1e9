"""Unicode hygiene for stored text, and separate folding for matching keys.

The stored body must stay faithful (Arabic diacritics, hamza forms, ى, ة, Eastern digits and ZWNJ
are kept); only invisible controls, odd spaces, elongation (tatweel inside a word) and presentation
forms are normalised.
`match_key` folds much harder and is used only for dedup and template keys, never for output.
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

import ftfy

# Spaces folded to U+0020: NBSP, narrow NBSP, en/em/thin spaces, ideographic space.
_SPACES = dict.fromkeys([0x00A0, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)], " ")
# Invisible controls removed: ZWSP, BOM, soft hyphen, LRM/RLM, ALM, bidi embeddings and isolates.
# ZWNJ (U+200C) and ZWJ (U+200D) are kept: Persian and emoji need them.
_DROP = dict.fromkeys(
    [0x200B, 0xFEFF, 0x00AD, 0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
# Tatweel (U+0640) inside a word is typographic elongation ("العــــربية") and goes; after a word's
# last letter it is part of the text as printed and stays: a detached prefix ("لـ«الصباح»", "بـ 5
# ملايين") or an abbreviation ("1447 هـ").
_ELONGATION = re.compile("(?<=[\u0620-\u064A\u064B-\u0652])\u0640+(?=[\u0620-\u064A\u064B-\u0652])")
_TABLE = {**_SPACES, **_DROP}
# str.translate with a dict costs ~0.1 us a character; these characters are rare, so they are found
# with one regex scan and only they are replaced
_SPECIAL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "]+")
# Arabic presentation forms (folded with NFKC), except the ligatures U+FDFA-FDFD that NFKC expands
# into whole phrases (ﷺ becomes 18 characters).
_PRESENTATION = re.compile("[\uFB50-\uFDF9\uFDFE-\uFDFF\uFE70-\uFEFE]+")
_ENTITY = re.compile(r"&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
# UTF-8 read as Latin-1 / cp1252: a lead byte's character (Â-ï) then a continuation byte's (\x80-¿):
# "Ã©" (é), "Å\x82" (ł), "Ä\x99" (ę), "Ð¿" (п), "Ø§" (ا); ftfy decides, this only spares it the rest
_MOJIBAKE_HINT = re.compile("[\u00c2-\u00ef][\u0080-\u00bf]")
# Control characters that str.split() counts as spaces (segmenting turns them into " "): folded
# before the mojibake repair, so that it sees what a second cleaning would see ("Â\x1f" -> "Â ")
_CONTROL_SPACES = re.compile("[\x0b\x0c\x1c-\x1f]")


def clean_text(text: str) -> str:
    """Normalise a text for storage: mojibake repair, entities, NFC, spaces, controls, forms."""
    if not text:
        return ""
    if _CONTROL_SPACES.search(text):
        text = _CONTROL_SPACES.sub(" ", text)
    if _MOJIBAKE_HINT.search(text):
        # Only repair encoding when it looks mangled; ftfy's other fixes (quotes etc.) are off.
        text = ftfy.fix_encoding(text)
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    text = _SPECIAL.sub(lambda m: m.group().translate(_TABLE), text)
    if "\u0640" in text:
        text = _ELONGATION.sub("", text)
    if _PRESENTATION.search(text):
        text = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


_ARABIC_DIACRITICS = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]")
_KEY_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
     **{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
)
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_DIGITS = re.compile(r"\d+")


_FOLDED = re.compile("[" + "".join(sorted(chr(c) for c in _KEY_FOLD)) + "]")


def _fold_letters(text: str) -> str:
    """Arabic letter variants, Eastern digits and marks folded (case and digit runs are not)."""
    if not text.isascii():
        text = text.replace("\u0640", "")  # tatweel, also where the stored text keeps it
        if _FOLDED.search(text):  # str.translate with a dict costs ~0.1 us a character: only when needed
            text = text.translate(_KEY_FOLD)
        text = _ARABIC_DIACRITICS.sub("", text)
    return text


def _fold_chars(text: str) -> str:
    return _DIGITS.sub("0", _fold_letters(text).casefold())


def fold(text: str) -> str:
    """Fold a text for matching: case, digits, punctuation, Arabic letter variants and marks."""
    return _NON_WORD.sub(" ", _fold_chars(text)).strip()


def fold_words(text: str) -> list[str]:
    """`fold(text).split()` in one regex pass (the words are the runs between _NON_WORD's matches);
    digit runs are folded per word, only in the words that have digits (a whole-text `\\d` scan
    costs as much as finding the words)."""
    return [w if w.isalpha() else _DIGITS.sub("0", w) for w in _WORD.findall(_fold_letters(text).casefold())]


@lru_cache(maxsize=1 << 16)
def match_key(text: str) -> str:
    """`fold` for a line, cached: lines recur (repeated titles, templates, the fixpoint rounds)."""
    return fold(text)
