"""The reads every SQL store does the same way, written once for SQLite and PostgreSQL.

The queries are the same SQL in both; only the parameter marker differs (`?` or `%s`), and how
a statement runs (`_fetch`, one connection behind a lock). Rows are checked by `rows.Damage`,
so a damaged row is skipped and named alike in both stores.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from twitter_tutor.progress import rows

if TYPE_CHECKING:
    from twitter_tutor.progress.models import Attempt, Learner, LessonProgress


class SqlReads:
    MARK: ClassVar[str] = "?"
    """The driver's parameter marker."""

    _damage: rows.Damage

    def _fetch(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        """The rows of one read-only statement; raises StoreError when it cannot run."""
        raise NotImplementedError

    def _text(self, value: str) -> str:
        """`value` as the database can keep it (both need UTF-8; PostgreSQL refuses NUL)."""
        return rows.utf8_text(value)

    def _sql(self, template: str) -> str:
        return template.replace("?", self.MARK)

    @property
    def damaged(self) -> list[str]:
        """One line per damaged row met by a read so far: each was skipped, never deleted."""
        return self._damage.lines

    def drafts(self, profile: str, lesson_id: str) -> dict[tuple[str, int], str]:
        """{(exercise id, slot): text} of the unsent answers in a lesson."""
        found = self._fetch(
            self._sql(
                "SELECT exercise_id, slot, text FROM drafts WHERE profile = ? AND lesson_id = ?"
            ),
            (self._text(profile), self._text(lesson_id)),
        )
        return self._damage.drafts(found, lesson_id)

    def lessons(self, profile: str) -> dict[str, LessonProgress]:
        """Every lesson the profile has touched, in the order first visited."""
        found = self._fetch(
            self._sql(
                f"SELECT {rows.LESSON_COLUMNS} FROM lessons WHERE profile = ? "
                "ORDER BY first_visit, lesson_id"
            ),
            (self._text(profile),),
        )
        return self._damage.lessons(found)

    def attempts(
        self, profile: str, lesson_id: str | None = None, exercise_id: str | None = None
    ) -> list[Attempt]:
        """The profile's attempts, oldest first, optionally for one lesson or exercise."""
        where = "profile = ?"
        params = [self._text(profile)]
        if lesson_id is not None:
            where += " AND lesson_id = ?"
            params.append(self._text(lesson_id))
        if exercise_id is not None:
            where += " AND exercise_id = ?"
            params.append(self._text(exercise_id))
        # Ids grow with each commit, so id order is the order the attempts were saved.
        sql = f"SELECT {rows.ATTEMPT_COLUMNS} FROM attempts WHERE {where} ORDER BY id"
        return self._damage.attempts(self._fetch(self._sql(sql), params))

    def last_position(self, profile: str) -> tuple[str, int] | None:
        """Where Continue resumes: (lesson id, step index) of the last visit, if any."""
        found = self._fetch(
            self._sql("SELECT lesson_id, step FROM positions WHERE profile = ?"),
            (self._text(profile),),
        )
        return self._damage.position(found[0] if found else None)

    def profiles(self) -> list[str]:
        """Every profile with anything stored, sorted."""
        found = self._fetch(
            "SELECT profile FROM lessons UNION SELECT profile FROM attempts "
            "UNION SELECT profile FROM positions ORDER BY profile"
        )
        return [row[0] for row in found if isinstance(row[0], str)]

    def learner(self, profile: str) -> Learner | None:
        """The workshop learner who claimed `profile`, if any (and readable)."""
        found = self._fetch(
            self._sql(f"SELECT {rows.LEARNER_COLUMNS} FROM learners WHERE profile = ?"),
            (self._text(profile),),
        )
        learners = self._damage.learners(found)
        return learners[0] if learners else None

    def learners(self) -> list[Learner]:
        """Every workshop learner, sorted by profile."""
        found = self._fetch(f"SELECT {rows.LEARNER_COLUMNS} FROM learners ORDER BY profile")
        return self._damage.learners(found)
