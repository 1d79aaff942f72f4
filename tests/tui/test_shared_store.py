"""The tutor on a PostgreSQL store, driven with Pilot: what a learner checks and types is in
the shared database at once, for any other process (another host of the class) to read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import fresh_schema
from tests.tui.helpers import AppFactory, settle
from twitter_tutor.progress import ProgressStore, open_store_url
from twitter_tutor.tui.screens.lesson import LessonScreen
from twitter_tutor.tui.widgets.feedback import GradeFeedback

NOWHERE = Path("/nonexistent")


@pytest.fixture
def shared() -> Iterator[tuple[str, ProgressStore]]:
    with fresh_schema() as url, open_store_url(url, data_dir=NOWHERE).store as store:
        yield url, store


async def test_an_answer_and_a_draft_reach_the_shared_store(
    build: AppFactory, shared: tuple[str, ProgressStore]
) -> None:
    url, store = shared
    app = build(progress=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # Continue: the first lesson
        await pilot.pause()
        lesson = app.screen
        assert isinstance(lesson, LessonScreen)
        await pilot.press("right", "enter", "ctrl+s")  # the choice exercise, right answer
        assert "Passed" in lesson.query_one(GradeFeedback).text
        await pilot.press("n", "n")  # the compose exercise
        await pilot.press(*"Half a tw")
        await app.workers.wait_for_complete()
    assert app.session.close()  # as the launcher does: drafts still queued reach the store

    # Another connection, as another host would have: everything is there already.
    with open_store_url(url, data_dir=NOWHERE).store as other:
        [attempt] = other.attempts("tester")
        assert (attempt.lesson_id, attempt.passed) == ("basics", True)
        assert other.last_position("tester") == ("basics", 3)
        assert "Half a tw" in other.drafts("tester", "basics").values()
