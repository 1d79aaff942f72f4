"""The command palette (Ctrl+P): jump to any lesson, plus the app's commands, in the UI language."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from twitter_tutor.tui.i18n import t
from twitter_tutor.tui.literal import clean, literal

if TYPE_CHECKING:
    from twitter_tutor.tui.app import TutorApp


class LessonCommands(Provider):
    """Every working lesson of the course, by its number and title."""

    def _lessons(self) -> list[tuple[str, str]]:
        app = cast("TutorApp", self.app)
        lang = app.session.lang
        found = []
        for number, row in enumerate(app.session.lesson_entries(), start=1):
            if not row.broken and row.lesson_id is not None:
                title = t(lang, "cmd.lesson", order=number, title=clean(row.title))
                found.append((title, row.lesson_id))
        return found

    async def discover(self) -> Hits:
        app = cast("TutorApp", self.app)
        for title, lesson_id in self._lessons():
            yield DiscoveryHit(
                title,
                partial(app.open_lesson, lesson_id),
                help=t(app.session.lang, "cmd.lesson_help"),
            )

    async def search(self, query: str) -> Hits:
        app = cast("TutorApp", self.app)
        matcher = self.matcher(query)
        for title, lesson_id in self._lessons():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    # Not matcher.highlight: it reads the title as markup.
                    literal(title),
                    partial(app.open_lesson, lesson_id),
                    text=title,
                    help=t(app.session.lang, "cmd.lesson_help"),
                )
