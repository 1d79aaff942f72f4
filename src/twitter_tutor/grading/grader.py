"""The one grading entry point: `grade(exercise, answer, lang)` for every exercise type.

Scores (documented for trainers in docs/writing-lessons.md):
- choice and pick, one rule: 100 x max(0, right picks - wrong picks) / number of right items.
  A wrong pick costs what a right pick earns, so picking everything scores 0 and retweeting
  the ad along with the news fails.
- compose: 100 x passed weights / all weights, over the floor, the copy and topic checks and
  the rubric; the floor and the copy check weigh as much as the whole rubric and are required.
- plan: the same for every tweet, plus a repeat check per tweet and each mix rule (weighing
  `mix_weight`, default the number of tweets); 100 x passed / all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from twitter_tutor.analysis import Analysis, analyze, detect_lang
from twitter_tutor.content.models import (
    AnyExercise,
    ChoiceExercise,
    ComposeExercise,
    PickExercise,
    PlanExercise,
)
from twitter_tutor.grading import plan
from twitter_tutor.grading.answers import Answer, AnswerError
from twitter_tutor.grading.messages import message
from twitter_tutor.grading.result import CheckResult, GradeResult, ItemFeedback
from twitter_tutor.grading.tweet_checks import (
    Sources,
    below_gate,
    check_tweet,
    gate_weight,
    tweet_checks,
)

__all__ = ["PlanPreview", "analyze_for", "check_tweet", "grade", "preview_plan", "tweet_checks"]


def analyze_for(text: str, lesson_lang: str) -> Analysis:
    """The tweet's own language when it is clear, else the lesson's. The whole text is analysed
    (linear time), so the length it reports is the true one; the grading steps on top read at
    most MAX_TEXT characters of it."""
    return analyze(text, lang=detect_lang(text) or lesson_lang)


def grade(exercise: AnyExercise, answer: Answer, lang: str) -> GradeResult:
    """Grade `answer` (see grading.answers.Answer); feedback is in `lang`, the lesson's language."""
    if isinstance(exercise, ChoiceExercise):
        return _choice(exercise, _numbers(answer), lang)
    if isinstance(exercise, PickExercise):
        return _pick(exercise, _numbers(answer), lang)
    if isinstance(exercise, ComposeExercise):
        if not isinstance(answer, str):
            raise AnswerError("a compose exercise takes one tweet as text")
        return _compose(exercise, answer, lang)
    texts = (answer,) if isinstance(answer, str) else answer
    if isinstance(texts, frozenset):
        raise AnswerError("a plan exercise takes one text per tweet")
    return _plan(exercise, texts, lang)


def _numbers(answer: Answer) -> frozenset[int]:
    if not isinstance(answer, frozenset):
        raise AnswerError("choice and pick exercises take the numbers of the chosen items")
    return answer


def _summary(lang: str, score: int, pass_score: int, *, passed: bool, reason: str = "") -> str:
    if passed:
        return message(lang, "summary.pass", score=score, pass_score=pass_score)
    key = f"summary.fail_{reason}" if reason else "summary.fail"
    return message(lang, key, score=score, pass_score=pass_score)


def _choice(exercise: ChoiceExercise, chosen: frozenset[int], lang: str) -> GradeResult:
    items = tuple(
        ItemFeedback(n, c.text, n in chosen, c.correct, c.why)
        for n, c in enumerate(exercise.choices, start=1)
    )
    return _items_result(exercise, items, lang)


def _pick(exercise: PickExercise, chosen: frozenset[int], lang: str) -> GradeResult:
    items = tuple(
        ItemFeedback(n, f"{i.author} {i.handle}: {i.text}", n in chosen, i.pick, i.why)
        for n, i in enumerate(exercise.items, start=1)
    )
    return _items_result(exercise, items, lang)


def items_score(items: Sequence[ItemFeedback]) -> int:
    """100 x max(0, right picks - wrong picks) / number of right items."""
    right = sum(1 for i in items if i.selected and i.expected)
    wrong = sum(1 for i in items if i.selected and not i.expected)
    total = sum(1 for i in items if i.expected)
    return round(100 * max(0, right - wrong) / total) if total else 0


