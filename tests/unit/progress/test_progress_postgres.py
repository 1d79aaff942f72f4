"""The PostgreSQL store's own parts, on a real server: migrations in their versioned table, the
DDL kept in step with SQLite's, connection trouble in one masked line, a dropped connection,
damaged rows, and text PostgreSQL cannot hold. (The shared behaviour is tested for both stores
by the other test files.)"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.postgres import execute, fresh_schema, server_url
from twitter_tutor.progress import (
    SCHEMA_VERSION,
    NewerSchemaError,
    ProgressStore,
    StoreError,
    open_store_url,
)
from twitter_tutor.progress.schema import MIGRATIONS, PG_MIGRATIONS, migrate

NOWHERE = Path("/nonexistent")  # a PostgreSQL store never touches the data dir


@pytest.fixture
def url() -> Iterator[str]:
    with fresh_schema() as found:
        yield found


def pg_migrate(url: str, migrations: object) -> int:
    import psycopg

    from twitter_tutor.progress import postgres_schema

    with psycopg.connect(url, autocommit=True) as conn:
        return postgres_schema.migrate(conn, "test", migrations)  # type: ignore[arg-type]


def versions(url: str) -> list[object]:
    return [r[0] for r in execute(url, "SELECT version FROM twitter_tutor_schema ORDER BY 1")]


def pg_tables(url: str) -> dict[str, list[str]]:
    rows = execute(
        url,
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position",
    )
    tables: dict[str, list[str]] = {}
    for table, column in rows:
        tables.setdefault(str(table), []).append(str(column))
    return tables


def pg_indexes(url: str) -> set[str]:
    rows = execute(url, "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
    return {str(r[0]) for r in rows if not str(r[0]).endswith("_pkey")}


def pg_primary_keys(url: str) -> dict[str, list[str]]:
    rows = execute(
        url,
        "SELECT k.table_name, k.column_name FROM information_schema.key_column_usage k "
        "JOIN information_schema.table_constraints c USING (constraint_schema, constraint_name) "
        "WHERE c.constraint_type = 'PRIMARY KEY' AND k.table_schema = current_schema() "
        "ORDER BY k.table_name, k.ordinal_position",
    )
    keys: dict[str, list[str]] = {}
    for table, column in rows:
        keys.setdefault(str(table), []).append(str(column))
    return keys


def sqlite_shape(steps: int) -> tuple[dict[str, list[str]], set[str], dict[str, list[str]]]:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, "test", MIGRATIONS[:steps])
    names = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r[0].startswith("sqlite_")
    ]
    tables: dict[str, list[str]] = {}
    keys: dict[str, list[str]] = {}
    for name in names:
        info = conn.execute(f"PRAGMA table_info({name})").fetchall()
        tables[name] = [row[1] for row in info]
        keys[name] = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]
    indexes = {
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        if not r[0].startswith("sqlite_autoindex")
    }
    conn.close()
    return tables, indexes, keys


# -- the two schemas stay in step ------------------------------------------------------------


def test_both_stores_have_the_same_steps_tables_and_columns() -> None:
    assert len(PG_MIGRATIONS) == len(MIGRATIONS) == SCHEMA_VERSION
    for steps in range(1, SCHEMA_VERSION + 1):
        with fresh_schema() as url:
            pg_migrate(url, PG_MIGRATIONS[:steps])
            tables = pg_tables(url)
            assert tables.pop("twitter_tutor_schema") == ["version", "applied_at"]
            sqlite_tables, sqlite_indexes, sqlite_keys = sqlite_shape(steps)
            assert tables == sqlite_tables, f"after step {steps}"
            assert pg_indexes(url) == sqlite_indexes, f"after step {steps}"
            keys = pg_primary_keys(url)
            keys.pop("twitter_tutor_schema")
            assert keys == {t: k for t, k in sqlite_keys.items() if k}, f"after step {steps}"


# -- migrations ------------------------------------------------------------------------------

V3_STEP = ("ALTER TABLE attempts ADD COLUMN duration_ms INTEGER",)


def test_a_new_database_gets_every_step_once(url: str) -> None:
    assert pg_migrate(url, PG_MIGRATIONS) == 0
    assert versions(url) == list(range(1, SCHEMA_VERSION + 1))
    assert set(pg_tables(url)) == {
        "lessons",
        "attempts",
        "positions",
        "drafts",
        "learners",
        "twitter_tutor_schema",
    }
    assert pg_migrate(url, PG_MIGRATIONS) == SCHEMA_VERSION  # a second run does nothing
    assert versions(url) == list(range(1, SCHEMA_VERSION + 1))


def test_an_old_database_catches_up_and_keeps_its_data(url: str) -> None:
    pg_migrate(url, PG_MIGRATIONS[:1])
    execute(
        url,
        "INSERT INTO attempts (profile, lesson_id, exercise_id, answer, score, passed, checks, "
        "at, content_hash) VALUES ('ann', 'l', 'e', 'kept', 5, 1, '[]', "
        "'2026-11-25T17:30:00.000000+00:00', 'h')",
    )
    with open_store_url(url, data_dir=NOWHERE).store as store:  # runs step 2: drafts
        assert [a.answer for a in store.attempts("ann")] == ["kept"]
        store.save_draft("ann", "l", "e", 0, "new")
        assert store.drafts("ann", "l") == {("e", 0): "new"}
    assert pg_migrate(url, [*PG_MIGRATIONS, V3_STEP]) == SCHEMA_VERSION
    assert versions(url)[-1] == SCHEMA_VERSION + 1
    assert execute(url, "SELECT answer, duration_ms FROM attempts") == [("kept", None)]


def test_a_failed_step_leaves_the_database_as_it_was(url: str) -> None:
    import psycopg

    pg_migrate(url, PG_MIGRATIONS[:1])
    broken = ("CREATE TABLE extra (x INTEGER)", "THIS IS NOT SQL")
    with pytest.raises(psycopg.errors.SyntaxError):
        pg_migrate(url, [*PG_MIGRATIONS[:1], broken])
    assert versions(url) == [1]
    assert "extra" not in pg_tables(url)  # the half-done step was rolled back


def test_a_newer_database_is_refused_untouched_and_the_password_masked(url: str) -> None:
    pg_migrate(url, [*PG_MIGRATIONS, V3_STEP])
    before = (pg_tables(url), versions(url), execute(url, "SELECT count(*) FROM attempts"))
    # Trust auth ignores the password; it is there to show it never appears in a message.
    with_password = url.replace("postgresql://postgres@", "postgresql://postgres:s3cret@")
    assert with_password != url
    with pytest.raises(NewerSchemaError) as caught:
        open_store_url(with_password, data_dir=NOWHERE)
    message = str(caught.value)
    assert f"schema {SCHEMA_VERSION + 1}" in message and "newer" in message
    assert "postgres:***@" in message and "s3cret" not in message and "\n" not in message
    assert (pg_tables(url), versions(url), execute(url, "SELECT count(*) FROM attempts")) == (
        before
    )


def test_tables_of_another_program_are_not_taken_over(url: str) -> None:
    execute(url, "CREATE TABLE lessons (title TEXT)")
    with pytest.raises(StoreError, match=r'relation "lessons" already exists') as caught:
        open_store_url(url, data_dir=NOWHERE)
    assert "\n" not in str(caught.value)
    assert pg_tables(url) == {"lessons": ["title"]}  # no version table left behind either


# -- connection trouble ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad_url", "says"),
    [
        ("postgresql://ann:s3cret@127.0.0.1:1/test", "Connection refused"),
        ("postgres://ann:s3cret@no-such-host.invalid/test", "no-such-host.invalid"),
        ("postgresql://ann:s3cret@127.0.0.1:5432/test?colour=blue", "colour"),
        ("postgresql://ann:s3cret@127.0.0.1:99999/test", "port"),
        # libpq would read these passwords as a port or fail on the %, and quote them back.
        ("postgresql://ann:s3/cret@127.0.0.1:5432/test", "%-escaped"),
        ("postgresql://ann:s3%cret@127.0.0.1:5432/test", "%-escaped"),
    ],
)
def test_a_store_that_cannot_be_reached_is_one_masked_line(bad_url: str, says: str) -> None:
    with pytest.raises(StoreError) as caught:
        open_store_url(bad_url, data_dir=NOWHERE)
    message = str(caught.value)
    assert says in message
    assert "cret" not in message and ":***@" in message
    assert "\n" not in message and message.startswith("Cannot connect to the progress store")


@pytest.mark.parametrize(
    ("user", "database", "says"),
    [
        ("postgres", "tt_no_such_db", 'database "tt_no_such_db" does not exist'),
        ("tt_no_such_role", "test", 'role "tt_no_such_role" does not exist'),
    ],
)
def test_a_server_refusing_the_login_is_one_masked_line(
    url: str, user: str, database: str, says: str
) -> None:
    server = urlsplit(server_url())
    bad_url = f"postgresql://{user}:s3cret@{server.hostname}:{server.port or 5432}/{database}"
    with pytest.raises(StoreError) as caught:
        open_store_url(bad_url, data_dir=NOWHERE)
    message = str(caught.value)
    assert says in message and f"{user}:***@" in message
    assert "s3cret" not in message and "\n" not in message


def test_a_dropped_connection_fails_one_call_and_the_next_reconnects(url: str) -> None:
    with open_store_url(url, data_dir=NOWHERE).store as store:
        store.visit("ann", "intro", 1)
        execute(
            url,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = 'twitter-tutor' AND pid <> pg_backend_pid() "
            "AND datname = current_database()",
        )
        with pytest.raises(StoreError, match="connection to the progress store") as caught:
            store.visit("ann", "intro", 2)
        assert "\n" not in str(caught.value)
        store.visit("ann", "intro", 3)  # a new connection
        assert store.last_position("ann") == ("intro", 3)


def test_a_write_waiting_too_long_for_a_lock_says_busy(url: str) -> None:
    import psycopg

    quick = url.replace("options=", "options=-clock_timeout%3D200%20", 1)
    with open_store_url(quick, data_dir=NOWHERE).store as store:
        store.visit("ann", "intro", 1)
        with psycopg.connect(url) as other:  # not autocommit: holds the row lock until closed
            other.execute("SELECT * FROM lessons WHERE profile = 'ann' FOR UPDATE")
            with pytest.raises(StoreError, match="busy"):
                store.visit("ann", "intro", 2)
        store.visit("ann", "intro", 3)  # free again
        assert store.lessons("ann")["intro"].step == 3


# -- what is stored --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("UPDATE attempts SET checks = 'not json' WHERE answer = 'two'", "checks is not JSON"),
        ("UPDATE attempts SET checks = '{}' WHERE answer = 'two'", "checks is not a list"),
        ("UPDATE attempts SET at = 'yesterday' WHERE answer = 'two'", "at is not an ISO 8601"),
    ],
)
def test_a_damaged_row_is_skipped_and_named(url: str, sql: str, reason: str) -> None:
    # (tests/unit/test_hostile_input.py damages SQLite stores, bypassing their checks too.)
    with open_store_url(url, data_dir=NOWHERE).store as store:
        for answer in ("one", "two", "three"):
            store.record_attempt("ann", "intro", "e1", answer, 50, True, [], "h")
        [two] = [a.id for a in store.attempts("ann") if a.answer == "two"]
        execute(url, sql)
        assert [a.answer for a in store.attempts("ann")] == ["one", "three"]
        [line] = store.damaged
        assert f"attempt {two}" in line and reason in line


def test_text_postgresql_cannot_hold_is_kept_visibly(store: ProgressStore, store_url: str) -> None:
    # A NUL (from a paste, or argv) is fine in SQLite but not in PostgreSQL's text: escaped
    # there, like lone surrogates everywhere. Either way the answer reads back as returned.
    made = store.record_attempt("a\x00n", "in\x00tro", "e1", "x\x00y \udcff", 5, False, [], "h")
    store.visit("a\x00n", "in\x00tro", 1)
    store.save_draft("a\x00n", "in\x00tro", "e1", 0, "dr\x00aft")
    assert store.attempts("a\x00n") == [made]
    assert list(store.lessons("a\x00n")) == [made.lesson_id]
    assert store.last_position("a\x00n") == (made.lesson_id, 1)
    on_postgres = store_url.startswith("postgresql:")
    draft = "dr\\x00aft" if on_postgres else "dr\x00aft"
    assert store.drafts("a\x00n", "in\x00tro") == {("e1", 0): draft}
    assert made.answer == ("x\\x00y \\udcff" if on_postgres else "x\x00y \\udcff")
