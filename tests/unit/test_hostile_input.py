"""Issue 12, in-process: the reproductions of hostile answers, lessons, stored rows and paths.

Each one used to hang (a regular expression that backtracks) or crash; each must now end well
within a second with a clear message or a correct result.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.unit.content.lessons import lesson
from twitter_tutor.analysis import analyze
from twitter_tutor.cli.output import escape
from twitter_tutor.content.course import resolve
from twitter_tutor.content.loader import load_file
from twitter_tutor.content.toml_lines import key_lines
from twitter_tutor.grading.answers import AnswerError, parse_numbers
from twitter_tutor.progress import ProgressStore, open_store
from twitter_tutor.progress.export import export_csv, export_json
from twitter_tutor.settings import SettingsError, data_dir, extra_lesson_dirs

REPO = Path(__file__).resolve().parents[2]
FOLLOW = (REPO / "lessons" / "en" / "02-follow.md").read_text("utf-8")


def timed(work: Callable[[], object], limit_s: float) -> object:
    start = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - start
    assert elapsed < limit_s, f"took {elapsed:.2f} s (limit {limit_s} s)"
    return result


# -- 1: answer numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    ["1  " * 40 + "x", "1\r\n" * 40 + "x", "1  " * 3000 + "x", " " * 10_000 + "x", "1 ," * 3000],
)
def test_numbers_that_are_not_an_answer_are_refused_at_once(raw: str) -> None:
    with pytest.raises(AnswerError, match="must be numbers"):
        timed(lambda: parse_numbers(raw, 4), 0.1)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1,3", {1, 3}),
        (" 2 ; 4 ", {2, 4}),
        ("1 2\n3", {1, 2, 3}),
        ("0003", {3}),
        ("1,\n 2", {1, 2}),
    ],
)
def test_numbers_that_are_an_answer_still_parse(raw: str, expected: set[int]) -> None:
    assert parse_numbers(raw, 4) == expected


@pytest.mark.parametrize("raw", ["1,,2", "1 , , 2", ",1", "1;", "x"])
def test_separators_still_mean_what_they_meant(raw: str) -> None:
    with pytest.raises(AnswerError, match="must be numbers"):
        parse_numbers(raw, 4)


def test_a_number_of_thousands_of_digits_is_out_of_range_not_a_crash() -> None:
    with pytest.raises(AnswerError, match="out of range") as error:
        timed(lambda: parse_numbers("2," + "9" * 5000, 4), 0.1)
    assert len(str(error.value)) < 200


# -- 2: the TOML line scanner ---------------------------------------------------------------


@pytest.mark.parametrize("spaces", [5_000, 100_000])
def test_a_long_line_that_is_not_a_header_is_scanned_in_linear_time(spaces: int) -> None:
    text = '"q\\"" = [\n[' + " " * spaces + '"x",\n]\n'
    timed(lambda: key_lines(text), 0.1)


def test_headers_are_still_found() -> None:
    lines = key_lines('a = 1\n[ checks ]\nb = 2\n[[ items ]] # c\nc = 3\n[[items]]\n["q"]\n')
    assert lines[("checks",)] == 2 and lines[("checks", "b")] == 3
    assert lines[("items", 0)] == 4 and lines[("items", 0, "c")] == 5
    assert lines[("items", 1)] == 6 and lines[("q",)] == 7


# -- 3: lexicon patterns --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1" + ",000" * 20_000 + "1",
        "1" + ".000" * 20_000 + ",1",
        "1" + ",000" * 50_000,
        "€1" + "1" * 50_000,
        "$" + "1," * 20_000,
    ],
)
def test_thousand_separators_are_linear(text: str) -> None:
    analyze("warm up")
    timed(lambda: analyze(text), 2.0)  # 200 kB; the quadratic patterns took 8-25 s


# The rewritten patterns (possessive repeat, a lookahead that looks only at what follows)
# must match exactly what the old ones matched.
PATTERN_REWRITES = [
    (
        r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d.,]*\d)",
        r"(?<![\w.,])\d{1,3}(?:,\d{3})++(?![.,]*\d)",
    ),
    (
        r"(?<![\w.,])\d{1,3}(?:\.\d{3})+(?![\d.,]*\d)",
        r"(?<![\w.,])\d{1,3}(?:\.\d{3})++(?![.,]*\d)",
    ),
    (
        r"(?:€|\$|£)\s?\d{1,6}(?:[.,]\d{1,2})?(?![\d.,]*\d)",
        r"(?:€|\$|£)\s?\d{1,6}(?:[.,]\d{1,2})?(?![.,]*\d)",
    ),
]


def test_the_rewritten_number_patterns_match_what_the_old_ones_matched() -> None:
    import random
    import re

    lexicons = "".join(
        (REPO / "src/twitter_tutor/analysis/lexicons" / name).read_text("utf-8")
        for name in ("common.toml", "de.toml", "en.toml")
    )
    rng = random.Random(12)
    texts = [
        "".join(rng.choice("10,.,. €$x") for _ in range(rng.randint(1, 16))) for _ in range(20_000)
    ]
    for old, new in PATTERN_REWRITES:
        assert f"'{new}'" in lexicons and f"'{old}'" not in lexicons
        before, after = re.compile(old, re.I), re.compile(new, re.I)
        for text in texts:
            assert [m.span() for m in before.finditer(text)] == [
                m.span() for m in after.finditer(text)
            ], (old, text)


def test_live_feedback_analyses_at_most_what_a_tweet_can_hold() -> None:
    from twitter_tutor.tui.widgets.exercise import LIVE_CHARS, live_text

    assert live_text("short") == ("short", False)
    text, cut = live_text("x" * 48_000)
    assert cut and len(text) == LIVE_CHARS <= 10_000


# -- 5, 6: hostile lessons ------------------------------------------------------------------


def _follow(name: str, *, front: str = "", exercise: str | None = None) -> str:
    head, body = FOLLOW.split("+++\n", 2)[1:]
    head = head.replace('id = "follow"', f'id = "{name}"')
    if exercise is not None:
        body += f"\n## Hostile\n\n```exercise\n{exercise}\n```\n"
    return f"+++\n{head}{front}+++\n{body}"


FRONT_LINE = 8  # the line after the front matter of 02-follow.md's six keys and the fence


HOSTILE_LESSONS = {
    "deep-array": (_follow("a", front="x = " + "[" * 1000 + "]" * 1000 + "\n"), "nested"),
    "deep-table": (_follow("b", front="x = " + "{a=" * 1000 + "1" + "}" * 1000 + "\n"), "nested"),
    "long-key": (_follow("c", front=".".join(["k"] * 2000) + " = 1\n"), "1000 parts"),
    "big-int": (_follow("d", front="order2 = " + "1" * 5000 + "\n"), "thousands of digits"),
    "type-list": (_follow("e", exercise='type = [1]\nid = "x"'), "'type' must be a string"),
    "type-table": (_follow("f", exercise='id = "x"\n[type]\na = 1'), "'type' must be a string"),
    "huge-followers": (
        FOLLOW.replace("followers = ", "followers = 0x" + "f" * 4000 + " #", 1),
        "less than or equal",
    ),
    "huge-mix": (
        lesson(
            '## S\n\n```exercise\nid = "p"\ntype = "plan"\nprompt = "Plan."\ncount = 3\n'
            "max_promotional = 99999999999999999999\n```\n"
        ),
        "less than or equal",
    ),
    "cubic-header": (_follow("g", front='"q\\"" = [\n[' + " " * 10_000 + '"x",\n]\n'), "TOML"),
}


@pytest.mark.parametrize("name", list(HOSTILE_LESSONS))
def test_a_hostile_lesson_is_one_problem_with_a_line_and_the_course_still_loads(
    tmp_path: Path, name: str
) -> None:
    text, message = HOSTILE_LESSONS[name]
    bad = tmp_path / "bad.md"
    bad.write_text(text, "utf-8")
    good = tmp_path / "good.md"
    good.write_text(lesson(id="good"), "utf-8")
    files = timed(lambda: [load_file(bad, tmp_path), load_file(good, tmp_path)], 1.0)
    assert isinstance(files, list)
    course = resolve(files)
    broken, fine = course.files
    assert broken.lesson is None and broken.problems
    assert message in broken.problems[0].message, str(broken.problems[0])
    assert "cannot read this lesson" not in broken.problems[0].message  # no internal error
    assert broken.problems[0].line > 1 or name == "huge-mix"
    assert fine.lesson is not None and not fine.problems


def test_nesting_is_reported_on_the_line_that_nests(tmp_path: Path) -> None:
    path = tmp_path / "l.md"
    path.write_text(HOSTILE_LESSONS["deep-array"][0], "utf-8")
    assert load_file(path).problems[0].line == FRONT_LINE


def test_an_unexpected_loader_error_costs_only_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from twitter_tutor.content import loader

    def boom(*_args: object) -> None:
        raise RuntimeError("bug\nsecond line")

    monkeypatch.setattr(loader, "parse_lesson", boom)
    path = tmp_path / "l.md"
    path.write_text(lesson(), "utf-8")
    result = load_file(path)
    assert result.lesson is None
    assert [p.message for p in result.problems] == ["cannot read this lesson (RuntimeError: bug)"]


# -- 4: Markdown the tutor cannot show well ----------------------------------------------------


def _table(columns: int, rows: int) -> str:
    cells = lambda text: "|" + "|".join(text for _ in range(columns)) + "|"  # noqa: E731
    return "\n".join([cells("h"), cells("-"), *(cells("v") for _ in range(rows))])


@pytest.mark.parametrize(
    ("columns", "rows", "message"),
    [(1000, 1, "1,000 columns"), (10_000, 1, "10,000 columns"), (10, 100, "1,010 cells")],
)
def test_a_table_too_big_to_show_is_reported_at_its_line(
    tmp_path: Path, columns: int, rows: int, message: str
) -> None:
    path = tmp_path / "l.md"
    path.write_text(lesson(f"## Table\n\nIntro.\n\n{_table(columns, rows)}\n"), "utf-8")
    result = load_file(path)
    timed(lambda: load_file(path), 1.0)
    assert result.lesson is None
    table_line = path.read_text("utf-8").split("\n").index(_table(columns, rows).split("\n")[0])
    assert (table_line + 1, True) in [(p.line, message in p.message) for p in result.problems]


def test_a_table_within_the_limits_loads(tmp_path: Path) -> None:
    path = tmp_path / "l.md"
    path.write_text(lesson(f"## Table\n\n{_table(12, 20)}\n"), "utf-8")
    result = load_file(path)
    assert not result.problems and result.lesson is not None


def test_a_step_too_long_for_one_page_is_reported_at_its_heading(tmp_path: Path) -> None:
    prose = ("A sentence of a long step. " * 20 + "\n\n") * 40  # about 22,000 characters
    path = tmp_path / "l.md"
    path.write_text(lesson(f"## Short\n\nFine.\n\n## Long\n\n{prose}"), "utf-8")
    result = load_file(path)
    heading = path.read_text("utf-8").split("\n").index("## Long") + 1
    assert [(p.line, "split it with '## ' headings" in p.message) for p in result.problems] == [
        (heading, True)
    ]


def test_problems_are_reported_in_file_order(tmp_path: Path) -> None:
    path = tmp_path / "l.md"
    path.write_text(lesson(f"## Table\n\n{_table(20, 1)}\n", extra="nonsense = 1\n"), "utf-8")
    lines = [p.line for p in load_file(path).problems]
    assert len(lines) == 2 and lines == sorted(lines)


# -- 7: damaged rows in the store -----------------------------------------------------------


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[ProgressStore]:
    opened = open_store(tmp_path / "data", allow_memory=False)
    store = opened.store
    for n, answer in enumerate(['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "ok"]):
        store.record_attempt("p", "l", f"e{n}", answer, 50, False, [{"rule": "r"}], "h")
    store.visit("p", "l", 1)
    yield store
    store.close()


def _damage(store: ProgressStore, sql: str) -> None:
    assert store.path is not None
    conn = sqlite3.connect(store.path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("UPDATE attempts SET checks = 'not json' WHERE id = 2", "checks is not JSON"),
        ("UPDATE attempts SET checks = '" + "[" * 100_000 + "' WHERE id = 2", "checks"),
        ("UPDATE attempts SET checks = '{}' WHERE id = 2", "checks is not a list"),
        ("UPDATE attempts SET at = 'yesterday' WHERE id = 2", "at is not an ISO 8601 time"),
        ("UPDATE attempts SET at = 12 WHERE id = 2", "at is not"),
        ("UPDATE attempts SET answer = x'00ff' WHERE id = 2", "answer is not text"),
        ("UPDATE attempts SET score = 'many' WHERE id = 2", "score is not a number"),
    ],
)
def test_a_damaged_attempt_is_reported_and_skipped_and_the_rest_exports(
    filled: ProgressStore, sql: str, reason: str
) -> None:
    _damage(filled, sql)
    attempts = filled.attempts("p")
    assert [a.id for a in attempts] == [1, 3, 4, 5, 6]
    assert len(filled.damaged) == 1 and "attempt 2" in filled.damaged[0]
    assert reason in filled.damaged[0]
    data = export_json(filled, "p")
    assert len(data["attempts"]) == 5  # type: ignore[arg-type]
    out = io.StringIO()
    export_csv(filled, "p", out)
    assert len(list(csv.reader(io.StringIO(out.getvalue())))) == 6


def test_a_damaged_lesson_row_and_position_are_skipped(filled: ProgressStore) -> None:
    _damage(filled, "UPDATE lessons SET last_visit = 'never'")
    _damage(filled, "UPDATE positions SET step = 'x'")
    assert filled.lessons("p") == {}
    assert filled.last_position("p") is None
    assert len(filled.damaged) == 2
    json.dumps(export_json(filled, "p"))


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(filled: ProgressStore) -> None:
    out = io.StringIO()
    export_csv(filled, "p", out)
    answers = [row[3] for row in csv.reader(io.StringIO(out.getvalue()))][1:]
    assert answers == ['\'=HYPERLINK("http://x")', "'+1", "'-2", "'@SUM(A1)", "'\tx", "ok"]


# -- 8, 13: paths and output ----------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: data_dir({"TWITTER_TUTOR_HOME": "~nosuchuser-12/x"}),
        lambda: extra_lesson_dirs({"TWITTER_TUTOR_LESSONS": "~nosuchuser-12"}, None),
        lambda: extra_lesson_dirs({}, ["~nosuchuser-12/lessons"]),
    ],
)
def test_an_unknown_user_in_a_path_is_a_settings_error(call: Callable[[], object]) -> None:
    with pytest.raises(SettingsError, match="~nosuchuser-12"):
        call()


def test_escape_makes_control_characters_visible() -> None:
    assert escape("a\x1b]0;title\x07b\nc\u202ed\x85") == "a\\e]0;title\\x07b\\nc\\u202ed\\x85"
    assert escape("Grüße, 👋 — ok") == "Grüße, 👋 — ok"
    assert escape(escape("\x1b")) == escape("\x1b")
