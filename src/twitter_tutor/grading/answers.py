"""Answers as the learner gives them: text for compose and plan, numbers for choice and pick."""

from __future__ import annotations

import re

from twitter_tutor.content.models import (
    AnyExercise,
    ChoiceExercise,
    ComposeExercise,
    PickExercise,
    PlanExercise,
)

Answer = str | tuple[str, ...] | frozenset[int]
"""compose: the tweet; plan: one text per tweet; choice/pick: the chosen numbers (from 1)."""

_NUMBERS = re.compile(r"^\s*\d+(\s*[,;\s]\s*\d+)*\s*$")


class AnswerError(ValueError):
    """An answer that cannot be graded at all (empty, not numbers, out of range). One line."""


def parse_answer(exercise: AnyExercise, raw: str) -> Answer:
    """Read an answer written as text (the `grade` command, lesson examples)."""
    if isinstance(exercise, ChoiceExercise | PickExercise):
        count = len(exercise.choices if isinstance(exercise, ChoiceExercise) else exercise.items)
        return parse_numbers(raw, count)
    if isinstance(exercise, ComposeExercise):
        if not raw.strip():
            raise AnswerError("the answer is empty: write the tweet to grade")
        return raw
    return parse_plan(exercise, raw)


def parse_numbers(raw: str, count: int) -> frozenset[int]:
    if not raw.strip():
        raise AnswerError(f'the answer is empty: give numbers from 1 to {count}, like "1,3"')
    if not _NUMBERS.match(raw):
        raise AnswerError(
            f'the answer must be numbers from 1 to {count} separated by commas, like "1,3"'
        )
    numbers = frozenset(int(n) for n in re.split(r"[,;\s]+", raw.strip()))
    outside = sorted(n for n in numbers if not 1 <= n <= count)
    if outside:
        raise AnswerError(
            f"{', '.join(map(str, outside))} out of range: the answers are numbered 1 to {count}"
        )
    return numbers


def parse_plan(exercise: PlanExercise, raw: str) -> tuple[str, ...]:
    """One tweet per line; trailing empty lines are dropped, missing tweets count as empty."""
    lines = [line.removesuffix("\r") for line in raw.split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise AnswerError(f"the answer is empty: write {exercise.count} tweets, one per line")
    if len(lines) > exercise.count:
        raise AnswerError(
            f"{len(lines)} tweets given but the plan asks for {exercise.count}: one tweet per line"
        )
    return tuple(lines) + ("",) * (exercise.count - len(lines))
