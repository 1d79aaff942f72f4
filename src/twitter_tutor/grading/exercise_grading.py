"""What grading knows about one exercise type: one `ExerciseGrading` per module in
grading/exercises/, collected by name in grader.GRADING."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from twitter_tutor.content.lesson import FolderWords
from twitter_tutor.content.models import AnyExercise, ExerciseBase, type_name
from twitter_tutor.grading.answers import Answer
from twitter_tutor.grading.preview import Preview
from twitter_tutor.grading.result import GradeResult

E = TypeVar("E", bound=ExerciseBase)

Words = FolderWords | None
"""The `_words.toml` beside the exercise's lesson: words the analysis adds to its own."""


class Grade(Protocol):
    def __call__(
        self, exercise: AnyExercise, answer: Answer, lang: str, words: Words = None, /
    ) -> GradeResult: ...


class PreviewFunction(Protocol):
    def __call__(
        self, exercise: AnyExercise, texts: Sequence[str], lang: str, words: Words = None, /
    ) -> Preview: ...


@dataclass(frozen=True)
class ExerciseGrading:
    """How answers to one exercise type are read, graded and previewed."""

    name: str
    """The type's name in lesson files, e.g. "choice"."""
    model: type[ExerciseBase]
    parse: Callable[[AnyExercise, str], Answer]
    """An answer written as text (the `grade` command, lesson examples) -> the answer to grade;
    raises AnswerError."""
    grade: Grade
    """(exercise, answer, lesson language, lesson folder's words) -> result; raises
    AnswerError for the wrong kind."""
    example_field: Literal["answer", "text"]
    """The field of an `[[examples]]` entry that holds the sample answer."""
    multiline: bool
    """The answer is one entry per line, so the newline ending standard input belongs to it."""
    preview: PreviewFunction | None
    """Live feedback on texts (one per tweet) while typing; None when there is none."""


def exercise_grading(
    model: type[E],
    *,
    parse: Callable[[E, str], Answer],
    grade: Callable[[E, Answer, str, Words], GradeResult],
    example_field: Literal["answer", "text"],
    multiline: bool = False,
    preview: Callable[[E, Sequence[str], str, Words], Preview] | None = None,
) -> ExerciseGrading:
    """The entry for `model`, from functions that take that model only.

    The registry holds every type under one signature; each call checks the exercise is
    really this type's, so a mix-up fails loudly instead of misgrading. Every type is handed
    the lesson folder's words; only those that read tweets use them.
    """
    name = type_name(model)

    def own(exercise: AnyExercise) -> E:
        if not isinstance(exercise, model):
            raise TypeError(f"{name} grading got a {exercise.type} exercise")
        return exercise

    def grading(
        exercise: AnyExercise, answer: Answer, lang: str, words: Words = None, /
    ) -> GradeResult:
        return grade(own(exercise), answer, lang, words)

    def previewing(
        function: Callable[[E, Sequence[str], str, Words], Preview],
    ) -> PreviewFunction:
        def run(
            exercise: AnyExercise, texts: Sequence[str], lang: str, words: Words = None, /
        ) -> Preview:
            return function(own(exercise), texts, lang, words)

        return run

    return ExerciseGrading(
        name=name,
        model=model,
        parse=lambda exercise, raw: parse(own(exercise), raw),
        grade=grading,
        example_field=example_field,
        multiline=multiline,
        preview=None if preview is None else previewing(preview),
    )
