"""Feedback that teaches: answers revealed only after a second wrong try or on request, nothing
praised in an empty answer, and each plan tweet marked with what it counts as."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, RadioButton, TextArea

from tests.tui.helpers import AppFactory, settle
from twitter_tutor.progress import ProgressStore
from twitter_tutor.tui.app import TutorApp
from twitter_tutor.tui.screens.lesson import LessonScreen
from twitter_tutor.tui.widgets.char_counter import CharCounter
from twitter_tutor.tui.widgets.checklist import Checklist
from twitter_tutor.tui.widgets.exercise import ExerciseWidget
from twitter_tutor.tui.widgets.feedback import GradeFeedback
from twitter_tutor.tui.widgets.reveal import RevealingExerciseWidget
from twitter_tutor.tui.widgets.tweet_card import TweetCard
from twitter_tutor.tutor.i18n import t

CHOICE, PICK, COMPOSE, PLAN = 1, 2, 3, 4
"""The steps of the starter lesson "basics" (tests/tui/conftest.py)."""

RIGHT = {"en": "Which tool do you use", "de": "Mit welchem Tool"}
"""The start of the right answer of the starter choice, which must stay hidden at first."""


async def _open(
    app: TutorApp, pilot: Pilot[None], step: int, lesson: str = "basics"
) -> LessonScreen:
    await settle(pilot)
    app.open_lesson(lesson, step)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, LessonScreen)
    return screen


async def _check(pilot: Pilot[None], screen: LessonScreen) -> str:
    screen.query_one(ExerciseWidget).action_submit()
    await pilot.pause()
    return screen.query_one(GradeFeedback).text


def _radios(screen: LessonScreen) -> list[RadioButton]:
    return list(screen.query(RadioButton))


def _reveal_button(screen: LessonScreen) -> Button:
    return screen.query_one(".reveal", Button)


# -- 10: choice and pick ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_a_first_wrong_choice_marks_only_the_pick_and_a_key_reveals_the_rest(
    build: AppFactory, lang: str
) -> None:
    app = build(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, CHOICE)
        right, wrong = _radios(screen)
        wrong.value = True
        text = await _check(pilot, screen)
        assert t(lang, "ex.picked_wrong") in text
        assert t(lang, "ex.reveal_note") in text
        # The right answer is neither listed nor coloured: the second try is not copying.
        assert RIGHT[lang] not in text and t(lang, "ex.missed") not in text
        assert wrong.has_class("-wrong")
        assert not right.has_class("-right") and not right.has_class("-missed")
        assert _reveal_button(screen).display
        widget = screen.query_one(RevealingExerciseWidget)
        assert widget.check_action("reveal", ()) is True  # so the footer offers the key

        _reveal_button(screen).focus()
        await pilot.press("a")
        await pilot.pause()
        text = screen.query_one(GradeFeedback).text
        assert RIGHT[lang] in text and t(lang, "ex.missed") in text
        assert t(lang, "ex.picked_wrong") in text
        assert t(lang, "ex.reveal_note") not in text
        assert right.has_class("-missed") and wrong.has_class("-wrong")
        assert not _reveal_button(screen).display
        assert widget.check_action("reveal", ()) is False
        assert isinstance(app.focused, Button) and app.focused.has_class("submit")


async def test_the_second_wrong_try_reveals_every_answer(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, CHOICE)
        _radios(screen)[1].value = True
        assert RIGHT["en"] not in await _check(pilot, screen)
        text = await _check(pilot, screen)
        assert RIGHT["en"] in text and t("en", "ex.missed") in text
        assert not _reveal_button(screen).display


async def test_wrong_tries_stored_earlier_count_towards_the_reveal(
    build: AppFactory, store: ProgressStore
) -> None:
    store.record_attempt("tester", "basics", "first-choice", "2", 0, False, [], "h")
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, CHOICE)
        assert _radios(screen)[1].value  # the last answer comes back
        text = await _check(pilot, screen)
        assert RIGHT["en"] in text and t("en", "ex.missed") in text


async def test_a_pass_shows_every_answer_marked_by_what_the_learner_did(
    build: AppFactory,
) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, CHOICE)
        right, wrong = _radios(screen)
        right.value = True
        text = await _check(pilot, screen)
        assert t("en", "ex.picked_right") in text and t("en", "ex.left_out") in text
        assert right.has_class("-right") and not wrong.has_class("-wrong")
        assert not _reveal_button(screen).display


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_pick_cards_say_what_the_learner_did_and_hide_the_rest_until_revealed(
    build: AppFactory, lang: str
) -> None:
    app = build(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, PICK)
        worth, ad = screen.query(TweetCard)
        ad.selected = True
        await _check(pilot, screen)
        assert ad.feedback is not None and t(lang, "ex.picked_wrong") in str(ad.feedback)
        assert ad.has_class("-wrong")
        assert worth.feedback is None  # not a word on the card they should have picked
        assert not worth.has_class("-right") and not worth.has_class("-wrong")

        screen.query_one(RevealingExerciseWidget).action_reveal()
        await pilot.pause()
        assert worth.feedback is not None and t(lang, "ex.missed") in str(worth.feedback)
        assert worth.has_class("-wrong")  # missing it was the wrong decision


# -- 11: nothing good about an empty answer -----------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_an_empty_compose_box_gets_no_ticks(build: AppFactory, lang: str) -> None:
    app = build(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, COMPOSE)
        area = screen.query_one(TextArea)
        area.load_text("   ")
        await pilot.pause(0.3)  # past the live check's debounce
        empty = str(screen.query_one(Checklist).render())
        assert t(lang, "ex.right") not in empty
        assert t(lang, "grading.max_length.pass", length=0, limit=280) not in empty
        assert empty.startswith(t(lang, "ex.todo"))  # what is still to do, without a verdict

        area.load_text("Hi, I'm new here. What do you read?")
        await pilot.pause(0.3)
        assert t(lang, "ex.right") in str(screen.query_one(Checklist).render())


PLAN_LESSON = """+++
id = "plans"
title = "Plans"
lang = "{lang}"
order = 5
summary = "A plan with several checks and a limit on ads."
+++

