"""`twitter-tutor new ID`: write a starter lesson that shows every exercise type."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from twitter_tutor.cli.context import Context
from twitter_tutor.cli.main import UsageError
from twitter_tutor.cli.output import warn


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="the new lesson's id (a-z, 0-9 and '-')")
    parser.add_argument("--dir", metavar="DIR", default=".", help="where to write (default: .)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace, ctx: Context) -> int:
    from twitter_tutor.content.models import SLUG
    from twitter_tutor.content.starter import starter_lesson

    if not re.match(SLUG, args.id):
        raise UsageError(f"'{args.id}' is not a valid id: use a-z, 0-9 and '-', like 'my-lesson'")
    folder = Path(args.dir)
    path = folder / f"{args.id}.md"
    if path.exists() and not args.force:
        raise UsageError(f"{path} exists already; pass --force to overwrite it")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(starter_lesson(args.id, ctx.lang), encoding="utf-8")
    except OSError as error:
        warn(f"cannot write {path}: {error.strerror or error}")
        return 1
    print(path)
    return 0
