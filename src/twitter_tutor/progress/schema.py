"""Tables of the progress store and the forward migrations that build them.

`PRAGMA user_version` counts how many steps of `MIGRATIONS` have run. A released step is never
edited: a schema change is a new step appended at the end, so every older store can catch up.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from twitter_tutor.progress.db import immediate
from twitter_tutor.progress.errors import NewerSchemaError
from twitter_tutor.texts import Message

Migration = Sequence[str]

MIGRATIONS: tuple[Migration, ...] = (
    # 1: lessons, attempts and the resume position, each keyed by profile.
    (
        # No row means "not started", so only the two other states are stored.
        """
        CREATE TABLE lessons (
            profile     TEXT    NOT NULL,
            lesson_id   TEXT    NOT NULL,
            state       TEXT    NOT NULL CHECK (state IN ('in_progress', 'completed')),
            step        INTEGER NOT NULL CHECK (step >= 0),
            best_score  INTEGER CHECK (best_score BETWEEN 0 AND 100),
            first_visit TEXT    NOT NULL,
            last_visit  TEXT    NOT NULL,
            PRIMARY KEY (profile, lesson_id)
        )
        """,
        # AUTOINCREMENT: ids are never reused after a reset, so exported ids stay unique.
        """
        CREATE TABLE attempts (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            profile      TEXT    NOT NULL,
            lesson_id    TEXT    NOT NULL,
            exercise_id  TEXT    NOT NULL,
            answer       TEXT    NOT NULL,
            score        INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
            passed       INTEGER NOT NULL CHECK (passed IN (0, 1)),
            checks       TEXT    NOT NULL,
            at           TEXT    NOT NULL,
            content_hash TEXT    NOT NULL
        )
        """,
        "CREATE INDEX attempts_by_exercise ON attempts (profile, lesson_id, exercise_id)",
        """
        CREATE TABLE positions (
            profile   TEXT    PRIMARY KEY,
            lesson_id TEXT    NOT NULL,
            step      INTEGER NOT NULL CHECK (step >= 0),
            at        TEXT    NOT NULL
        )
        """,
    ),
    # 2: unsent answers, saved as they are typed; slot is the tweet's index in a plan (0 else).
    (
        """
        CREATE TABLE drafts (
            profile     TEXT    NOT NULL,
            lesson_id   TEXT    NOT NULL,
            exercise_id TEXT    NOT NULL,
            slot        INTEGER NOT NULL CHECK (slot >= 0),
            text        TEXT    NOT NULL,
            at          TEXT    NOT NULL,
            PRIMARY KEY (profile, lesson_id, exercise_id, slot)
        )
        """,
    ),
    # 3: workshop learners (`serve`): a profile claimed at join time, its PIN only as a salted
    # hash, and whether its best answers may be shown to the trainer.
    (
        """
        CREATE TABLE learners (
            profile   TEXT    PRIMARY KEY,
            pin_hash  TEXT    NOT NULL,
            share     INTEGER NOT NULL CHECK (share IN (0, 1)),
            joined_at TEXT    NOT NULL
        )
        """,
    ),
)

# The same steps for a store in PostgreSQL (run by `postgres_schema.migrate`, counted in its
# table twitter_tutor_schema). A schema change is made in BOTH tuples: one new step appended to
# each, at the same index, with the same tables and columns; test_progress_schema.py checks
# that they match. Types follow SQLite's so both stores share the row readers of `rows.py`:
# times are ISO 8601 text in UTC (sortable as text), checks JSON text, passed 0 or 1.
# COLLATE "C" compares text byte by byte as SQLite does, so both sort lessons and profiles
# alike; BIGINT where SQLite's INTEGER may exceed 32 bits.
PG_MIGRATIONS: tuple[Migration, ...] = (
    # 1: lessons, attempts and the resume position, each keyed by profile.
    (
        """
        CREATE TABLE lessons (
            profile     TEXT COLLATE "C" NOT NULL,
            lesson_id   TEXT COLLATE "C" NOT NULL,
            state       TEXT    NOT NULL CHECK (state IN ('in_progress', 'completed')),
            step        BIGINT  NOT NULL CHECK (step >= 0),
            best_score  INTEGER CHECK (best_score BETWEEN 0 AND 100),
            first_visit TEXT COLLATE "C" NOT NULL,
            last_visit  TEXT    NOT NULL,
            PRIMARY KEY (profile, lesson_id)
        )
        """,
        # An identity never hands out an id twice, like AUTOINCREMENT; that ids also grow in
        # commit order is the store's doing (a lock around each attempt's insert).
        """
        CREATE TABLE attempts (
            id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            profile      TEXT COLLATE "C" NOT NULL,
            lesson_id    TEXT COLLATE "C" NOT NULL,
            exercise_id  TEXT COLLATE "C" NOT NULL,
            answer       TEXT    NOT NULL,
            score        INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
            passed       INTEGER NOT NULL CHECK (passed IN (0, 1)),
            checks       TEXT    NOT NULL,
            at           TEXT    NOT NULL,
            content_hash TEXT    NOT NULL
        )
        """,
        "CREATE INDEX attempts_by_exercise ON attempts (profile, lesson_id, exercise_id)",
        """
        CREATE TABLE positions (
            profile   TEXT COLLATE "C" PRIMARY KEY,
            lesson_id TEXT    NOT NULL,
            step      BIGINT  NOT NULL CHECK (step >= 0),
            at        TEXT    NOT NULL
        )
        """,
    ),
    # 2: unsent answers, saved as they are typed; slot is the tweet's index in a plan (0 else).
    (
        """
        CREATE TABLE drafts (
            profile     TEXT COLLATE "C" NOT NULL,
            lesson_id   TEXT COLLATE "C" NOT NULL,
            exercise_id TEXT COLLATE "C" NOT NULL,
            slot        BIGINT  NOT NULL CHECK (slot >= 0),
            text        TEXT    NOT NULL,
            at          TEXT    NOT NULL,
            PRIMARY KEY (profile, lesson_id, exercise_id, slot)
        )
        """,
    ),
    # 3: workshop learners (`serve`): a profile claimed at join time, its PIN only as a salted
    # hash, and whether its best answers may be shown to the trainer.
    (
        """
        CREATE TABLE learners (
            profile   TEXT COLLATE "C" PRIMARY KEY,
            pin_hash  TEXT    NOT NULL,
            share     INTEGER NOT NULL CHECK (share IN (0, 1)),
            joined_at TEXT    NOT NULL
        )
        """,
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def newer_schema_error(where: str, found: int, known: int = SCHEMA_VERSION) -> NewerSchemaError:
    return NewerSchemaError(Message("store.newer", path=where, found=found, known=known))


def migrate(
    conn: sqlite3.Connection, where: str, migrations: Sequence[Migration] = MIGRATIONS
) -> int:
    """Run the missing steps in one transaction; return the version found.

    `conn` must be in autocommit mode (isolation_level=None) so the explicit BEGIN rules.
    IMMEDIATE takes the write lock before reading the version, so two processes opening a new
    store at once cannot both run step 1. SQLite DDL is transactional: a failed step leaves
    the store exactly as it was.
    """
    known = len(migrations)
    with immediate(conn):
        found = user_version(conn)
        if found > known:
            raise newer_schema_error(where, found, known)
        for steps in migrations[found:]:
            for statement in steps:
                conn.execute(statement)
        if found < known:
            # PRAGMA takes no parameters; `known` is an int we computed, never user text.
            conn.execute(f"PRAGMA user_version = {known:d}")
    return found
