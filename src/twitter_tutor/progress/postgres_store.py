"""The progress store in PostgreSQL: one database shared by every twitter-tutor given its URL.

Implements the `ProgressStore` protocol with SqliteStore's semantics: every write is one short
transaction, committed before the method returns; reads skip damaged rows and name them in
`damaged`. Many processes on many hosts may write at once: each write is an upsert
(INSERT ... ON CONFLICT) or a delete, atomic on its own, and attempts are inserted under an
advisory lock held to the commit, so attempt ids grow in commit order as they do in SQLite.

This is the only module that imports psycopg, and it is imported only for a postgresql:// URL
(see `locations`), so a plain install works without psycopg and start-up never loads it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import TypeVar
from urllib.parse import unquote

import psycopg
from psycopg import errors as pg_errors
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg.rows import TupleRow

from twitter_tutor.progress import postgres_schema, rows
from twitter_tutor.progress.errors import StoreError
from twitter_tutor.progress.models import Attempt
from twitter_tutor.progress.sql_reads import SqlReads
from twitter_tutor.progress.timefmt import from_text, to_text, utc_now
from twitter_tutor.progress.urls import url_password
from twitter_tutor.texts import Message

T = TypeVar("T")
Connection = psycopg.Connection[TupleRow]

CONNECT_TIMEOUT_S = 5
"""How long to wait for the server unless the URL says (connect_timeout=): a workshop whose
server is down should hear so at once, not hang."""
LOCK_TIMEOUT_S = 5
"""How long a write waits for another's lock, like SQLite's busy timeout; ours take ms. A URL
may set its own (`options=-c lock_timeout=...`)."""
_RETRIES = 3
"""Tries of a write that PostgreSQL broke off for a deadlock; it was rolled back, so it can
run again without doing anything twice."""


def _text(value: str) -> str:
    # PostgreSQL's text cannot hold NUL; kept visibly escaped, as lone surrogates are.
    return rows.utf8_text(value).replace("\x00", "\\x00")


def _one_line(error: BaseException, url: str) -> str:
    """libpq's message as one sentence, without its prefixes, and never with the password."""
    text = str(error)
    for prefix in ("connection failed: ", "connection is bad: "):
        text = text.removeprefix(prefix)
    lines = (" ".join(line.split()).rstrip(".") for line in text.splitlines())
    text = ". ".join(line for line in lines if line).replace("FATAL: ", "")
    written = url_password(url)
    for password in (written, unquote(written or "")):
        if password:
            text = text.replace(password, "***")
    return text if text.endswith(("?", "!")) else f"{text}."


def _read_as_written(url: str, where: str) -> Mapping[str, object]:
    """libpq's reading of `url`; StoreError when it cannot read it or would not take the
    password for one.

    A password holding an unescaped / or % is read as part of the host, port or database,
    and libpq would quote that part back in its error: so then only this is said."""
    written = url_password(url)
    try:
        given: Mapping[str, object] = conninfo_to_dict(url)
    except psycopg.Error as error:
        try:
            # Without the password: is the rest readable? Then the password was the trouble.
            conninfo_to_dict(url if written is None else url.replace(f":{written}@", "@", 1))
        except psycopg.Error as trouble:
            raise StoreError(
                f"Cannot connect to the progress store {where}: {_one_line(trouble, url)}"
            ) from error
        given = {}
    if written is not None and given.get("password") != unquote(written):
        raise StoreError(
            f"Cannot connect to the progress store {where}: its URL cannot be read. Write "
            "special characters of the password %-escaped (/ as %2F, @ as %40, % as %25), "
            "or leave the password to PGPASSWORD or ~/.pgpass."
        )
    return given


def connect(url: str, where: str) -> Connection:
    """A connection in autocommit mode (each write opens its own transaction); StoreError,
    in one line naming `where` (the URL without its password), when there is none."""
    given = _read_as_written(url, where)
    try:
        defaults: dict[str, str | int] = {}
        if "connect_timeout" not in given:
            defaults["connect_timeout"] = CONNECT_TIMEOUT_S
        if "application_name" not in given:
            defaults["application_name"] = "twitter-tutor"
        options = str(given.get("options") or "")
        if "lock_timeout" not in options:
            defaults["options"] = f"{options} -c lock_timeout={LOCK_TIMEOUT_S:d}s".strip()
        conn = psycopg.connect(make_conninfo(url, **defaults), autocommit=True)
    except psycopg.Error as error:
        raise StoreError(
            f"Cannot connect to the progress store {where}: {_one_line(error, url)}"
        ) from error
    return conn


