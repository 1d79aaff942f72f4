"""Run every benchmark side by side and write BENCHMARKS.md with the machine and the command.

Usage: python bench/run_all.py [--write BENCHMARKS.md] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    "bench_startup.py",
    "bench_analysis.py",
    "bench_typing.py",
    "bench_loading.py",
    "bench_memory.py",
    "bench_store_load.py",
    "bench_grading.py",
]


def run(script: str, quick: bool) -> object:
    args = [sys.executable, str(HERE / script), "--json", *(["--quick"] if quick else [])]
    out = subprocess.run(args, capture_output=True, text=True, check=True, timeout=1800)
    return json.loads(out.stdout.strip().splitlines()[-1])


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


START, END = "<!-- figures:start -->", "<!-- figures:end -->"


def _ms(value: float) -> str:
    return f"{value:.2f} ms"


def render(data: dict[str, object], command: str) -> str:
    """The measured figures as Markdown, with budgets side by side."""
    results: dict[str, dict[str, object]] = data["results"]  # type: ignore[assignment]
    rows: list[tuple[str, str, str]] = []
    startup = results.get("bench_startup.py")
    if startup:
        rows.append(
            (
                "Bare Textual app (Header, Static, Footer): first paint, median",
                f"{startup['bare_median_s']:.3f} s",
                "",
            )
        )
        for key, label, budget in (
            ("first", "twitter-tutor, first start (new data folder)", "<= 1.2x"),
            ("later", "twitter-tutor, later starts", "<= 1.1x"),
            ("first_lessons", "twitter-tutor --lessons EXTRA, first start", "<= 1.5x"),
        ):
            median = startup[f"{key}_median_s"]
            rows.append((f"{label}: first paint, median", f"{median:.3f} s", ""))
            ratio = f"{startup[f'{key}_ratio']:.2f}x"
            rows.append((f"Start-up ratio, {label} / bare app", ratio, budget))
    analysis = results.get("bench_analysis.py")
    if analysis:
        varied, full = analysis["varied"], analysis["tweets_280"]  # type: ignore[index]
        rows.append(
            (
                f"analyze(), {varied['count']} varied tweets de+en: median / p99",
                f"{_ms(varied['median_ms'])} / {_ms(varied['p99_ms'])}",
                "<= 1 ms / <= 5 ms",
            )
        )
        rows.append(
            (
                f"analyze(), {full['count']} tweets of 280 chars: median / p99",
                f"{_ms(full['median_ms'])} / {_ms(full['p99_ms'])}",
                "<= 1 ms median",
            )
        )
        rows.append(
            (
                "import twitter_tutor.analysis once dataclasses/re are loaded",
                _ms(analysis["import_ms_after_stdlib"]),
                "",
            )
        )  # type: ignore[arg-type]
    typing = results.get("bench_typing.py")
    if typing:
        rows.append(
            (
                f"Typing {typing['chars']} chars into a compose box: CPU per key, median / p99",
                f"{_ms(typing['key_cpu_median_ms'])} / {_ms(typing['key_cpu_p99_ms'])}",
                "<= 16 ms per key",
            )
        )
        rows.append(
            (
                "  the same, wall time per Pilot key press (adds Pilot's idle waits)",
                f"{_ms(typing['key_median_ms'])} / {_ms(typing['key_p99_ms'])}",
                "",
            )
        )
        rows.append(
            (
                "  live update (analysis + checklist + preview), median / p99",
                f"{_ms(typing['update_median_ms'])} / {_ms(typing['update_p99_ms'])}",
                "",
            )
        )
        for block in typing.get("blocks", []):  # type: ignore[attr-defined]
            rows.append(
                (
                    f"UI thread blocked, {block['scenario']}: longest block",
                    _ms(block["max_ms"]),
                    f"<= {typing['block_budget_ms']:.0f} ms",
                )
            )
    loading = results.get("bench_loading.py")
    if loading:
        for row in loading:  # type: ignore[union-attr]
            thousand = row["lessons"] == 1000
            rows.append(
                (
                    f"Load + check {row['lessons']} generated lessons, in process",
                    f"{row['check_s']:.3f} s (load only {row['load_s']:.3f} s)",
                    "",
                )
            )
            rows.append(
                (
                    f"`twitter-tutor check` of {row['lessons']} lessons: first run / "
                    "again with one file changed",
                    f"{row['cli_first_check_s']:.3f} s / {row['cli_recheck_s']:.3f} s",
                    "again <= 2 s" if thousand else "",
                )
            )
    grading = results.get("bench_grading.py")
    if grading:
        rows.append(
            (
                f"Grader vs trainers, {grading['total']} labelled answers (tuned on): "
                "agreement / false pass / false fail",
                f"{grading['agreement']:.1%} / {grading['false_pass']:.1%} / "
                f"{grading['false_fail']:.1%}",
                "",
            )
        )
    memory = results.get("bench_memory.py")
    if memory:
        rows.append(
            (
                f"Peak RSS after visiting all {memory['steps']} steps "
                f"of {memory['lessons']} lessons",
                f"{memory['peak_rss_mb']:.1f} MB",
                "<= 120 MB",
            )
        )
    load = results.get("bench_store_load.py")
    if load:
        for store, budget in (("postgresql", "nothing lost or duplicated"), ("sqlite", "same")):
            f = load[store]  # type: ignore[index]
            rows.append(
                (
                    f"Workshop load, {store}: {f['learners']} learners on {f['processes']} "
                    f"processes, {f['writes']} writes in {f['seconds']:.0f} s: "
                    f"lost / duplicated / refused, median / p99 write",
                    f"{f['lost']} / {f['duplicated']} / {f['errors']}, "
                    f"{_ms(f['median_ms'])} / {_ms(f['p99_ms'])}",
                    budget,
                )
            )
    lines = [
        START,
        f"Measured {data['when']} on {data['machine']}.",
        "",
        f"Command: `{command}`",
        "",
        "| measure | result | budget |",
        "|---|---:|---|",
        *[f"| {a} | {b} | {c} |" for a, b, c in rows],
        END,
    ]
    return "\n".join(lines)


def write(path: Path, block: str) -> None:
    """Replace the figures between the markers, keeping the hand-written text around them."""
    text = (
        path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    )
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", metavar="FILE")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    results = {script: run(script, args.quick) for script in SCRIPTS if (HERE / script).exists()}
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    data = {"machine": machine(), "when": stamp, "results": results}
    print(json.dumps(data, indent=2))
    if args.write:
        command = "make bench" if not args.quick else "python bench/run_all.py --quick"
        write(Path(args.write), render(data, command))


if __name__ == "__main__":
    main()
