"""langdetect's detector, computed faster: same profiles, same seeded draws, same answers.

langdetect (`Detector._detect_block`) extracts character 1-3-grams one method call per character,
then runs 7 trials that each draw n-grams at random and multiply ~20 language probabilities in a
Python loop, checking convergence every 5 draws. That costs ~3 ms per 400-character sample, more
than everything else newsclean adds to a page. Here:

- n-grams come from one pass per word, cached per word (same state machine as
  `langdetect.utils.ngram.NGram`: capital-word rule, space handling, 3-gram window, same order);
- the seeded generator's 32-bit words are drawn in bulk and read back exactly as langdetect's
  `random.choice` and `random.gauss` calls read them, so every trial draws the same n-grams; the
  products are taken in log space with numpy over blocks of draws and each trial stops at the
  convergence checkpoint where langdetect's would.

The result equals langdetect's `get_probabilities()` up to floating-point rounding (1e-9 on the
bundled pages' lines and samples: tests/test_langdetect_fast.py). langdetect itself still provides the
profiles, the text filters and the language list.
"""
from __future__ import annotations

import bisect
import math
import random
import re

import numpy as np
from langdetect.detector import Detector
from langdetect.utils.ngram import NGram

_SPACES = re.compile(" {2,}")
_ASCII_LETTERS = re.compile("[A-z]")  # langdetect's 'A' <= ch <= 'z'
_NON_LATIN = re.compile("[\u0300-\u1dff\u1f00-\U0010ffff]")  # >= U+0300 outside Latin Extended Additional


class _NormalizeTable(dict):
    """str.translate table for `NGram.normalize`, filled per character on first sight."""

    def __missing__(self, code: int) -> str:
        self[code] = n = NGram.normalize(chr(code))
        return n


_NORMALIZE = _NormalizeTable()
_WORD_CACHE = 200_000  # words whose n-gram rows are kept; the cache is emptied when full
_DRAWS = 60  # draws evaluated per numpy step (a multiple of 5); most trials converge within 20-60


def _capital_run(p: str) -> set[int]:
    """Positions of `p` (" word" or " word ") where NGram.capitalword holds: a capital after a
    capital, and every letter after that until a non-capital."""
    skip, capital = set(), False
    for j in range(1, len(p)):
        ch = p[j]
        if ch.isupper():
            if p[j - 1].isupper():
                capital = True
        else:
            capital = False
        if capital:
            skip.add(j)
    return skip


class _WordStream:
    """The 32-bit words of a seeded `random.Random`, drawn in bulk, read back as langdetect's
    `choice(ngrams)` and `gauss()` calls would read them (CPython's Lib/random.py and
    Modules/_randommodule.c): `choice` over n items takes one word >> (32 - n.bit_length()) and
    redraws while that is >= n; `random()` takes two words; `gauss()` makes values in pairs."""

    def __init__(self, seed, n: int):
        self.rng = random.Random()
        self.rng.seed(seed)
        self.n, self.shift = n, 32 - n.bit_length()
        self.buf = np.empty(0, "<u4")
        self.cached_gauss: float | None = None
        self._more(512)

    def _more(self, count: int) -> None:
        new = np.frombuffer(self.rng.getrandbits(32 * count).to_bytes(4 * count, "little"), "<u4")
        self.buf = np.concatenate([self.buf, new])
        picks = self.buf >> self.shift
        self.at = np.flatnonzero(picks < self.n)  # positions of the words choice() accepts
        self.picks = picks[self.at]
        self.at_list = self.at.tolist()

    def choices(self, pos: int, count: int) -> tuple[np.ndarray, np.ndarray]:
        """The next `count` choice() results from word `pos` on, and the position of each."""
        while True:
            j = bisect.bisect_left(self.at_list, pos)
            if j + count <= len(self.at_list):
                return self.at[j:j + count], self.picks[j:j + count]
            self._more(len(self.buf))

    def _random(self, pos: int) -> float:
        while pos + 2 > len(self.buf):
            self._more(len(self.buf))
        a, b = int(self.buf[pos]), int(self.buf[pos + 1])
        return ((a >> 5) * 67108864.0 + (b >> 6)) * (1.0 / 9007199254740992.0)

    def gauss(self, pos: int) -> tuple[float, int]:
        """Random.gauss(0, 1) at word `pos`: the value and the position after it."""
        if self.cached_gauss is not None:
            z, self.cached_gauss = self.cached_gauss, None
            return z, pos
        x2pi = self._random(pos) * 2.0 * math.pi
        g2rad = math.sqrt(-2.0 * math.log(1.0 - self._random(pos + 2)))
        self.cached_gauss = math.sin(x2pi) * g2rad
        return math.cos(x2pi) * g2rad, pos + 4


