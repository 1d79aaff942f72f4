"""Typing into a compose box, key by key, with the live counter and checklist (Pilot).

Three figures: the CPU time the app spends per key press (handling the key and repainting the
box: the work a keystroke costs, comparable to the 16 ms frame budget), the wall time per key
as Pilot sees it (which adds Pilot's own idle detection, a few sleeps of about 10 ms each), and
the time of one live update (analysis, checklist, counter, highlighted preview) that the 150 ms
debounce runs when the learner pauses, measured whole on one thread (the tutor analyses in a
thread and only shows the result on the UI thread).

Then how long the UI thread (the asyncio event loop) is blocked, issue 17's budget of 50 ms for
anything a learner can do: a lag monitor, a task that sleeps 5 ms at a time and records how late
it wakes, runs beside the app (Pilot, 80x24, the built-in course) while it
  - types 280 characters key by key into a compose box (pausing 0.2 s every 40, so the live
    feedback runs on a growing text),
  - takes a 10,000-character paste (one terminal paste: a Paste event) into a compose box and
    into a plan box, plain and mixed (emoji, CJK, URLs, hashtags, mentions), reopens the step
    with the pasted drafts and checks the answer,
  - opens every step of every lesson in English and in German, in a fresh app each (so the
    first open is in it), answering and checking each exercise, and the lesson's summary.
Each part runs in a process of its own, as a learner runs one tutor. A block is how late the
monitor woke: the table gives the longest (max) and the p99 per scenario, as wall time and as
the UI thread's CPU time (the wall time also holds what other processes took on a busy
machine), and the longest full sweep of Python's garbage collector in the scenario, which
blocks the UI too (it is part of the max when it is the longest block).

Usage: python bench/bench_typing.py [--chars 280] [--paste 10000] [--quick] [--json]
       [--only edit|open] [--slow MS]
--slow MS also samples where the UI thread is during every block longer than MS and prints
the commonest places per scenario on stderr (the sampling thread slows the run down).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from types import FrameType
from typing import TextIO

from textual import events
from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, RadioButton, TextArea

from twitter_tutor import settings
from twitter_tutor.content.course import Course, load_course
from twitter_tutor.content.lesson import Lesson
from twitter_tutor.content.starter import starter_lesson
from twitter_tutor.progress import open_store
from twitter_tutor.tui.app import TutorApp, make_app
from twitter_tutor.tui.widgets.compose_exercise import ComposeExerciseWidget
from twitter_tutor.types import Lang

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


# -- how long the UI thread is blocked (issue 17) ---------------------------------------------

BUDGET_MS = 50.0
"""Issue 17: the UI thread is never blocked longer than this by anything a learner can do."""

MIXED = (
    "Frühstück 🥐☕ mit @anna_k und #Kaffee! 👨‍👩‍👧 Familie 🏳️‍🌈 https://example.com/a?b=1&c=%20 "
    "東京で会いましょう。#東京 @tokyo_fan 한국어도 좋아요 😀😃😄 $TWTR www.example.org/x "
    "مرحبا بالعالم 🇩🇪🇯🇵 e\u0301te\u0301 #über_alles 🏴\U000e0067\U000e0062\U000e0073\U000e0063"
    "\U000e0074\U000e007f Ｆｕｌｌｗｉｄｔｈ ＃全角 x.com/jack/status/20\n"
)
"""A paste of everything that makes text expensive: emoji sequences, wide characters, RTL,
combining marks, URLs with and without a scheme, hashtags, mentions, cashtags, newlines."""

ANSWER = "Was hat euch am Anfang auf Twitter geholfen? Ich lese gern mit. #lernen @brenner_haus"


def filled(text: str, size: int) -> str:
    return (text * (size // len(text) + 1))[:size]


class LagMonitor:
    """A task that sleeps `TICK_S` at a time and records how late it wakes: for how long the
    event loop, the UI thread, was busy with something else. Each sample goes to the scenario
    running when it was taken, with the UI thread's CPU time in it: on a busy machine the wall
    time also holds the time other processes had the CPU, the CPU time only the app's work.

    With `profile_after_s`, a watchdog thread also samples where the UI thread is while it is
    late, every millisecond, and keeps the samples of each block longer than that: the code
    that blocks it (`--slow`)."""

    TICK_S = 0.005

    def __init__(self, profile_after_s: float | None = None) -> None:
        self.scenario: str | None = None
        self.samples: dict[str, tuple[list[float], list[float]]] = {}
        """Seconds late, wall and CPU, per scenario (floats in lists: nothing for the garbage
        collector to walk, which would lengthen the pauses measured)."""
        self.collections: dict[str, list[float]] = {}
        """Seconds each run of Python's cyclic garbage collector took, per scenario."""
        self._collecting = 0.0
        self.profiles: dict[str, Counter[str]] = {}
        self.blocks: dict[str, int] = {}
        self._profile_after_s = profile_after_s
        self._woke = time.perf_counter()
        self._task: asyncio.Task[None] | None = None
        self._stop = threading.Event()

    async def _run(self) -> None:
        while True:
            start, cpu = time.perf_counter(), time.thread_time()
            await asyncio.sleep(self.TICK_S)
            now = self._woke = time.perf_counter()
            if self.scenario is not None:
                late = max(0.0, now - start - self.TICK_S)
                busy = min(late, max(0.0, time.thread_time() - cpu))
                wall, cpu = self.samples.setdefault(self.scenario, ([], []))
                wall.append(late)
                cpu.append(busy)

    def _watch(self, thread_id: int, after_s: float) -> None:
        block: list[str] = []
        woke = self._woke
        while not self._stop.wait(0.001):
            if self._woke != woke:  # the loop ran: the block, if any, is over
                if block and self.scenario is not None and time.perf_counter() - woke > after_s:
                    self.blocks[self.scenario] = self.blocks.get(self.scenario, 0) + 1
                    counts = self.profiles.setdefault(self.scenario, Counter())
                    counts.update(block)
                block, woke = [], self._woke
            elif time.perf_counter() - woke > 2 * self.TICK_S:
                frame = sys._current_frames().get(thread_id)
                if frame is not None:
                    block.append(collapsed(frame))

    def _collected(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._collecting = time.perf_counter()
        elif self.scenario is not None and threading.current_thread() is threading.main_thread():
            took = time.perf_counter() - self._collecting
            self.collections.setdefault(self.scenario, []).append(took)

    def start(self) -> None:
        gc.callbacks.append(self._collected)
        self._task = asyncio.get_running_loop().create_task(self._run())
        if self._profile_after_s is not None:
            args = (threading.get_ident(), self._profile_after_s)
            threading.Thread(target=self._watch, args=args, daemon=True).start()

    async def stop(self) -> None:
        gc.callbacks.remove(self._collected)
        self._stop.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    @contextlib.asynccontextmanager
    async def scenario_(self, name: str) -> AsyncIterator[None]:
        self.scenario = name
        try:
            yield
        finally:
            await asyncio.sleep(2 * self.TICK_S)  # the monitor's last wake counts here
            self.scenario = None

    def rows(self) -> list[dict[str, object]]:
        rows: list[dict[str, object]] = []
        for name, (wall, cpu) in self.samples.items():
            rows.append(
                {
                    "scenario": name,
                    "max_ms": 1000 * max(wall),
                    "p99_ms": 1000 * percentile(wall, 0.99),
                    "cpu_max_ms": 1000 * max(cpu),
                    "cpu_p99_ms": 1000 * percentile(cpu, 0.99),
                    "gc_max_ms": 1000 * max(self.collections.get(name, [0.0])),
                    "samples": len(wall),
                }
            )
        return rows

    def report_profiles(self, out: TextIO, top: int = 12) -> None:
        for name, counts in self.profiles.items():
            total = sum(counts.values())
            print(f"== {name}: {self.blocks[name]} blocks, {total} ms sampled", file=out)
            for where, count in counts.most_common(top):
                print(f"{count:6d}  {where}", file=out)


PLUMBING = ("asyncio/", "message_pump.py", "_callback.py", "timer.py", "reactive.py", "signal.py")


def collapsed(frame: FrameType | None, depth: int = 7) -> str:
    """Where a thread is, as the outermost functions that do work (not the event loop's or
    Textual's message plumbing), outermost first."""
    names: list[str] = []
    while frame is not None:
        code = frame.f_code
        path = code.co_filename
        if "bench_typing" not in path and not any(p in path for p in PLUMBING):
            module = path.rsplit("/", 1)[-1].removesuffix(".py")
            names.append(f"{module}.{code.co_name}")
        frame = frame.f_back
    return " > ".join(names[::-1][:depth])


async def settle(pilot: Pilot[None]) -> None:
    """Until the app is idle: the live feedback's debounce has run, workers are done."""
    await pilot.pause(0.2)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@contextlib.contextmanager
def course_app(lang: Lang, course: Course) -> Iterator[TutorApp]:
    """The tutor as the CLI starts it on the built-in course, with a fresh store."""
    sources = [settings.builtin_lessons_dir()]
    store = open_store(Path(tempfile.mkdtemp(prefix="tt-bench-block-"))).store
    try:
        yield make_app(lambda: course, store, "bench", lang, sources)
    finally:
        store.close()


async def started(pilot: Pilot[None]) -> None:
    app = pilot.app
    while app.session.course is None:  # type: ignore[attr-defined]
        await pilot.pause(0.02)
    await settle(pilot)  # the warm-up (imports for the first lesson) in the loading thread


def lessons_of(course: Course, lang: Lang) -> list[Lesson]:
    return [f.lesson for f in course.for_lang(lang) if f.lesson is not None]


def first_step(lessons: list[Lesson], exercise_type: str) -> tuple[Lesson, int]:
    for lesson in lessons:
        for index, step in enumerate(lesson.steps):
            if any(e.type == exercise_type for e in step.exercises):
                return lesson, index
    raise LookupError(f"no {exercise_type} exercise in the course")


async def open_at(pilot: Pilot[None], lesson: Lesson, step: int) -> None:
    pilot.app.open_lesson(lesson.id, step=step)  # type: ignore[attr-defined]
    await settle(pilot)


async def paste(pilot: Pilot[None], box: TextArea, text: str) -> None:
    """What a terminal delivers for a paste (bracketed paste): one Paste event, to the focus."""
    box.focus()
    await pilot.pause()
    pilot.app.post_message(events.Paste(text))
    await settle(pilot)


async def check(pilot: Pilot[None], exercise: object) -> None:
    """Ctrl+S with the focus on the exercise's check button, as a learner presses it."""
    exercise.query_one(".submit", Button).focus()  # type: ignore[attr-defined]
    await pilot.pause()
    await pilot.press("ctrl+s")
    await settle(pilot)


def lesson_box(app: TutorApp, n: int = 0) -> TextArea:
    return list(app.screen.query(TextArea))[n]


async def typing_and_pasting(
    course: Course, monitor: LagMonitor, chars: int, size: int
) -> dict[str, object]:
    """Typing into a compose box, then pastes into a compose and a plan box, reopening the
    step with the pasted draft and checking it. Returns what became of the drafts."""
    lessons = lessons_of(course, "en")
    kept: dict[str, object] = {}
    with course_app("en", course) as app:
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot)
            compose, compose_step = first_step(lessons, "compose")
            plan, plan_step = first_step(lessons, "plan")
            await open_at(pilot, compose, compose_step)
            box = lesson_box(app)
            box.focus()
            await pilot.pause()
            async with monitor.scenario_(f"type {chars} chars key by key (compose)"):
                for n, char in enumerate(filled(TEXT, chars), start=1):
                    await pilot.press("space" if char == " " else char)
                    if n % 40 == 0:
                        await pilot.pause(0.2)  # a learner's pause: the live update runs
                await settle(pilot)
            exercise_id = next(e.id for e in compose.steps[compose_step].exercises)
            for label, text in (("plain", TEXT), ("mixed", MIXED)):
                lesson_box(app).clear()
                await settle(pilot)
                async with monitor.scenario_(f"paste {size:,} chars, {label} (compose)"):
                    await paste(pilot, lesson_box(app), filled(text, size))
                draft = app.session.draft(compose.id, exercise_id)
                kept[f"compose_{label}"] = len(draft[0]) if draft else 0
            async with monitor.scenario_(f"reopen step with {size:,}-char draft (compose)"):
                await open_at(pilot, compose, compose_step)
            kept["compose_reopened"] = len(lesson_box(app).text)
            async with monitor.scenario_(f"check {size:,}-char tweet (compose)"):
                await check(pilot, app.screen.query_one(ComposeExerciseWidget))
            await open_at(pilot, plan, plan_step)
            async with monitor.scenario_(f"paste {size:,} chars, plain (plan)"):
                await paste(pilot, lesson_box(app, 0), filled(TEXT, size))
            async with monitor.scenario_(f"paste {size:,} chars, mixed (plan)"):
                await paste(pilot, lesson_box(app, 1), filled(MIXED, size))
            async with monitor.scenario_(f"reopen step with {size:,}-char drafts (plan)"):
                await open_at(pilot, plan, plan_step)
            kept["plan_reopened"] = [len(a.text) for a in app.screen.query(TextArea)]
            async with monitor.scenario_(f"check {size:,}-char tweets (plan)"):
                await check(pilot, lesson_box(app).parent)
    return kept


