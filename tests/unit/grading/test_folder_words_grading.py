"""Grading with a lesson folder's `_words.toml`: its words change the verdict on that folder's
lessons only, and the built-in course grades exactly as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from tests.unit.content.lessons import lesson
from twitter_tutor import settings
from twitter_tutor.content.course import load_course
from twitter_tutor.content.lesson import Lesson
from twitter_tutor.content.models import Exercise
from twitter_tutor.grading import grade, parse_answer, previewer
from twitter_tutor.grading.self_test import example_problems

ADAPTER: TypeAdapter[Any] = TypeAdapter(Exercise)

BODY = """## Write

```exercise
id = "shop-news"
type = "compose"
prompt = "Tell your followers what the shop did this week, without selling."

[[checks]]
rule = "not_promotional"
required = true

[[checks]]
rule = "personal_voice"
required = true

[[examples]]
text = "Forty panels went up on the school roof on Tuesday, hung by our fitters."
passes = true
```

## Plan

```exercise
id = "week"
type = "plan"
prompt = "Two tweets for the week."
count = 2
max_promotional = 0
```
"""

WORDS = """\
[en]
promotional = ["suncatcher*"]
personal = ["our fitters"]
"""

SELLING = "This week the new Suncatcher lamps arrived in the shop, just in time for spring."
# Not the example itself: typed in by a learner, that would be a copy.
FITTERS = "Twelve panels went up on the library roof on Friday, hung by our fitters."


def load(folder: Path, *, words: bool) -> Lesson:
    folder.mkdir()
    (folder / "shop.md").write_text(lesson(BODY, id="shop"), encoding="utf-8")
    if words:
        (folder / "_words.toml").write_text(WORDS, encoding="utf-8")
    found = load_course([folder]).lesson("shop", "en")
    assert found is not None
    return found


@pytest.fixture
def with_words(tmp_path: Path) -> Lesson:
    return load(tmp_path / "with", words=True)


@pytest.fixture
def without_words(tmp_path: Path) -> Lesson:
    return load(tmp_path / "without", words=False)


def compose_result(found: Lesson, answer: str) -> dict[str, bool]:
    exercise = found.exercise("shop-news")
    assert exercise is not None
    result = grade(exercise, parse_answer(exercise, answer), found.lang, found.words)
    return {c.rule: c.passed for c in result.checks} | {"passed": result.passed}


def test_a_folder_ad_word_makes_the_answer_an_ad(with_words: Lesson, without_words: Lesson) -> None:
    assert compose_result(without_words, SELLING)["not_promotional"] is True
    verdict = compose_result(with_words, SELLING)
    assert verdict["not_promotional"] is False
    assert verdict["passed"] is False


def test_a_folder_personal_word_counts_as_a_human_voice(
    with_words: Lesson, without_words: Lesson
) -> None:
    assert compose_result(without_words, FITTERS)["personal_voice"] is False
    verdict = compose_result(with_words, FITTERS)
    assert verdict["personal_voice"] is True
    assert verdict["passed"] is True


def test_team_false_still_wants_one_person_not_a_folder_word(with_words: Lesson) -> None:
    exercise = ADAPTER.validate_python(
        {
            "id": "intro",
            "type": "compose",
            "prompt": "Introduce yourself.",
            "checks": [{"rule": "personal_voice", "team": False}],
        }
    )
    result = grade(exercise, FITTERS, "en", with_words.words)
    assert [c.passed for c in result.checks if c.rule == "personal_voice"] == [False]


def test_the_feedback_quotes_the_folder_word(with_words: Lesson) -> None:
    exercise = with_words.exercise("shop-news")
    assert exercise is not None
    result = grade(exercise, SELLING, "en", with_words.words)
    check = next(c for c in result.checks if c.rule == "not_promotional")
    assert "Suncatcher" in check.message
    assert "folder_promotional" in [s.name for s in check.signals]


def test_the_live_preview_and_a_plan_use_the_words_too(with_words: Lesson) -> None:
    plan = with_words.exercise("week")
    assert plan is not None
    preview = previewer(plan, "en", with_words.words)
    assert preview is not None
    seen = preview([SELLING, FITTERS])
    assert [a.primary for a in seen.analyses] == ["promotional", "personal"]
    assert [c.passed for c in seen.mix] == [False]
    assert grade(plan, (SELLING, FITTERS), "en", with_words.words).passed is False
    assert grade(plan, (SELLING, FITTERS), "en").passed is True


def test_the_examples_self_test_grades_with_the_words(
    with_words: Lesson, without_words: Lesson
) -> None:
    # The example passes only when "our fitters" counts as a human voice.
    assert example_problems(with_words) == []
    [problem] = example_problems(without_words)
    assert problem.code == "TT503"
    assert "personal_voice" in problem.message


def test_the_built_in_course_carries_no_folder_words() -> None:
    """Without a `_words.toml`, grading is the built-in one (bench_grading keeps its figures)."""
    course = load_course([settings.builtin_lessons_dir()])
    lessons = [f.lesson for f in course.files]
    assert lessons and all(found is not None and found.words is None for found in lessons)
