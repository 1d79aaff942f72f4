"""Earlier attempts at one exercise, newest first, folded away until asked for."""

from __future__ import annotations

from datetime import tzinfo

from textual.content import Content
from textual.widgets import Collapsible, Static

from twitter_tutor.progress.models import Attempt
from twitter_tutor.tui.literal import literal, one_line
from twitter_tutor.tutor.i18n import format_date, t

SHOWN = 10

ANSWER_CHARS = 280
"""Enough of an answer for the widest terminal; the row is cut to the width with "…"."""


def _rows(lang: str, attempts: list[Attempt], tz: tzinfo | None) -> Content:
    rows = []
    for attempt in reversed(attempts[-SHOWN:]):
        style = "$success" if attempt.passed else "$warning"
        rows.append(
            Content.assemble(
                (format_date(lang, attempt.at, tz), "$text-muted"),
                "  ",
                (f"{attempt.score:>3}/100", style),
                "  ",
                literal(one_line(attempt.answer, ANSWER_CHARS)),
            )
        )
    return Content("\n").join(rows)


class AttemptHistory(Collapsible):
    # Part of the exercise's box: no band of its own, the rows indented under the title.
    DEFAULT_CSS = """
    AttemptHistory {
        margin-top: 1;
        border: none;
        padding: 0;
        background: transparent;
    }
    AttemptHistory Contents {
        padding: 0 0 0 2;
    }
    AttemptHistory .history-rows {
        text-wrap: nowrap;  /* one attempt, one line: a long answer ends in "…" */
        text-overflow: ellipsis;
    }
    """

    def __init__(self, lang: str, attempts: list[Attempt], tz: tzinfo | None) -> None:
        self.rows = Static(_rows(lang, attempts, tz), classes="history-rows")
        super().__init__(
            self.rows,
            title=t(lang, "ex.history", count=len(attempts)),
            collapsed=True,
            classes="history",
        )
        self.lang = lang
        self.attempts = list(attempts)
        self.tz = tz
        self.display = bool(attempts)

    def add(self, attempt: Attempt) -> None:
        self.attempts.append(attempt)
        self.title = t(self.lang, "ex.history", count=len(self.attempts))
        self.rows.update(_rows(self.lang, self.attempts, self.tz))
        self.display = True
