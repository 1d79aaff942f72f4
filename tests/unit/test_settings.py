"""Language, data dir and lesson folders come from the environment as documented."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from twitter_tutor import settings


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "de"}, "de"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "", "LC_MESSAGES": "de_AT", "LANG": "en_US"}, "de"),
        ({"LC_ALL": "en_GB", "LC_MESSAGES": "de_DE", "LANG": "de_DE"}, "en"),
        ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "DE_ch"}, "de"),
        ({"LANG": "C"}, "en"),
    ],
)
def test_lang_from_env(env: dict[str, str], expected: str) -> None:
    assert settings.lang_from_env(env) == expected


def test_data_dir_from_env(tmp_path: Path) -> None:
    assert settings.data_dir({"TWITTER_TUTOR_HOME": str(tmp_path)}) == tmp_path


def test_data_dir_default_is_user_data_dir() -> None:
    path = settings.data_dir({})
    assert path.name == "twitter-tutor"


def test_extra_lesson_dirs_env_then_cli(tmp_path: Path) -> None:
    env = {"TWITTER_TUTOR_LESSONS": os.pathsep.join(["/a", "", "/b"])}
    dirs = settings.extra_lesson_dirs(env, ["/c"])
    assert dirs == [Path("/a"), Path("/b"), Path("/c")]


def test_builtin_lessons_dir_has_both_languages() -> None:
    root = settings.builtin_lessons_dir()
    assert (root / "de").is_dir() and (root / "en").is_dir()


@pytest.mark.parametrize(
    ("env", "cli", "expected"),
    [
        ({}, None, None),
        ({"TWITTER_TUTOR_STORE": ""}, None, None),
        ({"TWITTER_TUTOR_STORE": " postgresql://db/x "}, None, "postgresql://db/x"),
        ({"TWITTER_TUTOR_STORE": "postgresql://db/x"}, "sqlite:///srv/t", "sqlite:///srv/t"),
        ({"TWITTER_TUTOR_STORE": "postgresql://db/x"}, "", None),  # `--store ''`: the default
    ],
)
def test_store_url_option_then_env(
    env: dict[str, str], cli: str | None, expected: str | None
) -> None:
    assert settings.store_url(env, cli) == expected
