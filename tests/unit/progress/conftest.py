"""Shared fixtures of the progress store tests: real SQLite files under tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from twitter_tutor.progress import ProgressStore, open_store


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    # Not created: open_store must make it.
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[ProgressStore]:
    opened = open_store(data_dir, allow_memory=False)
    assert opened.persistent and opened.warnings == []
    with opened.store as s:
        yield s
