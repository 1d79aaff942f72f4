"""The tweet box keeps exactly what is typed: joiners that build one emoji from several stay."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App, ComposeResult

from twitter_tutor.analysis import analyze
from twitter_tutor.tui.widgets.tweet_area import TweetArea


class _Box(App[None]):
    def compose(self) -> ComposeResult:
        yield TweetArea()


@pytest.mark.parametrize(
    "typed",
    [
        "family 👨\u200d👩\u200d👧 here",
        "flag 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f!",
        "Auf\u200clage",
    ],
)
async def test_typing_key_by_key_keeps_every_joiner(typed: str) -> None:
    app = _Box()
    async with app.run_test() as pilot:
        area = app.query_one(TweetArea)
        for char in typed:
            # What the terminal driver sends for each character, printable or not.
            area.post_message(events.Key(char if char.isalnum() else "other", char))
            await pilot.pause()
        assert area.text == typed
        assert analyze(area.text).weighted_length == analyze(typed).weighted_length


async def test_control_characters_typed_are_still_shown_not_sent() -> None:
    app = _Box()
    async with app.run_test() as pilot:
        area = app.query_one(TweetArea)
        area.post_message(events.Key("other", "\u200d"))
        await pilot.pause()
        area.insert("\x1b[31m")
        await pilot.pause()
        assert area.text == "\u200d\u241b[31m"
