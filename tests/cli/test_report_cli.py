"""`twitter-tutor report` as a real process over a real SQLite store holding a small class
(tests/classroom.py): the terminal table, --csv, --json and --html, and --store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.classroom import (
    ANA_TWEET,
    BEN_AD,
    BEN_TWEET,
    HOSTILE,
    fill_class,
    load,
    write_lessons,
)
from tests.conftest import RunCli
from twitter_tutor.cli.cmd_report import CSV_HEADER
from twitter_tutor.progress import open_store

FORMULA = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def lessons(tmp_path: Path) -> Path:
    return write_lessons(tmp_path / "lessons")


@pytest.fixture
def classroom(cli_env: dict[str, str], lessons: Path) -> Path:
    """The class in the data dir the CLI uses (TWITTER_TUTOR_HOME); returns that dir."""
    home = Path(cli_env["TWITTER_TUTOR_HOME"])
    with open_store(home, allow_memory=False).store as store:
        fill_class(store, load(lessons))
        store.register_learner(FORMULA, "hash-f", False)
    return home


def test_the_table_shows_learners_lessons_exercises_and_shared_answers(
    run_cli: RunCli, classroom: Path, lessons: Path
) -> None:
    done = run_cli("--lessons", str(lessons), "report")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    out = done.stdout
    assert out.startswith("Class report\nLearners: 6 · Lessons: ")
    for name in ("ana", "ben", "cy", "dee", HOSTILE):
        assert f"\n  {name} " in out
    assert f"\n  {FORMULA[:39]}…" in out  # long names are cut to keep the columns
    assert "Basics" in out and "More practice" in out
    assert "3 of 4 (75%)" in out  # the first tweet: learners who passed, of those who tried
    assert "engaging (2 learners)" in out
    assert f"  > {ANA_TWEET}" in out
    assert BEN_TWEET not in out and BEN_AD not in out  # ben did not agree to share
    assert "Only from learners who agreed to share their answers: 3 of 6." in out


def test_csv_has_a_row_per_learner_and_lesson_and_defuses_formulas(
    run_cli: RunCli, classroom: Path, lessons: Path
) -> None:
    done = run_cli("--lessons", str(lessons), "report", "--csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert tuple(rows[0]) == CSV_HEADER
    body = [dict(zip(CSV_HEADER, row, strict=True)) for row in rows[1:]]
    lessons_shown = {row["lesson"] for row in body}
    assert {"basics", "more-practice", "gone"} <= lessons_shown
    assert len(body) == 6 * len(lessons_shown)
    ana = next(r for r in body if (r["profile"], r["lesson"]) == ("ana", "basics"))
    assert ana == {
        "profile": "ana",
        "shares": "true",
        "lesson": "basics",
        "title": "Basics",
        "state": "completed",
        "best_score": "60",
    }
    names = {row["profile"] for row in body}
    assert "'" + FORMULA in names and FORMULA not in names  # a spreadsheet shows it as text


def test_json_holds_the_whole_report(run_cli: RunCli, classroom: Path, lessons: Path) -> None:
    done = run_cli("--lessons", str(lessons), "report", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"generated_at", "lessons", "learners", "exercises", "best_answers"}
    assert {row["profile"] for row in data["best_answers"]} == {"ana", HOSTILE}
    tweet = next(
        e for e in data["exercises"] if (e["lesson"], e["exercise"]) == ("basics", "first-tweet")
    )
    assert (tweet["tried"], tweet["passed"], tweet["share_passed"]) == (4, 3, 0.75)
    assert BEN_TWEET not in done.stdout


def test_html_is_one_self_contained_page_with_every_learner_text_escaped(
    run_cli: RunCli, classroom: Path, lessons: Path, tmp_path: Path
) -> None:
    page_file = tmp_path / "out" / "class.html"
    page_file.parent.mkdir()
    done = run_cli("--lessons", str(lessons), "report", "--html", str(page_file))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{page_file}\n"
    page = page_file.read_text("utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<svg" in page and "</svg>" in page  # the chart, inline
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # The formula's URL is a name, escaped as text: the only "http" left is that text.
    assert page.count("http://") == 1 and "&quot;http://evil.example&quot;" in page
    assert "https://" not in page
    assert " src=" not in page and " href=" not in page and "url(" not in page
    assert ANA_TWEET.replace("'", "&#x27;") in page and BEN_TWEET not in page


def test_html_in_german(run_cli: RunCli, classroom: Path, lessons: Path, tmp_path: Path) -> None:
    page_file = tmp_path / "bericht.html"
    done = run_cli("--lessons", str(lessons), "--lang", "de", "report", "--html", str(page_file))
    assert done.returncode == 0, done.stderr
    page = page_file.read_text("utf-8")
    assert '<html lang="de">' in page and "<h1>Kursbericht</h1>" in page
    assert "Fortschritt je Lektion" in page and "3 von 4 (75 %)" in page


def test_an_unwritable_html_file_is_an_error(
    run_cli: RunCli, classroom: Path, tmp_path: Path
) -> None:
    done = run_cli("report", "--html", str(tmp_path / "no-such-folder" / "class.html"))
    assert done.returncode == 1
    assert done.stderr.startswith("twitter-tutor: error: cannot write ")
    assert done.stdout == ""


def test_formats_exclude_each_other(run_cli: RunCli) -> None:
    done = run_cli("report", "--csv", "--json")
    assert done.returncode == 2
    assert "not allowed with argument" in done.stderr


def test_store_option_names_the_store_reported_on(
    run_cli: RunCli, tmp_path: Path, lessons: Path
) -> None:
    other = tmp_path / "shared"
    with open_store(other, allow_memory=False).store as store:
        store.register_learner("zoe", "hash-z", True)
    done = run_cli("report", "--json", "--store", f"sqlite://{other}")
    assert done.returncode == 0, done.stderr
    assert [row["profile"] for row in json.loads(done.stdout)["learners"]] == ["zoe"]


def test_an_empty_store_says_so(run_cli: RunCli) -> None:
    done = run_cli("report")
    assert done.returncode == 0, done.stderr
    assert "Nobody has used this store yet" in done.stdout


def test_an_empty_trainer_code_is_a_usage_error(run_cli: RunCli) -> None:
    # Checked before the store is opened or the terminal looked at: an empty code would
    # otherwise open the trainer's view to an empty guess.
    done = run_cli("--trainer-code", " ")
    assert done.returncode == 2
    assert "trainer code must not be empty" in done.stderr
    done = run_cli(env={"TWITTER_TUTOR_TRAINER_CODE": "  "})
    assert done.returncode == 2
    assert "trainer code must not be empty" in done.stderr
