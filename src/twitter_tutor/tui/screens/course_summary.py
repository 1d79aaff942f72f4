"""The end of the course: the learner's course summary, the same Markdown as
`twitter-tutor progress --summary`, with how to keep it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Markdown, Static

from twitter_tutor.tui.literal import clean, literal
from twitter_tutor.tui.screens.base import TutorModal
from twitter_tutor.tui.styles import tcss
from twitter_tutor.tutor.course_summary import to_markdown


class CourseSummaryScreen(TutorModal):
    CSS_PATH = tcss("screens/course_summary.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "key.back")]

    def compose(self) -> ComposeResult:
        text = to_markdown(self.session.course_summary(), self.session.lang)
        with Vertical(id="course-summary"):
            with VerticalScroll(id="course-summary-body"):
                # Learner text in it is escaped by to_markdown; controls are defused here.
                yield Markdown(clean(text))
            yield Static(literal(self.t("course_summary.export")), id="course-summary-export")
            yield Button(literal(self.t("course_summary.close")), id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss("home")

    def action_close(self) -> None:
        self.dismiss("home")
