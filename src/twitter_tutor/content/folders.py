"""Which files in a lesson folder are lessons, and which folders cannot be read.

Kept free of the loader's imports (pydantic, markdown-it): the tutor checks its folders before
the first paint.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

SKIPPED_NAMES = {"readme.md", "license.md", "changelog.md"}
WORDS_FILE = "_words.toml"
"""A folder's own ad words, personal words... for the lessons beside it (content.folder_words).
Not a lesson: only `.md` files are, and a leading '_' marks a file the tutor skips."""


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


def words_files(lessons: Iterable[Path]) -> list[Path]:
    """The `_words.toml` files standing beside `lessons` (each counts for its own folder)."""
    folders = sorted({path.parent for path in lessons})
    # exists(), not is_file(): a folder by that name is a mistake `check` reports.
    return [folder / WORDS_FILE for folder in folders if (folder / WORDS_FILE).exists()]


def unreadable_folders(folder: Path) -> list[Path]:
    """`folder` and folders below it that cannot be listed: lessons in them would be missed."""
    if not folder.is_dir():
        return []
    found: list[Path] = []
    for _ in os.walk(folder, onerror=lambda error: found.append(Path(error.filename))):
        pass
    return found
