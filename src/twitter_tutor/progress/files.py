"""The store on disk: judging a file before SQLite writes to it, setting a bad one aside, and
creating a new one that only its owner can read."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, NamedTuple

from twitter_tutor.progress import db
from twitter_tutor.progress.errors import StoreError
from twitter_tutor.texts import Message

STORE_NAME = "progress.sqlite3"
LOCK_NAME = "progress.sqlite3.lock"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
"""Files SQLite keeps beside the store; they belong to it and move with it."""

_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_USER_VERSION_AT = 60  # offset of `PRAGMA user_version` in the database header


class Unwritable(Exception):
    """The data dir or store cannot be written; the message is the reason, for a sentence."""


class Health(NamedTuple):
    # A NamedTuple, not a frozen dataclass: defining one costs ~1 ms at every start.
    kind: Literal["missing", "usable", "corrupt", "newer", "empty"]
    version: int = 0
    reason: str = ""


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in SIDE_SUFFIXES]


def _with_sides(path: Path) -> list[Path]:
    return [*side_files(path), path]


def _reason(error: OSError) -> str:
    reasons = {
        errno.EEXIST: "store.reason.is_file",
        errno.ENOTDIR: "store.reason.not_dir",
        errno.EACCES: "store.reason.permission",
        errno.EPERM: "store.reason.permission",
        errno.EROFS: "store.reason.read_only",
        errno.ENOSPC: "store.reason.disk_full",
        errno.EISDIR: "store.reason.path_is_folder",
    }
    key = reasons.get(error.errno or 0)
    # Any other error in the system's own words (which the system, not we, translates).
    return Message(key) if key else (error.strerror or str(error)).lower()


def make_private_dir(data_dir: Path) -> None:
    """Create the data dir (owner-only) or confirm an existing one can be written."""
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise Unwritable(_reason(error)) from error
    # os.access also sees a read-only mount; plain permission bits do not stop root.
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise Unwritable(Message("store.reason.not_writable"))


@contextmanager
def opening_lock(data_dir: Path) -> Iterator[None]:
    """Serialise opening between processes, so one never sets aside what another just made.

    Only judging, setting aside, creating and migrating hold it; SQLite's own locking covers
    everything after. The lock file is never deleted: deleting lock files reopens races.
    """
    if sys.platform == "win32":  # pragma: no cover - no flock; the windows are tiny anyway
        yield
        return
    import fcntl

    try:
        fd = os.open(data_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise Unwritable(_reason(error)) from error
    try:
        deadline = time.monotonic() + db.BUSY_TIMEOUT_S
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreError(Message("store.opening_busy")) from None
                time.sleep(0.01)
        yield
    finally:
        os.close(fd)  # also releases the lock


def examine(path: Path, known_version: int) -> Health:
    """Judge the file at `path` without writing to it, so a refused store stays byte-identical."""
    try:
        if path.is_symlink():
            # SQLite would write into the link's target and the store would chmod it.
            raise Unwritable(Message("store.reason.symlink", name=path.name))
        info = path.stat()
    except FileNotFoundError:
        return Health("missing")
    except OSError as error:
        raise Unwritable(_reason(error)) from error
    if stat.S_ISDIR(info.st_mode):
        raise Unwritable(Message("store.reason.is_folder", name=path.name))
    try:
        with path.open("rb") as file:
            header = file.read(_HEADER_SIZE)
    except OSError as error:
        raise Unwritable(_reason(error)) from error
    if not header:
        # SQLite treats an empty file as an empty database; usable, but worth a word: a store
        # that once held progress may have been truncated.
        return Health("empty")
    if len(header) < _HEADER_SIZE or not header.startswith(_MAGIC):
        return Health("corrupt", reason=Message("store.health.not_sqlite"))
    version = int.from_bytes(header[_USER_VERSION_AT : _USER_VERSION_AT + 4], "big", signed=True)
    if version > known_version:
        return Health("newer", version)
    return _probe(path, known_version)


def _probe(path: Path, known_version: int) -> Health:
    """Ask SQLite itself, read-only: the header may be stale (newer data in the -wal file)
    and damage further in only shows when the pages are read."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=db.BUSY_TIMEOUT_S)
    except sqlite3.Error:
        return Health("usable")  # cannot even look: the read-write open will say why
    try:
        problems = conn.execute("PRAGMA quick_check").fetchall()
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
    except sqlite3.Error as error:
        if db.is_corrupt(error):
            return Health("corrupt", reason=Message("store.health.damaged"))
        if db.is_busy(error):
            raise StoreError(db.describe(error)) from error
        # Say, no right to create the -shm file: not the data's fault; the real open reports it.
        return Health("usable")
    finally:
        conn.close()
    if problems != [("ok",)]:
        return Health("corrupt", reason=Message("store.health.damaged"))
    if version > known_version:
        return Health("newer", version)
    if version == 0 and tables:
        return Health("corrupt", reason=Message("store.health.foreign"))
    return Health("usable", version)


def _aside_name(path: Path, label: str, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = f"{path.name}.{label}-{stamp}"
    name, number = base, 1
    # Never overwrite: an earlier set-aside store (same second) may hold someone's progress.
    while any(p.exists() or p.is_symlink() for p in _with_sides(path.with_name(name))):
        number += 1
        name = f"{base}-{number}"
    return path.with_name(name)


def set_aside(path: Path, now: datetime, label: str = "corrupt") -> Path:
    """Rename the store and its side files to `<name>.<label>-<UTC stamp>[-n]`; keep them all.

    Side files go first: a -wal left beside a new store would be replayed into it. Returns
    the new name of the store (its side files get the usual suffixes).
    """
    aside = _aside_name(path, label, now)
    try:
        for file, file_aside in zip(_with_sides(path), _with_sides(aside), strict=True):
            with suppress(FileNotFoundError):
                file.rename(file_aside)
    except OSError as error:
        reason = _reason(error)
        raise Unwritable(Message("store.reason.set_aside_failed", reason=reason)) from error
    return aside


def has_side_files(path: Path) -> bool:
    return any(side.exists() for side in side_files(path))


def create_private(path: Path) -> None:
    """Make sure the store file exists with mode 0600 before SQLite creates it with 0644."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError as error:
        raise Unwritable(_reason(error)) from error
    os.close(fd)
    restrict(path)


def restrict(path: Path) -> None:
    """Owner-only access for the store and whatever side files exist (best effort)."""
    for file in (path, *side_files(path)):
        with suppress(OSError):
            if not file.is_symlink():  # chmod would change the link's target
                file.chmod(0o600)
