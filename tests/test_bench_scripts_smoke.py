"""Each benchmark script runs once at a tiny size, so none of them rots (no timing asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO

SCRIPTS = [
    "bench_startup.py",
    "bench_typing.py",
    "bench_loading.py",
    "bench_memory.py",
    # Not only a smoke test: it exits non-zero when a write was lost or duplicated.
    "bench_store_load.py",
]


@pytest.mark.parametrize("script", SCRIPTS)
def test_bench_script_runs_quick(script: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / script), "--quick", "--json"],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.strip().splitlines()[-1])


def test_run_all_writes_figures_between_markers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import run_all
    finally:
        sys.path.remove(str(REPO / "bench"))
    target = tmp_path / "B.md"
    target.write_text("# B\n\nintro\n\n<!-- figures:start -->\nold\n<!-- figures:end -->\n\nnotes\n")
    data = {
        "machine": "m",
        "when": "now",
        "results": {"bench_memory.py": {"steps": 3, "lessons": 1, "peak_rss_mb": 50.0}},
    }
    run_all.write(target, run_all.render(data, "make bench"))
    text = target.read_text()
    assert "intro" in text and "notes" in text and "old" not in text
    assert "| Peak RSS after visiting all 3 steps of 1 lessons | 50.0 MB | <= 120 MB |" in text
