"""The tutor grades a folder's lessons with its `_words.toml`, and `--watch` picks up edits."""

from __future__ import annotations

import os
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import TextArea

from tests.tui.helpers import AppFactory, Notifications, settle
from twitter_tutor.progress import ProgressStore
from twitter_tutor.tui.app import TutorApp
from twitter_tutor.tui.screens.lesson import LessonScreen
from twitter_tutor.tui.widgets.exercise import ExerciseWidget
from twitter_tutor.tutor.watcher import scan

# The starter lesson's compose exercise: an introduction that asks something back.
TWEET = (
    "Hi, I'm new here and I look after our team's newsletter. "
    "What's the best thing you read this week?"
)
COMPOSE_STEP = 3


def not_promotional(store: ProgressStore) -> list[bool]:
    """Whether each attempt at the compose exercise passed not_promotional, in order."""
    return [
        next(c["passed"] for c in a.checks if c["rule"] == "not_promotional")
        for a in store.attempts("tester", "basics", "first-tweet")
    ]


async def send(app: TutorApp, pilot: Pilot[None]) -> LessonScreen:
    """Write the tweet into the compose step on screen and send it."""
    lesson = app.screen
    assert isinstance(lesson, LessonScreen) and lesson.index == COMPOSE_STEP
    lesson.query_one(TextArea).load_text(TWEET)
    await pilot.press("ctrl+s")
    await pilot.pause()
    return lesson


async def open_compose(app: TutorApp, pilot: Pilot[None]) -> LessonScreen:
    app.open_lesson("basics", COMPOSE_STEP)
    await pilot.pause()
    return await send(app, pilot)


async def test_an_answer_is_graded_with_the_folder_words(
    build: AppFactory, lessons: Path, store: ProgressStore
) -> None:
    (lessons / "_words.toml").write_text('[en]\npromotional = ["newsletter*"]\n', "utf-8")
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lesson = await open_compose(app, pilot)
        # The live checklist while typing reads the same words.
        [analysis] = lesson.query_one(ExerciseWidget).live((TWEET,)).analyses
        assert "folder_promotional" in [s.name for s in analysis.signals]
    assert not_promotional(store) == [False]


async def test_watch_reloads_an_edited_words_file(
    build: AppFactory, lessons: Path, store: ProgressStore
) -> None:
    words = lessons / "_words.toml"
    app = build(watch=True)
    notes = Notifications()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        await settle(pilot)
        lesson = await open_compose(app, pilot)

        words.write_text('[en]\npromotional = ["newsletter*"]\n', "utf-8")
        assert words in scan([lessons])
        app.poll_lessons()
        await settle(pilot)
        assert any("Reloaded _words.toml" in m for m in notes.messages)
        # The open lesson now carries the new words (its text did not change).
        assert app.screen is lesson and lesson.lesson.words is not None
        await send(app, pilot)

        words.write_text('[en]\npromotional = ["newsletter*", "20%"]\n', "utf-8")
        os.utime(words, ns=(1, 1))  # a different mtime even within the clock's resolution
        app.poll_lessons()
        await settle(pilot)
        assert any(
            "_words.toml has a problem now" in m and "TT311" in m for m in notes.messages
        )
        await send(app, pilot)  # the good word still counts
    assert not_promotional(store) == [True, False, False]
