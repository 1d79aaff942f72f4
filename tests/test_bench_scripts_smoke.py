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
    "bench_grading.py",
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


def test_run_all_shows_ui_blocks_recheck_and_grading() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import run_all
    finally:
        sys.path.remove(str(REPO / "bench"))
    typing = {
        "chars": 10,
        **{f"{k}_{s}_ms": 1.0 for k in ("key_cpu", "key", "update") for s in ("median", "p99")},
        "block_budget_ms": 50,
        "blocks": [{"scenario": "next step", "max_ms": 61.5}],
    }
    loading = [
        {"lessons": 1000, "load_s": 1, "check_s": 2, "cli_first_check_s": 9.5, "cli_recheck_s": 0.8}
    ]
    grading = {"total": 10, "agreement": 0.9, "false_pass": 0.05, "false_fail": 0.125}
    results = {"bench_typing.py": typing, "bench_loading.py": loading, "bench_grading.py": grading}
    block = run_all.render({"machine": "m", "when": "now", "results": results}, "make bench")
    assert "| UI thread blocked, next step: longest block | 61.50 ms | <= 50 ms |" in block
    assert "| 9.500 s / 0.800 s | again <= 2 s |" in block
    assert "| 90.0% / 5.0% / 12.5% |" in block
