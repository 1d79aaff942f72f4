"""A weighted character counter like Twitter's: calm, then a warning near the limit, then red."""

from __future__ import annotations

from textual.widgets import Static

from twitter_tutor.tui.literal import literal

WARN_REMAINING = 20
"""Twitter turns its counter amber with 20 characters left."""


class CharCounter(Static):
    DEFAULT_CSS = """
    CharCounter {
        width: auto;
        color: $text-muted;
    }
    CharCounter.-warn {
        color: $text-warning;
        text-style: bold;
    }
    CharCounter.-error {
        color: $text-error;
        text-style: bold reverse;
    }
    """

    def __init__(self, limit: int, *, classes: str = "") -> None:
        super().__init__(f"0/{limit}", classes=f"char-counter {classes}".strip())
        self.limit = limit

    def show(self, length: int, prefix: str = "", suffix: str = "") -> None:
        remaining = self.limit - length
        self.update(literal(f"{prefix}{length}/{self.limit}{suffix}"))
        self.set_class(0 <= remaining <= WARN_REMAINING, "-warn")
        self.set_class(remaining < 0, "-error")
