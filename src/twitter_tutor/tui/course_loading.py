"""The part of the app that gets the course: the cached map first, the full course in a
thread after the first paint, and again whenever `--watch` sees a lesson file change."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App

from twitter_tutor.settings import builtin_lessons_dir
from twitter_tutor.tui.screens.base import TutorScreen
from twitter_tutor.tutor import course_index
from twitter_tutor.tutor.i18n import t
from twitter_tutor.tutor.session import Session
from twitter_tutor.tutor.watcher import Stamp, changes, scan

if TYPE_CHECKING:
    from twitter_tutor.tui.course_messages import CourseLoaded, LoadFailed


def warm_up(lang: str) -> None:
    """Import what opening a lesson needs (grading, the analysis lexicons, the lesson screen),
    in the loading thread while the learner reads the map, so the first lesson opens at once."""
    try:
        importlib.import_module("twitter_tutor.tui.screens.lesson")
        tweet_checks = importlib.import_module("twitter_tutor.grading.tweet_checks")
        tweet_checks.analyze_for("Hello, how are you?", lang)
    except Exception:  # only an optimisation: the real use reports any real problem
        return


def settle_garbage_collector() -> None:
    """Once, when the course is loaded and what a lesson needs is imported: what lives until
    then (the course, the map, the analysis lexicons, Textual itself, some 70,000 objects) is
    exempted from Python's cyclic garbage collector, whose full sweeps otherwise walk them all
    again every few steps opened (issue 17: each sweep froze the UI for 100-250 ms on a slow
    machine); afterwards they walk only what was made since. Reference counting still frees
    these objects as before; only cycles among them are never collected, a one-time cost of
    some kilobytes. Done here rather than when the first lesson opens, so no lesson screen,
    which goes away again, is among them (a lesson opened while this thread still warms up
    is the rare exception, once)."""
    gc.freeze()


LOAD_DELAY_S = 0.25
"""Time for the first frame to reach the terminal before the loading thread starts."""


class CourseLoadingApp(App[None]):
    session: Session
    WATCH_INTERVAL_S = 1.0

    def __init__(self, session: Session, *, load_delay_s: float = LOAD_DELAY_S) -> None:
        super().__init__()
        self.session = session
        self.load_delay_s = load_delay_s
        """How long after the first paint the course starts loading (tests need no wait)."""
        self._stamps: dict[Path, Stamp] = {}
        self._pending: tuple[str, int | None] | None = None
        """A lesson asked for before the course finished loading."""
        self._warm = False
        # Before the first screen is built, so it is laid out once, rows included.
        self.rows_from_index()

    def start_loading(self) -> None:
        if self.session.watch:
            self._stamps = scan(self.session.sources)
            self.set_interval(self.WATCH_INTERVAL_S, self.poll_lessons)
        # With rows on the map, a moment after the first paint: the loading thread holds the
        # GIL for long stretches (pydantic, markdown-it) and would otherwise delay the first
        # frame's output. With an empty map there is nothing to wait for: load right after
        # the first paint. A lesson opened before the course is there waits for it.
        if self.session.entries and self.load_delay_s > 0:  # Textual's timers need a delay
            self.set_timer(self.load_delay_s, self._load_course)
        else:
            self.call_after_refresh(self._load_course)

    def wait_for_course(self, lesson_id: str, step: int | None) -> bool:
        """True when the course is not loaded yet; the lesson opens as soon as it is."""
        if self.session.course is None:
            self._pending = (lesson_id, step)
            return True
        return False

    def rows_from_index(self) -> None:
        """The map's rows from the cache, so they paint before the course has loaded."""
        session = self.session
        if session.course is None and session.index_path is not None:
            session.entries = course_index.read(
                session.index_path, session.sources, session.lang
            ) or course_index.read_builtin(session.sources, session.lang, builtin_lessons_dir())
            self.course_changed()

    def course_changed(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, TutorScreen):
                screen.course_changed()

    @work(thread=True, exclusive=True, group="course")
    def _load_course(self, changed: Sequence[Path] = (), removed: Sequence[Path] = ()) -> None:
        # A worker posts messages and never touches widgets.
        from twitter_tutor.tui.course_messages import CourseLoaded, LoadFailed

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
        if not self._warm:
            self._warm = True
            warm_up(session.lang)
            settle_garbage_collector()  # from this thread: freezing holds the GIL, no UI work

    def on_course_loaded(self, message: CourseLoaded) -> None:
        self.session.set_course(message.course)
        self.course_changed()
        if self._pending is not None:
            from twitter_tutor.tui.messages import OpenLesson

            lesson_id, step = self._pending
            self._pending = None
            self.post_message(OpenLesson(lesson_id, step))
        lang = self.session.lang
        for path in message.changed:
            file = next((f for f in message.course.files if f.path == path), None)
            # Not a lesson: a `_words.toml`, whose lessons still load without its bad words.
            words = message.course.folder_words(path) if file is None else None
            if file is not None and file.lesson is None and file.problems:
                text = t(lang, "app.reloaded_broken", name=path.name, problem=file.problems[0])
                self.notify(text, severity="error", timeout=10, markup=False)
            elif words is not None and words.problems:
                text = t(lang, "app.reloaded_broken", name=path.name, problem=words.problems[0])
                self.notify(text, severity="error", timeout=10, markup=False)
            else:
                self.notify(t(lang, "app.reloaded", name=path.name), markup=False)
        for path in message.removed:
            self.notify(t(lang, "app.removed", name=path.name), severity="warning", markup=False)

    def on_load_failed(self, message: LoadFailed) -> None:
        text = t(self.session.lang, "app.load_failed", error=message.error)
        self.notify(text, severity="error", timeout=15, markup=False)

    def poll_lessons(self) -> None:
        """`--watch`: reload the course when a lesson file changed, appeared or went away."""
        stamps = scan(self.session.sources)
        changed, removed = changes(self._stamps, stamps)
        self._stamps = stamps
        if changed or removed:
            self._load_course(changed, removed)
