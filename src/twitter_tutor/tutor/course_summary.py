"""The end of the course: scores per lesson, the best tweets, the learner's own observations,
the checks missed most often and what to practise next, as Markdown a learner can keep or
share (`progress --summary`, and the tutor's own course summary screen show the same text)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from twitter_tutor.content.lesson import Lesson
from twitter_tutor.progress.models import Attempt, LessonProgress
from twitter_tutor.texts import t, tn
from twitter_tutor.tutor.attempt_checks import is_written, missed_rules
from twitter_tutor.tutor.course_index import LessonEntry

BEST_TWEETS = 3
MISSED_CHECKS = 3
PRACTISE_NEXT = 3


@dataclass(frozen=True)
class LessonLine:
    title: str
    state: str
    """not_started, in_progress or completed"""
    score: int | None


@dataclass(frozen=True)
class BestTweet:
    lesson: str
    task: str
    text: str
    score: int


@dataclass(frozen=True)
class Note:
    """The learner's latest passed note for one exercise kept as a note (`kept_as_note`)."""

    lesson: str
    text: str


@dataclass(frozen=True)
class MissedCheck:
    rule: str
    count: int
    advice: str
    """What the latest miss said, so the summary explains and does not only name the rule."""


@dataclass(frozen=True)
class CourseSummary:
    profile: str
    lessons: list[LessonLine]
    best: list[BestTweet]
    missed: list[MissedCheck]
    practise: list[str]
    notes: list[Note] = field(default_factory=list)
    asks_notes: bool = False
    """Whether the course has an exercise kept as a note: only then is a missing one news."""

    @property
    def done(self) -> int:
        return sum(1 for line in self.lessons if line.state == "completed")


def summarise(
    profile: str,
    rows: Sequence[LessonEntry],
    lessons: dict[str, Lesson],
    progress: dict[str, LessonProgress],
    attempts: Sequence[Attempt],
) -> CourseSummary:
    """The summary of `profile`'s course; `rows` are the course map's working rows in order,
    `lessons` the loaded lessons by id (for titles of tasks), `attempts` oldest first."""
    titles = {row.lesson_id: row.title for row in rows if row.lesson_id}
    # Notes are the learner's observations, not tweets: kept apart from best tweets and misses.
    note_tasks = [
        (lesson_id, exercise.id)
        for lesson_id in titles
        if lesson_id in lessons
        for exercise in lessons[lesson_id].exercises
        if exercise.kept_as_note
    ]
    tasks = set(note_tasks)
    tweets = [a for a in attempts if (a.lesson_id, a.exercise_id) not in tasks]
    lines = [
        LessonLine(
            row.title,
            progress[row.lesson_id].state if row.lesson_id in progress else "not_started",
            progress[row.lesson_id].best_score if row.lesson_id in progress else None,
        )
        for row in rows
        if row.lesson_id
    ]
    return CourseSummary(
        profile,
        lines,
        _best_tweets(tweets, titles, lessons),
        _missed(tweets),
        _practise(lines),
        _notes(attempts, note_tasks, titles),
        asks_notes=bool(note_tasks),
    )


def _notes(
    attempts: Sequence[Attempt], tasks: Sequence[tuple[str, str]], titles: dict[str, str]
) -> list[Note]:
    """The latest passed note of each task, in course order."""
    latest: dict[tuple[str, str], Attempt] = {}
    for attempt in attempts:  # oldest first, so a later note replaces an earlier one
        if attempt.passed:
            latest[(attempt.lesson_id, attempt.exercise_id)] = attempt
    return [Note(titles[task[0]], latest[task].answer) for task in tasks if task in latest]


def _best_tweets(
    attempts: Sequence[Attempt], titles: dict[str, str], lessons: dict[str, Lesson]
) -> list[BestTweet]:
    best: dict[tuple[str, str], Attempt] = {}
    for attempt in attempts:
        if not (attempt.passed and is_written(attempt) and attempt.lesson_id in titles):
            continue
        key = (attempt.lesson_id, attempt.exercise_id)
        if key not in best or attempt.score >= best[key].score:  # the latest of equals
            best[key] = attempt
    ranked = sorted(best.values(), key=lambda a: (-a.score, -a.at.timestamp()))
    found = []
    for attempt in ranked[:BEST_TWEETS]:
        lesson = lessons.get(attempt.lesson_id)
        exercise = lesson.exercise(attempt.exercise_id) if lesson is not None else None
        task = exercise.label if exercise is not None else attempt.exercise_id
        found.append(BestTweet(titles[attempt.lesson_id], task, attempt.answer, attempt.score))
    return found


