"""The trainer's report on a class: how far each learner got, where the class stumbles, and the
best answers of those who agreed to share them.

Front-end neutral: `read_class` reads the store, `build_report` works out the figures, and the
front ends only lay them out (`twitter-tutor report` as a table, CSV, JSON or, through
`report_html`, one HTML page; the TUI's trainer view as tables).

Decisions a reader of the figures needs:
- A lesson's state and best score are the stored ones, the figures the learner sees on the map.
- "Passed" of an exercise counts learners, not attempts: of those who tried it, how many passed
  it at least once. Counting attempts would mark down the learners who practise most.
- A check "missed" is a failed check of a written answer (rules of weight 0 only inform) or a
  wrong item of a choice or pick; ranked by how many learners missed it, then how often.
- Best answers come only from learners whose workshop row says they share; a profile without
  such a row (the tutor used on one's own machine) never shares.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from twitter_tutor.progress.models import Attempt, LessonProgress, LessonState
from twitter_tutor.progress.timefmt import to_text, utc_now
from twitter_tutor.texts import t, tn
from twitter_tutor.tutor.attempt_checks import is_written, missed_rules
from twitter_tutor.tutor.previews import is_preview

if TYPE_CHECKING:
    from twitter_tutor.content.lesson import Lesson
    from twitter_tutor.progress.store import ProgressStore
    from twitter_tutor.tutor.course_index import LessonEntry

MISSED_PER_EXERCISE = 3
ANSWERS_PER_EXERCISE = 3
STATES: tuple[LessonState, ...] = ("completed", "in_progress", "not_started")


# -- what goes in ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CourseLesson:
    """A lesson as the report lists it: title in the report's language, exercises in order."""

    lesson_id: str
    title: str
    exercises: tuple[tuple[str, str], ...] = ()
    """(exercise id, task as the lesson words it)"""
    notes: frozenset[str] = frozenset()
    """Exercises whose answer is the learner's own note, not a tweet: never a "best answer"."""


@dataclass(frozen=True)
class LearnerRecord:
    """Everything stored for one profile."""

    profile: str
    shares: bool
    progress: dict[str, LessonProgress]
    attempts: list[Attempt]


def course_lessons(rows: Sequence[LessonEntry], lessons: dict[str, Lesson]) -> list[CourseLesson]:
    """The course's working lessons in order; `lessons` (loaded lessons by id) give the tasks."""
    found = []
    for row in rows:
        if not row.openable or row.lesson_id is None:
            continue
        lesson = lessons.get(row.lesson_id)
        exercises = lesson.exercises if lesson is not None else []
        found.append(
            CourseLesson(
                row.lesson_id,
                row.title,
                tuple((e.id, e.label) for e in exercises),
                frozenset(e.id for e in exercises if e.kept_as_note),
            )
        )
    return found


def read_class(store: ProgressStore, *, previews: bool = False) -> list[LearnerRecord]:
    """Every profile in the store, sorted, with its progress, attempts and consent to share.

    Workshop learners who joined but did nothing yet are included: the trainer sees who is
    stuck at the start too. A trainer's `--watch` previews are not learners: left out unless
    `previews`."""
    consent = {learner.profile: learner.share for learner in store.learners()}
    names = sorted(
        name for name in set(store.profiles()) | set(consent) if previews or not is_preview(name)
    )
    return [
        LearnerRecord(name, consent.get(name, False), store.lessons(name), store.attempts(name))
        for name in names
    ]


# -- what comes out ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LessonCell:
    state: LessonState
    best_score: int | None


@dataclass(frozen=True)
class LearnerRow:
    profile: str
    shares: bool
    cells: tuple[LessonCell, ...]
    """One per lesson of the report, in the same order."""

    @property
    def completed(self) -> int:
        return sum(1 for cell in self.cells if cell.state == "completed")


@dataclass(frozen=True)
class LessonTally:
    """How many learners have completed, started or not started a lesson (the chart's bars)."""

    lesson_id: str
    title: str
    completed: int
    in_progress: int
    not_started: int

    @property
    def learners(self) -> int:
        return self.completed + self.in_progress + self.not_started

    def count(self, state: LessonState) -> int:
        return {
            "completed": self.completed,
            "in_progress": self.in_progress,
            "not_started": self.not_started,
        }[state]


@dataclass(frozen=True)
class MissedCheck:
    check: str
    """The rule's id for a written answer; the item's number (from 1) for choice and pick."""
    kind: Literal["rule", "item"]
    learners: int
    attempts: int
    detail: str
    """The lesson's hint for the rule or the item's text; "" when there is none to show."""


