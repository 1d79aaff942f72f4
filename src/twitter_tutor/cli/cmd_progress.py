"""`twitter-tutor progress`: show a learner's progress, or export it as JSON, CSV or a
Markdown course summary.

The table shows lesson titles and exercise tasks from the course (an id where its lesson is
gone or broken: a progress report must work without the lesson files); the JSON and CSV
exports keep the ids, which stay stable when a title changes. `--summary` is Markdown.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from twitter_tutor.cli.context import Context
from twitter_tutor.cli.output import PROG, escape
from twitter_tutor.progress import (
    Attempt,
    LessonProgress,
    ProgressStore,
    StoreError,
    open_store_url,
)
from twitter_tutor.progress.export import export_csv, export_json
from twitter_tutor.texts import say, t

if TYPE_CHECKING:
    from twitter_tutor.tutor.course_index import LessonEntry

_ANSWER_WIDTH = 40


def register(parser: argparse.ArgumentParser) -> None:
    formats = parser.add_mutually_exclusive_group()
    formats.add_argument(
        "--json", action="store_true", help="print lessons and attempts as one JSON object"
    )
    formats.add_argument(
        "--csv", action="store_true", help="print one CSV row per attempt (after a header row)"
    )
    formats.add_argument(
        "--summary",
        action="store_true",
        help="print a course summary as Markdown: scores, best tweets, checks missed most, "
        "what to practise next",
    )


def open_for_command(ctx: Context) -> ProgressStore:
    """Open the store for a command: warnings to stderr; no silent in-memory fallback, since
    a command that quietly kept nothing would mislead. `--store` may name another store."""
    opened = open_store_url(ctx.store_url, data_dir=ctx.data_dir)
    for warning in opened.warnings:
        print(f"{PROG}: {t(ctx.lang, 'cli.warning', message=warning)}", file=sys.stderr)
    return opened.store


def run(args: argparse.Namespace, ctx: Context) -> int:
    try:
        with open_for_command(ctx) as store:
            if args.json:
                data = export_json(store, ctx.profile)
                print(json.dumps(data, ensure_ascii=False, indent=2))
            elif args.csv:
                export_csv(store, ctx.profile, sys.stdout)
            elif args.summary:
                sys.stdout.write(_summary(ctx, store))
            else:
                _print_table(ctx.lang, ctx.profile, store, _names(ctx))
            for line in store.damaged:
                text = escape(say(ctx.lang, line))
                print(f"{PROG}: {t(ctx.lang, 'cli.warning', message=text)}", file=sys.stderr)
    except StoreError as error:
        print(f"{PROG}: {t(ctx.lang, 'cli.error', message=error)}", file=sys.stderr)
        return 1
    return 0


_LESSON_COLUMNS = ("lesson", "state", "step", "best", "last_visit")
_ATTEMPT_COLUMNS = ("at", "lesson", "exercise", "score", "passed", "answer")


@dataclass(frozen=True)
class _Names:
    """Lesson titles and exercise tasks for the table, by id; an id stands for itself when
    its lesson is gone or broken, so the report never depends on the lesson files."""

    lessons: dict[str, str]
    exercises: dict[tuple[str, str], str]
    rows: tuple[LessonEntry, ...] = ()
    """The course map's rows, for where Continue leads."""

    def lesson(self, lesson_id: str) -> str:
        return _short(self.lessons.get(lesson_id, lesson_id), _TITLE_WIDTH)

    def exercise(self, lesson_id: str, exercise_id: str) -> str:
        return _short(self.exercises.get((lesson_id, exercise_id), exercise_id), _TASK_WIDTH)


