"""What every command needs: language, profile, lesson sources and data dir, from args and env."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from twitter_tutor import settings
from twitter_tutor.cli.errors import UsageError
from twitter_tutor.content.folders import unreadable_folders
from twitter_tutor.texts import t
from twitter_tutor.types import Lang

if TYPE_CHECKING:
    import argparse


@dataclass(frozen=True)
class Context:
    lang: Lang
    profile: str
    lesson_dirs: tuple[Path, ...]
    """Extra lesson folders, after the built-in course, in the order given."""
    data_dir: Path
    env: Mapping[str, str]
    store_url: str | None = None
    """`--store` or TWITTER_TUTOR_STORE; None: the SQLite store in `data_dir`. It may hold a
    password: show it only through `progress.mask_url`."""

    @classmethod
    def from_args(cls, args: argparse.Namespace, env: Mapping[str, str]) -> Context:
        lang: Lang = args.lang or settings.lang_from_env(env)
        profile: str | None = getattr(args, "profile", None)
        if profile is not None and (not profile.strip() or not profile.isprintable()):
            # An empty name silently meant the OS user: `--profile "" reset` wiped that one.
            raise UsageError(t(lang, "cli.profile_empty", value=repr(profile)))
        return cls(
            lang=lang,
            profile=profile or settings.default_profile(env),
            lesson_dirs=tuple(settings.extra_lesson_dirs(env, args.lessons)),
            data_dir=settings.data_dir(env),
            env=env,
            store_url=settings.store_url(env, getattr(args, "store", None)),
        )

    def missing_lesson_dirs(self) -> list[Path]:
        """Configured lesson folders that do not exist (a typo in --lessons, say)."""
        return [d for d in self.lesson_dirs if not d.exists()]

    def unreadable_lesson_dirs(self) -> list[Path]:
        """Configured lesson folders, or folders below them, that cannot be listed."""
        return [found for folder in self.lesson_dirs for found in unreadable_folders(folder)]

    @property
    def sources(self) -> tuple[Path, ...]:
        """Every lesson source in priority order: built-ins first, later ones replace earlier."""
        return (settings.builtin_lessons_dir(), *self.lesson_dirs)
