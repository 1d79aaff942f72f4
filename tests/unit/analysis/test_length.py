"""Weighted length and validity beyond the conformance suite."""

from __future__ import annotations

import pytest

from twitter_tutor.analysis import analyze, weighted_length


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("", 0),
        ("abc", 3),
        ("äöü ß", 5),  # Latin letters below U+10FF weigh 1
        ("日本語", 6),  # CJK weighs 2
        ("e\u0301", 1),  # NFC makes é: one code point
        ("a https://example.com/a/very/long/path/indeed?x=1 b", 27),  # a URL is 23
        ("example.de", 23),  # so is one without protocol
        ("😀", 2),
        ("👨‍👩‍👧‍👦", 2),  # one ZWJ sequence, seven code points
        ("🇩🇪", 2),
        ("1⃣", 2),
        ("© 2024", 6),  # © alone is text
        ("©️", 2),  # with U+FE0F it is an emoji
        ("\u2018quoted\u2019", 8),  # general punctuation in the light ranges
        ("\udcff", 2),  # a lone surrogate: a code point outside the light ranges
    ],
)
def test_weighted_length(text: str, length: int) -> None:
    assert weighted_length(text) == length
    assert analyze(text).weighted_length == length


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("Hallo", True),
        ("x" * 280, True),
        ("x" * 281, False),
        ("日" * 140, True),
        ("日" * 141, False),
        ("", False),
        ("   \n\t ", False),  # nothing to read is no tweet
        ("abc\ufffe", False),
        ("abc\ufeff", False),
        ("abc\uffff", False),
        ("abc\udcff", False),  # invalid UTF-8 that came in as a surrogate escape
        ("\u202aabc\u202c", True),  # directional marks are fine (conformance suite)
    ],
)
def test_validity(text: str, valid: bool) -> None:
    assert analyze(text).valid is valid
