"""What the browser test drives: a real `twitter-tutor serve` process, and the text a page's
terminal has shown.

The page draws the terminal on a canvas, so its text is read where it arrives: the websocket
frames from the server, the same bytes xterm.js paints, with the escape sequences taken out.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM_ENV = "TWITTER_TUTOR_TEST_CHROMIUM"
SKIP_ENV = "TWITTER_TUTOR_TEST_NO_BROWSER"

# CSI (colours, cursor moves), OSC (titles, ...), and two-character escapes.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")


def chromium() -> str:
    """Debian's chromium (Playwright drives it; no browser download). FAILS when missing, so a
    green run always had a browser; only TWITTER_TUTOR_TEST_NO_BROWSER=1 skips, visibly."""
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"browser test skipped: {SKIP_ENV}=1")
    try:
        import playwright  # noqa: F401
    except ImportError:
        pytest.fail("playwright is not installed: run pip install -e '.[test]'")
    found = os.environ.get(CHROMIUM_ENV) or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        pytest.fail(
            f"no Chromium at {found}: apt-get install -y chromium, point {CHROMIUM_ENV} at "
            f"one, or set {SKIP_ENV}=1 to skip the browser test"
        )
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Served:
    url: str
    process: subprocess.Popen[str]
    home: Path

    def output(self) -> str:
        """What serve printed, once it has stopped."""
        out, _ = self.process.communicate(timeout=30)
        return out


@contextmanager
def serve(home: Path, *args: str, env: dict[str, str]) -> Iterator[Served]:
    """`twitter-tutor serve ARGS` on a free port; stopped (SIGTERM, as Ctrl+C) afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "twitter_tutor", "serve", "--port", str(port), *args],
        env={**env, "TWITTER_TUTOR_HOME": str(home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    served = Served(f"http://127.0.0.1:{port}", process, home)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"serve ended at start: {process.communicate()[0]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("serve did not listen within 30 s")
                time.sleep(0.1)
        yield served
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@dataclass
class Screen:
    """The text one page's terminal received, escape sequences removed.

    `pause(seconds)` must let the browser's events in: Playwright's sync API delivers them only
    while one of its calls runs (page.wait_for_timeout), never during time.sleep.
    """

    pause: Callable[[float], None]
    chunks: list[str] = field(default_factory=list)

    def received(self, payload: str | bytes) -> None:
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        self.chunks.append(text)

    @property
    def text(self) -> str:
        """Runs of spaces and line ends as one space: a wrapped sentence still reads whole
        when its lines were painted one after the other."""
        return " ".join(_ESCAPES.sub("", "".join(self.chunks)).split())

    def mark(self) -> int:
        """A point to look after: `wait_for(..., after=mark)` sees only what came later."""
        return len(self.text)

    def wait_for(self, needle: str, *, after: int = 0, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.text[after:]:
            if time.monotonic() > deadline:
                tail = self.text[after:][-1500:]
                pytest.fail(f"{needle!r} never showed; the terminal last showed: {tail}")
            self.pause(0.05)


def tutor_processes(home: Path) -> list[int]:
    """The pids of processes started for this test's serve (found by its data dir)."""
    marker = f"TWITTER_TUTOR_HOME={home}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker in (entry / "environ").read_bytes().split(b"\0"):
                    found.append(int(entry.name))
            except OSError:
                continue  # gone meanwhile, or not ours to read
    return found
