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
from twitter_tutor.cli.output import PROG
from twitter_tutor.progress import ProgressStore, StoreError
from twitter_tutor.texts import codes, t, tn


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
            return _reset(store, ctx.lang, ctx.profile, args.lesson, confirmed=args.yes)
    except StoreError as error:
        print(f"{PROG}: {t(ctx.lang, 'cli.error', message=error)}", file=sys.stderr)
        return 1


def _yes_words() -> set[str]:
    """What confirms, in any installed language: a learner may answer in either."""
    return {word for lang in codes() for word in t(lang, "cli.reset.yes_words").split()}


def _what(lang: str, profile: str, lesson: str | None, lessons: int, attempts: int) -> str:
    counts = f"{tn(lang, 'cli.reset.lessons', lessons)}, {tn(lang, 'cli.reset.attempts', attempts)}"
    if lesson is None:
        return t(lang, "cli.reset.all", profile=profile, counts=counts)
    return t(lang, "cli.reset.lesson", lesson=lesson, profile=profile, counts=counts)


def _reset(
    store: ProgressStore, lang: str, profile: str, lesson: str | None, *, confirmed: bool
) -> int:
    lessons = len([lid for lid in store.lessons(profile) if lesson is None or lid == lesson])
    attempts = len(store.attempts(profile, lesson))
    if lessons == 0 and attempts == 0:
        if lesson is None:
            print(t(lang, "cli.reset.nothing_all", profile=profile))
        else:
            print(t(lang, "cli.reset.nothing_lesson", profile=profile, lesson=lesson))
        return 0
    what = _what(lang, profile, lesson, lessons, attempts)
    if not confirmed:
        if not sys.stdin.isatty():
            refused = t(lang, "cli.reset.refused", what=what)
            print(f"{PROG}: {t(lang, 'cli.error', message=refused)}", file=sys.stderr)
            return 1
        # The question goes to stderr: stdout carries only the result.
        print(t(lang, "cli.reset.ask", what=what), end="", file=sys.stderr)
        sys.stderr.flush()
        answer = sys.stdin.readline()
        if answer.strip().lower() not in _yes_words():
            print(t(lang, "cli.reset.kept"), file=sys.stderr)
            return 1
    removed_lessons, removed_attempts = store.reset(profile, lesson)
    # Counted again by the store: a tutor running meanwhile may have added an attempt.
    removed = _what(lang, profile, lesson, removed_lessons, removed_attempts)
    print(t(lang, "cli.reset.done", what=removed))
    return 0
