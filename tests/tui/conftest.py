"""Fixtures for the TUI tests: temporary lesson folders, real progress stores, the app factory."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.tui.helpers import BROKEN, AppFactory, ticking_clock
from twitter_tutor.content.course import load_course
from twitter_tutor.content.starter import starter_lesson
from twitter_tutor.progress import ProgressStore, open_store
from twitter_tutor.tui.app import TutorApp, make_app
from twitter_tutor.types import Lang


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


@pytest.fixture
def fixed_store(tmp_path: Path) -> Iterator[ProgressStore]:
    """A real store, opened the way the tutor opens one, whose clock the test controls."""
    clock = ticking_clock(datetime(2025, 3, 1, 9, 0, tzinfo=UTC))
    opened = open_store(tmp_path / "fixed", allow_memory=False, clock=clock)
    yield opened.store
    opened.store.close()


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
            load_delay_s=0,
        )

    return factory
