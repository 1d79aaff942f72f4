"""Start-up: process start to the first painted course map, next to a bare Textual app.

Each program runs in a real pseudo-terminal (80x24); the clock stops when the expected text is
on screen (escape sequences stripped). Median of --runs runs, alternating four programs: the
bare app, the tutor's first start (a new data folder each run), its later starts (one data
folder, left by a session that ran until the course had loaded and its map was cached, and
quit with Ctrl+Q) and a first start with an extra lesson folder (--lessons).

The package's bytecode is compiled first, as `pip install` does for a wheel, so the tutor is
measured as a learner gets it: a source checkout installed editable (`pip install -e`), or a
shell with PYTHONDONTWRITEBYTECODE=1, would otherwise compile every module from source on
every start, while Textual's come from `.pyc` files written at its install.

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


def spawn(argv: list[str], env: dict[str, str]) -> tuple[int, int]:
    """`argv` started in an 80x24 pty: (its pid, the pty's descriptor)."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def end(pid: int, fd: int) -> None:
    """Kill the child `pid` if it still runs (0: it has ended) and close its pty."""
    if pid:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass
    os.close(fd)


def time_to_text(argv: list[str], needle: str, env: dict[str, str], timeout: float = 30.0) -> float:
    """Seconds from spawning `argv` in an 80x24 pty until `needle` is painted."""
    start = time.perf_counter()
    pid, fd = spawn(argv, env)
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
        end(pid, fd)


def run_a_session(argv: list[str], env: dict[str, str], done: Path, timeout: float = 60.0) -> None:
    """Run `argv` in an 80x24 pty until the file `done` exists, then quit with Ctrl+Q as a
    learner does (so the progress store is closed cleanly) and wait for the exit."""
    start = time.perf_counter()
    pid, fd = spawn(argv, env)
    quit_sent = ended = False
    try:
        while not ended and time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    ended = not os.read(fd, 65536)
                except OSError:  # the terminal closed: the program has ended
                    ended = True
            if not quit_sent and done.exists():
                os.write(fd, b"\x11")  # Ctrl+Q
                quit_sent = True
        if ended and quit_sent and os.waitpid(pid, 0)[1] == 0:
            pid = 0
            return
        raise TimeoutError(f"{' '.join(argv)} did not write {done} and quit")
    finally:
        end(pid, fd)


def compile_package() -> None:
    """Write the `.pyc` files of twitter_tutor, as pip does when it installs the wheel."""
    import compileall

    import twitter_tutor

    compileall.compile_dir(Path(twitter_tutor.__file__).parent, quiet=1)


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
    compile_package()
    base_env = {**os.environ, "TERM": "xterm-256color", "LANG": "en_US.UTF-8"}
    base_env.pop("LC_ALL", None)
    base_env.pop("LC_MESSAGES", None)
    base_env.pop("TWITTER_TUTOR_LESSONS", None)
    tutor_bin = Path(sys.executable).with_name("twitter-tutor")
    tutor = [str(tutor_bin)] if tutor_bin.exists() else [sys.executable, "-m", "twitter_tutor"]
    bare = [sys.executable, str(HERE / "bare_app.py")]
    title = first_lesson_title("en")
    extra = Path(tempfile.mkdtemp(prefix="tt-bench-lessons-"))
    from twitter_tutor.content.starter import starter_lesson

    (extra / "extra.md").write_text(starter_lesson("bench-extra", "en", order=100), "utf-8")
    warm_home = tempfile.mkdtemp(prefix="tt-bench-home-")

    def fresh_home() -> dict[str, str]:
        """A data folder that has never been used: what a new learner's first start sees."""
        return {**base_env, "TWITTER_TUTOR_HOME": tempfile.mkdtemp(prefix="tt-bench-new-")}

    warm_env = {**base_env, "TWITTER_TUTOR_HOME": warm_home}
    # The session before a later start: the course loads, its map is cached beside the store,
    # and the learner quits (every measured start is killed once painted, so none does that).
    from twitter_tutor.tutor.course_index import INDEX_NAME

    run_a_session(tutor, warm_env, Path(warm_home) / INDEX_NAME)
    programs = {
        "bare": lambda: time_to_text(bare, "bare app ready", base_env),
        "first": lambda: time_to_text(tutor, title, fresh_home()),
        "later": lambda: time_to_text(tutor, title, warm_env),
        "first_lessons": lambda: time_to_text(
            [*tutor, "--lessons", str(extra)], title, fresh_home()
        ),
    }
    # One warm-up each (file cache).
    for measure in programs.values():
        measure()
    times: dict[str, list[float]] = {name: [] for name in programs}
    for _ in range(runs):  # alternating, so load on the machine hits every program alike
        for name, measure in programs.items():
            times[name].append(measure())
    medians = {name: statistics.median(values) for name, values in times.items()}
    result: dict[str, float] = {"runs": runs}
    for name, median in medians.items():
        result[f"{name}_median_s"] = median
        if name != "bare":
            result[f"{name}_ratio"] = median / medians["bare"]
    if args.json:
        print(json.dumps(result))
        return
    labels = {
        "bare": "bare Textual app (Header, Static, Footer)",
        "first": "twitter-tutor, first start (new data folder)",
        "later": "twitter-tutor, later starts",
        "first_lessons": "twitter-tutor --lessons EXTRA, first start",
    }
    budgets = {"first": 1.2, "later": 1.1, "first_lessons": 1.5}
    print("| program | median to first paint (s) | ratio to bare | budget |")
    print("|---|---:|---:|---:|")
    for name, label in labels.items():
        ratio = "1.00x" if name == "bare" else f"{result[name + '_ratio']:.2f}x"
        budget = f"<= {budgets[name]}x" if name in budgets else ""
        print(f"| {label} | {medians[name]:.3f} | {ratio} | {budget} |")
    print(f"\n{runs} runs each, alternating; 80x24 pseudo-terminal")

if __name__ == "__main__":
    main()
