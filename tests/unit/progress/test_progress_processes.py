"""Real processes against one store, a SQLite file or a PostgreSQL schema: SIGKILL mid-write,
and several writers at once.

An id printed by the child was returned by record_attempt, so the UI would have said "saved":
it must be in the store afterwards, and a SQLite store must pass its integrity check.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.postgres import execute, fresh_schema
from tests.unit.progress.conftest import Opener
from twitter_tutor.progress import SCHEMA_VERSION, open_store_url

WRITER = """
import sys
from pathlib import Path
from twitter_tutor.progress import open_store_url

url, profile, count, tag = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.stdin.readline()  # start together with the other writers
store = open_store_url(url, data_dir=Path("/nonexistent")).store
i = 0
while count < 0 or i < count:
    attempt = store.record_attempt(
        profile, "lesson-%d" % (i % 3), "ex", "%s answer %d" % (tag, i), i % 101,
        i % 2 == 0, [{"rule": "max_length", "ok": True}], "hash",
    )
    store.visit(profile, "lesson-%d" % (i % 3), i % 5)
    sys.stdout.write("%d\\n" % attempt.id)
    sys.stdout.flush()
    i += 1
store.close()
"""


def writer(url: str, profile: str, count: int, tag: str = "w") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, url, profile, str(count), tag],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def integrity(store_url: str, data_dir: Path) -> str:
    if not store_url.startswith("sqlite:"):
        return "ok"  # PostgreSQL checks its own pages; what is read back is checked below
    conn = sqlite3.connect(data_dir / "progress.sqlite3")
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def start(children: list[subprocess.Popen[str]]) -> None:
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()


def printed_ids(children: list[subprocess.Popen[str]]) -> list[int]:
    ids: list[int] = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        ids += [int(line) for line in out.split()]
    return ids


@pytest.mark.parametrize("kill_after", [1, 25, 80])
def test_sigkill_loses_no_saved_attempt(
    store_url: str, data_dir: Path, opener: Opener, kill_after: int
) -> None:
    saved: set[int] = set()
    # Two rounds on the same store: the second starts from what a kill left behind.
    for round_ in range(2):
        child = writer(store_url, f"p{round_}", -1)
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write("go\n")
        child.stdin.flush()
        for _ in range(kill_after):
            line = child.stdout.readline()
            assert line.endswith("\n"), child.stderr.read() if child.stderr else ""
            saved.add(int(line))
        time.sleep((kill_after % 7) / 1000)  # land the kill at varying points of a write
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate()
        assert child.returncode == -signal.SIGKILL
        # Ids printed before the kill were saved too; a cut-off last line is not a claim.
        saved |= {int(line) for line in rest.splitlines(keepends=True) if line.endswith("\n")}

    assert integrity(store_url, data_dir) == "ok"
    with opener() as store:  # opener asserts: no warning
        stored = {a.id for p in ("p0", "p1") for a in store.attempts(p)}
        assert saved <= stored
        assert store.last_position("p0") is not None
        assert store.damaged == []


def test_two_processes_writing_one_profile_lose_nothing(
    store_url: str, data_dir: Path, opener: Opener
) -> None:
    # Nothing exists yet: both processes race to create the folder or the tables too.
    count = 150
    children = [writer(store_url, "ann", count, tag) for tag in ("first", "second")]
    start(children)
    ids = printed_ids(children)

    assert len(ids) == len(set(ids)) == 2 * count
    assert integrity(store_url, data_dir) == "ok"
    with opener() as store:
        attempts = store.attempts("ann")
        assert {a.id for a in attempts} == set(ids)
        expected = {f"{tag} answer {i}" for tag in ("first", "second") for i in range(count)}
        assert {a.answer for a in attempts} == expected


def test_a_reader_never_sees_a_later_attempt_before_an_earlier_one() -> None:
    # Ids grow in commit order, as in SQLite: a trainer's view that polls for ids above the
    # last one it saw never misses one. Four processes commit as fast as they can meanwhile.
    with fresh_schema() as url:
        import psycopg  # only now: fresh_schema has said why when it cannot be had
        open_store_url(url, data_dir=Path("/nonexistent")).store.close()  # tables first
        children = [writer(url, f"p{n}", 50, f"w{n}") for n in range(4)]
        start(children)
        snapshots: list[set[int]] = []
        with psycopg.connect(url, autocommit=True) as reader:
            while any(child.poll() is None for child in children):
                rows = reader.execute("SELECT id FROM attempts").fetchall()
                snapshots.append({int(row[0]) for row in rows})
        ids = printed_ids(children)
    assert len(ids) == len(set(ids)) == 4 * 50
    assert len(snapshots) > 5  # the reader really read while they wrote
    for seen in (s for s in snapshots if s):
        top = max(seen)
        assert {i for i in ids if i <= top} == seen, "an earlier id was missing"


def test_processes_opening_a_new_database_at_once_migrate_it_once() -> None:
    with fresh_schema() as url:
        children = [writer(url, f"p{n}", 1) for n in range(6)]
        start(children)
        assert len(printed_ids(children)) == 6
        versions = execute(url, "SELECT version FROM twitter_tutor_schema ORDER BY version")
    assert [row[0] for row in versions] == list(range(1, SCHEMA_VERSION + 1))
