"""Helpers shared by the TUI tests (fixtures live in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot

from twitter_tutor.tui.app import TutorApp

BROKEN = """+++
id = "broken"
title = "Broken [bold]lesson[/]"
lang = "en"
order = 3
summary = "A lesson with a mistake in its exercise."
+++

## Only step

```exercise
id = "oops"
type = "choice"
```
"""


def ticking_clock(start: datetime) -> Callable[[], datetime]:
    """A clock that moves one minute per reading: stable dates for snapshots."""
    moments = iter(start + timedelta(minutes=n) for n in range(10_000))
    return lambda: next(moments)


AppFactory = Callable[..., TutorApp]


class Notifications:
    """Every notification the app sends, seen through run_test's public message hook:
    `async with app.run_test(message_hook=notes)`, then look in `notes.messages`."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.messages.append(message.notification.message)


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the course to load (a worker started shortly after the first paint) and the
    screen to catch up."""
    app = pilot.app
    for _ in range(200):
        if getattr(getattr(app, "session", None), "course", None) is not None:
            break
        await pilot.pause(0.02)
    await app.workers.wait_for_complete()
    await pilot.pause()
