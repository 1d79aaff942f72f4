"""Helpers shared by the TUI tests (fixtures live in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

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


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the course to load (a worker) and the screen to catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
