"""Course-level problems: duplicate lesson ids, unknown `requires`, overrides between sources."""

from __future__ import annotations

from pathlib import Path

from tests.unit.content.lessons import lesson, line_of
from twitter_tutor.content.course import load_course
from twitter_tutor.content.folders import lesson_paths


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_duplicate_lesson_id_reported_at_later_file(tmp_path: Path) -> None:
    write(tmp_path, "a.md", lesson(id="same"))
    later = write(tmp_path, "b.md", lesson(id="same"))
    course = load_course([tmp_path])
    problems = [p for f in course.files for p in f.problems]
    assert len(problems) == 1
    assert problems[0].path == later
    assert problems[0].line == line_of(lesson(id="same"), "id =")
    assert "duplicate lesson id 'same'" in problems[0].message


def test_same_id_in_two_languages_is_fine(tmp_path: Path) -> None:
    write(tmp_path / "de", "a.md", lesson(id="same", lang="de"))
    write(tmp_path / "en", "a.md", lesson(id="same", lang="en"))
    course = load_course([tmp_path])
    assert all(f.ok for f in course.files)
    assert course.lesson("same", "de").lang == "de"  # type: ignore[union-attr]
    assert course.lesson("same", "en").lang == "en"  # type: ignore[union-attr]


def test_later_source_replaces_lesson_with_same_id_and_lang(tmp_path: Path) -> None:
    builtin = write(tmp_path / "builtin", "a.md", lesson(id="intro"))
    custom = write(tmp_path / "custom", "mine.md", lesson(id="intro").replace("A lesson", "Mine"))
    course = load_course([tmp_path / "builtin", tmp_path / "custom"])
    assert course.replaced == {builtin: custom}
    assert course.lesson("intro", "en").title == "Mine"  # type: ignore[union-attr]
    assert [f.path for f in course.active()] == [custom]


def test_requires_unknown_lesson(tmp_path: Path) -> None:
    text = lesson(id="b", extra='requires = ["a", "ghost"]\n')
    write(tmp_path, "a.md", lesson(id="a"))
    path = write(tmp_path, "b.md", text)
    course = load_course([tmp_path])
    (problem,) = [p for f in course.files for p in f.problems]
    assert problem.path == path
    assert problem.line == line_of(text, "requires")
    assert "'ghost'" in problem.message and "'a'" not in problem.message.split(";")[0]


def test_for_lang_orders_and_falls_back(tmp_path: Path) -> None:
    write(tmp_path, "2.md", lesson(id="two", order=2, lang="en"))
    write(tmp_path, "1.md", lesson(id="one", order=1, lang="de"))
    write(tmp_path, "1en.md", lesson(id="one", order=1, lang="en"))
    write(tmp_path, "3.md", lesson(id="three", order=3, lang="de"))
    write(tmp_path, "x.md", "no front matter")
    files = load_course([tmp_path]).for_lang("en")
    assert [(f.meta.id, f.meta.lang) if f.meta else None for f in files] == [
        ("one", "en"),
        ("two", "en"),
        ("three", "de"),
        None,
    ]


def test_readme_and_underscore_files_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "notes")
    write(tmp_path, "_draft.md", "draft")
    keep = write(tmp_path, "real.md", lesson())
    assert lesson_paths(tmp_path) == [keep]


def test_a_lesson_placed_between_two_built_in_ones(tmp_path: Path) -> None:
    # docs/writing-lessons.md: the earlier lesson's order and an id sorting after its id.
    write(tmp_path, "talk.md", lesson(id="talk", order=4))
    write(tmp_path, "no-ads.md", lesson(id="no-ads", order=5))
    write(tmp_path, "mine.md", lesson(id="talk-threads", order=4))
    write(tmp_path, "before.md", lesson(id="replies", order=4))
    files = load_course([tmp_path]).for_lang("en")
    assert [f.meta.id for f in files if f.meta] == ["replies", "talk", "talk-threads", "no-ads"]


def test_a_translation_with_broken_front_matter_stays_in_its_place_broken(tmp_path: Path) -> None:
    # Issue 15: breaking the English file must not make the map quietly show the German one.
    write(tmp_path, "first.md", lesson(id="first", order=1))
    write(tmp_path, "a.de.md", lesson(id="middle", lang="de", order=2))
    broken = write(tmp_path, "a.en.md", lesson(id="middle", order=2).replace("summary =", "sumary ="))
    write(tmp_path, "last.md", lesson(id="last", order=3))
    course = load_course([tmp_path])
    english = course.for_lang("en")
    assert [f.path.name for f in english] == ["first.md", "a.en.md", "last.md"]
    assert english[1].path == broken and english[1].lesson is None and english[1].problems
    assert [f.path.name for f in course.for_lang("de")] == ["first.md", "a.de.md", "last.md"]
    assert course.lesson("middle", "en") is None


def test_a_file_that_names_no_lesson_is_listed_last(tmp_path: Path) -> None:
    write(tmp_path, "a.md", lesson(id="a"))
    write(tmp_path, "b.md", "+++\ntitle = 'no id'\n+++\n\nText\n")
    assert [f.path.name for f in load_course([tmp_path]).for_lang("en")] == ["a.md", "b.md"]
