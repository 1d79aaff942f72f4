"""A loaded lesson: front matter, steps made of Markdown and exercises, and where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from twitter_tutor.content.models import AnyExercise, FrontMatter


@dataclass(frozen=True)
class Problem:
    """Something wrong in a lesson file, at a 1-based line of the .md file."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class MarkdownBlock:
    text: str
    line: int


@dataclass(frozen=True)
class ExerciseBlock:
    exercise: AnyExercise
    line: int


Block = MarkdownBlock | ExerciseBlock


@dataclass(frozen=True)
class Step:
    """One page of a lesson: a `##` section, or the opening text before the first `##`."""

    title: str
    blocks: tuple[Block, ...]
    line: int
    is_opening: bool = False

    @property
    def exercises(self) -> list[AnyExercise]:
        return [b.exercise for b in self.blocks if isinstance(b, ExerciseBlock)]


@dataclass(frozen=True)
class Lesson:
    meta: FrontMatter
    steps: tuple[Step, ...]
    """The opening (if it has content) comes first, then one step per `##` heading."""
    path: Path
    source: Path
    """The lesson folder this file was found in."""
    content_hash: str
    """SHA-256 of the file's bytes, so progress shows when a lesson changed after an attempt."""

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def lang(self) -> str:
        return self.meta.lang

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def order(self) -> int:
        return self.meta.order

    @property
    def exercises(self) -> list[AnyExercise]:
        return [e for s in self.steps for e in s.exercises]

    def exercise(self, exercise_id: str) -> AnyExercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)


@dataclass(frozen=True)
class LessonFile:
    """The outcome of loading one file: a lesson, or the problems that keep it from being one.

    `meta` is kept when the front matter was valid, so a broken lesson can still be listed by
    its id and title.
    """

    path: Path
    source: Path
    lesson: Lesson | None
    meta: FrontMatter | None
    problems: tuple[Problem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.lesson is not None and not self.problems
