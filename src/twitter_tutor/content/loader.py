"""Read one lesson file: TOML front matter, Markdown steps, exercise blocks; collect problems.

Nothing here raises on bad input: every flaw becomes a `Problem` with the 1-based line in the
.md file, so `check`, `list` and the TUI can all show it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli
from markdown_it import MarkdownIt
from markdown_it.token import Token
from pydantic import BaseModel, ValidationError

from twitter_tutor.content.error_messages import describe_all
from twitter_tutor.content.lesson import (
    Block,
    ExerciseBlock,
    Lesson,
    LessonFile,
    MarkdownBlock,
    Problem,
    Step,
)
from twitter_tutor.content.models import (
    EXERCISE_MODELS,
    EXERCISE_TYPES,
    AnyExercise,
    FrontMatter,
)
from twitter_tutor.content.render_limits import step_length_message, table_problems
from twitter_tutor.content.toml_lines import Loc, deepest_line, key_lines, line_for

FENCE = "+++"
EXERCISE_INFO = "exercise"

_markdown: MarkdownIt | None = None


def markdown_parser() -> MarkdownIt:
    """CommonMark plus tables, built once (the parser is not free to construct).

    Only the block structure is needed here (## headings, fences, line ranges); the Markdown
    widget renders inline text itself, so the inline pass, a third of the loader's time, is off.
    """
    global _markdown
    if _markdown is None:
        _markdown = MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])
    return _markdown


class ParsedExercise:
    """An exercise block and where its keys stand, for later checks (examples)."""

    def __init__(self, exercise: AnyExercise, toml_text: str, fence_line: int) -> None:
        self.exercise = exercise
        self.fence_line = fence_line
        self._toml_text = toml_text
        self._lines: dict[Loc, int] | None = None

    @property
    def lines(self) -> dict[Loc, int]:
        """{key location: line in the .md file}, worked out only when a problem needs it:
        scanning every block up front was the loader's largest cost."""
        if self._lines is None:
            self._lines = _file_lines(self._toml_text, self.fence_line)
        return self._lines


def _file_lines(content: str, fence_line: int) -> dict[Loc, int]:
    """Key lines of an exercise block, counted in the .md file (`fence_line` is the ``` line)."""
    return {loc: fence_line + n for loc, n in key_lines(content).items()}


class _Collector:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def add(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))


def load_file(path: Path, source: Path | None = None) -> LessonFile:
    source = source if source is not None else path.parent
    problems = _Collector(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.add(1, f"cannot read the file: {error.strerror or error}")
        return LessonFile(path, source, None, None, tuple(problems.problems))
    try:
        lesson, meta = parse_lesson(data, path, source, problems)
    except Exception as error:  # a loader bug must cost this one file, never the course
        detail = str(error).splitlines()[0][:200] if str(error) else ""
        problems.add(1, f"cannot read this lesson ({type(error).__name__}: {detail})")
        return LessonFile(path, source, None, None, tuple(problems.problems))
    # Checks run in passes (front matter, tables, steps, exercises): report in file order.
    ordered = sorted(problems.problems, key=lambda problem: problem.line)
    return LessonFile(path, source, lesson, meta, tuple(ordered))


def parse_lesson(
    data: bytes, path: Path, source: Path, problems: _Collector
) -> tuple[Lesson | None, FrontMatter | None]:
    text = _decode(data, problems)
    if text is None:
        return None, None
    lines = text.split("\n")
    front, body_start = _front_matter(lines, problems)
    steps, exercises = _body(lines, body_start, problems)
    if front is None:
        return None, None
    if not "\n".join(lines[body_start:]).strip():
        problems.add(
            max(1, min(body_start + 1, len(lines))),
            "the lesson has no content: add text after the front matter, with '## ' headings "
            "for its steps",
        )
    if problems.problems:
        return None, front
    lesson = Lesson(
        meta=front,
        steps=tuple(steps),
        path=path,
        source=source,
        content_hash=hashlib.sha256(data).hexdigest(),
    )
    object.__setattr__(lesson, "_parsed", exercises)
    return lesson, front


def parsed_exercises(lesson: Lesson) -> list[ParsedExercise]:
    """The exercises of a loaded lesson with their key lines (for `check`'s example tests)."""
    parsed: list[ParsedExercise] = getattr(lesson, "_parsed", [])
    return parsed


def _decode(data: bytes, problems: _Collector) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.add(
            line, f"the file is not UTF-8 (byte 0x{data[error.start]:02x}); save it as UTF-8"
        )
        return None
    # Windows editors add a BOM and CRLF line ends; neither changes what the lesson means. A
    # lone CR ends a line too (for Markdown and editors), so lines are counted the same way.
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _front_matter(lines: list[str], problems: _Collector) -> tuple[FrontMatter | None, int]:
    """Validate the front matter; return it and the 0-based index of the body's first line."""
    if not lines or lines[0].strip() != FENCE:
        problems.add(
            1,
            "missing front matter: the file must start with a line '+++', then TOML "
            "(id, title, lang, order, summary), then another '+++'",
        )
        return None, 0
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)
    if closing is None:
        problems.add(1, "the front matter is not closed: add a line '+++' after its TOML")
        return None, len(lines)
    toml_text = "\n".join(lines[1:closing])
    front = _validate_toml(toml_text, FrontMatter, first_line=2, fence_line=1, problems=problems)
    return (front.model if front else None), closing + 1  # type: ignore[return-value]


