"""The live checklist beside the compose box: each check of the exercise, passing or not yet."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from twitter_tutor.grading.result import CheckResult
from twitter_tutor.tui.widgets.feedback import check_line


class Checklist(Static):
    DEFAULT_CLASSES = "checklist"

    def __init__(self, lang: str) -> None:
        super().__init__("")
        self.lang = lang

    def show(self, results: Sequence[CheckResult]) -> None:
        self.update(Content("\n").join(check_line(self.lang, r, hint=False) for r in results))
