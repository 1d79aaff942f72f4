"""Reading a stored attempt's checks, as the course summary and the class report both do.

An attempt stores its grading as JSON: one object per check for a written answer (`rule`,
`passed`, `weight`, `message`, `hint`), one per item for choice and pick (`number`, `right`).
"""

from __future__ import annotations

from collections.abc import Iterator

from twitter_tutor.progress.models import Attempt


def is_written(attempt: Attempt) -> bool:
    """An answer the learner wrote (graded by checks), not numbers picked from a list."""
    return bool(attempt.checks) and "rule" in attempt.checks[0]


def missed_rules(attempt: Attempt) -> Iterator[tuple[str, dict[str, object]]]:
    """(rule, stored check) of each check the answer failed; rules of weight 0 only inform and
    never cost a point, so they are no miss."""
    for check in attempt.checks:
        rule = check.get("rule")
        if isinstance(rule, str) and check.get("passed") is False and check.get("weight") != 0:
            yield rule, check
