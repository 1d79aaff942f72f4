"""The screens that snapshot tests photograph, each reached the way a learner would get there.

Shared by test_snapshots.py and handy for a look at a screen while working on it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import TextArea

from tests.tui.helpers import settle
from twitter_tutor.content.course import load_course
from twitter_tutor.progress import ProgressStore
from twitter_tutor.tui.app import TutorApp, make_app

Scene = Callable[[Pilot[None]], Awaitable[None]]

GOOD_TWEET = (
    "Hi, I'm new here and I look after our newsletter. What should I read first? #newsletter"
)
AD_TWEET = "BUY NOW!!! 50% off our new planner, only today at https://shop.example"


def scene_app(lessons: Path, store: ProgressStore) -> TutorApp:
    return make_app(
        lambda: load_course([lessons]), store, "tester", "en", [lessons], tz=UTC, load_delay_s=0
    )


def seed(store: ProgressStore) -> None:
    """A learner two sessions in: one lesson done, one half-way, a few attempts."""
    store.visit("tester", "more-practice", 0)
    for score in (40, 75, 100):
        store.record_attempt(
            "tester",
            "more-practice",
            "first-tweet",
            f"Try with score {score} [b]x[/b]",
            score,
            score >= 70,
            [],
            "hash",
        )
    store.complete("tester", "more-practice", 85)
    store.visit("tester", "basics", 2)


async def _calm(pilot: Pilot[None]) -> None:
    """Stop cursors blinking, once focus has settled.

    A blinking cursor makes the picture depend on the moment it is taken. Switching blink on
    and off again re-reads focus, so a focused box shows its cursor and the others don't.
    """
    await pilot.pause()
    for area in pilot.app.query(TextArea):
        area.cursor_blink = True
        area.cursor_blink = False


async def _open(pilot: Pilot[None], step: int) -> None:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, TutorApp)
    app.open_lesson("basics", step)
    await pilot.pause()


async def course_map(pilot: Pilot[None]) -> None:
    await settle(pilot)


async def lesson_step(pilot: Pilot[None]) -> None:
    await _open(pilot, 1)
    await _calm(pilot)


async def choice_submitted(pilot: Pilot[None]) -> None:
    await _open(pilot, 1)
    await pilot.press("down", "enter", "ctrl+s")  # the wrong answer, to show both marks
    await pilot.pause()


async def pick_submitted(pilot: Pilot[None]) -> None:
    await _open(pilot, 2)
    await pilot.press("space", "ctrl+s")
    await pilot.pause()


async def _submit_with_button(pilot: Pilot[None]) -> None:
    # Tab to "Check answer" and press Enter: with no text box focused, no cursor is drawn,
    # whose visibility would otherwise depend on timing.
    pilot.app.screen.query_one(".submit").focus(scroll_visible=False)
    await pilot.pause()
    await pilot.press("enter")


async def compose_submitted(pilot: Pilot[None]) -> None:
    await _open(pilot, 3)
    area = pilot.app.screen.query_one(TextArea)
    area.load_text(AD_TWEET)
    await _submit_with_button(pilot)
    await pilot.pause(0.3)  # past the live check's debounce
    await _calm(pilot)


async def plan_submitted(pilot: Pilot[None]) -> None:
    await _open(pilot, 4)
    first, second = pilot.app.screen.query(TextArea)
    first.load_text("I finally tried the new coffee place next to our office and I love it.")
    second.load_text(AD_TWEET)
    await _submit_with_button(pilot)
    await pilot.pause(0.3)
    await _calm(pilot)


async def review(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("r")
    await pilot.pause()


SCENES: dict[str, Scene] = {
    "course_map": course_map,
    "lesson_step": lesson_step,
    "choice": choice_submitted,
    "pick": pick_submitted,
    "compose": compose_submitted,
    "plan": plan_submitted,
    "review": review,
}
