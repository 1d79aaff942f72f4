"""reflect: the learner's note on what they saw on the platform itself.

Not graded on content: a note passes, with 100, once it says something (the substance floor's
word checks: enough real words, a sentence, no keyboard mash, not one word again and again)
and is not a copy of the task or a sample note; else it scores 0 and the feedback says why.
"""

from __future__ import annotations

from twitter_tutor.content.models import ReflectExercise
from twitter_tutor.grading.answers import Answer, AnswerError
from twitter_tutor.grading.exercise_grading import Words, exercise_grading
from twitter_tutor.grading.messages import message
from twitter_tutor.grading.result import CheckResult, GradeResult
from twitter_tutor.grading.similarity import copied_from
from twitter_tutor.grading.substance import word_shortfalls

NOTE = "note"
ORIGINAL = "original"

REPEAT_WINDOW = 50
"""Repetition is judged on a note's first fifty words: about a long tweet's worth, where the
floor's measure is tuned; over a long note, little words repeat naturally."""


def parse(exercise: ReflectExercise, raw: str) -> Answer:
    if not raw.strip():
        raise AnswerError("the answer is empty: write the note to grade")
    return raw


def _sources(exercise: ReflectExercise, note: str) -> list[tuple[str, str]]:
    """What a note must not merely repeat: the task and its questions, and the sample notes
    (but not the one being graded, when `check` grades the examples)."""
    found = [("prompt", exercise.prompt), ("prompt", " ".join(exercise.questions))]
    return found + [
        ("example", e.text)
        for e in exercise.examples
        if e.text is not None and e.text.strip() != note.strip()
    ]


def grade(exercise: ReflectExercise, answer: Answer, lang: str, words: Words) -> GradeResult:
    if not isinstance(answer, str):
        raise AnswerError("a reflect exercise takes one note as text")
    checks: list[CheckResult] = []
    if answer.strip():
        for short in word_shortfalls(answer, exercise.min_words, repeat_window=REPEAT_WINDOW):
            text = message(
                lang,
                f"reflect.{short.code}",
                count=short.count,
                min_words=exercise.min_words,
                evidence=short.evidence,
            )
            checks.append(CheckResult(NOTE, False, text, 1, required=True))
        source = copied_from(answer, _sources(exercise, answer))
        if source is not None:
            text = message(lang, "original.fail", source=message(lang, f"source.{source}"))
            checks.append(CheckResult(ORIGINAL, False, text, 1, required=True))
    else:
        checks.append(CheckResult(NOTE, False, message(lang, "reflect.empty"), 1, required=True))
    passed = not checks
    return GradeResult(
        exercise.id,
        exercise.type,
        100 if passed else 0,
        passed,
        message(lang, "reflect.pass" if passed else "reflect.fail"),
        checks=tuple(checks),
        pass_score=exercise.pass_score,
    )


GRADING = exercise_grading(ReflectExercise, parse=parse, grade=grade, example_field="text")
