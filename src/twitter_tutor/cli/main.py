"""Entry point of the `twitter-tutor` console script.

Each command lives in its own module `cmd_<name>.py` with `register(subparsers)` and
`run(args, ctx) -> int`; commands are imported lazily so `--help` and the TUI start fast.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Protocol, cast

from twitter_tutor import settings
from twitter_tutor.cli.context import Context
from twitter_tutor.cli.errors import UsageError
from twitter_tutor.cli.output import PROG, escape, warn
from twitter_tutor.settings import SettingsError
from twitter_tutor.texts import is_installed, said_in, t

if TYPE_CHECKING:
    import argparse

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


NO_ARGUMENTS: dict[str, object] = {
    "lang": None,
    "lessons": None,
    "profile": None,
    "store": None,
    "watch": False,
    "trainer_code": None,
    "workshop": False,
    "command": None,
}
"""What the parser makes of no arguments at all (a test keeps the two equal): a bare
`twitter-tutor`, the learner's way in, opens the tutor without building the parser."""


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; only the commands named in `argv` (all when None) get their full options.

    The others are listed for `--help` but their modules are not imported, so opening the
    tutor never pays for eight command modules.
    """
    from twitter_tutor.cli.arguments import build

    named = set(COMMANDS) if argv is None else set(argv) & set(COMMANDS)
    return build(COMMANDS, named, lambda name, parser: _command_module(name).register(parser))


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    if not argv:
        # A Namespace in all but name: argparse (with gettext) is not imported for it.
        return cast("argparse.Namespace", SimpleNamespace(**NO_ARGUMENTS))
    return build_parser(argv).parse_args(argv)


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
        args = parse_args(args_list)
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