@dataclass(frozen=True)
class ExerciseStats:
    lesson_id: str
    lesson_title: str
    exercise_id: str
    task: str
    tried: int
    """Learners with at least one attempt."""
    passed: int
    """Learners with at least one passing attempt."""
    attempts: int
    missed: tuple[MissedCheck, ...]

    @property
    def share_passed(self) -> float | None:
        """passed / tried; None when nobody tried."""
        return self.passed / self.tried if self.tried else None


@dataclass(frozen=True)
class SharedAnswer:
    lesson_id: str
    lesson_title: str
    exercise_id: str
    task: str
    profile: str
    answer: str
    score: int
    at: datetime


@dataclass(frozen=True)
class ClassReport:
    generated_at: datetime
    lessons: tuple[LessonTally, ...]
    learners: tuple[LearnerRow, ...]
    exercises: tuple[ExerciseStats, ...]
    best: tuple[SharedAnswer, ...]
    """Per written exercise in course order, up to ANSWERS_PER_EXERCISE, best first."""

    @property
    def sharing(self) -> int:
        """Learners who agreed to share their answers."""
        return sum(1 for learner in self.learners if learner.shares)


# -- working it out ----------------------------------------------------------------------------


def build_report(
    course: Sequence[CourseLesson],
    records: Sequence[LearnerRecord],
    now: datetime | None = None,
) -> ClassReport:
    """The report on `records` over the lessons of `course`; lessons and exercises the store
    knows but the course no longer has are listed after them, by id."""
    lessons = _with_unknown(course, records)
    learners = tuple(
        LearnerRow(
            record.profile,
            record.shares,
            tuple(_cell(record.progress.get(lesson.lesson_id)) for lesson in lessons),
        )
        for record in records
    )
    tallies = tuple(
        LessonTally(
            lesson.lesson_id,
            lesson.title,
            *(sum(1 for row in learners if row.cells[i].state == s) for s in STATES),
        )
        for i, lesson in enumerate(lessons)
    )
    by_exercise: dict[tuple[str, str], list[tuple[LearnerRecord, Attempt]]] = defaultdict(list)
    for record in records:
        for attempt in record.attempts:
            by_exercise[(attempt.lesson_id, attempt.exercise_id)].append((record, attempt))
    exercises = []
    best: list[SharedAnswer] = []
    for lesson in lessons:
        for exercise_id, task in lesson.exercises:
            tried = by_exercise.get((lesson.lesson_id, exercise_id), [])
            exercises.append(_stats(lesson, exercise_id, task, tried))
            if exercise_id not in lesson.notes:
                best += _best_answers(lesson, exercise_id, task, tried)
    return ClassReport(now or utc_now(), tallies, learners, tuple(exercises), tuple(best))


def _cell(progress: LessonProgress | None) -> LessonCell:
    if progress is None:
        return LessonCell("not_started", None)
    return LessonCell(progress.state, progress.best_score)


def _with_unknown(
    course: Sequence[CourseLesson], records: Sequence[LearnerRecord]
) -> list[CourseLesson]:
    """The course's lessons, each with the exercises only attempts still name added, then the
    lessons only the store names (removed from the course, or from a broken file)."""
    seen: dict[str, list[str]] = defaultdict(list)
    for record in records:
        for lesson_id in record.progress:
            seen.setdefault(lesson_id, [])
        for attempt in record.attempts:
            if attempt.exercise_id not in seen[attempt.lesson_id]:
                seen[attempt.lesson_id].append(attempt.exercise_id)
    result = []
    for lesson in course:
        known = {exercise_id for exercise_id, _ in lesson.exercises}
        extra = tuple((e, e) for e in seen.pop(lesson.lesson_id, []) if e not in known)
        result.append(
            CourseLesson(lesson.lesson_id, lesson.title, lesson.exercises + extra, lesson.notes)
        )
    result += [
        CourseLesson(lesson_id, lesson_id, tuple((e, e) for e in exercises))
        for lesson_id, exercises in seen.items()
    ]
    return result


def _stats(
    lesson: CourseLesson,
    exercise_id: str,
    task: str,
    tried: Sequence[tuple[LearnerRecord, Attempt]],
) -> ExerciseStats:
    return ExerciseStats(
        lesson.lesson_id,
        lesson.title,
        exercise_id,
        task,
        tried=len({record.profile for record, _ in tried}),
        passed=len({record.profile for record, attempt in tried if attempt.passed}),
        attempts=len(tried),
        missed=_missed(tried),
    )


def _misses(attempt: Attempt) -> Iterable[tuple[str, Literal["rule", "item"], str, bool]]:
    """(check, kind, detail, detail is the learner's own words) of each miss in an attempt."""
    for rule, check in missed_rules(attempt):
        hint, message = check.get("hint"), check.get("message")
        if isinstance(hint, str) and hint:
            yield rule, "rule", hint, False
        else:
            # A failing message may quote the answer ("Reads like an ad ('buy now')").
            yield rule, "rule", message if isinstance(message, str) else "", True
    for check in attempt.checks:
        if "rule" not in check and check.get("right") is False:
            number, text = check.get("number"), check.get("text")
            if isinstance(number, int) and not isinstance(number, bool):
                yield str(number), "item", text if isinstance(text, str) else "", False


