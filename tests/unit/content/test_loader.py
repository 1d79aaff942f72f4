"""The loader reports each problem class at the exact line of the .md file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.content.lessons import CHOICE, lesson, line_of
from twitter_tutor.content.loader import load_file
from twitter_tutor.content.models import (
    ChoiceExercise,
    ComposeExercise,
    PickExercise,
    PlanExercise,
)
from twitter_tutor.content.starter import starter_lesson


def load(tmp_path: Path, text: str | bytes, name: str = "l.md"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return load_file(path, tmp_path)


def only_problem(tmp_path: Path, text: str | bytes) -> tuple[int, str]:
    result = load(tmp_path, text)
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    assert result.lesson is None
    return result.problems[0].line, result.problems[0].message


@pytest.mark.parametrize("lang", ["de", "en"])
def test_starter_lesson_loads_every_exercise_type(tmp_path: Path, lang: str) -> None:
    result = load(tmp_path, starter_lesson("starter", lang))
    assert result.problems == ()
    assert result.lesson is not None
    types = [type(e) for e in result.lesson.exercises]
    assert types == [ChoiceExercise, PickExercise, ComposeExercise, PlanExercise]
    assert result.lesson.steps[0].is_opening
    assert result.lesson.steps[1].title in ("Reading comes first", "Erst lesen")
    assert len(result.lesson.content_hash) == 64


def test_steps_split_on_h2_and_keep_markdown_around_exercises(tmp_path: Path) -> None:
    body = (
        "Opening.\n\n## One\n\nBefore.\n\n" + CHOICE.format(id="q") + "\nAfter.\n\n## Two\n\nEnd.\n"
    )
    result = load(tmp_path, lesson(body))
    assert result.lesson is not None
    steps = result.lesson.steps
    assert [s.title for s in steps] == ["", "One", "Two"]
    kinds = [type(b).__name__ for b in steps[1].blocks]
    assert kinds == ["MarkdownBlock", "ExerciseBlock", "MarkdownBlock"]
    assert steps[1].blocks[0].text == "Before."  # type: ignore[union-attr]
    text = lesson(body)
    assert steps[1].line == line_of(text, "## One")
    assert steps[1].blocks[1].line == line_of(text, "```exercise")


def test_hash_heading_inside_code_is_not_a_step(tmp_path: Path) -> None:
    body = "## Real\n\n```\n## not a step\n```\n"
    result = load(tmp_path, lesson(body))
    assert result.lesson is not None
    assert [s.title for s in result.lesson.steps] == ["Real"]


def test_missing_front_matter(tmp_path: Path) -> None:
    line, message = only_problem(tmp_path, "# Just markdown\n\nText\n")
    assert line == 1
    assert "missing front matter" in message


def test_unclosed_front_matter(tmp_path: Path) -> None:
    line, message = only_problem(tmp_path, '+++\nid = "x"\n\n## Step\n')
    assert line == 1
    assert "not closed" in message


def test_front_matter_toml_syntax_error(tmp_path: Path) -> None:
    text = lesson(extra="minutes = = 5\n")
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, "minutes")
    assert "TOML syntax error" in message


def test_missing_front_matter_field_points_at_front_matter(tmp_path: Path) -> None:
    text = lesson().replace('summary = "What it teaches."\n', "")
    line, message = only_problem(tmp_path, text)
    assert line == 1
    assert "missing required field 'summary'" in message


def test_unknown_front_matter_field_suggests_the_right_one(tmp_path: Path) -> None:
    text = lesson(extra="minuts = 5\n")
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, "minuts")
    assert "unknown field 'minuts'" in message
    assert "did you mean 'minutes'" in message


def test_invalid_slug_and_lang(tmp_path: Path) -> None:
    text = lesson(id="Not A Slug", lang="fr")
    result = load(tmp_path, text)
    lines = sorted(p.line for p in result.problems)
    assert lines == [line_of(text, "id ="), line_of(text, "lang =")]
    assert any("slug" in p.message for p in result.problems)


def test_wrong_type_and_range(tmp_path: Path) -> None:
    text = lesson(extra='minutes = "five"\n').replace("order = 1", "order = -3")
    result = load(tmp_path, text)
    by_line = {p.line: p.message for p in result.problems}
    assert "whole number" in by_line[line_of(text, "minutes")]
    assert "greater than or equal to 0" in by_line[line_of(text, "order")]


def test_exercise_toml_syntax_error_line(tmp_path: Path) -> None:
    body = '## S\n\n```exercise\nid = "x"\ntype = "choice"\nquestion = "unclosed\n```\n'
    text = lesson(body)
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, "question =")
    assert "TOML syntax error" in message


def test_unknown_exercise_type(tmp_path: Path) -> None:
    body = '## S\n\n```exercise\nid = "x"\ntype = "quiz"\n```\n'
    text = lesson(body)
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, 'type = "quiz"')
    assert "unknown exercise type 'quiz'" in message and "choice, pick, compose, plan" in message


def test_missing_exercise_type_points_at_fence(tmp_path: Path) -> None:
    text = lesson('## S\n\n```exercise\nid = "x"\n```\n')
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, "```exercise")
    assert "no 'type'" in message


def test_unknown_rule_lists_known_rules(tmp_path: Path) -> None:
    body = (
        '## S\n\n```exercise\nid = "c"\ntype = "compose"\nprompt = "Write."\n\n'
        '[[checks]]\nrule = "max_length"\n\n[[checks]]\nrule = "no_ads"\n```\n'
    )
    text = lesson(body)
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, 'rule = "no_ads"')
    assert message.startswith("unknown rule 'no_ads'; known rules: max_length")


def test_rule_parameter_errors_point_at_the_parameter(tmp_path: Path) -> None:
    body = (
        '## S\n\n```exercise\nid = "c"\ntype = "compose"\nprompt = "Write."\n\n'
        '[[checks]]\nrule = "max_hashtags"\nlimit = -1\n\n'
        '[[checks]]\nrule = "mentions_any"\n```\n'
    )
    text = lesson(body)
    result = load(tmp_path, text)
    by_line = {p.line: p.message for p in result.problems}
    assert "greater than or equal to 0" in by_line[line_of(text, "limit = -1")]
    assert "missing required field 'words'" in by_line[line_of(text, "[[checks]]", 2)]


def test_unknown_key_in_choice(tmp_path: Path) -> None:
    body = "## S\n\n" + CHOICE.format(id="q").replace('why = "Because."', 'whyy = "Because."')
    text = lesson(body)
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, "whyy")
    assert "did you mean 'why'" in message


def test_choice_without_correct_answer(tmp_path: Path) -> None:
    body = "## S\n\n" + CHOICE.format(id="q").replace("correct = true", "correct = false")
    text = lesson(body)
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, "```exercise")
    assert "at least one choice with correct = true" in message


def test_pick_needs_both_sides(tmp_path: Path) -> None:
    body = (
        '## S\n\n```exercise\nid = "p"\ntype = "pick"\nquestion = "Which?"\n\n'
        '[[items]]\nauthor = "A"\nhandle = "@a"\ntext = "x"\npick = true\n\n'
        '[[items]]\nauthor = "B"\nhandle = "b"\ntext = "y"\npick = true\n```\n'
    )
    text = lesson(body)
    result = load(tmp_path, text)
    by_line = {p.line: p.message for p in result.problems}
    assert "@handle" in by_line[line_of(text, 'handle = "b"')]


def test_duplicate_exercise_id_reported_at_later_occurrence(tmp_path: Path) -> None:
    body = "## S\n\n" + CHOICE.format(id="same") + "\n## T\n\n" + CHOICE.format(id="same")
    text = lesson(body)
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, 'id = "same"', 2)
    assert "duplicate exercise id 'same'" in message


def test_not_utf8(tmp_path: Path) -> None:
    data = lesson().encode() + b"\n\nbad \xff byte\n"
    line, message = only_problem(tmp_path, data)
    assert line == lesson().count("\n") + 3
    assert "not UTF-8" in message


def test_no_content(tmp_path: Path) -> None:
    text = lesson(body="\n\n")
    line, message = only_problem(tmp_path, text)
    assert "no content" in message
    assert line == line_of(text, "+++", 2) + 1


def test_crlf_and_bom_are_fine(tmp_path: Path) -> None:
    data = ("\ufeff" + lesson()).replace("\n", "\r\n").encode()
    result = load(tmp_path, data)
    assert result.problems == ()


def test_meta_kept_for_broken_lesson(tmp_path: Path) -> None:
    text = lesson('## S\n\n```exercise\nid = "x"\n```\n')
    result = load(tmp_path, text)
    assert result.lesson is None and result.meta is not None and result.meta.id == "demo"


def test_unknown_key_in_a_check_suggests_the_rule_fields(tmp_path: Path) -> None:
    body = (
        '## S\n\n```exercise\nid = "c"\ntype = "compose"\nprompt = "Write."\n\n'
        '[[checks]]\nrule = "max_length"\nlimt = 100\n```\n'
    )
    text = lesson(body)
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, "limt")
    assert "did you mean 'limit'" in message and "known fields:" in message


def test_types_are_not_coerced(tmp_path: Path) -> None:
    body = "## S\n\n" + CHOICE.format(id="q").replace("correct = true", 'correct = "yes"')
    text = lesson(body).replace("order = 1", 'order = "1"')
    result = load(tmp_path, text)
    by_line = {p.line: p.message for p in result.problems}
    assert "true or false" in by_line[line_of(text, 'correct = "yes"')]
    assert "whole number" in by_line[line_of(text, 'order = "1"')]


def test_missing_front_matter_field_names_the_front_matter(tmp_path: Path) -> None:
    text = lesson().replace('title = "A lesson"\n', "")
    _, message = only_problem(tmp_path, text)
    assert message == "missing required field 'title' in the front matter"


def test_capitalised_exercise_fence_is_reported(tmp_path: Path) -> None:
    text = lesson("## S\n\n" + CHOICE.format(id="q").replace("```exercise", "```Exercise"))
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, "```Exercise")
    assert "lowercase" in message
