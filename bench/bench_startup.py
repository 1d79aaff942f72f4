"""Start-up: process start to the first painted course map, next to a bare Textual app.

Each program runs in a real pseudo-terminal (80x24); the clock stops when the expected text is
on screen (escape sequences stripped). Median of --runs runs, alternating the two programs.

Usage: python bench/bench_startup.py [--runs 10] [--quick] [--json]
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANSI = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)


def time_to_text(argv: list[str], needle: str, env: dict[str, str], timeout: float = 30.0) -> float:
    """Seconds from spawning `argv` in an 80x24 pty until `needle` is painted."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    target = needle.encode()
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            # Answer terminal queries would be nice, but Textual does not block on them.
            if target in ANSI.sub(b"", seen):
                return time.perf_counter() - start
        raise TimeoutError(f"{needle!r} not painted by {' '.join(argv)}")
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass
        os.close(fd)


def first_lesson_title(lang: str) -> str:
    from twitter_tutor import settings
    from twitter_tutor.content.course import load_course

    files = load_course([settings.builtin_lessons_dir()]).for_lang(lang)
    title = files[0].meta.title if files and files[0].meta else "twitter-tutor"
    return title[:20]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    home = tempfile.mkdtemp(prefix="tt-bench-home-")
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "TWITTER_TUTOR_HOME": home,
        "LANG": "en_US.UTF-8",
    }
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    tutor_bin = Path(sys.executable).with_name("twitter-tutor")
    tutor = [str(tutor_bin)] if tutor_bin.exists() else [sys.executable, "-m", "twitter_tutor"]
    bare = [sys.executable, str(HERE / "bare_app.py")]
    title = first_lesson_title("en")
    # One warm-up each, so both are measured with a warm file cache.
    time_to_text(bare, "bare app ready", env)
    time_to_text(tutor, title, env)
    bare_times, tutor_times = [], []
    for _ in range(runs):
        bare_times.append(time_to_text(bare, "bare app ready", env))
        tutor_times.append(time_to_text(tutor, title, env))
    result = {
        "runs": runs,
        "bare_median_s": statistics.median(bare_times),
        "tutor_median_s": statistics.median(tutor_times),
    }
    result["ratio"] = result["tutor_median_s"] / result["bare_median_s"]
    if args.json:
        print(json.dumps(result))
        return
    print("| program | median to first paint (s) |")
    print("|---|---:|")
    print(f"| bare Textual app (Header, Static, Footer) | {result['bare_median_s']:.3f} |")
    print(f"| twitter-tutor course map | {result['tutor_median_s']:.3f} |")
    print(f"\nratio: {result['ratio']:.2f}x over {runs} runs")


if __name__ == "__main__":
    main()
