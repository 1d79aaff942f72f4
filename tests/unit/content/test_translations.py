"""A lesson's two language files are compared: steps, exercise ids and order, types, entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.content.lessons import CHOICE, lesson, line_of
from twitter_tutor import settings
from twitter_tutor.content.course import load_course
from twitter_tutor.content.lesson import Problem
from twitter_tutor.content.translations import partner_paths, translation_problems

PLAN = """```exercise
id = "{id}"
type = "plan"
prompt = "Plan."
count = 3
max_promotional = 1
```
"""

BODY = (
    "Opening.\n\n## First\n\nText.\n\n"
    + CHOICE.format(id="one")
    + "\n## Second\n\nMore.\n\n"
    + PLAN.format(id="two")
    + "\n## Third\n\nThe end.\n"
)


def write_pair(root: Path, de_body: str, en_body: str = BODY) -> tuple[Path, Path]:
    paths = []
    for lang, body in (("de", de_body), ("en", en_body)):
        folder = root / lang
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "demo.md"
        path.write_text(lesson(body, lang=lang), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def drift(root: Path, de_body: str, en_body: str = BODY) -> list[Problem]:
    """The problems reported for the German file when both files are checked."""
    de, en = write_pair(root, de_body, en_body)
    files = load_course([root]).active()
    assert all(f.ok for f in files), [str(p) for f in files for p in f.problems]
    found = translation_problems(files, {de, en})
    assert set(found) <= {de}, "with both checked, the non-English file is reported"
    return found.get(de, [])


def de_line(body: str, needle: str, occurrence: int = 1) -> int:
    return line_of(lesson(body, lang="de"), needle, occurrence)


def test_same_shape_is_no_problem(tmp_path: Path) -> None:
    other_words = BODY.replace("Text.", "Anderer Text.").replace('"Right"', '"Richtig"')
    assert drift(tmp_path, other_words) == []


def test_a_step_heading_written_with_three_hashes(tmp_path: Path) -> None:
    body = BODY.replace("## Second", "### Second")
    (problem,) = drift(tmp_path, body)
    assert (problem.line, problem.code) == (de_line(body, "### Second"), "TT603")
    en_line = line_of(lesson(BODY), "## Second")
    assert "3 steps here but 4 in the English version" in problem.message
    assert f"'## Second' (line {en_line}) does there; write it with '## '" in problem.message


def test_an_extra_step(tmp_path: Path) -> None:
    body = BODY.replace("## Third", "## Extra\n\nMore.\n\n## Third")
    (problem,) = drift(tmp_path, body)
    assert problem.code == "TT603" and "5 steps here but 4" in problem.message
    # Text-only steps look alike in any language: the first step without a counterpart.
    assert problem.line == de_line(body, "## Third")
    assert "step 5 here has no counterpart there" in problem.message


def test_an_exercise_in_another_step(tmp_path: Path) -> None:
    body = BODY.replace("\n## Second\n\nMore.\n\n", "\n").replace(
        "## Third", "## Second\n\nMore.\n\n## Third"
    )
    found = drift(tmp_path, body)
    assert [p.code for p in found] == ["TT603"]
    assert found[0].line == de_line(body, 'id = "two"') - 1  # the exercise's fence
    assert "exercise 'two' is in step 2 here but in step 3" in found[0].message


def test_a_missing_and_an_extra_exercise(tmp_path: Path) -> None:
    body = BODY.replace('id = "two"', 'id = "zwei"')
    found = drift(tmp_path, body)
    assert [p.code for p in found] == ["TT604", "TT604"], [str(p) for p in found]
    extra = next(p for p in found if "'zwei' is not in the English version" in p.message)
    assert extra.line == de_line(body, 'id = "zwei"')
    missing = next(p for p in found if "exercise 'two' of the English version" in p.message)
    assert missing.line == de_line(body, "## Second")


def test_exercises_in_another_order(tmp_path: Path) -> None:
    en = "## A\n\n" + CHOICE.format(id="one") + "\n" + CHOICE.format(id="two")
    de = "## A\n\n" + CHOICE.format(id="two") + "\n" + CHOICE.format(id="one")
    (problem,) = drift(tmp_path, de, en)
    assert problem.code == "TT604" and "here two, one; there one, two" in problem.message
    assert problem.line == de_line(de, "```exercise")


def test_another_type(tmp_path: Path) -> None:
    body = BODY.replace(
        CHOICE.format(id="one"),
        PLAN.format(id="one"),
    )
    (problem,) = drift(tmp_path, body)
    assert (problem.code, problem.line) == ("TT605", de_line(body, 'type = "plan"'))
    assert "is a plan here but a choice in the English version" in problem.message


def test_another_number_of_choices(tmp_path: Path) -> None:
    third = '\n[[choices]]\ntext = "Also wrong"\ncorrect = false\n```'
    body = BODY.replace(
        'text = "Wrong"\ncorrect = false\n```', 'text = "Wrong"\ncorrect = false\n' + third
    )
    (problem,) = drift(tmp_path, body)
    assert problem.code == "TT606" and "has 3 choices here but 2" in problem.message
    assert problem.line == de_line(body, "[[choices]]", 3)


def test_the_correct_choice_moved(tmp_path: Path) -> None:
    body = BODY.replace("correct = true", "correct = maybe").replace(
        "correct = false", "correct = true"
    )
    body = body.replace("correct = maybe", "correct = false")
    found = drift(tmp_path, body)
    assert [p.code for p in found] == ["TT606", "TT606"]
    assert found[0].line == de_line(body, "[[choices]]")
    assert "choice 1 of exercise 'one' is not correct here but it is in" in found[0].message


def test_another_count_of_tweets(tmp_path: Path) -> None:
    body = BODY.replace("count = 3", "count = 4")
    (problem,) = drift(tmp_path, body)
    assert (problem.code, problem.line) == ("TT606", de_line(body, "count = 4"))
    assert "asks for 4 tweets here but 3" in problem.message


def test_only_the_checked_file_is_reported(tmp_path: Path) -> None:
    de, en = write_pair(tmp_path, BODY.replace("## Second", "### Second"))
    files = load_course([tmp_path]).active()
    assert set(translation_problems(files, {en})) == {en}
    assert set(translation_problems(files, {de})) == {de}
    assert translation_problems(files, set()) == {}


def test_a_later_source_is_reported_when_both_are_checked(tmp_path: Path) -> None:
    de, _ = write_pair(tmp_path / "base", BODY)
    custom = tmp_path / "custom"
    custom.mkdir()
    mine = custom / "demo.md"
    mine.write_text(lesson(BODY.replace("## Second", "### Second"), lang="en"), encoding="utf-8")
    files = load_course([tmp_path / "base", custom]).active()
    assert set(translation_problems(files, {f.path for f in files})) == {mine}
    assert de in {f.path for f in files}


def test_partner_found_beside_and_in_the_other_language_folder(tmp_path: Path) -> None:
    de, en = write_pair(tmp_path, BODY)
    (tmp_path / "de" / "other.md").write_text(lesson(id="other", lang="de"), encoding="utf-8")
    (tmp_path / "de" / "README.md").write_text('id = "demo"\n', encoding="utf-8")
    assert partner_paths(de, "demo", {}) == [en]
    flat = tmp_path / "flat"
    flat.mkdir()
    a, b = flat / "a.md", flat / "b.md"
    a.write_text(lesson(lang="de"), encoding="utf-8")
    b.write_text(lesson(lang="en"), encoding="utf-8")
    assert partner_paths(a, "demo", {}) == [b]


@pytest.fixture(scope="module")
def builtin_files():  # type: ignore[no-untyped-def]
    return load_course([settings.builtin_lessons_dir()]).active()


def test_the_built_in_course_is_translated_in_step(builtin_files) -> None:  # type: ignore[no-untyped-def]
    found = translation_problems(builtin_files, {f.path for f in builtin_files})
    assert found == {}, [str(p) for ps in found.values() for p in ps]
    langs = {(f.meta.id, f.meta.lang) for f in builtin_files if f.meta}
    assert len(langs) == 2 * len({lesson_id for lesson_id, _ in langs})  # every lesson in both
