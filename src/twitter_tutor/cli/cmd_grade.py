"""`twitter-tutor grade`: grade one answer to one exercise; records nothing in any progress."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from twitter_tutor.cli.context import Context
from twitter_tutor.cli.errors import UsageError
from twitter_tutor.cli.output import escape, print_json, read_stdin_text
from twitter_tutor.texts import said_in, t

if TYPE_CHECKING:
    from twitter_tutor.content.lesson import Lesson
    from twitter_tutor.grading import GradeResult


def register(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--lesson", metavar="ID", help="a lesson of the course, by id")
    which.add_argument("--lesson-file", metavar="FILE", help="a lesson file")
    parser.add_argument("--exercise", metavar="ID", required=True, help="the exercise id")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "answer",
        nargs="?",
        metavar="ANSWER",
        help="compose: the tweet; plan: one tweet per line; reflect: the note; choice/pick: "
        "numbers like 1,3 (default: standard input)",
    )


def _lesson(args: argparse.Namespace, ctx: Context) -> Lesson:
    from twitter_tutor.content.course import load_course
    from twitter_tutor.content.loader import load_file

    if args.lesson_file:
        path = Path(args.lesson_file)
        if not path.is_file():
            raise UsageError(t(ctx.lang, "cli.grade.no_file", path=path))
        loaded = load_file(path)
        if loaded.lesson is None:
            raise UsageError(t(ctx.lang, "cli.grade.file_problems", problem=loaded.problems[0]))
        return loaded.lesson
    found = load_course(ctx.sources).find(args.lesson, ctx.lang)
    if found is None:
        raise UsageError(t(ctx.lang, "cli.grade.unknown_lesson", lesson=args.lesson))
    if found.lesson is None:
        raise UsageError(
            t(ctx.lang, "cli.grade.broken_lesson", lesson=args.lesson, problem=found.problems[0])
        )
    return found.lesson


def run(args: argparse.Namespace, ctx: Context) -> int:
    from twitter_tutor.grading import AnswerError, grade, grading_for, parse_answer

    lesson = _lesson(args, ctx)
    exercise = lesson.exercise(args.exercise)
    if exercise is None:
        known = ", ".join(e.id for e in lesson.exercises) or t(ctx.lang, "cli.grade.none")
        raise UsageError(
            t(
                ctx.lang,
                "cli.grade.unknown_exercise",
                exercise=args.exercise,
                lesson=lesson.id,
                known=known,
            )
        )
    raw = args.answer if args.answer is not None else read_stdin_text()
    if args.answer is None and not grading_for(exercise).multiline:
        raw = raw.removesuffix("\n").removesuffix("\r")
    try:
        result = grade(exercise, parse_answer(exercise, raw), lesson.lang, lesson.words)
    except AnswerError as error:
        raise UsageError(str(said_in(ctx.lang, error))) from None
    if args.json:
        print_json(result.to_json())
    else:
        _print(result, ctx.lang)
    return 0 if result.passed else 1


def _print(result: GradeResult, lang: str) -> None:
    class _Out:
        """Each line with control characters escaped: lesson texts must not drive the terminal."""

        @staticmethod
        def write(text: str) -> None:
            sys.stdout.write(escape(text.removesuffix("\n")) + "\n")

    out = _Out()
    out.write(f"{result.summary}\n")
    for check in result.checks:
        mark = "✓" if check.passed else "✗"
        details = [t(lang, "cli.grade.tweet", number=check.tweet)] if check.tweet else []
        details.append(t(lang, "cli.grade.weight", weight=check.weight))
        if check.required:
            details.append(t(lang, "cli.grade.required"))
        out.write(f"  {mark} {check.rule} ({', '.join(details)}): {check.message}\n")
        if check.hint and not check.passed:
            out.write(f"      {t(lang, 'cli.grade.hint', hint=check.hint)}\n")
    for item in result.items:
        mark = "✓" if item.right else "✗"
        chosen = "[x]" if item.selected else "[ ]"
        out.write(f"  {mark} {chosen} {item.number}. {item.text}\n")
        if item.why:
            out.write(f"        {item.why}\n")
