"""The benchmark script runs (quickly); its figures are not asserted (timing is no test)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[3] / "bench" / "bench_analysis.py"


def test_bench_quick_run_exits_0() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--quick", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"varied", "tweets_280", "import_ms", "first_call", "emoji"} <= set(figures)
    assert "| Measure | Value |" in done.stdout
