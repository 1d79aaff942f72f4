"""The progress store in one SQLite file: lesson states, attempts and resume positions.

Implements the `ProgressStore` protocol. Every write is one short `BEGIN IMMEDIATE`
transaction, committed before the method returns, so the UI may say "saved" right after and a
crash or kill never loses a returned write.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar, cast

from twitter_tutor.progress import db, rows
from twitter_tutor.progress.errors import StoreError
from twitter_tutor.progress.rows import utf8_text as _text
from twitter_tutor.progress.sql_reads import SqlReads
from twitter_tutor.progress.timefmt import from_text, to_text, utc_now
from twitter_tutor.texts import Message

if TYPE_CHECKING:
    from twitter_tutor.progress.models import Attempt

T = TypeVar("T")


class SqliteStore(SqlReads):
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
        # `PRAGMA quick_check` does not look at values, so the readers of `rows` do.
        self._damage = rows.Damage()

    # -- plumbing ---------------------------------------------------------------------------

    def _use(self, work: Callable[[sqlite3.Connection], T], *, write: bool) -> T:
        with self._lock:
            if self._conn is None:
                raise StoreError(Message("store.closed"))
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
        rows.check_profile(profile)
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
        rows.check_profile(profile)
        rows.check_score(score)
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
        *,
        lesson_score: int | None = None,
    ) -> Attempt:
        """Store one submitted answer; raise the lesson's best score to `lesson_score` (the
        lesson's score with this answer counted) if it beats it, in the same transaction.

        A lesson never visited before gets a row "in progress at step 0": an answer means
        the learner has started it.
        """
        rows.check_profile(profile)
        rows.check_score(score)
        rows.check_score(lesson_score)
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
                (values[0], values[1], lesson_score, now, now),
            )
            return cast(int, cursor.lastrowid)

        attempt_id = self._use(work, write=True)
        from twitter_tutor.progress.models import Attempt  # not needed to open a store

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

        The resume position goes too when it points into what was removed. A workshop
        learner's row stays: a reset clears progress, it does not free the name.
        """
        rows.check_profile(profile)
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
            conn.execute(f"DELETE FROM drafts WHERE {where}", params)
            return lessons, attempts

        return self._use(work, write=True)

    def save_draft(
        self, profile: str, lesson_id: str, exercise_id: str, slot: int, text: str
    ) -> None:
        """Keep what is typed but not sent; an empty text removes the draft."""
        rows.check_profile(profile)
        rows.check_slot(slot)
        key = (_text(profile), _text(lesson_id), _text(exercise_id), slot)
        now = self._now()

        def work(conn: sqlite3.Connection) -> None:
            if not text:
                conn.execute(
                    "DELETE FROM drafts WHERE profile = ? AND lesson_id = ? AND exercise_id = ? "
                    "AND slot = ?",
                    key,
                )
                return
            conn.execute(
                "INSERT INTO drafts (profile, lesson_id, exercise_id, slot, text, at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (profile, lesson_id, exercise_id, slot) "
                "DO UPDATE SET text = excluded.text, at = excluded.at",
                (*key, _text(text), now),
            )

        self._use(work, write=True)

    def clear_drafts(self, profile: str, lesson_id: str, exercise_id: str) -> None:
        """Forget an exercise's drafts (its answer was sent and saved as an attempt)."""
        params = (_text(profile), _text(lesson_id), _text(exercise_id))
        self._use(
            lambda conn: conn.execute(
                "DELETE FROM drafts WHERE profile = ? AND lesson_id = ? AND exercise_id = ?",
                params,
            ),
            write=True,
        )

    def register_learner(self, profile: str, pin_hash: str, share: bool) -> bool:
        """Claim `profile` for a workshop learner; False if it is claimed already.

        One statement, so two joins racing for one name cannot both win: the primary key
        lets exactly one insert through.
        """
        rows.check_profile(profile)
        values = (_text(profile), _text(pin_hash), int(bool(share)), self._now())

        def work(conn: sqlite3.Connection) -> bool:
            cursor = conn.execute(
                "INSERT INTO learners (profile, pin_hash, share, joined_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (profile) DO NOTHING",
                values,
            )
            return cursor.rowcount == 1

        return self._use(work, write=True)

    # -- reads (the queries are in SqlReads) ------------------------------------------------

    def _fetch(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        return self._use(lambda conn: conn.execute(sql, tuple(params)).fetchall(), write=False)

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection; further use raises StoreError. Closing twice is harmless."""
        with self._lock:
            if self._conn is not None:
                conn, self._conn = self._conn, None
                conn.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
