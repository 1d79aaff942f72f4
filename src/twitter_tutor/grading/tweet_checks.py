"""All checks on one tweet: the floor, not a copy, on topic, then the exercise's own rubric.

The floor and the copy check are required and weigh as much as the whole rubric, so a tweet
below them neither passes nor scores well, whatever keywords it has. They are listed only when
they fail: a learner needs no tick for "has words". Used by `grade` and, live, by the TUI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from twitter_tutor.analysis import Analysis, analyze, detect_lang, extra_words
from twitter_tutor.content.lesson import FolderWords
from twitter_tutor.content.models import ComposeExercise, PlanExercise, RuleBase, Topic
from twitter_tutor.grading import rules
from twitter_tutor.grading.messages import message, quote_all
from twitter_tutor.grading.result import CheckResult
from twitter_tutor.grading.similarity import copied_from
from twitter_tutor.grading.substance import shortfalls
from twitter_tutor.grading.topic import matches
from twitter_tutor.grading.words import MAX_TEXT, words

FLOOR = "floor"
ORIGINAL = "original"
LANGUAGE = "language"
ABOUT = "about"
GATES = (FLOOR, ORIGINAL, LANGUAGE)
MIN_LANGUAGE_WORDS = 4
"""Checks without which nothing else a tweet does counts."""


def analyze_for(text: str, lesson_lang: str, words: FolderWords | None = None) -> Analysis:
    """The tweet's own language when it is clear, else the lesson's; with the words of the
    lesson's folder (its `_words.toml`) besides the built-in ones. The whole text is analysed
    (linear time), so the length it reports is the true one; the grading steps on top read at
    most MAX_TEXT characters of it."""
    extra = extra_words(words.lists) if words is not None and words.lists else None
    return analyze(text, lang=detect_lang(text) or lesson_lang, extra=extra)


@dataclass(frozen=True)
class Sources:
    """What an answer must not merely repeat: (label, text) pairs."""

    texts: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, exercise: ComposeExercise | PlanExercise) -> Sources:
        """The prompt, the context and every example. A learner who types in an example has
        copied it, whatever it scores; `check` grades each example without itself among
        them (see self_test)."""
        found = [("prompt", exercise.prompt)]
        context = getattr(exercise, "context", None)
        if context is not None:
            found.append(("context", context.text))
        for example in exercise.examples:
            lines = [line.strip() for line in (example.text or "").split("\n") if line.strip()]
            found += [("example", line) for line in lines]
        return cls(tuple(found))


def gate_weight(exercise: ComposeExercise | PlanExercise) -> int:
    """What a failed gate (floor, copy, repeat) weighs: as much as the whole rubric."""
    return max(1, sum(c.weight for c in exercise.checks))


def check_tweet(checks: Sequence[RuleBase], analysis: Analysis, lang: str) -> list[CheckResult]:
    """The exercise's own rubric on one tweet."""
    return [rules.apply(check, analysis, lang) for check in checks]


def tweet_checks(
    exercise: ComposeExercise | PlanExercise,
    analysis: Analysis,
    lang: str,
    sources: Sources | None = None,
) -> list[CheckResult]:
    """Floor and copy (when they fail), topic (when declared), then the rubric."""
    rubric = check_tweet(exercise.checks, analysis, lang)
    weight = gate_weight(exercise)
    found: list[CheckResult] = []
    if analysis.text.strip():
        below = shortfalls(analysis, exercise.floor)
        if below:
            text = " ".join(
                message(lang, f"floor.{s.code}", count=s.count, evidence=s.evidence) for s in below
            )
            found.append(CheckResult(FLOOR, False, text, weight, required=True))
        source = copied_from(analysis.text, (sources or Sources.of(exercise)).texts)
        if source is not None:
            text = message(lang, "original.fail", source=message(lang, f"source.{source}"))
            found.append(CheckResult(ORIGINAL, False, text, weight, required=True))
        # A tweet clearly in another language does not do the exercise, however good it is
        # (the lesson's language gets the head start, so mixed or unclear texts pass; a few
        # words or letters, "Café Köln", are no language yet, so only words count here).
        if len(words(analysis.text[:MAX_TEXT])) >= MIN_LANGUAGE_WORDS and detect_lang(
            analysis.text, lang, letters=False
        ) not in (None, lang):
            text = message(lang, "language.fail")
            found.append(CheckResult(LANGUAGE, False, text, weight, required=True))
    if exercise.about is not None:
        found.append(about_check(exercise.about, analysis, lang))
    return [*found, *rubric]


def about_check(topic: Topic, analysis: Analysis, lang: str) -> CheckResult:
    hits = matches(analysis.text, topic.words, lang)
    if hits:
        text = message(lang, "about.pass", quoted=quote_all(hits, lang))
        return CheckResult(ABOUT, True, text, 1, topic.required)
    return CheckResult(
        ABOUT, False, message(lang, "about.fail"), 1, topic.required, hint=topic.hint
    )


def below_gate(checks: Sequence[CheckResult]) -> bool:
    return any(c.rule in GATES and not c.passed for c in checks)
