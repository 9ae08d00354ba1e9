"""Unicode hygiene safe for Arabic, and folding for keys that never touches stored text."""
from __future__ import annotations

import pytest

from newsclean.pipeline.textnorm import clean_text, match_key


def test_invisible_controls_removed_and_spaces_folded():
    s = "a\u00a0b\u202fc\u2009d\u200be\ufefff\u00adg\u200eh\u200fi\u061cj\u202ak\u202cl\u2066m\u2069"
    assert clean_text(s) == "a b c dtefghijklm".replace("t", "")


def test_elongation_removed_presentation_forms_folded_ligatures_kept():
    assert clean_text("العــــربية") == "العربية"  # tatweel inside a word: elongation
    # after a word's last letter it is printed text: a detached prefix, an abbreviation
    assert clean_text("تصريحات لـ«الصباح»") == "تصريحات لـ«الصباح»"
    assert clean_text("10 ربيع الآخر 1447هـ") == "10 ربيع الآخر 1447هـ"
    assert match_key("لـ«الصباح»") == match_key("ل«الصباح»")  # keys fold it all the same
    assert clean_text("ﺍﻟﻌﺮﺑﻴﺔ") == "العربية"  # presentation forms -> base letters
    assert clean_text("صلى الله عليه وسلم ﷺ") == "صلى الله عليه وسلم ﷺ"  # U+FDFA stays one character


def test_arabic_details_and_zwnj_kept():
    s = "مُحَمَّد إِلى مستشفى مدرسة ٢٠٢٥ می\u200cخواهم"
    assert clean_text(s) == s  # harakat, hamza forms, ى, ة, Eastern digits, ZWNJ (Persian)


def test_match_key_folds_for_matching_only():
    assert match_key("إلى مستشفى الأمل ٢٠٢٥") == match_key("الي مستشفي الامل 2025")
    assert match_key("Read MORE: 12 items!") == match_key("read more 99 items")
    s = "إلى مستشفى"
    clean_text(s)
    assert s == "إلى مستشفى"


def test_fold_words_are_the_words_of_fold():
    """dedup's one-pass tokenizer must give exactly fold()'s words, on every bundled page."""
    from pathlib import Path

    from newsclean.pipeline.textnorm import fold, fold_words

    texts = ["snake_case__x 3.14 ١٢ أَحْمَد – l'été 2x2", "", "___", "إلى مستشفى الأمل ٢٠٢٥"]
    texts += [p.read_text(errors="replace") for p in sorted(Path(__file__).parent.joinpath("data").rglob("*"))
              if p.is_file() and p.suffix in (".txt", ".html")]
    assert len(texts) > 20
    for t in texts:
        assert fold_words(t) == fold(t).split()


@pytest.mark.parametrize("mangled, repaired", [
    ("Dariusz JaroÅ\x84", "Dariusz Jaroń"),  # a modern/ page's author: UTF-8 read as Latin-1 by the site itself
    ("Nowym prezesem bÄ\x99dzie", "Nowym prezesem będzie"),
    ("Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©", "العربية"),
    ("Café crÃ¨me", "Café crème"),
    ("«café» est là", "«café» est là"),  # a lead byte's look-alike beside a guillemet is French, not mojibake
])
def test_mojibake_of_every_script_is_repaired(mangled, repaired):
    assert clean_text(mangled) == repaired
