"""`--watch`: which lesson files changed since the last look, by modification time and size.

Polling keeps this dependency-free and works the same on every OS; a course has tens of files,
so one `stat` each second costs next to nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

Stamp = tuple[int, int]


def scan(sources: Iterable[Path]) -> dict[Path, Stamp]:
    from twitter_tutor.content.course import lesson_paths  # only with --watch: keeps start-up light

    stamps: dict[Path, Stamp] = {}
    for source in sources:
        for path in lesson_paths(source):
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
