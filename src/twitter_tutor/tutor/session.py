"""The services one run of the tutor works with, and the only door to the progress store.

Screens get a `Session` and never open files or databases themselves. Every store call goes
through here so a failing disk becomes one message (`on_error`, a notification in the app) and
the learner keeps going; nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeVar

from twitter_tutor.progress.errors import StoreError
from twitter_tutor.tutor.course_index import LessonEntry, entries
from twitter_tutor.tutor.drafts import Draft, DraftKeeper
from twitter_tutor.types import Lang

if TYPE_CHECKING:
    # Types only: the content layer pulls in pydantic, which loads after the first paint.
    from twitter_tutor.content.course import Course
    from twitter_tutor.content.lesson import Lesson, LessonFile
    from twitter_tutor.grading.result import GradeResult
    from twitter_tutor.progress.models import Attempt, LessonProgress
    from twitter_tutor.progress.store import ProgressStore
    from twitter_tutor.tutor.class_report import ClassReport, LearnerRecord
    from twitter_tutor.tutor.course_summary import CourseSummary
    from twitter_tutor.tutor.join import Workshop
    from twitter_tutor.tutor.trainer_access import TrainerGate

T = TypeVar("T")

ResumeKind = Literal["start", "continue", "next", "done", "empty"]


class Resume(NamedTuple):
    """Where the Continue button leads."""

    kind: ResumeKind
    lesson: LessonEntry | None = None
    step: int = 0


def _ignore(_message: str) -> None:
    return None


class Session:
    """A plain class, not a dataclass: generating a dataclass's methods costs most of a
    millisecond at every start (issue 17)."""

    def __init__(
        self,
        course_loader: Callable[[], Course],
        store: ProgressStore,
        profile: str,
        lang: Lang,
        sources: tuple[Path, ...] = (),
        watch: bool = False,
        notices: tuple[str, ...] = (),
        tz: tzinfo | None = None,
        course: Course | None = None,
        entries: list[LessonEntry] | None = None,
        index_path: Path | None = None,
        on_error: Callable[[str], None] = _ignore,
        on_damaged: Callable[[str], None] = _ignore,
        workshop: Workshop | None = None,
        trainer: TrainerGate | None = None,
    ) -> None:
        self.course_loader = course_loader
        self.store = store
        self.profile = profile
        self.lang = lang
        self.sources = sources
        self.watch = watch
        self.notices = notices
        """Warnings from start-up (e.g. progress kept in memory only), shown once the app
        runs."""
        self.tz = tz
        """Zone for dates on screen; None = the machine's. Tests fix it for stable snapshots."""
        self.course = course
        """The loaded course; None until the background load is done."""
        self.entries = entries
        """The course map's rows: from the course, or from the index cache before it loads."""
        self.index_path = index_path
        """Where the map's rows are cached between runs; None: no cache (tests)."""
        self.on_error = on_error
        self.on_damaged = on_damaged
        """Told once per damaged stored row a read skipped (the rest of the progress still
        shows)."""
        self.workshop = workshop
        """Served to browsers (`serve`): the learner joins first, and `profile` is set then."""
        self.trainer = trainer
        """The door to the trainer's view (`--trainer-code`); None: the tutor has no such
        view."""
        self._damage_reported = 0
        self._joined = False
        self._drafts = self._draft_keeper()

    def _draft_keeper(self) -> DraftKeeper:
        # on_error is looked up when called: the front end sets it after building the session.
        return DraftKeeper(self.store, self.profile, lambda text: self.on_error(text))

    # -- whose progress -----------------------------------------------------------------------

    @property
    def needs_join(self) -> bool:
        """A workshop learner has not joined yet: nothing may be read or written."""
        return self.workshop is not None and not self._joined

    def set_profile(self, profile: str) -> None:
        """From now on the progress is `profile`'s (a workshop learner joined). Drafts still
        queued for the earlier profile are saved under it first."""
        if not profile:
            raise ValueError("profile must not be empty")
        self._drafts.flush()
        self.profile = profile
        self._drafts = self._draft_keeper()
        self._damage_reported = 0
        self._joined = True

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
            self.on_error(error.message)  # a Message: the front end says it
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
            self.on_error(error.message)
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
        result: GradeResult,
    ) -> Attempt | None:
        """Store one graded answer; the Attempt once committed, None when it could not be."""
        details = [c.to_json() for c in result.checks] or [i.to_json() for i in result.items]
        _, best = self.lesson_score(lesson)
        best[exercise_id] = max(best.get(exercise_id, 0), result.score)
        exercise_ids = [e.id for e in lesson.exercises]
        attempt = self._safe(
            lambda: self.store.record_attempt(
                self.profile,
                lesson.id,
                exercise_id,
                answer,
                result.score,
                result.passed,
                details,
                lesson.content_hash,
                lesson_score=score_of(exercise_ids, best),
            ),
            None,
        )
        if attempt is not None:
            # The attempt holds the answer now; the screen shows it until it is edited again.
            self._drafts.sent(lesson.id, exercise_id)
        return attempt

    # -- derived ----------------------------------------------------------------------------

    def draft(self, lesson_id: str, exercise_id: str) -> Draft | None:
        """The unsent answer last typed for an exercise, in this run or an earlier one."""
        return self._drafts.get(lesson_id, exercise_id)

    def keep_draft(self, lesson_id: str, exercise_id: str, draft: Draft) -> None:
        """Called on every change: remembered at once, saved to the store in the background."""
        self._drafts.keep(lesson_id, exercise_id, draft)

    def close(self) -> bool:
        """Save what is still queued before the store closes; False if it could not be."""
        return self._drafts.flush()

    def resume(self) -> Resume:
        position = self._safe(lambda: self.store.last_position(self.profile), None)
        return resume_target(self.lesson_entries(), self.progress(), position)

    def working_lessons(self) -> list[LessonEntry]:
        """The map's rows that can be opened, in course order."""
        return [row for row in self.lesson_entries() if row.openable]

    def completion(self, progress: dict[str, LessonProgress] | None = None) -> tuple[int, int]:
        """(completed, total) over the working lessons."""
        progress = self.progress() if progress is None else progress
        working = self.working_lessons()
        return sum(1 for row in working if completed(progress, row.lesson_id)), len(working)

    def course_summary(self) -> CourseSummary:
        """Scores, best tweets, missed checks and what next, for the end of the course."""
        from twitter_tutor.tutor.course_summary import summarise

        course = self.course
        lessons = {}
        if course is not None:
            lessons = {f.lesson.id: f.lesson for f in course.for_lang(self.lang) if f.lesson}
        return summarise(
            self.profile, self.working_lessons(), lessons, self.progress(), self.attempts()
        )

    def class_report(self) -> ClassReport:
        """The trainer's report on everyone in the store (the trainer's view); an empty one
        when the store cannot be read (on_error says why)."""
        from twitter_tutor.tutor.class_report import build_report, course_lessons, read_class

        course = self.course
        lessons = {}
        if course is not None:
            lessons = {f.lesson.id: f.lesson for f in course.for_lang(self.lang) if f.lesson}
        records: list[LearnerRecord] = self._safe(lambda: read_class(self.store), [])
        return build_report(course_lessons(self.lesson_entries(), lessons), records)

    def start_step(self, lesson_id: str) -> int:
        """Where a lesson opens when no step is asked for: where the learner left it."""
        return left_at(self.progress(), lesson_id)

    def lesson_score(self, lesson: Lesson) -> tuple[int | None, dict[str, int]]:
        """The lesson's score and each exercise's best; see `score_of`."""
        best: dict[str, int] = {}
        for attempt in self.attempts(lesson.id):
            best[attempt.exercise_id] = max(best.get(attempt.exercise_id, 0), attempt.score)
        return score_of([e.id for e in lesson.exercises], best), best


