"""Grading: scores, pass rules and messages for every exercise type and rule, in both languages."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from twitter_tutor.content.models import Exercise
from twitter_tutor.grading import AnswerError, grade, parse_answer
from twitter_tutor.grading.tweet_checks import GATES, LANGUAGE

ADAPTER: TypeAdapter[Any] = TypeAdapter(Exercise)


def exercise(**data: Any) -> Any:
    data.setdefault("id", "x")
    return ADAPTER.validate_python(data)


CHOICE = exercise(
    type="choice",
    question="Q?",
    choices=[
        {"text": "A", "correct": True, "why": "a"},
        {"text": "B", "correct": False, "why": "b"},
        {"text": "C", "correct": True},
        {"text": "D", "correct": False},
    ],
)
PICK = exercise(
    type="pick",
    question="Q?",
    items=[
        {"author": "A", "handle": "@a", "text": "x", "pick": True, "why": "good"},
        {"author": "B", "handle": "@b", "text": "y", "pick": True},
        {"author": "C", "handle": "@c", "text": "z", "pick": False, "why": "bot"},
        {"author": "D", "handle": "@d", "text": "w", "pick": False},
    ],
)


def compose(*checks: dict[str, Any], **extra: Any) -> Any:
    # The rules on their own: the substance floor has tests of its own (test_floor.py).
    extra.setdefault("floor", {"enabled": False})
    return exercise(type="compose", prompt="Write.", checks=list(checks), **extra)


@pytest.mark.parametrize(
    ("answer", "score", "passed"),
    [("1,3", 100, True), ("1", 50, False), ("1,2,3", 50, False), ("2,4", 0, False), ("1,2,3,4", 0, False)],
)
def test_choice_scores(answer: str, score: int, passed: bool) -> None:
    result = grade(CHOICE, parse_answer(CHOICE, answer), "en")
    assert (result.score, result.passed) == (score, passed)
    by_number = {i.number: i for i in result.items}
    assert by_number[1].why == "a" and by_number[2].selected == ("2" in answer)
    assert [i.right for i in result.items] == [
        (str(n) in answer.split(",")) == c for n, c in zip(range(1, 5), [True, False, True, False], strict=True)
    ]


@pytest.mark.parametrize(
    ("answer", "score"),
    [("1,2", 100), ("1,2,3,4", 0), ("1", 50), ("1,2,3", 50), ("3,4", 0), ("1,3", 0)],
)
def test_pick_a_wrong_pick_costs_what_a_right_one_earns(answer: str, score: int) -> None:
    result = grade(PICK, parse_answer(PICK, answer), "en")
    assert result.score == score


def test_pick_none_is_an_error_not_a_pass() -> None:
    with pytest.raises(AnswerError):
        parse_answer(PICK, " ")


@pytest.mark.parametrize("raw", ["", "0", "5", "1,x", "1;;", "-1"])
def test_bad_numbers(raw: str) -> None:
    with pytest.raises(AnswerError):
        parse_answer(CHOICE, raw)


def test_compose_weights_and_required() -> None:
    ex = compose(
        {"rule": "max_length", "limit": 20, "required": True},
        {"rule": "min_length", "limit": 5, "weight": 3},
    )
    long = grade(ex, "x" * 30, "en")
    assert long.score == 75 and not long.passed
    assert "30/20" in long.checks[0].message and "10 too many" in long.checks[0].message
    assert "required" in long.summary
    ok = grade(ex, "hello there", "en")
    assert ok.score == 100 and ok.passed


def test_max_hashtags_quotes_the_tags_in_both_languages() -> None:
    ex = compose({"rule": "max_hashtags", "limit": 2})
    en = grade(ex, "Read this #seo #sem #ads", "en").checks[0]
    assert not en.passed
    assert en.message == "3 hashtags (#seo #sem #ads): keep it to 2 or fewer."
    de = grade(ex, "Lies das #seo #sem #ads", "de").checks[0]
    assert de.message == "3 Hashtags (#seo #sem #ads): höchstens 2, bitte."


def test_mentions_any_and_avoids_whole_words() -> None:
    ex = compose(
        {"rule": "mentions_any", "words": ["Kaffee", "coffee"]},
        {"rule": "avoids", "words": ["ad", "Rabatt"]},
    )
    result = grade(ex, "Ich lese gerade über Kaffee. Readers welcome!", "de")
    assert [c.passed for c in result.checks] == [True, True]  # "ad" is not inside "Readers"
    assert "„Kaffee“" in result.checks[0].message
    bad = grade(ex, "Tee mit 10 % RABATT", "de")
    assert [c.passed for c in bad.checks] == [False, False]
    assert "„RABATT“" in bad.checks[1].message
    # Feedback never lists the trainer's words: neither a missed nor an avoided one.
    assert "Kaffee" not in bad.checks[0].message and "coffee" not in bad.checks[0].message
    assert "Rabatt" not in result.checks[1].message


def test_kind_rules_explain_with_signals() -> None:
    ex = compose({"rule": "not_promotional"}, {"rule": "personal_voice"}, {"rule": "engaging"})
    ad = grade(ex, "Jetzt kaufen! 50% Rabatt auf alles, nur heute!!!", "de")
    assert not ad.checks[0].passed
    assert "Werbung" in ad.checks[0].message and ad.checks[0].signals
    human = grade(ex, "Ich habe heute meinen ersten Tweet geschrieben. Wie war euer erster?", "de")
    assert [c.passed for c in human.checks] == [True, True, True]
    en = grade(ex, "I finally tried the new café next door and I love it. What's yours?", "en")
    assert [c.passed for c in en.checks] == [True, True, True]


def test_hint_only_on_failure() -> None:
    ex = compose({"rule": "engaging", "hint": "Ask something."})
    assert grade(ex, "Statement.", "en").checks[0].hint == "Ask something."
    assert grade(ex, "What do you think?", "en").checks[0].hint is None


PLAN = exercise(
    type="plan",
    prompt="Plan.",
    count=3,
    max_promotional=1,
    min_personal=1,
    min_conversational=1,
    checks=[{"rule": "max_length"}],
    floor={"enabled": False},
)


def test_plan_mix_rules_weigh_count() -> None:
    good = (
        "I baked bread this morning and it actually worked, I'm so happy.\n"
        "Which newsletter tool do you use, and why?\n"
        "New study: 40% of readers open newsletters on mobile (source: example.com/study)."
    )
    result = grade(PLAN, parse_answer(PLAN, good), "en")
    assert result.passed, [c.message for c in result.checks]
    rated = [c for c in result.checks if c.rule != "kinds"]
    assert len(rated) == 3 + 3
    assert all(c.weight == 3 for c in rated[3:])
    kinds = [c.message for c in result.checks if c.rule == "kinds"]
    assert kinds == [
        "Tweet 1 counts as: personal.",
        "Tweet 2 counts as: invites a reply.",
        "Tweet 3 counts as: informative.",
    ]
    assert result.to_json()["tweets"][1] == {  # type: ignore[index]
        "tweet": 2, "kinds": ["conversational"], "product": False, "counted": True
    }
    ads = "Buy now! 50% off!\nHuge sale, order today!!!\nLimited offer: buy now!"
    bad = grade(PLAN, parse_answer(PLAN, ads), "en")
    assert not bad.passed
    mix = {c.rule: c for c in bad.checks if c.tweet is None and c.rule != "kinds"}
    assert not mix["max_promotional"].passed
    assert "3 tweets about your products or advertising out of 3" in mix["max_promotional"].message
    # 3 length checks pass (3 x 1), three mix rules fail (3 x 3): 3/12
    assert bad.score == 25


def test_plan_missing_tweets_count_as_empty() -> None:
    result = grade(PLAN, parse_answer(PLAN, "What do you think about this, friends?"), "en")
    empty = [c for c in result.checks if c.tweet in (2, 3)]
    assert empty and all(not c.passed for c in empty)
    assert "Tweet 2 is empty." in empty[0].message


def test_plan_too_many_lines_is_an_error() -> None:
    with pytest.raises(AnswerError, match="4 tweets given"):
        parse_answer(PLAN, "a\nb\nc\nd")


def test_json_shape() -> None:
    data = grade(PLAN, parse_answer(PLAN, "a\nb\nc"), "de").to_json()
    assert set(data) >= {"score", "passed", "checks"}
    assert set(data["checks"][0]) >= {"rule", "passed", "message", "weight", "required"}  # type: ignore[index]
    items = grade(CHOICE, frozenset({1}), "de").to_json()
    assert "items" in items and "checks" not in items


ALL_RULES = compose(
    {"rule": "max_length"},
    {"rule": "min_length", "limit": 10},
    {"rule": "not_promotional"},
    {"rule": "personal_voice"},
    {"rule": "engaging"},
    {"rule": "max_hashtags", "limit": 1},
    {"rule": "mentions_any", "words": ["kaffee", "☕"]},
    {"rule": "avoids", "words": ["[bold]", "ad"]},
)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["de", "en"]))
def test_compose_grading_never_raises_and_is_consistent(text: str, lang: str) -> None:
    result = grade(ALL_RULES, text, lang)
    assert 0 <= result.score <= 100
    assert result.passed == (result.score >= 70 and all(c.passed for c in result.checks if c.required))
    # The rubric is always there, in order; a gate (floor, copy, language) shows only when failed.
    gates = [c for c in result.checks if c.rule in GATES]
    assert [c.rule for c in result.checks if c.rule not in GATES] == [
        check.rule for check in ALL_RULES.checks
    ]
    assert not any(c.passed for c in gates)
    assert all(c.message for c in result.checks)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("AA0AA0AA0ÖÖ", "en"),  # found by hypothesis: umlauts in gibberish are no German
        ("Café Köln Düsseldorf Lübeck Würzburg, see you there", "en"),
        ("Great coffee at the Café Müller this morning, who else is here?", "en"),
    ],
)
def test_umlauts_alone_are_no_other_language(text: str, lang: str) -> None:
    result = grade(ALL_RULES, text, lang)
    assert LANGUAGE not in [c.rule for c in result.checks]


def test_a_tweet_in_the_other_language_fails_the_language_gate() -> None:
    result = grade(ALL_RULES, "Wir haben heute unseren neuen Kaffee probiert, wie findet ihr ihn?", "en")
    assert [c.rule for c in result.checks if not c.passed][:1] == [LANGUAGE]
    assert not result.passed


@settings(max_examples=100, deadline=None)
@given(st.sets(st.integers(min_value=1, max_value=4), min_size=1))
def test_pick_all_or_nothing_never_passes(chosen: set[int]) -> None:
    result = grade(PICK, frozenset(chosen), "en")
    if chosen == {1, 2, 3, 4}:
        assert result.score == 0
    assert result.passed == (result.score >= 70)
    assert result.passed <= ({3, 4}.isdisjoint(chosen) or len(chosen & {1, 2}) == 2)


def test_plan_with_an_empty_tweet_never_passes() -> None:
    lenient = exercise(type="plan", prompt="Plan.", count=3, pass_score=10, checks=[{"rule": "max_length"}])
    result = grade(lenient, ("I love my new job, honestly.", "", "What do you think?"), "en")
    assert result.score >= 10 and not result.passed
    assert "tweet 2 is still empty" in result.summary
