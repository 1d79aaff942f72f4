"""open_store on real files: WAL, schema version, permissions, damaged and newer stores,
and data dirs that cannot be written."""

from __future__ import annotations

import errno
import hashlib
import os
import random
import re
import sqlite3
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from twitter_tutor.progress import (
    SCHEMA_VERSION,
    NewerSchemaError,
    StoreError,
    open_store,
)
from twitter_tutor.progress.files import set_aside

ASIDE = re.compile(r"^progress\.sqlite3\.corrupt-\d{8}T\d{6}Z(-\d+)?$")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_path(data_dir: Path) -> Path:
    return data_dir / "progress.sqlite3"


def pragma(path: Path, name: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def fill(data_dir: Path, attempts: int = 1) -> None:
    with open_store(data_dir, allow_memory=False).store as store:
        store.visit("ann", "intro", 1)
        for i in range(attempts):
            store.record_attempt(
                "ann", "intro", "e1", f"answer {i} " + "x" * 200, 50, True, [], "h"
            )


def assert_fresh_and_working(data_dir: Path) -> None:
    with open_store(data_dir, allow_memory=False).store as store:
        assert store.lessons("ann") == {} and store.attempts("ann") == []
        store.record_attempt("ann", "intro", "e1", "after", 70, True, [], "h")
    with open_store(data_dir, allow_memory=False).store as store:
        assert [a.answer for a in store.attempts("ann")] == ["after"]


def asides(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.iterdir() if ASIDE.match(p.name))


# -- a healthy store ---------------------------------------------------------------------------


def test_new_store_uses_wal_and_current_schema(data_dir: Path) -> None:
    opened = open_store(data_dir)
    assert opened.persistent and opened.warnings == []
    assert opened.store.path == store_path(data_dir)
    opened.store.close()
    assert pragma(store_path(data_dir), "journal_mode") == "wal"
    assert pragma(store_path(data_dir), "user_version") == SCHEMA_VERSION


def test_store_is_private_to_its_owner(data_dir: Path) -> None:
    old = os.umask(0)  # even a permissive umask must not widen the modes
    try:
        with open_store(data_dir).store as store:
            store.record_attempt("ann", "intro", "e1", "x", 1, True, [], "h")
            modes = {
                p.name: stat.S_IMODE(p.stat().st_mode)
                for p in data_dir.iterdir()
                if p.name.startswith("progress.sqlite3")
            }
    finally:
        os.umask(old)
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert "progress.sqlite3-wal" in modes  # WAL side files exist while open...
    assert set(modes.values()) == {0o600}  # ...and are private too


def test_existing_store_with_loose_mode_is_tightened(data_dir: Path) -> None:
    fill(data_dir)
    store_path(data_dir).chmod(0o644)
    open_store(data_dir).store.close()
    assert stat.S_IMODE(store_path(data_dir).stat().st_mode) == 0o600


def test_empty_file_is_a_usable_store(data_dir: Path) -> None:
    # A kill right after the file was created leaves 0 bytes; SQLite calls that an empty db.
    data_dir.mkdir()
    store_path(data_dir).touch()
    opened = open_store(data_dir)
    # Usable, but said (issue 12): a store that held progress may have been truncated.
    assert len(opened.warnings) == 1 and "empty (0 bytes)" in opened.warnings[0]
    opened.store.close()
    assert_fresh_and_working(data_dir)
    assert asides(data_dir) == []


# -- damaged stores ----------------------------------------------------------------------------


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(20_000))


def _text_file(path: Path) -> None:
    path.write_text("these are my notes, not a database\n")


