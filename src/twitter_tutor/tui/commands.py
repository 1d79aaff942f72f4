"""The command palette (Ctrl+P): jump to any lesson, plus the app's commands, in the UI language.

Lessons open through the `OpenLesson` message, like everywhere else: the palette needs the
session, not the app.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from twitter_tutor.tui.literal import clean, literal
from twitter_tutor.tui.messages import OpenLesson
from twitter_tutor.tui.screens.base import TutorScreen


class LessonCommands(Provider):
    """Every working lesson of the course, by its number and title."""

    def _lessons(self) -> list[tuple[str, str, Callable[[], object]]]:
        screen = self.screen
        if not isinstance(screen, TutorScreen) or screen.session.needs_join:
            return []
        found: list[tuple[str, str, Callable[[], object]]] = []
        for number, row in enumerate(screen.session.lesson_entries(), start=1):
            if row.openable and row.lesson_id is not None:
                title = screen.t("cmd.lesson", order=number, title=clean(row.title))
                found.append((title, screen.t("cmd.lesson_help"), self._opener(row.lesson_id)))
        return found

    def _opener(self, lesson_id: str) -> Callable[[], object]:
        return lambda: self.app.post_message(OpenLesson(lesson_id))

    async def discover(self) -> Hits:
        for title, help_text, open_it in self._lessons():
            yield DiscoveryHit(title, open_it, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, open_it in self._lessons():
            score = matcher.match(title)
            if score > 0:
                # Not matcher.highlight: it reads the title as markup.
                yield Hit(score, literal(title), open_it, text=title, help=help_text)
