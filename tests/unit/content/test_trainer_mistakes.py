"""The mistakes trainers make (issue 15), one by one: each gets a code, the right line and a fix.

The first thirteen are the ones a trainer made trying the format from the docs alone; the rest
are the cases `check` used to miss or misplace (indented and unclosed fences, typographic
quotes, `[checks]`, invisible characters, YAML front matter).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.content.lessons import CHOICE, lesson, line_of
from twitter_tutor.content.lesson import LessonFile, Problem
from twitter_tutor.content.loader import load_file
from twitter_tutor.content.problem_codes import UNCLASSIFIED

COMPOSE = """```exercise
id = "{id}"
type = "compose"
prompt = "Write a tweet."

[[checks]]
rule = "max_length"

[[checks]]
rule = "avoids"
words = ["shop"]
```
"""


def load(tmp_path: Path, text: str | bytes) -> LessonFile:
    path = tmp_path / "l.md"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return load_file(path, tmp_path)


def problems(tmp_path: Path, text: str | bytes) -> list[Problem]:
    result = load(tmp_path, text)
    assert result.lesson is None and result.problems
    assert all(p.kind is not UNCLASSIFIED for p in result.problems), [
        str(p) for p in result.problems
    ]
    return list(result.problems)


def only(tmp_path: Path, text: str | bytes) -> Problem:
    found = problems(tmp_path, text)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def two_steps(first: str, second: str) -> str:
    return lesson("## One\n\n" + first + "\n## Two\n\n" + second)


BROKEN_NEXT = CHOICE.format(id="second").replace('text = "Wrong"', 'txt = "Wrong"')
"""A second exercise with a mistake of its own: it must still be found and reported."""


def assert_next_exercise_checked(found: list[Problem], text: str) -> None:
    by_line = {p.line: p for p in found}
    assert by_line[line_of(text, 'txt = "Wrong"')].code == "TT301", [str(p) for p in found]


# -- the thirteen mistakes of the issue --------------------------------------------------------


def test_1_fence_indented_four_spaces(tmp_path: Path) -> None:
    indented = "".join(f"    {row}\n" for row in CHOICE.format(id="first").splitlines())
    text = two_steps(indented, BROKEN_NEXT)
    found = problems(tmp_path, text)
    first = found[0]
    assert (first.line, first.column, first.code) == (line_of(text, "    ```exercise"), 5, "TT102")
    assert "indented (4 spaces)" in first.message
    assert "start the fence at column 1" in first.message
    assert_next_exercise_checked(found, text)


def test_2_misspelt_field_suggests_the_right_one(tmp_path: Path) -> None:
    text = lesson("## S\n\n" + CHOICE.format(id="q").replace("correct = true", "corect = true"))
    found = problems(tmp_path, text)
    typo = next(p for p in found if p.code == "TT301")
    assert typo.line == line_of(text, "corect")
    assert "did you mean 'correct'" in typo.message


def test_3_exercise_without_type(tmp_path: Path) -> None:
    text = lesson("## S\n\n" + CHOICE.format(id="q").replace('type = "choice"\n', ""))
    problem = only(tmp_path, text)
    assert (problem.line, problem.code) == (line_of(text, "```exercise"), "TT401")
    assert 'add a line type = "..."' in problem.message and "choice, pick" in problem.message


def test_4_choice_without_a_correct_answer(tmp_path: Path) -> None:
    text = lesson("## S\n\n" + CHOICE.format(id="q").replace("correct = true", "correct = false"))
    problem = only(tmp_path, text)
    assert (problem.line, problem.code) == (line_of(text, "```exercise"), "TT405")
    assert "correct = true" in problem.message


def test_5_duplicate_exercise_id(tmp_path: Path) -> None:
    text = two_steps(CHOICE.format(id="same"), CHOICE.format(id="same"))
    problem = only(tmp_path, text)
    assert (problem.line, problem.code) == (line_of(text, 'id = "same"', 2), "TT406")
    first = line_of(text, 'id = "same"')
    assert f"first used on line {first}" in problem.message


@pytest.mark.parametrize("lang", ["EN", "en-GB"])
def test_6_language_not_written_as_de_or_en(tmp_path: Path, lang: str) -> None:
    text = lesson(lang=lang)
    problem = only(tmp_path, text)
    assert (problem.line, problem.code) == (line_of(text, "lang ="), "TT307")
    assert f"'de' or 'en', not \"{lang}\"" in problem.message


def test_7_misspelt_rule(tmp_path: Path) -> None:
    text = lesson("## S\n\n" + COMPOSE.format(id="c").replace('"avoids"', '"avoid"'))
    problem = only(tmp_path, text)
    assert (problem.line, problem.code) == (line_of(text, 'rule = "avoid"'), "TT403")
    assert "did you mean 'avoids'" in problem.message


def test_8_capitalised_info_string(tmp_path: Path) -> None:
    text = lesson("## S\n\n" + CHOICE.format(id="q").replace("```exercise", "```Exercise"))
    problem = only(tmp_path, text)
    assert (problem.line, problem.column, problem.code) == (
        line_of(text, "```Exercise"),
        4,
        "TT103",
    )
    assert "in lowercase" in problem.message


def test_9_tilde_fence_closed_with_backticks(tmp_path: Path) -> None:
    first = CHOICE.format(id="first").replace("```exercise", "~~~exercise")
    text = two_steps(first, BROKEN_NEXT)
    found = problems(tmp_path, text)
    fence = found[0]
    assert (fence.line, fence.code) == (line_of(text, "~~~exercise"), "TT101")
    closing = line_of(text, "~~~exercise") + first.count("\n") - 1
    assert f"line {closing} has '```'" in fence.message
    assert "end the block with a line '~~~'" in fence.message
    assert not any(p.code == "TT201" for p in found), "no TOML error from the swallowed text"
    assert_next_exercise_checked(found, text)


def test_10_windows_line_ends_and_bom_keep_lines_true(tmp_path: Path) -> None:
    good = ("\ufeff" + lesson("## S\n\n" + CHOICE.format(id="q"))).replace("\n", "\r\n")
    assert load(tmp_path, good.encode()).problems == ()
    text = lesson("## S\n\n" + CHOICE.format(id="q").replace("correct = true", "corect = true"))
    found = problems(tmp_path, ("\ufeff" + text).replace("\n", "\r\n").encode())
    assert next(p for p in found if p.code == "TT301").line == line_of(text, "corect")


def test_11_tab_before_the_fence_loses_neither_exercise(tmp_path: Path) -> None:
    text = two_steps("\t" + CHOICE.format(id="first"), BROKEN_NEXT)
    found = problems(tmp_path, text)
    tab = found[0]
    assert (tab.line, tab.column, tab.code) == (line_of(text, "\t```exercise"), 2, "TT102")
    assert "indented (a tab)" in tab.message
    assert_next_exercise_checked(found, text)
    assert len(found) == 3  # the tab, and the second exercise's two (missing text, txt)
    fixed = load(tmp_path, text.replace("\t```", "```").replace("txt =", "text ="))
    assert fixed.lesson is not None
    assert [e.id for e in fixed.lesson.exercises] == ["first", "second"]


def test_12_yaml_front_matter(tmp_path: Path) -> None:
    body = "## S\n\n" + CHOICE.format(id="q").replace('type = "choice"\n', "")
    text = "---\ntitle: Demo\nlang: en\n---\n\n" + body
    found = problems(tmp_path, text)
    yaml = found[0]
    assert (yaml.line, yaml.column, yaml.code) == (1, 1, "TT105")
    assert "YAML" in yaml.message and "'+++'" in yaml.message and 'key = "value"' in yaml.message
    # The body is still checked, at its own lines.
    assert [(p.line, p.code) for p in found[1:]] == [(line_of(text, "```exercise"), "TT401")]


# The thirteenth, an example whose expected verdict is wrong, is graded by `check`:
# tests/cli/test_check_cli.py and test_cli_basics.py run it through the real command.


# -- unclosed exercise blocks -------------------------------------------------------------------


def test_unclosed_fence_is_reported_where_it_opens_not_as_toml(tmp_path: Path) -> None:
    unclosed = CHOICE.format(id="q").rsplit("```", 1)[0]
    text = lesson("## S\n\n" + unclosed + "\n## Next\n\nMore text.\n")
    problem = only(tmp_path, text)
    assert (problem.line, problem.column, problem.code) == (
        line_of(text, "```exercise"),
        1,
        "TT101",
    )
    assert f"not closed before line {line_of(text, '## Next')}" in problem.message
    assert "add a line '```' after its TOML" in problem.message


def test_unclosed_fence_at_the_end_of_the_file(tmp_path: Path) -> None:
    text = lesson("## S\n\n" + CHOICE.format(id="q").rsplit("```", 1)[0])
    problem = only(tmp_path, text)
    assert (problem.line, problem.code) == (line_of(text, "```exercise"), "TT101")
    assert "never closed" in problem.message


def test_unclosed_fence_before_the_next_exercise_keeps_it(tmp_path: Path) -> None:
    unclosed = CHOICE.format(id="first").rsplit("```", 1)[0]
    text = two_steps(unclosed, BROKEN_NEXT)
    found = problems(tmp_path, text)
    assert (found[0].line, found[0].code) == (line_of(text, "```exercise"), "TT101")
    assert_next_exercise_checked(found, text)


def test_closing_fence_indented_is_named(tmp_path: Path) -> None:
    block = CHOICE.format(id="q").rsplit("```", 1)[0] + "    ```\n"
    text = lesson("## S\n\n" + block)
    problem = only(tmp_path, text)
    assert problem.line == line_of(text, "```exercise") and problem.code == "TT101"
    assert f"line {line_of(text, '    ```')} has '```', but it is indented" in problem.message


def test_unclosed_code_block_that_swallows_an_exercise(tmp_path: Path) -> None:
    text = lesson("## S\n\n```toml\nkey = 1\n\n" + CHOICE.format(id="q"))
    problem = only(tmp_path, text)
    assert (problem.line, problem.code) == (line_of(text, "```toml"), "TT101")
    assert "code block" in problem.message


def test_exercise_shown_inside_a_longer_fence_is_no_mistake(tmp_path: Path) -> None:
    shown = "````markdown\n" + CHOICE.format(id="shown") + "````\n"
    result = load(tmp_path, lesson("## S\n\nHow it looks:\n\n" + shown))
    assert result.problems == () and result.lesson is not None
    assert result.lesson.exercises == []


def test_indented_fence_continuing_a_paragraph(tmp_path: Path) -> None:
    text = lesson("## S\n\nSome text.\n    " + CHOICE.format(id="q"))
    problem = only(tmp_path, text)
    assert (problem.line, problem.code) == (line_of(text, "    ```exercise"), "TT102")


# -- TOML slips ---------------------------------------------------------------------------------


def test_typographic_quotes_in_an_exercise(tmp_path: Path) -> None:
    text = lesson("## S\n\n" + CHOICE.format(id="q").replace('"Which one?"', "“Which one?”"))
    problem = only(tmp_path, text)
    row = line_of(text, "question =")
    assert (problem.line, problem.code) == (row, "TT202")
    assert problem.column == text.split("\n")[row - 1].index("“") + 1
    assert "straight quotes" in problem.message


def test_typographic_quotes_in_the_front_matter(tmp_path: Path) -> None:
    text = lesson().replace('title = "A lesson"', "title = „A lesson“")
    problem = only(tmp_path, text)
    assert (problem.line, problem.column, problem.code) == (line_of(text, "title"), 9, "TT202")


def test_typographic_quotes_inside_straight_ones_are_fine(tmp_path: Path) -> None:
    text = lesson().replace('title = "A lesson"', 'title = "A „quoted“ lesson"')
    assert load(tmp_path, text).problems == ()


def test_single_brackets_for_a_list_of_entries(tmp_path: Path) -> None:
    block = COMPOSE.format(id="c").replace("[[checks]]", "[checks]")
    block = block.replace('rule = "max_length"', 'rule = "max_lenght"')
    text = lesson("## S\n\n" + block)
    found = problems(tmp_path, text)
    headers = [p for p in found if p.code == "TT203"]
    assert [p.line for p in headers] == [line_of(text, "[checks]"), line_of(text, "[checks]", 2)]
    assert all(p.column == 1 and "'[[checks]]'" in p.message for p in headers)
    # Read as meant, the block's other mistake is found too instead of a TOML error.
    assert [p.code for p in found if p.code != "TT203"] == ["TT403"]


def test_yaml_key_in_toml_front_matter(tmp_path: Path) -> None:
    text = lesson().replace('title = "A lesson"', "title: A lesson")
    problem = only(tmp_path, text)
    assert (problem.line, problem.code) == (line_of(text, "title:"), "TT201")
    assert "is YAML; TOML writes key = value" in problem.message


def test_unclosed_quote_says_what_to_do(tmp_path: Path) -> None:
    text = lesson("## S\n\n" + CHOICE.format(id="q").replace('"Which one?"', '"Which one?'))
    problem = only(tmp_path, text)
    assert (problem.line, problem.code) == (line_of(text, "question ="), "TT201")
    assert "closing quote is missing" in problem.message


# -- invisible characters -----------------------------------------------------------------------


def test_tab_inside_a_rule_name_is_shown(tmp_path: Path) -> None:
    text = lesson("## S\n\n" + COMPOSE.format(id="c").replace('"avoids"', '"avoids\t"'))
    problem = only(tmp_path, text)
    row = line_of(text, 'rule = "avoids')
    assert (problem.line, problem.code) == (row, "TT403")
    assert "unknown rule 'avoids\\t' (it holds a tab, shown as \\t: delete it)" in problem.message
    assert "\t" not in problem.message
    assert problem.column == text.split("\n")[row - 1].index("\t") + 1


def test_no_break_space_in_the_language_is_shown(tmp_path: Path) -> None:
    text = lesson(lang="en\u00a0")
    problem = only(tmp_path, text)
    assert problem.code == "TT307" and '"en\\u00a0"' in problem.message
    assert "a no-break space" in problem.message


def test_zero_width_space_in_words(tmp_path: Path) -> None:
    text = lesson("## S\n\n" + COMPOSE.format(id="c").replace('"shop"', '"sh\u200bop"'))
    problem = only(tmp_path, text)
    row = line_of(text, "words =")
    assert (problem.line, problem.code) == (row, "TT310")
    assert "'checks[2].words[1]' \"sh\\u200bop\" holds a zero-width space" in problem.message
    assert problem.column == text.split("\n")[row - 1].index("\u200b") + 1


def test_tab_between_words_of_a_phrase_is_fine(tmp_path: Path) -> None:
    text = lesson("## S\n\n" + COMPOSE.format(id="c").replace('"shop"', '"our\tshop"'))
    assert load(tmp_path, text).problems == ()


# -- the problem itself -------------------------------------------------------------------------


def test_problem_prints_as_path_line_column_code_message(tmp_path: Path) -> None:
    text = lesson("## S\n\n\t" + CHOICE.format(id="q"))
    problem = problems(tmp_path, text)[0]
    assert str(problem) == f"{tmp_path / 'l.md'}:{problem.line}:2: TT102 {problem.message}"
    without = Problem(Path("x.md"), 3, "m", problem.kind)
    assert str(without) == "x.md:3: TT102 m"
    assert problem.name == "indented-exercise-fence"
    assert problem.kind.doc == "docs/writing-lessons.md#tt102"
