"""The course map: a focused Continue button, then every lesson with its state."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Footer, Header, OptionList, Static

from twitter_tutor.tui.literal import literal
from twitter_tutor.tui.messages import OpenLesson, OpenReview
from twitter_tutor.tui.screens.base import TutorScreen
from twitter_tutor.tui.widgets.course_list import CourseList


class HomeScreen(TutorScreen):
    AUTO_FOCUS = "#continue"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "review", "key.review"),
        Binding("l", "app.switch_language", "key.language"),
        # From the Continue button, ↓ goes on to the lessons, as a learner expects;
        # the lesson list handles ↓ itself once it has focus, and ↑ on its first lesson
        # comes back here instead of wrapping around to the last one.
        Binding("down", "focus_lessons", show=False),
        Binding("up", "focus_continue", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="top"):
            yield Static(literal(self.t("app.loading")), id="welcome")
            yield Button(literal(self.t("app.loading")), id="continue", variant="primary")
        yield Static(literal(self.t("home.lessons")), id="lessons-title")
        yield CourseList(self.session.lang, id="lessons")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.t("app.title")

    def on_screen_resume(self) -> None:
        # At start, and back from a lesson: its state and the Continue target have moved.
        if self.session.entries is not None:
            self.course_changed()

    def course_changed(self) -> None:
        rows = self.session.lesson_entries()
        progress = self.session.progress()
        self.query_one(CourseList).show(rows, progress)
        done, total = self.session.completion(progress)
        welcome = (
            self.t("home.welcome_back", done=done, total=total)
            if progress
            else self.t("home.welcome")
        )
        self.query_one("#welcome", Static).update(literal(welcome))
        self.query_one("#continue", Button).label = literal(self._continue_label())

    def _continue_label(self) -> str:
        resume = self.session.resume()
        row = resume.lesson
        if row is None:
            return self.t("home.all_done") if resume.kind == "done" else self.t("home.no_lessons")
        if resume.kind == "start":
            return self.t("home.start", title=row.title)
        if resume.kind == "next" and resume.step == 0:
            return self.t("home.next_lesson", title=row.title)
        return self.t("home.continue", title=row.title, step=resume.step + 1, steps=row.steps)

    @on(Button.Pressed, "#continue")
    def resume(self) -> None:
        if self.session.entries is None:
            return
        target = self.session.resume()
        if target.kind == "done":
            self.post_message(OpenReview())
        elif target.lesson is not None and target.lesson.lesson_id is not None:
            self.post_message(OpenLesson(target.lesson.lesson_id, target.step))

    @on(OptionList.OptionSelected, "#lessons")
    def open_selected(self, event: OptionList.OptionSelected) -> None:
        row = self.query_one(CourseList).row(event.option_id)
        if row is None:
            return
        if not row.openable or row.lesson_id is None:
            problems = "\n".join(row.problems) or row.title
            text = self.t("home.broken_notice", problems=problems)
            self.notify(text, severity="error", timeout=10, markup=False)
        else:
            self.post_message(OpenLesson(row.lesson_id))

    def action_focus_lessons(self) -> None:
        self.query_one(CourseList).focus()

    def action_focus_continue(self) -> None:
        self.query_one("#continue", Button).focus()

    def action_review(self) -> None:
        self.post_message(OpenReview())
