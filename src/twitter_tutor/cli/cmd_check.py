"""`twitter-tutor check [PATH ...]`: validate lesson files, one `PATH:LINE:COL: CODE message`
per problem (or JSON, or GitHub Actions annotations)."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from twitter_tutor.cli import problem_output
from twitter_tutor.cli.context import Context
from twitter_tutor.cli.errors import UsageError
from twitter_tutor.cli.output import print_json
from twitter_tutor.texts import t, tn

if TYPE_CHECKING:
    from twitter_tutor.content.lesson import LessonFile


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="lesson files or folders")
    formats = parser.add_mutually_exclusive_group()
    formats.add_argument(
        "--format",
        choices=problem_output.FORMATS,
        default="text",
        help="text: PATH:LINE:COL: CODE message (default); json: a list of problem objects; "
        "github: annotations for GitHub Actions",
    )
    formats.add_argument(
        "--json", action="store_true", help="print a summary and the problems as one JSON object"
    )


def checked_files(ctx: Context, paths: list[Path]) -> tuple[list[LessonFile], set[Path]]:
    """Load every source plus `paths`; return all files and the resolved paths to report.

    Built-ins and configured sources are always loaded, so `requires` and duplicate ids
    resolve against the whole course; only the given paths' problems are reported.
    """
    # Imported here so `--help` and the TUI's start-up never pay for the loader and grader.
    from twitter_tutor.content.course import resolve
    from twitter_tutor.content.folders import lesson_paths
    from twitter_tutor.content.loader import load_file
    from twitter_tutor.content.translations import translation_problems
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
    loaded = [load_file(path, source) for path, source in entries.values()]
    if paths:
        loaded += _translation_partners(loaded, keys, report)
    course = resolve(loaded)
    targets = [f for key, f in zip(keys, course.files, strict=False) if key in report]
    drift = translation_problems(course.active(), {f.path for f in targets})
    targets = [replace(f, problems=(*f.problems, *drift.get(f.path, ()))) for f in targets]
    checked = [_in_file_order(f) for f in with_example_problems(targets)]
    return checked + _words_files([f.path for f in targets]), report


def _words_files(lessons: list[Path]) -> list[LessonFile]:
    """The `_words.toml` beside the lessons checked that have problems, as files of their own:
    a word left out would otherwise only show as an example graded without it."""
    from twitter_tutor.content.folder_words import read_folder_words
    from twitter_tutor.content.folders import words_files
    from twitter_tutor.content.lesson import LessonFile

    found: list[LessonFile] = []
    for path in words_files(lessons):
        words = read_folder_words(path.parent)
        if words is not None and words.problems:
            found.append(LessonFile(path, path.parent, None, None, words.problems))
    return found


def _translation_partners(
    loaded: list[LessonFile], keys: list[Path], report: set[Path]
) -> list[LessonFile]:
    """The other-language files of the lessons being checked that no source holds, loaded
    (not reported) so the two can be compared: pre-commit passes only the changed file."""
    from twitter_tutor.content.loader import load_file
    from twitter_tutor.content.translations import partner_paths

    known = set(keys)
    sniffed: dict[Path, str | None] = {}
    partners: list[LessonFile] = []
    for key, f in zip(keys, loaded, strict=True):
        if key not in report or f.meta is None:
            continue
        for candidate in partner_paths(f.path, f.meta.id, sniffed):
            if candidate.resolve() not in known:
                known.add(candidate.resolve())
                partners.append(load_file(candidate, candidate.parent))
    return partners


def _in_file_order(f: LessonFile) -> LessonFile:
    ordered = sorted(f.problems, key=lambda problem: (problem.line, problem.column or 0))
    return replace(f, problems=tuple(ordered))


def run(args: argparse.Namespace, ctx: Context) -> int:
    paths = [Path(p) for p in args.paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError(t(ctx.lang, "cli.check.missing", paths=", ".join(missing)))
    files, _ = checked_files(ctx, paths)
    problems = [p for f in files for p in f.problems]
    broken = sum(1 for f in files if f.problems)
    if args.json:
        print_json(
            {
                "files": len(files),
                "broken": broken,
                "problems": [problem_output.as_dict(p) for p in problems],
            }
        )
    elif args.format == "json":
        print_json([problem_output.as_dict(p) for p in problems])
    else:
        for line in problem_output.lines(problems, args.format):
            print(line)
        print(_summary(ctx.lang, len(files), broken, len(problems)))
    return 1 if problems else 0


def _summary(lang: str, files: int, broken: int, problems: int) -> str:
    if not files:
        return t(lang, "cli.check.no_files")
    if problems:
        found = tn(lang, "cli.check.problems", problems)
        of = tn(lang, "cli.check.lesson_files", files)
        return t(lang, "cli.check.summary", problems=found, broken=broken, files=of)
    if files == 1:
        return t(lang, "cli.check.valid_one")
    return t(lang, "cli.check.valid_all", count=files)
