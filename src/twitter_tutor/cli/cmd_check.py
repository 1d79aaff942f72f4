"""`twitter-tutor check [PATH ...]`: validate lesson files, one `PATH:LINE:COL: CODE message`
per problem (or JSON, or GitHub Actions annotations)."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from twitter_tutor.cli import problem_output
from twitter_tutor.cli.context import Context
from twitter_tutor.cli.errors import UsageError
from twitter_tutor.cli.output import print_json
from twitter_tutor.texts import t, tn

if TYPE_CHECKING:
    from twitter_tutor.cli.check_cache import CheckCache, Stats
    from twitter_tutor.content.course import Course
    from twitter_tutor.content.lesson import LessonFile, Problem


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
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="check every file afresh, without the cache of unchanged files in the data folder",
    )


def checked_files(
    ctx: Context, paths: list[Path], *, use_cache: bool = True, stats: Stats | None = None
) -> tuple[list[LessonFile], set[Path]]:
    """Load every source plus `paths`; return all files and the resolved paths to report.

    Built-ins and configured sources are always loaded, so `requires` and duplicate ids
    resolve against the whole course; only the given paths' problems are reported.

    A file unchanged since the last check is taken from the cache (cli.check_cache) without
    being parsed or graded; the course-level checks run over every file each time.
    """
    # Imported here so `--help` and the TUI's start-up never pay for the loader and grader.
    from twitter_tutor.cli.check_cache import CheckCache, Stats
    from twitter_tutor.content.course import resolve
    from twitter_tutor.content.folders import lesson_paths

    stats = stats if stats is not None else Stats()
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
    cache = CheckCache.open(ctx.data_dir, ctx.lang, stats) if use_cache else None
    records = _obtain(
        [(path, source, key in report) for key, (path, source) in entries.items()], cache, stats
    )
    if paths:
        partners = _translation_partners([r.file for r in records], keys, report)
        records += _obtain([(path, path.parent, False) for path in partners], cache, stats)
    course = resolve([r.file for r in records])
    targets = [n for n, key in enumerate(keys) if key in report]
    drift = _drift(course, records, {course.files[n].path for n in targets}, cache, stats)
    checked: list[LessonFile] = []
    for n in targets:
        f, record = course.files[n], records[n]
        # As the lesson stands after the course-level checks: one with a duplicate id or an
        # unknown `requires` is no lesson, and its examples are not graded.
        graded = record.has_lesson and not f.problems
        f = replace(f, problems=(*f.problems, *drift.get(f.path, ())))
        if graded and record.examples:
            f = replace(f, problems=(*f.problems, *record.examples))
        checked.append(_in_file_order(f))
    stats.files = len(records)
    if cache is not None:
        stats.saved = cache.save()
        if not stats.saved and stats.cache == "empty":
            stats.cache = "unusable"
    return checked + _words_files([f.path for f in checked]), report


@dataclass(frozen=True)
class _Record:
    """One file of the run: loaded, or rebuilt from the cache (then `file.lesson` is None)."""

    file: LessonFile
    key: str | None
    """Its cache key; None when it is not cached."""
    has_lesson: bool
    examples: tuple[Problem, ...] | None
    """The problems of its `[[examples]]`; None when they were not graded (not reported)."""


def _obtain(
    items: list[tuple[Path, Path, bool]], cache: CheckCache | None, stats: Stats
) -> list[_Record]:
    """A record for each (path, source, reported): from the cache when the file is unchanged,
    else loaded (and its examples graded when it is reported)."""
    from twitter_tutor.cli.check_cache import FileResult
    from twitter_tutor.content.lesson import LessonFile

    records: list[_Record | None] = [None] * len(items)
    keys: list[str | None] = [None] * len(items)
    missing: list[int] = []
    for n, (path, source, reported) in enumerate(items):
        key = cache.file_key(path) if cache is not None else None
        hit = cache.get(key, path) if cache is not None and key is not None else None
        if hit is not None and (hit.examples is not None or not reported):
            f = LessonFile(path, source, None, hit.meta, hit.problems, hit.front_toml)
            records[n] = _Record(f, key, hit.has_lesson, hit.examples)
            stats.from_cache += 1
        else:
            keys[n] = key
            missing.append(n)
    done = _load([items[n] for n in missing], stats)
    for n, (f, examples) in zip(missing, done, strict=True):
        key = keys[n]
        # Read again: a file saved while it was checked must not be cached under the key of
        # what it held before.
        if cache is not None and key is not None and cache.file_key(f.path) == key:
            cache.put(key, FileResult.of(f, examples), f.path)
        else:
            key = None
        records[n] = _Record(f, key, f.lesson is not None, examples)
    return [r for r in records if r is not None]


LoadResult = tuple["LessonFile", "tuple[Problem, ...] | None"]
"""A loaded file and the problems of its examples (None: not graded)."""

PARALLEL_FROM = 40
"""Files to grade before the grading is spread over processes: below it, starting them costs
more than it saves."""
WARM_UP = 2
_CHUNK = 8


def _load(items: list[tuple[Path, Path, bool]], stats: Stats) -> list[LoadResult]:
    """Each file loaded and, when reported, its examples graded; in worker processes when
    there are many and more than one core."""
    workers = min(_cores(), 4)
    done: list[LoadResult] = []
    if workers > 1 and sum(1 for item in items if item[2]) >= PARALLEL_FROM:
        # The first few here: the analysis and the grader build their tables on first use
        # (the first lesson takes the time of dozens), and the workers, forked after them,
        # start with the tables built instead of each building them again.
        done = [_load_one(item) for item in items[:WARM_UP]]
        rest = _load_in_processes(items[WARM_UP:], workers)
        if rest is not None:
            done += rest
            stats.workers = workers
    done += [_load_one(item) for item in items[len(done) :]]
    stats.loaded += len(done)
    stats.graded += sum(1 for f, examples in done if f.lesson is not None and examples is not None)
    return done


def _load_one(item: tuple[Path, Path, bool]) -> LoadResult:
    from twitter_tutor.content.loader import load_file
    from twitter_tutor.grading.self_test import example_problems

    path, source, reported = item
    f = load_file(path, source)
    if f.lesson is None:
        return f, ()
    return f, tuple(example_problems(f.lesson)) if reported else None


def _load_in_processes(
    items: list[tuple[Path, Path, bool]], workers: int
) -> list[LoadResult] | None:
    """As `_load_one` for each item, in `workers` processes; None when they cannot be used
    (the caller then does the work itself, so the outcome is the same)."""
    import multiprocessing
    import sys
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start with the loader and grader already imported.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            return list(pool.map(_load_one, items, chunksize=_CHUNK))
    except Exception:  # a worker that cannot start or dies: check here instead
        return None


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _drift(
    course: Course,
    records: list[_Record],
    reported: set[Path],
    cache: CheckCache | None,
    stats: Stats,
) -> dict[Path, list[Problem]]:
    """{path: problems} of the translations that differ in shape, as
    content.translations.translation_problems finds them over the files in effect; a pair of
    unchanged files is taken from the cache, any other compared afresh."""
    from twitter_tutor.cli.check_cache import pair_key
    from twitter_tutor.content.translations import translation_problems

    # The pairs translation_problems forms: files in effect that are lessons, by id and lang.
    pairs: dict[str, dict[str, int]] = {}
    for n, f in enumerate(course.files):
        if f.path in course.replaced or f.problems or not records[n].has_lesson:
            continue
        assert f.meta is not None
        pairs.setdefault(f.meta.id, {})[f.meta.lang] = n
    found: dict[Path, list[Problem]] = {}
    for pair in pairs.values():
        if len(pair) != 2:
            continue
        a, b = sorted(pair.values())
        first, second = course.files[a], course.files[b]
        if first.path not in reported and second.path not in reported:
            continue
        key_a, key_b = records[a].key, records[b].key
        key = None
        if cache is not None and key_a is not None and key_b is not None:
            key = pair_key(
                first, key_a, first.path in reported, second, key_b, second.path in reported
            )
        paths = (first.path, second.path)
        result = cache.get_pair(key, paths) if cache is not None and key is not None else None
        if result is not None:
            stats.pairs_cached += 1
        else:
            stats.pairs_compared += 1
            both = [_with_lesson(first), _with_lesson(second)]
            if both[0] is None or both[1] is None:
                continue  # changed into a broken file while it was checked
            result = translation_problems([both[0], both[1]], reported)
            if (
                cache is not None
                and key is not None
                # A file from the cache was loaded just now: is it still what was hashed?
                and all(
                    f.lesson is not None or cache.file_key(f.path) == file_key
                    for f, file_key in ((first, key_a), (second, key_b))
                )
            ):
                cache.put_pair(key, result, paths)
        for path, problems in result.items():
            found.setdefault(path, []).extend(problems)
    return found


def _with_lesson(f: LessonFile) -> LessonFile | None:
    """`f` with its lesson: a file from the cache is loaded for it."""
    from twitter_tutor.content.loader import load_file

    if f.lesson is not None:
        return f
    loaded = load_file(f.path, f.source).lesson
    return replace(f, lesson=loaded) if loaded is not None else None


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
) -> list[Path]:
    """The other-language files of the lessons being checked that no source holds, to be
    loaded (not reported) so the two can be compared: pre-commit passes only the changed file."""
    from twitter_tutor.content.translations import partner_paths

    known = set(keys)
    sniffed: dict[Path, str | None] = {}
    partners: list[Path] = []
    # partner_paths lists the folders it searches on every call; for 1,000 lessons in one
    # folder that was a second per 30 lessons. It searches the same folders for every file
    # of a folder, so once a folder was searched and the ids read there hold no file that is
    # not loaded under this id, it would find nothing new.
    searched: set[Path] = set()
    unknown_ids: set[str | None] = set()
    named = {f.path for f in loaded}
    for key, f in zip(keys, loaded, strict=True):
        if key not in report or f.meta is None:
            continue
        if f.path.parent in searched and f.meta.id not in unknown_ids:
            continue
        before = len(sniffed)
        for candidate in partner_paths(f.path, f.meta.id, sniffed):
            if candidate.resolve() not in known:
                known.add(candidate.resolve())
                partners.append(candidate)
        searched.add(f.path.parent)
        for path, lesson_id in list(sniffed.items())[before:]:
            if lesson_id not in unknown_ids and path not in named and path.resolve() not in known:
                unknown_ids.add(lesson_id)
    return partners


def _in_file_order(f: LessonFile) -> LessonFile:
    ordered = sorted(f.problems, key=lambda problem: (problem.line, problem.column or 0))
    return replace(f, problems=tuple(ordered))


def run(args: argparse.Namespace, ctx: Context) -> int:
    paths = [Path(p) for p in args.paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError(t(ctx.lang, "cli.check.missing", paths=", ".join(missing)))
    from twitter_tutor.cli.check_cache import Stats

    stats = Stats()
    files, _ = checked_files(ctx, paths, use_cache=not args.no_cache, stats=stats)
    stats.write(ctx.env)
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
