"""A lesson folder's own words for the tweet analysis: the `_words.toml` beside its lessons.

    [en]
    promotional = ["suncatcher", "mega deal*"]
    personal = ["our fitters"]
    [de]
    promotional = ["Sonnenfänger*"]

A table per language, in it a list of words per kind. The words are written as in the built-in
lexicons: whole words or phrases, upper and lower case alike, a final `*` for any ending. They
are matched as words, never as regular expressions, so no input can make matching slow.

Nothing here raises on a bad file: each mistake becomes a `Problem` at its line for `check`,
and the words that are fine still count. A file is parsed once per content (the course is
loaded again on every `--watch` change, and each lesson of the folder asks for it).
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from pathlib import Path

import tomli

from twitter_tutor.content import invisible, problem_codes
from twitter_tutor.content.folders import WORDS_FILE
from twitter_tutor.content.lesson import FolderWords, Problem
from twitter_tutor.content.problem_codes import ProblemKind
from twitter_tutor.content.toml_hints import explain
from twitter_tutor.content.toml_lines import key_lines

LANGS = ("de", "en")
WORD_KINDS = ("promotional", "personal", "conversational", "informative")
"""The kinds a folder may add words to (small talk, "filler", is judged by the floor)."""
MAX_WORDS = 1000
"""Words per list: a product range fits; a pasted dictionary does not."""
MAX_WORD_LENGTH = 100
STEM_LETTERS = 3
"""Letters a single word needs before its `*` (as in the built-in lexicons)."""

# What the analysis takes as one word of a phrase (analysis.lexicon.parse_word; a test keeps
# the two in step): letters and digits, inner apostrophes, a final `*`.
_WORD_PART = re.compile(r"\w+(?:'\w+)*\*?")
_GAP = re.compile(r"[\s\-]+")

EXAMPLE = 'promotional = ["Sonnenfänger", "mega deal*"]'


def read_folder_words(folder: Path) -> FolderWords | None:
    """The `_words.toml` in `folder`, None when there is none."""
    path = folder / WORDS_FILE
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        problem = Problem(
            path,
            1,
            f"cannot read the file: {error.strerror or error}",
            problem_codes.UNREADABLE_FILE,
        )
        return FolderWords(path, (), (problem,))
    return parse_folder_words(path, data)


@lru_cache(maxsize=32)
def parse_folder_words(path: Path, data: bytes) -> FolderWords:
    """The words of a `_words.toml` holding `data`, with a problem for each mistake."""
    problems = _Problems(path)
    text = _decode(data, problems)
    if text is None:
        return problems.result(())
    try:
        raw = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        lineno = getattr(error, "lineno", None) or 1
        message = getattr(error, "msg", None) or str(error).split(" (at ")[0]
        hint = explain(text, lineno, getattr(error, "colno", None), message)
        problems.add(lineno, f"TOML syntax error: {hint.detail}", hint.kind, hint.column)
        return problems.result(())
    except (RecursionError, ValueError):
        # tomli's limits (nesting in the hundreds, numbers of thousands of digits): no line.
        problems.add(1, "TOML syntax error: the file is nested too deeply or holds a huge number")
        return problems.result(())
    lines = key_lines(text)
    written = text.split("\n")
    lists: list[tuple[str, str, tuple[str, ...]]] = []
    for lang, table in raw.items():
        line = lines.get((lang,), 1)
        if lang not in LANGS:
            problems.add(line, _unknown_table(lang), problem_codes.UNKNOWN_FIELD)
            continue
        if not isinstance(table, dict):
            problems.add(
                line,
                f"'{lang}' must be a table: a line [{lang}], then lists like {EXAMPLE}",
                problem_codes.WRONG_TYPE,
            )
            continue
        for kind, words in table.items():
            kind_line = lines.get((lang, kind), line)
            if kind not in WORD_KINDS:
                problems.add(kind_line, _unknown_kind(lang, kind), problem_codes.UNKNOWN_FIELD)
                continue
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                problems.add(
                    kind_line,
                    f"{lang}.{kind} must be a list of words in quotes, like {EXAMPLE}",
                    problem_codes.WRONG_TYPE,
                )
                continue
            if len(words) > MAX_WORDS:
                problems.add(
                    kind_line,
                    f"{lang}.{kind} has {len(words)} words; at most {MAX_WORDS} are allowed",
                    problem_codes.TOO_LONG,
                )
                continue
            good = _checked_words(words, f"{lang}.{kind}", kind_line, written, problems)
            if good:
                lists.append((lang, kind, good))
    return problems.result(tuple(lists))


def word_problem(word: str) -> tuple[str, ProblemKind] | None:
    """What is wrong with one entry of a words list, None when it is a word or phrase the
    analysis can match."""
    shown = invisible.visible(word)
    if invisible.find(word) >= 0:
        return (
            f'"{shown}" holds {invisible.describe(word)}, which no tweet contains: delete it',
            problem_codes.INVISIBLE_CHARACTER,
        )
    text = word.strip()
    if not text:
        return "an empty word: delete it", problem_codes.TOO_SHORT
    if len(text) > MAX_WORD_LENGTH:
        return (
            f'"{text[:30]}…" is longer than {MAX_WORD_LENGTH} characters; '
            "list the words that mark it instead",
            problem_codes.TOO_LONG,
        )
    bad = problem_codes.INVALID_VALUE
    if text[0] in "#@":
        return (
            f'"{text}": leave out the {text[0]}; words inside hashtags count, '
            "words inside @names and links never do",
            bad,
        )
    # Folded as the analysis folds (ß counts as "ss"), so both count the same letters.
    folded = text.lower().replace("’", "'").replace("ß", "ss")
    parts = [p for p in _GAP.split(folded) if p]
    if "*" in "".join(parts)[:-1]:
        return (
            f'"{text}": a * works only at the very end, for any ending ("deal*" finds '
            '"deals"); list other forms as words of their own',
            bad,
        )
    if not parts or not all(_WORD_PART.fullmatch(p) for p in parts):
        return (
            f'"{text}" is not a word or phrase: use letters, digits, apostrophes and spaces '
            "only (whole words are matched, so leave out %, €, ! and the like)",
            bad,
        )
    if len(parts) == 1 and parts[0].endswith("*") and len(parts[0]) - 1 < STEM_LETTERS:
        return f'"{text}": a word with * needs at least {STEM_LETTERS} letters before it', bad
    return None


def _checked_words(
    words: list[str], name: str, line: int, written: list[str], problems: _Problems
) -> tuple[str, ...]:
    good: list[str] = []
    cursor = (line - 1, 0)  # where to look for the next bad word: lists keep their order
    for word in words:
        found = word_problem(word)
        if found is None:
            good.append(word.strip())
            continue
        message, kind = found
        at_line, column, cursor = _locate(written, word, cursor, line)
        problems.add(at_line, f"{name}: {message}", kind, column)
    return tuple(dict.fromkeys(good))


def _locate(
    written: list[str], word: str, cursor: tuple[int, int], fallback: int
) -> tuple[int, int | None, tuple[int, int]]:
    """(line, column, next cursor) of `word` written as a TOML string from `cursor` on; the
    list's line when it is written with escapes and cannot be found."""
    row, start = cursor
    for number in range(row, len(written)):
        line = written[number]
        hits = [at for q in "\"'" if (at := line.find(f"{q}{word}{q}", start)) >= 0]
        if hits:
            at = min(hits)
            return number + 1, at + 1, (number, at + len(word) + 2)
        start = 0
    return fallback, None, cursor


