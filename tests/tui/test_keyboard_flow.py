"""A learner at 80x24 with only the keyboard: focus stays in view, arrows move both ways without
wrapping, Ctrl+S checks from anywhere on a step, and typing never turns the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, RadioButton, TextArea
from textual.widgets._footer import FooterKey  # the footer's keys; Textual exports no name

from tests.tui.helpers import AppFactory, settle
from twitter_tutor.progress import ProgressStore
from twitter_tutor.tui.app import TutorApp
from twitter_tutor.tui.screens.help import HelpScreen
from twitter_tutor.tui.screens.home import HomeScreen
from twitter_tutor.tui.screens.lesson import LessonScreen
from twitter_tutor.tui.widgets.answer_radios import AnswerRadios
from twitter_tutor.tui.widgets.course_list import CourseList
from twitter_tutor.tui.widgets.exercise import ExerciseWidget
from twitter_tutor.tui.widgets.feedback import GradeFeedback
from twitter_tutor.tui.widgets.tweet_card import TweetCard
from twitter_tutor.types import Lang

READING = " ".join(["A sentence of reading text that goes on for quite a while."] * 12)
LONG_ANSWER = "a long answer that wraps onto a second line at eighty columns, surely"
MAX_LENGTH = """
[[checks]]
rule = "max_length"
limit = 280
required = true
"""


def _choices(count: int) -> str:
    return "\n".join(
        f'[[choices]]\ntext = "Answer {n}: {LONG_ANSWER}."\ncorrect = {str(n == 1).lower()}\n'
        for n in range(1, count + 1)
    )


def _cards(count: int) -> str:
    return "\n".join(
        f'[[items]]\nauthor = "Person {n}"\nhandle = "@p{n}"\n'
        f'text = "Writes about topic {n}; {LONG_ANSWER}."\npick = {str(n % 2 == 1).lower()}\n'
        for n in range(1, count + 1)
    )


LONG_LESSON = f"""+++
id = "long"
title = "Long steps"
lang = "en"
order = 1
summary = "Steps taller than a 24-line terminal."
+++

Nothing to do on the opening page.

## A long choice

{READING}

{READING}

```exercise
id = "long-choice"
type = "choice"
question = "Which one?"

{_choices(8)}
```

## A long pick

```exercise
id = "long-pick"
type = "pick"
question = "Whom would you follow?"

{_cards(6)}
```

## A tweet after reading

{READING}

{READING}

```exercise
id = "late-compose"
type = "compose"
prompt = "Write a tweet about what you read."
{MAX_LENGTH}
```

## A choice and a tweet

```exercise
id = "both-choice"
type = "choice"
question = "Which one?"

{_choices(2)}
```

```exercise
id = "both-compose"
type = "compose"
prompt = "Write a tweet about your day."
{MAX_LENGTH}
```
"""
CHOICE, PICK, LATE, BOTH = 1, 2, 3, 4


@pytest.fixture
def long_lessons(tmp_path: Path) -> Path:
    folder = tmp_path / "long-lessons"
    folder.mkdir()
    (folder / "01-long.md").write_text(LONG_LESSON, "utf-8")
    return folder


def _lesson(app: TutorApp) -> LessonScreen:
    screen = app.screen
    assert isinstance(screen, LessonScreen), screen
    return screen


def shown(app: TutorApp, widget: Widget) -> bool:
    """Wholly inside the lesson page's visible area."""
    body = app.screen.query_one("#body")
    return body.scrollable_content_region.contains_region(widget.region)


async def _open(pilot: Pilot[None], lesson: str, step: int) -> LessonScreen:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, TutorApp)
    app.open_lesson(lesson, step)
    await pilot.pause()
    return _lesson(app)


