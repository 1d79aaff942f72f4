"""Broken lessons, hostile text, small terminals, failing disks and `--watch`: never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

from textual import events
from textual.widgets import TextArea

from tests.tui.helpers import BROKEN, AppFactory, Notifications, settle
from twitter_tutor.progress import ProgressStore
from twitter_tutor.tui.literal import clean
from twitter_tutor.tui.screens.home import HomeScreen
from twitter_tutor.tui.screens.lesson import LessonScreen
from twitter_tutor.tui.screens.too_small import TooSmallScreen
from twitter_tutor.tui.widgets.course_list import CourseList
from twitter_tutor.tui.widgets.feedback import GradeFeedback
from twitter_tutor.tui.widgets.history import AttemptHistory
from twitter_tutor.tui.widgets.tweet_card import TweetCard

HOSTILE = "[bold]loud[/] [/] [link=https://evil.example]click[/link] \x1b[31mred\x1b[0m \x07 ]["


def _rows(app: object) -> list[str]:
    course = app.screen.query_one(CourseList)  # type: ignore[attr-defined]
    return [str(course.get_option_at_index(i).prompt) for i in range(course.option_count)]


async def test_a_broken_lesson_is_listed_with_its_problem(
    build: AppFactory, broken_lessons: Path
) -> None:
    app = build(folder=broken_lessons)
    notes = Notifications()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        await settle(pilot)
        rows = _rows(app)
        broken = next(r for r in rows if "Broken" in r)
        assert "Broken [bold]lesson[/]" in broken  # the title, literally
        assert "broken" in broken and "question" in broken  # its first problem
        course = app.screen.query_one(CourseList)
        course.focus()
        course.highlighted = rows.index(broken)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # not opened, explained
        assert any("cannot be opened" in m for m in notes.messages)


async def test_markup_and_escape_sequences_in_the_compose_box_stay_literal(
    build: AppFactory, store: ProgressStore
) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_lesson("basics", 3)
        await pilot.pause()
        lesson = app.screen
        assert isinstance(lesson, LessonScreen)
        area = lesson.query_one(TextArea)
        area.load_text(HOSTILE)
        area.move_cursor(area.document.end)
        await pilot.press("[", "/", "]", "?")
        await pilot.pause(0.3)  # the live check is debounced
        preview = lesson.query_one(".preview", TweetCard)
        shown = preview.render().plain
        assert "[bold]loud[/] [/] [link=https://evil.example]click[/link]" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        assert "␛[31mred" in shown  # visible, not sent to the terminal
        assert area.text.startswith("[bold]loud[/]") and "\x1b" not in area.text
        app.post_message(events.Paste("\x1b[2J"))  # a paste with an escape sequence
        await pilot.pause()
        assert area.text.endswith("[/]?␛[2J")
        assert "\x1b" not in app.export_screenshot()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert lesson.query_one(GradeFeedback).display
        history = lesson.query_one(AttemptHistory)
        assert "[bold]loud[/]" in history.rows.render().plain
    # Saved as shown: control characters as their visible stand-ins, markup as typed.
    assert store.attempts("tester")[-1].answer == clean(HOSTILE) + "[/]?␛[2J"


async def test_the_interface_speaks_german(build: AppFactory) -> None:
    app = build(lang="de")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = app.screen
        assert "Willkommen" in str(home.query_one("#welcome").render())
        assert "Starten" in str(home.query_one("#continue").label)  # type: ignore[attr-defined]
        descriptions = {b.binding.description for b in home.active_bindings.values()}
        assert {"Rückblick", "Hilfe"} <= descriptions
        await pilot.press("enter")
        await pilot.pause()
        lesson = app.screen
        assert isinstance(lesson, LessonScreen)
        assert lesson.lesson.lang == "de"  # the German version of the lesson
        assert "Schritt 1 von 5" in str(lesson.query_one("#step-label").render())
        assert "Weiter" in str(lesson.query_one("#next").label)  # type: ignore[attr-defined]


async def test_switching_language_while_running(build: AppFactory) -> None:
    app = build(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await pilot.pause()
        assert app.session.lang == "de"
        assert "Willkommen" in str(app.screen.query_one("#welcome").render())
        assert any("Grundlagen" in r or "Basics" in r for r in _rows(app))


async def test_a_small_terminal_asks_to_be_enlarged_and_recovers(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        assert "60x20" in str(app.screen.query_one("#too-small").render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_failing_store_becomes_a_notification(
    build: AppFactory, store: ProgressStore
) -> None:
    app = build()
    notes = Notifications()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        await settle(pilot)
        store.close()  # every read and write now fails with StoreError
        app.open_lesson("basics", 1)
        await pilot.pause()
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        lesson = app.screen
        assert isinstance(lesson, LessonScreen)
        assert "not saved" in str(lesson.query_one(".saved").render())
        assert sum("Progress not saved" in m for m in notes.messages) == 1  # once, not per write


async def test_memory_store_warning_is_shown(build: AppFactory) -> None:
    app = build(notices=("Your progress will NOT be kept after you quit.",))
    notes = Notifications()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        await settle(pilot)
        assert any("NOT be kept" in m for m in notes.messages)


async def test_watch_reloads_a_changed_lesson_and_shows_a_new_problem(
    build: AppFactory, lessons: Path
) -> None:
    app = build(watch=True)
    notes = Notifications()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        await settle(pilot)
        app.open_lesson("more-practice", 1)
        await pilot.pause()
        path = lessons / "02-more.md"
        good = path.read_text("utf-8")
        path.write_text(good.replace("Reading comes first", "Read first"), "utf-8")
        os.utime(path, ns=(1, 1))  # a different mtime even within the clock's resolution
        app.poll_lessons()
        await settle(pilot)
        lesson = app.screen
        assert isinstance(lesson, LessonScreen)
        assert lesson.lesson.steps[1].title == "Read first"
        assert any("Reloaded 02-more.md" in m for m in notes.messages)

        path.write_text(BROKEN.replace('id = "broken"', 'id = "more-practice"'), "utf-8")
        os.utime(path, ns=(2, 2))
        app.poll_lessons()
        await settle(pilot)
        assert "has a problem now" in str(lesson.query_one(".gone").render())
        assert any("has a problem now" in m for m in notes.messages)
        await pilot.press("n")  # nothing to page through while it is broken
        assert lesson.gone and lesson.index == 1

        path.write_text(good, "utf-8")
        os.utime(path, ns=(3, 3))
        app.poll_lessons()
        await settle(pilot)
        assert not lesson.gone and lesson.index == 1
        assert not lesson.query(".gone")


WEIRD_LESSON = """+++
id = "weird"
title = "Weird [bold]title[/] [link=x]y[/link]"
lang = "en"
order = 1
summary = "Summary with [red]markup[/]"
+++

Intro [bold]not bold[/] and [/] and an escape: \x1b[31mred\x1b[0m done.

## Step [b]two[/b]

More text.
"""


async def test_lesson_text_with_markup_and_escapes_is_shown_literally(
    build: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "weird"
    folder.mkdir()
    (folder / "weird.md").write_text(WEIRD_LESSON, "utf-8")
    app = build(folder=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Weird [bold]title[/]" in _rows(app)[0]
        await pilot.press("enter")
        await pilot.pause(0.3)
        screen = app.export_screenshot()
        assert "\x1b" not in screen
        assert "[bold]not bold[/]" in screen.replace("&#160;", " ")
