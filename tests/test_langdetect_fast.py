"""The fast langdetect loop must give langdetect's own answers: same seeded draws, same profiles."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from langdetect.lang_detect_exception import LangDetectException

from newsclean.pipeline.langdetect_fast import _NORMALIZE, FastDetector
from newsclean.pipeline.langid import SAMPLE_CHARS, LangdetectBackend
from newsclean.pipeline.scripts import dominant_script

GATE = Path(__file__).parent / "data" / "gate"
SEEDS = Path(__file__).parent / "data" / "seeds"


def _factory(script: str):
    """The profiles the default backend uses (langdetect's own DetectorFactory, seeded)."""
    return LangdetectBackend().profiles(script)


def _samples() -> list[str]:
    """Real text: every line of the bundled pages' dumps and of the seeds (menus, headlines,
    captions, paragraphs; Latin and Arabic script), plus 400-character windows of whole pages."""
    texts = []
    for p in sorted(GATE.glob("*/*.txt")) + sorted(SEEDS.rglob("*.txt")):
        body = p.read_text(errors="replace")
        texts += [ln for ln in body.splitlines() if ln.strip()][::8]  # every 8th line: ~1,300 in all
        texts += [body[i:i + SAMPLE_CHARS] for i in range(0, min(len(body), 4000), 1000)]
    return texts


@pytest.mark.parametrize("script", ["Latin", "Arabic", "Cyrillic"])
def test_same_answers_as_langdetect(script):
    factory = _factory(script)
    fast = FastDetector(factory, max_text_length=SAMPLE_CHARS)
    texts = [t for t in _samples() if dominant_script(t) == script]
    if script == "Arabic":  # the bundled Arabic page's lines, and sentences in the three candidates
        page = json.loads((Path(__file__).parent / "data" / "arabic" / "trafilatura-1f7678ec740fa0b3.json").read_text())
        texts += page["with"] + page["without"] + [
            "أعلنت وزارة الصحة اليوم عن ارتفاع عدد الحالات المسجلة في العاصمة خلال الأسبوع الماضي.",
            "وزیر امور خارجه ایران گفت که مذاکرات در هفته آینده ادامه خواهد یافت.",
            "وزیر اعظم نے کہا کہ حکومت عوام کی فلاح کے لیے نئے منصوبے شروع کرے گی۔"]
    if script == "Cyrillic":  # no bundled Cyrillic page: real sentences in the three candidates
        texts = ["Президент России заявил журналистам, что переговоры продолжатся на следующей неделе.",
                 "Україна отримала нову партію допомоги від європейських партнерів у вівторок.",
                 "Правителството обяви нови мерки за подкрепа на земеделските производители.",
                 "Москва", "НАТО и США"]
    assert len(texts) >= 5
    compared = 0
    for text in texts:
        det = factory.create()
        det.set_max_text_length(SAMPLE_CHARS)
        det.append(text)
        try:
            expected = [(lang.lang, lang.prob) for lang in det.get_probabilities()]
        except LangDetectException:
            expected = []
        got = fast.probabilities(text)
        assert [lang for lang, _ in got] == [lang for lang, _ in expected], text
        assert all(abs(a - b) < 1e-9 for (_, a), (_, b) in zip(got, expected)), text
        compared += bool(expected)
    assert compared >= 5  # most samples have n-grams to compare on


def test_capital_runs_and_word_cache_keep_langdetect_order():
    """All-capital words, mixed case and repeated words (served from the word cache the second
    time) give langdetect's n-gram list in langdetect's order."""
    factory = _factory("Latin")
    fast = FastDetector(factory)
    text = "NASA and the EU said McDonald's HQ in the USA was OK, said the NASA team.  The end "
    det = factory.create()
    det.append(text)
    det.cleaning_text()
    expected = [fast.index[w] for w in det._extract_ngrams()]
    assert fast._ngrams(fast._text(text)) == expected
    assert fast._ngrams(fast._text(text)) == expected  # second time from the cache


def test_mean_log_likelihoods_is_naive_bayes_over_each_texts_words():
    """The screen's per-word cache and batched sums give, per text, the plain naive-Bayes mean over its
    words' n-grams; a text with no word (here an empty one between two others) is NaN, not its
    neighbour's sum."""
    import numpy as np

    det = FastDetector(_factory("Latin"), max_text_length=SAMPLE_CHARS)
    # a word new to the cache twice in one text ("talks"), then further new words: each keeps its own row
    texts = ["The minister told reporters on Thursday that talks talks would resume.", "",
             "Le ministre a déclaré jeudi que les discussions reprendraient bientôt.", "The minister again."]
    got = det.mean_log_likelihoods(texts)
    for text, row in zip(texts, got):
        rows = [r for w in text.split() for r in det._word_ngrams(" " + w.translate(_NORMALIZE) + " ")]
        if not rows:
            assert np.isnan(row).all()
            continue
        assert np.allclose(row, det._log[rows].sum(axis=0) / len(rows))
    assert det.langs[int(np.argmax(got[0]))] == "en" and det.langs[int(np.argmax(got[2]))] == "fr"
    assert np.allclose(det.mean_log_likelihoods(texts[::-1])[::-1], got, equal_nan=True)  # order-free, cached or not


def test_paragraph_languages_name_quotes_in_the_same_script():
    from newsclean.pipeline.langid import paragraph_languages

    paras = ["The government on Thursday announced a new plan to support exports over the next five years.",
             "« Nous avons discuté de la situation humanitaire et de la nécessité d'un cessez-le-feu », a déclaré le ministre.",
             "The official spokesman said the plan includes tax incentives for exporters and easier shipping.",
             "„Wir haben über die humanitäre Lage in der Region gesprochen“, sagte der Minister am Donnerstag.",
             "THE MINISTER SAID THE PLAN WOULD BE PRESENTED TO PARLIAMENT NEXT WEEK FOR A FIRST READING.",
             "Paris, Berlin."]
    assert paragraph_languages(paras, "Latin", "en") == ["en", "fr", "en", "de", "en", "en"]  # capitals, two words: the document's
    assert paragraph_languages(paras[::2], "Latin", "en") == ["en", "en", "en"]
    assert paragraph_languages(["Τα νέα της ημέρας από την Αθήνα και τον κόσμο."], "Greek", "el") == ["el"]
