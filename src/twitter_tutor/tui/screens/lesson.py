"""One lesson, one step at a time: the step's Markdown, its exercises, and the way on.

Only the current step is mounted: Textual's Markdown widget takes about a second for three
pages, so a long lesson rendered whole would freeze; a step is a screenful or two.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Header,
    Markdown,
    ProgressBar,
    RadioSet,
    Static,
    TextArea,
)

from twitter_tutor.content.lesson import Lesson, MarkdownBlock, Step
from twitter_tutor.content.loader import markdown_parser
from twitter_tutor.content.models import AnyExercise
from twitter_tutor.content.render_limits import MAX_STEP_CHARS, too_heavy_to_render
from twitter_tutor.grading import AnswerError, grade, previewer
from twitter_tutor.grading.result import GradeResult
from twitter_tutor.texts import tn
from twitter_tutor.tui.literal import clean, literal
from twitter_tutor.tui.messages import GoHome, OpenLesson
from twitter_tutor.tui.screens.base import TutorScreen
from twitter_tutor.tui.screens.summary import SummaryScreen
from twitter_tutor.tui.widgets.exercise import SYNC_CHARS, ExerciseWidget
from twitter_tutor.tui.widgets.footer import KeysFooter
from twitter_tutor.tui.widgets.letting_go import forget_closed_watchers
from twitter_tutor.tui.widgets.registry import EXERCISE_WIDGETS
from twitter_tutor.tui.widgets.tweet_card import TweetCard
from twitter_tutor.tutor.session import Session


class LessonScreen(TutorScreen):
    # The layout beside it as DEFAULT_CSS, not a CSS_PATH: Textual reads a screen's CSS_PATH
    # when it is first pushed, re-parsing every stylesheet of the app and restyling every
    # widget (30-80 ms: issue 17); DEFAULT_CSS is parsed alone, scoped to this screen.
    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text("utf-8")
    BINDINGS: ClassVar[list[BindingType]] = [
        # On an exercise step, wherever the focus is (e.g. on Next after Escape).
        Binding("ctrl+s", "check", "key.submit"),
        # In a text box, Escape only leaves the box (then → moves on again).
        Binding("escape", "leave_box", "key.leave_box"),
        Binding("escape", "app.home", "key.back"),
        Binding("left,p", "previous", "key.previous"),
        Binding("right,n", "next", "key.next"),
        Binding("down", "scroll('down')", show=False),
        Binding("up", "scroll('up')", show=False),
        Binding("pagedown", "scroll('page_down')", show=False),
        Binding("pageup", "scroll('page_up')", show=False),
    ]

    def __init__(self, session: Session, lesson: Lesson, step: int = 0) -> None:
        super().__init__(session)
        self.lesson = lesson
        self.index = max(0, min(step, len(lesson.steps) - 1))
        self.gone = False
        """The lesson broke under `--watch`; the steps stay hidden until it is fixed."""
        self._worked_in: ExerciseWidget | None = None
        """The exercise of this step the learner last had focus in: what Ctrl+S checks."""
        self._last_box: TextArea | None = None
        """The text box of this step the learner last had focus in: where typing goes."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="lesson-bar"):
            yield Static("", id="step-label")
            yield ProgressBar(
                total=len(self.lesson.steps),
                show_eta=False,
                show_percentage=False,
                id="lesson-progress",
            )
        yield VerticalScroll(id="body")
        with Horizontal(id="nav"):
            # Compact: one line instead of three, for the text on a 24-line terminal.
            yield Button(literal(self.t("lesson.previous")), id="previous", compact=True)
            yield Static("", id="nav-space")
            yield Button(literal(self.t("lesson.next")), id="next", variant="primary", compact=True)
        # Compact: an exercise step shows the most keys, and German names are long.
        yield KeysFooter(compact=True)

    async def on_mount(self) -> None:
        self.title = self.t("app.title")
        sweep_fully_between_steps(True)
        await self.show_step(self.index)

    def on_unmount(self) -> None:
        sweep_fully_between_steps(False)

    # -- steps ------------------------------------------------------------------------------

    async def show_step(self, index: int, *, keep_scroll: bool = False) -> None:
        """Show step `index`; `keep_scroll` (a `--watch` reload of the same step) keeps the
        trainer's place on the page instead of jumping to its top."""
        steps = self.lesson.steps
        self.index = index = max(0, min(index, len(steps) - 1))
        self.sub_title = clean(self.lesson.title)
        body = self.query_one("#body", VerticalScroll)
        where = body.scroll_y
        self._worked_in = self._last_box = None
        if self.focused is not None and body in self.focused.ancestors:
            # Off the step before it goes: Textual would otherwise hunt for the next focus
            # through the whole screen and land on the page (restyling all of it), and again
            # when the new step's first control takes over.
            self.set_focus(self.query_one("#next", Button), scroll_visible=False)
        await body.remove_children()
        release_render_caches()
        forget_closed_watchers(self.app)  # the header of a lesson closed before, among others
        await collect_step_garbage()
        await body.mount_all(list(self._step_widgets(steps[index])))
        if keep_scroll:
            body.call_after_refresh(body.scroll_to, y=where, animate=False)
        else:
            body.scroll_home(animate=False)
        self.query_one("#step-label", Static).update(
            literal(self.t("lesson.step", step=index + 1, steps=len(steps)))
        )
        self.query_one(ProgressBar).update(progress=index + 1)
        self.query_one("#previous", Button).disabled = index == 0
        self.query_one("#next", Button).disabled = False
        last = index == len(steps) - 1
        self.query_one("#next", Button).label = literal(
            self.t("lesson.finish" if last else "lesson.next")
        )
        self.session.visit(self.lesson.id, index)
        self._focus_start()
        self.refresh_bindings()  # Ctrl+S comes and goes with the step's exercises

    def _step_widgets(self, step: Step) -> Iterator[Widget]:
        heading = f"# {self.lesson.title}" if step.is_opening else f"## {step.title}"
        blocks = list(step.blocks)
        if not blocks or not isinstance(blocks[0], MarkdownBlock):
            yield Markdown(clean(heading), classes="step-text")
        for n, block in enumerate(blocks):
            if isinstance(block, MarkdownBlock):
                text = f"{heading}\n\n{block.text}" if n == 0 else block.text
                yield step_text_widget(text)
            else:
                yield self._exercise_widget(block.exercise)

    def _exercise_widget(self, exercise: AnyExercise) -> ExerciseWidget:
        widget = EXERCISE_WIDGETS[exercise.type]
        history = self.session.attempts(self.lesson.id, exercise.id)
        draft = self.session.draft(self.lesson.id, exercise.id)
        if draft is None and history:
            draft = widget.draft_from(history[-1].answer)
        return widget(
            exercise,
            lang=self.session.lang,
            content_lang=self.lesson.lang,
            history=history,
            draft=draft,
            tz=self.session.tz,
            preview=previewer(exercise, self.lesson.lang, self.lesson.words),
        )

    def _focus_start(self) -> None:
        # With an exercise on the page, the learner can answer right away; without scrolling
        # to it, so the step's text stays in view.
        exercise = next(iter(self.query(ExerciseWidget)), None)
        target = next((w for w in exercise.query("*") if w.focusable), None) if exercise else None
        (target or self.query_one("#next", Button)).focus(scroll_visible=False)

    async def action_next(self) -> None:
        if self.gone:
            return
        untried = self._untried_here()
        if untried:
            # Skipping is allowed, never silent: the summary lists it and leads back to it.
            text = tn(self.session.lang, "lesson.skipped", len(untried))
            self.notify(text, markup=False)
        if self.index < len(self.lesson.steps) - 1:
            await self.show_step(self.index + 1)
        else:
            self.finish()

    def _untried_here(self) -> list[str]:
        exercises = self.lesson.steps[self.index].exercises
        tried = {a.exercise_id for a in self.session.attempts(self.lesson.id)}
        return [e.id for e in exercises if e.id not in tried]

    async def action_previous(self) -> None:
        if self.index > 0 and not self.gone:
            await self.show_step(self.index - 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_box":
            return isinstance(self.focused, TextArea)
        if action == "check":
            return not self.gone and self._exercise() is not None
        return True

    # -- where the learner works --------------------------------------------------------------

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        exercise = next(
            (a for a in event.widget.ancestors if isinstance(a, ExerciseWidget)), None
        )
        if exercise is not None:
            self._worked_in = exercise
            if isinstance(event.widget, TextArea):
                self._last_box = event.widget

    def _exercise(self) -> ExerciseWidget | None:
        """The exercise last worked in, else the step's first (None on a step without one)."""
        if self._worked_in is not None and self._worked_in.is_attached:
            return self._worked_in
        return next(iter(self.query(ExerciseWidget)), None)

    def _typing_box(self) -> TextArea | None:
        """The text box typing goes to: the last one used, else the nearest on the step."""
        if self._last_box is not None and self._last_box.is_attached:
            return self._last_box
        exercise = self._exercise()
        near = exercise.query(TextArea) if exercise is not None else self.query(TextArea)
        return next(iter(near), None) or next(iter(self.query(TextArea)), None)

    def action_check(self) -> None:
        exercise = self._exercise()
        if exercise is not None and not self.gone:
            exercise.action_submit()

    def on_key(self, event: events.Key) -> None:
        """Letters navigate only where nothing can be typed: on a step with a text box, a key
        typed elsewhere on the step goes into the box (focused, in view) instead of turning
        the page with `p` or `n`. Keys a control or the app binds keep working: space still
        selects an answer, `?` still opens the help."""
        character = event.character
        if not event.is_printable or character is None:
            return
        bound = self.active_bindings.get(event.key)
        if bound is not None and bound.node is not self:
            return
        box = self._typing_box()
        if box is None or box.read_only:
            return
        event.stop()
        event.prevent_default()
        box.focus()
        box.replace(character, *box.selection)

    def action_leave_box(self) -> None:
        self.query_one("#next", Button).focus(scroll_visible=False)

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#body", VerticalScroll)
        getattr(body, f"scroll_{direction}")(animate=False)

    @on(Button.Pressed, "#next")
    async def next_pressed(self) -> None:
        await self.action_next()

    @on(Button.Pressed, "#previous")
    async def previous_pressed(self) -> None:
        await self.action_previous()

    # -- answers ----------------------------------------------------------------------------

    def on_exercise_widget_submitted(self, message: ExerciseWidget.Submitted) -> None:
        lesson = self.lesson
        if len(message.answer_text) <= SYNC_CHARS:
            self._graded(lesson, message, self._grade(lesson, message))
            return
        # A long answer is graded in a thread (issue 17: the UI never waits 50 ms), by the
        # app, so it is saved even when the learner has left the step or the lesson by then.
        app = self.app

        def grade_in_thread() -> None:
            graded = self._grade(lesson, message)
            with suppress(RuntimeError):  # the tutor quit meanwhile; the draft is kept
                app.call_from_thread(self._graded, lesson, message, graded)

        app.run_worker(grade_in_thread, thread=True, group="grading")

    @staticmethod
    def _grade(lesson: Lesson, message: ExerciseWidget.Submitted) -> GradeResult | AnswerError:
        try:
            return grade(message.exercise, message.answer, lesson.lang, lesson.words)
        except AnswerError as error:
            return error

    def _graded(
        self, lesson: Lesson, message: ExerciseWidget.Submitted, graded: GradeResult | AnswerError
    ) -> None:
        if isinstance(graded, AnswerError):
            text = self.t("ex.grade_error", error=graded)
            self.app.notify(text, severity="warning", markup=False)
            return
        # Saved (committed) before the widget may say so; None means it could not be.
        attempt = self.session.record(lesson, message.exercise.id, message.answer_text, graded)
        if message.widget.is_attached:
            message.widget.show_result(graded, attempt)

    @on(TextArea.Changed)
    @on(RadioSet.Changed)
    @on(Checkbox.Changed)
    @on(TweetCard.Toggled)
    def keep_draft(self, event: Message) -> None:
        control = getattr(event, "control", None)
        owner = next(
            (
                a
                for a in getattr(control, "ancestors_with_self", [])
                if isinstance(a, ExerciseWidget)
            ),
            None,
        )
        if owner is not None:
            self.session.keep_draft(self.lesson.id, owner.exercise.id, owner.draft())

    # -- the end ----------------------------------------------------------------------------

    def finish(self) -> None:
        score, best = self.session.lesson_score(self.lesson)
        saved = self.session.complete(self.lesson.id, score)
        following = self.session.next_lesson(self.lesson.id)
        summary = SummaryScreen(self.session, self.lesson, score, best, following, saved=saved)
        self.app.push_screen(summary, self._after_summary)

    def _after_summary(self, choice: str | None) -> None:
        following = self.session.next_lesson(self.lesson.id)
        if choice == "next" and following is not None and following.lesson_id is not None:
            self.post_message(OpenLesson(following.lesson_id, 0))
        elif choice == "course":
            from twitter_tutor.tui.screens.course_summary import CourseSummaryScreen

            self.app.push_screen(CourseSummaryScreen(self.session), self._after_summary)
        elif choice is not None and choice.startswith("step-"):
            self.post_message(OpenLesson(self.lesson.id, int(choice.removeprefix("step-"))))
        else:
            self.post_message(GoHome())

    def course_changed(self) -> None:
        """`--watch` reloaded the course: show the edited lesson, or why it is broken now."""
        file = self.session.find(self.lesson.id)
        if file is None or file.lesson is None:
            self.gone = True
            problems = [str(p) for p in file.problems] if file is not None else []
            text = self.t("lesson.gone", problem="\n".join(problems[:3]) or self.lesson.path)
            body = self.query_one("#body", VerticalScroll)
            body.remove_children()
            body.mount(Static(literal(text), classes="gone"))
            for button in self.query("#nav Button").results(Button):
                button.disabled = True
        elif (
            self.gone
            or file.lesson.content_hash != self.lesson.content_hash
            # Its folder's `_words.toml` changed: grading and the live checks use the new words.
            or file.lesson.words != self.lesson.words
        ):
            self.gone = False
            self.lesson = file.lesson
            self.query_one(ProgressBar).update(total=len(file.lesson.steps))
            self.call_later(partial(self.show_step, self.index, keep_scroll=True))


FULL_SWEEP_EVERY = 1_000
"""While a lesson is open, a full sweep of the garbage collector runs on its own after this
many sweeps of the younger generations (Python's default: 10), besides the one at each step."""


_open_lessons = 0
_full_sweep_default = gc.get_threshold()[2]


def sweep_fully_between_steps(lesson_opened: bool) -> None:
    """While a lesson screen is open (`lesson_opened`, then False when it closes), the full
    sweeps of the garbage collector run when a step is replaced (`collect_step_garbage`),
    almost never in the middle of laying out and painting one."""
    global _open_lessons, _full_sweep_default
    if lesson_opened and _open_lessons == 0:
        _full_sweep_default = gc.get_threshold()[2]
    _open_lessons = max(0, _open_lessons + (1 if lesson_opened else -1))
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_SWEEP_EVERY if _open_lessons else _full_sweep_default)


