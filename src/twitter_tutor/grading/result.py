"""What grading returns: a score, pass/fail and the reasons, ready for the UI and for JSON."""

from __future__ import annotations

from dataclasses import dataclass, field

from twitter_tutor.analysis import Signal


@dataclass(frozen=True)
class CheckResult:
    """One rule applied to one tweet (or, for plan mix rules, to the whole set)."""

    rule: str
    passed: bool
    message: str
    weight: int
    required: bool = False
    hint: str | None = None
    tweet: int | None = None
    """Plan: the 1-based tweet this check was applied to; None for compose and mix rules."""
    signals: tuple[Signal, ...] = ()
    """The words behind the verdict, so the UI can highlight them."""

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "rule": self.rule,
            "passed": self.passed,
            "message": self.message,
            "weight": self.weight,
            "required": self.required,
        }
        if self.hint is not None:
            data["hint"] = self.hint
        if self.tweet is not None:
            data["tweet"] = self.tweet
        return data


@dataclass(frozen=True)
class ItemFeedback:
    """How the learner fared on one choice or pick item."""

    number: int
    text: str
    selected: bool
    expected: bool
    why: str | None

    @property
    def right(self) -> bool:
        return self.selected == self.expected

    def to_json(self) -> dict[str, object]:
        return {
            "number": self.number,
            "text": self.text,
            "selected": self.selected,
            "expected": self.expected,
            "right": self.right,
            "why": self.why,
        }


@dataclass(frozen=True)
class GradeResult:
    exercise_id: str
    exercise_type: str
    score: int
    passed: bool
    summary: str
    checks: tuple[CheckResult, ...] = ()
    items: tuple[ItemFeedback, ...] = ()
    pass_score: int = 70
    extra: dict[str, object] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "exercise": self.exercise_id,
            "type": self.exercise_type,
            "score": self.score,
            "passed": self.passed,
            "pass_score": self.pass_score,
            "summary": self.summary,
        }
        # A result lists either the items the learner chose among or the checks applied.
        if self.items:
            data["items"] = [i.to_json() for i in self.items]
        else:
            data["checks"] = [c.to_json() for c in self.checks]
        data.update(self.extra)
        return data
