"""Entry point of the `twitter-tutor` console script.

Each command lives in its own module `cmd_<name>.py` with `register(subparsers)` and
`run(args, ctx) -> int`; commands are imported lazily so `--help` and the TUI start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, Protocol, cast

from twitter_tutor import __version__
from twitter_tutor.cli.context import Context

PROG = "twitter-tutor"

# name -> one-line help; the order is the order in `--help`.
COMMANDS: dict[str, str] = {
    "check": "validate lesson files and report problems as FILE:LINE: message",
    "list": "list every lesson of every source with its status",
    "analyze": "analyse a tweet: weighted length, entities, kinds and signals",
    "grade": "grade an answer to one exercise (records nothing)",
    "progress": "show or export a learner's progress",
    "reset": "remove a learner's progress",
    "new": "write a starter lesson that shows every exercise type",
    "schema": "print the JSON Schema of the lesson format",
}


class UsageError(Exception):
    """Bad arguments: reported in one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports a usage error in one line instead of usage + message."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _add_common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Global options, accepted before and after the command name.

    On subparsers the defaults are suppressed so a value given before the command survives.
    """
    default: object = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--lang",
        choices=["de", "en"],
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


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; only the commands named in `argv` (all when None) get their full options.

    The others are listed for `--help` but their modules are not imported, so opening the
    tutor (no command at all) never pays for eight command modules.
    """
    named = set(COMMANDS) if argv is None else set(argv) & set(COMMANDS)
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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, help_text in COMMANDS.items():
        cmd_parser = sub.add_parser(name, help=help_text, description=help_text)
        if name in named:
            _add_common(cmd_parser, suppress=True)
            _command_module(name).register(cmd_parser)
    return parser


class CommandModule(Protocol):
    """What every `cmd_<name>` module provides."""

    def register(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, ctx: Context) -> int: ...


def _command_module(name: str) -> CommandModule:
    return cast(CommandModule, importlib.import_module(f"twitter_tutor.cli.cmd_{name}"))


def _configure_streams() -> None:
    # Learner text may carry lone surrogates (invalid UTF-8 in argv); never die printing it.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _configure_streams()
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser(args_list).parse_args(args_list)
    except UsageError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    ctx = Context.from_args(args, os.environ)
    if args.command is not None:
        for folder in ctx.missing_lesson_dirs():
            print(f"{PROG}: warning: lesson folder not found: {folder}", file=sys.stderr)
    try:
        if args.command is None:
            from twitter_tutor.cli.tui_launcher import run as run_tui

            return run_tui(args, ctx)
        return _command_module(args.command).run(args, ctx)
    except UsageError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `twitter-tutor list | head`: the reader left; that is not an error of ours.
        sys.stderr.close()
        return 0


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
