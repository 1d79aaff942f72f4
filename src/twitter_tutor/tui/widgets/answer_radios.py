"""Radio buttons for a single-answer choice: long answers wrap, and ← → stay with the lesson.

Textual's RadioSet moves between buttons with ←/→ as well as ↑/↓; in a lesson, ←/→ turn the
page, and a learner reading "→ next step" must not change their answer instead.

↑/↓ never wrap around: past the first or last answer they pass on to the exercise, which
moves on to its other controls or lets the page scroll. The highlighted answer is kept in
view: RadioSet only scrolls itself, not the page around it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import RadioButton, RadioSet

from twitter_tutor.tui.visibility import in_view


class AnswerRadioButton(RadioButton):
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # ToggleButton is always one line high; answers can be whole tweets.
        return Widget.get_content_height(self, container, viewport, width)


class AnswerRadios(RadioSet, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
        Binding("enter,space", "toggle_button", "key.toggle", show=False),
    ]

    @property
    def highlighted_button(self) -> RadioButton | None:
        """The answer ↑/↓ are on (RadioSet keeps its index private)."""
        buttons = list(self.query_children(RadioButton))
        index = self._selected
        return buttons[index] if index is not None and index < len(buttons) else None

    def action_move(self, step: int) -> None:
        buttons = list(self.query_children(RadioButton))
        current = self.highlighted_button
        # Off screen, the key scrolls the page towards the answers instead (see ExerciseWidget).
        if current is None or not in_view(current):
            raise SkipAction()
        target = buttons.index(current) + step
        if not 0 <= target < len(buttons):
            raise SkipAction()
        self._selected = target
        buttons[target].scroll_visible(animate=False)
