"""Answers as the learner gives them: text for compose and plan, numbers for choice and pick.

Each exercise type reads its own answers (grading/exercises/); `grader.parse_answer` picks the
type's reader. Here: the answer kinds and the number list that choice and pick share.
"""

from __future__ import annotations

import re

Answer = str | tuple[str, ...] | frozenset[int]
"""compose: the tweet; plan: one text per tweet; choice/pick: the chosen numbers (from 1)."""

# Numbers separated by whitespace, or by one comma or semicolon with optional whitespace around.
# The two separators cannot both match the same text, so a failing match backtracks linearly
# (the old `\s*[,;\s]\s*` could split a run of spaces in exponentially many ways).
_NUMBERS = re.compile(r"\s*\d+(?:\s*[,;]\s*\d+|\s+\d+)*\s*")
_SEPARATORS = re.compile(r"[,;\s]+")
_MAX_DIGITS = 9
"""Longer numbers are out of range anyway; never hand them to int() (4,300 digits raise)."""


class AnswerError(ValueError):
    """An answer that cannot be graded at all (empty, not numbers, out of range). One line."""


def chosen_numbers(answer: Answer) -> frozenset[int]:
    """The chosen numbers of an answer to a numbered exercise (choice, pick)."""
    if not isinstance(answer, frozenset):
        raise AnswerError("choice and pick exercises take the numbers of the chosen items")
    return answer


def parse_numbers(raw: str, count: int) -> frozenset[int]:
    if not raw.strip():
        raise AnswerError(f'the answer is empty: give numbers from 1 to {count}, like "1,3"')
    if not _NUMBERS.fullmatch(raw):
        raise AnswerError(
            f'the answer must be numbers from 1 to {count} separated by commas, like "1,3"'
        )
    tokens = [t.lstrip("0") or "0" for t in _SEPARATORS.split(raw.strip())]
    too_long = sorted({t for t in tokens if len(t) > _MAX_DIGITS})
    numbers = frozenset(int(t) for t in tokens if len(t) <= _MAX_DIGITS)
    outside = [str(n) for n in sorted(n for n in numbers if not 1 <= n <= count)]
    outside += [t if len(t) <= 20 else f"{t[:10]}…({len(t)} digits)" for t in too_long[:3]]
    if outside:
        raise AnswerError(
            f"{', '.join(outside[:10])} out of range: the answers are numbered 1 to {count}"
        )
    return numbers
