"""What every exercise widget shares: a check button, the result area and earlier attempts.

Attributes down, messages up: a widget only collects the learner's answer and posts
`Submitted`; the lesson screen grades it, saves it and hands the result back with
`show_result`, so no widget touches grading or the store. Live feedback too comes down as an
attribute: the screen hands a compose or plan widget its `preview` function.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from functools import partial
from typing import ClassVar

from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Static

from twitter_tutor.content.models import AnyExercise
from twitter_tutor.grading.answers import Answer
from twitter_tutor.grading.preview import Preview, Previewer
from twitter_tutor.grading.result import GradeResult
from twitter_tutor.progress.models import Attempt
from twitter_tutor.tui.literal import literal
from twitter_tutor.tui.visibility import in_view
from twitter_tutor.tui.widgets.answer_radios import AnswerRadios
from twitter_tutor.tui.widgets.feedback import GradeFeedback, Line
from twitter_tutor.tui.widgets.history import AttemptHistory
from twitter_tutor.tutor.drafts import Draft
from twitter_tutor.tutor.i18n import t


class ExerciseWidget(Vertical):
    DEFAULT_CSS = """
    ExerciseWidget {
        height: auto;
        border: round $primary 60%;
        border-title-color: $text-primary;
        padding: 0 1;
        margin: 1 0;
    }
    ExerciseWidget:focus-within {
        border: round $primary;
    }
    ExerciseWidget .question {
        margin-bottom: 0;
    }
    ExerciseWidget .hint {
        color: $text-muted;
    }
    ExerciseWidget .submit-row {
        height: auto;
        margin-top: 1;
    }
    ExerciseWidget .saved {
        width: 1fr;
        padding: 1 2;
        color: $text-success;
    }
    ExerciseWidget .saved.-failed {
        color: $text-error;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "key.submit"),
        # Cards, answers and buttons pass ↑/↓ up to here (a text box keeps them for its cursor).
        Binding("down", "move_focus(1)", show=False),
        Binding("up", "move_focus(-1)", show=False),
    ]

    @dataclass
    class Submitted(Message):
        widget: ExerciseWidget
        exercise: AnyExercise
        answer: Answer
        answer_text: str
        """The answer as stored: the tweet, tweets one per line, or numbers like "1,3"."""

    def __init__(
        self,
        exercise: AnyExercise,
        *,
        lang: str,
        content_lang: str,
        history: list[Attempt],
        draft: Draft | None = None,
        tz: tzinfo | None = None,
        preview: Previewer | None = None,
    ) -> None:
        super().__init__(classes="exercise")
        self.exercise = exercise
        self.lang = lang
        self.content_lang = content_lang
        """The lesson's language: what live checks explain themselves in."""
        self.history = history
        self.initial_draft = draft
        self.tz = tz
        self.preview = preview
        """Live feedback on the texts typed (grading.previewer), for the types that have it."""

    def t(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)

    # -- for subclasses ---------------------------------------------------------------------

    def compose_answer(self) -> ComposeResult:
        """The widgets the learner answers with."""
        yield from ()

    def collect(self) -> tuple[Answer, str] | None:
        """(answer to grade, answer to store), or None after telling the learner what's missing."""
        raise NotImplementedError

    def draft(self) -> Draft:
        """What the learner has entered, kept as it changes and restored on coming back."""
        return ()

    @classmethod
    def draft_from(cls, answer: str) -> Draft:
        """A stored answer as a draft: coming back, the learner revises their last try."""
        return (answer,)

    def draft_slot(self, slot: int) -> str:
        """One slot of the draft this widget was opened with ("" when there is none)."""
        draft = self.initial_draft or ()
        return draft[slot] if slot < len(draft) else ""

    def mark(self, result: GradeResult) -> None:
        """Show per-item feedback in the answer widgets themselves."""

    def feedback_lines(self, result: GradeResult) -> list[Line]:
        """This type's feedback below the verdict (none: the answer widgets show it all)."""
        return []

    def flush(self) -> None:
        """Bring live feedback up to date now (a pending debounce would lag the verdict)."""

    def compose_buttons(self) -> ComposeResult:
        """More buttons beside "Check answer" (none by default)."""
        yield from ()

    # -- keys -------------------------------------------------------------------------------

    def action_move_focus(self, step: int) -> None:
        """↑/↓ between this exercise's controls, both ways and without wrapping around.

        Where the focused control is scrolled out of view, or at the first or last control,
        the key passes on to the page, which scrolls: a step opens with its first control
        focused but its text in view, and ↓ reads on down to the exercise first.
        """
        focused = self.screen.focused
        if focused is None or not in_view(_spot(focused)):
            raise SkipAction()
        controls = [w for w in self.screen.focus_chain if self in w.ancestors]
        target = controls.index(focused) + step if focused in controls else -1
        if not 0 <= target < len(controls):
            raise SkipAction()
        controls[target].focus()  # and scrolled into view

    def on_key(self, event: events.Key) -> None:
        # Enter or space on an answer or card the learner cannot see (the step opened with it
        # focused below its text) shows it instead of choosing blind. A button still acts:
        # what it does shows itself.
        focused = self.screen.focused
        if event.key in ("enter", "space") and focused is not None:
            if isinstance(focused, Button):
                return
            spot = _spot(focused)
            if not in_view(spot):
                event.stop()
                event.prevent_default()
                spot.scroll_visible(animate=False)

    # -- shared -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield from self.compose_answer()
        with Horizontal(classes="submit-row"):
            yield Button(literal(self.t("ex.submit")), classes="submit", variant="primary")
            yield from self.compose_buttons()
            yield Static("", classes="saved")
        yield GradeFeedback(self.lang)
        yield AttemptHistory(self.lang, self.history, self.tz)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.has_class("submit"):
            event.stop()
            self.action_submit()

    def action_submit(self) -> None:
        self.flush()
        collected = self.collect()
        if collected is not None:
            answer, text = collected
            self.post_message(self.Submitted(self, self.exercise, answer, text))

    def show_result(self, result: GradeResult, attempt: Attempt | None) -> None:
        """The graded answer; `attempt` is the stored record, None when saving failed."""
        self.mark(result)
        feedback = self.query_one(GradeFeedback)
        feedback.show(result, self.feedback_lines(result))
        # The verdict at the top of the view, the details below it.
        self.call_after_refresh(feedback.scroll_visible, top=True, animate=False)
        saved = self.query_one(".saved", Static)
        saved.update(literal(self.t("ex.saved" if attempt else "ex.not_saved")))
        saved.set_class(attempt is None, "-failed")
        self.query_one(".submit", Button).label = literal(self.t("ex.submit_again"))
        if attempt is not None:
            self.query_one(AttemptHistory).add(attempt)

    def tell(self, key: str) -> None:
        self.notify(self.t(key), severity="warning", markup=False)


