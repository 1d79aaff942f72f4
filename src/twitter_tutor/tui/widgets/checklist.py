"""The live checklist under the compose box: each check of the exercise, passing or not yet."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from twitter_tutor.grading.result import CheckResult
from twitter_tutor.tui.widgets.feedback import check_lines


class Checklist(Static):
    DEFAULT_CLASSES = "checklist"

    def __init__(self, lang: str) -> None:
        super().__init__("")
        self.lang = lang

    def show(self, results: Sequence[CheckResult]) -> None:
        # No hints while typing: they are advice for after an attempt, not a running commentary.
        lines = [line for r in results for line, _ in check_lines(self.lang, r, hints=False)]
        self.update(Content("\n").join(lines))
