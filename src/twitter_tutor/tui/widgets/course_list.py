"""The lessons of the course map: one two-line row per lesson, state aligned on the right.

An OptionList, not a ListView: it draws 200 rows in about 0.06 s where ListView takes 0.5 s.
Rows are rebuilt on resize so titles are cut to the width that is really there.

↑/↓ stop at the ends instead of wrapping around (↓ ↓ ↑ ↑ Enter must not open the final
lesson); ↑ on the first lesson passes on to the screen, which goes back to Continue.

`LessonRows` draws the same rows as one picture, cell for cell: the tutor's first frame shows
it, and the screen puts the CourseList in its place right after (HomeScreen), since building
and drawing an OptionList cost about a sixth of a bare Textual app's whole start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.actions import SkipAction
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from twitter_tutor.tui.literal import literal, one_line
from twitter_tutor.tutor.course_index import LessonEntry
from twitter_tutor.tutor.i18n import lang_name, t

if TYPE_CHECKING:
    from twitter_tutor.progress.models import LessonProgress

BAR_WIDTH = 10
STATE_WIDTH = 24


def progress_bar(done: int, total: int, width: int = BAR_WIDTH) -> Content:
    filled = round(width * done / total) if total else 0
    return Content.assemble(("━" * filled, "$success"), ("━" * (width - filled), "$foreground 20%"))


def row_lines(
    lang: str,
    number: int,
    row: LessonEntry,
    progress: dict[str, LessonProgress],
    width: int,
) -> tuple[Content, Content]:
    """The two lines of a lesson's row, `width` cells each: number, title, minutes and state;
    then the summary, or what is wrong with a broken lesson."""
    state = _state(lang, row, progress)
    minutes = t(lang, "home.minutes", minutes=row.minutes) if row.minutes else ""
    right = Content.assemble(
        (f"{minutes:>8}", "$text-muted"),
        "  ",
        state.pad_left(max(0, STATE_WIDTH - state.cell_length)),
    )
    head = f"{number:>2}  "
    room = max(10, width - len(head) - right.cell_length - 1)
    title = row.title
    if row.lang is not None and row.lang != lang:
        title += " " + t(lang, "home.other_lang", language=lang_name(lang, row.lang))
    title_text = one_line(title, room)
    gap = " " * max(1, width - len(head) - len(title_text) - right.cell_length)
    line1 = Content.assemble((head, "$text-muted"), literal(title_text, "bold"), gap, right)
    if row.broken:
        text = one_line(t(lang, "home.broken", problem=row.problem), width - len(head))
        line2 = Content.assemble(" " * len(head), literal(text, "$text-error"))
    else:
        summary = one_line(row.summary, width - len(head))
        line2 = Content.assemble(" " * len(head), literal(summary, "$text-muted"))
    return line1, line2


def _state(lang: str, row: LessonEntry, progress: dict[str, LessonProgress]) -> Content:
    if not row.openable or row.lesson_id is None:
        return Content("")
    found = progress.get(row.lesson_id)
    if found is None or found.state == "not_started":
        return Content.styled(t(lang, "home.not_started"), "$text-muted")
    if found.state == "completed":
        done = t(lang, "home.completed")
        if found.best_score is not None:
            done += " · " + t(lang, "home.best", score=found.best_score)
        return Content.styled(done, "$text-success")
    step = min(found.step + 1, row.steps)
    return Content.assemble(progress_bar(step, row.steps), f" {step}/{row.steps}")


def _row_width(region_width: int) -> int:
    """The width of a row's text in a list `region_width` cells wide: each row has one cell of
    padding either side; before the first layout, an 80-column terminal is assumed."""
    return max(40, (region_width or 76) - 2)


class CourseList(OptionList):
    # Rows fill the width `_width` computes: no border, and the scrollbar's cells kept free.
    DEFAULT_CSS = """
    CourseList {
        scrollbar-gutter: stable;
        border: none;
        padding: 0;
    }
    CourseList:focus {
        border: none;  /* else OptionList:focus draws one */
    }
    CourseList > .option-list--option {
        padding: 0 1;
    }
    """

    def __init__(self, lang: str, *, id: str | None = None, region_width: int = 0) -> None:
        """`region_width`: the width the list will have, when known before its first layout
        (it then draws its first frame with titles cut to the right width)."""
        super().__init__(id=id)
        self.lang = lang
        self.rows: list[LessonEntry] = []
        self.progress: dict[str, LessonProgress] = {}
        self._built_width = 0
        self._region_width = region_width

    def show(self, rows: list[LessonEntry], progress: dict[str, LessonProgress]) -> None:
        self.rows = rows
        self.progress = progress
        self._rebuild()

    def row(self, key: str | None) -> LessonEntry | None:
        return next((row for row in self.rows if row.key == key), None)

    def on_resize(self, _event: events.Resize) -> None:
        if self._width() != self._built_width:
            self._rebuild()

    def _width(self) -> int:
        # The scrollbar's cells are kept free, see DEFAULT_CSS.
        return _row_width(self.scrollable_content_region.width or self._region_width)

    def action_cursor_up(self) -> None:
        if self.highlighted is None or self.highlighted <= 0:
            raise SkipAction()
        super().action_cursor_up()

    def action_cursor_down(self) -> None:
        if self.highlighted is not None and self.highlighted >= self.option_count - 1:
            return
        super().action_cursor_down()

    def _rebuild(self) -> None:
        highlighted = self.highlighted
        width = self._built_width = self._width()
        lang, progress = self.lang, self.progress
        self.set_options(
            [
                Option(Content("\n").join(row_lines(lang, n, row, progress, width)), row.key)
                for n, row in enumerate(self.rows, 1)
            ]
        )
        if self.rows:
            self.highlighted = min(highlighted or 0, len(self.rows) - 1)


class LessonRows(ScrollView, can_focus=False):
    """The rows of a CourseList as one picture, cell for cell what the list draws with its
    first lesson highlighted and no focus (scroll bar included), without options, cursor or
    mouse handling.

    The screen shows it in the first frame and puts the CourseList in its place as soon as
    that frame is out (`Painted`), or at once when a key asks for the list first.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"lesson-rows--highlighted"}
    # CourseList's look (OptionList's rules as CourseList's DEFAULT_CSS leaves them).
    DEFAULT_CSS = """
    LessonRows {
        color: $foreground;
        background: $surface;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        text-wrap: nowrap;  /* each line is cut to the width already: no wrapping to work out */
        & > .lesson-rows--highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    class Painted(Message):
        """The first frame with the rows is drawn: the list may take their place now."""

    def __init__(self, lang: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.rows: list[LessonEntry] = []
        self.progress: dict[str, LessonProgress] = {}
        self._drawn: tuple[object, dict[int, list[Strip]]] = (None, {})
        """(width and styles, {row index: its two lines}) of the rows drawn so far."""

    @property
    def region_width(self) -> int:
        """The width a CourseList in this place has for its rows (0 before the first layout)."""
        return self.scrollable_content_region.width

    def show(self, rows: list[LessonEntry], progress: dict[str, LessonProgress]) -> None:
        self.rows = rows
        self.progress = progress
        self._drawn = (None, {})
        self.virtual_size = Size(0, 2 * len(rows))
        self.refresh()

    def on_mount(self) -> None:
        self.call_after_refresh(self.post_message, self.Painted())

    def render_line(self, y: int) -> Strip:
        # Only the rows in view are drawn, each once (for this width and theme).
        width = self.scrollable_content_region.width
        base = self.visual_style
        highlight = self.get_visual_style("lesson-rows--highlighted")
        key = (width, base, highlight)
        if self._drawn[0] != key:
            self._drawn = (key, {})
        index, part = divmod(y + self.scroll_offset.y, 2)
        if index >= len(self.rows):
            return Strip.blank(width, base.rich_style)
        drawn = self._drawn[1]
        if index not in drawn:
            # This row and the rest of those in view, in one go: drawing a Visual has a cost
            # of its own besides its lines (issue 17: the first frame draws them all).
            in_view = (self.scroll_offset.y + self.scrollable_content_region.height + 1) // 2
            last = min(len(self.rows), max(index + 1, in_view))
            todo = [i for i in range(index, last) if i not in drawn]
            rows = [self._row(i, _row_width(width), highlight if i == 0 else None) for i in todo]
            strips = Visual.to_strips(self, Content("\n").join(rows), width, None, base)
            for n, i in enumerate(todo):
                drawn[i] = strips[2 * n : 2 * n + 2]
        return drawn[index][part]

    def _row(self, index: int, width: int, highlight: VisualStyle | None) -> Content:
        lines = row_lines(self.lang, index + 1, self.rows[index], self.progress, width)
        # One cell of padding either side, each line filled to the width, as the list fills
        # the lines of an option in the option's style, the highlight included.
        padded = [
            Content.assemble(" ", line, " " * max(1, width + 1 - line.cell_length))
            for line in lines
        ]
        row = Content("\n").join(padded)
        return row if highlight is None else row.stylize_before(highlight)