def _spot(focused: Widget) -> Widget:
    """Where the focus really is: in a radio set, the highlighted answer."""
    if isinstance(focused, AnswerRadios):
        return focused.highlighted_button or focused
    return focused


class NumberedExerciseWidget(ExerciseWidget):
    """Choice and pick: the answer is the set of numbers the learner selected."""

    def _chosen(self) -> frozenset[int]:
        raise NotImplementedError

    def collect(self) -> tuple[Answer, str] | None:
        chosen = self._chosen()
        if not chosen:
            self.tell("ex.nothing_chosen")
            return None
        return chosen, ",".join(str(n) for n in sorted(chosen))

    def draft(self) -> Draft:
        return (",".join(str(n) for n in sorted(self._chosen())),)

    def drafted_numbers(self) -> frozenset[int]:
        return frozenset(int(n) for n in self.draft_slot(0).split(",") if n.strip().isdigit())


DEBOUNCE_S = 0.15

LIVE_CHARS = 4_000
"""Live feedback looks at this much of the text at most: far more than a tweet can hold (280
weighted characters, a URL counts 23), so a huge paste never stalls typing; checking the
answer still grades all of it."""

SYNC_CHARS = 1_000
"""Texts up to this long (all boxes of an exercise together) are analysed on the UI thread
where the answer must be up to date at once: when a step opens and right before a check
(a few milliseconds). Longer ones, and every update while the learner types, are analysed in
a thread, so the UI never waits for analysis (issue 17: no block over 50 ms)."""


