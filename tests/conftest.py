"""Shared fixtures: temporary lesson folders and a clean environment for the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# `make test` (and CI) must give the same verdict on the same code: every property test runs a
# fixed set of examples. `make fuzz` (TWITTER_TUTOR_FUZZ=N) explores new ones; what it finds
# becomes a named test case.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("TWITTER_TUTOR_FUZZ") else "repeatable")

REPO = Path(__file__).resolve().parents[1]

# Every text lookup under test is strict: a key missing from a catalogue, or a placeholder that
# does not fit, raises instead of falling back to English (see twitter_tutor.texts.catalog).
STRICT_TEXTS = {"TWITTER_TUTOR_STRICT_TEXTS": "1"}
os.environ.update(STRICT_TEXTS)


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """An environment for the CLI as a subprocess: its own data dir, English, no extra lessons."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "TWITTER_TUTOR"))}
    env.update(
        {
            "LANG": "en_US.UTF-8",
            "TWITTER_TUTOR_HOME": str(tmp_path / "home"),
            "PYTHONIOENCODING": "utf-8",
            **STRICT_TEXTS,
        }
    )
    return env


RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_cli(cli_env: dict[str, str], tmp_path: Path) -> RunCli:
    """Run `python -m twitter_tutor ARGS` for real; returns the completed process (text)."""

    def run(
        *args: str,
        input: str | None = None,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "twitter_tutor", *args],
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**cli_env, **(env or {})},
            cwd=cwd or tmp_path,
            timeout=60,
        )

    return run
