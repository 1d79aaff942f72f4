"""A loaded lesson: front matter, steps made of Markdown and exercises, and where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from twitter_tutor.content.models import AnyExercise, FrontMatter
from twitter_tutor.content.problem_codes import UNCLASSIFIED, ProblemKind
from twitter_tutor.content.toml_lines import Loc, key_lines


@dataclass(frozen=True)
class Problem:
    """Something wrong in a lesson file, at a 1-based line (and column, when known)."""

    path: Path
    line: int
    message: str
    kind: ProblemKind = UNCLASSIFIED
    """Its stable code and name (`TT101 unclosed-exercise-fence`), explained in the docs."""
    column: int | None = None
    """1-based, counted in characters; None when only the line is known."""

    @property
    def code(self) -> str:
        return self.kind.code

    @property
    def name(self) -> str:
        return self.kind.name

    def __str__(self) -> str:
        """`PATH:LINE:COL: CODE message`, or `PATH:LINE: CODE message` without a column: the
        form compilers use, so editors and CI logs link it to the line."""
        column = f":{self.column}" if self.column is not None else ""
        return f"{self.path}:{self.line}{column}: {self.kind.code} {self.message}"


@dataclass(frozen=True)
class FolderWords:
    """A lesson folder's own words for the tweet analysis, from its `_words.toml` (read by
    content.folder_words). Here, beside `Problem`, so a lesson can carry them without the
    reader's imports."""

    path: Path
    lists: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    """(language, kind, words) for each list in the file, holding only the words that are
    valid; a broken file still lends the tutor the rest."""
    problems: tuple[Problem, ...] = ()
    """What `check` reports about the file."""


@dataclass(frozen=True)
class MarkdownBlock:
    text: str
    line: int


@dataclass(frozen=True)
class ExerciseBlock:
    exercise: AnyExercise
    line: int
    """The line of the opening fence."""
    toml_text: str = field(default="", repr=False, compare=False)

    @cached_property
    def lines(self) -> dict[Loc, int]:
        """{key location: line in the .md file}, worked out only when a problem needs it:
        scanning every block up front was the loader's largest cost."""
        return {loc: self.line + n for loc, n in key_lines(self.toml_text).items()}


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
    words: FolderWords | None = None
    """The `_words.toml` beside the file, if any: grading passes it on to the analysis."""

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

    @property
    def exercise_blocks(self) -> list[ExerciseBlock]:
        """The exercises with where they stand in the file (for `check`'s example tests)."""
        return [b for s in self.steps for b in s.blocks if isinstance(b, ExerciseBlock)]

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
    front_toml: str = field(default="", repr=False, compare=False)
    """The front matter's TOML (file lines 2 on), so course-level problems find their line."""

    @property
    def ok(self) -> bool:
        return self.lesson is not None and not self.problems
