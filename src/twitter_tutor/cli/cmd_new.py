"""`twitter-tutor new ID`: write a starter lesson with a choice, pick, compose and plan exercise."""

from __future__ import annotations

import argparse
from pathlib import Path

from twitter_tutor.cli.context import Context
from twitter_tutor.cli.errors import UsageError
from twitter_tutor.cli.output import escape, warn
from twitter_tutor.texts import t


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="the new lesson's id (a-z, 0-9 and '-')")
    parser.add_argument("--dir", metavar="DIR", default=".", help="where to write (default: .)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace, ctx: Context) -> int:
    from pydantic import TypeAdapter, ValidationError

    from twitter_tutor.content.models import Slug
    from twitter_tutor.content.starter import starter_lesson

    try:
        # The rule `check` applies to a lesson's id, so what `new` writes is what `check` takes.
        TypeAdapter(Slug).validate_python(args.id)
    except ValidationError:
        shown = args.id if len(args.id) <= 40 else args.id[:37] + "..."
        raise UsageError(t(ctx.lang, "cli.new.bad_id", id=repr(shown))) from None
    folder = Path(args.dir)
    path = folder / f"{args.id}.md"
    if path.is_symlink():
        # Writing would follow it, even when it points nowhere yet.
        raise UsageError(t(ctx.lang, "cli.new.symlink", path=path))
    if path.exists() and not args.force:
        raise UsageError(t(ctx.lang, "cli.new.exists", path=path))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # "x" creates the file only if nothing, not even a link made meanwhile, is there.
        with path.open("w" if args.force else "x", encoding="utf-8") as out:
            out.write(starter_lesson(args.id, ctx.lang))
    except OSError as error:
        warn(t(ctx.lang, "cli.new.cannot_write", path=path, reason=error.strerror or error))
        return 1
    print(escape(str(path)))
    return 0
