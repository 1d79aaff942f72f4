"""Which files in a lesson folder are lessons, and which folders cannot be read.

Kept free of the loader's imports (pydantic, markdown-it): the tutor checks its folders before
the first paint.
"""

from __future__ import annotations

import os
from pathlib import Path

SKIPPED_NAMES = {"readme.md", "license.md", "changelog.md"}


def lesson_paths(folder: Path) -> list[Path]:
    """Every lesson file below `folder`, in a stable order.

    READMEs and files starting with '_' are skipped, so a trainer can keep notes beside lessons.
    """
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob("*.md")
        if p.is_file() and p.name.lower() not in SKIPPED_NAMES and not p.name.startswith("_")
    )


def unreadable_folders(folder: Path) -> list[Path]:
    """`folder` and folders below it that cannot be listed: lessons in them would be missed."""
    if not folder.is_dir():
        return []
    found: list[Path] = []
    for _ in os.walk(folder, onerror=lambda error: found.append(Path(error.filename))):
        pass
    return found
