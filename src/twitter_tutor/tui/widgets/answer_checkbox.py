"""A checkbox for a multiple-answer choice: long answers wrap.

↑/↓ move between the answers through the exercise around them (ExerciseWidget), which goes
on to its buttons and never wraps around.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Checkbox


class AnswerCheckbox(Checkbox):
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # ToggleButton is always one line high; answers can be whole tweets.
        return Widget.get_content_height(self, container, viewport, width)