@dataclass(frozen=True)
class _Validated:
    model: BaseModel


def _validate_toml(
    toml_text: str,
    model: type[BaseModel],
    *,
    first_line: int,
    fence_line: int,
    problems: _Collector,
) -> _Validated | None:
    """Parse TOML written from `first_line` on and validate it; map every error to its line."""
    raw, lineno, message = load_toml(toml_text)
    if raw is None:
        problems.add(first_line + lineno - 1, f"TOML syntax error: {message}")
        return None
    try:
        return _Validated(model.model_validate(raw))
    except ValidationError as error:
        lines = {loc: first_line + n - 1 for loc, n in key_lines(toml_text).items()}
        for loc, message in describe_all(error, model):
            problems.add(line_for(lines, loc, fence_line), message)
        return None


_LONG_NUMBER = re.compile(r"[0-9a-fA-F_]{1000,}")


def load_toml(text: str) -> tuple[dict[str, Any] | None, int, str]:
    """(data, 0, "") or (None, 1-based line in `text`, message): never raises.

    tomli refuses nesting of 400+ levels and keys of 1,000+ parts with a RecursionError, and
    int() refuses decimal numbers of 4,300+ digits with a ValueError; neither carries a line.
    """
    try:
        return tomli.loads(text), 0, ""
    except tomli.TOMLDecodeError as error:
        lineno = getattr(error, "lineno", None) or 1
        message = getattr(error, "msg", None) or str(error).split(" (at ")[0]
        return None, lineno, message
    except RecursionError as error:
        return None, deepest_line(text), str(error) or "nested too deeply"
    except ValueError:
        found = _LONG_NUMBER.search(text)
        line = text.count("\n", 0, found.start()) + 1 if found else 1
        return None, line, "a number with thousands of digits; no lesson needs one"


