"""Tables of the progress store and the forward migrations that build them.

`PRAGMA user_version` counts how many steps of `MIGRATIONS` have run. A released step is never
edited: a schema change is a new step appended at the end, so every older store can catch up.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from twitter_tutor.progress.db import immediate
from twitter_tutor.progress.errors import NewerSchemaError

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
)

SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def newer_schema_error(where: str, found: int, known: int = SCHEMA_VERSION) -> NewerSchemaError:
    return NewerSchemaError(
        f"The progress store {where} was written by a newer twitter-tutor "
        f"(schema {found}, this version knows up to {known}); it was left untouched. "
        "Update twitter-tutor to use it."
    )


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
