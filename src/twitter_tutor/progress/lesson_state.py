"""A lesson's progress, the record the course map shows: kept apart from the other records
(`models`) so the tutor's first screen does not pay for defining them all."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, NamedTuple

LessonState = Literal["not_started", "in_progress", "completed"]


class LessonProgress(NamedTuple):
    """A NamedTuple, not a frozen dataclass: defining one costs most of a millisecond at
    every start of the tutor, which reads these for its first screen (issue 17)."""

    lesson_id: str
    state: LessonState
    step: int
    """Index of the step last visited in this lesson (0 for a lesson not started)."""
    best_score: int | None
    first_visit: datetime | None
    last_visit: datetime | None

    @classmethod
    def not_started(cls, lesson_id: str) -> LessonProgress:
        """What a lesson without any stored row means; the store keeps no rows for those."""
        return cls(lesson_id, "not_started", 0, None, None, None)
