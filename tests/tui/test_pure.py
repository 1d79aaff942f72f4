"""Fast tests of the TUI's pure helpers: no app is started."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from twitter_tutor.content.lesson import LessonFile
from twitter_tutor.content.loader import load_file
from twitter_tutor.content.starter import starter_lesson
from twitter_tutor.progress.models import LessonProgress
from twitter_tutor.tui.i18n import _STRINGS, format_count, format_date, t
from twitter_tutor.tui.literal import clean, highlighted, one_line
from twitter_tutor.tui.session import resume_target
from twitter_tutor.tui.watcher import changes, scan


def _file(tmp_path: Path, lesson_id: str, order: int) -> LessonFile:
    path = tmp_path / f"{lesson_id}.md"
    path.write_text(starter_lesson(lesson_id, "en", order=order), "utf-8")
    return load_file(path, tmp_path)


def _progress(lesson_id: str, state: str, step: int = 0) -> LessonProgress:
    moment = datetime(2025, 1, 1, tzinfo=UTC)
    return LessonProgress(lesson_id, state, step, None, moment, moment)  # type: ignore[arg-type]


def test_resume_goes_to_the_exact_step(tmp_path: Path) -> None:
    files = [_file(tmp_path, "one", 1), _file(tmp_path, "two", 2)]
    progress = {"two": _progress("two", "in_progress", 3)}
    target = resume_target(files, progress, ("two", 3))
    assert (target.kind, target.lesson, target.step) == ("continue", files[1], 3)


def test_resume_after_a_completed_lesson_goes_to_the_next(tmp_path: Path) -> None:
    files = [_file(tmp_path, "one", 1), _file(tmp_path, "two", 2)]
    progress = {"one": _progress("one", "completed", 4)}
    target = resume_target(files, progress, ("one", 4))
    assert (target.kind, target.lesson, target.step) == ("next", files[1], 0)


def test_resume_for_a_new_learner_and_at_the_end(tmp_path: Path) -> None:
    files = [_file(tmp_path, "one", 1)]
    assert resume_target(files, {}, None).kind == "start"
    assert resume_target(files, {"one": _progress("one", "completed")}, ("one", 0)).kind == "done"
    assert resume_target([], {}, None).kind == "empty"


def test_resume_clamps_a_step_beyond_a_shortened_lesson(tmp_path: Path) -> None:
    files = [_file(tmp_path, "one", 1)]
    assert files[0].lesson is not None
    target = resume_target(files, {"one": _progress("one", "in_progress", 99)}, ("one", 99))
    assert target.step == len(files[0].lesson.steps) - 1


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


def test_every_string_exists_in_both_languages_with_the_same_placeholders() -> None:
    import string

    for key, (en, de) in _STRINGS.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(de) if f}, key
    assert t("de", "key.next") == "Weiter"
    assert t("en", "no.such.key") == "no.such.key"


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