class FastDetector:
    """Built once per langdetect factory (a set of profiles); `probabilities` per text."""

    def __init__(self, factory, max_text_length: int = 10000):
        self.langs = list(factory.langlist)
        self.seed = factory.seed
        self.max_text_length = max_text_length
        words = list(factory.word_lang_prob_map)
        self.index = {w: i for i, w in enumerate(words)}
        self.matrix = np.array([factory.word_lang_prob_map[w] for w in words], dtype=np.float64)
        self._word_rows: dict[str, list[int]] = {}  # word -> its n-grams' rows (words recur: Zipf)
        # mean_log_likelihoods: per word seen, the sum of its n-grams' log(profile + smoothing) and their count
        self._log = np.log(self.matrix + Detector.ALPHA_DEFAULT / Detector.BASE_FREQ)
        self._word_id: dict[str, int] = {}
        self._word_ll = np.zeros((1024, len(self.langs) + 1))

    def _text(self, text: str) -> str:
        """`Detector.append` + `Detector.cleaning_text`: URLs, e-mails and Vietnamese marks, the text
        cut to max_text_length, space runs collapsed; Latin letters dropped from a text that is
        mostly another script."""
        text = Detector.URL_RE.sub(" ", text)
        text = Detector.MAIL_RE.sub(" ", text)
        text = _SPACES.sub(" ", NGram.normalize_vi(text)[:self.max_text_length])
        if len(_ASCII_LETTERS.findall(text)) * 2 < len(_NON_LATIN.findall(text)):
            text = _ASCII_LETTERS.sub("", text)
        return text

    def _ngrams(self, text: str) -> list[int]:
        """`Detector._extract_ngrams`, as row indices into the profile matrix, in the same order.

        langdetect's n-gram window restarts at every space, so per word it yields the 1-3-grams
        ending at each letter of " word" and, when a space follows, at that space (the lone " "
        excluded); inside a run of capitals (from the second capital on) it yields nothing."""
        out: list[int] = []
        words = text.translate(_NORMALIZE).split(" ")
        last = len(words) - 1
        cache = self._word_rows
        for k, w in enumerate(words):
            if w:
                key = w + " " if k < last else w
                rows = cache.get(key)
                if rows is None:
                    if len(cache) >= _WORD_CACHE:
                        cache.clear()
                    rows = cache[key] = self._word_ngrams(" " + key)
                out += rows
        return out

    def _word_ngrams(self, p: str) -> list[int]:
        index, out = self.index, []
        skip = _capital_run(p) if any(c.isupper() for c in p[2:]) else ()
        for e in range(2, len(p) + 1):
            if e - 1 in skip:
                continue
            for g in (p[e - 1:e], p[e - 2:e], p[e - 3:e] if e >= 3 else None):
                if g is not None and g != " " and (i := index.get(g)) is not None:
                    out.append(i)
        return out

    def mean_log_likelihoods(self, texts: list[str]) -> np.ndarray:
        """Per text (its first max_text_length characters), every language's mean log-likelihood per
        n-gram under the same profiles and smoothing: naive Bayes over all n-grams instead of seven
        sampled trials, deterministic and far cheaper, for screening many paragraphs. Each word is
        scored once per process (words recur). Shape (texts, languages); NaN for a text with no
        known n-gram."""
        if len(self._word_id) >= _WORD_CACHE:
            self._word_id.clear()
        ids, starts, get = [], [], self._word_id.get
        for text in texts:
            starts.append(len(ids))
            words = text[:self.max_text_length].split()
            found = list(map(get, words))  # C-level lookups; a word seen first is scored below
            # (looked up again: a word new to the cache may come twice in one text)
            ids += found if None not in found else [i or get(w) or self._score_word(w) for i, w in zip(found, words)]
        if not ids:
            return np.full((len(texts), len(self.langs)), np.nan)
        sums = np.add.reduceat(self._word_ll[ids], np.minimum(starts, len(ids) - 1), axis=0)
        sums[np.diff([*starts, len(ids)]) == 0] = 0.0  # reduceat gives an empty text the next text's first row
        counts = sums[:, -1:]
        return np.divide(sums[:, :-1], counts, out=np.full_like(sums[:, :-1], np.nan), where=counts > 0)

    def _score_word(self, word: str) -> int:
        rows = self._word_ngrams(" " + word.translate(_NORMALIZE) + " ")
        i = len(self._word_id) + 1  # row 0 stays zero: `get` returns 0 for no word
        if i >= len(self._word_ll):
            self._word_ll = np.concatenate([self._word_ll, np.zeros_like(self._word_ll)])
        self._word_ll[i, :-1] = self._log[rows].sum(axis=0) if rows else 0.0
        self._word_ll[i, -1] = len(rows)
        self._word_id[word] = i
        return i

    def probabilities(self, text: str) -> list[tuple[str, float]]:
        """(language, probability) above langdetect's 0.1 threshold, most probable first; [] when
        the text has no known n-gram (langdetect raises CantDetectError there)."""
        rows = self._ngrams(self._text(text))
        if not rows:
            return []
        probs = self.matrix[rows]
        stream = _WordStream(self.seed, len(rows))
        pos = 0
        finals = []  # each trial's log probabilities when it stopped
        for _ in range(7):  # Detector.n_trial
            g, pos = stream.gauss(pos)
            weight = (Detector.ALPHA_DEFAULT + g * Detector.ALPHA_WIDTH) / Detector.BASE_FREQ
            drawn, acc = 0, 0.0  # accepted draws so far in this trial (langdetect's i), their log product
            while True:
                at_pos, picks = stream.choices(pos, _DRAWS)
                steps = np.cumsum(np.log(weight + probs[picks]), axis=0)
                if drawn:
                    steps += acc
                # langdetect checks after its draw i = 0, 5, 10, ... (drawn is a multiple of 5) up to i = 1000
                checks = steps[::5]
                maxp = 1.0 / np.exp(checks - checks.max(axis=1, keepdims=True)).sum(axis=1)
                done = np.flatnonzero(maxp > Detector.CONV_THRESHOLD)
                limit = (Detector.ITERATION_LIMIT - drawn + 4) // 5  # first check at i >= 1000
                if done.size or limit < len(checks):
                    last = 5 * min(int(done[0]) if done.size else len(checks), limit)
                    pos = int(at_pos[last]) + 1
                    finals.append(steps[last])
                    break
                drawn, acc, pos = drawn + len(picks), steps[-1], int(at_pos[-1]) + 1
        finals = np.array(finals)
        p = np.exp(finals - finals.max(axis=1, keepdims=True))
        total = (p / p.sum(axis=1, keepdims=True)).sum(axis=0) / 7
        ranked = [(lang, float(p)) for lang, p in zip(self.langs, total) if p > Detector.PROB_THRESHOLD]
        ranked.sort(key=lambda lp: lp[1], reverse=True)
        return ranked
