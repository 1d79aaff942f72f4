"""One tweet or profile as a card: author, handle, followers, and the text with its entities
coloured. Selectable cards toggle with space, Enter or a click (the pick exercise)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from twitter_tutor.tui.literal import highlighted, literal
from twitter_tutor.tui.tweet_text import Spans, entity_spans, merged
from twitter_tutor.tutor.i18n import format_count, t


class TweetCard(Widget):
    DEFAULT_CSS = """
    TweetCard {
        height: auto;
        border: round $foreground 25%;
        padding: 0 1;
        margin: 0 0 0 0;
    }
    TweetCard:focus {
        border: round $accent;
        background: $boost;
    }
    TweetCard.-selected {
        border: round $primary;
    }
    TweetCard.-selected:focus {
        border: double $accent;
    }
    TweetCard.-right {
        border: round $success;
    }
    TweetCard.-wrong {
        border: round $error;
    }
    TweetCard.context {
        border: round $foreground 15%;
        color: $text-muted;
    }
    TweetCard.preview {
        border: dashed $foreground 25%;
        margin-top: 1;
    }
    """

    @dataclass
    class Toggled(Message):
        card: TweetCard

        @property
        def control(self) -> TweetCard:
            return self.card

    BINDINGS: ClassVar[list[BindingType]] = [
        # ↑/↓ are the exercise's: between its cards and buttons, both ways (ExerciseWidget).
        Binding("space,enter", "toggle_selected", "key.toggle"),
    ]
    selected: reactive[bool] = reactive(False)

    def __init__(
        self,
        author: str,
        handle: str,
        text: str,
        *,
        lang: str,
        followers: int | None = None,
        selectable: bool = False,
        selected: bool = False,
        classes: str = "",
    ) -> None:
        super().__init__(classes=f"tweet-card {classes}".strip())
        self.author = author
        self.handle = handle
        self.text = text
        self.lang = lang
        self.followers = followers
        self.selectable = selectable
        self.can_focus = selectable
        self.extra_spans: Spans = []
        self.feedback: Content | None = None
        self.set_reactive(TweetCard.selected, selected)
        self.set_class(selected, "-selected")

    def render(self) -> Content:
        parts: list[Content | tuple[str, str] | str] = []
        if self.selectable:
            box = t(self.lang, "ex.selected" if self.selected else "ex.unselected")
            parts += [(box, "bold $accent" if self.selected else "$text-muted"), " "]
        parts += [literal(self.author, "bold"), " ", literal(self.handle, "$text-muted")]
        if self.followers is not None:
            count = format_count(self.lang, self.followers)
            parts += [(" · " + t(self.lang, "ex.followers", count=count), "$text-muted")]
        lines = [
            Content.assemble(*parts),
            highlighted(self.text, merged(entity_spans(self.text), self.extra_spans)),
        ]
        if self.feedback is not None:
            lines.append(self.feedback)
        return Content("\n").join(lines)

    def watch_selected(self, selected: bool) -> None:
        self.set_class(selected, "-selected")
        self.post_message(self.Toggled(self))

    def action_toggle_selected(self) -> None:
        if self.selectable:
            self.selected = not self.selected

    def on_click(self, _event: events.Click) -> None:
        self.action_toggle_selected()

    def show_text(self, text: str, spans: Spans) -> None:
        """A live preview: new text and the spans to mark in it."""
        self.text = text
        self.extra_spans = spans
        self.refresh(layout=True)

    def show_feedback(self, verdict: str | None, *, right: bool, why: str | None) -> None:
        """What the learner did with this card, marked by whether that was right (icon and
        border) and why; `verdict` None clears the card: it stays unjudged."""
        if verdict is None:
            self.feedback = None
        else:
            icon, style = ("ex.right", "bold $success") if right else ("ex.wrong", "bold $error")
            self.feedback = Content.assemble(
                (t(self.lang, icon) + " " + verdict, style), " ", literal(why or "", "italic")
            )
        self.set_class(verdict is not None and right, "-right")
        self.set_class(verdict is not None and not right, "-wrong")
        self.refresh(layout=True)
