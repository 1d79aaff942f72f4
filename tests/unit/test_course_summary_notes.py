"""The course summary's "Your observations": the learner's latest passed note of every
exercise kept as a note, by lesson, in course order; notes are never taken for tweets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from twitter_tutor.content.course import Course, load_course
from twitter_tutor.content.lesson import Lesson
from twitter_tutor.grading import grade
from twitter_tutor.progress import ProgressStore, open_store
from twitter_tutor.tutor.course_index import entries
from twitter_tutor.tutor.course_summary import CourseSummary, Note, summarise, to_markdown

FRONT = '+++\nid = "{id}"\ntitle = "{title}"\nlang = "en"\norder = {order}\nsummary = "S."\n+++\n\n'

REFLECT = """```exercise
id = "{id}"
type = "reflect"
prompt = "Watch your timeline for a few days, then note what you saw."
min_words = 12
```
"""

COMPOSE = """```exercise
id = "hello"
type = "compose"
prompt = "Introduce yourself."

[[checks]]
rule = "max_length"
```
"""

TWEET = "Hi, I'm Ana and I run marketing for a tiny roastery in Porto. What should I read first?"
FIRST_NOTE = "The bike shop answers every question, and people reply to it all the time."
LATEST_NOTE = (
    "The bakery posts offers and nobody reacts.\n\n"
    "Mara asks a question *every* Friday and gets dozens of answers, #marketing | real."
)
OTHER_NOTE = "In the evenings it was busy; in the mornings only the news accounts posted at all."


@pytest.fixture
def course(tmp_path: Path) -> Course:
    folder = tmp_path / "lessons"
    folder.mkdir()
    (folder / "a.md").write_text(
        FRONT.format(id="watch", title="Watch first", order=1)
        + "## Say hello\n\n"
        + COMPOSE
        + "\n## Watch\n\n"
        + REFLECT.format(id="observe"),
        "utf-8",
    )
    (folder / "b.md").write_text(
        FRONT.format(id="later", title="Later on", order=2)
        + "## Watch again\n\n"
        + REFLECT.format(id="observe-again"),
        "utf-8",
    )
    course = load_course([folder])
    assert all(f.lesson is not None for f in course.files), [f.problems for f in course.files]
    return course


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProgressStore]:
    opened = open_store(tmp_path / "data", allow_memory=False)
    yield opened.store
    opened.store.close()


def _lessons(course: Course) -> dict[str, Lesson]:
    return {f.lesson.id: f.lesson for f in course.files if f.lesson is not None}


def answer(store: ProgressStore, lesson: Lesson, exercise_id: str, text: str) -> bool:
    """Grade `text` and store it as the tutor does; whether it passed."""
    exercise = lesson.exercise(exercise_id)
    assert exercise is not None
    result = grade(exercise, text, lesson.lang)
    details = [c.to_json() for c in result.checks]
    store.record_attempt(
        "ann", lesson.id, exercise_id, text, result.score, result.passed, details, "h"
    )
    return result.passed


def summary_of(course: Course, store: ProgressStore) -> CourseSummary:
    rows = [row for row in entries(course, "en") if row.openable]
    return summarise("ann", rows, _lessons(course), store.lessons("ann"), store.attempts("ann"))


def test_the_latest_passed_note_of_each_task_in_course_order(
    course: Course, store: ProgressStore
) -> None:
    lessons = _lessons(course)
    # Out of course order on purpose: the summary follows the course, not the clock.
    assert answer(store, lessons["later"], "observe-again", OTHER_NOTE)
    assert not answer(store, lessons["watch"], "observe", "x")
    assert answer(store, lessons["watch"], "observe", FIRST_NOTE)
    assert answer(store, lessons["watch"], "observe", LATEST_NOTE)
    assert not answer(store, lessons["watch"], "observe", "asdf asdf")  # tried again, badly
    assert answer(store, lessons["watch"], "hello", TWEET)

    summary = summary_of(course, store)
    assert summary.notes == [Note("Watch first", LATEST_NOTE), Note("Later on", OTHER_NOTE)]
    # A note is not a tweet, and a note that fell short is no missed tweet check.
    assert [b.text for b in summary.best] == [TWEET]
    assert summary.missed == []

    text = to_markdown(summary, "en")
    notes = text.split("## Your observations\n", 1)[1].split("\n## ", 1)[0]
    assert notes == (
        "\n### Watch first\n\n"
        "> The bakery posts offers and nobody reacts.\n"
        ">\n"
        "> Mara asks a question \\*every\\* Friday and gets dozens of answers, \\#marketing \\| "
        "real.\n\n"
        "### Later on\n\n"
        f"> {OTHER_NOTE}\n\n"
    )
    assert FIRST_NOTE not in text and "asdf" not in text
    assert text.index("## Your best tweets") < text.index("## Your observations")
    assert text.index("## Your observations") < text.index("## What you missed most often")


def test_a_course_that_asks_for_notes_says_when_none_is_noted_yet(
    course: Course, store: ProgressStore
) -> None:
    assert not answer(store, _lessons(course)["watch"], "observe", "Nice.")
    summary = summary_of(course, store)
    assert (summary.notes, summary.asks_notes) == ([], True)
    for lang, heading, none_yet in (
        ("en", "## Your observations", "No observation noted yet."),
        ("de", "## Deine Beobachtungen", "Noch keine Beobachtung notiert."),
    ):
        text = to_markdown(summary, lang)
        assert f"{heading}\n\n{none_yet}" in text


def test_a_course_without_notes_has_no_observations_section(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "a.md").write_text(
        FRONT.format(id="hi", title="Hi", order=1) + "## Say hello\n\n" + COMPOSE, "utf-8"
    )
    course = load_course([folder])
    opened = open_store(tmp_path / "data2", allow_memory=False)
    with opened.store as store:
        summary = summary_of(course, store)
    assert not summary.asks_notes
    assert "observations" not in to_markdown(summary, "en").lower()
