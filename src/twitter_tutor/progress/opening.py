"""Opening the progress store: recover from a damaged file, refuse a newer one, and fall back
to memory when nothing can be written, always saying so in a warning."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from twitter_tutor.progress import db, files
from twitter_tutor.progress.errors import StoreError
from twitter_tutor.progress.schema import SCHEMA_VERSION, migrate, newer_schema_error
from twitter_tutor.progress.store import ProgressStore
from twitter_tutor.progress.timefmt import utc_now


@dataclass(frozen=True)
class OpenedStore:
    store: ProgressStore
    warnings: list[str]
    """One-line messages for the learner (store set aside, progress not kept, ...)."""
    persistent: bool
    """False for the in-memory fallback: nothing survives the session."""


def open_store(data_dir: Path, *, allow_memory: bool = True) -> OpenedStore:
    """Open `<data_dir>/progress.sqlite3`, creating or repairing it as needed.

    Raises NewerSchemaError for a store of a newer twitter-tutor (left untouched), and
    StoreError when the data dir cannot be written and `allow_memory` is False; with it True,
    an in-memory store is returned instead, with a warning.
    """
    try:
        return _open_file(data_dir)
    except files.Unwritable as problem:
        if not allow_memory:
            raise StoreError(f"Cannot save progress in {data_dir}: {problem}.") from problem
        warning = (
            f"Cannot save progress in {data_dir}: {problem}. "
            "Your progress will NOT be kept after you quit."
        )
        return OpenedStore(open_memory_store(), [warning], persistent=False)


def open_memory_store() -> ProgressStore:
    """A store that lives only as long as the process: the fallback, and handy for tests."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    migrate(conn, "in memory")
    return ProgressStore(conn, None)


def _open_file(data_dir: Path) -> OpenedStore:
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
                f"The progress store {path} could not be read ({health.reason}); "
                f"it was kept as {aside.name} and a new, empty store was started."
            )
        elif health.kind == "empty":
            warnings.append(
                f"The progress store {path} was empty (0 bytes), so there was no progress to "
                "read; a new, empty store was started in it."
            )
        elif health.kind == "missing" and files.has_side_files(path):
            # Leftovers of a store someone deleted: SQLite would replay them into the new one.
            aside = files.set_aside(path, utc_now())
            warnings.append(
                f"Leftover files of a removed progress store were kept as {aside.name}-* "
                f"beside {path}."
            )
        files.create_private(path)
        conn = _connect(path)
    files.restrict(path)
    return OpenedStore(ProgressStore(conn, path), warnings, persistent=True)


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
