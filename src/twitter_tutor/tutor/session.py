"""The services one run of the tutor works with, and the only door to the progress store.

Screens get a `Session` and never open files or databases themselves. Every store call goes
through here so a failing disk becomes one message (`on_error`, a notification in the app) and
the learner keeps going; nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from twitter_tutor.progress.errors import StoreError
from twitter_tutor.tutor.course_index import LessonEntry, entries
from twitter_tutor.types import Lang

if TYPE_CHECKING:
    # Types only: the content layer pulls in pydantic, which loads after the first paint.
    from twitter_tutor.content.course import Course
    from twitter_tutor.content.lesson import Lesson, LessonFile
    from twitter_tutor.progress.models import Attempt, LessonProgress
    from twitter_tutor.progress.store import ProgressStore

T = TypeVar("T")

ResumeKind = Literal["start", "continue", "next", "done", "empty"]


@dataclass(frozen=True)
class Resume:
    """Where the Continue button leads."""

    kind: ResumeKind
    lesson: LessonEntry | None = None
    step: int = 0


def _ignore(_message: str) -> None:
    return None


@dataclass
class Session:
    course_loader: Callable[[], Course]
    store: ProgressStore
    profile: str
    lang: Lang
    sources: tuple[Path, ...] = ()
    watch: bool = False
    notices: tuple[str, ...] = ()
    """Warnings from start-up (e.g. progress kept in memory only), shown once the app runs."""
    tz: tzinfo | None = None
    """Zone for dates on screen; None = the machine's. Tests fix it for stable snapshots."""
    course: Course | None = None
    """The loaded course; None until the background load is done."""
    entries: list[LessonEntry] | None = None
    """The course map's rows: from the course, or from the index cache before it loads."""
    index_path: Path | None = None
    """Where the map's rows are cached between runs; None: no cache (tests)."""
    on_error: Callable[[str], None] = _ignore
    on_damaged: Callable[[str], None] = _ignore
    """Told once per damaged stored row a read skipped (the rest of the progress still shows)."""
    _damage_reported: int = field(default=0, init=False, repr=False)
    drafts: dict[tuple[str, str], object] = field(default_factory=dict)
    """Unsubmitted answers by (lesson id, exercise id), so leaving a step keeps the text."""

    # -- course ---------------------------------------------------------------------------

    def set_course(self, course: Course) -> None:
        self.course = course
        self.entries = entries(course, self.lang)

    def lesson_entries(self) -> list[LessonEntry]:
        return self.entries or []

    def find(self, lesson_id: str) -> LessonFile | None:
        return self.course.find(lesson_id, self.lang) if self.course is not None else None

    def next_lesson(self, lesson_id: str) -> LessonEntry | None:
        """The first working lesson after `lesson_id` in course order."""
        rows = self.lesson_entries()
        ids = [row.lesson_id for row in rows]
        if lesson_id not in ids:
            return None
        return next((row for row in rows[ids.index(lesson_id) + 1 :] if not row.broken), None)

    # -- store, never raising ---------------------------------------------------------------

    def _safe(self, work: Callable[[], T], fallback: T) -> T:
        try:
            return work()
        except StoreError as error:
            self.on_error(str(error))
            return fallback
        finally:
            damaged = self.store.damaged
            for line in damaged[self._damage_reported :]:
                self.on_damaged(line)
            self._damage_reported = len(damaged)

    def progress(self) -> dict[str, LessonProgress]:
        return self._safe(lambda: self.store.lessons(self.profile), {})

    def attempts(
        self, lesson_id: str | None = None, exercise_id: str | None = None
    ) -> list[Attempt]:
        return self._safe(lambda: self.store.attempts(self.profile, lesson_id, exercise_id), [])

    def _write(self, work: Callable[[], None]) -> bool:
        try:
            work()
        except StoreError as error:
            self.on_error(str(error))
            return False
        return True

    def visit(self, lesson_id: str, step: int) -> bool:
        return self._write(lambda: self.store.visit(self.profile, lesson_id, step))

    def complete(self, lesson_id: str, score: int | None) -> bool:
        return self._write(lambda: self.store.complete(self.profile, lesson_id, score))

    def record(
        self,
        lesson: Lesson,
        exercise_id: str,
        answer: str,
        score: int,
        passed: bool,
        checks: list[dict[str, object]],
    ) -> Attempt | None:
        """Store one graded answer; the Attempt once committed, None when it could not be."""
        return self._safe(
            lambda: self.store.record_attempt(
                self.profile,
                lesson.id,
                exercise_id,
                answer,
                score,
                passed,
                checks,
                lesson.content_hash,
            ),
            None,
        )

    # -- derived ----------------------------------------------------------------------------

    def resume(self) -> Resume:
        position = self._safe(lambda: self.store.last_position(self.profile), None)
        return resume_target(self.lesson_entries(), self.progress(), position)

    def lesson_score(self, lesson: Lesson) -> tuple[int | None, dict[str, int]]:
        """The lesson's score (mean of each exercise's best, untried = 0) and the bests."""
        best: dict[str, int] = {}
        for attempt in self.attempts(lesson.id):
            best[attempt.exercise_id] = max(best.get(attempt.exercise_id, 0), attempt.score)
        ids = [e.id for e in lesson.exercises]
        if not ids:
            return None, best
        return round(sum(best.get(i, 0) for i in ids) / len(ids)), best


def resume_target(
    rows: Sequence[LessonEntry],
    progress: dict[str, LessonProgress],
    position: tuple[str, int] | None,
) -> Resume:
    """Where Continue goes: the exact last step, else the first lesson not completed."""
    working = [row for row in rows if not row.broken and row.lesson_id is not None]
    if not working:
        return Resume("empty")

    def completed(row: LessonEntry) -> bool:
        state = progress.get(row.lesson_id or "")
        return state is not None and state.state == "completed"

    if position is not None:
        lesson_id, step = position
        current = next((row for row in working if row.lesson_id == lesson_id), None)
        if current is not None and not completed(current):
            return Resume("continue", current, min(step, current.steps - 1))
    todo = next((row for row in working if not completed(row)), None)
    if todo is None:
        return Resume("done")
    if not progress:
        return Resume("start", todo, 0)
    state = progress.get(todo.lesson_id or "")
    step = state.step if state is not None and state.state == "in_progress" else 0
    return Resume("next", todo, min(step, todo.steps - 1))
