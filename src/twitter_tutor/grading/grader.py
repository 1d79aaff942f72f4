"""The one grading entry point: `grade(exercise, answer, lang)` for every exercise type.

Scores (documented for trainers in docs/writing-lessons.md):
- choice: 100 x max(0, right picks - wrong picks) / number of correct choices.
- pick: 100 x sqrt(share of right items picked x share of wrong items left out), the geometric
  mean of both shares, so picking every item or none scores 0.
- compose: 100 x passed weights / all weights.
- plan: every check on every tweet plus each mix rule (weighing `count`), 100 x passed / all.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from twitter_tutor.analysis import Analysis, analyze, detect_lang
from twitter_tutor.content.models import (
    AnyExercise,
    ChoiceExercise,
    ComposeExercise,
    PickExercise,
    PlanExercise,
    RuleBase,
)
from twitter_tutor.grading import rules
from twitter_tutor.grading.answers import Answer, AnswerError
from twitter_tutor.grading.messages import message
from twitter_tutor.grading.result import CheckResult, GradeResult, ItemFeedback


def analyze_for(text: str, lesson_lang: str) -> Analysis:
    """The tweet's own language when it is clear, else the lesson's."""
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
    right = sum(1 for i in items if i.selected and i.expected)
    wrong = sum(1 for i in items if i.selected and not i.expected)
    total = sum(1 for i in items if i.expected)
    return _items_result(exercise, items, round(100 * max(0, right - wrong) / total), lang)


def _pick(exercise: PickExercise, chosen: frozenset[int], lang: str) -> GradeResult:
    items = tuple(
        ItemFeedback(n, f"{i.author} {i.handle}: {i.text}", n in chosen, i.pick, i.why)
        for n, i in enumerate(exercise.items, start=1)
    )
    wanted = [i for i in items if i.expected]
    unwanted = [i for i in items if not i.expected]
    hit_share = sum(i.selected for i in wanted) / len(wanted)
    leave_share = sum(not i.selected for i in unwanted) / len(unwanted)
    return _items_result(exercise, items, round(100 * math.sqrt(hit_share * leave_share)), lang)


def _items_result(
    exercise: ChoiceExercise | PickExercise, items: tuple[ItemFeedback, ...], score: int, lang: str
) -> GradeResult:
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


def check_tweet(checks: Sequence[RuleBase], analysis: Analysis, lang: str) -> list[CheckResult]:
    """Every check on one tweet; used live by the TUI while the learner types."""
    return [rules.apply(check, analysis, lang) for check in checks]


def _compose(exercise: ComposeExercise, text: str, lang: str) -> GradeResult:
    analysis = analyze_for(text, lang)
    checks = check_tweet(exercise.checks, analysis, lang)
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


def mix_counts(analyses: Sequence[Analysis]) -> dict[str, int]:
    """How many tweets of the plan have each kind (a tweet can count for several)."""
    kinds = ("promotional", "personal", "conversational", "informative")
    return {k: sum(1 for a in analyses if a.text.strip() and k in a.kinds) for k in kinds}


def mix_checks(
    exercise: PlanExercise, analyses: Sequence[Analysis], lang: str
) -> list[CheckResult]:
    counts = mix_counts(analyses)
    results: list[CheckResult] = []
    for name, limit in exercise.mix_rules:
        kind = name.split("_", 1)[1]
        count = counts[kind]
        passed = count <= limit if name.startswith("max_") else count >= limit
        text = message(
            lang,
            f"{name}.{'pass' if passed else 'fail'}",
            count=count,
            limit=limit,
            total=exercise.count,
        )
        results.append(CheckResult(name, passed, text, weight=exercise.count))
    return results


def _plan(exercise: PlanExercise, texts: Sequence[str], lang: str) -> GradeResult:
    texts = list(texts)[: exercise.count] + [""] * max(0, exercise.count - len(texts))
    analyses = [analyze_for(t, lang) for t in texts]
    checks: list[CheckResult] = []
    for number, analysis in enumerate(analyses, start=1):
        for result in check_tweet(exercise.checks, analysis, lang):
            if not analysis.text.strip():
                result = CheckResult(
                    result.rule,
                    False,
                    message(lang, "empty_tweet", number=number),
                    result.weight,
                    result.required,
                    result.hint,
                )
            checks.append(_numbered(result, number))
    mix = mix_checks(exercise, analyses, lang)
    # A plan with a tweet left out is not a plan, whatever the other tweets score.
    missing = [n for n, a in enumerate(analyses, start=1) if not a.text.strip()]
    return _finish(
        exercise,
        "plan",
        [*checks, *mix],
        lang,
        mix_ok=all(c.passed for c in mix),
        missing=missing,
        extra={"mix": mix_counts(analyses)},
    )


def _numbered(result: CheckResult, number: int) -> CheckResult:
    return replace(result, tweet=number)
