"""Fast tests of the TUI's pure helpers: no app is started."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from twitter_tutor.content.folders import lesson_paths, unreadable_folders
from twitter_tutor.progress.models import LessonProgress
from twitter_tutor.tui.literal import clean, highlighted, one_line
from twitter_tutor.tutor.course_index import LessonEntry
from twitter_tutor.tutor.i18n import format_count, format_date
from twitter_tutor.tutor.session import Resume, resume_target
from twitter_tutor.tutor.watcher import changes, scan


def _row(lesson_id: str, steps: int = 5, *, broken: bool = False) -> LessonEntry:
    return LessonEntry(
        lesson_id,
        lesson_id,
        lesson_id.title(),
        "en",
        "",
        5,
        steps,
        problem="bad" if broken else None,
    )


def _progress(lesson_id: str, state: str, step: int = 0) -> LessonProgress:
    moment = datetime(2025, 1, 1, tzinfo=UTC)
    return LessonProgress(lesson_id, state, step, None, moment, moment)  # type: ignore[arg-type]


def test_resume_goes_to_the_exact_step() -> None:
    rows = [_row("one"), _row("two")]
    target = resume_target(rows, {"two": _progress("two", "in_progress", 3)}, ("two", 3))
    assert (target.kind, target.lesson, target.step) == ("continue", rows[1], 3)


def test_resume_after_a_completed_lesson_goes_to_the_next() -> None:
    rows = [_row("one"), _row("two")]
    target = resume_target(rows, {"one": _progress("one", "completed", 4)}, ("one", 4))
    assert (target.kind, target.lesson, target.step) == ("next", rows[1], 0)


def test_resume_for_a_new_learner_at_the_end_and_past_broken_lessons() -> None:
    rows = [_row("broken", broken=True), _row("one")]
    assert resume_target(rows, {}, None) == Resume("start", rows[1], 0)
    done = {"one": _progress("one", "completed")}
    assert resume_target(rows, done, ("one", 0)).kind == "done"
    assert resume_target([], {}, None).kind == "empty"


def test_resume_clamps_a_step_beyond_a_shortened_lesson() -> None:
    rows = [_row("one", steps=3)]
    target = resume_target(rows, {"one": _progress("one", "in_progress", 9)}, ("one", 9))
    assert target.step == 2


def test_control_characters_become_visible_and_keep_their_length() -> None:
    text = "a\x1b[31mb\x07\x9b\x7f\tc\n"
    shown = clean(text)
    assert len(shown) == len(text)
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert shown.endswith("\tc\n")


def test_markup_stays_plain_text() -> None:
    content = highlighted("[bold]hi[/] [link=x]y", [(0, 6, "bold")])
    assert content.plain == "[bold]hi[/] [link=x]y"


def test_one_line_cuts_with_an_ellipsis() -> None:
    assert one_line("a\nb  c", 10) == "a b c"
    assert one_line("abcdefghijk", 5) == "abcd…"


def test_counts_and_dates_by_language() -> None:
    assert format_count("en", 1234) == "1,234"
    assert format_count("de", 1234) == "1.234"
    assert format_count("en", 12_300) == "12.3K"
    assert format_count("de", 2_000_000) == "2 Mio."
    moment = datetime(2025, 3, 1, 9, 5, tzinfo=UTC)
    assert format_date("en", moment, UTC) == "2025-03-01 09:05"
    assert format_date("de", moment, UTC) == "01.03.2025 09:05"


def test_watcher_sees_changed_new_and_removed_files(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("one", "utf-8")
    (tmp_path / "b.md").write_text("two", "utf-8")
    before = scan([tmp_path])
    (tmp_path / "a.md").write_text("changed", "utf-8")
    (tmp_path / "b.md").unlink()
    (tmp_path / "c.md").write_text("new", "utf-8")
    changed, removed = changes(before, scan([tmp_path]))
    assert changed == [tmp_path / "a.md", tmp_path / "c.md"]
    assert removed == [tmp_path / "b.md"]


def test_lesson_files_skip_notes_and_readmes(tmp_path: Path) -> None:
    for name in ("a.md", "README.md", "_notes.md", "sub/b.md", "sub/LICENSE.md", "c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", "utf-8")
    assert lesson_paths(tmp_path) == [tmp_path / "a.md", tmp_path / "sub" / "b.md"]
    assert lesson_paths(tmp_path / "a.md") == [tmp_path / "a.md"]
    assert lesson_paths(tmp_path / "missing") == []


def test_folders_that_cannot_be_listed_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "sub" / "locked"
    locked.mkdir(parents=True)
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert unreadable_folders(tmp_path) == [locked]
    assert unreadable_folders(tmp_path / "sub" / "missing") == []

