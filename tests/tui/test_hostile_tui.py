"""Issue 12 in the tutor: an unexpected exception ends it with a non-zero exit after the store
is closed, and it refuses to start without a terminal."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from twitter_tutor.cli import tui_launcher
from twitter_tutor.cli.context import Context


def _ctx(data_dir: Path) -> Context:
    return Context(lang="en", profile="tester", lesson_dirs=(), data_dir=data_dir, env={})


class _CrashedApp:
    """What Textual leaves after catching an exception in a handler: return code 1."""

    return_code = 1

    def run(self) -> None:
        pass


def test_an_unexpected_error_in_the_tutor_exits_non_zero_after_closing_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import twitter_tutor.tui.app as app_module

    closed: list[bool] = []
    real_open = tui_launcher.open_progress

    def open_progress(data_dir: Path, lang: str = "en"):  # type: ignore[no-untyped-def]
        opened = real_open(data_dir, lang)
        real_close = opened.store.close

        def close() -> None:
            closed.append(True)
            real_close()

        monkeypatch.setattr(opened.store, "close", close)
        return opened

    monkeypatch.setattr(tui_launcher, "open_progress", open_progress)
    monkeypatch.setattr(tui_launcher, "_interactive", lambda: True)
    monkeypatch.setattr(app_module, "make_app", lambda *a, **k: _CrashedApp())
    assert tui_launcher.run(argparse.Namespace(watch=False), _ctx(tmp_path)) == 1
    assert closed == [True]
    assert "unexpected error" in capsys.readouterr().err


def test_without_a_terminal_the_tutor_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(tui_launcher, "_interactive", lambda: False)
    assert tui_launcher.run(argparse.Namespace(watch=False), _ctx(tmp_path)) == 2
    assert "needs a terminal" in capsys.readouterr().err
