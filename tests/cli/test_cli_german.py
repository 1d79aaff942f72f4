"""`--lang de` (or a German locale) makes the whole CLI German: errors, warnings, summaries,
table headings and the store's own errors, with no English sentence left inside."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from tests.conftest import RunCli
from twitter_tutor.progress import open_store

# Words that would give away an English sentence in German output (paths aside).
ENGLISH = re.compile(
    r"\b(the|is|not|cannot|progress|lessons?|attempts?|errors?|warnings?|found|damaged|"
    r"skipped|yes|no|step|best)\b",
    re.I,
)


def _words(text: str, *paths: Path) -> str:
    for path in paths:
        text = text.replace(str(path), "PATH")
    return text


def test_a_usage_error_before_any_parsing_is_german(run_cli: RunCli) -> None:
    result = run_cli("--lang", "de", "bogus")
    assert result.returncode == 2
    assert result.stderr.startswith("twitter-tutor: Fehler: ")
    # argparse's own words stay English (Python has no German for them); ours are German.
    assert result.stderr.rstrip().endswith("(siehe 'twitter-tutor --help')")


def test_a_german_locale_is_enough(run_cli: RunCli) -> None:
    result = run_cli("--profile", "ann", "progress", env={"LANG": "de_DE.UTF-8"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Noch kein Fortschritt für das Profil 'ann'.")


def test_command_errors_and_warnings_are_german(run_cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = run_cli("--lang", "de", "check", str(missing))
    assert result.returncode == 2
    assert result.stderr == f"twitter-tutor: Fehler: Datei oder Ordner nicht gefunden: {missing}\n"
    listed = run_cli("--lang", "de", "--lessons", str(missing), "list", "--json")
    assert f"twitter-tutor: Warnung: Lektionsordner nicht gefunden: {missing}" in listed.stderr
    nothing = run_cli("--lang", "de", "--profile", "ann", "reset", "--yes")
    assert nothing.stdout == "Nichts zu entfernen: das Profil 'ann' hat keinen Fortschritt.\n"


def test_a_checked_lesson_is_summed_up_in_german(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "mine.md"
    assert run_cli("new", "mine", "--lang", "de", "--dir", str(tmp_path)).returncode == 0
    valid = run_cli("--lang", "de", "check", str(path))
    assert valid.stdout == "Die Lektionsdatei ist gültig.\n"
    path.write_text(path.read_text("utf-8").replace('id = "mine"', 'id = "Mine"'), "utf-8")
    broken = run_cli("--lang", "de", "check", str(path))
    # The problem itself is the loader's (trainer-facing, English); the summary is German.
    assert broken.stdout.splitlines()[-1] == "1 Problem in 1 von 1 Lektionsdatei."


def test_a_store_error_is_said_in_german(run_cli: RunCli, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("a file where the data folder should be", "utf-8")
    result = run_cli("--lang", "de", "progress")
    assert result.returncode == 1
    assert result.stderr == (
        f"twitter-tutor: Fehler: Fortschritt kann nicht in {home} gespeichert werden: "
        "das ist eine Datei, kein Ordner.\n"
    )


def test_damaged_rows_and_the_table_are_german(run_cli: RunCli, tmp_path: Path) -> None:
    opened = open_store(tmp_path / "home", allow_memory=False)
    for n in range(2):
        opened.store.record_attempt("ann", "welcome", f"e{n}", "Hallo", 80, n == 0, [], "h")
    opened.store.close()
    conn = sqlite3.connect(tmp_path / "home" / "progress.sqlite3")
    conn.execute("UPDATE attempts SET checks = 'oops' WHERE id = 2")
    conn.commit()
    conn.close()
    result = run_cli("--lang", "de", "--profile", "ann", "progress")
    assert result.returncode == 0
    assert result.stderr == (
        "twitter-tutor: Warnung: Versuch 2 ist beschädigt (checks ist kein JSON) "
        "und wurde übersprungen\n"
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "Fortschritt des Profils 'ann'"
    assert "LEKTION" in lines[3] and "LETZTER BESUCH" in lines[3]
    assert "ja" in result.stdout.split("Versuche (1)")[1]
    assert not ENGLISH.search(_words(result.stdout + result.stderr, tmp_path))
