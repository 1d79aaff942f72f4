"""A checkbox for a multiple-answer choice: long answers wrap, ↑/↓ move between answers."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Checkbox


class AnswerCheckbox(Checkbox):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # ToggleButton is always one line high; answers can be whole tweets.
        return Widget.get_content_height(self, container, viewport, width)
