"""The pattern shortcuts find exactly what a plain `finditer` finds."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twitter_tutor.analysis.lexicon import load
from twitter_tutor.analysis.patterns import (
    PatternSet,
    first_characters,
    fold_for_words,
    leading_words,
)


def _plain(patterns: list[tuple[int, re.Pattern[str]]], text: str) -> list[tuple[int, int, int]]:
    return sorted(
        (m.start(), m.end(), signal)
        for signal, pattern in patterns
        for m in pattern.finditer(text)
        if m.end() > m.start()
    )


def _lexicon_patterns(lang: str) -> list[tuple[int, re.Pattern[str]]]:
    return list(load(lang).patterns.patterns)


SAMPLES = [
    "NUR HEUTE: 20 % Rabatt auf alle Balkonkraftwerke!!! Jetzt zuschlagen 👉 example.de/shop",
    "Nur 9,99 € – Rabatt von 30 %, bis zu 70 % sparen, am 12.03.2025 um 19 Uhr, seit 1985",
    "Order your kit today! Save 15% or up to 70%, from $19.99 or £12 on May 14, 7 pm, 2025-03-12",
    "1.250.000 und 1,250,000 #1 Nr. 1 No. 1 ^mk #ad #anzeige Werbung: ‼ ?? ¿ 12,5 % 540 kWh",
    "Wir beraten Sie gern. Ihr Partner. Sponsored: İn ıt ſave Kelvin \u212aWh",
    "",
]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("text", SAMPLES)
def test_lexicon_patterns_find_what_finditer_finds(lang: str, text: str) -> None:
    patterns = _lexicon_patterns(lang)
    assert sorted(load(lang).patterns.find(text)) == _plain(patterns, text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,%€$£!?#^:-/abnrSIİſ\u212a日😀"))))
def test_same_matches_on_any_mix(text: str) -> None:
    for lang in ("de", "en"):
        patterns = _lexicon_patterns(lang)
        assert sorted(load(lang).patterns.find(text)) == _plain(patterns, text)


@pytest.mark.parametrize(
    ("pattern", "chars", "digits"),
    [
        (r"[?？]+", {"?", "？"}, False),
        (r"(?<![\w.,])\d{1,3}\s?%", set(), True),
        (r"(?:€|\$)\s?\d", {"€", "$"}, False),
        (r"#1\b", {"#"}, False),
    ],
)
def test_first_characters(pattern: str, chars: set[str], digits: bool) -> None:
    start = first_characters(re.compile(pattern, re.IGNORECASE))
    assert start is not None
    assert (set(start.chars), start.digits) == (chars, digits)


@pytest.mark.parametrize("pattern", [r"\bjetzt", r"a?\d", r"[^x]", r"\w+", r"(?:x|)y"])
def test_patterns_that_may_start_anywhere_or_with_a_letter_are_scanned(pattern: str) -> None:
    assert first_characters(re.compile(pattern, re.IGNORECASE)) is None


def test_leading_words() -> None:
    assert leading_words(re.compile(r"\bjetzt\s+kaufen", re.I)) == {"jetzt"}
    assert leading_words(re.compile(r"\b(?:buy|shop)\s+now", re.I)) == {"buy", "shop"}
    assert leading_words(re.compile(r"\b(?:buy|x)\s", re.I)) == frozenset()  # one too short
    assert leading_words(re.compile(r"jetzt")) == frozenset()  # case-sensitive: no shortcut


def test_ascii_words_survive_folding_for_every_code_point() -> None:
    """Whatever case-insensitive matching takes for an ASCII letter folds to that letter, and
    folding keeps one character for one (so positions line up)."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    folded = fold_for_words(every)
    assert len(folded) == len(every)  # no character grows, none can vanish: one for one
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    for code, char in enumerate(every):
        if code > 127 and char.isalpha() and ascii_letter.fullmatch(char):
            assert folded[code].isascii(), hex(code)
            assert re.fullmatch(folded[code], char, re.IGNORECASE), hex(code)


def test_a_set_without_patterns_finds_nothing() -> None:
    assert PatternSet([]).find("anything 123 !?") == []
