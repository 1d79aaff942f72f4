"""`check`'s cache: what each lesson file's own checks found, kept in the data folder, so a
re-check of a mostly unchanged course neither parses nor grades the files that did not change.

A file's entry is keyed by everything its own result depends on: its bytes, the bytes of the
`_words.toml` beside it (the examples are graded with the folder's words), the name it is
reported under, the interface language, and the checker itself (`code_fingerprint`: the
package version, the name, size and modification time of every file of the package, Python's
version and the libraries the loader uses). An entry holds the problems of loading the file and
of grading its examples, plus what the course-level checks need of it: the front matter, its
TOML and whether the file made a lesson. Duplicate ids and `requires` are resolved again on
every run from those; the translation comparison of two files is kept under a key of its own
made of both files' keys, so any change to either compares them again.

The cache is an optimisation only: a missing, unreadable, corrupt (the first line is a SHA-256
of the rest), outdated or unwritable file is treated as empty, and writing goes to a temporary
file that replaces the old one, so a reader sees the old cache or the new one, never half.
Entries not used for a while are dropped when there are more than `MAX_FILES` (`MAX_PAIRS`).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import tempfile
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING, Any

import twitter_tutor
from twitter_tutor import __version__

if TYPE_CHECKING:
    from twitter_tutor.content.lesson import LessonFile, Problem
    from twitter_tutor.content.models import FrontMatter

FILE_NAME = "check-cache.json"
FORMAT = 1
"""Bumped whenever what an entry holds changes meaning."""
MAX_FILES = 5000
"""Entries kept in all, the least recently used dropped first; those of the run that writes the
cache are always kept (1,000 lessons take about 0.7 MB)."""
MAX_PAIRS = 2500
STATS_ENV = "TWITTER_TUTOR_CHECK_STATS"
"""A file to write the run's figures to (files from the cache, loaded, graded ...), as JSON:
for tests and benchmarks, which must not judge the cache by the clock."""

_DEPENDENCIES = ("pydantic", "pydantic_core", "markdown_it", "tomli", "snowballstemmer", "Stemmer")
"""Libraries whose version can change a result: the loader's and the grader's."""
_SKIPPED_DIRS = {"__pycache__"}


def code_fingerprint(root: Path | None = None) -> str:
    """A digest of the checker: a change to any file of the package (`root`; an editable
    install, a new release), to Python or to a library the loader uses gives another one."""
    digest = sha256(f"{FORMAT}\0{__version__}\0{sys.version}\0".encode())
    root = root if root is not None else Path(twitter_tutor.__file__).parent
    # The built-in lessons shipped in an installed package are checked file by file.
    _stamp_files(str(root), digest, skip={*_SKIPPED_DIRS, "lessons"})
    for module in _DEPENDENCIES:
        digest.update(f"{module}\0{_module_stamp(module)}\n".encode())
    return digest.hexdigest()


def _stamp_files(folder: str, digest: Any, skip: set[str]) -> None:
    """Add the name, size and modification time of each file below `folder` to `digest`."""
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir():
                if entry.name not in skip:
                    _stamp_files(entry.path, digest, _SKIPPED_DIRS)
            elif not entry.name.endswith((".pyc", ".pyo")):
                stat = entry.stat()
                digest.update(f"{entry.path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        except OSError:
            digest.update(f"{entry.path}\0?\n".encode())


def _module_stamp(module: str) -> str:
    try:
        spec = importlib.util.find_spec(module)
        origin = spec.origin if spec is not None else None
        if origin is None:
            return "-"
        stat = Path(origin).stat()
    except (ImportError, ValueError, OSError):
        return "?"
    return f"{origin}\0{stat.st_size}\0{stat.st_mtime_ns}"


@dataclass(frozen=True)
class FileResult:
    """What one file's own checks produced, and what the course-level checks need of it."""

    meta: FrontMatter | None
    front_toml: str
    has_lesson: bool
    """The file made a lesson (no problems of its own)."""
    problems: tuple[Problem, ...]
    """The problems of loading it, in the loader's order."""
    examples: tuple[Problem, ...] | None
    """The problems its `[[examples]]` gave when graded; None when they were not graded."""

    @classmethod
    def of(cls, f: LessonFile, examples: tuple[Problem, ...] | None) -> FileResult:
        return cls(f.meta, f.front_toml, f.lesson is not None, f.problems, examples)


