"""PostgreSQL for the tests: each test gets a new, empty schema of its own, dropped after it.

The server is the one in TWITTER_TUTOR_TEST_PG, by default the project machines' own
(127.0.0.1:5432, trust auth, database `test`), which CI uses too. When it does not answer,
the PostgreSQL tests FAIL rather than skip, so a green CI always ran them; only
TWITTER_TUTOR_TEST_NO_POSTGRES=1 skips them, on purpose and with the reason shown.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import pytest

URL_ENV = "TWITTER_TUTOR_TEST_PG"
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"
SKIP_ENV = "TWITTER_TUTOR_TEST_NO_POSTGRES"


def server_url() -> str:
    return os.environ.get(URL_ENV) or DEFAULT_URL


def with_search_path(url: str, schema: str) -> str:
    """`url` with its sessions working in `schema` (libpq's `options`, as a client sets it)."""
    options = quote(f"-csearch_path={schema}", safe="")
    return f"{url}{'&' if '?' in url else '?'}options={options}"


def _admin() -> object:
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"PostgreSQL tests skipped: {SKIP_ENV}=1")
    try:
        import psycopg
    except ImportError:
        pytest.fail("psycopg is not installed: run pip install -e '.[test]'")
    try:
        return psycopg.connect(server_url(), autocommit=True, connect_timeout=5)
    except psycopg.Error as error:
        pytest.fail(
            f"PostgreSQL at {server_url()} does not answer ({error}); start it, point "
            f"{URL_ENV} at a server, or set {SKIP_ENV}=1 to skip these tests"
        )


@contextmanager
def fresh_schema() -> Iterator[str]:
    """The URL of a new schema no other test sees; it and everything in it go afterwards."""
    import psycopg

    name = f"tt_test_{uuid.uuid4().hex[:16]}"
    admin = _admin()
    assert isinstance(admin, psycopg.Connection)
    with admin:
        admin.execute(f'CREATE SCHEMA "{name}"')
        try:
            yield with_search_path(server_url(), name)
        finally:
            admin.execute(f'DROP SCHEMA "{name}" CASCADE')


def execute(url: str, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Run one statement on the store at `url` as an outside client would; its rows, if any."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(sql, params)
        return list(cursor.fetchall()) if cursor.description else []
