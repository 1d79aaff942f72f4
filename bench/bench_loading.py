"""Lesson loading and `check` for 10, 100 and 1,000 generated lessons: is the cost linear?

The lessons are copies of the built-in course under new ids, so they are as long and hold as
many exercises and examples as real ones.

Loading and checking are timed in-process; then the real `twitter-tutor check FOLDER` as a
trainer runs it (start-up included), twice: first with an empty cache in a new data folder, then
again after one lesson changed, which the cache of unchanged files serves (cli/check_cache.py).

Usage: python bench/bench_loading.py [--sizes 10,100,1000] [--repeat 3] [--quick]
Prints a Markdown table; `--json` prints the figures for bench/run_all.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from twitter_tutor.content.course import load_course
from twitter_tutor.grading.self_test import with_example_problems
from twitter_tutor.settings import builtin_lessons_dir


def make_lessons(folder: Path, count: int) -> None:
    """`count` lessons like the real course: its 20 files in turn, each under a new id."""
    course = sorted(builtin_lessons_dir().rglob("*.md"))
    for n in range(count):
        text = course[n % len(course)].read_text(encoding="utf-8")
        text = re.sub(r'(?m)^id = ".*"$', f'id = "lesson-{n}"', text, count=1)
        text = re.sub(r"(?m)^requires = .*$", "", text, count=1)
        (folder / f"lesson-{n:04d}.md").write_text(text, encoding="utf-8")


def run_check(folder: Path, home: Path) -> tuple[float, dict[str, object]]:
    """Seconds the real `check FOLDER` took, and the figures it wrote (files from the cache,
    loaded, graded ...)."""
    stats = home.parent / "stats.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWITTER_TUTOR")}
    env.update({"TWITTER_TUTOR_HOME": str(home), "TWITTER_TUTOR_CHECK_STATS": str(stats)})
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "twitter_tutor", "check", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return elapsed, json.loads(stats.read_text(encoding="utf-8"))


def measure(count: int, repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "lessons"
        folder.mkdir()
        make_lessons(folder, count)
        load_times, check_times, first_times, again_times = [], [], [], []
        for n in range(repeat):
            start = time.perf_counter()
            course = load_course([folder])
            load_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            files = with_example_problems(load_course([folder]).files)
            check_times.append(time.perf_counter() - start)
            assert all(not f.problems for f in files), "generated lessons must be valid"
            assert len(course.files) == count
            home = Path(tmp) / f"home-{n}"
            first, _ = run_check(folder, home)
            first_times.append(first)
            changed = folder / "lesson-0000.md"
            changed.write_text(changed.read_text(encoding="utf-8") + f"\nEdit {n}.\n")
            again, stats = run_check(folder, home)
            again_times.append(again)
            # Held to the figures, not the clock: only the changed file was checked again
            # (unless another program changed the checker's files in between).
            assert stats["loaded"] == 1 or stats["cache"] != "read", stats
    return {
        "lessons": count,
        "load_s": statistics.median(load_times),
        "check_s": statistics.median(check_times),
        "cli_first_check_s": statistics.median(first_times),
        "cli_recheck_s": statistics.median(again_times),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="tiny run to keep the script alive")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sizes = [3] if args.quick else [int(s) for s in args.sizes.split(",")]
    repeat = 1 if args.quick else args.repeat
    # Warm up imports and caches so the first size is not charged for them.
    measure(2, 1)
    rows = [measure(size, repeat) for size in sizes]
    if args.json:
        print(json.dumps(rows))
        return
    print(
        "| lessons | load (s) | load + check (s) | check per lesson (ms) "
        "| `check` first run (s) | `check` again, one file changed (s) |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        per = 1000 * row["check_s"] / row["lessons"]
        print(
            f"| {row['lessons']} | {row['load_s']:.3f} | {row['check_s']:.3f} | {per:.2f} "
            f"| {row['cli_first_check_s']:.3f} | {row['cli_recheck_s']:.3f} |"
        )


if __name__ == "__main__":
    main()
