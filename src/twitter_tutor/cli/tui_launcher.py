"""`twitter-tutor` with no command: open the progress store, then run the tutor.

Textual, pydantic and the lessons are imported only here and late, so `--help` and the other
commands stay fast, and the course loads in a thread while the first screen paints.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from twitter_tutor.cli.context import Context
    from twitter_tutor.content.course import Course
    from twitter_tutor.progress import OpenedStore

PROG = "twitter-tutor"


def load_course(sources: Sequence[Path]) -> Course:
    from twitter_tutor.content.course import load_course as load

    return load(sources)


def open_progress(data_dir: Path, lang: str = "en") -> OpenedStore:
    """The store, or an in-memory one with a warning when it cannot be used at all."""
    from twitter_tutor.progress import (
        NewerSchemaError,
        OpenedStore,
        StoreError,
        open_memory_store,
        open_store,
    )

    try:
        return open_store(data_dir, allow_memory=False)
    except NewerSchemaError:
        raise
    except StoreError as error:
        from twitter_tutor.tutor.i18n import t

        warning = t(lang, "app.memory_store", error=error)
        return OpenedStore(open_memory_store(), [warning], persistent=False)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from twitter_tutor.progress import NewerSchemaError

    try:
        opened = open_progress(ctx.data_dir, ctx.lang)
    except NewerSchemaError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    if not _interactive():
        opened.store.close()
        print(f"{PROG}: {NOT_A_TERMINAL}", file=sys.stderr)
        return 2
    from twitter_tutor.tui.app import make_app
    from twitter_tutor.tutor.course_index import INDEX_NAME
    from twitter_tutor.tutor.i18n import t

    sources = tuple(ctx.sources)
    app = make_app(
        lambda: load_course(sources),
        opened.store,
        ctx.profile,
        ctx.lang,
        sources,
        watch=bool(getattr(args, "watch", False)),
        notices=[
            *opened.warnings,
            *(t(ctx.lang, "app.missing_folder", folder=f) for f in ctx.missing_lesson_dirs()),
            *(
                t(ctx.lang, "app.unreadable_folder", folder=f)
                for f in ctx.unreadable_lesson_dirs()
            ),
        ],
        # Only beside a real store: a memory store means the data dir cannot be written.
        index_path=ctx.data_dir / INDEX_NAME if opened.persistent else None,
    )
    try:
        app.run()
    finally:
        opened.store.close()
    # Textual catches an unexpected exception, prints it and ends the app with return code 1;
    # every answer was saved when it was checked, so only an unsent draft is lost.
    code = app.return_code or 0
    if code:
        print(
            f"{PROG}: the tutor stopped after an unexpected error (exit {code}); every "
            "checked answer is saved",
            file=sys.stderr,
        )
    return code


NOT_A_TERMINAL = (
    "the tutor needs a terminal, but standard input is not one; without a terminal use "
    "'twitter-tutor list', 'analyze', 'grade', 'check' or 'progress' (see 'twitter-tutor --help')"
)


def _interactive() -> bool:
    """True when standard input is a terminal the tutor can read keys from."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):  # a closed stream
        return False
