"""The live checklist under the compose box: each check of the exercise, passing or not yet."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from twitter_tutor.grading.result import CheckResult
from twitter_tutor.tui.literal import literal
from twitter_tutor.tui.widgets.feedback import check_lines
from twitter_tutor.tutor.i18n import t


class Checklist(Static):
    DEFAULT_CLASSES = "checklist"

    def __init__(self, lang: str) -> None:
        super().__init__("")
        self.lang = lang

    def show(self, results: Sequence[CheckResult], *, written: bool = True) -> None:
        """The checks on what is written; with nothing `written`, only what is still to do,
        without a verdict: an empty box neither fits nor avoids ads in any way worth a tick."""
        if written:
            # No hints while typing: advice for after an attempt, not a running commentary.
            lines = [line for r in results for line, _ in check_lines(self.lang, r, hints=False)]
        else:
            todo = (t(self.lang, "ex.todo"), "$text-muted")
            still = [r for r in results if not r.passed]
            lines = [Content.assemble(todo, " ", literal(r.message)) for r in still]
        self.update(Content("\n").join(lines))
