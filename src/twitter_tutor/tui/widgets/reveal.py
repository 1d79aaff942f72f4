"""Choice and pick after a check: what the learner picked is marked right or wrong at once;
the right answers they did not pick show only after the second wrong try, a pass, or on
request ("Show the answer", key a). Showing every answer after one wrong try would turn the
second try into copying.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button

from twitter_tutor.grading.result import GradeResult, ItemFeedback
from twitter_tutor.progress.models import Attempt
from twitter_tutor.tui.literal import literal
from twitter_tutor.tui.widgets.exercise import NumberedExerciseWidget
from twitter_tutor.tui.widgets.feedback import GradeFeedback, Line

REVEAL_AFTER = 2
"""Wrong tries (stored ones included) after which every answer is shown."""


def item_verdict(item: ItemFeedback, revealed: bool) -> str | None:
    """The catalogue key for what the learner did with `item`; None while it stays hidden
    (an item they did not pick, before the answers are revealed)."""
    if item.selected:
        return "ex.picked_right" if item.expected else "ex.picked_wrong"
    if not revealed:
        return None
    return "ex.missed" if item.expected else "ex.left_out"


class RevealingExerciseWidget(NumberedExerciseWidget):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("a", "reveal", "key.reveal")]

    _revealed = False
    _result: GradeResult | None = None
    _wrong_here = 0
    """Wrong tries since the widget opened; earlier ones are in `history`."""

    @property
    def revealed(self) -> bool:
        """Every answer is shown, not only the learner's own picks."""
        return self._revealed

    @property
    def wrong_tries(self) -> int:
        return sum(not a.passed for a in self.history) + self._wrong_here

    def compose_buttons(self) -> ComposeResult:
        button = Button(literal(self.t("ex.reveal")), classes="reveal")
        button.display = False
        yield button

    def show_result(self, result: GradeResult, attempt: Attempt | None) -> None:
        self._result = result
        if not result.passed:
            self._wrong_here += 1
        if result.passed or self.wrong_tries >= REVEAL_AFTER:
            self._revealed = True
        super().show_result(result, attempt)
        self._offer_reveal()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reveal":
            return self._result is not None and not self._revealed
        return super().check_action(action, parameters)

    def action_reveal(self) -> None:
        result = self._result
        if result is None or self._revealed:
            return
        self._revealed = True
        button = self.query_one(".reveal", Button)
        if button.has_focus:  # it is about to hide: focus stays in the exercise
            self.query_one(".submit", Button).focus()
        self.mark(result)
        feedback = self.query_one(GradeFeedback)
        feedback.show(result, self.feedback_lines(result))
        self._offer_reveal()
        self.call_after_refresh(feedback.scroll_visible, top=True, animate=False)

    @on(Button.Pressed, ".reveal")
    def reveal_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_reveal()

    def _offer_reveal(self) -> None:
        self.query_one(".reveal", Button).display = not self._revealed
        self.refresh_bindings()

    def verdict(self, item: ItemFeedback) -> str | None:
        """What the learner did with `item`, in words; None while it stays hidden."""
        key = item_verdict(item, self._revealed)
        return None if key is None else self.t(key)

    def feedback_lines(self, result: GradeResult) -> list[Line]:
        """Before the reveal: how to see the answers the learner did not pick."""
        if self._revealed:
            return []
        return [(literal(self.t("ex.reveal_note"), "italic $text-muted"), "item")]
