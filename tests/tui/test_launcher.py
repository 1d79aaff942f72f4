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


def test_the_first_paint_needs_no_course_loading_modules(tmp_path: Path) -> None:
    # Start-up budget: the map paints before pydantic, markdown-it, grading or analysis load
    # (they come with the course, in a thread, after the first paint).
    code = f"""
import asyncio, sys, threading
from pathlib import Path
from twitter_tutor.progress import open_store
from twitter_tutor.tui.app import make_app

HEAVY = ("pydantic", "markdown_it", "tomli", "twitter_tutor.grading", "twitter_tutor.analysis",
         "twitter_tutor.content.loader", "twitter_tutor.content.models")
never = threading.Event()

def loader():
    never.wait()  # the course never arrives: only what the first paint needs is imported

async def main():
    store = open_store(Path({str(tmp_path)!r}) / "data").store
    app = make_app(loader, store, "tester", "en", [])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        loaded = sorted(m for m in sys.modules if m.startswith(HEAVY))
        assert not loaded, loaded
    never.set()

asyncio.run(main())
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-1500:]
