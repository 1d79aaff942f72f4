"""Language detection: German or English when clear, None when not."""

from __future__ import annotations

import pytest

from twitter_tutor.analysis import analyze, detect_lang


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin müde.",
        "Heute war ein schöner Tag.",
        "Was machst du am Wochenende?",
        "Jetzt kaufen! 50% Rabatt!",
        "Die neue Förderrichtlinie gilt ab 1. März.",
        "Straße gesperrt, ich komme später.",
    ],
)
def test_german(text: str) -> None:
    assert detect_lang(text) == "de"
    assert detect_lang(text, default="de") == "de"


@pytest.mark.parametrize(
    "text",
    [
        "I am tired.",
        "What a day!",
        "Buy now! 50% off!",
        "The new subsidy rules apply from 1 March.",
        "What are you doing this weekend?",
    ],
)
def test_english(text: str) -> None:
    assert detect_lang(text) == "en"
    assert detect_lang(text, default="de") == "en"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Hallo",
        "Hello world",
        "😀😀",
        "#sale https://example.com",
        "Ich bin so happy today, love it",
    ],
)
def test_unclear_is_none(text: str) -> None:
    assert detect_lang(text) is None


def test_default_wins_close_calls_only() -> None:
    # One German and one English word: unclear either way, the head start is not enough alone.
    assert detect_lang("der the") is None
    # Two German words against one English word: German needs twice the points of English,
    # which the English head start prevents; without it, German is clear.
    text = "ich bin the"
    assert detect_lang(text, default="de") == "de"
    assert detect_lang(text, default="en") is None


def test_links_and_names_are_no_evidence() -> None:
    assert detect_lang("@ichbindu https://example.com/der-die-das-und") is None


def test_bad_default_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        detect_lang("Hallo", default="fr")


def test_analyze_uses_the_detected_language_or_english() -> None:
    assert analyze("Ich bin müde.").lang == "de"
    assert analyze("I am tired.").lang == "en"
    assert analyze("Hallo").lang == "en"
    assert analyze("Hallo", lang="de").lang == "de"
    assert analyze("Hallo", lang="DE").lang == "de"


def test_analyze_with_an_unsupported_language_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        analyze("Bonjour", lang="fr")
