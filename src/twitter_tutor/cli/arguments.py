"""The argument parser of `twitter-tutor`, imported only when there are arguments to parse:
a bare `twitter-tutor` opens the tutor without building it (or importing argparse)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from typing import NoReturn

from twitter_tutor import __version__
from twitter_tutor.cli.errors import UsageError
from twitter_tutor.cli.output import PROG
from twitter_tutor.texts import Message, codes


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports a usage error in one line instead of usage + message."""

    def error(self, message: str) -> NoReturn:
        # argparse's own words stay English (Python ships them untranslated).
        raise UsageError(Message("cli.see_help", message=message, prog=self.prog))


def _add_common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Global options, accepted before and after the command name.

    On subparsers the defaults are suppressed so a value given before the command survives.
    """
    default: object = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--lang",
        choices=codes(),
        default=default,
        help="language of the course and the interface (default: from LC_ALL, LC_MESSAGES, LANG)",
    )
    parser.add_argument(
        "--lessons",
        action="append",
        metavar="DIR",
        default=default,
        help="extra lesson folder (repeatable; also env TWITTER_TUTOR_LESSONS)",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        default=default,
        help="whose progress to use (default: the OS user name)",
    )
    parser.add_argument(
        "--store",
        metavar="URL",
        default=default,
        help="where progress is kept: sqlite:///FOLDER or postgresql://USER@HOST/DATABASE "
        "(default: the local data dir; also env TWITTER_TUTOR_STORE)",
    )


def build(
    commands: Mapping[str, str],
    named: set[str],
    register: Callable[[str, argparse.ArgumentParser], None],
) -> argparse.ArgumentParser:
    """The parser with every command of `commands` (name -> help, in `--help`'s order); only
    those in `named` get their full options, from `register(name, parser)`."""
    parser = _Parser(
        prog=PROG,
        description="An interactive terminal tutor that teaches you to tweet well. "
        "Without a command, it opens the tutor.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _add_common(parser, suppress=False)
    parser.add_argument(
        "--watch",
        action="store_true",
        help="reload lesson files when they change on disk (for trainers)",
    )
    parser.add_argument(
        "--trainer-code",
        metavar="CODE",
        help="open the trainer's view (F9 or Ctrl+P) to whoever types CODE; also env "
        "TWITTER_TUTOR_TRAINER_CODE, which keeps it out of the process list",
    )
    # What `serve` runs for each browser tab: the tutor with the join screen first. The class
    # code comes in the environment (TWITTER_TUTOR_JOIN_CODE), never on a command line `ps`
    # shows. Not for learners to type, so not in --help.
    parser.add_argument("--workshop", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, help_text in commands.items():
        cmd_parser = sub.add_parser(name, help=help_text, description=help_text)
        if name in named:
            _add_common(cmd_parser, suppress=True)
            register(name, cmd_parser)
    return parser
