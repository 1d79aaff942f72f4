"""The one grading entry point: `grade(exercise, answer, lang, words)` for every exercise type,
found by name in GRADING. Each type's own module (grading/exercises/) says how it scores;
trainers read the same in docs/writing-lessons.md.
"""

from __future__ import annotations

from twitter_tutor.content.models import AnyExercise
from twitter_tutor.grading.answers import Answer
from twitter_tutor.grading.exercise_grading import ExerciseGrading, Words
from twitter_tutor.grading.exercises import choice, compose, pick, plan, reflect
from twitter_tutor.grading.preview import Previewer
from twitter_tutor.grading.result import GradeResult

GRADING: dict[str, ExerciseGrading] = {
    "choice": choice.GRADING,
    "pick": pick.GRADING,
    "compose": compose.GRADING,
    "plan": plan.GRADING,
    "reflect": reflect.GRADING,
}
"""Every exercise type's grading, by its name in lesson files (content.models.EXERCISE_MODELS)."""


def grading_for(exercise: AnyExercise) -> ExerciseGrading:
    return GRADING[exercise.type]


def parse_answer(exercise: AnyExercise, raw: str) -> Answer:
    """Read an answer written as text (the `grade` command, lesson examples)."""
    return grading_for(exercise).parse(exercise, raw)


def grade(exercise: AnyExercise, answer: Answer, lang: str, words: Words = None) -> GradeResult:
    """Grade `answer` (see grading.answers.Answer); feedback is in `lang`, the lesson's language.
    `words`: the lesson's `lesson.words`, its folder's own words for the tweet analysis."""
    return grading_for(exercise).grade(exercise, answer, lang, words)


def previewer(exercise: AnyExercise, lang: str, words: Words = None) -> Previewer | None:
    """The exercise's live feedback with its lesson language (and folder's words) bound, None
    when it has none."""
    preview = grading_for(exercise).preview
    if preview is None:
        return None
    return lambda texts: preview(exercise, texts, lang, words)
