"""A learner's progress as JSON-ready data or CSV, for the `progress` command and for trainers."""

from __future__ import annotations

import csv
import json
from typing import TextIO

from twitter_tutor.progress.models import Attempt, LessonProgress
from twitter_tutor.progress.store import ProgressStore
from twitter_tutor.progress.timefmt import to_text

CSV_HEADER = (
    "profile",
    "lesson",
    "exercise",
    "answer",
    "score",
    "passed",
    "checks",
    "at",
    "content_hash",
)


def _lesson_json(lesson: LessonProgress) -> dict[str, object]:
    return {
        "id": lesson.lesson_id,
        "state": lesson.state,
        "step": lesson.step + 1,  # counted from 1, as the tutor and `progress` show it
        "best_score": lesson.best_score,
        "first_visit": None if lesson.first_visit is None else to_text(lesson.first_visit),
        "last_visit": None if lesson.last_visit is None else to_text(lesson.last_visit),
    }


def _attempt_json(attempt: Attempt) -> dict[str, object]:
    return {
        "lesson": attempt.lesson_id,
        "exercise": attempt.exercise_id,
        "answer": attempt.answer,
        "score": attempt.score,
        "passed": attempt.passed,
        "checks": attempt.checks,
        "at": to_text(attempt.at),
        "content_hash": attempt.content_hash,
    }


def export_json(store: ProgressStore, profile: str) -> dict[str, object]:
    """Lessons (in the order first visited) and attempts (oldest first); times ISO 8601 UTC,
    steps counted from 1."""
    return {
        "profile": profile,
        "lessons": [_lesson_json(lesson) for lesson in store.lessons(profile).values()],
        "attempts": [_attempt_json(attempt) for attempt in store.attempts(profile)],
    }


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""


def neutralise(cell: object) -> object:
    """A text cell that a spreadsheet would run as a formula, with a leading `'` so it shows
    as text; every other cell unchanged. Numbers are written by us and never start so."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def export_csv(store: ProgressStore, profile: str, out: TextIO) -> None:
    """One row per attempt, oldest first, after a header row that is written even for none.

    Text cells starting with =, +, -, @, tab or carriage return get a leading `'`, so a
    learner's answer can never become a live formula in the trainer's spreadsheet; every cell
    that needs it is quoted."""
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for attempt in store.attempts(profile):
        writer.writerow(
            neutralise(cell)
            for cell in (
                attempt.profile,
                attempt.lesson_id,
                attempt.exercise_id,
                attempt.answer,
                attempt.score,
                # Lower-case like JSON, so both exports read the same.
                "true" if attempt.passed else "false",
                json.dumps(attempt.checks, ensure_ascii=False),
                to_text(attempt.at),
                attempt.content_hash,
            )
        )
