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
        Path(args.write).with_suffix(".json").write_text(json.dumps(data, indent=2) + "\n")


if __name__ == "__main__":
    main()
