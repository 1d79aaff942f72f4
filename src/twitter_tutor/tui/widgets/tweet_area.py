"""The box a learner writes a tweet in: a TextArea that never holds control characters.

TextArea draws what its document holds, so a pasted ESC would reach the terminal and start a
real escape sequence. Every way text gets in (typing, pasting, undo, a restored draft) is
cleaned to visible stand-ins first; they have the same length, so positions stay valid.

It also stays in view while it is typed in: checking an answer scrolls the page to the
feedback, and the next keystroke brings the box back. ↑/↓ on a box scrolled out of view
scroll the page instead of moving a cursor nobody can see.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from typing import Any

from textual import events
from textual.actions import SkipAction
from textual.dom import NoScreen
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult

from twitter_tutor.tui.literal import clean
from twitter_tutor.tui.visibility import in_view

# Invisible characters that are part of what a learner types: the joiners that make one emoji
# of several (👨‍👩‍👧) or keep letters apart, and the tags of subdivision flags (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
# TextArea inserts only printable keys and would drop them, splitting the emoji apart.
_JOINERS = {"\u200c", "\u200d", *(chr(c) for c in range(0xE0020, 0xE0080))}

# Keys that edit the text or move along a line. Not every key: Ctrl+S reaches the box too, and
# the page's scroll to the verdict it shows must stand.
_EDIT_KEYS = frozenset({"enter", "backspace", "delete", "left", "right", "home", "end"})


class TweetArea(TextArea):
    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(clean(text), **kwargs)

    def on_key(self, event: events.Key) -> None:
        if event.is_printable or event.key in _EDIT_KEYS or event.character in _JOINERS:
            self.scroll_visible(animate=False)  # after the key is handled
        if not self.read_only and event.character in _JOINERS:
            event.stop()
            event.prevent_default()
            self.replace(event.character, *self.selection)

    def on_unmount(self) -> None:
        # Textual's TextArea subscribes to its screen's selection signal and watches the app's
        # theme, and never lets go: a box removed with its step would live as long as the app
        # (or the screen), with its cache of rendered lines, each sweep of the garbage
        # collector walking it again (issue 17). Let go of this box.
        with suppress(NoScreen):
            self.screen.text_selection_started_signal.unsubscribe(self)
        theme_watchers = getattr(self.app, "__watchers", {}).get("theme")
        if theme_watchers:
            theme_watchers[:] = [(node, call) for node, call in theme_watchers if node is not self]

    def on_paste(self, _event: events.Paste) -> None:
        self.scroll_visible(animate=False)

    def _lines_key(self) -> None:
        """↑/↓/PgUp/PgDn: the page's while the box is out of view, else the box's (shown)."""
        if not in_view(self):
            raise SkipAction()
        self.scroll_visible(animate=False)

    def action_cursor_up(self, select: bool = False) -> None:
        self._lines_key()
        super().action_cursor_up(select)

    def action_cursor_down(self, select: bool = False) -> None:
        self._lines_key()
        super().action_cursor_down(select)

    def action_cursor_page_up(self) -> None:
        self._lines_key()
        super().action_cursor_page_up()

    def action_cursor_page_down(self) -> None:
        self._lines_key()
        super().action_cursor_page_down()

    def edit(self, edit: Edit) -> EditResult:
        cleaned = clean(edit.text)
        return super().edit(edit if cleaned == edit.text else replace(edit, text=cleaned))

    def load_text(self, text: str) -> None:
        super().load_text(clean(text))
