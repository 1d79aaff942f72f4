"""Radio buttons for a single-answer choice: long answers wrap, and ← → stay with the lesson.

Textual's RadioSet moves between buttons with ←/→ as well as ↑/↓; in a lesson, ←/→ turn the
page, and a learner reading "→ next step" must not change their answer instead.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import RadioButton, RadioSet


class AnswerRadioButton(RadioButton):
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # ToggleButton is always one line high; answers can be whole tweets.
        return Widget.get_content_height(self, container, viewport, width)


class AnswerRadios(RadioSet, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "next_button", show=False),
        Binding("up", "previous_button", show=False),
        Binding("enter,space", "toggle_button", "key.toggle", show=False),
    ]
