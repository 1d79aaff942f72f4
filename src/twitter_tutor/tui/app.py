"""The tutor app: screens, navigation and global keys. Thin on purpose.

`make_app` is the one way to build it, for the CLI and for the tests alike.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.screen import Screen

from twitter_tutor.texts import next_language
from twitter_tutor.tui.course_loading import LOAD_DELAY_S, CourseLoadingApp
from twitter_tutor.tui.literal import clean
from twitter_tutor.tui.screens.home import HomeScreen
from twitter_tutor.tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from twitter_tutor.tui.styles import tcss
from twitter_tutor.tutor.i18n import key_name, t
from twitter_tutor.tutor.session import Session
from twitter_tutor.types import Lang

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.notifications import SeverityLevel

    from twitter_tutor.content.course import Course
    from twitter_tutor.progress.store import ProgressStore
    from twitter_tutor.tui.messages import GoHome, OpenLesson, OpenReview
    from twitter_tutor.tui.screens.join import Joined
    from twitter_tutor.tutor.join import Workshop
    from twitter_tutor.tutor.trainer_access import TrainerGate


def lesson_commands() -> type[Provider]:
    # Loaded on the first Ctrl+P: the command machinery is not needed for the first paint.
    from twitter_tutor.tui.commands import LessonCommands

    return LessonCommands


def resume_collecting() -> None:
    """Once the first frame is out: the garbage collector again, if the launcher paused it
    for start-up. What start-up built lives as long as the app (a full collection now finds
    a few hundred objects in 20 ms): frozen, no collection walks it again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


LEARNER_MODE = "learner"
"""The screens of a workshop learner who has joined (see `TutorApp.on_joined`)."""