def _items_result(
    exercise: ChoiceExercise | PickExercise, items: tuple[ItemFeedback, ...], lang: str
) -> GradeResult:
    score = items_score(items)
    passed = score >= exercise.pass_score
    return GradeResult(
        exercise.id,
        exercise.type,
        score,
        passed,
        _summary(lang, score, exercise.pass_score, passed=passed),
        items=items,
        pass_score=exercise.pass_score,
    )


def _score(checks: Sequence[CheckResult]) -> int:
    total = sum(c.weight for c in checks)
    return round(100 * sum(c.weight for c in checks if c.passed) / total) if total else 100


def _compose(exercise: ComposeExercise, text: str, lang: str) -> GradeResult:
    analysis = analyze_for(text, lang)
    checks = tweet_checks(exercise, analysis, lang, Sources.of(exercise, [text]))
    return _finish(exercise, "compose", checks, lang, mix_ok=True)


def _finish(
    exercise: ComposeExercise | PlanExercise,
    kind: str,
    checks: list[CheckResult],
    lang: str,
    *,
    mix_ok: bool,
    missing: Sequence[int] = (),
    extra: dict[str, object] | None = None,
) -> GradeResult:
    score = _score(checks)
    required_ok = all(c.passed for c in checks if c.required)
    passed = score >= exercise.pass_score and required_ok and mix_ok and not missing
    if missing and score >= exercise.pass_score:
        numbers = ", ".join(map(str, missing))
        summary = message(lang, "summary.fail_missing", score=score, numbers=numbers)
    else:
        reason = ""
        if score >= exercise.pass_score and not passed:
            reason = "required" if not required_ok else "mix"
        summary = _summary(lang, score, exercise.pass_score, passed=passed, reason=reason)
    return GradeResult(
        exercise.id,
        kind,
        score,
        passed,
        summary,
        checks=tuple(checks),
        pass_score=exercise.pass_score,
        extra=extra or {},
    )


@dataclass(frozen=True)
class PlanPreview:
    """A plan graded tweet by tweet: what the TUI shows live and `grade` turns into a result."""

    analyses: tuple[Analysis, ...]
    checks: tuple[tuple[CheckResult, ...], ...]
    """Per tweet: its checks, numbered."""
    tweets: tuple[plan.TweetKinds, ...]
    mix: tuple[CheckResult, ...]

    @property
    def counts(self) -> dict[str, int]:
        return plan.mix_counts(self.tweets)


def preview_plan(exercise: PlanExercise, texts: Sequence[str], lang: str) -> PlanPreview:
    texts = list(texts)[: exercise.count] + [""] * max(0, exercise.count - len(texts))
    analyses = tuple(analyze_for(t, lang) for t in texts)
    sources = Sources.of(exercise, texts)
    repeats = plan.repeat_checks(texts, lang, gate_weight(exercise))
    per_tweet: list[tuple[CheckResult, ...]] = []
    tweets: list[plan.TweetKinds] = []
    for number, analysis in enumerate(analyses, start=1):
        checks = tweet_checks(exercise, analysis, lang, sources)
        if not analysis.text.strip():
            empty = message(lang, "empty_tweet", number=number)
            checks = [replace(c, passed=False, message=empty) for c in checks]
        if number in repeats:
            checks.insert(0, repeats[number])
        counted = not below_gate(checks) and number not in repeats
        tweets.append(plan.tweet_kinds(exercise, number, analysis, counted=counted))
        per_tweet.append(tuple(replace(c, tweet=number) for c in checks))
    mix = plan.mix_checks(exercise, tweets, lang)
    return PlanPreview(analyses, tuple(per_tweet), tuple(tweets), tuple(mix))


def _plan(exercise: PlanExercise, texts: Sequence[str], lang: str) -> GradeResult:
    preview = preview_plan(exercise, texts, lang)
    kinds = [
        CheckResult("kinds", True, plan.kinds_line(t, lang), 0, tweet=t.number)
        for t in preview.tweets
        if preview.analyses[t.number - 1].text.strip()
    ]
    checks = [c for tweet in preview.checks for c in tweet]
    # A plan with a tweet left out is not a plan, whatever the other tweets score.
    missing = [n for n, a in enumerate(preview.analyses, start=1) if not a.text.strip()]
    return _finish(
        exercise,
        "plan",
        [*checks, *preview.mix, *kinds],
        lang,
        mix_ok=all(c.passed for c in preview.mix),
        missing=missing,
        extra={
            "mix": preview.counts,
            "tweets": [t.to_json() for t in preview.tweets],
        },
    )