def _unknown_table(name: str) -> str:
    if name.lower() in LANGS:
        return f"write [{name.lower()}] in lower case"
    if name in WORD_KINDS:
        return f"'{name}' needs its language: put it under [de] or [en]"
    return (
        f"unknown table '{invisible.visible(name)}'; the file holds [de] and [en], "
        f"each with lists like {EXAMPLE}"
    )


def _unknown_kind(lang: str, kind: str) -> str:
    close = difflib.get_close_matches(kind.strip().lower(), WORD_KINDS, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return (
        f"unknown kind '{invisible.visible(kind)}' in [{lang}]{hint}; "
        f"known kinds: {', '.join(WORD_KINDS)}"
    )


def _decode(data: bytes, problems: _Problems) -> str | None:
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.add(
            line,
            f"the file is not UTF-8 (byte 0x{data[error.start]:02x}); save it as UTF-8",
            problem_codes.NOT_UTF8,
        )
        return None


class _Problems:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.found: list[Problem] = []

    def add(
        self,
        line: int,
        message: str,
        kind: ProblemKind = problem_codes.TOML_SYNTAX,
        column: int | None = None,
    ) -> None:
        self.found.append(Problem(self.path, line, message, kind, column))

    def result(self, lists: tuple[tuple[str, str, tuple[str, ...]], ...]) -> FolderWords:
        ordered = sorted(self.found, key=lambda p: (p.line, p.column or 0))
        return FolderWords(self.path, lists, tuple(ordered))
