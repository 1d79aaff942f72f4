"""Shown while the terminal is smaller than the tutor needs; goes away on its own on resize."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from twitter_tutor.tui.literal import literal
from twitter_tutor.tui.screens.base import TutorModal
from twitter_tutor.tui.styles import tcss

MIN_WIDTH = 80
MIN_HEIGHT = 24


class TooSmallScreen(TutorModal):
    CSS_PATH = tcss("screens/too_small.tcss")

    def compose(self) -> ComposeResult:
        yield Static(self._message(), id="too-small")

    def on_resize(self, _event: events.Resize) -> None:
        self.query_one("#too-small", Static).update(self._message())

    def _message(self) -> Content:
        size = self.app.size
        now = f"{size.width}x{size.height}"
        return literal(self.t("app.too_small", width=MIN_WIDTH, height=MIN_HEIGHT, now=now))
