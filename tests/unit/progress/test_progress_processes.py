"""Real processes against one store file: SIGKILL mid-write, and two writers at once.

An id printed by the child was returned by record_attempt, so the UI would have said "saved":
it must be in the store afterwards, and the store must pass SQLite's integrity check.
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

from twitter_tutor.progress import open_store

WRITER = """
import sys
from pathlib import Path
from twitter_tutor.progress import open_store

data_dir, profile, count, tag = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.stdin.readline()  # start together with the other writers
store = open_store(data_dir, allow_memory=False).store
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


def writer(data_dir: Path, profile: str, count: int, tag: str = "w") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), profile, str(count), tag],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def integrity(data_dir: Path) -> str:
    conn = sqlite3.connect(data_dir / "progress.sqlite3")
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("kill_after", [1, 25, 80])
def test_sigkill_loses_no_saved_attempt(tmp_path: Path, kill_after: int) -> None:
    data_dir = tmp_path / "data"
    saved: set[int] = set()
    # Two rounds on the same store: the second starts from what a kill left behind.
    for round_ in range(2):
        child = writer(data_dir, f"p{round_}", -1)
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

    assert integrity(data_dir) == "ok"
    opened = open_store(data_dir, allow_memory=False)
    assert opened.warnings == []
    with opened.store as store:
        stored = {a.id for p in ("p0", "p1") for a in store.attempts(p)}
        assert saved <= stored
        assert store.last_position("p0") is not None


def test_two_processes_writing_one_profile_lose_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"  # not created yet: both processes race to create it too
    count = 150
    children = [writer(data_dir, "ann", count, tag) for tag in ("first", "second")]
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    ids: list[int] = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        ids += [int(line) for line in out.split()]

    assert len(ids) == len(set(ids)) == 2 * count
    assert integrity(data_dir) == "ok"
    with open_store(data_dir, allow_memory=False).store as store:
        attempts = store.attempts("ann")
        assert {a.id for a in attempts} == set(ids)
        expected = {f"{tag} answer {i}" for tag in ("first", "second") for i in range(count)}
        assert {a.answer for a in attempts} == expected
