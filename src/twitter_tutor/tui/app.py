"""The tutor app: screens, global keys, course loading and `--watch`. Thin on purpose.

`make_app` is the one way to build it, for the CLI and for the tests alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen

from twitter_tutor.tui import course_index
from twitter_tutor.tui.i18n import t
from twitter_tutor.tui.messages import GoHome, OpenLesson, OpenReview
from twitter_tutor.tui.screens.base import TutorScreen
from twitter_tutor.tui.screens.home import HomeScreen
from twitter_tutor.tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from twitter_tutor.tui.session import Session
from twitter_tutor.tui.styles import tcss
from twitter_tutor.tui.watcher import Stamp, changes, scan
from twitter_tutor.types import Lang

if TYPE_CHECKING:
    from textual.command import Provider

    from twitter_tutor.content.course import Course
    from twitter_tutor.progress.store import ProgressStore


def lesson_commands() -> type[Provider]:
    # Loaded on the first Ctrl+P: the command machinery is not needed for the first paint.
    from twitter_tutor.tui.commands import LessonCommands

    return LessonCommands


@dataclass
class CourseLoaded(Message):
    course: Course
    changed: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


@dataclass
class LoadFailed(Message):
    error: str


class TutorApp(App[None]):
    CSS_PATH = tcss("app.tcss")
    # A named mode, not get_default_screen(): only a mode's base screen gets its CSS_PATH loaded.
    DEFAULT_MODE = "tutor"
    COMMANDS = App.COMMANDS | {lesson_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # Ctrl+C quits too (Textual only hints at Ctrl+Q); text boxes still copy with it.
        Binding("ctrl+c", "quit", "key.quit", show=False, system=True),
        Binding("f1,question_mark", "help", "key.help"),
        Binding("ctrl+t", "toggle_theme", "key.theme", show=False),
    ]

    def __init__(self, session: Session, *, watch_interval: float = 1.0) -> None:
        super().__init__()
        self.session = session
        session.on_error = self._store_error
        self._watch_interval = watch_interval
        self._stamps: dict[Path, Stamp] = {}
        self._errors_shown: set[str] = set()
        self._pending: tuple[str, int | None] | None = None
        """A lesson asked for before the course finished loading."""
        self.add_mode(self.DEFAULT_MODE, lambda: HomeScreen(self.session))
        # Before the first screen is built, so it is laid out once, rows included.
        self._rows_from_index()

    def on_mount(self) -> None:
        self.title = t(self.session.lang, "app.title")
        for notice in self.session.notices:
            self.notify(notice, severity="warning", timeout=12, markup=False)
        if self.session.watch:
            self._stamps = scan(self.session.sources)
            self.set_interval(self._watch_interval, self._poll)
        # After the first paint: the loading thread would otherwise compete with it for the GIL.
        self.call_after_refresh(self._load_course)
        self._check_size(self.size)

    # -- course loading and --watch ---------------------------------------------------------

    def _rows_from_index(self) -> None:
        """The map's rows from the cache, so they paint before the course has loaded."""
        session = self.session
        if session.course is None and session.index_path is not None:
            session.entries = course_index.read(session.index_path, session.sources, session.lang)
            self._course_changed()

    def _course_changed(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, TutorScreen):
                screen.course_changed()

    @work(thread=True, exclusive=True, group="course")
    def _load_course(self, changed: Sequence[Path] = (), removed: Sequence[Path] = ()) -> None:
        # A thread, so the first screen paints while pydantic and the lessons load.
        session = self.session
        stamps = scan(session.sources)  # before loading: an edit meanwhile voids the cache
        try:
            course = session.course_loader()
        except Exception as error:  # a loader bug must never take the tutor down
            self.post_message(LoadFailed(str(error)))
            return
        self.post_message(CourseLoaded(course, list(changed), list(removed)))
        if session.index_path is not None:
            course_index.write(session.index_path, session.sources, stamps, course)

    def on_course_loaded(self, message: CourseLoaded) -> None:
        self.session.set_course(message.course)
        self._course_changed()
        if self._pending is not None:
            lesson_id, step = self._pending
            self._pending = None
            self.open_lesson(lesson_id, step)
        lang = self.session.lang
        for path in message.changed:
            file = next((f for f in message.course.files if f.path == path), None)
            if file is not None and file.lesson is None and file.problems:
                text = t(lang, "app.reloaded_broken", name=path.name, problem=file.problems[0])
                self.notify(text, severity="error", timeout=10, markup=False)
            else:
                self.notify(t(lang, "app.reloaded", name=path.name), markup=False)
        for path in message.removed:
            self.notify(t(lang, "app.removed", name=path.name), severity="warning", markup=False)

    def on_load_failed(self, message: LoadFailed) -> None:
        text = t(self.session.lang, "app.load_failed", error=message.error)
        self.notify(text, severity="error", timeout=15, markup=False)

    def _poll(self) -> None:
        stamps = scan(self.session.sources)
        changed, removed = changes(self._stamps, stamps)
        self._stamps = stamps
        if changed or removed:
            self._load_course(changed, removed)

    def _store_error(self, message: str) -> None:
        # A read-only disk fails every write the same way: say it once, not at every step.
        if message not in self._errors_shown:
            self._errors_shown.add(message)
            text = t(self.session.lang, "app.store_error", error=message)
            self.notify(text, severity="error", timeout=12, markup=False)

    # -- size -------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        # event.size: this handler runs before App's own, which updates self.size.
        self._check_size(event.size)

    def _check_size(self, size: Size) -> None:
        small = size.width < MIN_WIDTH or size.height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen(self.session))
        elif not small and showing:
            self.pop_screen()

    # -- navigation -------------------------------------------------------------------------

    def _to_home(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def open_lesson(self, lesson_id: str, step: int | None = None) -> None:
        from twitter_tutor.tui.screens.lesson import LessonScreen  # first use pays for grading

        if self.session.course is None:
            self._pending = (lesson_id, step)  # opened as soon as the course is loaded
            return
        file = self.session.find(lesson_id)
        if file is None or file.lesson is None:
            return
        if step is None:
            state = self.session.progress().get(lesson_id)
            step = state.step if state is not None and state.state == "in_progress" else 0
        self._to_home()
        self.push_screen(LessonScreen(self.session, file.lesson, step))

    def on_open_lesson(self, message: OpenLesson) -> None:
        self.open_lesson(message.lesson_id, message.step)

    def on_open_review(self, _message: OpenReview) -> None:
        self.action_review()

    def on_go_home(self, _message: GoHome) -> None:
        self._to_home()

    def action_home(self) -> None:
        self._to_home()

    def action_review(self) -> None:
        from twitter_tutor.tui.screens.review import ReviewScreen

        self._to_home()
        self.push_screen(ReviewScreen(self.session))

    def action_help(self) -> None:
        from twitter_tutor.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.session, self.screen.active_bindings))

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    async def action_switch_language(self) -> None:
        session = self.session
        session.lang = "en" if session.lang == "de" else "de"
        self.title = t(session.lang, "app.title")
        if session.course is not None:
            session.set_course(session.course)  # the rows of the other language
        else:
            self._rows_from_index()
        self._to_home()
        await self.screen_stack[0].recompose()
        self._course_changed()
        self.notify(t(self.session.lang, "app.lang_switched"), markup=False)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            placeholder = t(self.session.lang, "cmd.placeholder")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        def cmd(name: str, callback: Callable[[], object]) -> SystemCommand:
            lang = self.session.lang
            return SystemCommand(t(lang, f"cmd.{name}"), t(lang, f"cmd.{name}_help"), callback)

        yield cmd("home", self.action_home)
        yield cmd("review", self.action_review)
        yield cmd("help", self.action_help)
        yield cmd("theme", self.action_toggle_theme)
        yield cmd("language", self.action_switch_language)
        yield cmd("quit", self.action_quit)


def make_app(
    course_loader: Callable[[], Course],
    store: ProgressStore,
    profile: str,
    lang: Lang,
    sources: Sequence[Path] = (),
    *,
    watch: bool = False,
    notices: Sequence[str] = (),
    tz: tzinfo | None = None,
    index_path: Path | None = None,
) -> TutorApp:
    """The tutor, wired to its services; the CLI and the tests both build it here."""
    session = Session(
        course_loader=course_loader,
        store=store,
        profile=profile,
        lang=lang,
        sources=tuple(sources),
        watch=watch,
        notices=tuple(notices),
        tz=tz,
        index_path=index_path,
    )
    return TutorApp(session)
