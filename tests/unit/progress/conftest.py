"""Shared fixtures of the progress store tests: every store test runs against both kinds of
store, a real SQLite file under tmp_path and a real PostgreSQL schema of its own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.postgres import fresh_schema
from twitter_tutor.progress import ProgressStore, open_store_url
from twitter_tutor.progress.timefmt import utc_now

BACKENDS = ["sqlite", "postgresql"]

Opener = Callable[..., ProgressStore]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    # Not created: open_store must make it.
    return tmp_path / "data"


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[str]:
    """The URL of this test's own, still empty store: the SQLite one is in `data_dir`."""
    if request.param == "sqlite":
        yield f"sqlite://{data_dir}"
    else:
        with fresh_schema() as url:
            yield url


@pytest.fixture
def opener(store_url: str, data_dir: Path) -> Opener:
    """`opener(clock=...)`: the test's store opened anew, as another process would open it."""

    def open_again(clock: Callable[[], datetime] = utc_now) -> ProgressStore:
        opened = open_store_url(store_url, data_dir=data_dir, clock=clock)
        assert opened.persistent and opened.warnings == []
        return opened.store

    return open_again


@pytest.fixture
def store(opener: Opener) -> Iterator[ProgressStore]:
    with opener() as s:
        yield s
