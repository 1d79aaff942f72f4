"""The launcher: a newer store is refused cleanly, an unusable one falls back to memory."""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from twitter_tutor.cli.context import Context
from twitter_tutor.cli.tui_launcher import open_progress, run


def _ctx(data_dir: Path) -> Context:
    return Context(lang="en", profile="tester", lesson_dirs=(), data_dir=data_dir, env={})


def test_a_store_from_a_newer_version_is_refused_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(tmp_path / "progress.sqlite3")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert run(argparse.Namespace(watch=False), _ctx(tmp_path)) == 1
    err = capsys.readouterr().err
    assert err.startswith("twitter-tutor: ") and "newer" in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_an_unwritable_data_dir_falls_back_to_memory_with_a_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    opened = open_progress(blocker / "home")
    assert not opened.persistent
    assert any("NOT be kept" in w for w in opened.warnings)
    opened.store.close()


def test_importing_the_launcher_loads_no_textual() -> None:
    # `twitter-tutor --help` and the other commands must not pay for the UI.
    code = (
        "import sys, twitter_tutor.cli.tui_launcher\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('textual', 'pydantic')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_the_memory_warning_speaks_the_learners_language(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    opened = open_progress(blocker / "home", "de")
    assert any("NICHT aufbewahrt" in w for w in opened.warnings)
    opened.store.close()