def open_postgres(
    url: str, where: str, *, clock: Callable[[], datetime] = utc_now
) -> PostgresStore:
    """Connect, bring the schema up to date (or refuse a newer one), and return the store."""
    conn = connect(url, where)
    try:
        postgres_schema.migrate(conn, where)
    except psycopg.Error as error:
        conn.close()
        raise StoreError(
            f"Cannot use the progress store {where}: {_one_line(error, url)}"
        ) from error
    except BaseException:
        conn.close()
        raise
    return PostgresStore(conn, url, where, clock=clock)


def _describe(error: psycopg.Error, url: str, where: str, *, lost: bool) -> str:
    """A one-line, learner-facing reason for a failed store operation; `lost`: the
    connection broke meanwhile."""
    if isinstance(error, pg_errors.LockNotAvailable):
        return Message("store.busy", seconds=f"{LOCK_TIMEOUT_S:d}")
    if lost:
        return (
            f"The connection to the progress store {where} failed: {_one_line(error, url)} "
            "Please try again."
        )
    return Message("store.unusable", error=_one_line(error, url).rstrip("."))


class PostgresStore(SqlReads):
    """One connection, guarded by a lock so a worker thread may write too; a connection the
    server dropped is replaced on the next use."""

    where: str
    """The store's URL with its password masked: safe to show."""

    def __init__(
        self,
        conn: Connection,
        url: str,
        where: str,
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._conn: Connection | None = conn
        self._url = url
        self.where = where
        self._clock = clock
        self._lock = threading.Lock()
        self._damage = rows.Damage()

    # -- plumbing ---------------------------------------------------------------------------

    def _connection(self) -> Connection:
        if self._conn is None:
            raise StoreError(Message("store.closed"))
        if self._conn.closed or self._conn.broken:
            # The server restarted or the network blinked: what was committed is safe, and
            # the write that met the break already said it failed.
            self._conn.close()
            self._conn = connect(self._url, self.where)
        return self._conn

    def _use(self, work: Callable[[Connection], T], *, write: bool) -> T:
        with self._lock:
            for attempt in range(_RETRIES):
                conn = self._connection()
                try:
                    if not write:
                        return work(conn)
                    with conn.transaction():
                        return work(conn)
                except (pg_errors.DeadlockDetected, pg_errors.SerializationFailure) as error:
                    if attempt + 1 == _RETRIES:
                        reason = _describe(error, self._url, self.where, lost=False)
                        raise StoreError(reason) from error
                except psycopg.Error as error:
                    reason = _describe(error, self._url, self.where, lost=conn.broken)
                    raise StoreError(reason) from error
        raise AssertionError("unreachable")  # pragma: no cover

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

        def work(conn: Connection) -> None:
            conn.execute(
                """
                INSERT INTO lessons (profile, lesson_id, state, step, first_visit, last_visit)
                VALUES (%s, %s, 'in_progress', %s, %s, %s)
                ON CONFLICT (profile, lesson_id) DO UPDATE SET
                    step = excluded.step, last_visit = excluded.last_visit
                """,
                (profile, lesson_id, step, now, now),
            )
            conn.execute(
                """
                INSERT INTO positions (profile, lesson_id, step, at) VALUES (%s, %s, %s, %s)
                ON CONFLICT (profile) DO UPDATE SET
                    lesson_id = excluded.lesson_id, step = excluded.step, at = excluded.at
                """,
                (profile, lesson_id, step, now),
            )

        self._use(work, write=True)

    def complete(self, profile: str, lesson_id: str, score: int | None) -> None:
        """Mark the lesson completed; its best score becomes the higher of old and `score`."""
        rows.check_profile(profile)
        rows.check_score(score)
        now = self._now()
        profile, lesson_id = _text(profile), _text(lesson_id)

        def work(conn: Connection) -> None:
            # greatest() ignores NULLs: a score only ever replaces no score or a lower one.
            conn.execute(
                """
                INSERT INTO lessons
                    (profile, lesson_id, state, step, best_score, first_visit, last_visit)
                VALUES (%s, %s, 'completed', 0, %s, %s, %s)
                ON CONFLICT (profile, lesson_id) DO UPDATE SET
                    state = 'completed',
                    best_score = greatest(lessons.best_score, excluded.best_score),
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
        # ASCII escapes keep lone surrogates and NULs as JSON escapes, which text can hold.
        checks_json = json.dumps(checks)
        now = self._now()
        values = (
            _text(profile),
            _text(lesson_id),
            _text(exercise_id),
            _text(answer),
            score,
            int(bool(passed)),
            checks_json,
            now,
            _text(content_hash),
        )

        def work(conn: Connection) -> int:
            # Held to the commit: an id handed out here is committed before any later one, so
            # a reader never sees id 11 while 10 is still to come.
            conn.execute(
                "SELECT pg_advisory_xact_lock(%s, 'attempts'::regclass::oid::integer)",
                (postgres_schema.LOCK_SPACE + 1,),
            )
            inserted = conn.execute(
                "INSERT INTO attempts (profile, lesson_id, exercise_id, answer, score, passed, "
                "checks, at, content_hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
                "RETURNING id",
                values,
            ).fetchone()
            conn.execute(
                """
                INSERT INTO lessons
                    (profile, lesson_id, state, step, best_score, first_visit, last_visit)
                VALUES (%s, %s, 'in_progress', 0, %s, %s, %s)
                ON CONFLICT (profile, lesson_id) DO UPDATE SET
                    best_score = greatest(lessons.best_score, excluded.best_score),
                    last_visit = excluded.last_visit
                """,
                (values[0], values[1], lesson_score, now, now),
            )
            assert inserted is not None  # RETURNING gives the row it inserted
            return int(inserted[0])

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
        """Remove a profile's progress and drafts (one lesson or all); return (lessons,
        attempts) removed. The resume position goes too when it points into what was removed.
        A workshop learner's row stays: a reset clears progress, it does not free the name.
        """
        rows.check_profile(profile)
        where = "profile = %s"
        params: tuple[str, ...] = (_text(profile),)
        if lesson_id is not None:
            where += " AND lesson_id = %s"
            params += (_text(lesson_id),)

        def work(conn: Connection) -> tuple[int, int]:
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

        def work(conn: Connection) -> None:
            if not text:
                conn.execute(
                    "DELETE FROM drafts WHERE profile = %s AND lesson_id = %s "
                    "AND exercise_id = %s AND slot = %s",
                    key,
                )
                return
            conn.execute(
                "INSERT INTO drafts (profile, lesson_id, exercise_id, slot, text, at) "
                "VALUES (%s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (profile, lesson_id, exercise_id, slot) "
                "DO UPDATE SET text = excluded.text, at = excluded.at",
                (*key, _text(text), now),
            )

        self._use(work, write=True)

    def clear_drafts(self, profile: str, lesson_id: str, exercise_id: str) -> None:
        """Forget an exercise's drafts (its answer was sent and saved as an attempt)."""
        params = (_text(profile), _text(lesson_id), _text(exercise_id))
        self._use(
            lambda conn: conn.execute(
                "DELETE FROM drafts WHERE profile = %s AND lesson_id = %s AND exercise_id = %s",
                params,
            ),
            write=True,
        )

    def register_learner(self, profile: str, pin_hash: str, share: bool) -> bool:
        """Claim `profile` for a workshop learner; False if it is claimed already.

        One statement, so two joins racing for one name (on any hosts) cannot both win: the
        primary key lets exactly one insert through.
        """
        rows.check_profile(profile)
        values = (_text(profile), _text(pin_hash), int(bool(share)), self._now())

        def work(conn: Connection) -> bool:
            cursor = conn.execute(
                "INSERT INTO learners (profile, pin_hash, share, joined_at) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (profile) DO NOTHING",
                values,
            )
            return cursor.rowcount == 1

        return self._use(work, write=True)

    # -- reads (the queries are in SqlReads) ------------------------------------------------

    MARK = "%s"

    def _fetch(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        return self._use(
            lambda conn: list(conn.execute(sql, tuple(params)).fetchall()), write=False
        )

    def _text(self, value: str) -> str:
        return _text(value)

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection; further use raises StoreError. Closing twice is harmless."""
        with self._lock:
            if self._conn is not None:
                conn, self._conn = self._conn, None
                conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
