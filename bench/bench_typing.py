"""Typing into a compose box, key by key, with the live counter and checklist (Pilot).

Three figures: the CPU time the app spends per key press (handling the key and repainting the
box: the work a keystroke costs, comparable to the 16 ms frame budget), the wall time per key
as Pilot sees it (which adds Pilot's own idle detection, a few sleeps of about 10 ms each), and
the time of one live update (analysis, checklist, counter, highlighted preview) that the 150 ms
debounce runs when the learner pauses. A key that lands on an update costs at most key + update.

Usage: python bench/bench_typing.py [--chars 280] [--quick] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

from twitter_tutor.content.course import load_course
from twitter_tutor.content.starter import starter_lesson
from twitter_tutor.progress import open_store
from twitter_tutor.tui.app import make_app
from twitter_tutor.tui.widgets.compose_exercise import ComposeExerciseWidget

TEXT = (
    "Heute habe ich zum ersten Mal mit unserem Team über Twitter gesprochen. Was hat euch am "
    "Anfang geholfen? Ich lese gern mit, #lernen ist alles. Jetzt erst mal Kaffee, dann schreibe "
    "ich den nächsten Tweet für @brenner_haus und frage euch: wie oft twittert ihr so? Danke!!"
)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def measure(chars: int) -> dict[str, float]:
    tmp = Path(tempfile.mkdtemp(prefix="tt-bench-typing-"))
    (tmp / "lessons").mkdir()
    (tmp / "lessons" / "l.md").write_text(starter_lesson("typing", "de", order=1), "utf-8")
    store = open_store(tmp / "data").store
    folder = tmp / "lessons"
    app = make_app(lambda: load_course([folder]), store, "bench", "de", [folder])
    key_times: list[float] = []
    cpu_times: list[float] = []
    update_times: list[float] = []
    async with app.run_test(size=(100, 40)) as pilot:
        while app.session.course is None:  # the course loads in a thread after the first paint
            await pilot.pause(0.02)
        app.open_lesson("typing", step=3)  # the compose step of the starter lesson
        await pilot.pause()
        widget = app.screen.query_one(ComposeExerciseWidget)
        area = widget.query_one("TextArea")
        area.focus()
        await pilot.pause()
        text = (TEXT * 3)[:chars]
        for char in text:
            key = "space" if char == " " else char
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press(key)
            key_times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - cpu)
        for _ in range(50):
            start = time.perf_counter()
            widget.refresh_live()
            update_times.append(time.perf_counter() - start)
        typed = len(area.text)  # type: ignore[attr-defined]
    store.close()
    return {
        "chars": typed,
        "key_cpu_median_ms": 1000 * statistics.median(cpu_times),
        "key_cpu_p99_ms": 1000 * percentile(cpu_times, 0.99),
        "key_median_ms": 1000 * statistics.median(key_times),
        "key_p99_ms": 1000 * percentile(key_times, 0.99),
        "update_median_ms": 1000 * statistics.median(update_times),
        "update_p99_ms": 1000 * percentile(update_times, 0.99),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=280)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = asyncio.run(measure(10 if args.quick else args.chars))
    if args.json:
        print(json.dumps(result))
        return
    print(f"typed {result['chars']} characters")
    print(
        f"CPU per key: median {result['key_cpu_median_ms']:.1f} ms, "
        f"p99 {result['key_cpu_p99_ms']:.1f} ms"
    )
    print(
        f"per key (Pilot, until idle): median {result['key_median_ms']:.1f} ms, "
        f"p99 {result['key_p99_ms']:.1f} ms"
    )
    print(
        f"live update: median {result['update_median_ms']:.2f} ms, "
        f"p99 {result['update_p99_ms']:.2f} ms"
    )


if __name__ == "__main__":
    main()
