"""Read one lesson file: TOML front matter, Markdown steps, exercise blocks; collect problems.

Nothing here raises on bad input: every flaw becomes a `Problem` with the 1-based line in the
.md file, so `check`, `list` and the TUI can all show it.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli
from markdown_it import MarkdownIt
from markdown_it.token import Token
from pydantic import BaseModel, ValidationError

from twitter_tutor.content import fences, invisible, problem_codes
from twitter_tutor.content.error_messages import describe
from twitter_tutor.content.folder_words import read_folder_words
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
    FrontMatter,
)
from twitter_tutor.content.problem_codes import ProblemKind
from twitter_tutor.content.render_limits import step_length_message, table_problems
from twitter_tutor.content.toml_hints import explain, single_bracket_lists, with_double_brackets
from twitter_tutor.content.toml_lines import Loc, deepest_line, key_lines, line_for

FENCE = "+++"
YAML_FENCE = "---"
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


def _file_lines(content: str, fence_line: int) -> dict[Loc, int]:
    """Key lines of an exercise block, counted in the .md file (`fence_line` is the ``` line)."""
    return {loc: fence_line + n for loc, n in key_lines(content).items()}


class _Collector:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.lines: list[str] = []
        """The file's lines as written, to find a column in."""

    def add(
        self,
        line: int,
        message: str,
        kind: ProblemKind = problem_codes.UNCLASSIFIED,
        column: int | None = None,
    ) -> None:
        self.problems.append(Problem(self.path, line, message, kind, column))

    def column_of(self, line: int, text: str, index: int) -> int | None:
        """The 1-based column of `text[index]` where `text` is written on `line`, if it is."""
        written = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        at = written.find(text) if text else -1
        return at + index + 1 if at >= 0 else None


def load_file(path: Path, source: Path | None = None) -> LessonFile:
    source = source if source is not None else path.parent
    problems = _Collector(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.add(
            1, f"cannot read the file: {error.strerror or error}", problem_codes.UNREADABLE_FILE
        )
        return LessonFile(path, source, None, None, tuple(problems.problems))
    try:
        lesson, meta, front_toml = parse_lesson(data, path, source, problems)
    except Exception as error:  # a loader bug must cost this one file, never the course
        detail = str(error).splitlines()[0][:200] if str(error) else ""
        problems.add(
            1,
            f"cannot read this lesson ({type(error).__name__}: {detail})",
            problem_codes.LOADER_ERROR,
        )
        return LessonFile(path, source, None, None, tuple(problems.problems))
    # Checks run in passes (front matter, tables, steps, exercises): report in file order.
    ordered = sorted(problems.problems, key=lambda problem: (problem.line, problem.column or 0))
    return LessonFile(path, source, lesson, meta, tuple(ordered), front_toml)


def parse_lesson(
    data: bytes, path: Path, source: Path, problems: _Collector
) -> tuple[Lesson | None, FrontMatter | None, str]:
    """The lesson (None when it has problems), its front matter and the front matter's TOML."""
    text = _decode(data, problems)
    if text is None:
        return None, None, ""
    lines = text.split("\n")
    problems.lines = lines
    front, body_start, front_toml = _front_matter(lines, problems)
    steps = _body(lines, body_start, problems)
    if front is None:
        return None, None, front_toml
    if not "\n".join(lines[body_start:]).strip():
        problems.add(
            max(1, min(body_start + 1, len(lines))),
            "the lesson has no content: add text after the front matter, with '## ' headings "
            "for its steps",
            problem_codes.EMPTY_LESSON,
        )
    if problems.problems:
        return None, front, front_toml
    lesson = Lesson(
        meta=front,
        steps=tuple(steps),
        path=path,
        source=source,
        content_hash=hashlib.sha256(data).hexdigest(),
        words=read_folder_words(path.parent),
    )
    return lesson, front, front_toml


def _decode(data: bytes, problems: _Collector) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        problems.add(
            line,
            f"the file is not UTF-8 (byte 0x{data[error.start]:02x}); save it as UTF-8",
            problem_codes.NOT_UTF8,
            column,
        )
        return None
    # Windows editors add a BOM and CRLF line ends; neither changes what the lesson means. A
    # lone CR ends a line too (for Markdown and editors), so lines are counted the same way.
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _front_matter(
    lines: list[str], problems: _Collector
) -> tuple[FrontMatter | None, int, str]:
    """Validate the front matter; return it, the 0-based index of the body's first line and
    its TOML text."""
    if lines and lines[0].strip() == YAML_FENCE:
        problems.add(
            1,
            "this front matter is YAML ('---' lines, 'key: value'); lessons use TOML: replace "
            "both '---' lines with '+++' and write key = \"value\", like title = \"My lesson\"",
            problem_codes.YAML_FRONT_MATTER,
            1,
        )
        closing = next((i for i in range(1, len(lines)) if lines[i].strip() == YAML_FENCE), None)
        # The body after it is still checked, at its true lines.
        return None, (closing + 1 if closing is not None else 0), ""
    if not lines or lines[0].strip() != FENCE:
        problems.add(
            1,
            "missing front matter: the file must start with a line '+++', then TOML "
            "(id, title, lang, order, summary), then another '+++'",
            problem_codes.MISSING_FRONT_MATTER,
        )
        return None, 0, ""
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)
    if closing is None:
        problems.add(
            1,
            "the front matter is not closed: add a line '+++' after its TOML",
            problem_codes.UNCLOSED_FRONT_MATTER,
        )
        return None, len(lines), ""
    toml_text = "\n".join(lines[1:closing])
    front = _validate_toml(toml_text, FrontMatter, first_line=2, fence_line=1, problems=problems)
    return (front.model if front else None), closing + 1, toml_text  # type: ignore[return-value]


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
    raw, lineno, column, message = load_toml(toml_text)
    if raw is None:
        hint = explain(toml_text, lineno, column, message)
        problems.add(
            first_line + lineno - 1, f"TOML syntax error: {hint.detail}", hint.kind, hint.column
        )
        return None
    try:
        return _Validated(model.model_validate(raw))
    except ValidationError as error:
        lines = {loc: first_line + n - 1 for loc, n in key_lines(toml_text).items()}
        _report_validation(error, model, lines, fence_line, problems)
        return None


def _report_validation(
    error: ValidationError,
    model: type[BaseModel],
    lines: dict[Loc, int],
    fence_line: int,
    problems: _Collector,
) -> None:
    """Each pydantic error at its key's line, with its code; an invisible character in the
    value is named and shown (a tab after a rule name cannot be seen in the message)."""
    for detail in error.errors():
        loc, message = describe(detail, model)
        line = line_for(lines, loc, fence_line)
        field = loc[-1] if loc else None
        kind = problem_codes.for_validation(detail["type"], field)
        column = None
        # An unknown rule's name is the tag, not the input (that is the whole [[checks]] entry).
        value = detail.get("ctx", {}).get("tag", detail.get("input"))
        if isinstance(value, str) and (at := invisible.find(value)) >= 0:
            message = _with_hint(message, invisible.visible(value), invisible.describe(value))
            column = problems.column_of(line, value, at)
        problems.add(line, message, kind, column)


_LONG_NUMBER = re.compile(r"[0-9a-fA-F_]{1000,}")


def load_toml(text: str) -> tuple[dict[str, Any] | None, int, int | None, str]:
    """(data, 0, None, "") or (None, 1-based line in `text`, column or None, message): never
    raises.

    tomli refuses nesting of 400+ levels and keys of 1,000+ parts with a RecursionError, and
    int() refuses decimal numbers of 4,300+ digits with a ValueError; neither carries a line.
    """
    try:
        return tomli.loads(text), 0, None, ""
    except tomli.TOMLDecodeError as error:
        lineno = getattr(error, "lineno", None) or 1
        column = getattr(error, "colno", None)
        message = getattr(error, "msg", None) or str(error).split(" (at ")[0]
        return None, lineno, column, message
    except RecursionError as error:
        return None, deepest_line(text), None, str(error) or "nested too deeply"
    except ValueError:
        found = _LONG_NUMBER.search(text)
        line = text.count("\n", 0, found.start()) + 1 if found else 1
        return None, line, None, "a number with thousands of digits; no lesson needs one"


def _body(
    lines: list[str], start: int, problems: _Collector
) -> list[Step]:
    offset = start  # token.map is 0-based within the body
    body_lines, tokens, unclosed = _parse_body(lines[start:], offset, problems)

    sections: list[tuple[str, int, int, bool]] = []  # title, first line, heading line, opening
    headings = [(i, t) for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    sections.append(("", 0, 0, True))
    for index, token in headings:
        assert token.map is not None
        title = tokens[index + 1].content.strip()
        sections.append((title, token.map[1], token.map[0], False))

    exercise_fences = [
        t
        for t in tokens
        if t.type == "fence" and _is_exercise(t) and t.map is not None and t.map[0] not in unclosed
    ]
    for token in tokens:
        words = token.info.strip().split() if token.type == "fence" else []
        if words and words[0] != EXERCISE_INFO and words[0].lower() == EXERCISE_INFO:
            assert token.map is not None
            # Otherwise the block would silently show as code instead of an exercise.
            problems.add(
                offset + token.map[0] + 1,
                f"write the block's info string as '{EXERCISE_INFO}' in lowercase, "
                f"not '{words[0]}'",
                problem_codes.EXERCISE_INFO_CASE,
                body_lines[token.map[0]].find(words[0]) + 1,
            )
    for line, kind, message in table_problems(tokens):
        problems.add(offset + line + 1, message, kind)
    steps: list[Step] = []
    seen: dict[str, ExerciseBlock] = {}
    for n, (title, first, heading_line, opening) in enumerate(sections):
        end = headings[n][1].map[0] if n < len(headings) else len(body_lines)  # type: ignore[index]
        blocks: list[Block] = []
        cursor = first
        for fence in exercise_fences:
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
                        parsed.lines.get(("id",), parsed.line),
                        f"duplicate exercise id '{ex_id}' (first used on line "
                        f"{earlier.lines.get(('id',), earlier.line)}); "
                        "exercise ids must be unique in a lesson",
                        problem_codes.DUPLICATE_EXERCISE_ID,
                    )
                else:
                    seen[ex_id] = parsed
                    blocks.append(parsed)
            cursor = f_end
        _add_markdown(blocks, body_lines, cursor, end, offset)
        if opening and not blocks:
            continue
        text_length = sum(len(b.text) for b in blocks if isinstance(b, MarkdownBlock))
        too_long = step_length_message(text_length)
        if too_long:
            problems.add(offset + heading_line + 1, too_long, problem_codes.STEP_TOO_LONG)
        steps.append(
            Step(
                title=title,
                blocks=tuple(blocks),
                line=offset + heading_line + 1,
                is_opening=opening,
            )
        )
    return steps


_REPAIR_ROUNDS = 4


def _parse_body(
    body_lines: list[str], offset: int, problems: _Collector
) -> tuple[list[str], list[Token], set[int]]:
    """Parse the body; report indented and unclosed exercise fences, repair them and parse
    again, so the exercises after them are still found and checked at their own lines.

    Returns the (repaired) lines, their tokens, and the first lines of exercise fences that
    remain unclosed (their content is not TOML). A file without such mistakes is parsed once.
    """
    reported: set[tuple[int, str]] = set()
    for attempt in range(_REPAIR_ROUNDS):
        tokens = markdown_parser().parse("\n".join(body_lines))
        found = fences.scan(tokens, body_lines, offset)
        for issue in found.issues:
            if (issue.line, issue.kind.code) not in reported:
                reported.add((issue.line, issue.kind.code))
                problems.add(offset + issue.line + 1, issue.message, issue.kind, issue.column)
        if not found.repairs or attempt == _REPAIR_ROUNDS - 1:
            return body_lines, tokens, found.unclosed
        body_lines = [found.repairs.get(n, line) for n, line in enumerate(body_lines)]
    raise AssertionError("unreachable")


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


def _exercise(fence: Token, fence_line: int, problems: _Collector) -> ExerciseBlock | None:
    """Validate one ```exercise block; `fence_line` is the 1-based line of its opening fence."""
    content = fence.content
    single = single_bracket_lists(content)
    for at_line, at_column, name in single:
        problems.add(
            fence_line + at_line,
            f"'[{name}]' with single brackets is one table, not an entry of the list "
            f"'{name}': write '[[{name}]]' for each entry",
            problem_codes.SINGLE_BRACKET_LIST,
            at_column,
        )
    if single:  # read on as meant, so the rest of the block is still checked
        content = with_double_brackets(content)
    raw, lineno, column, message = load_toml(content)
    if raw is None:
        hint = explain(content, lineno, column, message)
        problems.add(
            fence_line + lineno,
            f"TOML syntax error in exercise: {hint.detail}",
            hint.kind,
            hint.column,
        )
        return None
    kind = raw.get("type")
    if not isinstance(kind, str) or kind not in EXERCISE_MODELS:
        line = _file_lines(content, fence_line).get(("type",), fence_line)
        if kind is None:
            problems.add(
                fence_line,
                f"the exercise has no 'type'; add a line type = \"...\" with one of: "
                f"{', '.join(EXERCISE_TYPES)}",
                problem_codes.MISSING_EXERCISE_TYPE,
            )
        elif not isinstance(kind, str):
            problems.add(
                line,
                "the exercise 'type' must be a string, one of: " + ", ".join(EXERCISE_TYPES),
                problem_codes.UNKNOWN_EXERCISE_TYPE,
            )
        else:
            shown = invisible.visible(kind)
            close = difflib.get_close_matches(kind.strip().lower(), EXERCISE_TYPES, n=1)
            mean = f" (did you mean '{close[0]}'?)" if close and close[0] != kind else ""
            problems.add(
                line,
                f"unknown exercise type '{shown}'{mean}; known types: {', '.join(EXERCISE_TYPES)}",
                problem_codes.UNKNOWN_EXERCISE_TYPE,
            )
        return None
    model = EXERCISE_MODELS[kind]
    try:
        exercise = model.model_validate(raw)
    except ValidationError as error:
        _report_validation(error, model, _file_lines(content, fence_line), fence_line, problems)
        return None
    block = ExerciseBlock(exercise, fence_line, content)  # type: ignore[arg-type]
    _report_invisible_words(block, problems)
    return block


def _with_hint(message: str, shown: str, what: str) -> str:
    """`message` with "(it holds a tab, shown as \\t: delete it)" right after the value
    `shown` in it (quoted), or at its end."""
    hint = f" (it holds {what}: delete it)"
    at = message.find(shown)
    if at < 0 or not shown:
        return message + hint
    end = at + len(shown) + 1  # after the closing quote
    return message[:end] + hint + message[end:]


def _report_invisible_words(block: ExerciseBlock, problems: _Collector) -> None:
    """A zero-width space or soft hyphen in a word list makes that word match nothing, silently
    (tabs and other spaces are fine: words are split on them)."""
    for loc, word in _word_lists(block.exercise):
        at = invisible.find(word)
        if at < 0 or word[at].isspace():
            continue
        line = line_for(block.lines, loc, block.line)
        problems.add(
            line,
            f'{_loc_name(loc)} "{invisible.visible(word)}" holds '
            f"{invisible.describe(word)}, which no answer contains: delete it",
            problem_codes.INVISIBLE_CHARACTER,
            problems.column_of(line, word, at),
        )


def _word_lists(exercise: object) -> list[tuple[Loc, str]]:
    """(location, word) for every entry of the exercise's word lists."""
    found: list[tuple[Loc, str]] = []
    for index, check in enumerate(getattr(exercise, "checks", None) or []):
        for key in ("words", "unless"):
            for n, word in enumerate(getattr(check, key, None) or []):
                found.append((("checks", index, key, n), word))
    about = getattr(exercise, "about", None)
    for n, word in enumerate(getattr(about, "words", None) or []):
        found.append((("about", "words", n), word))
    for n, word in enumerate(getattr(exercise, "products", None) or []):
        found.append((("products", n), word))
    return found


def _loc_name(loc: Loc) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int) and parts:
            parts[-1] = f"{parts[-1]}[{part + 1}]"
        else:
            parts.append(str(part))
    return "'" + ".".join(parts) + "'"
