"""Values going into a store and rows coming out, checked the same way by every store.

The readers judge each value of a row (type, range, JSON, ISO time) because a database's own
checks do not look at them all: a row that fails is skipped and named in `Damage`, never
deleted, so one bad row never hides the rest.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, cast

from twitter_tutor.progress.lesson_state import LessonProgress, LessonState
from twitter_tutor.progress.timefmt import from_text
from twitter_tutor.texts import Message

if TYPE_CHECKING:
    from twitter_tutor.progress.models import Attempt, Learner

ATTEMPT_COLUMNS = (
    "id, profile, lesson_id, exercise_id, answer, score, passed, checks, at, content_hash"
)
LESSON_COLUMNS = "lesson_id, state, step, best_score, first_visit, last_visit"
LEARNER_COLUMNS = "profile, pin_hash, share, joined_at"

BAD_ROW = (ValueError, TypeError, OverflowError, RecursionError)
"""What a damaged value raises when read: not JSON, not an ISO time, the wrong type, a JSON
nested too deeply."""


def utf8_text(value: str) -> str:
    # Databases store UTF-8 only; a lone surrogate (undecodable argv, odd paste) would make
    # the whole write fail, so it is kept visibly escaped instead.
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def check_profile(profile: str) -> None:
    if not profile:
        raise ValueError("profile must not be empty")


def check_score(score: int | None) -> None:
    if score is not None and not 0 <= score <= 100:
        raise ValueError(f"score must be 0-100, got {score}")


def check_slot(slot: int) -> None:
    if not 0 <= slot < 2**31:  # a caller bug, like an empty profile
        raise ValueError(f"slot must be 0 or more, got {slot}")


def read_str(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(Message("store.bad.not_text", name=name))
    return value


def read_int(value: object, name: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValueError(Message("store.bad.not_number", name=name, low=low, high=high))
    return value


def read_time(value: object, name: str) -> datetime:
    try:
        return from_text(read_str(value, name))
    except BAD_ROW as error:
        raise ValueError(Message("store.bad.not_time", name=name)) from error


def read_checks(value: object) -> list[dict[str, object]]:
    try:
        checks = json.loads(read_str(value, "checks"))
    except BAD_ROW as error:
        raise ValueError(Message("store.bad.checks_not_json")) from error
    if not isinstance(checks, list) or not all(isinstance(c, dict) for c in checks):
        raise ValueError(Message("store.bad.checks_not_list"))
    return checks


def read_attempt(row: tuple[object, ...]) -> Attempt:
    """An attempt from the values of ATTEMPT_COLUMNS."""
    from twitter_tutor.progress.models import Attempt  # not needed to open a store

    return Attempt(
        id=read_int(row[0], "id", 0, 2**63),
        profile=read_str(row[1], "profile"),
        lesson_id=read_str(row[2], "lesson_id"),
        exercise_id=read_str(row[3], "exercise_id"),
        answer=read_str(row[4], "answer"),
        score=read_int(row[5], "score", 0, 100),
        passed=bool(read_int(row[6], "passed", 0, 1)),
        checks=read_checks(row[7]),
        at=read_time(row[8], "at"),
        content_hash=read_str(row[9], "content_hash"),
    )


def read_lesson(row: tuple[object, ...]) -> LessonProgress:
    """A lesson's progress from the values of LESSON_COLUMNS."""
    state = read_str(row[1], "state")
    if state not in ("in_progress", "completed"):
        raise ValueError(Message("store.bad.state"))
    return LessonProgress(
        lesson_id=read_str(row[0], "lesson_id"),
        state=cast(LessonState, state),
        step=read_int(row[2], "step", 0, 2**31),
        best_score=None if row[3] is None else read_int(row[3], "best_score", 0, 100),
        first_visit=read_time(row[4], "first_visit"),
        last_visit=read_time(row[5], "last_visit"),
    )


def read_learner(row: tuple[object, ...]) -> Learner:
    """A workshop learner from the values of LEARNER_COLUMNS."""
    from twitter_tutor.progress.models import Learner

    return Learner(
        profile=read_str(row[0], "profile"),
        pin_hash=read_str(row[1], "pin_hash"),
        share=bool(read_int(row[2], "share", 0, 1)),
        joined_at=read_time(row[3], "joined_at"),
    )


class Damage:
    """The damaged rows a store's reads met so far, each named once, in the order met."""

    def __init__(self) -> None:
        self._lines: dict[str, None] = {}

    @property
    def lines(self) -> list[str]:
        return list(self._lines)

    def skip(self, what: str, error: Exception) -> None:
        # Our own checks explain in a Message; anything else (a JSON nested too deeply, ...)
        # in Python's words.
        said = error.args[0] if error.args and isinstance(error.args[0], Message) else str(error)
        self._lines.setdefault(Message("store.row_damaged", what=what, reason=said), None)

    def drafts(
        self, rows: list[tuple[object, ...]], lesson_id: str
    ) -> dict[tuple[str, int], str]:
        """{(exercise id, slot): text} from rows of (exercise_id, slot, text)."""
        found: dict[tuple[str, int], str] = {}
        for row in rows:
            try:
                key = (read_str(row[0], "exercise_id"), read_int(row[1], "slot", 0, 2**31))
                found[key] = read_str(row[2], "text")
            except BAD_ROW as error:
                self.skip(Message("store.row.draft", lesson=repr(lesson_id[:80])), error)
        return found

    def lessons(self, rows: list[tuple[object, ...]]) -> dict[str, LessonProgress]:
        lessons: dict[str, LessonProgress] = {}
        for row in rows:
            try:
                lesson = read_lesson(row)
            except BAD_ROW as error:
                self.skip(Message("store.row.lesson", lesson=repr(str(row[0])[:80])), error)
                continue
            lessons[lesson.lesson_id] = lesson
        return lessons

    def attempts(self, rows: list[tuple[object, ...]]) -> list[Attempt]:
        attempts: list[Attempt] = []
        for row in rows:
            try:
                attempts.append(read_attempt(row))
            except BAD_ROW as error:
                self.skip(Message("store.row.attempt", id=row[0]), error)
        return attempts

    def position(self, row: tuple[object, ...] | None) -> tuple[str, int] | None:
        """(lesson id, step) from a row of (lesson_id, step), if there is a readable one."""
        if row is None:
            return None
        try:
            return read_str(row[0], "lesson_id"), read_int(row[1], "step", 0, 2**31)
        except BAD_ROW as error:
            self.skip(Message("store.row.position"), error)
            return None

    def learners(self, rows: list[tuple[object, ...]]) -> list[Learner]:
        learners: list[Learner] = []
        for row in rows:
            try:
                learners.append(read_learner(row))
            except BAD_ROW as error:
                self.skip(Message("store.row.learner", profile=repr(str(row[0])[:80])), error)
        return learners
