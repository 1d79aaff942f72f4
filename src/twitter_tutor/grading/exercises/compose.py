"""compose: write one practice tweet.

Score: 100 x passed weights / all weights, over the floor, the copy and topic checks and the
rubric; the floor and the copy check weigh as much as the whole rubric and are required.
"""

from __future__ import annotations

from collections.abc import Sequence

from twitter_tutor.content.models import ComposeExercise
from twitter_tutor.grading.answers import Answer, AnswerError
from twitter_tutor.grading.exercise_grading import Words, exercise_grading
from twitter_tutor.grading.preview import Preview
from twitter_tutor.grading.result import GradeResult
from twitter_tutor.grading.scoring import checks_result
from twitter_tutor.grading.tweet_checks import analyze_for, tweet_checks


def parse(exercise: ComposeExercise, raw: str) -> Answer:
    if not raw.strip():
        raise AnswerError("the answer is empty: write the tweet to grade")
    return raw


def grade(exercise: ComposeExercise, answer: Answer, lang: str, words: Words) -> GradeResult:
    if not isinstance(answer, str):
        raise AnswerError("a compose exercise takes one tweet as text")
    analysis = analyze_for(answer, lang, words)
    checks = tweet_checks(exercise, analysis, lang)
    return checks_result(exercise, checks, lang, mix_ok=True)


def preview(exercise: ComposeExercise, texts: Sequence[str], lang: str, words: Words) -> Preview:
    """The checklist while typing: the tweet's checks."""
    analysis = analyze_for(texts[0] if texts else "", lang, words)
    return Preview((analysis,), (tuple(tweet_checks(exercise, analysis, lang)),))


GRADING = exercise_grading(
    ComposeExercise, parse=parse, grade=grade, example_field="text", preview=preview
)
