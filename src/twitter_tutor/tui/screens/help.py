"""`?` / F1: what every key does, and the keys of the screen the learner came from.

The text scrolls (↑/↓, PgUp/PgDn) in a box that fits the terminal; the Close button sits
below it, always in view, and Escape closes too.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from twitter_tutor.tui.literal import literal
from twitter_tutor.tui.screens.base import TutorModal
from twitter_tutor.tui.styles import tcss
from twitter_tutor.tutor.session import Session


class HelpScreen(TutorModal):
    CSS_PATH = tcss("screens/help.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "dismiss_help", "key.close"),
        Binding("down", "scroll('down')", show=False),
        Binding("up", "scroll('up')", show=False),
        Binding("pagedown", "scroll('page_down')", show=False),
        Binding("pageup", "scroll('page_up')", show=False),
    ]

    def __init__(self, session: Session, bindings: dict[str, ActiveBinding]) -> None:
        super().__init__(session)
        self.screen_bindings = bindings

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            with VerticalScroll(id="help-text"):
                yield Static(literal(self.t("help.title"), "bold $text-accent"), classes="title")
                yield Static(literal(self.t("help.intro")), classes="intro")
                yield Static(literal(self.t("help.keys")), classes="keys")
                yield Static(literal(self.t("help.screen_keys"), "bold"), classes="subtitle")
                yield Static(self._screen_keys(), classes="keys")
            yield Button(literal(self.t("key.close")), id="close", variant="primary", compact=True)

    def _screen_keys(self) -> Content:
        lines: list[Content] = []
        seen: set[str] = set()
        for active in self.screen_bindings.values():
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            key = self.app.get_key_display(binding)
            lines.append(
                Content.assemble((f"{key:>10}", "bold $accent"), "  ", binding.description)
            )
        return Content("\n").join(lines)

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus(scroll_visible=False)

    def on_button_pressed(self) -> None:
        self.dismiss("")

    def action_dismiss_help(self) -> None:
        self.dismiss("")

    def action_scroll(self, direction: str) -> None:
        text = self.query_one("#help-text", VerticalScroll)
        getattr(text, f"scroll_{direction}")(animate=False)
