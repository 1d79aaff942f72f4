"""The built-in course: complete in both languages, meets the quality bar, every lesson playable."""

from __future__ import annotations

from collections import Counter

import pytest

from twitter_tutor import settings
from twitter_tutor.content.course import Course, load_course
from twitter_tutor.content.lesson import Lesson
from twitter_tutor.content.models import ChoiceExercise, PickExercise
from twitter_tutor.grading import grade, grading_for, parse_answer
from twitter_tutor.grading.self_test import example_problems

LANGS = ("de", "en")


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course([settings.builtin_lessons_dir()])


def lessons(course: Course, lang: str) -> list[Lesson]:
    found = [f.lesson for f in course.files if f.meta and f.meta.lang == lang]
    assert all(found), "every built-in lesson loads"
    return sorted((l for l in found if l), key=lambda l: l.order)  # noqa: E741


def test_every_file_is_valid_and_its_examples_hold(course: Course) -> None:
    problems = [str(p) for f in course.files for p in f.problems]
    problems += [str(p) for f in course.files if f.lesson for p in example_problems(f.lesson)]
    assert problems == []


def test_both_languages_have_the_same_lessons_and_exercises(course: Course) -> None:
    de, en = lessons(course, "de"), lessons(course, "en")
    assert [l.id for l in de] == [l.id for l in en]  # noqa: E741
    assert len(de) == 10
    for a, b in zip(de, en, strict=True):
        assert [e.id for e in a.exercises] == [e.id for e in b.exercises], a.id
        assert [e.type for e in a.exercises] == [e.type for e in b.exercises], a.id
        assert a.order == b.order


@pytest.mark.parametrize("lang", LANGS)
def test_quality_bar(course: Course, lang: str) -> None:
    types: Counter[str] = Counter()
    for lesson in lessons(course, lang):
        assert lesson.exercises, f"{lesson.id} has no exercise"
        assert lesson.meta.minutes is not None and 5 <= lesson.meta.minutes <= 10, lesson.id
        for exercise in lesson.exercises:
            types[exercise.type] += 1
            if isinstance(exercise, ChoiceExercise):
                assert all(c.why for c in exercise.choices), (lesson.id, exercise.id)
            if isinstance(exercise, PickExercise):
                assert all(i.why for i in exercise.items), (lesson.id, exercise.id)
            if grading_for(exercise).example_field == "text":  # written answers
                outcomes = {e.passes for e in exercise.examples}
                assert len(exercise.examples) >= 3, (lesson.id, exercise.id)
                assert outcomes == {True, False}, (lesson.id, exercise.id)
    assert all(types[t] >= 4 for t in ("choice", "pick", "compose", "plan")), types


@pytest.mark.parametrize("lang", LANGS)
def test_whole_course_is_completable(course: Course, lang: str) -> None:
    """Play every exercise with a passing example through the grading entry point the TUI uses."""
    for lesson in lessons(course, lang):
        for exercise in lesson.exercises:
            passing = next((e for e in exercise.examples if e.passes), None)
            if passing is None:  # choice/pick without examples: answer with the key itself
                if isinstance(exercise, ChoiceExercise):
                    raw = ",".join(str(n) for n, c in enumerate(exercise.choices, 1) if c.correct)
                else:
                    assert isinstance(exercise, PickExercise), (lesson.id, exercise.id)
                    raw = ",".join(str(n) for n, i in enumerate(exercise.items, 1) if i.pick)
            else:
                raw = passing.text if passing.text is not None else passing.answer or ""
                # Typed in by a learner, an example is a copy of the lesson's own answer;
                # graded as `check` does, without itself among the examples, it shows the
                # exercise can be passed.
                others = [e for e in exercise.examples if e is not passing]
                exercise = exercise.model_copy(update={"examples": others})
            result = grade(exercise, parse_answer(exercise, raw), lesson.lang)
            assert result.passed, (lesson.id, exercise.id, result.summary)
