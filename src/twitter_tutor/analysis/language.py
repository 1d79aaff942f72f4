"""Is a tweet German or English? Counting frequent words and umlauts: no model, no network.

Each language scores one point per word from its vocabulary (its `[language] words` and the
words of its signals; words both lexicons list are ignored) and one per typical letter
(`[language] letters`: ä, ö, ü, ß for German). The language asked for as
`default` gets a head start of half a point, so it wins close calls. A language is "clear"
with at least 2 points and twice the points of the other; otherwise the answer is None.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from twitter_tutor.analysis.lexicon import LANGS, language_evidence
from twitter_tutor.analysis.tokens import Token

MIN_POINTS = 2.0
MIN_RATIO = 2.0
HEAD_START = 0.5


@cache
def _evidence() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """word -> the one language it is typical of; (language, its typical letters)."""
    evidence = language_evidence()
    word_lang = {word: lang for lang, (words, _) in evidence.items() for word in words}
    letters = tuple((lang, chars) for lang, (_, chars) in evidence.items() if chars)
    return word_lang, letters


def check_lang(lang: str) -> str:
    """`lang` lower-cased if it is a supported language, else ValueError."""
    value = lang.lower()
    if value not in LANGS:
        raise ValueError(f"unsupported language {lang!r} (use one of: {', '.join(LANGS)})")
    return value


def detect(
    text: str, tokens: Sequence[Token], default: str = "en", *, letters: bool = True
) -> str | None:
    """The clear language of `tokens` (words of `text`), or None. `letters=False` counts
    words only: umlauts in names or in gibberish ("Café Köln", "AA0ÖÖ") are no sentence."""
    default = check_lang(default)
    word_lang, typical = _evidence()
    points = dict.fromkeys(LANGS, 0.0)
    for _, _, word in tokens:
        lang = word_lang.get(word)
        if lang is not None:
            points[lang] += 1
    if letters and not text.isascii():  # typical letters are non-ASCII (checked on load)
        lowered = text.lower()
        for lang, chars in typical:
            points[lang] += sum(lowered.count(char) for char in chars)
    points[default] += HEAD_START
    best = max(LANGS, key=lambda lang: points[lang])
    others = max(points[lang] for lang in LANGS if lang != best)
    if points[best] >= MIN_POINTS and points[best] >= MIN_RATIO * others:
        return best
    return None
