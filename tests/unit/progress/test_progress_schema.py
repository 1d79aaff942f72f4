"""Forward migrations: fresh to current, an old store catching up, a failed step, a newer store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from twitter_tutor.progress import SCHEMA_VERSION, NewerSchemaError, open_store
from twitter_tutor.progress.schema import MIGRATIONS, migrate, user_version


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {row[0] for row in rows if not row[0].startswith("sqlite_")}


def test_schema_version_is_the_number_of_steps() -> None:
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 1


def test_fresh_store_gets_every_step(tmp_path: Path) -> None:
    conn = connect(tmp_path / "db")
    assert migrate(conn, "test") == 0
    assert user_version(conn) == SCHEMA_VERSION
    assert tables(conn) == {"lessons", "attempts", "positions", "drafts", "learners"}
    assert migrate(conn, "test") == SCHEMA_VERSION  # a second run does nothing
    conn.close()


# A made-up step 2, to show an old store (built by hand at version 1) catching up.
V2_STEP = ("ALTER TABLE attempts ADD COLUMN duration_ms INTEGER",)


def test_old_store_catches_up_and_keeps_its_data(tmp_path: Path) -> None:
    conn = connect(tmp_path / "db")
    migrate(conn, "test", MIGRATIONS[:1])
    conn.execute(
        "INSERT INTO attempts (profile, lesson_id, exercise_id, answer, score, passed, checks, "
        "at, content_hash) VALUES ('ann', 'l', 'e', 'kept', 5, 1, '[]', "
        "'2026-11-25T17:30:00.000000+00:00', 'h')"
    )
    assert migrate(conn, "test", [*MIGRATIONS[:1], V2_STEP]) == 1
    assert user_version(conn) == 2
    assert conn.execute("SELECT answer, duration_ms FROM attempts").fetchall() == [("kept", None)]
    conn.close()


def test_failed_step_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    conn = connect(tmp_path / "db")
    migrate(conn, "test", MIGRATIONS[:1])
    broken = ("CREATE TABLE extra (x)", "THIS IS NOT SQL")
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, "test", [*MIGRATIONS[:1], broken])
    assert user_version(conn) == 1
    assert "extra" not in tables(conn)  # the half-done step was rolled back
    assert not conn.in_transaction
    conn.close()


def test_newer_version_is_refused_without_change(tmp_path: Path) -> None:
    conn = connect(tmp_path / "db")
    migrate(conn, "test", [*MIGRATIONS, V2_STEP, ("CREATE TABLE later (x)",)])
    with pytest.raises(NewerSchemaError, match=f"schema {len(MIGRATIONS) + 2}"):
        migrate(conn, "the store", MIGRATIONS)
    assert user_version(conn) == len(MIGRATIONS) + 2
    conn.close()


def test_open_store_migrates_a_store_left_at_version_zero(tmp_path: Path) -> None:
    # An empty SQLite file (version 0) is what a kill during the very first open leaves.
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    conn = connect(data_dir / "progress.sqlite3")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    opened = open_store(data_dir, allow_memory=False)
    assert opened.warnings == []
    with opened.store as store:
        store.visit("ann", "intro", 0)
        assert store.last_position("ann") == ("intro", 0)


def test_a_store_of_the_first_release_gains_drafts_and_keeps_its_attempts(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    conn = connect(data_dir / "progress.sqlite3")
    migrate(conn, "test", MIGRATIONS[:1])
    conn.execute(
        "INSERT INTO attempts (profile, lesson_id, exercise_id, answer, score, passed, checks, "
        "at, content_hash) VALUES ('ann', 'l', 'e', 'kept', 5, 1, '[]', "
        "'2026-11-25T17:30:00.000000+00:00', 'h')"
    )
    conn.close()
    with open_store(data_dir, allow_memory=False).store as store:
        assert [a.answer for a in store.attempts("ann")] == ["kept"]
        store.save_draft("ann", "l", "e", 0, "new")
        assert store.drafts("ann", "l") == {("e", 0): "new"}
