"""The course map's rows, and a small cache of them so the map paints without pydantic.

Loading the course (pydantic models, Markdown, TOML) takes about 0.35 s, longer than a bare
Textual app needs to paint. The rows of the map are saved beside the progress store with the
modification time and size of every lesson file; while no file changed, the next start shows
the map from that cache at once and loads the course itself in the background. Any change,
new or removed file, other sources or another version of the tutor makes the cache unused.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from twitter_tutor import __version__
from twitter_tutor.texts import codes
from twitter_tutor.tutor.watcher import Stamp, scan

if TYPE_CHECKING:
    from twitter_tutor.content.course import Course

INDEX_NAME = "course-index.json"
FORMAT = 1
LANGS = codes()
"""A map for every interface language (the rows differ in which version of a lesson shows)."""
BUILTIN_INDEX = Path(__file__).with_name("builtin-index.json")
"""The built-in course's rows, generated from lessons/ and shipped in the package, so even the
very first start paints a full map (`python -m twitter_tutor.tutor.course_index` rebuilds it;
a test fails when it is out of date)."""


class LessonEntry(NamedTuple):
    """One row of the course map (a NamedTuple, not a frozen dataclass: defining one costs
    about a millisecond at every start)."""

    key: str
    """The lesson id, or `broken:<path>` for a file without readable front matter."""
    lesson_id: str | None
    title: str
    lang: str | None
    summary: str
    minutes: int | None
    steps: int
    problems: tuple[str, ...] = ()
    """Why the lesson cannot be opened (`path:line: message`); empty for a working lesson."""
    problem: str | None = None
    """The first problem's message alone, for the row."""

    @property
    def broken(self) -> bool:
        return self.problem is not None

    @property
    def openable(self) -> bool:
        """A working lesson a learner can open (a broken file has no id to open by)."""
        return not self.broken and self.lesson_id is not None


def entries(course: Course, lang: str) -> list[LessonEntry]:
    """The map's rows for a learner of `lang`, in course order."""
    rows: list[LessonEntry] = []
    for f in course.for_lang(lang):
        meta, lesson = f.meta, f.lesson
        broken = lesson is None
        first = f.problems[0].message if f.problems else "?"
        rows.append(
            LessonEntry(
                key=meta.id if meta is not None else f"broken:{f.path}",
                lesson_id=meta.id if meta is not None else None,
                title=meta.title if meta is not None else f.path.name,
                lang=meta.lang if meta is not None else None,
                summary=meta.summary if meta is not None else "",
                minutes=meta.minutes if meta is not None else None,
                steps=len(lesson.steps) if lesson is not None else 0,
                problems=tuple(str(p) for p in f.problems[:3]) if broken else (),
                problem=first if broken else None,
            )
        )
    return rows


def _stamps_json(stamps: dict[Path, Stamp]) -> dict[str, list[int]]:
    return {str(path): list(stamp) for path, stamp in stamps.items()}


def read(path: Path, sources: Sequence[Path], lang: str) -> list[LessonEntry] | None:
    """The cached rows, or None when there are none or any lesson file changed."""
    try:
        data = json.loads(path.read_text("utf-8"))
        if (
            data.get("format") != FORMAT
            or data.get("version") != __version__
            or data.get("sources") != [str(s) for s in sources]
            or data.get("stamps") != _stamps_json(scan(sources))
        ):
            return None
        return _rows(data, lang)
    except (OSError, ValueError, KeyError, TypeError):
        # A missing, unreadable or outdated cache only costs the full load.
        return None


def fingerprints(folder: Path) -> dict[str, list[object]]:
    """{path below `folder`: [size, SHA-256 prefix]} of every lesson file.

    Contents, not modification times: an installed package gets new times, and a checkout's
    edited lesson must not show stale rows.
    """
    from hashlib import sha256  # only here: later starts check the cheaper stamps

    found: dict[str, list[object]] = {}
    for path in sorted(scan([folder])):
        data = path.read_bytes()
        found[path.relative_to(folder).as_posix()] = [len(data), sha256(data).hexdigest()[:16]]
    return found


def read_builtin(sources: Sequence[Path], lang: str, builtin: Path) -> list[LessonEntry] | None:
    """The shipped rows of the built-in course while it is unchanged; with extra lesson
    folders too, their rows join the map as soon as the course has loaded (a moment later)."""
    if not sources or sources[0] != builtin:
        return None
    try:
        data = json.loads(BUILTIN_INDEX.read_text("utf-8"))
        if data.get("format") != FORMAT or data.get("files") != fingerprints(builtin):
            return None
        return _rows(data, lang)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _langs(course: Course) -> dict[str, list[dict[str, object]]]:
    """The map's rows in every language, as the index files keep them."""
    return {lang: [row._asdict() for row in entries(course, lang)] for lang in LANGS}


def _rows(data: dict[str, Any], lang: str) -> list[LessonEntry]:
    """The rows of `lang` from a read index file (either kind)."""
    rows = data["langs"][lang]
    return [LessonEntry(**{**row, "problems": tuple(row["problems"])}) for row in rows]


def builtin_data(course: Course, builtin: Path) -> dict[str, object]:
    return {
        "format": FORMAT,
        "files": fingerprints(builtin),
        "langs": _langs(course),
    }


def write(path: Path, sources: Sequence[Path], stamps: dict[Path, Stamp], course: Course) -> None:
    """Save the rows; quietly skipped when the folder cannot be written (it's only a cache)."""
    data = {
        "format": FORMAT,
        "version": __version__,
        "sources": [str(s) for s in sources],
        "stamps": _stamps_json(stamps),
        "langs": _langs(course),
    }
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        temporary.replace(path)  # readers see the old file or the new one, never half
    except OSError:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)


if __name__ == "__main__":  # regenerate the shipped index after editing lessons/
    from twitter_tutor.content.course import load_course
    from twitter_tutor.settings import builtin_lessons_dir

    folder = builtin_lessons_dir()
    text = json.dumps(builtin_data(load_course([folder]), folder), ensure_ascii=False, indent=1)
    BUILTIN_INDEX.write_text(text + "\n", "utf-8")
    print(f"wrote {BUILTIN_INDEX}")
