"""Workshop learners in the store (issue 18): claiming a name, reading it back, racing for one
name, and what a reset leaves. Run against a real SQLite file and a real PostgreSQL schema."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.postgres import execute
from tests.unit.progress.conftest import Opener
from twitter_tutor.progress import Learner, ProgressStore

WHEN = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)


def test_a_new_store_has_no_learners(store: ProgressStore) -> None:
    assert store.learners() == []
    assert store.learner("ann") is None


def test_a_registered_learner_reads_back_after_reopening(opener: Opener) -> None:
    with opener(lambda: WHEN) as store:
        assert store.register_learner("ann", "scrypt$hash-of-ann", True) is True
    with opener() as store:
        assert store.learner("ann") == Learner("ann", "scrypt$hash-of-ann", True, WHEN)
        assert store.learner("Ann") is None  # names are exact, as profiles are


def test_a_taken_name_is_refused_and_left_as_it_was(store: ProgressStore) -> None:
    assert store.register_learner("ann", "first", False)
    assert store.register_learner("ann", "second", True) is False
    learner = store.learner("ann")
    assert learner is not None
    assert (learner.pin_hash, learner.share) == ("first", False)


def test_learners_are_sorted_by_profile(store: ProgressStore) -> None:
    for name in ("zoe", "Bob", "ann", "émile"):
        store.register_learner(name, f"h-{name}", name == "ann")
    # Byte order in both stores (PostgreSQL's columns are COLLATE "C"), as profiles() sorts.
    assert [learner.profile for learner in store.learners()] == ["Bob", "ann", "zoe", "émile"]
    assert [learner.share for learner in store.learners()] == [False, True, False, False]


def test_two_joins_racing_for_one_name_have_one_winner(opener: Opener) -> None:
    # Each thread has its own connection, as two served browser tabs (two processes) do.
    stores = [opener() for _ in range(8)]
    start = threading.Barrier(len(stores))
    won: list[bool] = [False] * len(stores)

    def join(index: int) -> None:
        start.wait()
        won[index] = stores[index].register_learner("ann", f"pin-{index}", False)

    threads = [threading.Thread(target=join, args=(i,)) for i in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert won.count(True) == 1
    learner = stores[0].learner("ann")
    assert learner is not None and learner.pin_hash == f"pin-{won.index(True)}"
    for store in stores:
        store.close()


def test_a_reset_keeps_the_learner_so_nobody_else_can_claim_the_name(
    store: ProgressStore,
) -> None:
    store.register_learner("ann", "h", True)
    store.record_attempt("ann", "intro", "e1", "x", 50, True, [], "h")
    assert store.reset("ann") == (1, 1)
    assert store.attempts("ann") == []
    assert store.learner("ann") is not None
    assert store.register_learner("ann", "someone else", False) is False
    # A learner who has done nothing yet has no progress: profiles() lists progress only.
    assert store.profiles() == []


def test_an_empty_name_is_a_caller_bug(store: ProgressStore) -> None:
    with pytest.raises(ValueError, match="profile"):
        store.register_learner("", "h", False)
    assert store.learners() == []


def test_a_damaged_learner_row_is_skipped_and_named(
    store: ProgressStore, store_url: str, data_dir: Path
) -> None:
    store.register_learner("ann", "h", True)
    store.register_learner("bob", "h", False)
    sql = "UPDATE learners SET joined_at = 'yesterday' WHERE profile = 'bob'"
    if store_url.startswith("sqlite:"):
        conn = sqlite3.connect(data_dir / "progress.sqlite3")
        with conn:
            conn.execute(sql)
        conn.close()
    else:
        execute(store_url, sql)
    assert [learner.profile for learner in store.learners()] == ["ann"]
    assert store.learner("bob") is None
    [line] = store.damaged
    assert "bob" in line and "joined_at" in line
