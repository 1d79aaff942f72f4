"""Which lesson files there are and which changed, by modification time and size.

Used by `--watch` (polled each second: dependency-free, the same on every OS, and a course has
tens of files) and by the course index. Files are listed by `content.folders`, which keeps
pydantic out of start-up.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from twitter_tutor.content.folders import lesson_paths, words_files

Stamp = tuple[int, int]

def scan(sources: Iterable[Path]) -> dict[Path, Stamp]:
    """Every lesson file, and every `_words.toml` beside lessons: its words change grading."""
    stamps: dict[Path, Stamp] = {}
    for source in sources:
        lessons = lesson_paths(source)
        for path in [*lessons, *words_files(lessons)]:
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
