"""Peak memory (RSS) of the tutor after visiting every step of every lesson of the course.

Runs the real app headless (Pilot, 80x24) on the built-in course in one language and opens each
step of each lesson in turn; reports the process's peak RSS from getrusage.

Usage: python bench/bench_memory.py [--lang en] [--quick] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import tempfile
from pathlib import Path

from twitter_tutor import settings
from twitter_tutor.content.course import load_course
from twitter_tutor.progress import open_store
from twitter_tutor.tui.app import make_app
from twitter_tutor.types import Lang


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


async def visit_all(lang: Lang, quick: bool) -> dict[str, float]:
    sources = [settings.builtin_lessons_dir()]
    course = load_course(sources)
    store = open_store(Path(tempfile.mkdtemp(prefix="tt-bench-mem-"))).store
    app = make_app(lambda: course, store, "bench", lang, sources)
    steps = 0
    lessons = [f.lesson for f in course.for_lang(lang) if f.lesson is not None]
    if quick:
        lessons = lessons[:1]
    before = peak_rss_mb()
    async with app.run_test(size=(80, 24)) as pilot:
        while app.session.course is None:  # the course loads in a thread after the first paint
            await pilot.pause(0.02)
        for lesson in lessons:
            for index in range(len(lesson.steps)):
                app.open_lesson(lesson.id, step=index)
                await pilot.pause()
                steps += 1
    store.close()
    return {
        "lang": lang,
        "lessons": len(lessons),
        "steps": steps,
        "rss_before_app_mb": before,
        "peak_rss_mb": peak_rss_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=["de", "en"], default="en")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = asyncio.run(visit_all(args.lang, args.quick))
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"visited {result['steps']} steps of {result['lessons']} lessons: "
        f"peak RSS {result['peak_rss_mb']:.1f} MB (before the app: "
        f"{result['rss_before_app_mb']:.1f} MB)"
    )


if __name__ == "__main__":
    main()
