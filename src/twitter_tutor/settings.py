"""Where things are and which language to speak, read from the environment.

Pure functions over an explicit environment mapping, so tests never touch the real one.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from pathlib import Path

from twitter_tutor.texts import SOURCE, Message, from_locale
from twitter_tutor.types import Lang


class SettingsError(ValueError):
    """A setting that cannot be used as given (a `~user` that does not exist, say): one line."""


def expand_path(value: str, where: str) -> Path:
    """`value` with a leading `~` or `~user` expanded; SettingsError when that user is unknown."""
    try:
        return Path(value).expanduser()
    except RuntimeError as error:  # pathlib: "Could not determine home directory."
        user = value.split("/", 1)[0].split(os.sep, 1)[0]
        raise SettingsError(
            Message("settings.no_such_user", where=where, user=user, value=value)
        ) from error


def lang_from_env(env: Mapping[str, str]) -> Lang:
    """The first non-empty of LC_ALL, LC_MESSAGES, LANG decides: its language (`de_AT.UTF-8`
    is `de`) when a catalogue is installed for it, else English.

    The `locale` module is deliberately not used: a machine may lack the German locale while
    LANG=de_DE.UTF-8 still says what the learner wants to read.
    """
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return from_locale(value) or SOURCE
    return SOURCE


def data_dir(env: Mapping[str, str]) -> Path:
    """`TWITTER_TUTOR_HOME`, else the platform's user data dir."""
    home = env.get("TWITTER_TUTOR_HOME", "")
    if home:
        return expand_path(home, "TWITTER_TUTOR_HOME")
    # Imported lazily: only commands that touch progress need it.
    from platformdirs import user_data_path

    return user_data_path("twitter-tutor", appauthor=False)


def store_url(env: Mapping[str, str], cli_url: str | None) -> str | None:
    """Where progress is kept: `--store URL`, else `TWITTER_TUTOR_STORE`; None (the SQLite file
    in the data dir) when neither is set. Checked only when a store is opened, so a stray
    value never stops commands that keep no progress."""
    url = cli_url if cli_url is not None else env.get("TWITTER_TUTOR_STORE", "")
    return url.strip() or None


def extra_lesson_dirs(env: Mapping[str, str], cli_dirs: list[str] | None) -> list[Path]:
    """Folders from `TWITTER_TUTOR_LESSONS` (OS path separator), then each `--lessons DIR`."""
    dirs = [
        expand_path(p, "TWITTER_TUTOR_LESSONS")
        for p in env.get("TWITTER_TUTOR_LESSONS", "").split(os.pathsep)
        if p
    ]
    dirs += [expand_path(p, "--lessons") for p in cli_dirs or []]
    return dirs


def builtin_lessons_dir() -> Path:
    """The course shipped inside the package (wheel), or `lessons/` of a source checkout."""
    packaged = Path(__file__).parent / "lessons"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "lessons"


def default_profile(env: Mapping[str, str]) -> str:
    """The OS user name; `learner` where none can be found (containers without a passwd entry)."""
    try:
        name = getpass.getuser()
    except Exception:  # getpass raises OSError or KeyError depending on platform
        name = env.get("USER", "")
    return name or "learner"
