"""`twitter-tutor check [PATH ...]`: validate lesson files, one `PATH:LINE: message` per problem."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from twitter_tutor.cli.context import Context
from twitter_tutor.cli.errors import UsageError
from twitter_tutor.cli.output import escape, print_json

if TYPE_CHECKING:
    from twitter_tutor.content.lesson import LessonFile


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="lesson files or folders")
    parser.add_argument("--json", action="store_true", help="print the problems as JSON")


def checked_files(ctx: Context, paths: list[Path]) -> tuple[list[LessonFile], set[Path]]:
    """Load every source plus `paths`; return all files and the resolved paths to report.

    Built-ins and configured sources are always loaded, so `requires` and duplicate ids
    resolve against the whole course; only the given paths' problems are reported.
    """
    # Imported here so `--help` and the TUI's start-up never pay for the loader and grader.
    from twitter_tutor.content.course import resolve
    from twitter_tutor.content.folders import lesson_paths
    from twitter_tutor.content.loader import load_file
    from twitter_tutor.grading.self_test import with_example_problems

    # resolved path -> (path as named, its source), in load order; each file is loaded once.
    entries: dict[Path, tuple[Path, Path]] = {}
    for source in ctx.sources:
        for path in lesson_paths(source):
            entries.setdefault(path.resolve(), (path, source))
    report: set[Path] = set()
    for given in paths:
        source = given if given.is_dir() else given.parent
        for path in lesson_paths(given):
            key = path.resolve()
            report.add(key)
            # A file that is also in a source keeps its place but is reported under the
            # name the trainer gave.
            entries[key] = (path, source)
    if not paths:
        report = set(entries)
    keys = list(entries)
    course = resolve([load_file(path, source) for path, source in entries.values()])
    targets = [f for key, f in zip(keys, course.files, strict=True) if key in report]
    return with_example_problems(targets), report


def run(args: argparse.Namespace, ctx: Context) -> int:
    paths = [Path(p) for p in args.paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    files, _ = checked_files(ctx, paths)
    problems = [p for f in files for p in f.problems]
    broken = sum(1 for f in files if f.problems)
    if args.json:
        print_json(
            {
                "files": len(files),
                "broken": broken,
                "problems": [
                    {"path": str(p.path), "line": p.line, "message": p.message} for p in problems
                ],
            }
        )
    else:
        for problem in problems:
            print(escape(str(problem)))  # one line, whatever the file name or value holds
        if not files:
            print("No lesson files found.")
        elif problems:
            print(
                f"{len(problems)} problem{'s' * (len(problems) != 1)} in {broken} of "
                f"{len(files)} lesson file{'s' * (len(files) != 1)}."
            )
        else:
            print(
                "The lesson file is valid."
                if len(files) == 1
                else f"All {len(files)} lesson files are valid."
            )
    return 1 if problems else 0
