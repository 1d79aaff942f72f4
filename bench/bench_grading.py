"""Agreement of the grader with trainers' verdicts on the labelled answers in
tests/data/grading-cases/ (*.jsonl: lesson, exercise, lang, answer, expected, reason).

    python bench/bench_grading.py            # figures as a Markdown table
    python bench/bench_grading.py --misses   # every answer the grader judges differently
    python bench/bench_grading.py --cases DIR  # another folder of cases, e.g. a new blind set
    python bench/bench_grading.py --json     # the figures for bench/run_all.py

Agreement: share of answers where grader and trainer agree. False pass: share of the answers a
trainer fails that the grader passes. False fail: share of the answers a trainer passes that
the grader fails.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from twitter_tutor.content.course import load_course
from twitter_tutor.content.models import AnyExercise
from twitter_tutor.grading import grade

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "grading-cases"
LESSONS = ROOT / "lessons"


@dataclass(frozen=True)
class Case:
    where: str
    lesson: str
    exercise: str
    lang: str
    answer: str | tuple[str, ...]
    expected: bool
    reason: str


@dataclass(frozen=True)
class Outcome:
    case: Case
    passed: bool
    score: int
    failed: tuple[str, ...]


def read_cases(folder: Path = CASES) -> list[Case]:
    cases: list[Case] = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            answer = row["answer"]
            cases.append(
                Case(
                    f"{path.name}:{number}",
                    row["lesson"],
                    row["exercise"],
                    row["lang"],
                    tuple(answer) if isinstance(answer, list) else answer,
                    row["expected"] == "pass",
                    row.get("reason", ""),
                )
            )
    return cases


def exercises() -> dict[tuple[str, str, str], AnyExercise]:
    course = load_course([LESSONS / "de", LESSONS / "en"])
    found: dict[tuple[str, str, str], AnyExercise] = {}
    for f in course.files:
        lesson = f.lesson
        if lesson is None:
            continue
        for step in lesson.steps:
            for exercise in step.exercises:
                found[(lesson.meta.lang, lesson.meta.id, exercise.id)] = exercise
    return found


def judge(cases: list[Case]) -> list[Outcome]:
    known = exercises()
    outcomes = []
    for case in cases:
        exercise = known[(case.lang, case.lesson, case.exercise)]
        result = grade(exercise, case.answer, case.lang)
        failed = tuple(dict.fromkeys(c.rule for c in result.checks if not c.passed))
        outcomes.append(Outcome(case, result.passed, result.score, failed))
    return outcomes


@dataclass(frozen=True)
class Figures:
    total: int
    agreement: float
    false_pass: float
    false_fail: float


def figures(outcomes: list[Outcome]) -> Figures:
    fails = [o for o in outcomes if not o.case.expected]
    passes = [o for o in outcomes if o.case.expected]
    agree = sum(o.passed == o.case.expected for o in outcomes)
    return Figures(
        len(outcomes),
        agree / len(outcomes),
        sum(o.passed for o in fails) / len(fails) if fails else 0.0,
        sum(not o.passed for o in passes) / len(passes) if passes else 0.0,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list every disagreement")
    parser.add_argument(
        "--cases", type=Path, default=CASES, help="folder of *.jsonl cases (default: the suite's)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--quick", action="store_true", help="accepted for bench/run_all.py")
    args = parser.parse_args()
    cases = read_cases(args.cases)
    judge(cases)  # warm: lexicons, stemmers
    started = time.perf_counter()
    outcomes = judge(cases)
    per_answer = (time.perf_counter() - started) / len(cases) * 1000
    if args.misses:
        for o in outcomes:
            if o.passed != o.case.expected:
                want = "pass" if o.case.expected else "fail"
                print(f"{o.case.where} {o.case.lang} {o.case.exercise}: trainer {want}, "
                      f"grader {o.score} {'pass' if o.passed else 'fail'} {list(o.failed)}")
                print(f"    {o.case.answer!r}\n    reason: {o.case.reason}")
    f = figures(outcomes)
    if args.json:
        print(json.dumps(f.__dict__ | {"ms_per_answer": per_answer}))
        return 0
    per = Counter((o.case.lang, o.case.exercise) for o in outcomes if o.passed != o.case.expected)
    print("| answers | agreement | false pass | false fail | grading time per answer |")
    print("|---:|---:|---:|---:|---:|")
    print(
        f"| {f.total} | {f.agreement:.1%} | {f.false_pass:.1%} | {f.false_fail:.1%} "
        f"| {per_answer:.2f} ms |"
    )
    if args.misses:
        print(per.most_common())
    return 0


if __name__ == "__main__":
    sys.exit(main())
