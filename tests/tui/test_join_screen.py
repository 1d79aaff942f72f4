"""The join screen of a served tutor (`serve`), driven by keys through Pilot on a real store:
first join, resume with the right PIN, wrong PIN, wrong class code, a taken name; in English
and German."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.tui.helpers import settle
from twitter_tutor.content.course import load_course
from twitter_tutor.progress import ProgressStore
from twitter_tutor.texts import t
from twitter_tutor.tui.app import TutorApp, make_app
from twitter_tutor.tui.messages import OpenLesson
from twitter_tutor.tui.screens.home import HomeScreen
from twitter_tutor.tui.screens.join import JoinScreen
from twitter_tutor.tutor import pins
from twitter_tutor.tutor.join import Workshop
from twitter_tutor.types import Lang

CODE = "blue bird"
LANGS: list[Lang] = ["en", "de"]


def workshop_app(
    lessons: Path, store: ProgressStore, lang: Lang = "en", code: str | None = CODE
) -> TutorApp:
    return make_app(
        lambda: load_course([lessons]),
        store,
        "",
        lang,
        [lessons],
        tz=UTC,
        load_delay_s=0,
        workshop=Workshop(join_code=code, failed_delay_s=0.05),
    )


async def type_into(pilot: Pilot[None], field: str, text: str) -> None:
    await pilot.click(f"#{field}")
    await pilot.press(*text)


async def join(pilot: Pilot[None], name: str, pin: str, code: str | None = CODE) -> None:
    """Fill the form as a learner does and press Enter in the last field."""
    await type_into(pilot, "name", name)
    if code is not None:
        await type_into(pilot, "code", code)
    await type_into(pilot, "pin", pin)
    await pilot.press("enter")
    await answered(pilot)


async def answered(pilot: Pilot[None]) -> None:
    """Wait for the join worker (hashing, the delay after a refusal) and its answer."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def said(app: TutorApp) -> str:
    return str(app.screen.query_one("#join-message", Static).render())


