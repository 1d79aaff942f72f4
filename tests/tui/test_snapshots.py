"""Snapshots of the key screens at the smallest supported size and a roomy one.

Update after a deliberate change of look: `pytest tests/tui/test_snapshots.py --snapshot-update`,
then look at the SVGs in __snapshots__/ before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tui.scenes import SCENES, scene_app, seed
from twitter_tutor.progress import ProgressStore

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene", SCENES)
def test_screen(
    snap_compare: Any, broken_lessons: Path, fixed_store: ProgressStore, scene: str, size: str
) -> None:
    seed(fixed_store)
    app = scene_app(broken_lessons, fixed_store)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=SCENES[scene])
