"""Weighted length and validity of a tweet, as twitter-text's parseTweet with config v3.

Config v3 (tests/data/twitter-text/v3.json): at most 280; code points 0-4351, 8192-8205,
8208-8223 and 8242-8247 count 1, every other code point 2; a URL counts 23 however long; an
emoji sequence counts 2 however many code points it has. The text is NFC-normalised first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from twitter_tutor.analysis.charsets import INVALID
from twitter_tutor.analysis.emoji_seq import find_emoji
from twitter_tutor.analysis.urls import extract_url_matches

MAX_WEIGHTED_LENGTH = 280
URL_LENGTH = 23
EMOJI_LENGTH = 2

# twitter-text's invalid characters are charsets.INVALID (U+FFFE, U+FEFF, U+FFFF). The
# directional marks U+202A-U+202E were dropped from that list: its conformance suite counts a
# tweet with them as valid.


@cache
def _heavy() -> re.Pattern[str]:
    # Everything outside the ranges of weight 100.
    return re.compile("[^\x00-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")


def _plain_length(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text) + len(_heavy().findall(text))


def normalize(text: str) -> str:
    """NFC, as twitter-text counts; lone surrogates pass through unchanged."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def weighted_length(text: str) -> int:
    """The length Twitter counts against the 280 limit."""
    normalized = normalize(text)
    urls = [(m.start, m.end) for m in extract_url_matches(normalized)]
    return weighted_from_spans(normalized, urls, find_emoji(normalized))


def weighted_from_spans(
    normalized: str, urls: Iterable[tuple[int, int]], emoji: Iterable[tuple[int, int]]
) -> int:
    """The weighted length of NFC text whose URL and emoji spans are already known."""
    spans = sorted(
        [(start, end, URL_LENGTH) for start, end in urls]
        + [(start, end, EMOJI_LENGTH) for start, end in emoji]
    )
    total = 0
    position = 0
    for start, end, weight in spans:
        if start < position:
            continue  # an emoji inside a URL: the URL already counted it
        total += _plain_length(normalized[position:start]) + weight
        position = end
    return total + _plain_length(normalized[position:])


def has_invalid_characters(text: str) -> bool:
    """U+FFFE, U+FEFF, U+FFFF, or a lone surrogate (invalid UTF-8 decoded with surrogateescape)."""
    if text.isascii():
        return False
    if any(char in text for char in INVALID):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def is_valid(text: str, length: int) -> bool:
    """Valid to post: some visible text, at most 280 weighted, no invalid characters."""
    return (
        bool(text.strip())
        and 0 < length <= MAX_WEIGHTED_LENGTH
        and not has_invalid_characters(text)
    )
