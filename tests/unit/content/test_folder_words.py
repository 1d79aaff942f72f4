"""A lesson folder's `_words.toml`: read into word lists, every mistake a problem at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.content.lessons import lesson
from twitter_tutor.analysis.lexicon import LexiconError, parse_word
from twitter_tutor.content.folder_words import parse_folder_words, read_folder_words, word_problem
from twitter_tutor.content.lesson import FolderWords, Problem
from twitter_tutor.content.loader import load_file

GOOD = """\
# Our own ad words
[en]
promotional = ["suncatcher", "mega deal*"]
personal = ["our fitters"]

[de]
promotional = ["Sonnenfänger*"]
conversational = ["was meint ihr"]
"""


def read(tmp_path: Path, text: str | bytes) -> FolderWords:
    path = tmp_path / "_words.toml"
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    found = read_folder_words(tmp_path)
    assert found is not None
    assert found.path == path
    return found


def only(words: FolderWords) -> Problem:
    assert len(words.problems) == 1, words.problems
    return words.problems[0]


def test_a_valid_file_gives_its_lists_and_no_problem(tmp_path: Path) -> None:
    words = read(tmp_path, GOOD)
    assert words.problems == ()
    assert words.lists == (
        ("en", "promotional", ("suncatcher", "mega deal*")),
        ("en", "personal", ("our fitters",)),
        ("de", "promotional", ("Sonnenfänger*",)),
        ("de", "conversational", ("was meint ihr",)),
    )


def test_no_file_is_no_words(tmp_path: Path) -> None:
    assert read_folder_words(tmp_path) is None
    assert read_folder_words(tmp_path / "missing") is None


def test_a_lesson_carries_the_words_beside_it_and_only_those(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for folder in (tmp_path, tmp_path / "sub"):
        (folder / "l.md").write_text(lesson(), encoding="utf-8")
    read(tmp_path, GOOD)
    top = load_file(tmp_path / "l.md", tmp_path).lesson
    below = load_file(tmp_path / "sub" / "l.md", tmp_path).lesson
    assert top is not None and top.words is not None
    assert top.words.lists[0] == ("en", "promotional", ("suncatcher", "mega deal*"))
    assert below is not None and below.words is None


def test_windows_line_ends_a_bom_and_duplicates_are_fine(tmp_path: Path) -> None:
    text = '\ufeff[en]\r\npromotional = ["deal", "deal", " sale "]\r\n'
    words = read(tmp_path, text)
    assert words.problems == ()
    assert words.lists == (("en", "promotional", ("deal", "sale")),)


@pytest.mark.parametrize(
    ("text", "line", "column", "code", "says"),
    [
        ('[en]\npromotional = ["deal"\n', 3, 1, "TT201", "TOML syntax error"),
        ("[en]\npromotional = [“deal”]\n", 2, 16, "TT202", "typographic quote"),
        ('[EN]\npromotional = ["deal"]\n', 1, None, "TT301", "write [en] in lower case"),
        ('promotional = ["deal"]\n', 1, None, "TT301", "put it under [de] or [en]"),
        ('[fr]\npromotional = ["deal"]\n', 1, None, "TT301", "unknown table 'fr'"),
        ('[en]\npromotion = ["deal"]\n', 2, None, "TT301", "did you mean 'promotional'?"),
        ('[en]\nfiller = ["deal"]\n', 2, None, "TT301", "known kinds: promotional, personal"),
        ('en = ["deal"]\n', 1, None, "TT303", "'en' must be a table"),
        ('[en]\npromotional = "deal"\n', 2, None, "TT303", "must be a list of words"),
        ("[en]\npromotional = [1, 2]\n", 2, None, "TT303", "must be a list of words"),
    ],
)
def test_each_mistake_in_the_file_is_a_problem_at_its_line(
    tmp_path: Path, text: str, line: int, column: int | None, code: str, says: str
) -> None:
    problem = only(read(tmp_path, text))
    assert (problem.line, problem.column, problem.code) == (line, column, code)
    assert says in problem.message
    assert str(problem).startswith(f"{tmp_path / '_words.toml'}:{line}")


@pytest.mark.parametrize(
    ("word", "code", "says"),
    [
        ("*deal", "TT311", "a * works only at the very end"),
        ("mega* deal", "TT311", "a * works only at the very end"),
        ("20%", "TT311", "is not a word or phrase"),
        ("(a+)+$", "TT311", "is not a word or phrase"),
        ("deal.*", "TT311", "is not a word or phrase"),
        ("#suncatcher", "TT311", "leave out the #"),
        ("@shop", "TT311", "leave out the @"),
        ("ab*", "TT311", "needs at least 3 letters"),
        ("  ", "TT308", "an empty word"),
        ("sun\u200bcatcher", "TT310", "a zero-width space, shown as \\u200b"),
        ("x" * 101, "TT309", "longer than 100 characters"),
    ],
)
def test_a_bad_word_is_reported_where_it_is_written_and_the_rest_still_count(
    tmp_path: Path, word: str, code: str, says: str
) -> None:
    text = f'[en]\npromotional = [\n  "deal",\n  "sale", "{word}",\n]\npersonal = ["our team"]\n'
    words = read(tmp_path, text)
    problem = only(words)
    assert (problem.line, problem.column, problem.code) == (4, 11, code)
    assert problem.message.startswith("en.promotional: ")
    assert says in problem.message
    assert words.lists == (
        ("en", "promotional", ("deal", "sale")),
        ("en", "personal", ("our team",)),
    )


def test_the_same_bad_word_twice_is_reported_at_each_place(tmp_path: Path) -> None:
    words = read(tmp_path, '[en]\npromotional = ["20%",\n "20%"]\n')
    assert [(p.line, p.column) for p in words.problems] == [(2, 16), (3, 2)]


def test_too_many_words_in_one_list(tmp_path: Path) -> None:
    many = ", ".join(f'"word{n}"' for n in range(1001))
    problem = only(read(tmp_path, f"[de]\n\npersonal = [{many}]\n"))
    assert (problem.line, problem.code) == (3, "TT309")


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    problem = only(read(tmp_path, b'[de]\npromotional = ["Sonnenf\xe4nger"]\n'))
    assert (problem.line, problem.code) == (2, "TT003")


def test_hostile_toml_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    problem = only(read(tmp_path, "x = " + "[" * 2000 + "]" * 2000 + "\n"))
    assert problem.code == "TT201"


def test_a_folder_by_that_name_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "_words.toml").mkdir()
    found = read_folder_words(tmp_path)
    assert found is not None
    assert (only(found).line, only(found).code, found.lists) == (1, "TT001", ())


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Reading refused in-process: root (as in CI) reads a file whatever its permissions.
    path = tmp_path / "_words.toml"
    path.write_text(GOOD, encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    found = read_folder_words(tmp_path)
    assert found is not None
    assert (only(found).code, found.lists) == ("TT001", ())
    assert "Permission denied" in only(found).message


def test_parsing_is_cached_per_content(tmp_path: Path) -> None:
    path = tmp_path / "_words.toml"
    data = GOOD.encode("utf-8")
    assert parse_folder_words(path, data) is parse_folder_words(path, bytes(data))
    assert parse_folder_words(path, data + b"\n") is not parse_folder_words(path, data)


WORDS = [
    "deal", "Deal", "mega deal", "mega-deal", "deal*", "mega deal*", "don't", "don’t", "we're*",
    "Straße", "ßa*", "ab*", "abc*", "a*", "x", "42", "h2o", "snake_case", "*deal", "de*al",
    "mega* deal", "deal**", "20%", "€5", "deal!", "deal.", "a.b", "(a+)+", "#tag", "@name",
    "", "  ", "-", "'quoted'", "it's'", "café", "naïve*", "İstanbul", "日本", "x y z*",
]


@pytest.mark.parametrize("word", WORDS)
def test_check_accepts_exactly_the_words_the_analysis_can_match(word: str) -> None:
    """The content layer checks words itself (it may not import the analysis); it must agree
    with the analysis's own reading, or a word `check` passes would be dropped."""
    try:
        parse_word(word, "test")
        analysis_takes = True
    except LexiconError:
        analysis_takes = False
    assert (word_problem(word) is None) == analysis_takes


def test_the_example_in_the_docs_is_a_valid_words_file(tmp_path: Path) -> None:
    doc = (Path(__file__).resolve().parents[3] / "docs" / "writing-lessons.md").read_text("utf-8")
    marker = doc.index("<!-- words-file example:")
    start = doc.index("```toml\n", marker) + len("```toml\n")
    block = doc[start : doc.index("\n```", start)]
    words = read(tmp_path, block)
    assert words.problems == ()
    assert {(lang, kind) for lang, kind, _ in words.lists} == {
        ("de", "promotional"),
        ("de", "personal"),
        ("en", "promotional"),
        ("en", "personal"),
    }
