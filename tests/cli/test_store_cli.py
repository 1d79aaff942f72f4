"""`--store URL` and TWITTER_TUTOR_STORE as real processes: the commands read and change a
PostgreSQL store or a SQLite folder named by URL, and a URL that cannot be used is one line
with its password masked, never a traceback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import RunCli
from tests.postgres import fresh_schema
from twitter_tutor.content.course import load_course
from twitter_tutor.progress import open_store_url
from twitter_tutor.settings import builtin_lessons_dir

NOWHERE = Path("/nonexistent")


@pytest.fixture
def pg_url() -> Iterator[str]:
    with fresh_schema() as url:
        yield url


def fill(url: str) -> None:
    with open_store_url(url, data_dir=NOWHERE).store as store:
        store.visit("ann", "intro", 2)
        store.record_attempt("ann", "intro", "e1", "Hallo 🚀", 80, True, [{"ok": 1}], "h1")
        store.complete("ann", "intro", 90)
        store.record_attempt("bob", "intro", "e1", "bob's", 10, False, [], "h1")


def test_progress_reads_a_postgresql_store(pg_url: str, run_cli: RunCli, cli_env: dict[str, str]) -> None:
    fill(pg_url)
    done = run_cli("progress", "--json", "--profile", "ann", "--store", pg_url)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [(x["id"], x["state"], x["best_score"]) for x in data["lessons"]] == [
        ("intro", "completed", 90)
    ]
    assert [a["answer"] for a in data["attempts"]] == ["Hallo 🚀"]
    assert not Path(cli_env["TWITTER_TUTOR_HOME"]).exists()  # the local store was not made


def test_the_environment_names_the_store_and_the_option_wins(
    pg_url: str, run_cli: RunCli, tmp_path: Path
) -> None:
    fill(pg_url)
    by_env = run_cli("progress", "--csv", "--profile", "bob", env={"TWITTER_TUTOR_STORE": pg_url})
    assert by_env.returncode == 0, by_env.stderr
    assert "bob's" in by_env.stdout
    other = f"sqlite://{tmp_path / 'other'}"
    option_wins = run_cli(
        "--store", other, "progress", "--profile", "bob", env={"TWITTER_TUTOR_STORE": pg_url}
    )
    assert option_wins.returncode == 0, option_wins.stderr
    assert "No progress yet for profile 'bob'" in option_wins.stdout


def test_reset_removes_from_the_shared_store(pg_url: str, run_cli: RunCli) -> None:
    fill(pg_url)
    done = run_cli("reset", "--yes", "--profile", "ann", "--store", pg_url)
    assert done.returncode == 0, done.stderr
    with open_store_url(pg_url, data_dir=NOWHERE).store as store:
        assert store.profiles() == ["bob"]
        assert store.drafts("ann", "intro") == {} and store.attempts("ann") == []


def test_list_shows_progress_from_postgresql(pg_url: str, run_cli: RunCli) -> None:
    course = load_course([builtin_lessons_dir()])
    lesson_id = next(f.meta.id for f in course.files if f.meta)
    with open_store_url(pg_url, data_dir=NOWHERE).store as store:
        store.visit("ann", lesson_id, 1)
    done = run_cli("list", "--json", "--profile", "ann", "--store", pg_url)
    assert done.returncode == 0, done.stderr
    progress = [row.get("progress") for row in json.loads(done.stdout) if row["id"] == lesson_id]
    assert progress and all(p == {"state": "in_progress", "step": 1, "best_score": None} for p in progress)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["progress", "--store", "mysql://ann:s3cret@db/class"], "sqlite:///FOLDER or postgresql://"),
        (["progress", "--store", "postgresql://ann:s3cret@127.0.0.1:1/class"], "Connection refused"),
        (["reset", "--yes", "--store", "postgres://ann:s3cret@no-such-host.invalid/x"], "no-such-host"),
        # Listing goes on without progress, as it does for a damaged store.
        (["list", "--store", "sqlite://relative:s3cret@x/y"], "absolute folder"),
        # The tutor itself does not fall back to memory for a store named on purpose.
        (["--store", "postgresql://ann:s3cret@127.0.0.1:1/class"], "Connection refused"),
    ],
)
def test_a_store_that_cannot_be_used_is_one_line_without_the_password(
    run_cli: RunCli, args: list[str], says: str
) -> None:
    done = run_cli(*args)
    assert done.returncode == (0 if args[0] == "list" else 1)
    assert says in done.stderr
    assert "s3cret" not in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    assert next(line for line in done.stderr.splitlines() if says in line).startswith(
        "twitter-tutor: "
    )


def test_help_names_the_option(run_cli: RunCli) -> None:
    done = run_cli("--help")
    assert "--store URL" in done.stdout and "TWITTER_TUTOR_STORE" in done.stdout