async def answer(pilot: Pilot[None], exercise: object) -> None:
    """Something to check: text in each box, the first answer or card chosen."""
    from twitter_tutor.tui.widgets.tweet_card import TweetCard

    node = exercise
    for box in node.query(TextArea):  # type: ignore[attr-defined]
        await paste(pilot, box, ANSWER)
    choices = list(node.query(RadioButton)) + list(node.query(Checkbox))  # type: ignore[attr-defined]
    if choices:
        choices[0].value = True
    cards = [c for c in node.query(TweetCard) if c.selectable]  # type: ignore[attr-defined]
    if cards:
        cards[0].selected = True
    await pilot.pause()


async def opening_steps(
    course: Course, monitor: LagMonitor, lang: Lang, lesson_count: int | None
) -> int:
    """Every step of every lesson in `lang`, in a fresh app: the first open, each step after
    Next, answering and checking each exercise, and the lesson's summary."""
    from twitter_tutor.tui.widgets.exercise import ExerciseWidget

    lessons = lessons_of(course, lang)[:lesson_count]
    opened = 0
    with course_app(lang, course) as app:
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot)
            for lesson in lessons:
                name = (
                    f"open first step ({lang}, fresh app)"
                    if not opened
                    else f"open a lesson ({lang})"
                )
                async with monitor.scenario_(name):
                    await open_at(pilot, lesson, 0)
                for index in range(len(lesson.steps)):
                    opened += 1
                    exercises = list(app.screen.query(ExerciseWidget))
                    if exercises:
                        async with monitor.scenario_(f"answer and check ({lang})"):
                            for exercise in exercises:
                                await answer(pilot, exercise)
                                await check(pilot, exercise)
                    what = "next step" if index < len(lesson.steps) - 1 else "finish: summary"
                    async with monitor.scenario_(f"{what} ({lang})"):
                        app.screen.query_one("#next", Button).press()
                        await settle(pilot)
                app.action_home()
                await settle(pilot)
    return opened


