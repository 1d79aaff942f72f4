"""What the tutor calls things: titles instead of ids, plurals, one line per attempt, German
key names and words, and a README that says what a new learner sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.binding import Binding
from textual.command import CommandInput, CommandPalette
from textual.widgets import Button, DataTable, Static

from tests.tui.helpers import AppFactory, settle
from twitter_tutor.progress import ProgressStore
from twitter_tutor.tui.screens.home import HomeScreen
from twitter_tutor.tui.screens.lesson import LessonScreen
from twitter_tutor.tui.screens.review import ReviewScreen
from twitter_tutor.tui.widgets.history import AttemptHistory
from twitter_tutor.tutor.i18n import t, tn
from twitter_tutor.types import Lang

README = Path(__file__).resolve().parents[2] / "README.md"


def _record(store: ProgressStore, exercise: str, answer: str, score: int) -> None:
    store.record_attempt("tester", "basics", exercise, answer, score, score >= 70, [], "h")


# -- 15: titles, plurals, one line per attempt ----------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_review_names_exercises_by_their_question_and_counts_in_words(
    build: AppFactory, store: ProgressStore, lang: str
) -> None:
    _record(store, "gone-exercise", "an answer to an exercise no longer in the lesson", 50)
    _record(store, "first-choice", "1", 100)
    app = build(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_review()
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        table = review.query_one("#attempts", DataTable)
        newest, oldest = (str(table.get_row_at(n)[2]) for n in range(2))
        question = app.session.find("basics").lesson.exercise("first-choice").label  # type: ignore[union-attr]
        assert newest == question[:23] + "…" and "first-choice" not in newest
        assert oldest == "gone-exercise"  # the id only when the exercise is gone
        chart = str(review.query_one("#chart-title", Static).render())
        assert chart == tn(lang, "review.chart", 2)
        singular = "(1 attempt)" if lang == "en" else "(1 Versuch)"
        assert tn(lang, "review.chart", 1).endswith(singular)


async def test_each_earlier_attempt_keeps_to_one_line(
    build: AppFactory, store: ProgressStore
) -> None:
    long_answer = "A long answer that goes on and on about newsletters " * 4
    _record(store, "first-tweet", long_answer, 40)
    _record(store, "first-tweet", "Short one?", 90)
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_lesson("basics", 3)
        await pilot.pause()
        history = app.screen.query_one(AttemptHistory)
        history.collapsed = False
        await pilot.pause()
        rows = history.query_one(".history-rows", Static)
        assert rows.size.height == 2  # two attempts, two lines: the long one is cut with "…"
        assert rows.size.width < cell_len(long_answer)


def test_grading_feedback_counts_in_words() -> None:
    from twitter_tutor.grading.messages import message

    assert message("en", "max_hashtags.pass", count=1) == "1 hashtag: fine."
    assert message("en", "max_hashtags.pass", count=0) == "0 hashtags: fine."
    assert message("de", "min_personal.pass", count=1, limit=1).startswith("1 persönlicher Tweet:")
    assert message("de", "min_personal.pass", count=2, limit=1).startswith("2 persönliche Tweets:")


# -- 16: German keys, words and quotes ------------------------------------------------------------


async def test_footer_keys_are_named_in_the_learners_language(build: AppFactory) -> None:
    app = build(lang="de")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_lesson("basics", 2)  # pick: space selects a card
        await pilot.pause()
        card = app.screen.query_one("TweetCard")
        card.focus()
        await pilot.pause()
        keys = [getattr(k, "key_display", "") for k in app.screen.query("FooterKey")]
        assert "Leertaste" in keys and "space" not in keys
        assert app.get_key_display(Binding("escape", "back")) == "Esc"
        assert app.get_key_display(Binding("ctrl+s", "submit")) == "^s"  # symbols stay
        app.session.lang = Lang("en")
        assert app.get_key_display(Binding("space", "toggle")) == "space"


async def test_german_continue_and_next_are_different_words(
    build: AppFactory, store: ProgressStore
) -> None:
    store.visit("tester", "basics", 1)
    app = build(lang="de")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        continue_label = str(app.screen.query_one("#continue", Button).label)
        assert continue_label.startswith("▶ Fortsetzen:")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        next_word = str(app.screen.query_one("#next", Button).label).split()[0]
        assert next_word == "Weiter" and next_word not in continue_label


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_the_palette_placeholder_fits_at_80_columns(build: AppFactory, lang: str) -> None:
    app = build(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        box = app.screen.query_one(CommandInput)
        assert box.placeholder == t(lang, "cmd.placeholder")
        assert cell_len(box.placeholder) < box.content_region.width


# -- 17: the README says what a new learner sees --------------------------------------------------


async def test_the_readme_names_the_button_a_new_learner_sees(
    build: AppFactory, store: ProgressStore
) -> None:
    readme = " ".join(README.read_text("utf-8").split())
    start = t("en", "home.start", title="").rstrip(": ")
    again = t("en", "home.continue", title="", step=1, steps=1).split(":")[0]
    assert f"`{start}` the first time" in readme and f"`{again}`" in readme
    assert "Continue is focused at start" not in readme

    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.focused is not None and app.focused.id == "continue"
        assert str(app.focused.label).startswith(start)  # type: ignore[attr-defined]
    store.visit("tester", "basics", 1)
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert str(app.screen.query_one("#continue", Button).label).startswith(again)
