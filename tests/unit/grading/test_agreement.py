"""The grader against trainers' verdicts: the labelled answers in tests/data/grading-cases/.

Fails below 90 % agreement, or above 10 % false passes or false fails. The figures are in
BENCHMARKS.md (`python bench/bench_grading.py`).
"""

from __future__ import annotations

from collections import Counter

import pytest
from bench.bench_grading import exercises, figures, judge, read_cases

CASES = read_cases()


def test_the_labelled_set_covers_every_compose_and_plan_exercise_in_both_languages() -> None:
    wanted = {
        key
        for key, exercise in exercises().items()
        if exercise.type in ("compose", "plan")
    }
    covered = {(c.lang, c.lesson, c.exercise) for c in CASES}
    assert wanted <= covered
    assert len(CASES) >= 300
    verdicts = Counter(c.expected for c in CASES)
    assert 0.4 <= verdicts[True] / len(CASES) <= 0.6


@pytest.fixture(scope="module")
def outcomes() -> list:  # type: ignore[type-arg]
    return judge(CASES)


def test_agreement_with_trainers(outcomes: list) -> None:  # type: ignore[type-arg]
    f = figures(outcomes)
    misses = [
        f"{o.case.where} {o.case.exercise}: trainer {'pass' if o.case.expected else 'fail'}, "
        f"grader {o.score} {list(o.failed)}"
        for o in outcomes
        if o.passed != o.case.expected
    ]
    report = f"agreement {f.agreement:.1%}, false pass {f.false_pass:.1%}, false fail {f.false_fail:.1%}"
    assert f.agreement >= 0.90, report + "\n" + "\n".join(misses)
    assert f.false_pass <= 0.10, report + "\n" + "\n".join(misses)
    assert f.false_fail <= 0.10, report + "\n" + "\n".join(misses)


def test_every_exercise_agrees_on_most_answers(outcomes: list) -> None:  # type: ignore[type-arg]
    # No single exercise may hide behind the average.
    by_exercise: dict[tuple[str, str], list[bool]] = {}
    for o in outcomes:
        by_exercise.setdefault((o.case.lang, o.case.exercise), []).append(
            o.passed == o.case.expected
        )
    weak = {k: sum(v) / len(v) for k, v in by_exercise.items() if sum(v) / len(v) < 0.75}
    assert not weak
