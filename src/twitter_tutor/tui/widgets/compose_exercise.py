"""Write a practice tweet: editor, weighted counter, live checklist and a highlighted preview.

Live feedback runs on a 150 ms debounce: typing only restarts a timer, so a keystroke never
waits for analysis, and the checklist follows within a blink of the learner pausing (the
analysis itself runs in a thread: see LiveExerciseWidget).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static, TextArea

from twitter_tutor.content.models import ComposeExercise, MaxLength
from twitter_tutor.grading.answers import Answer
from twitter_tutor.grading.preview import Preview
from twitter_tutor.grading.result import GradeResult
from twitter_tutor.tui.literal import literal
from twitter_tutor.tui.tweet_text import signal_spans
from twitter_tutor.tui.widgets.char_counter import CharCounter
from twitter_tutor.tui.widgets.checklist import Checklist
from twitter_tutor.tui.widgets.exercise import LiveExerciseWidget, is_short, live_text
from twitter_tutor.tui.widgets.feedback import Line, check_lines
from twitter_tutor.tui.widgets.tweet_area import TweetArea
from twitter_tutor.tui.widgets.tweet_card import TweetCard
from twitter_tutor.tutor.drafts import Draft

TWEET_LIMIT = 280


def length_limit(checks: list[object]) -> int:
    """The counter's limit: the exercise's own max_length, else Twitter's 280."""
    return next((c.limit for c in checks if isinstance(c, MaxLength)), TWEET_LIMIT)


class ComposeExerciseWidget(LiveExerciseWidget):
    DEFAULT_CSS = """
    ComposeExerciseWidget .tweet-input {
        height: 6;
        margin-top: 1;
    }
    ComposeExerciseWidget .meter {
        height: 1;
    }
    ComposeExerciseWidget .meter-title {
        width: 1fr;
        color: $text-muted;
    }
    """
    exercise: ComposeExercise
    _followed = False

    def compose_answer(self) -> ComposeResult:
        exercise = self.exercise
        yield Static(literal(exercise.prompt, "bold"), classes="question")
        if exercise.context is not None:
            yield Static(literal(self.t("ex.replying_to")), classes="hint")
            context = exercise.context
            yield TweetCard(
                context.author, context.handle, context.text, lang=self.lang, classes="context"
            )
        text = self.draft_slot(0)
        yield TweetArea(
            text,
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            classes="tweet-input",
        )
        with Horizontal(classes="meter"):
            yield Static(literal(self.t("ex.checklist")), classes="meter-title")
            yield CharCounter(length_limit(list(exercise.checks)))
        yield Checklist(self.lang)
        preview = TweetCard(
            self.t("ex.preview"), "", live_text(text)[0], lang=self.lang, classes="preview"
        )
        # A long draft's preview shows once its analysis is back from its thread (start_live).
        preview.display = is_short((text,))
        yield preview

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)  # a restored draft is continued, not overtyped
        self.start_live()

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        if not self._followed and self.query_one(TextArea).has_focus:
            # Once the learner types, bring the live checklist into view beside the box.
            self._followed = True
            self.call_after_refresh(self.query_one(Checklist).scroll_visible, animate=False)
        self.schedule_live()

    def live_input(self) -> tuple[str, ...]:
        return (self.query_one(TextArea).text,)

    def show_live(self, texts: tuple[str, ...], live: Preview) -> None:
        text, cut = live_text(texts[0])
        analysis, results = live.analyses[0], live.checks[0]
        counter = self.query_one(CharCounter)
        # A cut text is far too long anyway: never let the counter call it a fit.
        length = analysis.weighted_length
        counter.show(max(length, counter.limit + 1) if cut else length)
        self.query_one(Checklist).show(results, written=bool(text.strip()))
        preview = self.query_one(".preview", TweetCard)
        preview.show_text(text, signal_spans(results))
        preview.display = bool(text.strip())

    def feedback_lines(self, result: GradeResult) -> list[Line]:
        return [line for check in result.checks for line in check_lines(self.lang, check)]

    def collect(self) -> tuple[Answer, str] | None:
        text = self.query_one(TextArea).text
        if not text.strip():
            self.tell("ex.empty_tweet")
            return None
        return text, text

    def draft(self) -> Draft:
        return (self.query_one(TextArea).text,)
