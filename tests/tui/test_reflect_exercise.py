"""The reflect exercise in the real app, driven with Pilot on a real store: the learner types a
note, checks it with Ctrl+S, sees why a trivial one is refused, and finds the kept note in the
course summary at the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Markdown, TextArea

from tests.tui.helpers import AppFactory, Notifications, settle
from twitter_tutor.progress import ProgressStore
from twitter_tutor.tui.screens.course_summary import CourseSummaryScreen
from twitter_tutor.tui.screens.lesson import LessonScreen
from twitter_tutor.tui.screens.summary import SummaryScreen
from twitter_tutor.tui.widgets.feedback import GradeFeedback
from twitter_tutor.tui.widgets.reflect_exercise import ReflectExerciseWidget

LESSON = """+++
id = "watch"
title = "{title}"
lang = "{lang}"
order = 1
summary = "Watch first."
+++

{opening}

## {step}

```exercise
id = "observe"
type = "reflect"
prompt = "{prompt}"
questions = ["{question}"]
min_words = 12
```
"""

EN = {
    "title": "Watch first",
    "lang": "en",
    "opening": "Before you post, watch.",
    "step": "Your turn",
    "prompt": "Watch your timeline for a few days, then note what you saw.",
    "question": "Who talks with whom?",
}
DE = {
    "title": "Erst zuschauen",
    "lang": "de",
    "opening": "Bevor du postest, schau zu.",
    "step": "Jetzt du",
    "prompt": "Beobachte deine Timeline ein paar Tage lang und schreib auf, was du gesehen hast.",
    "question": "Wer redet mit wem?",
}

NOTE = "The bike shop answers every question with a joke, and people reply to it all the time"


@pytest.fixture
def watch_lessons(tmp_path: Path) -> Path:
    folder = tmp_path / "watch-lessons"
    folder.mkdir()
    (folder / "watch.md").write_text(LESSON.format(**EN), "utf-8")
    (folder / "watch.de.md").write_text(LESSON.format(**DE), "utf-8")
    return folder


async def test_a_note_is_checked_kept_and_shown_in_the_course_summary(
    build: AppFactory, store: ProgressStore, watch_lessons: Path
) -> None:
    notes = Notifications()
    app = build(folder=watch_lessons)
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        await settle(pilot)
        await pilot.press("enter", "right")
        await pilot.pause()
        lesson = app.screen
        assert isinstance(lesson, LessonScreen) and lesson.index == 1
        widget = lesson.query_one(ReflectExerciseWidget)
        shown = " ".join(str(s.render()) for s in widget.query(".question, .note-question, .hint"))
        assert "Who talks with whom?" in shown and "at least 12 words" in shown
        area = widget.query_one(TextArea)
        assert app.focused is area

        await pilot.press("ctrl+s")  # nothing written yet: told, nothing graded or stored
        assert "Write your note first." in notes.messages
        assert store.attempts("tester", "watch") == []

        await pilot.press("x", "ctrl+s")
        feedback = widget.query_one(GradeFeedback)
        assert "Not quite a note yet" in feedback.text
        assert "Real words so far: 0" in feedback.text

        area.load_text(NOTE)
        area.move_cursor(area.document.end)
        await pilot.press(".", "ctrl+s")
        assert "Saved. Your note is kept with your progress" in feedback.text
        assert "Real words" not in feedback.text  # the earlier reason is gone
        assert "saved" in str(widget.query_one(".saved").render())

        await pilot.press("escape", "right")  # Finish: the course's only lesson
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        app.screen.query_one("#course").press()
        await pilot.pause()
        assert isinstance(app.screen, CourseSummaryScreen)
        summary = app.screen.query_one(Markdown).source
        assert f"## Your observations\n\n### Watch first\n\n> {NOTE}.\n" in summary
        assert "> x\n" not in summary

    attempts = store.attempts("tester", "watch")
    assert [(a.exercise_id, a.passed, a.score) for a in attempts] == [
        ("observe", False, 0),
        ("observe", True, 100),
    ]
    assert attempts[1].answer == NOTE + "."
    assert store.lessons("tester")["watch"].best_score == 100


async def test_coming_back_the_note_is_there_to_continue_in_german(
    build: AppFactory, store: ProgressStore, watch_lessons: Path
) -> None:
    store.record_attempt("tester", "watch", "observe", NOTE, 100, True, [], "h")
    app = build(lang="de", folder=watch_lessons)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "right")
        await pilot.pause()
        widget = app.screen.query_one(ReflectExerciseWidget)
        shown = " ".join(str(s.render()) for s in widget.query(".note-questions, .hint"))
        assert "Fragen, die dir helfen können:" in shown
        assert "Keine Bewertung" in shown and "mindestens 12 Wörter" in shown
        assert widget.query_one(TextArea).text == NOTE  # the last note, to revise
        await pilot.press("ctrl+s")
        assert "Gespeichert. Deine Notiz bleibt" in widget.query_one(GradeFeedback).text
