"""The progress store: lesson states, attempts and the resume position of every profile.

Every write is one short `BEGIN IMMEDIATE` transaction, committed before the method returns,
so the UI may say "saved" right after and a crash or kill never loses a returned write.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TypeVar, cast

from twitter_tutor.progress import db
from twitter_tutor.progress.errors import StoreError
from twitter_tutor.progress.models import Attempt, LessonProgress, LessonState
from twitter_tutor.progress.timefmt import from_text, to_text, utc_now

T = TypeVar("T")

_ATTEMPT_COLUMNS = (
    "id, profile, lesson_id, exercise_id, answer, score, passed, checks, at, content_hash"
)


def _text(value: str) -> str:
    # SQLite stores UTF-8 only; a lone surrogate (undecodable argv, odd paste) would make
    # the whole write fail, so it is kept visibly escaped instead.
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def _check_profile(profile: str) -> None:
    if not profile:
        raise ValueError("profile must not be empty")


def _check_score(score: int | None) -> None:
    if score is not None and not 0 <= score <= 100:
        raise ValueError(f"score must be 0-100, got {score}")


_BAD_ROW = (ValueError, TypeError, OverflowError, RecursionError)
"""What a damaged value raises when read: not JSON, not an ISO time, the wrong type, a JSON
nested too deeply. `PRAGMA quick_check` does not look at values, so the readers do."""


def _str(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} is not text")
    return value


def _int(value: object, name: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValueError(f"{name} is not a number from {low} to {high}")
    return value


def _time(value: object, name: str) -> datetime:
    try:
        return from_text(_str(value, name))
    except _BAD_ROW as error:
        raise ValueError(f"{name} is not an ISO 8601 time") from error


def _checks(value: object) -> list[dict[str, object]]:
    try:
        checks = json.loads(_str(value, "checks"))
    except _BAD_ROW as error:
        raise ValueError("checks is not JSON") from error
    if not isinstance(checks, list) or not all(isinstance(c, dict) for c in checks):
        raise ValueError("checks is not a list of tables")
    return checks


def _attempt(row: tuple[object, ...]) -> Attempt:
    return Attempt(
        id=_int(row[0], "id", 0, 2**63),
        profile=_str(row[1], "profile"),
        lesson_id=_str(row[2], "lesson_id"),
        exercise_id=_str(row[3], "exercise_id"),
        answer=_str(row[4], "answer"),
        score=_int(row[5], "score", 0, 100),
        passed=bool(_int(row[6], "passed", 0, 1)),
        checks=_checks(row[7]),
        at=_time(row[8], "at"),
        content_hash=_str(row[9], "content_hash"),
    )


def _lesson(row: tuple[object, ...]) -> LessonProgress:
    state = _str(row[1], "state")
    if state not in ("in_progress", "completed"):
        raise ValueError("state is neither in_progress nor completed")
    return LessonProgress(
        lesson_id=_str(row[0], "lesson_id"),
        state=cast(LessonState, state),
        step=_int(row[2], "step", 0, 2**31),
        best_score=None if row[3] is None else _int(row[3], "best_score", 0, 100),
        first_visit=_time(row[4], "first_visit"),
        last_visit=_time(row[5], "last_visit"),
    )


class ProgressStore:
    """One SQLite connection, guarded by a lock so a worker thread may write too."""

    path: Path | None
    """The store file, or None for an in-memory store that forgets everything on close."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path | None,
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._conn: sqlite3.Connection | None = conn
        self.path = path
        self._clock = clock
        self._lock = threading.Lock()
        self._damaged: dict[str, None] = {}

    @property
    def damaged(self) -> list[str]:
        """One line per damaged row met by a read so far: each was skipped, never deleted."""
        return list(self._damaged)

    def _skip(self, what: str, error: Exception) -> None:
        self._damaged.setdefault(f"{what} is damaged ({error}) and was skipped", None)

    # -- plumbing ---------------------------------------------------------------------------

    def _use(self, work: Callable[[sqlite3.Connection], T], *, write: bool) -> T:
        with self._lock:
            if self._conn is None:
                raise StoreError("The progress store is already closed.")
            try:
                if not write:
                    return work(self._conn)
                with db.immediate(self._conn):
                    return work(self._conn)
            except sqlite3.Error as error:
                raise StoreError(db.describe(error)) from error

    def _now(self) -> str:
        return to_text(self._clock())

    # -- writes -----------------------------------------------------------------------------

    def visit(self, profile: str, lesson_id: str, step: int) -> None:
        """The learner is at `step` of `lesson_id`: mark it started and remember the position.

        A completed lesson stays completed when revisited; only its step and last visit move.
        """
        _check_profile(profile)
        if step < 0:
            raise ValueError(f"step must be >= 0, got {step}")
        now = self._now()
        profile, lesson_id = _text(profile), _text(lesson_id)

        def work(conn: sqlite3.Connection) -> None:
            conn.execute(
                """
                INSERT INTO lessons (profile, lesson_id, state, step, first_visit, last_visit)
                VALUES (?, ?, 'in_progress', ?, ?, ?)
                ON CONFLICT (profile, lesson_id) DO UPDATE SET
                    step = excluded.step, last_visit = excluded.last_visit
                """,
                (profile, lesson_id, step, now, now),
            )
            conn.execute(
                "INSERT OR REPLACE INTO positions (profile, lesson_id, step, at) "
                "VALUES (?, ?, ?, ?)",
                (profile, lesson_id, step, now),
            )

        self._use(work, write=True)

    def complete(self, profile: str, lesson_id: str, score: int | None) -> None:
        """Mark the lesson completed; its best score becomes the higher of old and `score`."""
        _check_profile(profile)
        _check_score(score)
        now = self._now()
        profile, lesson_id = _text(profile), _text(lesson_id)

        def work(conn: sqlite3.Connection) -> None:
            conn.execute(
                """
                INSERT INTO lessons
                    (profile, lesson_id, state, step, best_score, first_visit, last_visit)
                VALUES (?, ?, 'completed', 0, ?, ?, ?)
                ON CONFLICT (profile, lesson_id) DO UPDATE SET
                    state = 'completed',
                    best_score = coalesce(max(best_score, excluded.best_score),
                                          best_score, excluded.best_score),
                    last_visit = excluded.last_visit
                """,
                (profile, lesson_id, score, now, now),
            )

        self._use(work, write=True)

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
    ) -> Attempt:
        """Store one submitted answer and raise the lesson's best score if it beats it.

        A lesson never visited before gets a row "in progress at step 0": an answer means
        the learner has started it.
        """
        _check_profile(profile)
        _check_score(score)
        # Serialised before the transaction: a non-JSON check is a caller bug, not a store one.
        # ASCII escapes keep even lone surrogates intact through UTF-8-only SQLite.
        checks_json = json.dumps(checks)
        moment = self._clock()
        now = to_text(moment)
        values = (
            _text(profile),
            _text(lesson_id),
            _text(exercise_id),
            _text(answer),
            score,
            bool(passed),
            checks_json,
            now,
            _text(content_hash),
        )

        def work(conn: sqlite3.Connection) -> int:
            cursor = conn.execute(
                "INSERT INTO attempts (profile, lesson_id, exercise_id, answer, score, passed, "
                "checks, at, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
            conn.execute(
                """
                INSERT INTO lessons
                    (profile, lesson_id, state, step, best_score, first_visit, last_visit)
                VALUES (?, ?, 'in_progress', 0, ?, ?, ?)
                ON CONFLICT (profile, lesson_id) DO UPDATE SET
                    best_score = coalesce(max(best_score, excluded.best_score),
                                          best_score, excluded.best_score),
                    last_visit = excluded.last_visit
                """,
                (values[0], values[1], score, now, now),
            )
            return cast(int, cursor.lastrowid)

        attempt_id = self._use(work, write=True)
        return Attempt(
            id=attempt_id,
            profile=values[0],
            lesson_id=values[1],
            exercise_id=values[2],
            answer=values[3],
            score=score,
            passed=bool(passed),
            checks=json.loads(checks_json),
            at=from_text(now),
            content_hash=values[8],
        )

    def reset(self, profile: str, lesson_id: str | None = None) -> tuple[int, int]:
        """Remove a profile's progress (one lesson or all); return (lessons, attempts) removed.

        The resume position goes too when it points into what was removed.
        """
        _check_profile(profile)
        profile = _text(profile)
        where = "profile = ?"
        params: tuple[str, ...] = (profile,)
        if lesson_id is not None:
            where += " AND lesson_id = ?"
            params += (_text(lesson_id),)

        def work(conn: sqlite3.Connection) -> tuple[int, int]:
            lessons = conn.execute(f"DELETE FROM lessons WHERE {where}", params).rowcount
            attempts = conn.execute(f"DELETE FROM attempts WHERE {where}", params).rowcount
            conn.execute(f"DELETE FROM positions WHERE {where}", params)
            return lessons, attempts

        return self._use(work, write=True)

    # -- reads ------------------------------------------------------------------------------

    def lessons(self, profile: str) -> dict[str, LessonProgress]:
        """Every lesson the profile has touched, in the order first visited."""
        rows = self._use(
            lambda conn: conn.execute(
                "SELECT lesson_id, state, step, best_score, first_visit, last_visit "
                "FROM lessons WHERE profile = ? ORDER BY first_visit, lesson_id",
                (_text(profile),),
            ).fetchall(),
            write=False,
        )
        lessons: dict[str, LessonProgress] = {}
        for row in rows:
            try:
                lesson = _lesson(row)
            except _BAD_ROW as error:
                self._skip(f"the progress row of lesson {str(row[0])[:80]!r}", error)
                continue
            lessons[lesson.lesson_id] = lesson
        return lessons

    def attempts(
        self, profile: str, lesson_id: str | None = None, exercise_id: str | None = None
    ) -> list[Attempt]:
        """The profile's attempts, oldest first, optionally for one lesson or exercise."""
        where = "profile = ?"
        params: list[str] = [_text(profile)]
        if lesson_id is not None:
            where += " AND lesson_id = ?"
            params.append(_text(lesson_id))
        if exercise_id is not None:
            where += " AND exercise_id = ?"
            params.append(_text(exercise_id))
        # Ids grow with each commit, so id order is the order the attempts were saved.
        sql = f"SELECT {_ATTEMPT_COLUMNS} FROM attempts WHERE {where} ORDER BY id"
        rows = self._use(lambda conn: conn.execute(sql, params).fetchall(), write=False)
        attempts: list[Attempt] = []
        for row in rows:
            try:
                attempts.append(_attempt(row))
            except _BAD_ROW as error:
                self._skip(f"attempt {row[0]}", error)
        return attempts

    def last_position(self, profile: str) -> tuple[str, int] | None:
        """Where Continue resumes: (lesson id, step index) of the last visit, if any."""
        row = self._use(
            lambda conn: conn.execute(
                "SELECT lesson_id, step FROM positions WHERE profile = ?", (_text(profile),)
            ).fetchone(),
            write=False,
        )
        if row is None:
            return None
        try:
            return _str(row[0], "lesson_id"), _int(row[1], "step", 0, 2**31)
        except _BAD_ROW as error:
            self._skip("the resume position", error)
            return None

    def profiles(self) -> list[str]:
        """Every profile with anything stored, sorted."""
        rows = self._use(
            lambda conn: conn.execute(
                "SELECT profile FROM lessons UNION SELECT profile FROM attempts "
                "UNION SELECT profile FROM positions ORDER BY profile"
            ).fetchall(),
            write=False,
        )
        return [row[0] for row in rows if isinstance(row[0], str)]

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection; further use raises StoreError. Closing twice is harmless."""
        with self._lock:
            if self._conn is not None:
                conn, self._conn = self._conn, None
                conn.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
