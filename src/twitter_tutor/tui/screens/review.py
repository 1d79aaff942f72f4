"""The learner's progress: completion, scores over time, best per lesson, every attempt."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Header, ProgressBar, Static

from twitter_tutor.progress.models import Attempt
from twitter_tutor.tui.literal import clean, literal, one_line
from twitter_tutor.tui.screens.base import TutorScreen
from twitter_tutor.tui.widgets.footer import KeysFooter
from twitter_tutor.tui.widgets.score_chart import ScoreChart
from twitter_tutor.tutor.i18n import format_date, tn


def _cell(text: str, style: str = "") -> Text:
    # DataTable reads plain strings as markup; Text is shown as it is.
    return Text(clean(text), style=style)


class ReviewScreen(TutorScreen):
    # The layout beside it as DEFAULT_CSS, not a CSS_PATH: Textual reads a screen's CSS_PATH
    # when it is first pushed, re-parsing every stylesheet of the app and restyling every
    # widget (30-80 ms: issue 17); DEFAULT_CSS is parsed alone, scoped to this screen.
    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text("utf-8")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.home", "key.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="review"):
            yield Static(literal(self.t("review.title"), "bold $text-accent"), classes="title")
            with Horizontal(id="completion-row"):
                yield Static("", id="completion")
                yield ProgressBar(show_eta=False, show_percentage=False, id="completion-bar")
            yield Static("", id="chart-title", classes="section")
            yield ScoreChart(id="chart")
            yield Static(literal(self.t("review.best")), classes="section")
            yield DataTable(id="best", cursor_type="row", zebra_stripes=True)
            yield Static(literal(self.t("review.attempts")), classes="section")
            yield DataTable(id="attempts", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = self.t("app.title")
        self.sub_title = self.t("review.title")
        best = self.query_one("#best", DataTable)
        best.add_columns(
            *(self.t(k) for k in ("review.col_lesson", "review.col_state", "review.col_best"))
        )
        attempts = self.query_one("#attempts", DataTable)
        attempts.add_columns(
            *(self.t(f"review.col_{k}") for k in ("date", "lesson", "exercise", "score", "answer"))
        )
        self.course_changed()

    def course_changed(self) -> None:
        rows = self.session.working_lessons()
        progress = self.session.progress()
        attempts = self.session.attempts()
        titles = {r.lesson_id: r.title for r in rows}
        labels: dict[tuple[str, str], str] = {}
        done, total = self.session.completion(progress)
        percent = round(100 * done / total) if total else 0
        self.query_one("#completion", Static).update(
            literal(self.t("review.completion", done=done, total=total, percent=percent))
        )
        self.query_one("#completion-bar", ProgressBar).update(total=max(total, 1), progress=done)
        self._chart(attempts)
        best = self.query_one("#best", DataTable)
        best.clear()
        for row in rows:
            state = progress.get(row.lesson_id or "")
            kind = state.state if state is not None else "not_started"
            score = state.best_score if state is not None else None
            best.add_row(
                _cell(one_line(row.title, 40)),
                _cell(self.t(f"review.state_{kind}"), "green" if kind == "completed" else ""),
                _cell("–" if score is None else f"{score}/100"),
            )
        table = self.query_one("#attempts", DataTable)
        table.clear()
        for attempt in reversed(attempts):
            table.add_row(
                _cell(format_date(self.session.lang, attempt.at, self.session.tz)),
                _cell(one_line(titles.get(attempt.lesson_id, attempt.lesson_id), 24)),
                _cell(one_line(self._label(attempt, labels), 24)),
                _cell(f"{attempt.score:>3}", "green" if attempt.passed else "yellow"),
                _cell(one_line(attempt.answer, 40)),
            )

    def _label(self, attempt: Attempt, labels: dict[tuple[str, str], str]) -> str:
        """The exercise as the lesson asks it (its question or prompt); its id only when the
        lesson or the exercise is gone from the course."""
        key = (attempt.lesson_id, attempt.exercise_id)
        if key not in labels:
            file = self.session.find(attempt.lesson_id)
            exercise = file.lesson.exercise(attempt.exercise_id) if file and file.lesson else None
            labels[key] = exercise.label if exercise is not None else attempt.exercise_id
        return labels[key]

    def _chart(self, attempts: list[Attempt]) -> None:
        chart = self.query_one("#chart", ScoreChart)
        title = self.query_one("#chart-title", Static)
        if attempts:
            title.update(literal(tn(self.session.lang, "review.chart", len(attempts))))
            chart.show([a.score for a in attempts])
        else:
            title.update(literal(self.t("review.no_attempts")))
        chart.display = bool(attempts)
