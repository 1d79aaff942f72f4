"""Low-level SQLite helpers shared by the store and its opening: transactions, error kinds."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from twitter_tutor.texts import Message

BUSY_TIMEOUT_S = 5.0
"""How long a write waits for another process's transaction; ours are a few ms each."""

_CORRUPT = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
# The environment refuses (read-only disk, permissions, full disk): the data is not the problem.
_UNWRITABLE = {
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_AUTH,
    sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_FULL,
}


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    # Extended codes carry the primary code in their low byte.
    return None if code is None else int(code) & 0xFF


def is_corrupt(error: sqlite3.Error) -> bool:
    return _primary_code(error) in _CORRUPT


def is_busy(error: sqlite3.Error) -> bool:
    return _primary_code(error) in _BUSY


def is_unwritable(error: sqlite3.Error) -> bool:
    return _primary_code(error) in _UNWRITABLE


def describe(error: sqlite3.Error) -> Message:
    """A one-line, learner-facing reason for a failed store operation."""
    if is_busy(error):
        return Message("store.busy", seconds=f"{BUSY_TIMEOUT_S:g}")
    if is_corrupt(error):
        return Message("store.damaged")
    return Message("store.unusable", error=str(error))


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, committed before the block's caller goes on.

    IMMEDIATE takes the write lock up front, so a concurrent writer waits (busy timeout)
    instead of failing half-way with a lock upgrade error.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        # Some errors already ended the transaction; a second failure must not hide the first.
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise
