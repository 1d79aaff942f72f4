"""Review, help and the command palette."""

from __future__ import annotations

import re

from textual.widgets import DataTable

from tests.tui.helpers import AppFactory, settle
from twitter_tutor.progress import ProgressStore
from twitter_tutor.tui.screens.help import HelpScreen
from twitter_tutor.tui.screens.home import HomeScreen
from twitter_tutor.tui.screens.lesson import LessonScreen
from twitter_tutor.tui.screens.review import ReviewScreen
from twitter_tutor.tui.widgets.score_chart import ScoreChart


def _record(store: ProgressStore, exercise: str, score: int) -> None:
    store.record_attempt("tester", "basics", exercise, "[b]answer[/b]", score, score >= 70, [], "h")


async def test_review_shows_attempts_best_scores_and_completion(
    build: AppFactory, store: ProgressStore
) -> None:
    for score in (20, 60, 90):
        _record(store, "first-tweet", score)
    store.complete("tester", "basics", 90)
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert "1 of 2 lessons completed (50%)" in str(review.query_one("#completion").render())
        assert review.query_one(ScoreChart).scores == [20, 60, 90]
        attempts = review.query_one("#attempts", DataTable)
        assert attempts.row_count == 3
        newest = [str(c) for c in attempts.get_row_at(0)]
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", newest[0])
        assert newest[3].strip() == "90" and newest[4] == "[b]answer[/b]"
        best = [str(c) for c in review.query_one("#best", DataTable).get_row_at(0)]
        assert best == ["Basics", "completed", "90/100"]
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_help_lists_the_keys_of_the_screen(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one(".keys").render())
        assert "Ctrl+S" in keys
        await pilot.press("escape")
        assert isinstance(app.screen, LessonScreen)


async def test_command_palette_jumps_to_a_lesson(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"more")
        await pilot.pause(0.5)  # the palette searches in the background
        await pilot.press("enter")
        await pilot.pause()
        lesson = app.screen
        assert isinstance(lesson, LessonScreen)
        assert lesson.lesson.id == "more-practice"


async def test_theme_toggle(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = app.theme
        await pilot.press("ctrl+t")
        assert app.theme != before


async def test_down_from_continue_goes_to_the_lessons(build: AppFactory) -> None:
    from twitter_tutor.tui.widgets.course_list import CourseList

    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "continue"
        await pilot.press("down")
        assert isinstance(app.focused, CourseList)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
