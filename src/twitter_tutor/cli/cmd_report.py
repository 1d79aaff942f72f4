"""`twitter-tutor report`: the trainer's report on everyone in a store, as a terminal table,
CSV, JSON or one self-contained HTML page for a projector (`tutor.class_report` works the
figures out; this module only lays them out).

Lessons are shown by their title in `--lang`, from the course; a lesson the course no longer
has is shown by its id. The CSV holds the learner × lesson table, one row per pair (the shape
a spreadsheet pivots best); JSON holds everything.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from twitter_tutor.cli.cmd_progress import open_for_command
from twitter_tutor.cli.context import Context
from twitter_tutor.cli.output import PROG, escape, warn
from twitter_tutor.progress import StoreError
from twitter_tutor.progress.export import neutralise
from twitter_tutor.texts import format_date, say, t
from twitter_tutor.tutor.class_report import (
    MARK,
    STATES,
    ClassReport,
    CourseLesson,
    build_report,
    course_lessons,
    missed_text,
    passed_text,
    read_class,
    to_json,
)
from twitter_tutor.tutor.report_html import to_html

CSV_HEADER = ("profile", "shares", "lesson", "title", "state", "best_score")
_TITLE_WIDTH = 40


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--previews",
        action="store_true",
        help="include trainers' NAME-preview profiles (attempts made under --watch)",
    )
    formats = parser.add_mutually_exclusive_group()
    formats.add_argument(
        "--json", action="store_true", help="print the whole report as one JSON object"
    )
    formats.add_argument(
        "--csv",
        action="store_true",
        help="print one CSV row per learner and lesson: state and best score",
    )
    formats.add_argument(
        "--html",
        metavar="FILE",
        type=Path,
        help="write one self-contained HTML page (chart, tables, shared answers) to FILE",
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    try:
        with open_for_command(ctx) as store:
            records = read_class(store, previews=args.previews)
            damaged = list(store.damaged)
    except StoreError as error:
        print(f"{PROG}: {t(ctx.lang, 'cli.error', message=error)}", file=sys.stderr)
        return 1
    report = build_report(_course(ctx), records)
    if args.json:
        print(json.dumps(to_json(report), ensure_ascii=False, indent=2))
    elif args.csv:
        _write_csv(report)
    elif args.html is not None:
        try:
            args.html.write_text(to_html(report, ctx.lang), encoding="utf-8")
        except OSError as error:
            text = t(
                ctx.lang, "report.cannot_write", path=args.html, reason=error.strerror or error
            )
            print(f"{PROG}: {t(ctx.lang, 'cli.error', message=escape(text))}", file=sys.stderr)
            return 1
        print(escape(str(args.html)))
    else:
        _print_report(ctx.lang, report)
    for line in damaged:
        warn(t(ctx.lang, "cli.warning", message=say(ctx.lang, line)))
    return 0


def _course(ctx: Context) -> list[CourseLesson]:
    from twitter_tutor.content.course import load_course
    from twitter_tutor.tutor.course_index import entries

    course = load_course(ctx.sources)
    lessons = {f.lesson.id: f.lesson for f in course.for_lang(ctx.lang) if f.lesson is not None}
    return course_lessons(entries(course, ctx.lang), lessons)


def _write_csv(report: ClassReport) -> None:
    """Every text cell a spreadsheet could take for a formula is defused (OWASP)."""
    writer = csv.writer(sys.stdout)
    writer.writerow(CSV_HEADER)
    for learner in report.learners:
        for tally, cell in zip(report.lessons, learner.cells, strict=True):
            writer.writerow(
                neutralise(value)
                for value in (
                    learner.profile,
                    "true" if learner.shares else "false",
                    tally.lesson_id,
                    tally.title,
                    cell.state,
                    "" if cell.best_score is None else cell.best_score,
                )
            )


# -- the terminal table ------------------------------------------------------------------------


def _print_report(lang: str, report: ClassReport) -> None:
    print(t(lang, "report.title"))
    print(
        t(
            lang,
            "report.summary",
            learners=len(report.learners),
            lessons=len(report.lessons),
            date=format_date(lang, report.generated_at),
        )
    )
    if not report.learners:
        print()
        print(t(lang, "report.none"))
        return
    numbers = [str(n) for n in range(1, len(report.lessons) + 1)]
    _section(t(lang, "report.learners"))
    _table(
        (
            t(lang, "report.col_learner"),
            t(lang, "report.col_done"),
            t(lang, "report.col_shares"),
            *numbers,
        ),
        [
            (
                _one_line(row.profile),
                str(row.completed),
                t(lang, "cli.yes" if row.shares else "cli.no"),
                *(
                    MARK[c.state] + ("" if c.best_score is None else f" {c.best_score}")
                    for c in row.cells
                ),
            )
            for row in report.learners
        ],
    )
    print(t(lang, "report.cells_key"))
    _section(t(lang, "report.lessons_key"))
    _table(
        ("#", t(lang, "report.col_lesson"), *(t(lang, f"report.state_{s}") for s in STATES)),
        [
            (n, _one_line(tally.title), *(str(tally.count(s)) for s in STATES))
            for n, tally in zip(numbers, report.lessons, strict=True)
        ],
    )
    _section(t(lang, "report.exercises"))
    columns = ("lesson", "task", "passed", "attempts", "missed")
    _table(
        tuple(t(lang, f"report.col_{c}") for c in columns),
        [
            (
                _one_line(stats.lesson_title, 24),
                _one_line(stats.task),
                passed_text(lang, stats),
                str(stats.attempts),
                "; ".join(missed_text(lang, m, detail=False) for m in stats.missed),
            )
            for stats in report.exercises
        ],
    )
    print(t(lang, "report.passed_note"))
    _section(t(lang, "report.best"))
    print(t(lang, "report.best_consent", sharing=report.sharing, learners=len(report.learners)))
    if not report.best:
        print(t(lang, "report.best_none"))
    heading = None
    for answer in report.best:
        if (answer.lesson_id, answer.exercise_id) != heading:
            heading = (answer.lesson_id, answer.exercise_id)
            print()
            print(f"{_one_line(answer.lesson_title)}: {_one_line(answer.task, 60)}")
        for line in answer.answer.splitlines() or [""]:
            print(f"  > {escape(line)}")
        print(
            "  " + t(lang, "report.best_by", learner=_one_line(answer.profile), score=answer.score)
        )


def _section(title: str) -> None:
    print()
    print(title)


def _one_line(text: str, width: int = _TITLE_WIDTH) -> str:
    flat = escape(" ".join(text.split()))
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
    for row in (header, *rows):
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  " + "  ".join(cells).rstrip())