PARTS = ("typing", "edit", "open-en", "open-de")
"""Each in a process of its own, as a learner has one tutor per process: what one part leaves
behind (and the garbage collector's settling on the first lesson opened) never colours the
next."""


async def measure_part(
    part: str, chars: int, size: int, lesson_count: int | None, profile_after_s: float | None
) -> dict[str, object]:
    if part == "typing":
        return dict(await measure(chars))
    course = load_course([settings.builtin_lessons_dir()])
    monitor = LagMonitor(profile_after_s)
    monitor.start()
    result: dict[str, object] = {}
    try:
        if part == "edit":
            result["drafts_kept"] = await typing_and_pasting(course, monitor, chars, size)
        else:
            lang: Lang = "de" if part == "open-de" else "en"
            result["steps_opened"] = {
                lang: await opening_steps(course, monitor, lang, lesson_count)
            }
    finally:
        await monitor.stop()
    monitor.report_profiles(sys.stderr)
    return result | {"blocks": monitor.rows()}


def run_part(part: str, args: argparse.Namespace) -> dict[str, object]:
    command = [sys.executable, __file__, "--part", part, "--json"]
    command += ["--chars", str(args.chars), "--paste", str(args.paste)]
    command += [
        *(["--quick"] if args.quick else []),
        *(["--slow", str(args.slow)] * bool(args.slow)),
    ]
    out = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
    parsed: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return parsed