@dataclass
class Stats:
    """What a run took from the cache and what it worked out afresh."""

    cache: str = "off"
    """off (--no-cache), empty (none yet, or none that could be used), read, or unusable (the
    data folder can be neither read nor written)."""
    files: int = 0
    from_cache: int = 0
    loaded: int = 0
    graded: int = 0
    pairs_cached: int = 0
    pairs_compared: int = 0
    workers: int = 0
    saved: bool = False

    def write(self, env: Mapping[str, str]) -> None:
        target = env.get(STATS_ENV, "")
        if target:
            with suppress(OSError):
                Path(target).write_text(json.dumps(self.__dict__), encoding="utf-8")


@dataclass
class CheckCache:
    path: Path
    fingerprint: str
    lang: str
    run: int = 1
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    pairs: dict[str, dict[str, Any]] = field(default_factory=dict)
    _words: dict[Path, str | None] = field(default_factory=dict)

    @classmethod
    def open(cls, data_dir: Path, lang: str, stats: Stats) -> CheckCache:
        """The cache in `data_dir`, empty when there is none or it cannot be used."""
        cache = cls(data_dir / FILE_NAME, code_fingerprint(), lang)
        stats.cache = "empty"
        try:
            raw = cache.path.read_bytes()
        except OSError:
            return cache
        try:
            head, _, body = raw.partition(b"\n")
            if head.decode("ascii") != sha256(body).hexdigest():
                return cache
            data = json.loads(body)
            if data["format"] != FORMAT or data["fingerprint"] != cache.fingerprint:
                return cache
            run, files, pairs = data["run"], data["files"], data["pairs"]
            if not isinstance(run, int) or not isinstance(files, dict):
                return cache
            if not isinstance(pairs, dict):
                return cache
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
            return cache
        cache.run, cache.files, cache.pairs = run + 1, files, pairs
        stats.cache = "read"
        return cache

    # --- keys -----------------------------------------------------------------------------

    def file_key(self, path: Path) -> str | None:
        """The key of `path` as it is now; None when it cannot be cached (it or its folder's
        `_words.toml` cannot be read)."""
        try:
            data = path.read_bytes()
        except OSError:
            return None
        words = self._words_digest(path.parent)
        if words is None:
            return None
        parts = [FORMAT, self.fingerprint, self.lang, str(path), sha256(data).hexdigest(), words]
        return sha256(json.dumps(parts).encode()).hexdigest()

    def _words_digest(self, folder: Path) -> str | None:
        # The loader reads it the same way (content.folder_words.read_folder_words).
        from twitter_tutor.content.folders import WORDS_FILE

        if folder not in self._words:
            try:
                digest: str | None = sha256((folder / WORDS_FILE).read_bytes()).hexdigest()
            except (FileNotFoundError, NotADirectoryError):
                digest = "none"
            except OSError:
                digest = None  # unreadable, or a folder: the loader reports it; never cached
            self._words[folder] = digest
        return self._words[folder]

    # --- entries ----------------------------------------------------------------------------

    def get(self, key: str, path: Path) -> FileResult | None:
        """The stored result of the file under `key`, its problems at `path`; None when there
        is none or it does not decode."""
        entry = self.files.get(key)
        if not isinstance(entry, dict):
            return None
        try:
            result = _decode_result(entry, path)
        except (ValueError, KeyError, TypeError, IndexError):
            return None
        entry["used"] = self.run
        return result

    def put(self, key: str, result: FileResult, path: Path) -> None:
        if any(p.path != path for p in (*result.problems, *(result.examples or ()))):
            return  # a problem elsewhere than in the file itself: not the file's own result
        self.files[key] = {**_encode_result(result), "used": self.run}

    def get_pair(self, key: str, paths: Sequence[Path]) -> dict[Path, list[Problem]] | None:
        entry = self.pairs.get(key)
        if not isinstance(entry, dict):
            return None
        try:
            found: dict[Path, list[Problem]] = {}
            for side, problem in entry["problems"]:
                if side not in (0, 1):
                    return None
                found.setdefault(paths[side], []).append(_decode_problem(problem, paths[side]))
        except (ValueError, KeyError, TypeError, IndexError):
            return None
        entry["used"] = self.run
        return found

    def put_pair(
        self, key: str, found: Mapping[Path, Sequence[Problem]], paths: Sequence[Path]
    ) -> None:
        encoded: list[list[Any]] = []
        for path, problems in found.items():
            if path not in paths or any(p.path != path for p in problems):
                return
            encoded += [[paths.index(path), _encode_problem(p)] for p in problems]
        self.pairs[key] = {"problems": encoded, "used": self.run}

    # --- writing ----------------------------------------------------------------------------

    def save(self) -> bool:
        """Write the cache (atomically); False when the data folder cannot take it."""
        data = {
            "format": FORMAT,
            "fingerprint": self.fingerprint,
            "run": self.run,
            "files": _bounded(self.files, self.run, MAX_FILES),
            "pairs": _bounded(self.pairs, self.run, MAX_PAIRS),
        }
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        temporary: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(
                prefix=f".{FILE_NAME}.", suffix=".tmp", dir=self.path.parent
            )
            with os.fdopen(fd, "wb") as out:
                out.write(sha256(body).hexdigest().encode("ascii") + b"\n" + body)
            Path(temporary).replace(self.path)
        except OSError:
            if temporary is not None:
                with suppress(OSError):
                    Path(temporary).unlink()
            return False
        return True