async def collect_step_garbage() -> None:
    """A full sweep of the garbage collector right after a step is removed, in a turn of the
    event loop of its own: the step's widgets are cycles that only a full sweep frees, and the
    sweep that Python would start by itself a moment later, in the middle of laying out and
    painting the next step, added its 30-100 ms to theirs (issue 17). Walking what lives since
    the course loaded (frozen then) takes a few tens of milliseconds, alone."""
    await asyncio.sleep(0)
    gc.collect()
    await asyncio.sleep(0)


def release_render_caches() -> None:
    """Empty Textual's memos of geometry and line colours when a step is replaced.

    They keep up to some 30,000 entries (a colour lookup even keeps the line cache of each of
    the last 1,024 widgets ever shown, with all their lines), some 100,000 objects that each
    full sweep of the garbage collector walks again (issue 17). They are only shortcuts:
    filled again as the next step paints, for the cost of a few sums."""
    try:
        from textual import geometry
        from textual._styles_cache import StylesCache
    except ImportError:  # another Textual: nothing known to let go of
        return
    memos = [StylesCache.get_inner_outer]
    for kind in (geometry.Offset, geometry.Size, geometry.Region, geometry.Spacing):
        memos += vars(kind).values()
    for memo in memos:
        cache_clear = getattr(memo, "cache_clear", None)
        if callable(cache_clear):
            cache_clear()


def step_text_widget(text: str) -> Widget:
    """The step's Markdown, or plain text when it is too big for the Markdown widget.

    `check` rejects such lessons; this bound holds for whatever reaches the screen anyway,
    since one oversized table would otherwise freeze the tutor for seconds.
    """
    if too_heavy_to_render(text, markdown_parser().parse(text)):
        return Static(literal(text[:MAX_STEP_CHARS]), classes="step-text")
    # Markdown is the lesson's own markup; only control characters are defused,
    # since the widget would pass an ESC straight to the terminal.
    return Markdown(clean(text), classes="step-text")
