"""The launcher: a newer store is refused cleanly, an unusable one falls back to memory."""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from twitter_tutor.cli.context import Context
from twitter_tutor.cli.main import NO_ARGUMENTS, build_parser
from twitter_tutor.cli.tui_launcher import open_progress, run
from twitter_tutor.content.course import load_course
from twitter_tutor.settings import builtin_lessons_dir
from twitter_tutor.tutor import course_index
from twitter_tutor.tutor.watcher import scan


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


FIRST_PAINT_MODULES = {
    "twitter_tutor",
    "twitter_tutor.content",
    "twitter_tutor.content.folders",
    "twitter_tutor.progress",
    "twitter_tutor.progress.db",
    "twitter_tutor.progress.errors",
    "twitter_tutor.progress.files",
    "twitter_tutor.progress.lesson_state",
    "twitter_tutor.progress.opening",
    "twitter_tutor.progress.rows",
    "twitter_tutor.progress.schema",
    "twitter_tutor.progress.sql_reads",
    "twitter_tutor.progress.sqlite_store",
    "twitter_tutor.progress.timefmt",
    "twitter_tutor.settings",
    "twitter_tutor.texts",
    "twitter_tutor.texts.catalog",
    "twitter_tutor.texts.formats",
    "twitter_tutor.texts.languages",
    "twitter_tutor.tui",
    "twitter_tutor.tui.app",
    "twitter_tutor.tui.course_loading",
    "twitter_tutor.tui.literal",
    "twitter_tutor.tui.screens",
    "twitter_tutor.tui.screens.base",
    "twitter_tutor.tui.screens.home",
    "twitter_tutor.tui.screens.too_small",
    "twitter_tutor.tui.styles",
    "twitter_tutor.tui.widgets",
    "twitter_tutor.tui.widgets.course_list",
    "twitter_tutor.tutor",
    "twitter_tutor.tutor.course_index",
    "twitter_tutor.tutor.drafts",
    "twitter_tutor.tutor.i18n",
    "twitter_tutor.tutor.session",
    "twitter_tutor.tutor.watcher",
    "twitter_tutor.types",
}
"""Every module of ours the first paint may load (issue 17: each costs start-up time). A module
that joins them should be one the course map cannot be drawn without; import the rest where
they are used. The launcher's own (cli.*) are checked by the test of a bare `twitter-tutor`."""

AFTER_THE_PAINT = {
    "twitter_tutor.texts.pofile",  # only while a compiled catalogue is stale (its own test)
    "twitter_tutor.tui.course_messages",  # the course loads right after the first paint
}


def test_the_first_paint_needs_no_course_loading_modules(tmp_path: Path) -> None:
    # Start-up budget: the map paints before pydantic, markdown-it, grading or analysis load
    # (they come with the course, in a thread, after the first paint), and before anything of
    # ours the map does not need.
    code = f"""
import asyncio, sys, threading
from pathlib import Path
from twitter_tutor.progress import open_store
from twitter_tutor.tui.app import make_app

HEAVY = ("pydantic", "markdown_it", "tomli", "twitter_tutor.grading", "twitter_tutor.analysis",
         "twitter_tutor.content.loader", "twitter_tutor.content.models", "argparse", "hashlib")
ALLOWED = {sorted(FIRST_PAINT_MODULES | AFTER_THE_PAINT)!r}
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
        ours = sorted(set(m for m in sys.modules if m.startswith("twitter_tutor")) - set(ALLOWED))
        assert not ours, f"new before the first paint: {{ours}}"
    never.set()

asyncio.run(main())
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-1500:]


LAUNCHER_MODULES = {
    "twitter_tutor.cli",
    "twitter_tutor.cli.context",
    "twitter_tutor.cli.errors",
    "twitter_tutor.cli.main",
    "twitter_tutor.cli.output",
    "twitter_tutor.cli.tui_launcher",
}


def test_a_bare_twitter_tutor_builds_no_parser_and_opens_only_what_the_map_needs(
    tmp_path: Path,
) -> None:
    # The learner's way in: no argparse (with gettext), no command modules, no store models
    # beyond a lesson's progress, and no hashing when the course map is cached.
    code = f"""
import os, sys
from pathlib import Path
import textual.app

def run(self, *args, **kwargs):  # stands in for the terminal: what the launcher loaded
    extra = ("argparse", "gettext", "hashlib", "twitter_tutor.progress.models",
             "twitter_tutor.progress.locations", "twitter_tutor.progress.export")
    loaded = sorted(m for m in sys.modules if m in extra)
    assert not loaded, loaded
    ours = sorted(set(m for m in sys.modules if m.startswith("twitter_tutor")) - ALLOWED)
    assert not ours, f"new before App.run: {{ours}}"
    print("ran")

textual.app.App.run = run
ALLOWED = {sorted(FIRST_PAINT_MODULES | LAUNCHER_MODULES)!r}
ALLOWED = set(ALLOWED)
from twitter_tutor.cli.main import main
sys.exit(main([]))
"""
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "TWITTER_TUTOR"))}
    env |= {
        "TWITTER_TUTOR_HOME": str(home),
        "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",  # no terminal here
    }
    # A later start: the course map cached beside the store, as the last session left it.
    home.mkdir()
    sources = [builtin_lessons_dir()]
    stamps = scan(sources)
    course_index.write(home / course_index.INDEX_NAME, sources, stamps, load_course(sources))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr[-1500:]
    assert result.stdout.strip() == "ran"


def test_no_arguments_are_what_the_parser_makes_of_none() -> None:
    assert vars(build_parser([]).parse_args([])) == NO_ARGUMENTS


def test_the_collector_waits_for_the_first_frame_and_runs_again_after_it(tmp_path: Path) -> None:
    # Start-up budget: the launcher pauses the cyclic GC (collecting Textual's young objects
    # again and again cost a tenth of the start); the app resumes it once the first frame is
    # out, with what start-up built frozen, and the launcher restores it on the way out.
    code = """
import asyncio, gc, sys
import textual.app
from twitter_tutor.cli.main import main

seen = []

def run(self, *args, **kwargs):  # stands in for the terminal
    seen.append(gc.isenabled())

    async def first_frame():
        async with self.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            seen.append(gc.isenabled())
            seen.append(gc.get_freeze_count() > 0)

    asyncio.run(first_frame())

textual.app.App.run = run
assert gc.isenabled()
code = main([])
assert seen == [False, True, True], seen
assert gc.isenabled()
print("ok", code)
"""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "TWITTER_TUTOR"))}
    env |= {
        "TWITTER_TUTOR_HOME": str(tmp_path / "home"),
        "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr[-1500:]
    assert result.stdout.startswith("ok")


def test_the_app_leaves_a_running_collector_alone() -> None:
    # Tests build the app without the launcher: nothing gets frozen then.
    import gc

    from twitter_tutor.tui.app import resume_collecting

    frozen = gc.get_freeze_count()
    resume_collecting()
    assert gc.isenabled() and gc.get_freeze_count() == frozen
