"""`twitter-tutor` with no command: open the progress store, then run the tutor.

Textual, pydantic and the lessons are imported only here and late, so `--help` and the other
commands stay fast, and the course loads in a thread while the first screen paints.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from twitter_tutor.cli.output import PROG
from twitter_tutor.texts import said_in, say, t

if TYPE_CHECKING:
    import argparse

    from twitter_tutor.cli.context import Context
    from twitter_tutor.content.course import Course
    from twitter_tutor.progress.opening import OpenedStore



def load_course(sources: Sequence[Path]) -> Course:
    from twitter_tutor.content.course import load_course as load

    return load(sources)


def open_progress(
    data_dir: Path, lang: str = "en", store_url: str | None = None, *, fallback: bool = True
) -> OpenedStore:
    """The store, or an in-memory one with a warning when it cannot be used at all.

    Only the default store falls back, and only with `fallback`: a store named by `store_url`
    (`--store`) that cannot be used raises StoreError, since a class whose shared store
    quietly kept nothing would lose a whole session's work; so does a workshop's."""
    # The modules that open a store, not the whole progress package (start-up budget).
    from twitter_tutor.progress.errors import NewerSchemaError, StoreError
    from twitter_tutor.progress.opening import OpenedStore, open_memory_store

    try:
        if store_url is None:  # what open_store_url does then, without loading URL parsing
            from twitter_tutor.progress.opening import open_store

            return open_store(data_dir, allow_memory=False)
        from twitter_tutor.progress.locations import open_store_url

        return open_store_url(store_url, data_dir=data_dir)
    except NewerSchemaError:
        raise
    except StoreError as error:
        if store_url is not None or not fallback:
            raise
        warning = t(lang, "app.memory_store", error=error)
        return OpenedStore(open_memory_store(), [warning], persistent=False)


def run(args: argparse.Namespace, ctx: Context) -> int:
    # Start-up (issue 17): the cyclic garbage collector waits until the first frame is out,
    # when the app resumes it (`TutorApp`). Importing and starting Textual makes hundreds of
    # thousands of objects that all stay alive, and collecting them again and again cost a
    # tenth of the start while finding next to no garbage.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(args, ctx)
    finally:
        if collecting:
            gc.enable()


def _run(args: argparse.Namespace, ctx: Context) -> int:
    from twitter_tutor.progress.errors import StoreError

    trainer = trainer_code(args, ctx)  # a usage error before anything is opened
    workshop = None
    if getattr(args, "workshop", False):  # only `serve`'s tabs pay for the workshop modules
        from twitter_tutor.cli.workshop_env import workshop_from_env

        workshop = workshop_from_env(ctx.env)
    try:
        opened = open_progress(
            ctx.data_dir, ctx.lang, ctx.store_url, fallback=workshop is None
        )
    except StoreError as error:  # a newer store, or one named by --store that cannot be used
        print(f"{PROG}: {said_in(ctx.lang, error)}", file=sys.stderr)
        return 1
    # A tab of `serve` talks to the browser through Textual's web driver, not a terminal.
    if not _interactive() and not ctx.env.get("TEXTUAL_DRIVER"):
        opened.store.close()
        print(f"{PROG}: {t(ctx.lang, 'cli.not_a_terminal')}", file=sys.stderr)
        return 2
    from twitter_tutor.tui.app import make_app
    from twitter_tutor.tutor.course_index import INDEX_NAME

    sources = tuple(ctx.sources)
    watch = bool(getattr(args, "watch", False))
    # A trainer previewing lessons must not mix test answers into their own progress.
    if watch:
        from twitter_tutor.tutor.previews import preview_profile  # only trainers pay

        profile = preview_profile(ctx.profile)
    else:
        profile = ctx.profile
    if workshop is not None:
        profile = ""  # nobody's until the learner has joined
    app = make_app(
        lambda: load_course(sources),
        opened.store,
        profile,
        ctx.lang,
        sources,
        watch=watch,
        notices=[
            *([t(ctx.lang, "app.preview_profile", profile=profile)] if watch else []),
            *(say(ctx.lang, warning) for warning in opened.warnings),
            *(t(ctx.lang, "app.missing_folder", folder=f) for f in ctx.missing_lesson_dirs()),
            *(
                t(ctx.lang, "app.unreadable_folder", folder=f)
                for f in ctx.unreadable_lesson_dirs()
            ),
        ],
        # Only beside a real store: a memory store means the data dir cannot be written.
        index_path=ctx.data_dir / INDEX_NAME if opened.persistent else None,
        workshop=workshop,
        trainer_code=trainer,
    )
    try:
        app.run()
    finally:
        app.session.close()  # drafts still queued for the store
        opened.store.close()
    # Textual catches an unexpected exception, prints it and ends the app with return code 1;
    # every answer was saved when it was checked and every draft as it was typed.
    code = app.return_code or 0
    if code:
        print(f"{PROG}: {t(ctx.lang, 'cli.tui_crashed', code=code)}", file=sys.stderr)
    return code


TRAINER_CODE_ENV = "TWITTER_TUTOR_TRAINER_CODE"


def trainer_code(args: argparse.Namespace, ctx: Context) -> str | None:
    """The code that opens the trainer's view: `--trainer-code`, else the environment (where
    `serve` can hand it on without showing it in the process list); None: no such view."""
    code: str | None = getattr(args, "trainer_code", None)
    if code is None:
        code = ctx.env.get(TRAINER_CODE_ENV) or None
    if code is not None and not code.strip():
        from twitter_tutor.cli.errors import UsageError

        raise UsageError(t(ctx.lang, "cli.trainer_code_empty"))
    return code


def _interactive() -> bool:
    """True when standard input is a terminal the tutor can read keys from."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):  # a closed stream
        return False
