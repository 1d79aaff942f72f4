"""Opening the progress store: recover from a damaged file, refuse a newer one, and fall back
to memory when nothing can be written, always saying so in a warning."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from twitter_tutor.progress import db, files
from twitter_tutor.progress.errors import StoreError
from twitter_tutor.progress.schema import SCHEMA_VERSION, migrate, newer_schema_error
from twitter_tutor.progress.sqlite_store import SqliteStore
from twitter_tutor.progress.timefmt import utc_now
from twitter_tutor.texts import Message

if TYPE_CHECKING:
    from twitter_tutor.progress.store import ProgressStore


class OpenedStore(NamedTuple):
    # A NamedTuple, not a frozen dataclass: defining one costs ~1 ms at every start.
    store: ProgressStore
    warnings: list[str]
    """One-line messages for the learner (store set aside, progress not kept, ...): catalogue
    Messages, so a front end can say them in the learner's language (`texts.say`)."""
    persistent: bool
    """False for the in-memory fallback: nothing survives the session."""


Clock = Callable[[], datetime]


def has_store(data_dir: Path) -> bool:
    """Whether progress was ever saved in `data_dir`; unlike opening, this creates nothing."""
    return (data_dir / files.STORE_NAME).exists()


def open_store(
    data_dir: Path, *, allow_memory: bool = True, clock: Clock = utc_now
) -> OpenedStore:
    """Open `<data_dir>/progress.sqlite3`, creating or repairing it as needed.

    Raises NewerSchemaError for a store of a newer twitter-tutor (left untouched), and
    StoreError when the data dir cannot be written and `allow_memory` is False; with it True,
    an in-memory store is returned instead, with a warning. `clock` stamps every write (tests
    fix it for stable dates).
    """
    try:
        return _open_file(data_dir, clock)
    except files.Unwritable as problem:
        reason = problem.args[0] if problem.args else str(problem)
        if not allow_memory:
            cannot = Message("store.cannot_save", folder=data_dir, problem=reason)
            raise StoreError(cannot) from problem
        warning = Message("store.cannot_save_memory", folder=data_dir, problem=reason)
        return OpenedStore(open_memory_store(clock), [warning], persistent=False)


def open_memory_store(clock: Clock = utc_now) -> ProgressStore:
    """A store that lives only as long as the process: the fallback, and handy for tests."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    migrate(conn, "in memory")
    return SqliteStore(conn, None, clock=clock)


def _open_file(data_dir: Path, clock: Clock) -> OpenedStore:
    files.make_private_dir(data_dir)
    path = data_dir / files.STORE_NAME
    warnings: list[str] = []
    with files.opening_lock(data_dir):
        health = files.examine(path, SCHEMA_VERSION)
        if health.kind == "newer":
            raise newer_schema_error(str(path), health.version)
        if health.kind == "corrupt":
            aside = files.set_aside(path, utc_now())
            warnings.append(
                Message("store.set_aside", path=path, reason=health.reason, aside=aside.name)
            )
        elif health.kind == "empty":
            warnings.append(Message("store.was_empty", path=path))
        elif health.kind == "missing" and files.has_side_files(path):
            # Leftovers of a store someone deleted: SQLite would replay them into the new one.
            aside = files.set_aside(path, utc_now())
            warnings.append(Message("store.leftovers", aside=aside.name, path=path))
        files.create_private(path)
        conn = _connect(path)
    files.restrict(path)
    return OpenedStore(SqliteStore(conn, path, clock=clock), warnings, persistent=True)


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: transactions are only the explicit BEGIN IMMEDIATE ones, so each
    # write is committed by the time its method returns.
    conn = sqlite3.connect(
        path, timeout=db.BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    try:
        # WAL: readers never block the writer, and a killed writer leaves a consistent store.
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL syncs the WAL on every commit: "saved" then survives a power cut, not just a kill.
        conn.execute("PRAGMA synchronous = FULL")
        migrate(conn, str(path))
    except sqlite3.Error as error:
        conn.close()
        if db.is_unwritable(error):
            raise files.Unwritable(str(error)) from error
        raise StoreError(db.describe(error)) from error
    except BaseException:
        conn.close()
        raise
    return conn
