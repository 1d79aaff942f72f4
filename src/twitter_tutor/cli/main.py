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

from twitter_tutor import __version__, settings
from twitter_tutor.cli.context import Context
from twitter_tutor.cli.errors import UsageError
from twitter_tutor.cli.output import PROG, escape, warn
from twitter_tutor.settings import SettingsError
from twitter_tutor.texts import Message, codes, is_installed, said_in, t

__all__ = ["UsageError", "entry", "main"]


# name -> one-line help; the order is the order in `--help`.
COMMANDS: dict[str, str] = {
    "check": "validate lesson files and report problems as FILE:LINE:COL: CODE message",
    "list": "list every lesson of every source with its status",
    "analyze": "analyse a tweet: weighted length, entities, kinds and signals",
    "grade": "grade an answer to one exercise (records nothing)",
    "progress": "show or export a learner's progress",
    "serve": "serve the tutor to browsers for a workshop (needs twitter-tutor[serve])",
    "report": "the trainer's report on every learner in the store (table, CSV, JSON, HTML)",
    "reset": "remove a learner's progress",
    "new": "write a starter lesson with a choice, pick, compose and plan exercise",
    "schema": "print the JSON Schema of the lesson format",
}


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
        ctx = Context.from_args(args, os.environ)
    except (UsageError, SettingsError) as error:
        _error(t(_early_lang(args_list), "cli.error", message=error))
        return 2
    lang = ctx.lang
    try:
        if args.command is not None:
            for folder in ctx.missing_lesson_dirs():
                warn(t(lang, "cli.warning", message=t(lang, "cli.folder_missing", folder=folder)))
            for folder in ctx.unreadable_lesson_dirs():
                text = t(lang, "cli.folder_unreadable", folder=folder)
                warn(t(lang, "cli.warning", message=text))
        if args.command is None:
            from twitter_tutor.cli.tui_launcher import run as run_tui

            code = run_tui(args, ctx)
        else:
            code = _command_module(args.command).run(args, ctx)
        sys.stdout.flush()  # a full disk or a closed stdout shows here, not at exit
        return code
    except UsageError as error:
        _error(t(lang, "cli.error", message=escape(str(said_in(lang, error)))))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `twitter-tutor list | head`: the reader left; that is not an error of ours.
        _silence_stdout()
        return 0
    except OSError as error:
        if not _is_stdout_error(error):
            raise
        # `> /dev/full`, or stdout closed (`>&-`): say so once, never a traceback.
        _silence_stdout()
        text = t(lang, "cli.cannot_write_output", reason=error.strerror or error)
        _error(t(lang, "cli.error", message=text))
        return 1


def _early_lang(argv: Sequence[str]) -> str:
    """The language for a message before the arguments could be parsed: `--lang X` if it names
    an installed language, else the environment's."""
    for index, arg in enumerate(argv):
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value is not None and is_installed(value):
            return value
    return settings.lang_from_env(os.environ)


def _error(message: str) -> None:
    try:
        print(f"{PROG}: {message}", file=sys.stderr)
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass  # no stderr either: the exit code is all that is left


def _is_stdout_error(error: OSError) -> bool:
    """True for errors writing standard output (ENOSPC, EBADF, EPIPE, EIO), not e.g. a file."""
    import errno

    return error.filename is None and error.errno in (
        errno.ENOSPC,
        errno.EBADF,
        errno.EPIPE,
        errno.EIO,
        errno.EFBIG,
        errno.EDQUOT,
    )


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush has nothing to fail on."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def entry() -> None:
    if sys.stdout is None:
        # Started with stdout closed (`twitter-tutor list >&-`): Python gives no stream at all.
        lang = _early_lang(sys.argv[1:])
        _error(t(lang, "cli.error", message=t(lang, "cli.stdout_closed")))
        sys.exit(1)
    sys.exit(main())


if __name__ == "__main__":
    entry()
