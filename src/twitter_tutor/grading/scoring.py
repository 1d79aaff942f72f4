"""Scores and verdicts shared by the exercise types: picked items, or weighted checks."""

from __future__ import annotations

from collections.abc import Sequence

from twitter_tutor.content.models import AnyExercise
from twitter_tutor.grading.messages import message
from twitter_tutor.grading.result import CheckResult, GradeResult, ItemFeedback


def summary(lang: str, score: int, pass_score: int, *, passed: bool, reason: str = "") -> str:
    if passed:
        return message(lang, "summary.pass", score=score, pass_score=pass_score)
    key = f"summary.fail_{reason}" if reason else "summary.fail"
    return message(lang, key, score=score, pass_score=pass_score)


def items_score(items: Sequence[ItemFeedback]) -> int:
    """100 x max(0, right picks - wrong picks) / number of right items."""
    right = sum(1 for i in items if i.selected and i.expected)
    wrong = sum(1 for i in items if i.selected and not i.expected)
    total = sum(1 for i in items if i.expected)
    return round(100 * max(0, right - wrong) / total) if total else 0


def items_result(exercise: AnyExercise, items: tuple[ItemFeedback, ...], lang: str) -> GradeResult:
    score = items_score(items)
    passed = score >= exercise.pass_score
    return GradeResult(
        exercise.id,
        exercise.type,
        score,
        passed,
        summary(lang, score, exercise.pass_score, passed=passed),
        items=items,
        pass_score=exercise.pass_score,
    )


def checks_score(checks: Sequence[CheckResult]) -> int:
    total = sum(c.weight for c in checks)
    return round(100 * sum(c.weight for c in checks if c.passed) / total) if total else 100


def checks_result(
    exercise: AnyExercise,
    checks: list[CheckResult],
    lang: str,
    *,
    mix_ok: bool,
    missing: Sequence[int] = (),
    extra: dict[str, object] | None = None,
) -> GradeResult:
    score = checks_score(checks)
    required_ok = all(c.passed for c in checks if c.required)
    passed = score >= exercise.pass_score and required_ok and mix_ok and not missing
    if missing and score >= exercise.pass_score:
        numbers = ", ".join(map(str, missing))
        text = message(lang, "summary.fail_missing", score=score, numbers=numbers)
    else:
        reason = ""
        if score >= exercise.pass_score and not passed:
            reason = "required" if not required_ok else "mix"
        text = summary(lang, score, exercise.pass_score, passed=passed, reason=reason)
    return GradeResult(
        exercise.id,
        exercise.type,
        score,
        passed,
        text,
        checks=tuple(checks),
        pass_score=exercise.pass_score,
        extra=extra or {},
    )
