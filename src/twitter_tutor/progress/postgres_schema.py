"""Forward migrations of a progress store in PostgreSQL, as `schema.migrate` does for SQLite.

The table twitter_tutor_schema holds one row per step of `schema.PG_MIGRATIONS` that has run.
The missing steps run in one transaction (PostgreSQL's DDL is transactional: a failed step
leaves the database as it was) under an advisory lock, so two processes starting at once on
a new database cannot both run step 1: the second waits, then finds nothing to do.
"""

from __future__ import annotations

from collections.abc import Sequence

import psycopg
from psycopg.rows import TupleRow

from twitter_tutor.progress.schema import PG_MIGRATIONS, Migration, newer_schema_error

VERSION_TABLE = "twitter_tutor_schema"

LOCK_SPACE = 1_954_051_188
"""First key of this program's advisory locks ("twtt" in ASCII), so they never meet another
program's; the second key is the oid of what is locked (see `lock_migrations`)."""


def version(conn: psycopg.Connection[TupleRow]) -> int:
    """How many steps have run in the current schema (the first on search_path); 0 if none."""
    row = conn.execute("SELECT to_regclass(%s) IS NOT NULL", (VERSION_TABLE,)).fetchone()
    if row is None or not row[0]:
        return 0
    found = conn.execute(f"SELECT coalesce(max(version), 0) FROM {VERSION_TABLE}").fetchone()
    return int(found[0]) if found is not None else 0


def lock_migrations(conn: psycopg.Connection[TupleRow]) -> None:
    """Wait for, then hold until the transaction ends, the lock on migrating this schema."""
    conn.execute(
        "SELECT pg_advisory_xact_lock(%s, coalesce("
        "(SELECT oid FROM pg_namespace WHERE nspname = current_schema()), 0::oid)::integer)",
        (LOCK_SPACE,),
    )


def migrate(
    conn: psycopg.Connection[TupleRow],
    where: str,
    migrations: Sequence[Migration] = PG_MIGRATIONS,
) -> int:
    """Run the missing steps in one transaction; return the version found.

    `conn` must be in autocommit mode, so the transaction here is the only one. Raises
    NewerSchemaError, having changed nothing, when the database is ahead of `migrations`.
    """
    known = len(migrations)
    with conn.transaction():
        lock_migrations(conn)
        found = version(conn)
        if found > known:
            raise newer_schema_error(where, found, known)
        if found == known:
            return found
        if found == 0:
            conn.execute(
                f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} ("
                "version INTEGER PRIMARY KEY CHECK (version > 0), "
                "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
        for number, steps in enumerate(migrations[found:], start=found + 1):
            for statement in steps:
                conn.execute(statement)
            conn.execute(f"INSERT INTO {VERSION_TABLE} (version) VALUES (%s)", (number,))
    return found
