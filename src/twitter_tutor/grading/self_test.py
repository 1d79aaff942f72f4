"""Rubric self-tests: grade each `[[examples]]` entry and report one whose outcome differs."""

from __future__ import annotations

from dataclasses import replace

from twitter_tutor.content.lesson import ExerciseBlock, Lesson, LessonFile, Problem
from twitter_tutor.content.problem_codes import EXAMPLE_ANSWER, EXAMPLE_FIELD, EXAMPLE_MISMATCH
from twitter_tutor.grading.answers import AnswerError
from twitter_tutor.grading.grader import grade, grading_for, parse_answer


def example_problems(lesson: Lesson) -> list[Problem]:
    problems: list[Problem] = []
    for parsed in lesson.exercise_blocks:
        problems.extend(_exercise_problems(lesson, parsed))
    return problems


def _exercise_problems(lesson: Lesson, parsed: ExerciseBlock) -> list[Problem]:
    exercise = parsed.exercise
    field = grading_for(exercise).example_field
    other = "text" if field == "answer" else "answer"
    problems: list[Problem] = []
    for index, example in enumerate(exercise.examples):
        # Looked up only for a problem: finding key lines means scanning the block's TOML.
        def at(index: int = index) -> int:
            return parsed.lines.get(("examples", index), parsed.line)

        raw = example.answer if field == "answer" else example.text
        if getattr(example, other) is not None:
            problems.append(
                Problem(
                    lesson.path,
                    at(),
                    f"example {index + 1}: a {exercise.type} example takes '{field}', "
                    f"not '{other}'",
                    EXAMPLE_FIELD,
                )
            )
            continue
        if raw is None:
            problems.append(
                Problem(
                    lesson.path,
                    at(),
                    f"example {index + 1}: add '{field}' to the example",
                    EXAMPLE_FIELD,
                )
            )
            continue
        # Graded without itself among the examples: an example is no copy of itself, but a
        # learner who types one in has copied it.
        others = [e for i, e in enumerate(exercise.examples) if i != index]
        alone = exercise.model_copy(update={"examples": others})
        try:
            result = grade(alone, parse_answer(alone, raw), lesson.lang, lesson.words)
        except AnswerError as error:
            problems.append(
                Problem(lesson.path, at(), f"example {index + 1}: {error}", EXAMPLE_ANSWER)
            )
            continue
        if result.passed != example.passes:
            failed = [c.rule for c in result.checks if not c.passed]
            wrong = [str(i.number) for i in result.items if not i.right]
            detail = (
                f"; failed checks: {', '.join(dict.fromkeys(failed))}"
                if failed
                else f"; wrong items: {', '.join(wrong)}"
                if wrong
                else ""
            )
            expected = "pass" if example.passes else "fail"
            actual = "passes" if result.passed else "fails"
            problems.append(
                Problem(
                    lesson.path,
                    at(),
                    f"example {index + 1} should {expected} but {actual} with score "
                    f"{result.score} (pass_score {exercise.pass_score}){detail}",
                    EXAMPLE_MISMATCH,
                )
            )
    return problems


def with_example_problems(files: list[LessonFile]) -> list[LessonFile]:
    """Each file with its examples' problems added (the lesson itself stays playable)."""
    out: list[LessonFile] = []
    for f in files:
        if f.lesson is not None:
            extra = example_problems(f.lesson)
            if extra:
                f = replace(f, problems=(*f.problems, *extra))
        out.append(f)
    return out
