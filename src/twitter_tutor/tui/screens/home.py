"""The course map: a focused Continue button, then every lesson with its state.

The first frame shows the lessons as a picture (`LessonRows`); the interactive CourseList
takes its place as soon as that frame is drawn, looking the same (issue 17: building and
drawing the list cost a tenth of a bare Textual app's start). A key that asks for the list
before then (↓, Tab, Shift+Tab) puts it in place at once, so no key is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Footer, Header, OptionList, Static

from twitter_tutor.tui.literal import literal
from twitter_tutor.tui.screens.base import TutorScreen
from twitter_tutor.tui.widgets.course_list import CourseList, LessonRows

if TYPE_CHECKING:
    from textual.css.query import QueryType
    from textual.widget import Widget


class ContinueButton(Button, inherit_css=False):
    """The primary Button, drawn exactly like one, with only the rules that style it.

    Button's DEFAULT_CSS styles every variant in flat, ANSI and compact forms too; parsing it
    cost about 8 ms before the first paint. The rules below are Button's rules for the
    default (not flat) primary variant in Textual 8, flattened into one class; a test
    compares every state (focus, hover, pressed, disabled) in both themes with a real
    Button's (tests/tui/test_startup_widgets.py)."""

    DEFAULT_CSS = """
    ContinueButton {
        width: auto;
        min-width: 16;
        height: auto;
        line-pad: 1;
        text-align: center;
        content-align: center middle;
        pointer: pointer;
        text-style: bold;
        color: $button-color-foreground;
        background: $primary;
        border: none;
        border-top: tall $primary-lighten-3;
        border-bottom: tall $primary-darken-3;
        link-background: $link-background;
        link-color: $link-color;
        link-style: $link-style;
        link-background-hover: $link-background-hover;
        link-color-hover: $link-color-hover;
        link-style-hover: $link-style-hover;
        &:disabled {
            text-opacity: 0.6;
            pointer: not-allowed;
        }
        &:focus {
            text-style: $button-focus-text-style;
            background-tint: $foreground 5%;
        }
        &:hover {
            background: $primary-darken-2;
            border-top: tall $primary;
        }
        &.-active {
            background: $primary;
            border-bottom: tall $primary-lighten-3;
            border-top: tall $primary-darken-3;
            tint: $background 30%;
        }
    }
    """


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
        # No container around these two: one widget fewer to build and lay out (start-up).
        yield Static(literal(self.t("app.loading")), id="welcome")
        yield ContinueButton(literal(self.t("app.loading")), id="continue", variant="primary")
        yield Static(literal(self.t("home.lessons")), id="lessons-title")
        yield LessonRows(self.session.lang, id="lessons-picture")
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
        for lessons in self.query("#lessons, #lessons-picture"):
            if isinstance(lessons, CourseList | LessonRows):
                lessons.show(rows, progress)
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
        from twitter_tutor.tui.messages import OpenLesson, OpenReview  # not for the first frame

        target = self.session.resume()
        if target.kind == "done":
            self.post_message(OpenReview())
        elif target.lesson is not None and target.lesson.lesson_id is not None:
            self.post_message(OpenLesson(target.lesson.lesson_id, target.step))

    def on_lesson_rows_painted(self, _message: LessonRows.Painted) -> None:
        self._course_list()

    def focus_next(self, selector: str | type[QueryType] = "*") -> Widget | None:
        self._course_list()  # Tab goes on to the lessons, so they must be the list
        return super().focus_next(selector)

    def focus_previous(self, selector: str | type[QueryType] = "*") -> Widget | None:
        self._course_list()
        return super().focus_previous(selector)

    def _course_list(self) -> CourseList:
        """The lesson list, put in the place of the first frame's picture if not yet there."""
        found = self.query(CourseList)
        if found:
            return found.first()
        picture = self.query_one(LessonRows)
        course_list = CourseList(
            self.session.lang, id="lessons", region_width=picture.region_width
        )
        course_list.show(picture.rows, picture.progress)
        self.mount(course_list, after=picture)
        picture.remove()
        return course_list

    @on(OptionList.OptionSelected, "#lessons")
    def open_selected(self, event: OptionList.OptionSelected) -> None:
        row = self._course_list().row(event.option_id)
        if row is None:
            return
        if not row.openable or row.lesson_id is None:
            problems = "\n".join(row.problems) or row.title
            text = self.t("home.broken_notice", problems=problems)
            self.notify(text, severity="error", timeout=10, markup=False)
        else:
            from twitter_tutor.tui.messages import OpenLesson

            self.post_message(OpenLesson(row.lesson_id))

    def action_focus_lessons(self) -> None:
        # At once, not after the next message (as `focus()` would): a key typed right after
        # this one already goes to the list.
        self.set_focus(self._course_list())

    def action_focus_continue(self) -> None:
        self.query_one("#continue", Button).focus()

    def action_review(self) -> None:
        from twitter_tutor.tui.messages import OpenReview

        self.post_message(OpenReview())
