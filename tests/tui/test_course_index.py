"""The cached course map: used while nothing changed, dropped on any change."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from textual.widgets import Button

from tests.tui.helpers import BROKEN, settle
from twitter_tutor.content.course import Course, load_course
from twitter_tutor.progress import ProgressStore
from twitter_tutor.tui.app import make_app
from twitter_tutor.tui.screens.home import HomeScreen
from twitter_tutor.tui.screens.lesson import LessonScreen
from twitter_tutor.tui.widgets.course_list import CourseList
from twitter_tutor.tutor import course_index
from twitter_tutor.tutor.watcher import scan


def _save(index: Path, lessons: Path) -> None:
    stamps = scan([lessons])
    course_index.write(index, [lessons], stamps, load_course([lessons]))


def test_rows_round_trip_in_both_languages(tmp_path: Path, broken_lessons: Path) -> None:
    index = tmp_path / "index.json"
    _save(index, broken_lessons)
    course = load_course([broken_lessons])
    for lang in ("en", "de"):
        assert course_index.read(index, [broken_lessons], lang) == course_index.entries(
            course, lang
        )
    rows = course_index.read(index, [broken_lessons], "en")
    assert rows is not None
    broken = next(r for r in rows if r.broken)
    assert broken.title == "Broken [bold]lesson[/]" and "question" in (broken.problem or "")


def test_any_change_makes_the_cache_unused(tmp_path: Path, lessons: Path) -> None:
    index = tmp_path / "index.json"
    _save(index, lessons)
    assert course_index.read(index, [lessons], "en") is not None
    assert course_index.read(index, [lessons, tmp_path], "en") is None  # other sources

    edited = lessons / "02-more.md"
    edited.write_text(edited.read_text("utf-8") + "\nMore text.\n", "utf-8")
    assert course_index.read(index, [lessons], "en") is None

    _save(index, lessons)
    (lessons / "03-broken.md").write_text(BROKEN, "utf-8")
    assert course_index.read(index, [lessons], "en") is None  # a new file

    _save(index, lessons)
    os.utime(edited, ns=(5, 5))
    assert course_index.read(index, [lessons], "en") is None  # same size, other time


def test_a_damaged_or_unwritable_cache_is_harmless(tmp_path: Path, lessons: Path) -> None:
    index = tmp_path / "index.json"
    index.write_text("{not json", "utf-8")
    assert course_index.read(index, [lessons], "en") is None
    index.write_text('{"format": 1, "langs": []}', "utf-8")
    assert course_index.read(index, [lessons], "en") is None
    _save(tmp_path / "missing-dir" / "index.json", lessons)  # no error


async def test_the_map_paints_from_the_cache_before_the_course_loads(
    tmp_path: Path, lessons: Path, store: ProgressStore
) -> None:
    index = tmp_path / "index.json"
    _save(index, lessons)
    release = threading.Event()

    def slow_loader() -> Course:
        release.wait(10)  # the course "loads" only when the test says so
        return load_course([lessons])

    app = make_app(slow_loader, store, "tester", "en", [lessons], index_path=index, load_delay_s=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.session.course is None
        rows = app.screen.query_one(CourseList).rows
        assert [r.lesson_id for r in rows] == ["basics", "more-practice"]
        assert "Basics" in str(app.screen.query_one("#continue", Button).label)
        await pilot.press("enter")  # asked for before the course is there: opened once it is
        assert isinstance(app.screen, HomeScreen)
        release.set()
        await settle(pilot)
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.lesson.id == "basics"


def test_the_shipped_index_of_the_built_in_course_is_up_to_date() -> None:
    # After editing lessons/: python -m twitter_tutor.tutor.course_index
    from twitter_tutor.settings import builtin_lessons_dir

    folder = builtin_lessons_dir()
    shipped = course_index.read_builtin([folder], "en", folder)
    assert shipped == course_index.entries(load_course([folder]), "en"), (
        "run: python -m twitter_tutor.tutor.course_index"
    )
    assert course_index.read_builtin([folder], "de", folder) == course_index.entries(
        load_course([folder]), "de"
    )


def test_the_shipped_index_is_unused_when_a_file_changed_and_comes_first_with_extra_sources(
    tmp_path: Path, lessons: Path
) -> None:
    import shutil

    from twitter_tutor.settings import builtin_lessons_dir

    copy = tmp_path / "builtin"
    shutil.copytree(builtin_lessons_dir(), copy)
    assert course_index.read_builtin([copy], "en", copy) is not None
    with_extra = course_index.read_builtin([copy, lessons], "en", copy)
    assert with_extra == course_index.read_builtin([copy], "en", copy)  # built-in rows first
    assert course_index.read_builtin([lessons, copy], "en", copy) is None
    first = sorted(copy.rglob("*.md"))[0]
    text = first.read_text("utf-8")
    first.write_text(text.replace("a", "b", 1), "utf-8")  # same size, other content
    assert course_index.read_builtin([copy], "en", copy) is None


async def test_a_first_start_paints_the_built_in_map_before_the_course_loads(
    tmp_path: Path, store: ProgressStore
) -> None:
    from twitter_tutor.settings import builtin_lessons_dir

    folder = builtin_lessons_dir()
    release = threading.Event()

    def slow_loader() -> Course:
        release.wait(10)
        return load_course([folder])

    index = tmp_path / "new-data" / "index.json"  # no cache yet: a first start
    app = make_app(slow_loader, store, "tester", "en", [folder], index_path=index, load_delay_s=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.session.course is None
        rows = app.screen.query_one(CourseList).rows
        assert len(rows) == len(course_index.entries(load_course([folder]), "en")) > 5
        release.set()
        await settle(pilot)