@pytest.mark.parametrize("lang", LANGS)
async def test_a_first_join_picks_a_pin_twice_and_chooses_to_share(
    lessons: Path, store: ProgressStore, lang: Lang
) -> None:
    app = workshop_app(lessons, store, lang)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, JoinScreen)
        assert app.session.needs_join
        await join(pilot, "Ann", "1234")
        # The name is free: the second step asks for the PIN again and about sharing.
        assert isinstance(app.screen, JoinScreen)
        new_text = str(app.screen.query_one("#new-text", Static).render())
        assert new_text == t(lang, "join.new", name="Ann")
        assert app.screen.focused is app.screen.query_one("#pin-again", Input)
        await pilot.press(*"1234", "tab")
        assert app.screen.focused is app.screen.query_one("#share")
        await pilot.press("space", "tab")
        assert app.screen.focused is app.screen.query_one("#join")
        await pilot.press("enter")
        await answered(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.session.profile == "Ann" and not app.session.needs_join
        assert app.sub_title == "Ann"
    learner = store.learner("Ann")
    assert learner is not None and learner.share is True
    assert pins.verify_pin("1234", learner.pin_hash)


@pytest.mark.parametrize("lang", LANGS)
async def test_a_learner_resumes_with_the_right_pin_and_sees_their_progress(
    lessons: Path, store: ProgressStore, lang: Lang
) -> None:
    store.register_learner("Ann", pins.hash_pin("2468"), False)
    store.visit("Ann", "basics", 1)
    store.visit("Bob", "more-practice", 0)
    app = workshop_app(lessons, store, lang)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        await join(pilot, "Ann", "2468")
        assert isinstance(app.screen, HomeScreen)
        assert app.session.profile == "Ann"
        assert list(app.session.progress()) == ["basics"]  # hers, not Bob's
        welcome = str(app.screen.query_one("#welcome", Static).render())
        assert welcome == t(lang, "home.welcome_back", done=0, total=2)


@pytest.mark.parametrize("lang", LANGS)
async def test_a_wrong_pin_is_refused_without_saying_whether_the_name_exists(
    lessons: Path, store: ProgressStore, lang: Lang
) -> None:
    store.register_learner("Ann", pins.hash_pin("2468"), False)
    app = workshop_app(lessons, store, lang)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        await join(pilot, "Ann", "1111")
        assert isinstance(app.screen, JoinScreen)
        assert said(app) == t(lang, "join.refused")
        assert app.session.needs_join
        pin = app.screen.query_one("#pin", Input)
        assert pin.value == "" and app.screen.focused is pin  # ready for the next try
        # The right PIN still works afterwards.
        await pilot.press(*"2468", "enter")
        await answered(pilot)
        assert isinstance(app.screen, HomeScreen) and app.session.profile == "Ann"
    if lang == "de":
        assert "PIN ist falsch" in t(lang, "join.refused")


@pytest.mark.parametrize("lang", LANGS)
async def test_a_wrong_class_code_is_refused_and_claims_nothing(
    lessons: Path, store: ProgressStore, lang: Lang
) -> None:
    app = workshop_app(lessons, store, lang)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        await join(pilot, "Ann", "1234", code="red fish")
        assert isinstance(app.screen, JoinScreen)
        assert said(app) == t(lang, "join.bad_code")
        assert app.screen.focused is app.screen.query_one("#code", Input)
        assert not app.screen.query_one("#new-learner").display
    assert store.learners() == []


@pytest.mark.parametrize("lang", LANGS)
async def test_a_taken_name_gets_the_same_answer_as_a_wrong_pin(
    lessons: Path, store: ProgressStore, lang: Lang
) -> None:
    store.register_learner("Ann", pins.hash_pin("2468"), True)
    app = workshop_app(lessons, store, lang)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        await join(pilot, "ann", "9999")  # another learner, the same name but for its case
        assert isinstance(app.screen, JoinScreen)
        assert said(app) == t(lang, "join.refused")
        assert not app.screen.query_one("#new-learner").display
    learner = store.learner("Ann")
    assert learner is not None and pins.verify_pin("2468", learner.pin_hash)
    assert [learner.profile for learner in store.learners()] == ["Ann"]


async def test_two_different_pins_at_the_first_join_are_said_and_claim_nothing(
    lessons: Path, store: ProgressStore
) -> None:
    app = workshop_app(lessons, store)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        await join(pilot, "Ann", "1234")
        await pilot.press(*"4321", "enter")
        await answered(pilot)
        assert said(app) == t("en", "join.pins_differ")
        assert app.screen.query_one("#pin-again", Input).value == ""
    assert store.learners() == []


async def test_without_a_class_code_the_form_does_not_ask_for_one(
    lessons: Path, store: ProgressStore
) -> None:
    app = workshop_app(lessons, store, code=None)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        assert not app.screen.query("#code")
        await join(pilot, "Ann", "1234", code=None)
        await pilot.press(*"1234", "enter")
        await answered(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_nothing_opens_before_joining(lessons: Path, store: ProgressStore) -> None:
    app = workshop_app(lessons, store)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        app.post_message(OpenLesson("basics"))
        await pilot.pause()
        app.action_review()
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert t("en", "cmd.review") not in commands
    assert store.profiles() == []


async def test_after_joining_home_is_the_bottom_screen(
    lessons: Path, store: ProgressStore
) -> None:
    # Home, Escape and the palette's "home" go down to the course map, never back to joining.
    store.register_learner("Ann", pins.hash_pin("2468"), False)
    app = workshop_app(lessons, store)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        await join(pilot, "Ann", "2468")
        app.post_message(OpenLesson("basics"))
        await pilot.pause()
        app.action_home()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not any(isinstance(s, JoinScreen) for s in app.screen_stack)
        assert store.last_position("Ann") == ("basics", 0)
