"""The light widgets of the first screen look exactly like the Textual widgets they stand for.

The course map's Continue button carries only the CSS rules that style a primary Button
(`ContinueButton`, see tui/screens/home.py): parsing Button's whole DEFAULT_CSS cost start-up
time. Here both are compared in every state and theme, so a Textual upgrade that restyles
Button shows up as a failure instead of a button that looks different on one screen.

The first frame shows the lessons as a picture (`LessonRows`) that the real list replaces right
after; both must look the same to the cell, and a key pressed before the swap must not be lost.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import Button

from tests.tui.helpers import settle
from tests.tui.scenes import scene_app, seed
from twitter_tutor.progress import ProgressStore
from twitter_tutor.settings import builtin_lessons_dir
from twitter_tutor.tui.screens.home import ContinueButton, HomeScreen
from twitter_tutor.tui.widgets.course_list import CourseList, LessonRows

STYLES = (
    "background",
    "background_tint",
    "color",
    "tint",
    "text_style",
    "text_opacity",
    "text_align",
    "content_align_horizontal",
    "content_align_vertical",
    "border_top",
    "border_bottom",
    "border_left",
    "border_right",
    "width",
    "min_width",
    "height",
    "line_pad",
    "pointer",
    "padding",
    "margin",
    "link_color",
    "link_background",
    "link_style",
)


def _looks(widget: Widget) -> dict[str, object]:
    return {name: getattr(widget.styles, name) for name in STYLES}


class _One(App[None]):
    AUTO_FOCUS = None  # focus is one of the states compared

    def __init__(self, button: Button) -> None:
        super().__init__()
        self.button = button

    def compose(self) -> ComposeResult:
        yield self.button


def _focus(button: Button) -> None:
    button.focus()


def _hover(button: Button) -> None:
    button.mouse_hover = True


def _press(button: Button) -> None:
    button.add_class("-active")


def _disable(button: Button) -> None:
    button.disabled = True


STATES: dict[str, list[Callable[[Button], None]]] = {
    "plain": [],
    "focus": [_focus],
    "hover": [_hover],
    "pressed": [_press],
    "focus+hover": [_focus, _hover],
    "hover+pressed": [_hover, _press],
    "focus+hover+pressed": [_focus, _hover, _press],
    "disabled": [_disable],
}


async def _styled(button: Button, state: str, theme: str) -> dict[str, object]:
    app = _One(button)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.pause()
        for step in STATES[state]:
            step(button)
        app.update_styles(button)  # hover alone repaints nothing until the mouse moves
        await pilot.pause()
        return _looks(button)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("state", sorted(STATES))
async def test_the_continue_button_is_styled_like_a_primary_button(state: str, theme: str) -> None:
    real = await _styled(Button("Start", variant="primary"), state, theme)
    light = await _styled(ContinueButton("Start", variant="primary"), state, theme)
    assert light == real


async def test_the_continue_button_is_still_a_button() -> None:
    pressed: list[str] = []

    class _Pressing(App[None]):
        def compose(self) -> ComposeResult:
            yield ContinueButton("Start", id="light", variant="primary")

        def on_button_pressed(self, event: Button.Pressed) -> None:
            pressed.append(event.button.id or "")

    app = _Pressing()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
    assert pressed == ["light"]


def _keep_the_picture(monkeypatch: pytest.MonkeyPatch) -> None:
    """The list no longer takes the picture's place by itself: only when something asks."""
    monkeypatch.setattr(HomeScreen, "on_lesson_rows_painted", lambda self, message: None)


Cell = tuple[str, object, object, tuple[bool, ...]]


def _cells(app: App[None]) -> list[list[Cell]]:
    """What the screen shows, cell by cell: character, colours and text attributes. How the
    segments are cut, what the mouse would find there and the colour of a blank (which shows
    nothing) make no difference to the eye, so they do not count."""
    lines: list[list[Cell]] = []
    for strips in app.screen._compositor.render_full_update().strips:
        line: list[Cell] = []
        for strip in strips:
            for text, style, _ in strip:
                bold = dim = italic = underline = reverse = strike = False
                color = background = None
                if style is not None:
                    bold, dim, italic = bool(style.bold), bool(style.dim), bool(style.italic)
                    underline, reverse = bool(style.underline), bool(style.reverse)
                    strike, color, background = bool(style.strike), style.color, style.bgcolor
                for char in text:
                    shows_color = char != " " or underline or strike or reverse
                    look = (bold, dim, italic, underline, reverse, strike)
                    line.append((char, color if shows_color else None, background, look))
        lines.append(line)
    return lines


async def _course_map(
    lessons: Path, store: ProgressStore, size: tuple[int, int], theme: str
) -> tuple[list[list[Cell]], bool]:
    """The course map's cells, and whether it shows the picture (not the list)."""
    app = scene_app(lessons, store)
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await settle(pilot)
        picture = bool(app.screen.query(LessonRows))
        return _cells(app), picture


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
async def test_the_first_frames_picture_of_the_lessons_looks_like_the_list(
    broken_lessons: Path,
    fixed_store: ProgressStore,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    theme: str,
) -> None:
    seed(fixed_store)  # lessons done, half-way and broken: every kind of row
    with_list, picture = await _course_map(broken_lessons, fixed_store, size, theme)
    assert not picture
    _keep_the_picture(monkeypatch)
    with_picture, picture = await _course_map(broken_lessons, fixed_store, size, theme)
    assert picture
    assert with_picture == with_list


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_picture_of_the_built_in_course_has_the_lists_scroll_bar(
    fixed_store: ProgressStore, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    course = builtin_lessons_dir()  # more lessons than fit: a scroll bar shows
    with_list, _ = await _course_map(course, fixed_store, size, "textual-dark")
    _keep_the_picture(monkeypatch)
    with_picture, picture = await _course_map(course, fixed_store, size, "textual-dark")
    assert picture
    assert with_picture == with_list


@pytest.mark.parametrize("keys", [["down"], ["tab"]])
async def test_keys_for_the_lessons_before_the_list_is_there_reach_it(
    lessons: Path, store: ProgressStore, monkeypatch: pytest.MonkeyPatch, keys: list[str]
) -> None:
    _keep_the_picture(monkeypatch)
    app = scene_app(lessons, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query(LessonRows)
        await pilot.press(*keys, "down")
        await pilot.pause()
        course_list = app.screen.query_one(CourseList)
        assert app.focused is course_list
        assert course_list.highlighted == 1
        assert not app.screen.query(LessonRows)