def pair_key(
    a: LessonFile, key_a: str, a_reported: bool, b: LessonFile, key_b: str, b_reported: bool
) -> str:
    """The key of comparing `a` and `b`, in course order, as translations: their keys, the
    names they are reported under (a message names the other file), their sources and which
    of them are reported decide which file gets the problems."""
    parts = [
        [str(a.path), key_a, str(a.source), a_reported],
        [str(b.path), key_b, str(b.source), b_reported],
    ]
    return sha256(json.dumps(parts).encode()).hexdigest()


def _bounded(entries: dict[str, dict[str, Any]], run: int, limit: int) -> dict[str, Any]:
    """Every entry used in this run; then the most recently used others, up to `limit`."""

    def used(item: tuple[str, dict[str, Any]]) -> int:
        value = item[1].get("used") if isinstance(item[1], dict) else None
        return value if isinstance(value, int) else 0

    items = sorted(entries.items(), key=used, reverse=True)
    kept = [item for item in items if used(item) == run]
    room = max(limit - len(kept), 0)
    kept += [item for item in items if used(item) != run][:room]
    return dict(kept)


def _encode_problem(problem: Problem) -> list[Any]:
    return [problem.line, problem.column, problem.kind.code, problem.kind.name, problem.message]


def _decode_problem(raw: Any, path: Path) -> Problem:
    from twitter_tutor.content.lesson import Problem
    from twitter_tutor.content.problem_codes import ProblemKind

    line, column, code, name, message = raw
    if not (
        _is_int(line)
        and (column is None or _is_int(column))
        and isinstance(code, str)
        and isinstance(name, str)
        and isinstance(message, str)
    ):
        raise TypeError("not a problem")
    return Problem(path, line, message, ProblemKind(code, name), column)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _encode_result(result: FileResult) -> dict[str, Any]:
    return {
        "meta": result.meta.model_dump(mode="json") if result.meta is not None else None,
        "front_toml": result.front_toml,
        "has_lesson": result.has_lesson,
        "problems": [_encode_problem(p) for p in result.problems],
        "examples": (
            [_encode_problem(p) for p in result.examples] if result.examples is not None else None
        ),
    }


def _decode_result(entry: dict[str, Any], path: Path) -> FileResult:
    from pydantic import ValidationError

    from twitter_tutor.content.models import FrontMatter

    front_toml, has_lesson = entry["front_toml"], entry["has_lesson"]
    if not isinstance(front_toml, str) or not isinstance(has_lesson, bool):
        raise TypeError("not an entry")
    meta = None
    if entry["meta"] is not None:
        try:
            meta = FrontMatter.model_validate(entry["meta"])
        except ValidationError as error:
            raise ValueError("front matter") from error
    problems = tuple(_decode_problem(p, path) for p in entry["problems"])
    examples = entry["examples"]
    if has_lesson and (meta is None or problems):
        raise ValueError("a lesson has valid front matter and no problems")
    return FileResult(
        meta,
        front_toml,
        has_lesson,
        problems,
        tuple(_decode_problem(p, path) for p in examples) if examples is not None else None,
    )
