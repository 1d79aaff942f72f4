"""The records the progress store hands out; plain frozen values, safe to pass between threads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

LessonState = Literal["not_started", "in_progress", "completed"]


@dataclass(frozen=True)
class LessonProgress:
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


@dataclass(frozen=True)
class Attempt:
    id: int
    profile: str
    lesson_id: str
    exercise_id: str
    answer: str
    score: int
    passed: bool
    checks: list[dict[str, object]]
    at: datetime
    content_hash: str
    """Hash of the lesson's content when answered, so a later lesson edit can be told apart."""


@dataclass(frozen=True)
class Learner:
    """A profile claimed by joining a workshop (`serve`): only its owner, who knows the PIN,
    may resume it."""

    profile: str
    pin_hash: str
    """The PIN as `tutor.pins` hashed it (salted scrypt); the PIN itself is never stored."""
    share: bool
    """Whether the learner agreed to show their best answers to the trainer."""
    joined_at: datetime