def _missed(attempts: Sequence[Attempt]) -> list[MissedCheck]:
    counts: Counter[str] = Counter()
    advice: dict[str, str] = {}
    for attempt in attempts:
        for rule, check in missed_rules(attempt):
            counts[rule] += 1
            said = check.get("hint") or check.get("message")
            if isinstance(said, str):
                advice[rule] = said
    return [
        MissedCheck(rule, count, advice.get(rule, ""))
        for rule, count in counts.most_common(MISSED_CHECKS)
    ]


def _practise(lines: list[LessonLine]) -> list[str]:
    """Lessons not completed, in course order; with all done, the lowest scores first."""
    open_ones = [line.title for line in lines if line.state != "completed"]
    if open_ones:
        return open_ones[:PRACTISE_NEXT]
    weakest = sorted(
        (line for line in lines if line.score is not None and line.score < 100),
        key=lambda line: line.score or 0,
    )
    return [line.title for line in weakest[:PRACTISE_NEXT]]


def to_markdown(summary: CourseSummary, lang: str) -> str:
    """The summary as Markdown; learner text is quoted so it cannot break the layout."""
    out = [
        f"# {t(lang, 'course_summary.title', profile=_inline(summary.profile))}",
        "",
        t(lang, "course_summary.done", done=summary.done, total=len(summary.lessons)),
        "",
        f"## {t(lang, 'course_summary.lessons')}",
        "",
        f"| {t(lang, 'course_summary.col_lesson')} | {t(lang, 'course_summary.col_state')} "
        f"| {t(lang, 'course_summary.col_score')} |",
        "|---|---|---:|",
    ]
    for line in summary.lessons:
        score = "–" if line.score is None else f"{line.score}/100"
        state = t(lang, f"course_summary.state_{line.state}")
        out.append(f"| {_inline(line.title)} | {state} | {score} |")
    out += ["", f"## {t(lang, 'course_summary.best')}", ""]
    if not summary.best:
        out.append(t(lang, "course_summary.no_best"))
    for tweet in summary.best:
        out += [*(f"> {_inline(row)}" for row in tweet.text.splitlines() or [""]), ""]
        out.append(
            t(
                lang,
                "course_summary.best_from",
                lesson=_inline(tweet.lesson),
                task=_inline(tweet.task),
                score=tweet.score,
            )
        )
        out.append("")
    if summary.notes or summary.asks_notes:
        out += ["", f"## {t(lang, 'course_summary.notes')}", ""]
    if summary.asks_notes and not summary.notes:
        out.append(t(lang, "course_summary.no_notes"))
    shown = None
    for note in summary.notes:
        if note.lesson != shown:  # notes by lesson: one heading each
            out += [f"### {_inline(note.lesson)}", ""]
            shown = note.lesson
        rows = note.text.strip().splitlines()
        out += [*(f"> {_inline(row)}" if row.strip() else ">" for row in rows), ""]
    out += ["", f"## {t(lang, 'course_summary.missed')}", ""]
    if not summary.missed:
        out.append(t(lang, "course_summary.no_missed"))
    for check in summary.missed:
        times = tn(lang, "course_summary.times", check.count)
        out.append(f"- **{check.rule}** ({times}): {_inline(check.advice)}")
    out += ["", f"## {t(lang, 'course_summary.next')}", ""]
    if not summary.practise:
        out.append(t(lang, "course_summary.all_done"))
    out += [f"- {_inline(title)}" for title in summary.practise]
    return "\n".join(out).rstrip() + "\n"


_MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|"})


def _inline(text: str) -> str:
    """One line of plain text, with Markdown's special characters escaped."""
    return " ".join(text.split()).translate(_MARKDOWN_SPECIAL)
