"""`twitter-tutor progress`: show a learner's progress, or export it as JSON or CSV.

Lessons are shown by id only: loading lesson content is another layer's job, and a progress
report must work even when a lesson file is broken or gone.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from twitter_tutor.cli.context import Context
from twitter_tutor.cli.main import PROG
from twitter_tutor.cli.output import escape
from twitter_tutor.progress import Attempt, LessonProgress, ProgressStore, StoreError, open_store
from twitter_tutor.progress.export import export_csv, export_json

_ANSWER_WIDTH = 40


def register(parser: argparse.ArgumentParser) -> None:
    formats = parser.add_mutually_exclusive_group()
    formats.add_argument(
        "--json", action="store_true", help="print lessons and attempts as one JSON object"
    )
    formats.add_argument(
        "--csv", action="store_true", help="print one CSV row per attempt (after a header row)"
    )


def open_for_command(ctx: Context) -> ProgressStore:
    """Open the store for a command: warnings to stderr; no silent in-memory fallback, since
    a command that quietly kept nothing would mislead."""
    opened = open_store(ctx.data_dir, allow_memory=False)
    for warning in opened.warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    return opened.store


def run(args: argparse.Namespace, ctx: Context) -> int:
    try:
        with open_for_command(ctx) as store:
            if args.json:
                data = export_json(store, ctx.profile)
                print(json.dumps(data, ensure_ascii=False, indent=2))
            elif args.csv:
                export_csv(store, ctx.profile, sys.stdout)
            else:
                _print_table(ctx.profile, store)
            for line in store.damaged:
                print(f"{PROG}: warning: {escape(line)}", file=sys.stderr)
    except StoreError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1
    return 0


def _print_table(profile: str, store: ProgressStore) -> None:
    lessons = store.lessons(profile)
    attempts = store.attempts(profile)
    if not lessons and not attempts:
        print(f"No progress yet for profile '{profile}'. Run twitter-tutor to start a lesson.")
        return
    print(f"Progress of profile '{profile}'")
    print()
    _print_rows(
        "Lessons",
        ("LESSON", "STATE", "STEP", "BEST", "LAST VISIT"),
        [_cells(_lesson_row(lesson)) for lesson in lessons.values()],
    )
    print()
    _print_rows(
        "Attempts",
        ("AT", "LESSON", "EXERCISE", "SCORE", "PASSED", "ANSWER"),
        [_cells(_attempt_row(attempt)) for attempt in attempts],
    )
    position = store.last_position(profile)
    if position is not None:
        print()
        print(f"Continue at: lesson {escape(position[0])}, step {position[1] + 1}")


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


def _lesson_row(lesson: LessonProgress) -> tuple[str, ...]:
    best = "-" if lesson.best_score is None else str(lesson.best_score)
    state = lesson.state.replace("_", " ")
    # Steps are counted from 1 for people; the store counts from 0 like the TUI.
    return (lesson.lesson_id, state, str(lesson.step + 1), best, _time(lesson.last_visit))


def _attempt_row(attempt: Attempt) -> tuple[str, ...]:
    answer = " ".join(attempt.answer.split())  # one line per attempt, whatever was typed
    if len(answer) > _ANSWER_WIDTH:
        answer = answer[: _ANSWER_WIDTH - 1] + "…"
    return (
        _time(attempt.at),
        attempt.lesson_id,
        attempt.exercise_id,
        str(attempt.score),
        "yes" if attempt.passed else "no",
        answer,
    )