def merged(parts: list[dict[str, object]], size: int) -> dict[str, object]:
    result: dict[str, object] = {"paste_chars": size, "steps_opened": {}, "drafts_kept": {}}
    rows: list[dict[str, object]] = []
    for part in parts:
        for key, value in part.items():
            if key == "blocks":
                rows += value  # type: ignore[arg-type]
            elif key in ("steps_opened", "drafts_kept"):
                result[key] |= value  # type: ignore[operator]
            else:
                result[key] = value
    if rows:
        for key in ("max_ms", "p99_ms", "cpu_max_ms", "gc_max_ms"):
            result[f"block_{key}"] = max(float(r[key]) for r in rows)  # type: ignore[arg-type]
    return result | {"block_budget_ms": BUDGET_MS, "blocks": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=280)
    parser.add_argument("--paste", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--slow", type=float, metavar="MS", help="print where the loop blocks")
    parser.add_argument(
        "--only", choices=["edit", "open"], help="only typing and pasting, or only opening steps"
    )
    parser.add_argument("--part", choices=PARTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    chars = 10 if args.quick else args.chars
    size = 300 if args.quick else args.paste
    if args.part is not None:  # one part, in this process
        profile_after_s = None if args.slow is None else args.slow / 1000
        lessons = 1 if args.quick else None
        part = asyncio.run(measure_part(args.part, chars, size, lessons, profile_after_s))
        print(json.dumps(part))
        return
    chosen = [p for p in PARTS if args.only is None or p.startswith(args.only)]
    result = merged([run_part(part, args) for part in chosen], size)
    if args.json:
        print(json.dumps(result))
        return
    if "chars" in result:
        print_typing(result)
    print_blocks(result)


def print_typing(result: dict[str, object]) -> None:
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


def print_blocks(result: dict[str, object]) -> None:
    print(
        f"\nUI thread blocked (event loop lag, 80x24, built-in course; budget {BUDGET_MS:.0f} ms):"
    )
    rows: list[dict[str, object]] = result["blocks"]  # type: ignore[assignment]
    width = max(len(str(r["scenario"])) for r in rows)
    heads = ("max", "p99", "CPU max", "CPU p99", "GC max")
    print(f"{'scenario':<{width}}  " + "  ".join(f"{head:>9}" for head in heads))
    for row in rows:
        over = "  over budget" if float(row["max_ms"]) > BUDGET_MS else ""  # type: ignore[arg-type]
        keys = ("max_ms", "p99_ms", "cpu_max_ms", "cpu_p99_ms", "gc_max_ms")
        figures = "  ".join(f"{row[key]:>6.1f} ms" for key in keys)
        print(f"{row['scenario']!s:<{width}}  {figures}{over}")
    if result["drafts_kept"]:
        print(f"drafts kept (characters): {result['drafts_kept']}")


if __name__ == "__main__":
    main()