def score_of(exercise_ids: Sequence[str], best: dict[str, int]) -> int | None:
    """A lesson's score, the one definition shown everywhere (map, review, summary, CLI): the
    mean of each exercise's best score, an exercise not tried counting 0; None without
    exercises. Skipping an exercise therefore lowers the score instead of hiding it."""
    if not exercise_ids:
        return None
    return round(sum(best.get(i, 0) for i in exercise_ids) / len(exercise_ids))


def completed(progress: dict[str, LessonProgress], lesson_id: str | None) -> bool:
    state = progress.get(lesson_id or "")
    return state is not None and state.state == "completed"


def left_at(progress: dict[str, LessonProgress], lesson_id: str | None) -> int:
    """The step a lesson in progress was left at; 0 for one not started or completed."""
    state = progress.get(lesson_id or "")
    return state.step if state is not None and state.state == "in_progress" else 0


def resume_target(
    rows: Sequence[LessonEntry],
    progress: dict[str, LessonProgress],
    position: tuple[str, int] | None,
) -> Resume:
    """Where Continue goes: the exact last step, else the first lesson not completed."""
    working = [row for row in rows if row.openable]
    if not working:
        return Resume("empty")
    if position is not None:
        lesson_id, step = position
        current = next((row for row in working if row.lesson_id == lesson_id), None)
        if current is not None and not completed(progress, lesson_id):
            return Resume("continue", current, min(step, current.steps - 1))
    todo = next((row for row in working if not completed(progress, row.lesson_id)), None)
    if todo is None:
        return Resume("done")
    if not progress:
        return Resume("start", todo, 0)
    return Resume("next", todo, min(left_at(progress, todo.lesson_id), todo.steps - 1))
