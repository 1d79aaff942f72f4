"""Shown when the learner finishes a lesson: the score, each exercise's best, and where next."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from twitter_tutor.content.lesson import Lesson
from twitter_tutor.content.models import AnyExercise
from twitter_tutor.tui.literal import literal, one_line
from twitter_tutor.tui.screens.base import TutorModal
from twitter_tutor.tutor.course_index import LessonEntry
from twitter_tutor.tutor.session import Session


def exercise_label(exercise: AnyExercise) -> str:
    return one_line(exercise.label, 48)


class SummaryScreen(TutorModal):
    # The layout beside it as DEFAULT_CSS, not a CSS_PATH: Textual reads a screen's CSS_PATH
    # when it is first pushed, re-parsing every stylesheet of the app and restyling every
    # widget (30-80 ms: issue 17); DEFAULT_CSS is parsed alone, scoped to this screen.
    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text("utf-8")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "choose('home')", "key.back")]

    def __init__(
        self,
        session: Session,
        lesson: Lesson,
        score: int | None,
        best: dict[str, int],
        following: LessonEntry | None,
        *,
        saved: bool,
    ) -> None:
        super().__init__(session)
        self.lesson = lesson
        self.score = score
        self.best = best
        self.following = following
        self.saved = saved

    def compose(self) -> ComposeResult:
        with Vertical(id="summary"):
            yield Static(literal(self.t("summary.title", title=self.lesson.title), "bold $success"))
            yield Static(self._lines(), id="summary-lines")
            skipped = self._skipped()
            if skipped:
                yield Static(literal(self.t("summary.skipped")), id="summary-skipped")
                for step, exercise in skipped:
                    label = self.t("summary.go_back", label=exercise_label(exercise))
                    yield Button(literal(label), id=f"step-{step}", classes="back-to")
            with Horizontal(id="summary-buttons"):
                if self.following is not None:
                    label = self.t("summary.next", title=one_line(self.following.title, 30))
                    yield Button(literal(label), id="next", variant="primary")
                if self.following is None:  # the course's last lesson: a real ending
                    yield Button(literal(self.t("summary.course")), id="course")
                yield Button(literal(self.t("summary.home")), id="home")

    def _lines(self) -> Content:
        if self.score is None:
            lines = [literal(self.t("summary.no_exercises"))]
        else:
            lines = [literal(self.t("summary.score", score=self.score), "bold")]
        for exercise in self.lesson.exercises:
            label = exercise_label(exercise)
            best = self.best.get(exercise.id)
            if best is None:
                lines.append(literal(self.t("summary.not_tried", id=label), "$text-muted"))
            else:
                passed = best >= exercise.pass_score
                mark = "✓" if passed else "✗"
                style = "$success" if passed else "$warning"
                lines.append(
                    literal(self.t("summary.exercise", mark=mark, id=label, score=best), style)
                )
        if self.saved:
            lines.append(literal(self.t("summary.saved"), "$text-muted"))
        return Content("\n").join(lines)

    def _skipped(self) -> list[tuple[int, AnyExercise]]:
        """(step index, exercise) of every exercise the learner has not tried."""
        return [
            (index, exercise)
            for index, step in enumerate(self.lesson.steps)
            for exercise in step.exercises
            if exercise.id not in self.best
        ]

    def on_mount(self) -> None:
        # The way on first; the way back to a skipped exercise is one Tab away.
        self.query_one("#summary-buttons Button", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "home")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