class TutorApp(CourseLoadingApp):
    # The home screen's layout is loaded with the app's: a screen's own CSS_PATH is read only
    # when it is installed as a mode, which costs extra stylesheet parses and renders at start.
    CSS_PATH = tcss("app.tcss", "screens/home.tcss")
    COMMANDS = App.COMMANDS | {lesson_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # Ctrl+C quits too (Textual only hints at Ctrl+Q); text boxes still copy with it.
        Binding("ctrl+c", "quit", "key.quit", show=False, system=True),
        Binding("f1,question_mark", "help", "key.help"),
        Binding("ctrl+t", "toggle_theme", "key.theme", show=False),
        # Only with --trainer-code; not in the footer, so learners are not invited to guess.
        Binding("f9", "trainer", "key.trainer", show=False),
    ]

    def __init__(self, session: Session, *, load_delay_s: float = LOAD_DELAY_S) -> None:
        super().__init__(session, load_delay_s=load_delay_s)
        session.on_error = self._store_error
        session.on_damaged = self._store_damaged
        self._errors_shown: set[str] = set()

    def get_default_screen(self) -> Screen[None]:
        if self.session.needs_join:
            from twitter_tutor.tui.screens.join import JoinScreen
            from twitter_tutor.tutor.join import Joining

            assert self.session.workshop is not None  # needs_join says so
            return JoinScreen(self.session, Joining(self.session.store, self.session.workshop))
        return HomeScreen(self.session)

    def on_joined(self, message: Joined) -> None:
        """A workshop learner joined: from now on the progress is theirs.

        The course map opens in a mode of its own, so Home and Escape go down to it and
        never back to the join screen, which stays behind in the default mode, unused."""
        self.session.set_profile(message.profile)
        self.sub_title = message.profile  # who is in, on every screen's header
        self.add_mode(LEARNER_MODE, lambda: HomeScreen(self.session))
        self.switch_mode(LEARNER_MODE)
        self.notify(t(self.session.lang, "join.joined", name=message.profile), markup=False)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        # File names, lesson problems and learner text travel in notifications: always literal.
        super().notify(
            clean(message), title=clean(title), severity=severity, timeout=timeout, markup=False
        )

    def on_mount(self) -> None:
        self.title = t(self.session.lang, "app.title")
        for notice in self.session.notices:
            self.notify(notice, severity="warning", timeout=12, markup=False)
        self.start_loading()
        self._check_size(self.size)
        self.call_after_refresh(resume_collecting)

    def _store_error(self, message: str) -> None:
        # A read-only disk fails every write the same way: say it once, not at every step.
        if message not in self._errors_shown:
            self._errors_shown.add(message)
            text = t(self.session.lang, "app.store_error", error=message)
            self.notify(text, severity="error", timeout=12, markup=False)

    def _store_damaged(self, detail: str) -> None:
        text = t(self.session.lang, "app.store_damaged", detail=detail)
        self.notify(text, severity="warning", timeout=12, markup=False)

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

        if self.session.needs_join or self.wait_for_course(lesson_id, step):
            return
        file = self.session.find(lesson_id)
        if file is None or file.lesson is None:
            return
        if step is None:
            step = self.session.start_step(lesson_id)
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

        if self.session.needs_join:
            return
        self._to_home()
        self.push_screen(ReviewScreen(self.session))

    def action_trainer(self) -> None:
        from twitter_tutor.tui.screens.trainer import TrainerScreen

        gate = self.session.trainer
        if gate is not None and not isinstance(self.screen, TrainerScreen):
            self.push_screen(TrainerScreen(self.session, gate))

    def action_help(self) -> None:
        from twitter_tutor.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.session, self.screen.active_bindings))

    def get_key_display(self, binding: Binding) -> str:
        # Footer and help name keys in the learner's language ("Leertaste", not "space").
        return key_name(self.session.lang, super().get_key_display(binding))

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    async def action_switch_language(self) -> None:
        session = self.session
        session.lang = next_language(session.lang)  # through every installed one, in order
        self.title = t(session.lang, "app.title")
        if session.course is not None:
            session.set_course(session.course)  # the rows of the other language
        else:
            self.rows_from_index()
        self._to_home()
        home = self.screen_stack[0]
        await home.recompose()
        # Recomposing removed the focused widget, and the new footer stays empty until the
        # bindings change: focus the screen's start again and fill the footer at once.
        start = next(iter(home.query(home.AUTO_FOCUS)), None) if home.AUTO_FOCUS else None
        if start is not None:
            start.focus(scroll_visible=False)
        home.refresh_bindings()
        self.course_changed()
        self.notify(t(self.session.lang, "app.lang_switched"), markup=False)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            placeholder = t(self.session.lang, "cmd.placeholder")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        def cmd(name: str, callback: Callable[[], object], lang: str = "") -> SystemCommand:
            lang = lang or self.session.lang
            return SystemCommand(t(lang, f"cmd.{name}"), t(lang, f"cmd.{name}_help"), callback)

        if not self.session.needs_join:
            yield cmd("home", self.action_home)
            yield cmd("review", self.action_review)
        if self.session.trainer is not None:
            yield cmd("trainer", self.action_trainer)
        yield cmd("help", self.action_help)
        yield cmd("theme", self.action_toggle_theme)
        # Offered in the language it switches to, so a reader of that language finds it.
        yield cmd("language", self.action_switch_language, next_language(self.session.lang))
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
    load_delay_s: float = LOAD_DELAY_S,
    workshop: Workshop | None = None,
    trainer_code: str | None = None,
) -> TutorApp:
    """The tutor, wired to its services; the CLI and the tests both build it here (tests with
    `load_delay_s=0`: the delay only lets a real terminal paint first). With a `workshop`
    (`serve`) the learner joins first and `profile` is not used until then. With a
    `trainer_code`, F9 or the command palette opens the trainer's view behind that code."""
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
        workshop=workshop,
        trainer=_trainer_gate(trainer_code),
    )
    return TutorApp(session, load_delay_s=load_delay_s)


def _trainer_gate(code: str | None) -> TrainerGate | None:
    if not code:
        return None
    from twitter_tutor.tutor.trainer_access import TrainerGate  # only trainers pay for hmac

    return TrainerGate(code)
