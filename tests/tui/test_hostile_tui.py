"""Issue 12 in the tutor: an unexpected exception ends it with a non-zero exit after the store
is closed, and it refuses to start without a terminal."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from tests.tui.helpers import AppFactory
from twitter_tutor.cli import tui_launcher
from twitter_tutor.cli.context import Context
from twitter_tutor.progress import ProgressStore


def _ctx(data_dir: Path) -> Context:
    return Context(lang="en", profile="tester", lesson_dirs=(), data_dir=data_dir, env={})


class _Terminal(io.StringIO):
    """Standard input as a terminal would be: no keys needed, since the app never runs."""

    def isatty(self) -> bool:
        return True


class _CrashedApp:
    """What Textual leaves after catching an exception in a handler: return code 1."""

    return_code = 1

    class session:
        @staticmethod
        def close() -> bool:
            return True

    def run(self) -> None:
        pass


def test_an_unexpected_error_in_the_tutor_exits_non_zero_after_closing_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import twitter_tutor.tui.app as app_module

    closed: list[bool] = []
    real_open = tui_launcher.open_progress

    def open_progress(data_dir: Path, lang: str = "en", store_url: str | None = None, **options: bool):  # type: ignore[no-untyped-def]
        opened = real_open(data_dir, lang, store_url, **options)
        real_close = opened.store.close

        def close() -> None:
            closed.append(True)
            real_close()

        monkeypatch.setattr(opened.store, "close", close)
        return opened

    monkeypatch.setattr(tui_launcher, "open_progress", open_progress)
    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr(app_module, "make_app", lambda *a, **k: _CrashedApp())
    assert tui_launcher.run(argparse.Namespace(watch=False), _ctx(tmp_path)) == 1
    assert closed == [True]
    assert "unexpected error" in capsys.readouterr().err


def test_without_a_terminal_the_tutor_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO())  # a pipe or file, not a terminal
    assert tui_launcher.run(argparse.Namespace(watch=False), _ctx(tmp_path)) == 2
    assert "needs a terminal" in capsys.readouterr().err


def test_markdown_too_heavy_for_widgets_is_shown_as_plain_text() -> None:
    from textual.widgets import Markdown, Static

    from twitter_tutor.tui.screens.lesson import step_text_widget

    columns = 1000
    table = "\n".join("|" + "|".join(cell for _ in range(columns)) + "|" for cell in "h-v")
    wide = step_text_widget(f"## Wide\n\n{table}")
    assert isinstance(wide, Static) and not isinstance(wide, Markdown)
    assert "|h|h|" in str(wide.render())
    assert isinstance(step_text_widget("## Fine\n\n| a | b |\n|---|---|\n| 1 | 2 |"), Markdown)
    long_prose = step_text_widget("## Long\n\n" + "word " * 4000)
    assert not isinstance(long_prose, Markdown)


async def test_a_damaged_stored_row_is_named_once_and_the_tutor_goes_on(
    build: AppFactory, store: ProgressStore
) -> None:
    import sqlite3

    from tests.tui.helpers import Notifications, settle
    from twitter_tutor.tui.screens.home import HomeScreen

    store.visit("tester", "basics", 1)
    store.visit("tester", "more-practice", 0)
    assert store.path is not None
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE lessons SET last_visit = 'never' WHERE lesson_id = 'basics'")
    conn.commit()
    conn.close()
    app = build()
    notes = Notifications()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        app.action_review()
        await pilot.pause()
        warnings = [m for m in notes.messages if "could not be read" in m]
        assert len(warnings) == 1 and "basics" in warnings[0] and "skipped" in warnings[0]


def test_a_watch_preview_records_under_a_preview_profile_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import twitter_tutor.tui.app as app_module

    built: dict[str, object] = {}

    def make_app(*args: object, **kwargs: object) -> _CrashedApp:
        built["profile"] = args[2]
        built["notices"] = kwargs["notices"]
        app = _CrashedApp()
        app.return_code = 0
        return app

    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr(app_module, "make_app", make_app)
    assert tui_launcher.run(argparse.Namespace(watch=True), _ctx(tmp_path)) == 0
    assert built["profile"] == "tester-preview"
    notices = built["notices"]
    assert isinstance(notices, list) and "tester-preview" in notices[0]
    assert tui_launcher.run(argparse.Namespace(watch=False), _ctx(tmp_path)) == 0
    assert built["profile"] == "tester"
