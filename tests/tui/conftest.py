"""Fixtures for the TUI tests: temporary lesson folders, real progress stores, the app factory."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from twitter_tutor.content.course import load_course
from twitter_tutor.content.starter import starter_lesson
from twitter_tutor.progress import ProgressStore, open_store
from twitter_tutor.progress.schema import migrate
from twitter_tutor.tui.app import TutorApp, make_app
from twitter_tutor.types import Lang

BROKEN = """+++
id = "broken"
title = "Broken [bold]lesson[/]"
lang = "en"
order = 3
summary = "A lesson with a mistake in its exercise."
+++

## Only step

```exercise
id = "oops"
type = "choice"
```
"""


@pytest.fixture
def lessons(tmp_path: Path) -> Path:
    """Two English lessons with every exercise type, and the first one in German too."""
    folder = tmp_path / "lessons"
    folder.mkdir()
    (folder / "01-basics.md").write_text(starter_lesson("basics", "en", order=1), "utf-8")
    (folder / "01-basics.de.md").write_text(starter_lesson("basics", "de", order=1), "utf-8")
    (folder / "02-more.md").write_text(starter_lesson("more-practice", "en", order=2), "utf-8")
    return folder


@pytest.fixture
def broken_lessons(lessons: Path) -> Path:
    (lessons / "03-broken.md").write_text(BROKEN, "utf-8")
    return lessons


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProgressStore]:
    opened = open_store(tmp_path / "data")
    yield opened.store
    opened.store.close()


def ticking_clock(start: datetime) -> Callable[[], datetime]:
    """A clock that moves one minute per reading: stable dates for snapshots."""
    moments = iter(start + timedelta(minutes=n) for n in range(10_000))
    return lambda: next(moments)


@pytest.fixture
def fixed_store(tmp_path: Path) -> Iterator[ProgressStore]:
    """A real SQLite store whose clock the test controls."""
    path = tmp_path / "fixed.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    migrate(conn, str(path))
    store = ProgressStore(conn, path, clock=ticking_clock(datetime(2025, 3, 1, 9, 0, tzinfo=UTC)))
    yield store
    store.close()


AppFactory = Callable[..., TutorApp]


@pytest.fixture
def build(lessons: Path, store: ProgressStore) -> AppFactory:
    """The app exactly as the CLI builds it, on the test's lessons and store."""

    def factory(
        *,
        lang: Lang = "en",
        folder: Path | None = None,
        progress: ProgressStore | None = None,
        watch: bool = False,
        notices: tuple[str, ...] = (),
    ) -> TutorApp:
        source = folder or lessons
        return make_app(
            lambda: load_course([source]),
            progress or store,
            "tester",
            lang,
            [source],
            watch=watch,
            notices=notices,
            tz=UTC,
        )

    return factory


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the course to load (a worker) and the screen to catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
