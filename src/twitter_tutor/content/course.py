"""The course: every lesson of every source, with overrides, duplicates and `requires` resolved.

Sources are read in order (built-ins first). A lesson with the same id and language as one from
an earlier source replaces it, so a trainer can customise a built-in lesson.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from twitter_tutor.content.folders import lesson_paths
from twitter_tutor.content.lesson import FolderWords, Lesson, LessonFile, Problem
from twitter_tutor.content.loader import load_file, load_toml
from twitter_tutor.content.problem_codes import DUPLICATE_LESSON_ID, UNKNOWN_REQUIRES, ProblemKind
from twitter_tutor.content.toml_lines import key_lines


@dataclass(frozen=True)
class _Claim:
    id: str
    lang: str
    order: int


_UNKNOWN_ORDER = 10**9


def _claim(f: LessonFile) -> _Claim | None:
    """The id, language and order a file is for: from its valid front matter, or read leniently
    from an invalid one; None when it names no id and language."""
    if f.meta is not None:
        return _Claim(f.meta.id, f.meta.lang, f.meta.order)
    raw = load_toml(f.front_toml)[0] if f.front_toml else None
    if not raw or not isinstance(raw.get("id"), str) or not isinstance(raw.get("lang"), str):
        return None
    order = raw.get("order")
    usable = isinstance(order, int) and not isinstance(order, bool) and abs(order) < 10**9
    return _Claim(raw["id"], raw["lang"], order if usable else _UNKNOWN_ORDER)  # type: ignore[arg-type]


@dataclass
class Course:
    files: list[LessonFile]
    """Every file read, in source order, with its own and course-level problems."""
    replaced: dict[Path, Path] = field(default_factory=dict)
    """A replaced file -> the file that replaces it (same id and language, later source)."""

    def active(self) -> list[LessonFile]:
        """Files that are in effect: everything not replaced by a later source."""
        return [f for f in self.files if f.path not in self.replaced]

    def for_lang(self, lang: str) -> list[LessonFile]:
        """The course as a learner of `lang` sees it, in order.

        A lesson that exists only in the other language is included, so nothing is hidden. A
        file whose front matter is invalid but still names its id and language keeps its place
        as a broken lesson: a trainer who breaks the English file sees it broken, not the
        German one standing in. A file that names nothing is listed last.
        """
        chosen: dict[str, tuple[_Claim, LessonFile]] = {}
        broken: list[LessonFile] = []
        for f in self.active():
            claim = _claim(f)
            if claim is None:
                broken.append(f)
                continue
            current = chosen.get(claim.id)
            if current is None or (claim.lang == lang and current[0].lang != lang):
                chosen[claim.id] = (claim, f)
        ordered = sorted(chosen.values(), key=lambda pair: (pair[0].order, pair[0].id))
        return [*(f for _, f in ordered), *broken]

    def lesson(self, lesson_id: str, lang: str) -> Lesson | None:
        """The lesson in `lang`, else in the other language; None when missing or broken."""
        for f in self.for_lang(lang):
            if f.meta is not None and f.meta.id == lesson_id:
                return f.lesson
        return None

    def find(self, lesson_id: str, lang: str) -> LessonFile | None:
        return next(
            (f for f in self.for_lang(lang) if f.meta is not None and f.meta.id == lesson_id),
            None,
        )

    def ids(self) -> set[str]:
        return {f.meta.id for f in self.files if f.meta is not None}

    def folder_words(self, path: Path) -> FolderWords | None:
        """The `_words.toml` at `path` as the lessons beside it carry it (None: no lesson
        loaded from its folder)."""
        for f in self.files:
            words = f.lesson.words if f.lesson is not None else None
            if words is not None and words.path == path:
                return words
        return None


def load_course(sources: Sequence[Path], extra_files: Iterable[Path] = ()) -> Course:
    """Load every lesson below each source folder, plus `extra_files`, and check the whole."""
    files: list[LessonFile] = []
    for source in sources:
        for path in lesson_paths(source):
            files.append(load_file(path, source))
    for path in extra_files:
        files.append(load_file(path, path.parent))
    return resolve(files)


def resolve(files: list[LessonFile]) -> Course:
    """Apply overrides and add course-level problems (duplicate ids, unknown `requires`)."""
    course = Course(files=list(files))
    owner: dict[tuple[str, str], LessonFile] = {}
    for index, f in enumerate(course.files):
        if f.meta is None:
            continue
        key = (f.meta.id, f.meta.lang)
        earlier = owner.get(key)
        if earlier is None:
            owner[key] = f
        elif earlier.source == f.source:
            course.files[index] = _with_problem(
                f,
                _id_line(f),
                f"duplicate lesson id '{f.meta.id}' for lang '{f.meta.lang}' "
                f"(also in {earlier.path}); give this lesson another id",
                DUPLICATE_LESSON_ID,
            )
        else:
            course.replaced[earlier.path] = f.path
            owner[key] = course.files[index]
    known = course.ids()
    for index, f in enumerate(course.files):
        if f.meta is None:
            continue
        missing = [r for r in f.meta.requires if r not in known]
        if missing:
            course.files[index] = _with_problem(
                course.files[index],
                _key_line(f, "requires"),
                f"requires unknown lesson {', '.join(repr(m) for m in missing)}; "
                f"known lessons: {', '.join(sorted(known)) or 'none'}",
                UNKNOWN_REQUIRES,
            )
    return course


def _with_problem(f: LessonFile, line: int, message: str, kind: ProblemKind) -> LessonFile:
    problem = Problem(f.path, line, message, kind)
    return replace(f, lesson=None, problems=(*f.problems, problem))


def _key_line(f: LessonFile, key: str) -> int:
    # The front matter starts on line 2 (line 1 is the opening '+++').
    found = key_lines(f.front_toml).get((key,))
    return found + 1 if found is not None else 1


def _id_line(f: LessonFile) -> int:
    return _key_line(f, "id")