def _missed(tried: Sequence[tuple[LearnerRecord, Attempt]]) -> tuple[MissedCheck, ...]:
    learners: dict[tuple[str, str], set[str]] = defaultdict(set)
    attempts: dict[tuple[str, str], int] = defaultdict(int)
    details: dict[tuple[str, str], str] = {}
    for record, attempt in tried:
        for check, kind, detail, own_words in _misses(attempt):
            key = (kind, check)
            learners[key].add(record.profile)
            attempts[key] += 1
            # The latest detail wins; one in a learner's own words only if they share.
            if detail and (record.shares or not own_words):
                details[key] = detail
    ranked = sorted(learners, key=lambda key: (-len(learners[key]), -attempts[key], key))
    return tuple(
        MissedCheck(
            check,
            "rule" if kind == "rule" else "item",
            len(learners[(kind, check)]),
            attempts[(kind, check)],
            details.get((kind, check), ""),
        )
        for kind, check in ranked[:MISSED_PER_EXERCISE]
    )


def _best_answers(
    lesson: CourseLesson,
    exercise_id: str,
    task: str,
    tried: Sequence[tuple[LearnerRecord, Attempt]],
) -> list[SharedAnswer]:
    """Each sharing learner's best passed written answer, the best of them first; of equal
    scores the earlier (the first to get there), so the order does not shift between runs."""
    own: dict[str, Attempt] = {}
    for record, attempt in tried:
        if not (record.shares and attempt.passed and is_written(attempt)):
            continue
        held = own.get(record.profile)
        if held is None or attempt.score > held.score:
            own[record.profile] = attempt
    ranked = sorted(own.values(), key=lambda a: (-a.score, a.at, a.profile))
    return [
        SharedAnswer(
            lesson.lesson_id, lesson.title, exercise_id, task, a.profile, a.answer, a.score, a.at
        )
        for a in ranked[:ANSWERS_PER_EXERCISE]
    ]


# -- in words --------------------------------------------------------------------------------

MARK: dict[LessonState, str] = {"completed": "✓", "in_progress": "▸", "not_started": "–"}
"""How a lesson's state shows in a table cell, before its best score."""


def passed_text(lang: str, stats: ExerciseStats) -> str:
    """ "3 of 4 (75%)", or a dash when nobody tried."""
    share = stats.share_passed
    if share is None:
        return "–"
    percent = round(100 * share)
    return t(lang, "report.passed_of", passed=stats.passed, tried=stats.tried, percent=percent)


def missed_text(lang: str, miss: MissedCheck, *, detail: bool = True) -> str:
    """ "max_length (2 learners): <detail>"; the detail is the lesson's hint, an item's text or
    a sharing learner's feedback."""
    name = miss.check if miss.kind == "rule" else t(lang, "report.item", number=miss.check)
    text = f"{name} ({tn(lang, 'report.missed_by', miss.learners)})"
    return f"{text}: {miss.detail}" if detail and miss.detail else text


# -- as data -----------------------------------------------------------------------------------


def to_json(report: ClassReport) -> dict[str, object]:
    """The report as JSON-ready data (`report --json`); times ISO 8601 UTC."""
    return {
        "generated_at": to_text(report.generated_at),
        "lessons": [
            {
                "id": tally.lesson_id,
                "title": tally.title,
                **{state: tally.count(state) for state in STATES},
            }
            for tally in report.lessons
        ],
        "learners": [
            {
                "profile": row.profile,
                "shares": row.shares,
                "completed": row.completed,
                "lessons": {
                    tally.lesson_id: {"state": cell.state, "best_score": cell.best_score}
                    for tally, cell in zip(report.lessons, row.cells, strict=True)
                },
            }
            for row in report.learners
        ],
        "exercises": [
            {
                "lesson": stats.lesson_id,
                "exercise": stats.exercise_id,
                "task": stats.task,
                "tried": stats.tried,
                "passed": stats.passed,
                "share_passed": stats.share_passed,
                "attempts": stats.attempts,
                "missed": [
                    {
                        "check": miss.check,
                        "kind": miss.kind,
                        "learners": miss.learners,
                        "attempts": miss.attempts,
                        "detail": miss.detail,
                    }
                    for miss in stats.missed
                ],
            }
            for stats in report.exercises
        ],
        "best_answers": [
            {
                "lesson": answer.lesson_id,
                "exercise": answer.exercise_id,
                "task": answer.task,
                "profile": answer.profile,
                "answer": answer.answer,
                "score": answer.score,
                "at": to_text(answer.at),
            }
            for answer in report.best
        ],
    }
