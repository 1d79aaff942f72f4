"""What every progress store offers: the one interface the tutor, the CLI and the tests use.

`SqliteStore` (one local file) and `PostgresStore` (one database shared by many hosts)
implement it, and the store tests run against both. Writes are committed before they return, so a
front end may say "saved" right after; reads skip damaged rows and name them in `damaged`.
Every method raises `StoreError` when the store cannot do its work.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from twitter_tutor.progress.models import Attempt, Learner, LessonProgress


class ProgressStore(Protocol):
    @property
    def damaged(self) -> list[str]:
        """One line per damaged row met by a read so far: each was skipped, never deleted."""
        ...

    def visit(self, profile: str, lesson_id: str, step: int) -> None:
        """The learner is at `step` of `lesson_id`: mark it started, remember the position."""
        ...

    def complete(self, profile: str, lesson_id: str, score: int | None) -> None:
        """Mark the lesson completed, keeping the best score."""
        ...

    def record_attempt(
        self,
        profile: str,
        lesson_id: str,
        exercise_id: str,
        answer: str,
        score: int,
        passed: bool,
        checks: list[dict[str, object]],
        content_hash: str,
        *,
        lesson_score: int | None = None,
    ) -> Attempt:
        """Store one submitted answer; the lesson's best score rises to `lesson_score` (its
        score with this answer counted, worked out by the tutor) if that beats it."""
        ...

    def save_draft(
        self, profile: str, lesson_id: str, exercise_id: str, slot: int, text: str
    ) -> None:
        """Keep an unsent answer (slot: the tweet's index in a plan, else 0); "" removes it."""
        ...

    def clear_drafts(self, profile: str, lesson_id: str, exercise_id: str) -> None:
        """Forget an exercise's drafts once its answer is saved as an attempt."""
        ...

    def drafts(self, profile: str, lesson_id: str) -> dict[tuple[str, int], str]:
        """{(exercise id, slot): text} of the unsent answers in a lesson."""
        ...

    def reset(self, profile: str, lesson_id: str | None = None) -> tuple[int, int]:
        """Remove a profile's progress and drafts (one lesson or all); return (lessons,
        attempts) removed. A workshop learner's row (name, PIN, share) stays: resetting
        progress never frees the name for someone else to claim."""
        ...

    def register_learner(self, profile: str, pin_hash: str, share: bool) -> bool:
        """Claim `profile` for a workshop learner; False, changing nothing, if it is claimed
        already. Atomic: of two joins racing for one name exactly one gets True."""
        ...

    def learner(self, profile: str) -> Learner | None:
        """The workshop learner who claimed `profile`, if any."""
        ...

    def learners(self) -> list[Learner]:
        """Every workshop learner, sorted by profile."""
        ...

    def lessons(self, profile: str) -> dict[str, LessonProgress]:
        """Every lesson the profile has touched, in the order first visited."""
        ...

    def attempts(
        self, profile: str, lesson_id: str | None = None, exercise_id: str | None = None
    ) -> list[Attempt]:
        """The profile's attempts, oldest first, optionally for one lesson or exercise."""
        ...

    def last_position(self, profile: str) -> tuple[str, int] | None:
        """Where Continue resumes: (lesson id, step index) of the last visit, if any."""
        ...

    def profiles(self) -> list[str]:
        """Every profile with anything stored, sorted."""
        ...

    def close(self) -> None:
        """Release the store; further use raises StoreError. Closing twice is harmless."""
        ...

    def __enter__(self) -> ProgressStore: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
