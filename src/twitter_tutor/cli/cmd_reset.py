"""`twitter-tutor reset`: remove a learner's progress, all of it or one lesson's.

Without `--yes` it asks on the terminal first. When stdin is not a terminal it refuses
(exit 1) instead of reading a line: a piped or scripted reset must say `--yes` explicitly,
so stray input can never wipe a learner's history.
"""

from __future__ import annotations

import argparse
import sys

from twitter_tutor.cli.cmd_progress import open_for_command
from twitter_tutor.cli.context import Context
from twitter_tutor.cli.main import PROG
from twitter_tutor.progress import ProgressStore, StoreError

_YES = {"y", "yes", "j", "ja"}  # the tutor also speaks German


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lesson", metavar="ID", help="remove only this lesson's progress and attempts"
    )
    parser.add_argument(
        "--yes", action="store_true", help="do not ask; needed when stdin is not a terminal"
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    try:
        with open_for_command(ctx) as store:
            return _reset(store, ctx.profile, args.lesson, confirmed=args.yes)
    except StoreError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _what(profile: str, lesson: str | None, lessons: int, attempts: int) -> str:
    scope = "all progress" if lesson is None else f"the progress in lesson '{lesson}'"
    counts = f"{_plural(lessons, 'lesson')}, {_plural(attempts, 'attempt')}"
    return f"{scope} of profile '{profile}' ({counts})"


def _reset(store: ProgressStore, profile: str, lesson: str | None, *, confirmed: bool) -> int:
    lessons = len([lid for lid in store.lessons(profile) if lesson is None or lid == lesson])
    attempts = len(store.attempts(profile, lesson))
    if lessons == 0 and attempts == 0:
        where = "" if lesson is None else f" in lesson '{lesson}'"
        print(f"Nothing to remove: profile '{profile}' has no progress{where}.")
        return 0
    what = _what(profile, lesson, lessons, attempts)
    if not confirmed:
        if not sys.stdin.isatty():
            print(
                f"{PROG}: error: not removing {what} without confirmation: "
                "stdin is not a terminal; add --yes to remove it anyway",
                file=sys.stderr,
            )
            return 1
        # The question goes to stderr: stdout carries only the result.
        print(f"Remove {what}? This cannot be undone. [y/N] ", end="", file=sys.stderr)
        sys.stderr.flush()
        answer = sys.stdin.readline()
        if answer.strip().lower() not in _YES:
            print("Nothing was removed.", file=sys.stderr)
            return 1
    removed_lessons, removed_attempts = store.reset(profile, lesson)
    # Counted again by the store: a tutor running meanwhile may have added an attempt.
    print(f"Removed {_what(profile, lesson, removed_lessons, removed_attempts)}.")
    return 0
