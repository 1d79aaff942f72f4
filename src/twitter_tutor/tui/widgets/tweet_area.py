"""The box a learner writes a tweet in: a TextArea that never holds control characters.

TextArea draws what its document holds, so a pasted ESC would reach the terminal and start a
real escape sequence. Every way text gets in (typing, pasting, undo, a restored draft) is
cleaned to visible stand-ins first; they have the same length, so positions stay valid.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import events
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult

from twitter_tutor.tui.literal import clean

# Invisible characters that are part of what a learner types: the joiners that make one emoji
# of several (👨‍👩‍👧) or keep letters apart, and the tags of subdivision flags (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
# TextArea inserts only printable keys and would drop them, splitting the emoji apart.
_JOINERS = {"\u200c", "\u200d", *(chr(c) for c in range(0xE0020, 0xE0080))}


class TweetArea(TextArea):
    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(clean(text), **kwargs)

    def on_key(self, event: events.Key) -> None:
        if not self.read_only and event.character in _JOINERS:
            event.stop()
            event.prevent_default()
            self.replace(event.character, *self.selection)

    def edit(self, edit: Edit) -> EditResult:
        cleaned = clean(edit.text)
        return super().edit(edit if cleaned == edit.text else replace(edit, text=cleaned))

    def load_text(self, text: str) -> None:
        super().load_text(clean(text))
