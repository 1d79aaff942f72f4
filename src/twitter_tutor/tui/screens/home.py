"""The course map: a focused Continue button, then every lesson with its state."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Footer, Header, OptionList, Static

from twitter_tutor.tui.literal import literal
from twitter_tutor.tui.messages import OpenLesson, OpenReview
from twitter_tutor.tui.screens.base import TutorScreen
from twitter_tutor.tui.styles import tcss
from twitter_tutor.tui.widgets.course_list import CourseList

if TYPE_CHECKING:
    from twitter_tutor.content.lesson import LessonFile


class HomeScreen(TutorScreen):
    CSS_PATH = tcss("screens/home.tcss")
    AUTO_FOCUS = "#continue"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "review", "key.review"),
        Binding("l", "app.switch_language", "key.language"),
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
        if self.session.course is not None:
            self.course_changed()

    def on_screen_resume(self) -> None:
        # Back from a lesson: its state and the Continue target have moved.
        if self.session.course is not None:
            self.course_changed()

    def course_changed(self) -> None:
        files = self.session.lesson_files()
        progress = self.session.progress()
        self.query_one(CourseList).show(files, progress)
        working = [f for f in files if f.lesson is not None]
        done = sum(
            1
            for f in working
            if f.lesson and (p := progress.get(f.lesson.id)) and p.state == "completed"
        )
        welcome = (
            self.t("home.welcome_back", done=done, total=len(working))
            if progress
            else self.t("home.welcome")
        )
        self.query_one("#welcome", Static).update(literal(welcome))
        self.query_one("#continue", Button).label = literal(self._continue_label())

    def _continue_label(self) -> str:
        resume = self.session.resume()
        lesson = resume.lesson.lesson if resume.lesson else None
        if resume.kind == "empty" or lesson is None:
            return self.t("home.all_done") if resume.kind == "done" else self.t("home.no_lessons")
        if resume.kind == "start":
            return self.t("home.start", title=lesson.title)
        if resume.kind == "next" and resume.step == 0:
            return self.t("home.next_lesson", title=lesson.title)
        return self.t(
            "home.continue", title=lesson.title, step=resume.step + 1, steps=len(lesson.steps)
        )

    @on(Button.Pressed, "#continue")
    def resume(self) -> None:
        if self.session.course is None:
            return
        target = self.session.resume()
        if target.kind == "done":
            self.post_message(OpenReview())
        elif target.lesson is not None and target.lesson.lesson is not None:
            self.post_message(OpenLesson(target.lesson.lesson.id, target.step))

    @on(OptionList.OptionSelected, "#lessons")
    def open_selected(self, event: OptionList.OptionSelected) -> None:
        course = self.query_one(CourseList)
        row = next((r for r in course.rows if r.key == event.option_id), None)
        if row is None:
            return
        if row.file.lesson is None:
            self._explain_broken(row.file)
        else:
            self.post_message(OpenLesson(row.file.lesson.id))

    def _explain_broken(self, file: LessonFile) -> None:
        problems = "\n".join(str(p) for p in file.problems[:3]) or str(file.path)
        self.notify(
            self.t("home.broken_notice", problems=problems),
            severity="error",
            timeout=10,
            markup=False,
        )

    def action_review(self) -> None:
        self.post_message(OpenReview())