async def _press(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()  # scrolling into view waits for the refresh after the key


def _focus(app: TutorApp) -> Widget | None:
    return app.focused  # a call, so that mypy does not narrow it from one assert to the next


def _footer_keys(app: TutorApp) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


# -- 1. whatever has focus is in view -------------------------------------------------------


async def test_typing_after_a_check_brings_the_text_box_back_into_view(
    build: AppFactory,
) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await _open(pilot, "basics", 3)
        area = lesson.query_one(TextArea)
        assert app.focused is area
        await _press(pilot, *"BUY NOW", "ctrl+s")
        assert shown(app, lesson.query_one(GradeFeedback).query_one(".verdict"))
        assert app.focused is area and not shown(app, area)  # the page went to the verdict
        await _press(pilot, "x")
        assert area.text == "BUY NOWx"
        assert shown(app, area)


async def test_arrows_read_down_to_a_text_box_before_moving_its_cursor(
    build: AppFactory, long_lessons: Path
) -> None:
    app = build(folder=long_lessons)
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await _open(pilot, "long", LATE)
        area = lesson.query_one(TextArea)
        body = lesson.query_one("#body")
        assert app.focused is area and not shown(app, area) and body.scroll_y == 0
        await _press(pilot, "down")
        assert body.scroll_y > 0 and app.focused is area
        while not shown(app, area):
            await _press(pilot, "down")
        await _press(pilot, *"Day", "enter", *"two", "up")
        assert area.cursor_location == (0, 3)  # in view, ↑ is the cursor's again
        assert shown(app, area)
        await _press(pilot, "pageup")  # PgUp too: the page is not scrolled away from the box
        assert shown(app, area) and area.text == "Day\ntwo"


async def test_arrows_read_down_to_the_answers_then_keep_the_highlight_in_view(
    build: AppFactory, long_lessons: Path
) -> None:
    app = build(folder=long_lessons)
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await _open(pilot, "long", CHOICE)
        radios = lesson.query_one(AnswerRadios)
        buttons = list(radios.query(RadioButton))
        body = lesson.query_one("#body")
        assert app.focused is radios and body.scroll_y == 0  # the step opens at its text
        assert not shown(app, buttons[0])
        # While the answers are out of view, ↓ scrolls the page instead of moving blind.
        await _press(pilot, "down")
        assert body.scroll_y > 0 and radios.highlighted_button is buttons[0]
        while not shown(app, buttons[0]):
            await _press(pilot, "down")
        for n in range(1, len(buttons)):
            await _press(pilot, "down")
            assert radios.highlighted_button is buttons[n]
            assert shown(app, buttons[n]), n
        # No wrap-around: past the last answer ↓ goes on to "Check answer".
        await _press(pilot, "down")
        assert radios.highlighted_button is buttons[-1]
        assert isinstance(app.focused, Button) and app.focused.has_class("submit")
        assert shown(app, app.focused)
        await _press(pilot, "up")
        assert app.focused is radios and radios.highlighted_button is buttons[-1]


async def test_space_on_an_answer_out_of_view_shows_it_instead_of_choosing_blind(
    build: AppFactory, long_lessons: Path
) -> None:
    app = build(folder=long_lessons)
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await _open(pilot, "long", CHOICE)
        first = lesson.query(RadioButton).first()
        assert not shown(app, first)
        await _press(pilot, "space")
        assert shown(app, first) and not first.value
        await _press(pilot, "space")
        assert first.value


# -- 2. arrows both ways between cards and buttons ----------------------------------------


async def test_arrows_move_between_cards_and_buttons_both_ways(
    build: AppFactory, long_lessons: Path
) -> None:
    app = build(folder=long_lessons)
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await _open(pilot, "long", PICK)
        cards = list(lesson.query(TweetCard))
        submit = lesson.query_one(".submit", Button)
        assert app.focused is cards[0]
        for card in cards[1:]:
            await _press(pilot, "down")
            assert _focus(app) is card and shown(app, card)
        await _press(pilot, "down")
        assert _focus(app) is submit and shown(app, submit)
        for card in reversed(cards):
            await _press(pilot, "up")
            assert _focus(app) is card and shown(app, card)
        # Above the first card there is only the question: ↑ scrolls the page up to it.
        body = lesson.query_one("#body")
        body.scroll_to(y=1, animate=False)
        await pilot.pause()
        await _press(pilot, "up")
        assert app.focused is cards[0] and body.scroll_y == 0


# -- 3. Ctrl+S from anywhere on an exercise step --------------------------------------------


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_ctrl_s_checks_from_the_next_button(
    build: AppFactory, store: ProgressStore, lang: Lang
) -> None:
    app = build(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await _open(pilot, "basics", 3)
        await _press(pilot, *"Hello there", "escape")
        assert app.focused is lesson.query_one("#next", Button)
        assert lesson.t("key.submit") in _footer_keys(app)
        await _press(pilot, "ctrl+s")
        assert lesson.query_one(GradeFeedback).display
    assert [a.answer for a in store.attempts("tester", "basics", "first-tweet")] == ["Hello there"]


async def test_ctrl_s_checks_the_exercise_last_worked_in(
    build: AppFactory, store: ProgressStore, long_lessons: Path
) -> None:
    app = build(folder=long_lessons)
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await _open(pilot, "long", BOTH)
        choice, compose = lesson.query(ExerciseWidget)
        assert app.focused is choice.query_one(AnswerRadios)  # the first exercise
        await _press(pilot, "enter")  # choose the first answer
        compose.query_one(TextArea).focus()
        await _press(pilot, *"My day", "escape", "ctrl+s")
        assert [a.exercise_id for a in store.attempts("tester", "long")] == ["both-compose"]
        # Back on the step, nothing worked in yet: Ctrl+S on Next checks the first exercise.
        await _press(pilot, "left", "escape", "right")
        assert lesson.index == BOTH
        lesson.query_one("#next", Button).focus()
        await _press(pilot, "ctrl+s")
        assert [a.exercise_id for a in store.attempts("tester", "long")] == [
            "both-compose",
            "both-choice",
        ]


async def test_ctrl_s_is_not_offered_on_a_step_without_an_exercise(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await _open(pilot, "basics", 0)
        assert not lesson.query(ExerciseWidget)
        assert lesson.t("key.submit") not in _footer_keys(app)
        await _press(pilot, "ctrl+s")  # does nothing, and nothing breaks
        assert lesson.index == 0


# -- 4. no wrap-around on the course map ----------------------------------------------------


async def test_the_lesson_list_does_not_wrap_around(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lessons = app.screen.query_one(CourseList)
        last = lessons.option_count - 1
        await _press(pilot, "down", "down")
        assert app.focused is lessons and lessons.highlighted == 1
        await _press(pilot, "up")
        assert lessons.highlighted == 0
        # ↑ on the first lesson goes back up to Continue, not round to the last lesson.
        await _press(pilot, "up")
        assert app.focused is not None and app.focused.id == "continue"
        assert lessons.highlighted == 0
        await _press(pilot, "enter")
        assert _lesson(app).lesson.id == "basics"  # what Continue offers: the first lesson
        await _press(pilot, "escape")
        await _press(pilot, "down", *["down"] * (last + 3))
        assert lessons.highlighted == last  # and ↓ stops at the end


# -- 5. the footer right after switching the language --------------------------------------


@pytest.mark.parametrize(("start", "then"), [("en", "de"), ("de", "en")])
async def test_the_footer_follows_a_language_switch_at_once(
    build: AppFactory, start: Lang, then: Lang
) -> None:
    app = build(lang=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        review = {"en": "Review", "de": "Rückblick"}
        assert review[start] in _footer_keys(app)
        await _press(pilot, "l")
        await pilot.pause()
        assert app.session.lang == then
        assert isinstance(app.screen, HomeScreen)
        assert review[then] in _footer_keys(app)
        assert app.focused is not None and app.focused.id == "continue"
        await _press(pilot, "enter")  # and Enter works right away, too
        assert isinstance(app.screen, LessonScreen)


# -- 6. letters navigate only where nothing can be typed ------------------------------------


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_typing_outside_the_text_box_writes_into_it(build: AppFactory, lang: Lang) -> None:
    app = build(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await _open(pilot, "basics", 2)
        await _press(pilot, "right")
        area = lesson.query_one(TextArea)
        assert lesson.index == 3 and app.focused is area  # the box takes focus as its step opens
        await _press(pilot, *"Hi", "escape")
        assert _focus(app) is lesson.query_one("#next", Button)
        await _press(pilot, *" new p")  # `n` and `p` would turn the page
        assert lesson.index == 3
        assert area.text == "Hi new p"
        assert _focus(app) is area and shown(app, area)
        await _press(pilot, "escape", "right")  # the arrows still turn the page
        assert lesson.index == 4


async def test_letters_still_navigate_where_nothing_can_be_typed(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await _open(pilot, "basics", 1)  # a choice: nothing to type in
        await _press(pilot, "n")
        assert lesson.index == 2
        await _press(pilot, "p")
        assert lesson.index == 1


async def test_typing_on_a_step_with_a_choice_and_a_box_goes_to_the_box(
    build: AppFactory, long_lessons: Path
) -> None:
    app = build(folder=long_lessons)
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await _open(pilot, "long", BOTH)
        radios = lesson.query_one(AnswerRadios)
        assert app.focused is radios
        await _press(pilot, "space")  # a key the answers use is theirs
        assert radios.pressed_index == 0
        await _press(pilot, *"no")
        assert lesson.index == BOTH
        assert lesson.query_one(TextArea).text == "no"
        await _press(pilot, "escape", "question_mark")  # so is the app's help key
        assert isinstance(app.screen, HelpScreen)


# -- 7. help at 80x24, and reading width ----------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_help_close_button_is_in_view_and_the_text_scrolls(
    build: AppFactory, lang: Lang
) -> None:
    app = build(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, "basics", 1)
        await _press(pilot, "f1")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        close = help_screen.query_one("#close", Button)
        assert app.focused is close
        assert app.screen.region.contains_region(close.region)
        assert str(close.label) == help_screen.t("key.close")
        text = help_screen.query_one("#help-text")
        assert text.max_scroll_y > 0  # at 24 lines it does not all fit, so it scrolls
        await _press(pilot, "pagedown")
        assert text.scroll_y > 0
        assert app.screen.region.contains_region(close.region)
        await _press(pilot, "enter")
        assert isinstance(app.screen, LessonScreen)


async def test_reading_text_keeps_a_comfortable_width_on_a_wide_terminal(
    build: AppFactory, long_lessons: Path
) -> None:
    app = build(folder=long_lessons)
    async with app.run_test(size=(200, 50)) as pilot:
        lesson = await _open(pilot, "long", CHOICE)
        text = lesson.query(".step-text").first()
        exercise = lesson.query_one(ExerciseWidget)
        assert text.region.width == exercise.region.width == 80
        assert text.region.x == lesson.query_one("#step-label").region.x  # left-aligned
        await _press(pilot, "f1")
        assert app.screen.query_one("#help").region.width <= 80
