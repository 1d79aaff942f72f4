"""plan: several tweets at once.

Score: every tweet checked as in compose, plus a repeat check per tweet and each mix rule
(weighing `mix_weight`, default the number of tweets); 100 x passed / all. A tweet left empty
fails the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from twitter_tutor.content.models import PlanExercise
from twitter_tutor.grading import plan as mix
from twitter_tutor.grading.answers import Answer, AnswerError
from twitter_tutor.grading.exercise_grading import Words, exercise_grading
from twitter_tutor.grading.messages import message
from twitter_tutor.grading.preview import Preview
from twitter_tutor.grading.result import CheckResult, GradeResult
from twitter_tutor.grading.scoring import checks_result
from twitter_tutor.grading.tweet_checks import (
    Sources,
    analyze_for,
    below_gate,
    gate_weight,
    tweet_checks,
)

TOO_MANY = "count"


def parse(exercise: PlanExercise, raw: str) -> Answer:
    """One tweet per line; trailing empty lines are dropped, missing tweets count as empty."""
    lines = [line.removesuffix("\r") for line in raw.split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise AnswerError(f"the answer is empty: write {exercise.count} tweets, one per line")
    if len(lines) > exercise.count:
        raise AnswerError(
            f"{len(lines)} tweets given but the plan asks for {exercise.count}: one tweet per line"
        )
    return tuple(lines) + ("",) * (exercise.count - len(lines))


def preview(exercise: PlanExercise, texts: Sequence[str], lang: str, words: Words) -> Preview:
    """The plan graded tweet by tweet: what the TUI shows live and `grade` turns into a result."""
    texts = list(texts)[: exercise.count] + [""] * max(0, exercise.count - len(texts))
    analyses = tuple(analyze_for(t, lang, words) for t in texts)
    sources = Sources.of(exercise)
    repeats = mix.repeat_checks(texts, lang, gate_weight(exercise))
    per_tweet: list[tuple[CheckResult, ...]] = []
    tweets: list[mix.TweetKinds] = []
    for number, analysis in enumerate(analyses, start=1):
        checks = tweet_checks(exercise, analysis, lang, sources)
        if not analysis.text.strip():
            empty = message(lang, "empty_tweet", number=number)
            checks = [replace(c, passed=False, message=empty) for c in checks]
        if number in repeats:
            checks.insert(0, repeats[number])
        counted = not below_gate(checks) and number not in repeats
        tweets.append(mix.tweet_kinds(exercise, number, analysis, counted=counted))
        per_tweet.append(tuple(replace(c, tweet=number) for c in checks))
    mix_checks = mix.mix_checks(exercise, tweets, lang)
    return Preview(analyses, tuple(per_tweet), tuple(tweets), tuple(mix_checks))


def grade(exercise: PlanExercise, answer: Answer, lang: str, words: Words) -> GradeResult:
    texts = (answer,) if isinstance(answer, str) else answer
    if isinstance(texts, frozenset):
        raise AnswerError("a plan exercise takes one text per tweet")
    seen = preview(exercise, texts, lang, words)
    # More tweets than asked (an answer given as a list; the TUI has one box per tweet):
    # the plan is graded on the first ones, and does not pass.
    too_many = (
        [
            CheckResult(
                TOO_MANY,
                False,
                message(lang, "too_many_tweets", given=len(texts), asked=exercise.count),
                gate_weight(exercise),
                required=True,
            )
        ]
        if len(texts) > exercise.count
        else []
    )
    kinds = [
        CheckResult(mix.KINDS, True, mix.kinds_line(t, lang), 0, tweet=t.number)
        for t in seen.tweets
        if seen.analyses[t.number - 1].text.strip()
    ]
    checks = [c for tweet in seen.checks for c in tweet]
    # A plan with a tweet left out is not a plan, whatever the other tweets score.
    missing = [n for n, a in enumerate(seen.analyses, start=1) if not a.text.strip()]
    return checks_result(
        exercise,
        [*too_many, *checks, *seen.mix, *kinds],
        lang,
        mix_ok=all(c.passed for c in seen.mix),
        missing=missing,
        extra={
            "mix": seen.counts,
            "tweets": [t.to_json() for t in seen.tweets],
        },
    )


GRADING = exercise_grading(
    PlanExercise, parse=parse, grade=grade, example_field="text", multiline=True, preview=preview
)
