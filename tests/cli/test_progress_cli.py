"""`twitter-tutor progress` and `twitter-tutor reset` as real processes, one data dir each.

The child runs the real `main()` with the command table cut down to these two commands, so
these tests exercise parsing, Context, exit codes and streams without depending on how far
the other commands' modules (all imported by `build_parser`) have come. The environment is
the shared `cli_env` (English, UTF-8, no stray TWITTER_TUTOR_* settings), with the home set
per test.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import pty
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from twitter_tutor.progress import SCHEMA_VERSION, open_store
from twitter_tutor.progress.export import CSV_HEADER

RUNNER = (
    "import sys\n"
    "from twitter_tutor.cli import main\n"
    "main.COMMANDS = {name: main.COMMANDS[name] for name in ('progress', 'reset')}\n"
    "sys.exit(main.main())\n"
)


Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run(cli_env: dict[str, str]) -> Run:
    """`run(home, *args, stdin=..., input=...)`: the CLI as a child process with that home."""

    def go(
        home: Path, *args: str, stdin: int | None = subprocess.DEVNULL, input: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", RUNNER, *args],
            env={**cli_env, "TWITTER_TUTOR_HOME": str(home)},
            stdin=None if input is not None else stdin,
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=30,
        )

    return go


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def fill(home: Path) -> None:
    with open_store(home, allow_memory=False).store as store:
        store.visit("ann", "intro", 2)
        store.record_attempt(
            "ann", "intro", "e1", 'Hallo, "Welt"!\n🚀', 80, True, [{"ok": 1}], "h1"
        )
        store.record_attempt("ann", "intro", "e2", "second", 40, False, [], "h1")
        store.complete("ann", "intro", 90)
        store.visit("ann", "next", 0)
        store.record_attempt("ann", "next", "e1", "third", 100, True, [], "h2", lesson_score=100)
        store.visit("bob", "intro", 1)
        store.record_attempt("bob", "intro", "e1", "bob's answer", 10, False, [], "h1")


def counts(home: Path, profile: str) -> tuple[int, int]:
    with open_store(home, allow_memory=False).store as store:
        return len(store.lessons(profile)), len(store.attempts(profile))


# -- progress ---------------------------------------------------------------------------------


def test_json_on_a_new_store_is_empty_but_valid(home: Path, run: Run) -> None:
    done = run(home, "progress", "--json", "--profile", "ann")
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout) == {"profile": "ann", "lessons": [], "attempts": []}


def test_csv_on_a_new_store_is_just_the_header(home: Path, run: Run) -> None:
    done = run(home, "progress", "--csv", "--profile", "ann")
    assert (done.returncode, done.stderr) == (0, "")
    assert list(csv.reader(io.StringIO(done.stdout))) == [list(CSV_HEADER)]


def test_table_on_a_new_store_says_there_is_nothing_yet(home: Path, run: Run) -> None:
    done = run(home, "progress", "--profile", "ann")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.strip() == (
        "No progress yet for profile 'ann'. Run twitter-tutor to start a lesson."
    )


def test_json_shows_the_chosen_profile_only(home: Path, run: Run) -> None:
    fill(home)
    done = run(home, "--profile", "bob", "progress", "--json")  # global option before command
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["profile"] == "bob"
    assert [a["answer"] for a in data["attempts"]] == ["bob's answer"]
    ann = json.loads(run(home, "progress", "--json", "--profile", "ann").stdout)
    assert [a["answer"] for a in ann["attempts"]] == ['Hallo, "Welt"!\n🚀', "second", "third"]
    assert [(x["id"], x["state"], x["best_score"]) for x in ann["lessons"]] == [
        ("intro", "completed", 90),
        ("next", "in_progress", 100),
    ]


def test_csv_has_one_row_per_attempt(home: Path, run: Run) -> None:
    fill(home)
    done = run(home, "progress", "--csv", "--profile", "ann")
    assert done.returncode == 0, done.stderr
    header, *rows = list(csv.reader(io.StringIO(done.stdout)))
    assert tuple(header) == CSV_HEADER
    assert [(r[1], r[2], r[3], r[4], r[5]) for r in rows] == [
        ("intro", "e1", 'Hallo, "Welt"!\n🚀', "80", "true"),
        ("intro", "e2", "second", "40", "false"),
        ("next", "e1", "third", "100", "true"),
    ]


def test_table_lists_lessons_then_attempts(home: Path, run: Run) -> None:
    fill(home)
    done = run(home, "progress", "--profile", "ann")
    assert (done.returncode, done.stderr) == (0, "")
    out = done.stdout
    assert out.index("Lessons (2)") < out.index("Attempts (3)")
    assert re.search(r"intro\s+completed\s+3\s+90", out)
    assert 'Hallo, "Welt"! 🚀' in out  # the answer on one line
    assert "bob" not in out
    # "intro" and "next" are no lessons of the course: Continue leads to its first lesson.
    assert "Continue at: lesson Welcome: how the tutor works, step 1" in out


def test_continue_names_where_the_tutors_continue_button_leads(home: Path, run: Run) -> None:
    with open_store(home, allow_memory=False).store as store:
        store.visit("cy", "welcome", 2)  # left in the middle
        store.visit("cy", "follow", 5)
        store.complete("cy", "follow", 0)  # the last lesson open, but completed
    out = run(home, "progress", "--profile", "cy").stdout
    assert "Continue at: lesson Welcome: how the tutor works, step 3" in out


def test_json_and_csv_together_is_a_usage_error(home: Path, run: Run) -> None:
    done = run(home, "progress", "--json", "--csv")
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "not allowed" in done.stderr


def test_corrupt_store_is_set_aside_with_a_warning(home: Path, run: Run) -> None:
    home.mkdir()
    (home / "progress.sqlite3").write_text("not a database at all")
    done = run(home, "progress", "--json", "--profile", "ann")
    assert done.returncode == 0
    assert json.loads(done.stdout) == {"profile": "ann", "lessons": [], "attempts": []}
    assert "warning" in done.stderr and "progress.sqlite3.corrupt-" in done.stderr
    [aside] = home.glob("progress.sqlite3.corrupt-*")
    assert aside.read_text() == "not a database at all"


def test_newer_store_is_refused_and_untouched(home: Path, run: Run) -> None:
    home.mkdir()
    path = home / "progress.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    for args in (["progress", "--json"], ["reset", "--yes"]):
        done = run(home, *args)
        assert (done.returncode, done.stdout) == (1, "")
        assert "newer twitter-tutor" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_unwritable_data_dir_is_an_error(tmp_path: Path, run: Run) -> None:
    (tmp_path / "file").write_text("x")
    home = tmp_path / "file" / "home"
    done = run(home, "progress", "--json")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.startswith("twitter-tutor: error: Cannot save progress in")
    assert str(home) in done.stderr


# -- reset ------------------------------------------------------------------------------------


def test_reset_all_with_yes(home: Path, run: Run) -> None:
    fill(home)
    done = run(home, "reset", "--yes", "--profile", "ann")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.strip() == "Removed all progress of profile 'ann' (2 lessons, 3 attempts)."
    assert counts(home, "ann") == (0, 0)
    assert counts(home, "bob") == (1, 1)


def test_reset_one_lesson_with_yes(home: Path, run: Run) -> None:
    fill(home)
    done = run(home, "reset", "--lesson", "intro", "--yes", "--profile", "ann")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "Removed the progress in lesson 'intro' of profile 'ann' (1 lesson, 2 attempts)."
    )
    assert counts(home, "ann") == (1, 1)
    assert counts(home, "bob") == (1, 1)


def test_reset_with_nothing_to_remove(home: Path, run: Run) -> None:
    done = run(home, "reset", "--yes", "--profile", "ann")
    assert (done.returncode, done.stderr) == (0, "")
    assert "Nothing to remove" in done.stdout


def test_reset_without_yes_and_without_a_terminal_refuses(home: Path, run: Run) -> None:
    fill(home)
    # Even a "y" piped in does not count: only a person at a terminal or --yes can confirm.
    done = run(home, "reset", "--profile", "ann", input="y\n")
    assert (done.returncode, done.stdout) == (1, "")
    assert "--yes" in done.stderr and "2 lessons, 3 attempts" in done.stderr
    assert counts(home, "ann") == (2, 3)


def run_at_terminal(
    run: Run, home: Path, answer: str, *args: str
) -> subprocess.CompletedProcess[str]:
    """Run with stdin on a pseudo-terminal and type `answer` into it."""
    master, slave = pty.openpty()
    try:
        os.write(master, answer.encode() + b"\n")
        return run(home, *args, stdin=slave)
    finally:
        os.close(slave)
        os.close(master)


def test_reset_asks_at_a_terminal_and_removes_on_yes(home: Path, run: Run) -> None:
    fill(home)
    done = run_at_terminal(run, home, "y", "reset", "--lesson", "next", "--profile", "ann")
    assert done.returncode == 0, done.stderr
    assert "Remove the progress in lesson 'next' of profile 'ann' (1 lesson, 1 attempt)?" in (
        done.stderr
    )
    assert done.stdout.startswith("Removed the progress in lesson 'next'")
    assert counts(home, "ann") == (1, 2)


def test_reset_asks_at_a_terminal_and_keeps_on_no(home: Path, run: Run) -> None:
    fill(home)
    done = run_at_terminal(run, home, "n", "reset", "--profile", "ann")
    assert (done.returncode, done.stdout) == (1, "")
    assert "Remove all progress of profile 'ann' (2 lessons, 3 attempts)?" in done.stderr
    assert "Nothing was removed." in done.stderr
    assert counts(home, "ann") == (2, 3)


def test_commands_do_not_import_textual() -> None:
    code = (
        "import sys, twitter_tutor.cli.cmd_progress, twitter_tutor.cli.cmd_reset; "
        "print('textual' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


# -- course summary ---------------------------------------------------------------------------


def test_summary_is_markdown_with_titles_best_tweets_and_missed_checks(
    home: Path, run: Run
) -> None:
    tweet = "Hi, I'm Ana and I run marketing for a tiny roastery in Porto. Here to learn! *wow*"
    checks = [
        {"rule": "personal_voice", "passed": False, "message": "Say who you are.", "weight": 2},
        {"rule": "kinds", "passed": False, "message": "info only", "weight": 0},
    ]
    with open_store(home, allow_memory=False).store as store:
        store.record_attempt("ann", "welcome", "hello", "meh", 40, False, checks, "h")
        store.record_attempt("ann", "welcome", "hello", tweet, 95, True, [
            {"rule": "personal_voice", "passed": True, "message": "ok", "weight": 2}
        ], "h", lesson_score=50)
    for lang, heading, best in (
        ("en", "# Course summary: ann", "## Your best tweets"),
        ("de", "# Kursbilanz: ann", "## Deine besten Tweets"),
    ):
        done = run(home, "--lang", lang, "progress", "--summary", "--profile", "ann")
        assert done.returncode == 0, done.stderr
        out = done.stdout
        assert out.startswith(heading + "\n")
        assert best in out
        assert "> Hi, I'm Ana and I run marketing for a tiny roastery in Porto. Here to learn! \\*wow\\*" in out
        assert "**personal_voice**" in out and "Say who you are." in out
        assert "**kinds**" not in out  # information, not a miss
        assert "| 50/100 |" in out  # the lesson's score, as everywhere else


def test_summary_keeps_the_learners_observations_apart_from_the_tweets(
    home: Path, run: Run
) -> None:
    note = "The bike shop answers every question with a joke.\n\nThe bakery only posts offers."
    with open_store(home, allow_memory=False).store as store:
        store.record_attempt("ann", "learn-by-doing", "observe", "asdf", 0, False, [
            {"rule": "note", "passed": False, "message": "Keyboard mash.", "weight": 1}
        ], "h")
        store.record_attempt("ann", "learn-by-doing", "observe", note, 100, True, [], "h")
    for lang, heading, lesson in (
        ("en", "## Your observations", "### You can't learn to tweet from an e-book"),
        ("de", "## Deine Beobachtungen", "### Twittern lernt man nicht aus dem E-Book"),
    ):
        done = run(home, "--lang", lang, "progress", "--summary", "--profile", "ann")
        assert done.returncode == 0, done.stderr
        out = done.stdout
        quoted = "> The bike shop answers every question with a joke.\n>\n> The bakery only posts offers."
        assert f"{heading}\n\n{lesson}\n\n{quoted}\n" in out
        assert out.count("The bike shop") == 1  # not among the best tweets as well
        assert "**note**" not in out and "asdf" not in out  # a short note is no missed check


def test_the_table_names_lessons_and_tasks_by_title_and_keeps_unknown_ids(
    home: Path, run: Run
) -> None:
    with open_store(home, allow_memory=False).store as store:
        store.visit("ann", "welcome", 4)
        store.record_attempt("ann", "welcome", "hello", "Hi, I'm Ann.", 60, False, [], "h")
        store.record_attempt("ann", "gone-lesson", "old", "x", 10, False, [], "h")
    for lang, title, task in (
        ("en", "Welcome: how the tutor works", "Write your first tweet"),
        ("de", "Willkommen: So funktioniert der", "Schreib deinen ersten Tweet"),
    ):
        done = run(home, "--lang", lang, "progress", "--profile", "ann")
        assert done.returncode == 0, done.stderr
        assert title in done.stdout and task in done.stdout
        assert "gone-lesson" in done.stdout  # no lesson file: its id stands for it
        assert " hello " not in done.stdout  # the exercise's id is not shown, its task is
    data = json.loads(run(home, "progress", "--json", "--profile", "ann").stdout)
    assert data["attempts"][0]["lesson"] == "welcome"  # exports keep the stable ids
