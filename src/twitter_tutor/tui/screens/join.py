"""The first screen of a served tutor (`twitter-tutor serve`): name, class code and PIN.

The rules are the core's (`tutor.join`); this screen asks, shows the answer, and on success
tells the app whose progress this is. The core runs in a worker thread: hashing a PIN and the
delay after a wrong one take time the browser should not freeze for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Checkbox, Footer, Header, Input, Label, Static

from twitter_tutor.tui.literal import literal
from twitter_tutor.tui.screens.base import TutorScreen
from twitter_tutor.tutor.join import NAME_MAX, Joining, JoinResult
from twitter_tutor.tutor.pins import PIN_MAX, PIN_MIN
from twitter_tutor.tutor.session import Session

DIGITS = r"[0-9]*"


@dataclass
class Joined(Message):
    """The learner is in: the app makes `profile` the session's and shows the course map."""

    profile: str


@dataclass
class JoinAnswered(Message):
    """The core's answer, from the worker thread."""

    result: JoinResult


class JoinScreen(TutorScreen):
    # DEFAULT_CSS, not a CSS_PATH: this is the app's first screen, and Textual reads a
    # screen's CSS_PATH only when the screen is pushed or installed as a mode.
    DEFAULT_CSS = """
    JoinScreen #join-page {
        align-horizontal: center;
    }

    JoinScreen #join-box {
        width: 100%;
        max-width: 64;
        height: auto;
        padding: 1 2;
    }

    JoinScreen #join-title {
        text-style: bold;
        color: $text-accent;
        margin-bottom: 1;
    }

    JoinScreen #join-intro {
        color: $text-muted;
        margin-bottom: 1;
    }

    JoinScreen #new-learner {
        height: auto;
    }

    JoinScreen #new-text {
        margin-bottom: 1;
    }

    JoinScreen #join-message {
        margin-bottom: 1;
        height: auto;
    }

    JoinScreen #join-message.-error {
        color: $error;
        text-style: bold;
    }

    JoinScreen #join {
        width: 100%;
    }
    """
    AUTO_FOCUS = "#name"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", show=False),
    ]

    def __init__(self, session: Session, joining: Joining) -> None:
        super().__init__(session)
        self.joining = joining
        self._new = False
        """The name was found free: the PIN is typed again and sharing chosen."""
        self._busy = False

    def compose(self) -> ComposeResult:
        pin_label = self.t("join.pin", low=PIN_MIN, high=PIN_MAX)
        yield Header()
        with VerticalScroll(id="join-page"), Vertical(id="join-box"):
            yield Static(literal(self.t("join.title")), id="join-title")
            yield Static(literal(self.t("join.intro")), id="join-intro")
            yield Label(literal(self.t("join.name")))
            yield Input(id="name", max_length=NAME_MAX)
            if self.joining.asks_code:
                yield Label(literal(self.t("join.code")))
                yield Input(id="code", max_length=100)
            yield Label(literal(pin_label))
            yield Input(id="pin", password=True, restrict=DIGITS, max_length=PIN_MAX)
            with Vertical(id="new-learner"):
                yield Static(id="new-text")
                yield Label(literal(self.t("join.pin_again")))
                yield Input(id="pin-again", password=True, restrict=DIGITS, max_length=PIN_MAX)
                yield Checkbox(literal(self.t("join.share")), id="share")
            yield Static(id="join-message")
            yield Button(literal(self.t("join.button")), id="join", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.t("app.title")
        self.query_one("#new-learner").display = False
        # Not left to AUTO_FOCUS: in a browser the app starts without focus, which skips it,
        # and the learner's first keys would go nowhere.
        self.query_one("#name", Input).focus()

    # -- reading the form -------------------------------------------------------------------

    def _value(self, widget_id: str) -> str:
        found = self.query(f"#{widget_id}")
        return found.first(Input).value if found else ""

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        """Enter goes to the next empty field, and joins from the last one."""
        order = ["name", "code", "pin", *(["pin-again"] if self._new else [])]
        fields = [f for f in order if self.query(f"#{f}")]
        current = event.input.id or ""
        later = fields[fields.index(current) + 1 :] if current in fields else []
        empty = next((f for f in later if not self._value(f)), None)
        if empty is not None:
            self.query_one(f"#{empty}", Input).focus()
        else:
            self.submit()

    @on(Input.Changed, "#name, #code, #pin")
    def _changed(self) -> None:
        # A changed name or PIN is a new question: the "new learner" step was for the old one.
        if self._new:
            self._show_new(None)

    @on(Button.Pressed, "#join")
    def submit(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.query_one("#join", Button).disabled = True
        self._say(self.t("join.checking"), error=False)
        name, code, pin = self._value("name"), self._value("code"), self._value("pin")
        if self._new:
            again, share = self._value("pin-again"), self.query_one("#share", Checkbox).value
            self._ask(lambda: self.joining.register(name, code, pin, again, share))
        else:
            self._ask(lambda: self.joining.check(name, code, pin))

    @work(thread=True, exclusive=True, group="join")
    def _ask(self, question: Callable[[], JoinResult]) -> None:
        self.post_message(JoinAnswered(question()))

    # -- the answer -------------------------------------------------------------------------

    def on_join_answered(self, message: JoinAnswered) -> None:
        self._busy = False
        self.query_one("#join", Button).disabled = False
        result = message.result
        if result.kind == "joined":
            for typed in self.query(Input):
                typed.value = ""  # no PIN left in memory behind the course map
            self.post_message(Joined(result.profile))
            return
        if result.kind == "new":
            self._say("", error=False)
            self._show_new(result.profile)
            self.query_one("#pin-again", Input).focus()
            return
        self._say(self._reason(result), error=True)
        # Back where the learner fixes it.
        field = {"bad_name": "name", "bad_code": "code", "pins_differ": "pin-again"}.get(
            result.kind, "pin"
        )
        if self.query(f"#{field}"):
            target = self.query_one(f"#{field}", Input)
            if result.kind in ("refused", "pins_differ"):
                target.value = ""
            target.focus()

    def _reason(self, result: JoinResult) -> str:
        if result.kind == "bad_name":
            return self.t("join.bad_name", max=NAME_MAX)
        if result.kind == "bad_pin":
            return self.t("join.bad_pin", low=PIN_MIN, high=PIN_MAX)
        if result.kind == "store_error":
            return self.t("app.store_error", error=result.error)
        return self.t(f"join.{result.kind}")

    def _show_new(self, name: str | None) -> None:
        self._new = name is not None
        self.query_one("#new-learner").display = self._new
        key = "join.create" if self._new else "join.button"
        self.query_one("#join", Button).label = literal(self.t(key))
        if name is not None:
            self.query_one("#new-text", Static).update(literal(self.t("join.new", name=name)))
        else:
            self.query_one("#pin-again", Input).value = ""

    def _say(self, text: str, *, error: bool) -> None:
        message = self.query_one("#join-message", Static)
        message.update(literal(text))
        message.set_class(error, "-error")

    def action_back(self) -> None:
        """Esc in the "new learner" step: back to typing the name."""
        if self._new:
            self._show_new(None)
            self.query_one("#name", Input).focus()
