"""The records the progress store hands out; plain frozen values, safe to pass between threads.

`LessonProgress` lives in `lesson_state` (the first screen needs only that one) and is named
here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from twitter_tutor.progress.lesson_state import LessonProgress, LessonState

__all__ = ["Attempt", "Learner", "LessonProgress", "LessonState"]


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
