"""The cached course map: used while nothing changed, dropped on any change."""

from __future__ import annotations

import os
from pathlib import Path

from tests.tui.conftest import BROKEN
from twitter_tutor.content.course import load_course
from twitter_tutor.tui import course_index
from twitter_tutor.tui.watcher import scan


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
