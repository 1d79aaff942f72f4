"""The emoji-sequence matcher, checked against the `emoji` library's list of every emoji."""

from __future__ import annotations

import pytest

from twitter_tutor.analysis import analyze
from twitter_tutor.analysis.emoji_seq import find_emoji


def _found(text: str) -> list[str]:
    return [text[start:end] for start, end in find_emoji(text)]


def test_every_fully_qualified_emoji_is_one_sequence() -> None:
    emoji = pytest.importorskip("emoji")
    fully_qualified = emoji.STATUS["fully_qualified"]
    missed = [
        e
        for e, data in emoji.EMOJI_DATA.items()
        if data["status"] == fully_qualified and _found(f"a{e}b") != [e]
    ]
    assert missed == []


def test_minimally_qualified_zwj_sequences_are_one_sequence() -> None:
    emoji = pytest.importorskip("emoji")
    minimally = emoji.STATUS["minimally_qualified"]
    missed = [
        e
        for e, data in emoji.EMOJI_DATA.items()
        if data["status"] == minimally and "\u200d" in e and _found(e) != [e]
    ]
    assert missed == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hallo 😀 Welt", ["😀"]),
        ("👍🏽👍", ["👍🏽", "👍"]),
        ("👨‍👩‍👧‍👦!", ["👨‍👩‍👧‍👦"]),
        ("🇩🇪🇫🇷", ["🇩🇪", "🇫🇷"]),
        ("🏴󠁧󠁢󠁳󠁣󠁴󠁿", ["🏴󠁧󠁢󠁳󠁣󠁴󠁿"]),
        ("1⃣ #️⃣", ["1⃣", "#️⃣"]),
        ("❤️ ❤", ["❤️", "❤"]),  # text-default above U+2000 counts alone, like twitter-text
        ("☺︎", []),  # ...unless asked for text presentation
        ("© ®", []),  # below U+2000 only with U+FE0F
        ("©️", ["©️"]),
        ("123 #tag *", []),
        ("", []),
        ("\udcff\ud83d", []),  # lone surrogates
    ],
)
def test_sequences(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


def test_analysis_lists_emoji_as_they_appear() -> None:
    assert analyze("Heute 😀 und 👨‍👩‍👧 🇩🇪").emoji == ("😀", "👨‍👩‍👧", "🇩🇪")
