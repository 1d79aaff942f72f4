"""reflect: the learner's note on what they saw. The model, and its "grade": not graded on
content, only refused when it says nothing, with a specific and kind reason in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from twitter_tutor.content.loader import load_file
from twitter_tutor.content.models import (
    EXERCISE_MODELS,
    ComposeExercise,
    Exercise,
    ReflectExercise,
)
from twitter_tutor.content.problem_codes import EXAMPLE_FIELD, EXAMPLE_MISMATCH
from twitter_tutor.grading import AnswerError, grade, parse_answer
from twitter_tutor.grading.self_test import example_problems
from twitter_tutor.grading.substance import word_shortfalls

ADAPTER: TypeAdapter[Any] = TypeAdapter(Exercise)

QUESTIONS = ["Who talks with whom, and who only broadcasts?", "What got passed on?"]


def reflect(**extra: Any) -> ReflectExercise:
    data = {
        "type": "reflect",
        "id": "observe",
        "prompt": "Watch your timeline for a few days, then note what you saw.",
        "questions": QUESTIONS,
        **extra,
    }
    exercise = ADAPTER.validate_python(data)
    assert isinstance(exercise, ReflectExercise)
    return exercise


NOTE_EN = (
    "I watched three bakeries and a bike shop from our town for four days. The bike shop "
    "answers almost every question, often with a joke, and people happily reply to it. The "
    "bakeries mostly post photos of offers without a word, and nobody reacts."
)
NOTE_DE = (
    "Ich habe vier Tage lang drei Bäckereien und einen Fahrradladen aus unserer Stadt "
    "beobachtet. Der Fahrradladen antwortet fast auf jede Frage, oft mit einem Witz, und die "
    "Leute antworten ihm gern. Die Bäckereien posten meist Fotos von Angeboten ohne ein Wort."
)
LONG_NOTE = (
    "On Monday I watched the bakery on the corner. It posted a photo of the new rye bread and "
    "nobody replied to it. On Tuesday I watched the bike shop in the old town. It asked a "
    "question about the best tyres for winter and got a lot of answers. On Wednesday the city "
    "library posted a short video of the reading night for the children, and the school "
    "passed it on. On Thursday the agency in the next street posted a link to its own blog "
    "with three hashtags, and nobody reacted at all. On Friday Mara from the marketing crowd "
    "asked her weekly question to the people who follow her. She got dozens of replies and "
    "thanked each of them. On Saturday the football club posted the score of the game and a "
    "photo of the team, and the fans replied with jokes. On Sunday the bakery posted again: a "
    "thank you to the people who came to the market. It was the post with the most replies of "
    "the week. What I take from the week: the posts that talk to the people get answers, the "
    "posts that only talk about the shop get nothing. The bakery and the club sound like "
    "people, the agency sounds like a brochure. It was busiest in the evening and on the "
    "weekend, and quiet in the morning."
)

# -- the model ------------------------------------------------------------------------------


def test_defaults_and_its_name() -> None:
    exercise = reflect(questions=[])
    assert EXERCISE_MODELS["reflect"] is ReflectExercise
    assert (exercise.min_words, exercise.questions, exercise.label) == (20, [], exercise.prompt)


def test_only_a_reflect_answer_is_kept_as_a_note() -> None:
    assert [name for name, m in EXERCISE_MODELS.items() if m.kept_as_note] == ["reflect"]
    assert "kept_as_note" not in ReflectExercise.model_fields  # a property of the type, not a key


@pytest.mark.parametrize(
    ("extra", "error"),
    [
        ({"pass_score": 50}, "a reflect exercise is not scored"),
        ({"min_words": 0}, "greater than or equal to 1"),
        ({"min_words": 201}, "less than or equal to 200"),
        ({"questions": ["Who?", ""]}, "at least 1 character"),
        ({"questions": ["Why?"] * 11}, "at most 10 items"),
        ({"min_words": "20"}, "valid integer"),
        ({"checks": [{"rule": "max_length"}]}, "Extra inputs are not permitted"),
    ],
)
def test_mistakes_are_refused(extra: dict[str, Any], error: str) -> None:
    with pytest.raises(ValidationError, match=error):
        reflect(**extra)


def test_a_pass_score_in_a_lesson_file_is_a_problem_check_reports(tmp_path: Path) -> None:
    path = tmp_path / "watch.md"
    path.write_text(
        '+++\nid = "watch"\ntitle = "Watch"\nlang = "en"\norder = 1\nsummary = "Watch."\n+++\n\n'
        '## Watch\n\n```exercise\nid = "observe"\ntype = "reflect"\nprompt = "Watch."\n'
        "pass_score = 60\n```\n",
        "utf-8",
    )
    loaded = load_file(path, tmp_path)
    assert loaded.lesson is None
    assert any("not scored" in p.message for p in loaded.problems), loaded.problems


# -- grading ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "note"), [("en", NOTE_EN), ("de", NOTE_DE)])
def test_a_real_note_passes_with_100_and_is_said_to_be_kept(lang: str, note: str) -> None:
    result = grade(reflect(), note, lang)
    assert (result.passed, result.score, result.checks) == (True, 100, ())
    kept = {"en": "will appear in your course summary", "de": "erscheint in deiner Kursbilanz"}
    assert kept[lang] in result.summary


@pytest.mark.parametrize(
    ("note", "en", "de"),
    [
        ("x", "Real words so far: 0 (", "Echte Wörter bisher: 0 ("),
        ("Nice.", "a note needs at least 20", "eine Notiz braucht mindestens 20"),
        ("asdf asdf", 'keyboard mash ("asdf")', "Tastatursalat aus („asdf“)"),
        ("good " * 30, "The same words again and again", "Immer wieder dieselben Wörter"),
        (
            "Bakery coffee timeline reply question bakery shop bread morning team photo lunch "
            "evening weekend customer thanks repost jokes market football",
            "Write sentences",
            "Schreib ganze Sätze",
        ),
        (" ".join(QUESTIONS) + " " + " ".join(QUESTIONS), "mostly repeats the task", "Aufgabe"),
    ],
)
def test_a_trivial_note_is_refused_with_a_specific_reason(note: str, en: str, de: str) -> None:
    for lang, expected in (("en", en), ("de", de)):
        result = grade(reflect(), note, lang)
        assert (result.passed, result.score) == (False, 0)
        said = " ".join(c.message for c in result.checks)
        assert expected in said, (lang, said)
        assert all(c.required and not c.passed for c in result.checks)
    assert "not quite a note yet" in grade(reflect(), note, "en").summary.lower()


def test_min_words_is_the_trainers_to_set() -> None:
    note = "The bike shop answers every question with a joke and people love it."
    assert not grade(reflect(), note, "en").passed
    assert grade(reflect(min_words=10), note, "en").passed


def test_a_long_note_is_not_called_repetitive_for_its_little_words() -> None:
    # Over two hundred words, "the" and "and" repeat as they do in any prose: judged like a
    # tweet, the note would count as repetitive.
    assert [s.code for s in word_shortfalls(LONG_NOTE, 20)] == ["repetitive"]
    assert grade(reflect(), LONG_NOTE, "en").passed


def test_a_copy_of_a_sample_note_is_refused_but_the_sample_itself_passes() -> None:
    exercise = reflect(examples=[{"text": NOTE_EN, "passes": True}])
    assert grade(exercise, NOTE_EN, "en").passed  # `check` grading its own example
    copied = NOTE_EN.replace("four days", "five days")
    result = grade(exercise, copied, "en")
    assert not result.passed
    assert [c.rule for c in result.checks] == ["original"]


def test_answers_are_text() -> None:
    exercise = reflect()
    assert parse_answer(exercise, NOTE_EN) == NOTE_EN
    with pytest.raises(AnswerError, match="empty"):
        parse_answer(exercise, "  \n")
    with pytest.raises(AnswerError, match="one note as text"):
        grade(exercise, frozenset({1}), "en")
    assert not grade(exercise, "", "en").passed


def test_examples_are_self_tested_with_text(tmp_path: Path) -> None:
    path = tmp_path / "watch.md"
    path.write_text(
        '+++\nid = "watch"\ntitle = "Watch"\nlang = "en"\norder = 1\nsummary = "Watch."\n+++\n\n'
        '## Watch\n\n```exercise\nid = "observe"\ntype = "reflect"\nprompt = "Watch."\n\n'
        f'[[examples]]\ntext = "{NOTE_EN}"\npasses = true\n\n'
        '[[examples]]\ntext = "asdf asdf"\npasses = true\n\n'
        '[[examples]]\nanswer = "1"\npasses = false\n```\n',
        "utf-8",
    )
    loaded = load_file(path, tmp_path)
    assert loaded.lesson is not None, loaded.problems
    problems = example_problems(loaded.lesson)
    assert [(p.kind, p.message.split(" ")[1]) for p in problems] == [
        (EXAMPLE_MISMATCH, "2"),
        (EXAMPLE_FIELD, "3:"),
    ]
    assert "failed checks: note" in problems[0].message


def test_compose_is_not_kept_as_a_note() -> None:
    assert ComposeExercise.kept_as_note is False