def live_text(text: str) -> tuple[str, bool]:
    """What live feedback analyses, and whether the text was cut to it."""
    if len(text) <= LIVE_CHARS:
        return text, False
    return text[:LIVE_CHARS], True


def is_short(texts: tuple[str, ...]) -> bool:
    """Short enough to analyse or grade on the UI thread (`SYNC_CHARS`)."""
    return sum(len(text) for text in texts) <= SYNC_CHARS


class LiveExerciseWidget(ExerciseWidget):
    """Compose and plan: live feedback 150 ms after the last keystroke.

    Typing only restarts a timer, so a keystroke never waits for analysis; when it fires, the
    texts are analysed in a thread (one at a time per exercise; what was typed meanwhile is
    analysed next) and the result is shown when it is back, if the texts are still the same.
    """

    @dataclass
    class LiveReady(Message):
        texts: tuple[str, ...]
        preview: Preview

    _debounce: Timer | None = None
    _analysing = False
    """A thread is analysing the texts; when it is back, what changed meanwhile is next."""
    _shown: tuple[str, ...] | None = None
    """The texts whose live feedback is on screen."""

    def live_input(self) -> tuple[str, ...]:
        """The texts typed now, one per tweet."""
        raise NotImplementedError

    def show_live(self, texts: tuple[str, ...], live: Preview) -> None:
        """Show live feedback on `texts` (as typed; cut to LIVE_CHARS by `live_text`)."""
        raise NotImplementedError

    def start_live(self) -> None:
        """The first live feedback, when the step opens: at once for short texts (the step's
        first frame shows it), in a thread for long ones."""
        if is_short(self.live_input()):
            self.refresh_live()
        else:
            self.update_live()

    def schedule_live(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_S, self.update_live)

    def flush(self) -> None:
        """Before a check: short texts are brought up to date at once; long ones in a thread,
        beside their grading (also in a thread)."""
        pending = self._debounce is not None or self._analysing
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        if pending and is_short(self.live_input()):
            self.refresh_live()
        elif pending:
            self.update_live()

    def refresh_live(self) -> None:
        """Recompute the live feedback from what is typed now, on this thread."""
        texts = self.live_input()
        self._show(texts, self.live(_cut(texts)))

    def update_live(self) -> None:
        """Recompute the live feedback from what is typed now, in a thread."""
        self._debounce = None
        texts = self.live_input()
        if self._analysing or texts == self._shown:
            return  # a thread is at it (and looks again when done), or nothing changed
        self._analysing = True
        self.run_worker(partial(self._analyse, texts), thread=True, group="live")

    def _analyse(self, texts: tuple[str, ...]) -> None:
        """In a thread: analysis only; the widgets are updated on the UI thread."""
        self.post_message(self.LiveReady(texts, self.live(_cut(texts))))

    def on_live_exercise_widget_live_ready(self, message: LiveReady) -> None:
        message.stop()
        self._analysing = False
        if message.texts == self.live_input():
            self._show(message.texts, message.preview)
        else:
            self.update_live()  # typed on meanwhile: what is there now

    def _show(self, texts: tuple[str, ...], preview: Preview) -> None:
        self._shown = texts
        self.show_live(texts, preview)

    def live(self, texts: tuple[str, ...]) -> Preview:
        """The preview of `texts` (one per tweet), from the function the screen handed down."""
        if self.preview is None:
            raise RuntimeError(f"a {self.exercise.type} widget needs its preview function")
        return self.preview(texts)


def _cut(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(live_text(text)[0] for text in texts)