def _truncated_store(path: Path) -> None:
    fill(path.parent, attempts=300)
    data = path.read_bytes()
    assert len(data) > 50_000
    path.write_bytes(data[: len(data) // 2])


def _truncated_header(path: Path) -> None:
    fill(path.parent)
    path.write_bytes(path.read_bytes()[:60])


def _garbage_after_header(path: Path) -> None:
    fill(path.parent, attempts=50)
    data = bytearray(path.read_bytes())
    data[100:] = random.Random(3).randbytes(len(data) - 100)
    path.write_bytes(bytes(data))


def _foreign_db(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "damage",
    [
        _random_bytes,
        _text_file,
        _truncated_store,
        _truncated_header,
        _garbage_after_header,
        _foreign_db,
    ],
)
def test_damaged_store_is_kept_aside_and_a_fresh_one_works(
    data_dir: Path, damage: Callable[[Path], None]
) -> None:
    data_dir.mkdir(exist_ok=True)
    path = store_path(data_dir)
    damage(path)
    for side in data_dir.glob("progress.sqlite3-*"):
        side.unlink()  # a clean damaged file; side files have their own test
    before = path.read_bytes()

    opened = open_store(data_dir, allow_memory=False)

    [aside] = asides(data_dir)
    assert aside.read_bytes() == before
    [warning] = opened.warnings
    assert str(path) in warning and aside.name in warning
    assert opened.persistent
    opened.store.record_attempt("ann", "intro", "e1", "works", 1, True, [], "h")
    opened.store.close()
    assert pragma(path, "integrity_check") == "ok"
    again = open_store(data_dir, allow_memory=False)
    assert again.warnings == [] and asides(data_dir) == [aside]
    with again.store as store:
        assert [a.answer for a in store.attempts("ann")] == ["works"]


def test_damaged_store_side_files_move_with_it(data_dir: Path) -> None:
    data_dir.mkdir()
    path = store_path(data_dir)
    _text_file(path)
    Path(f"{path}-wal").write_bytes(b"old wal")
    Path(f"{path}-shm").write_bytes(b"old shm")

    opened = open_store(data_dir)
    opened.store.close()

    [aside] = asides(data_dir)
    assert Path(f"{aside}-wal").read_bytes() == b"old wal"
    assert Path(f"{aside}-shm").read_bytes() == b"old shm"
    assert pragma(path, "integrity_check") == "ok"


def test_aside_names_never_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    moment = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)
    names = []
    for content in (b"first", b"second", b"third"):
        path.write_bytes(content)
        names.append(set_aside(path, moment).name)
    assert names == [
        "progress.sqlite3.corrupt-20261125T173000Z",
        "progress.sqlite3.corrupt-20261125T173000Z-2",
        "progress.sqlite3.corrupt-20261125T173000Z-3",
    ]
    assert [(tmp_path / n).read_bytes() for n in names] == [b"first", b"second", b"third"]


def test_leftover_side_files_without_a_store_are_kept_aside(data_dir: Path) -> None:
    # SQLite would replay a stray -wal into the new store; it must not sit beside it.
    data_dir.mkdir()
    Path(f"{store_path(data_dir)}-wal").write_bytes(b"stray wal")
    opened = open_store(data_dir)
    opened.store.close()
    [warning] = opened.warnings
    assert "Leftover" in warning
    [wal] = [p for p in data_dir.iterdir() if p.name.endswith("-wal") and ".corrupt-" in p.name]
    assert wal.read_bytes() == b"stray wal"
    assert_fresh_and_working(data_dir)


# -- a newer store -----------------------------------------------------------------------------


def _newer_store(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute("INSERT INTO future VALUES ('from the future')")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def test_newer_schema_is_refused_and_left_untouched(data_dir: Path) -> None:
    data_dir.mkdir()
    path = store_path(data_dir)
    _newer_store(path)
    digest, mtime = sha256(path), path.stat().st_mtime_ns

    for allow_memory in (True, False):
        with pytest.raises(NewerSchemaError) as caught:
            open_store(data_dir, allow_memory=allow_memory)
        message = str(caught.value)
        assert "newer" in message and str(path) in message and "\n" not in message
        assert isinstance(caught.value, StoreError)

    assert sha256(path) == digest and path.stat().st_mtime_ns == mtime
    # Not even SQLite's side files appeared: the file was judged from its header alone.
    assert sorted(p.name for p in data_dir.iterdir() if p.name.startswith(path.name + "-")) == []
    assert asides(data_dir) == []


def test_newer_schema_only_in_the_wal_is_refused_too(data_dir: Path) -> None:
    # The header still says the old version while the newer one sits in the -wal.
    fill(data_dir)
    path = store_path(data_dir)
    newer = sqlite3.connect(path, isolation_level=None)
    try:
        newer.execute("PRAGMA wal_autocheckpoint = 0")
        newer.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
        digest = sha256(path)
        with pytest.raises(NewerSchemaError, match=f"schema {SCHEMA_VERSION + 5}"):
            open_store(data_dir)
        assert sha256(path) == digest
    finally:
        newer.close()


# -- data dirs that cannot be written --------------------------------------------------------


def _under_a_file(tmp_path: Path) -> Path:
    (tmp_path / "file").write_text("x")
    return tmp_path / "file" / "data"


def _is_a_file(tmp_path: Path) -> Path:
    (tmp_path / "data").write_text("x")
    return tmp_path / "data"


def _store_is_a_folder(tmp_path: Path) -> Path:
    (tmp_path / "data" / "progress.sqlite3").mkdir(parents=True)
    return tmp_path / "data"


def _proc(tmp_path: Path) -> Path:
    # procfs refuses new files even to root, unlike permission bits.
    return Path("/proc")


UNWRITABLE: list[Callable[[Path], Path]] = [_under_a_file, _is_a_file, _store_is_a_folder]
if Path("/proc/self").is_dir():
    UNWRITABLE.append(_proc)


@pytest.mark.parametrize("where", UNWRITABLE)
def test_unwritable_dir_falls_back_to_memory(tmp_path: Path, where: Callable[[Path], Path]) -> None:
    data_dir = where(tmp_path)
    opened = open_store(data_dir)
    assert not opened.persistent and opened.store.path is None
    [warning] = opened.warnings
    assert "NOT be kept" in warning and str(data_dir) in warning
    opened.store.record_attempt("ann", "intro", "e1", "x", 1, True, [], "h")
    assert len(opened.store.attempts("ann")) == 1
    opened.store.close()


@pytest.mark.parametrize("where", UNWRITABLE)
def test_unwritable_dir_without_memory_is_an_error(
    tmp_path: Path, where: Callable[[Path], Path]
) -> None:
    data_dir = where(tmp_path)
    with pytest.raises(StoreError) as caught:
        open_store(data_dir, allow_memory=False)
    assert str(data_dir) in str(caught.value) and "\n" not in str(caught.value)


def test_permission_denied_falls_back_to_memory(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, where permission bits stop nobody; fake the refusal instead.
    real_access = os.access

    def access(path: str | Path, mode: int, **kwargs: bool) -> bool:
        return Path(path) != data_dir and real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    opened = open_store(data_dir)
    assert not opened.persistent
    assert "not writable" in opened.warnings[0]


def test_read_only_store_file_falls_back_to_memory(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def refuse(path: str | Path, flags: int, mode: int = 0o777) -> int:
        if str(path).endswith("progress.sqlite3"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refuse)
    opened = open_store(data_dir)
    assert not opened.persistent
    assert "permission denied" in opened.warnings[0]
