"""The substance floor, copies, repeats and topics: what any practice tweet needs."""

from __future__ import annotations

import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from twitter_tutor.analysis import analyze
from twitter_tutor.content.models import Exercise, Floor
from twitter_tutor.grading import grade
from twitter_tutor.grading.similarity import copied_from, same_as_earlier
from twitter_tutor.grading.substance import shortfalls
from twitter_tutor.grading.topic import matches

ADAPTER: TypeAdapter[Any] = TypeAdapter(Exercise)


def codes(text: str, lang: str = "en", **floor: Any) -> list[str]:
    return [s.code for s in shortfalls(analyze(text, lang), Floor(**floor))]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("x", "too_few_words"),
        ("I you?", "too_few_words"),
        ("#photos #team #site #trades #nuremberg", "too_few_words"),
        ("😀 🔥 👍 @anna example.com", "too_few_words"),
        ("Photos team site trades Nuremberg portraits", "no_sentence"),
        # Keywords strung together, even with "we" and "I" among them, are no sentence.
        (
            "heat pump old house study radiators flow temperature insulation homeowners "
            "efficiency old houses we I experience",
            "no_sentence",
        ),
        (
            "ich bin neu hier arbeite marketing social media job beruf azubi lernen austausch "
            "vernetzen tipps ideen gespannt",
            "no_sentence",
        ),
        ("asdf jklö qwertz uiop hjkl", "gibberish"),
        ("dfgdfg sdfsdf xcvxcv bnmbnm fghfgh", "gibberish"),
        ("team team team team team team", "repetitive"),
        ("I AM NEW HERE AND I LOVE TWITTER SO MUCH", "shouting"),
        ("The winter range is in the shop and it is great!!!", "exclamations"),
        ("What are you all up to today? 😊", "small_talk"),
    ],
)
def test_below_the_floor(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bin neu hier und lese erst mal mit, bevor ich selbst viel schreibe.",
        "Went along to a boiler swap in Fürth: every service note since 1994 in a biscuit tin.",
        "how do u all decide what to tweet when nothing happens at work",
        "Good morning! I'm Lena, new in marketing at a heating firm, and keen to learn from you.",
        "EU rules for heat pumps change in 2026: what it means for your old boiler.",
        # "!!!" is how ads shout; a person who is thrilled may.
        "I am new here and I love it so much!!!",
        # Telegraphic, but it pauses; long runs without a pause still hold their little words.
        "Baustelle in Schwabach: Dach fertig, 18 Module drauf, alle durchgefroren. Danke ans Team!",
        "I reckon a stale entry quietly costs him jobs he never even hears about",
        "honestly not sure what to make of it yet but hoping to learn from other trades folk here",
    ],
)
def test_real_tweets_clear_the_floor(text: str) -> None:
    assert codes(text, "de" if text.startswith(("Bin", "Baustelle")) else "en") == []


def test_the_floor_can_be_tuned() -> None:
    assert codes("Hello there, friends", min_words=3) == []
    assert "too_few_words" in codes("Hello there, friends")
    assert codes("THIS IS WHAT I CALL A GREAT DAY AT WORK", allow_shouting=True) == []
    assert codes("x", enabled=False) == []


def test_copies_of_the_task_the_context_and_examples() -> None:
    task = "Write your first tweet and introduce yourself in the first person."
    sources = [("prompt", task), ("example", "I put our balcony kit up on my own balcony this week.")]
    assert copied_from("Write your first tweet and introduce yourself, in the first person!", sources) == "prompt"
    assert copied_from("introduce yourself in the first person write your first tweet", sources) == "prompt"
    assert copied_from("I put our balcony kit up on my own balcony this week.", sources) == "example"
    assert copied_from("I'm Lena and I write for a heating firm; first week on here.", sources) is None


def test_repeated_plan_tweets() -> None:
    filler = "What are you all up to today? 😊"
    assert same_as_earlier([filler, "Tip: bleed radiators.", filler]) == {3: 1}
    assert same_as_earlier(["du?", "du?", "du?"]) == {2: 1, 3: 1}
    assert same_as_earlier(["What do you think of heat pumps?", "Which solar kit do you run?"]) == {}


@pytest.mark.parametrize(
    ("text", "words", "lang", "found"),
    [
        ("Bei uns klar Baustellenfotos!", ["Foto"], "de", True),
        ("Die Fotos vom Dach", ["Foto*"], "de", True),
        ("Site photos win for us", ["photo"], "en", True),
        ("Our website is new", ["site"], "en", False),
        ("Montagmorgen in der Werkstatt", ["*montag*"], "de", True),
        ("Ganz andere Sache", ["Foto"], "de", False),
    ],
)
def test_topic_words_match_by_stem(text: str, words: list[str], lang: str, found: bool) -> None:
    assert bool(matches(text, words, lang)) == found


def test_about_is_required_by_default_and_quotes_the_learner() -> None:
    exercise = ADAPTER.validate_python(
        {
            "id": "x",
            "type": "compose",
            "prompt": "Reply.",
            "checks": [{"rule": "max_length"}],
            "about": {"words": ["Foto"], "hint": "Fotos oder Porträts?"},
        }
    )
    off = grade(exercise, "Wann ist denn dein Vortrag und kann man da hin?", "de")
    assert not off.passed
    about = next(c for c in off.checks if c.rule == "about")
    assert about.hint == "Fotos oder Porträts?"
    on = grade(exercise, "Bei uns laufen Baustellenfotos viel besser als alles andere.", "de")
    assert on.passed and "„baustellenfotos“" in next(c for c in on.checks if c.rule == "about").message


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=3000), st.sampled_from(["de", "en"]))
def test_floor_copy_and_topic_are_quick_and_never_raise(text: str, lang: str) -> None:
    started = time.perf_counter()
    shortfalls(analyze(text, lang), Floor())
    copied_from(text, [("prompt", text[::-1]), ("context", text)])
    same_as_earlier([text, text[:50], text[50:]])
    matches(text, ["Foto*", "*morgen", "site", "building site"], lang)
    assert time.perf_counter() - started < 0.5