## A plan

```exercise
id = "week"
type = "plan"
prompt = "Plan three tweets for the week."
count = 3
products = ["planner"]
max_promotional = 1

[[checks]]
rule = "max_length"

[[checks]]
rule = "not_promotional"

[[checks]]
rule = "max_hashtags"
limit = 2
```
"""

PLAN_TWEETS = {
    "en": (
        "Our new planner is out today: order it from our shop, 20% off for newsletter readers.",
        "Last weekend I hiked up the Zugspitze with my sister and my legs still hurt.",
    ),
    "de": (
        "Unser neuer planner ist da: heute im Shop bestellen, 20 % Rabatt für Leser.",
        "Ich war gestern mit meiner Schwester wandern und meine Beine tun immer noch weh.",
    ),
}

QUESTION = {
    "en": "What are you reading this week? I need a good book for the long train ride.",
    "de": "Was lest ihr gerade? Ich brauche ein gutes Buch für die lange Zugfahrt.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_an_empty_plan_tweet_is_named_once(
    build: AppFactory, lessons: Path, lang: str
) -> None:
    (lessons / f"05-plans.{lang}.md").write_text(PLAN_LESSON.replace("{lang}", lang), "utf-8")
    app = build(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, 1, lesson="plans")
        first, _, third = screen.query(TextArea)
        first.load_text(PLAN_TWEETS[lang][1])
        third.load_text(QUESTION[lang])
        text = await _check(pilot, screen)
        empty = t(lang, "grading.empty_tweet", number=2)
        assert text.count(empty) == 1  # three checks failed with it: said once
        assert t(lang, "ex.hint", hint="") not in text  # and no check's tip for an empty box


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_each_plan_tweet_says_what_it_counts_as(
    build: AppFactory, lessons: Path, lang: str
) -> None:
    (lessons / f"05-plans.{lang}.md").write_text(PLAN_LESSON.replace("{lang}", lang), "utf-8")
    app = build(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, 1, lesson="plans")
        areas = list(screen.query(TextArea))
        ad, personal = PLAN_TWEETS[lang]
        areas[0].load_text(ad)
        areas[1].load_text(personal)
        await pilot.pause(0.3)  # past the live check's debounce
        labels = [str(c.render()) for c in screen.query(CharCounter)]
        promotional = t(lang, "ex.counts_as", kinds=t(lang, "ex.mix_promotional"))
        assert labels[0].endswith(promotional)
        assert labels[1].endswith(t(lang, "ex.counts_as", kinds=t(lang, "ex.mix_personal")))
        assert t(lang, "ex.counts_as_none") not in labels[2]  # an empty box counts as nothing
        assert labels[2].endswith("/280")

        text = await _check(pilot, screen)
        product = t(lang, "grading.kind.product")
        assert t(lang, "grading.tweet_kinds", number=1, kinds=product) in text
        personal_kind = t(lang, "grading.kind.personal")
        assert t(lang, "grading.tweet_kinds", number=2, kinds=personal_kind) in text
