"""Is a tweet German or English? Counting frequent words and umlauts: no model, no network.

Each language scores one point per word from its `[language] words` list (words of both lists
are ignored) and, for German, one per word with ä, ö, ü or ß. The language asked for as
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
    """word -> the one language it is typical of; (language, typical letters) pairs."""
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


def detect(text: str, tokens: Sequence[Token], default: str = "en") -> str | None:
    """The clear language of `tokens` (words of `text`), or None."""
    default = check_lang(default)
    word_lang, letters = _evidence()
    points = dict.fromkeys(LANGS, 0.0)
    for start, end, word in tokens:
        lang = word_lang.get(word)
        if lang is not None:
            points[lang] += 1
        raw = text[start:end]
        if not raw.isascii():  # typical letters are non-ASCII (checked on load): skip most words
            raw = raw.lower()
            for lang, chars in letters:
                if any(char in chars for char in raw):
                    points[lang] += 1
    points[default] += HEAD_START
    best = max(LANGS, key=lambda lang: points[lang])
    others = max(points[lang] for lang in LANGS if lang != best)
    if points[best] >= MIN_POINTS and points[best] >= MIN_RATIO * others:
        return best
    return None