def _body(
    lines: list[str], start: int, problems: _Collector
) -> tuple[list[Step], list[ParsedExercise]]:
    body = "\n".join(lines[start:])
    tokens = markdown_parser().parse(body)
    offset = start  # token.map is 0-based within the body

    sections: list[tuple[str, int, int, bool]] = []  # title, first line, heading line, opening
    headings = [(i, t) for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    sections.append(("", 0, 0, True))
    for index, token in headings:
        assert token.map is not None
        title = tokens[index + 1].content.strip()
        sections.append((title, token.map[1], token.map[0], False))

    body_lines = body.split("\n")
    fences = [t for t in tokens if t.type == "fence" and _is_exercise(t)]
    for token in tokens:
        words = token.info.strip().split() if token.type == "fence" else []
        if words and words[0] != EXERCISE_INFO and words[0].lower() == EXERCISE_INFO:
            assert token.map is not None
            # Otherwise the block would silently show as code instead of an exercise.
            problems.add(
                offset + token.map[0] + 1,
                f"write the block's info string as '{EXERCISE_INFO}' in lowercase, "
                f"not '{words[0]}'",
            )
    for line, message in table_problems(tokens):
        problems.add(offset + line + 1, message)
    steps: list[Step] = []
    exercises: list[ParsedExercise] = []
    seen: dict[str, ParsedExercise] = {}
    for n, (title, first, heading_line, opening) in enumerate(sections):
        end = headings[n][1].map[0] if n < len(headings) else len(body_lines)  # type: ignore[index]
        blocks: list[Block] = []
        cursor = first
        for fence in fences:
            assert fence.map is not None
            f_start, f_end = fence.map
            if not first <= f_start < end:
                continue
            _add_markdown(blocks, body_lines, cursor, f_start, offset)
            parsed = _exercise(fence, offset + f_start + 1, problems)
            if parsed is not None:
                ex_id = parsed.exercise.id
                if ex_id in seen:
                    earlier = seen[ex_id]
                    problems.add(
                        parsed.lines.get(("id",), parsed.fence_line),
                        f"duplicate exercise id '{ex_id}' (first used on line "
                        f"{earlier.lines.get(('id',), earlier.fence_line)}); "
                        "exercise ids must be unique in a lesson",
                    )
                else:
                    seen[ex_id] = parsed
                    exercises.append(parsed)
                    blocks.append(ExerciseBlock(parsed.exercise, parsed.fence_line))
            cursor = f_end
        _add_markdown(blocks, body_lines, cursor, end, offset)
        if opening and not blocks:
            continue
        text_length = sum(len(b.text) for b in blocks if isinstance(b, MarkdownBlock))
        too_long = step_length_message(text_length)
        if too_long:
            problems.add(offset + heading_line + 1, too_long)
        steps.append(
            Step(
                title=title,
                blocks=tuple(blocks),
                line=offset + heading_line + 1,
                is_opening=opening,
            )
        )
    return steps, exercises


def _is_exercise(token: Token) -> bool:
    words = token.info.strip().split()
    return bool(words) and words[0] == EXERCISE_INFO


def _add_markdown(
    blocks: list[Block], body_lines: list[str], start: int, end: int, offset: int
) -> None:
    text = "\n".join(body_lines[start:end]).strip("\n")
    if text.strip():
        leading = next(i for i in range(start, end) if body_lines[i].strip())
        blocks.append(MarkdownBlock(text=text, line=offset + leading + 1))


def _exercise(fence: Token, fence_line: int, problems: _Collector) -> ParsedExercise | None:
    """Validate one ```exercise block; `fence_line` is the 1-based line of its opening fence."""
    content = fence.content
    raw, lineno, message = load_toml(content)
    if raw is None:
        problems.add(fence_line + lineno, f"TOML syntax error in exercise: {message}")
        return None
    kind = raw.get("type")
    if not isinstance(kind, str) or kind not in EXERCISE_MODELS:
        line = _file_lines(content, fence_line).get(("type",), fence_line)
        if kind is None:
            problems.add(
                fence_line, f"the exercise has no 'type'; use one of: {', '.join(EXERCISE_TYPES)}"
            )
        elif not isinstance(kind, str):
            problems.add(
                line,
                "the exercise 'type' must be a string, one of: " + ", ".join(EXERCISE_TYPES),
            )
        else:
            problems.add(
                line, f"unknown exercise type '{kind}'; known types: {', '.join(EXERCISE_TYPES)}"
            )
        return None
    model = EXERCISE_MODELS[kind]
    try:
        exercise = model.model_validate(raw)
    except ValidationError as error:
        lines = _file_lines(content, fence_line)
        for loc, message in describe_all(error, model):
            problems.add(line_for(lines, loc, fence_line), message)
        return None
    return ParsedExercise(exercise, content, fence_line)  # type: ignore[arg-type]