_TITLE_WIDTH = 36
_TASK_WIDTH = 30


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _names(ctx: Context) -> _Names:
    from twitter_tutor.content.course import load_course
    from twitter_tutor.tutor.course_index import entries

    lessons: dict[str, str] = {}
    exercises: dict[tuple[str, str], str] = {}
    course = load_course(ctx.sources)
    for f in course.for_lang(ctx.lang):
        if f.meta is not None:
            lessons[f.meta.id] = f.meta.title
        if f.lesson is not None:
            for exercise in f.lesson.exercises:
                exercises[(f.lesson.id, exercise.id)] = exercise.label
    return _Names(lessons, exercises, tuple(entries(course, ctx.lang)))


def _print_table(lang: str, profile: str, store: ProgressStore, names: _Names) -> None:
    lessons = store.lessons(profile)
    attempts = store.attempts(profile)
    if not lessons and not attempts:
        print(t(lang, "cli.progress.none", profile=profile))
        return
    print(t(lang, "cli.progress.title", profile=profile))
    print()
    _print_rows(
        t(lang, "cli.progress.lessons"),
        tuple(t(lang, f"cli.progress.col_{name}") for name in _LESSON_COLUMNS),
        [_cells(_lesson_row(lang, lesson, names)) for lesson in lessons.values()],
    )
    print()
    _print_rows(
        t(lang, "cli.progress.attempts"),
        tuple(t(lang, f"cli.progress.col_{name}") for name in _ATTEMPT_COLUMNS),
        [_cells(_attempt_row(lang, attempt, names)) for attempt in attempts],
    )
    # Where the tutor's Continue button leads (one rule, tutor.session.resume_target): a
    # completed lesson is not where a learner goes on, even when it was the last one open.
    from twitter_tutor.tutor.session import resume_target

    target = resume_target(names.rows, lessons, store.last_position(profile))
    if target.kind == "done":
        print()
        print(t(lang, "cli.progress.all_done"))
    elif target.lesson is not None and target.lesson.lesson_id is not None:
        print()
        lesson = escape(names.lesson(target.lesson.lesson_id))
        print(t(lang, "cli.progress.continue", lesson=lesson, step=target.step + 1))


def _print_rows(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    print(f"{title} ({len(rows)})")
    if not rows:
        return
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
    for row in (header, *rows):
        print(
            "  "
            + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


def _cells(row: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(escape(cell) for cell in row)


def _time(moment: datetime | None) -> str:
    return "-" if moment is None else moment.strftime("%Y-%m-%d %H:%M UTC")


def _lesson_row(lang: str, lesson: LessonProgress, names: _Names) -> tuple[str, ...]:
    best = "-" if lesson.best_score is None else str(lesson.best_score)
    state = t(lang, f"cli.progress.state_{lesson.state}")
    # Steps are counted from 1 for people; the store counts from 0 like the TUI.
    title = names.lesson(lesson.lesson_id)
    return (title, state, str(lesson.step + 1), best, _time(lesson.last_visit))


def _attempt_row(lang: str, attempt: Attempt, names: _Names) -> tuple[str, ...]:
    answer = " ".join(attempt.answer.split())  # one line per attempt, whatever was typed
    if len(answer) > _ANSWER_WIDTH:
        answer = answer[: _ANSWER_WIDTH - 1] + "…"
    return (
        _time(attempt.at),
        names.lesson(attempt.lesson_id),
        names.exercise(attempt.lesson_id, attempt.exercise_id),
        str(attempt.score),
        t(lang, "cli.yes" if attempt.passed else "cli.no"),
        answer,
    )


def _summary(ctx: Context, store: ProgressStore) -> str:
    from twitter_tutor.content.course import load_course
    from twitter_tutor.tutor.course_index import entries
    from twitter_tutor.tutor.course_summary import summarise, to_markdown

    course = load_course(ctx.sources)
    rows = [row for row in entries(course, ctx.lang) if row.openable]
    lessons = {
        f.lesson.id: f.lesson
        for f in course.for_lang(ctx.lang)
        if f.lesson is not None
    }
    summary = summarise(
        ctx.profile, rows, lessons, store.lessons(ctx.profile), store.attempts(ctx.profile)
    )
    return to_markdown(summary, ctx.lang)
