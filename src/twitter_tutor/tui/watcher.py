"""Which lesson files there are and which changed, by modification time and size.

Used by `--watch` (polled each second: dependency-free, the same on every OS, and a course has
tens of files) and by the course index. Listing files here instead of through the content
layer keeps pydantic out of start-up; a test checks both list the same files.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

Stamp = tuple[int, int]

# The same rule as content.course.lesson_paths.
SKIPPED_NAMES = {"readme.md", "license.md", "changelog.md"}


def lesson_files(source: Path) -> list[Path]:
    if source.is_file():
        return [source]
    if not source.is_dir():
        return []
    return sorted(
        p
        for p in source.rglob("*.md")
        if p.is_file() and p.name.lower() not in SKIPPED_NAMES and not p.name.startswith("_")
    )


def scan(sources: Iterable[Path]) -> dict[Path, Stamp]:
    stamps: dict[Path, Stamp] = {}
    for source in sources:
        for path in lesson_files(source):
            try:
                info = path.stat()
            except OSError:
                continue
            stamps[path] = (info.st_mtime_ns, info.st_size)
    return stamps


def changes(before: dict[Path, Stamp], after: dict[Path, Stamp]) -> tuple[list[Path], list[Path]]:
    """(changed or new files, removed files), each sorted."""
    changed = sorted(p for p, stamp in after.items() if before.get(p) != stamp)
    removed = sorted(p for p in before if p not in after)
    return changed, removed
