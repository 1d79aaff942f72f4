"""The trainer's view in the real app (Pilot): behind --trainer-code, opened with F9 or the
command palette, showing the class report from a real store once the code is right."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from tests.classroom import BEN_TWEET, HOSTILE, fill_class, load, write_lessons
from tests.tui.helpers import settle
from twitter_tutor.content.course import load_course
from twitter_tutor.progress import ProgressStore
from twitter_tutor.tui.app import TutorApp, make_app
from twitter_tutor.tui.screens.home import HomeScreen
from twitter_tutor.tui.screens.trainer import TrainerScreen
from twitter_tutor.tutor.trainer_access import MAX_TRIES
from twitter_tutor.types import Lang

CODE = "class42"


@pytest.fixture
def classroom(tmp_path: Path, store: ProgressStore) -> Path:
    lessons = write_lessons(tmp_path / "class-lessons")
    fill_class(store, load(lessons))
    return lessons


def _app(lessons: Path, store: ProgressStore, code: str | None) -> TutorApp:
    return make_app(
        lambda: load_course([lessons]),
        store,
        "ana",
        Lang("en"),
        [lessons],
        tz=UTC,
        load_delay_s=0,
        trainer_code=code,
    )


def _rows(screen: TrainerScreen, selector: str) -> list[list[str]]:
    table = screen.query_one(selector, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def _type(pilot: object, text: str) -> None:
    await pilot.press(*text, "enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_the_right_code_shows_the_class(classroom: Path, store: ProgressStore) -> None:
    app = _app(classroom, store, CODE)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TrainerScreen)
        assert not screen.query_one("#trainer-report").display
        assert screen.query_one("#trainer-code", Input).has_focus
        await _type(pilot, CODE)
        assert screen.query_one("#trainer-report").display
        assert not screen.query_one("#trainer-ask").display
        learners = _rows(screen, "#trainer-learners")
        assert [row[0] for row in learners] == [HOSTILE, "ana", "ben", "cy", "dee"]
        ana = learners[1]
        assert ana[1:4] == ["1", "yes", "✓ 60"]  # done, shares, "Basics" completed at 60
        lessons = _rows(screen, "#trainer-lessons")
        assert lessons[0][:5] == ["1", "Basics", "1", "3", "1"]
        tweet = next(
            row
            for row in _rows(screen, "#trainer-exercises")
            if row[0] == "Basics" and row[1].startswith("Introduce")
        )
        assert tweet[2:4] == ["3 of 4 (75%)", "5"]
        best = _rows(screen, "#trainer-best")
        assert {row[1] for row in best} == {"ana", HOSTILE}
        assert all(BEN_TWEET[:30] not in row[3] for row in best)
        # Refresh reads the store again: a new learner shows up.
        store.register_learner("eve", "hash-e", False)
        await pilot.press("r")
        await pilot.pause()
        assert [row[0] for row in _rows(screen, "#trainer-learners")][-1] == "eve"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # Open once, open for the rest of the run: no second question.
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, TrainerScreen)
        assert app.screen.query_one("#trainer-report").display


async def test_a_wrong_code_shows_nothing_and_too_many_lock_the_view(
    classroom: Path, store: ProgressStore
) -> None:
    app = _app(classroom, store, CODE)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TrainerScreen)
        await _type(pilot, "class41")
        verdict = str(screen.query_one("#trainer-verdict", Static).render())
        assert verdict == f"Wrong code: {MAX_TRIES - 1} more tries."
        assert screen.query_one("#trainer-code", Input).value == ""  # never kept
        assert not screen.query_one("#trainer-report").display
        assert screen.query_one("#trainer-learners", DataTable).row_count == 0  # nothing read
        for guess in range(MAX_TRIES - 1):
            await _type(pilot, f"guess{guess}")
        assert "Too many wrong codes" in str(screen.query_one("#trainer-verdict").render())
        assert screen.query_one("#trainer-code", Input).disabled
        assert screen.query_one("#trainer-open").disabled
        assert screen.gate.try_code(CODE) == "locked"  # even the right one, now
        assert not screen.query_one("#trainer-report").display
        assert screen.query_one("#trainer-learners", DataTable).row_count == 0


async def test_without_a_code_there_is_no_trainer_view(
    classroom: Path, store: ProgressStore
) -> None:
    for code, offered in ((None, False), (CODE, True)):
        app = _app(classroom, store, code)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            titles = [c.title for c in app.get_system_commands(app.screen)]
            assert ("Trainer's report" in titles) is offered
            await pilot.press("f9")
            await pilot.pause()
            assert isinstance(app.screen, TrainerScreen) is offered
