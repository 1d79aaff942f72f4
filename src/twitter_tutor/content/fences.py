"""Exercise blocks that Markdown does not read the way the trainer meant: indented, or unclosed.

CommonMark reads a fence indented by four spaces (or a tab) as indented code, so the exercise
vanished; a fence that is never closed runs to the end of the file (or into the next block),
so its TOML error showed far below. `scan` finds both in the parsed tokens and proposes line
repairs that keep the number of lines, so the loader can parse again and still check the
exercises that follow, each at its own line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from twitter_tutor.content.problem_codes import (
    INDENTED_EXERCISE_FENCE,
    UNCLOSED_EXERCISE_FENCE,
    ProblemKind,
)

EXERCISE_INFO = "exercise"

# An opening fence: indentation, a run of ``` or ~~~, the first word of the info string.
_OPENING = re.compile(r"(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\s`]*)")
_BARE = re.compile(r"(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*")
TAB_STOP = 4


@dataclass(frozen=True)
class FenceIssue:
    line: int
    """0-based, in the parsed text."""
    column: int
    """1-based."""
    kind: ProblemKind
    message: str


@dataclass
class FenceScan:
    issues: list[FenceIssue] = field(default_factory=list)
    repairs: dict[int, str] = field(default_factory=dict)
    """0-based line -> what it should say; the same number of lines, so lines stay true."""
    unclosed: set[int] = field(default_factory=set)
    """First lines of exercise fences that are not closed: their content is not TOML."""


def is_exercise_info(info: str) -> bool:
    """True for an info string whose first word is `exercise`, in any case."""
    words = info.strip().split()
    return bool(words) and words[0].lower() == EXERCISE_INFO


def scan(tokens: Sequence[Token], lines: list[str], offset: int) -> FenceScan:
    """Indented and unclosed exercise fences; `offset` turns a 0-based line into a file line
    (minus one) for the messages. Indentation is repaired first: until it is, a stray closing
    fence opens a block of its own, which would look unclosed too."""
    found = _indented(tokens, lines)
    if found.repairs:
        return found
    return _unclosed(tokens, lines, offset)


def _width(indent: str) -> int:
    column = 0
    for char in indent:
        column = column + TAB_STOP - column % TAB_STOP if char == "\t" else column + 1
    return column


def _indentation(indent: str) -> str:
    if "\t" not in indent:
        return f"{len(indent)} spaces"
    return "a tab" if indent == "\t" else "tabs and spaces"


def _indented(tokens: Sequence[Token], lines: list[str]) -> FenceScan:
    result = FenceScan()
    for token in tokens:
        # An indented fence is read as indented code, or as the continuation of a paragraph.
        if token.type not in ("code_block", "paragraph_open") or token.map is None:
            continue
        start, end = token.map
        end = min(end, len(lines))
        block_dedented = False
        for number in range(start, end):
            match = _OPENING.match(lines[number])
            indent = match.group("indent") if match else ""
            if not match or not indent or match.group("info").lower() != EXERCISE_INFO:
                continue
            result.issues.append(
                FenceIssue(
                    number,
                    len(indent) + 1,
                    INDENTED_EXERCISE_FENCE,
                    f"this looks like an exercise block but is indented ({_indentation(indent)}"
                    "), so it shows as code; start the fence at column 1",
                )
            )
            width = _width(indent)
            if token.type != "code_block":
                result.repairs[number] = _dedent(lines[number], width)
            elif not block_dedented:  # the whole block, once: its lines are the exercise's
                block_dedented = True
                for row in range(start, end):
                    result.repairs[row] = _dedent(lines[row], width)
    return result


def _dedent(line: str, width: int) -> str:
    """`line` without up to `width` columns of leading blanks."""
    column = cut = 0
    while cut < len(line) and line[cut] in " \t" and column < width:
        column = column + TAB_STOP - column % TAB_STOP if line[cut] == "\t" else column + 1
        cut += 1
    return line[cut:]


def _opens_exercise(line: str) -> re.Match[str] | None:
    match = _OPENING.match(line)
    if (
        match
        and _width(match.group("indent")) < TAB_STOP
        and match.group("info").lower() == EXERCISE_INFO
    ):
        return match
    return None


def _closes(line: str, markup: str, *, nested: bool) -> bool:
    if nested:
        # Inside a list or quote the container's own indent and '>' come first; telling them
        # from a wrong indent would need the container's width, so any indent is taken.
        line = line.lstrip(" \t>")
    match = _BARE.fullmatch(line)
    return bool(
        match
        and (nested or _width(match.group("indent")) < TAB_STOP)
        and match.group("fence")[0] == markup[0]
        and len(match.group("fence")) >= len(markup)
    )


def _unclosed(tokens: Sequence[Token], lines: list[str], offset: int) -> FenceScan:
    result = FenceScan()
    for token in tokens:
        if token.type != "fence" or token.map is None:
            continue
        start, end = token.map
        end = min(end, len(lines))
        markup = token.markup
        exercise = is_exercise_info(token.info)
        closed = end - 1 > start and _closes(lines[end - 1], markup, nested=token.level > 0)
        last = end - 1 if closed else end
        if closed and EXERCISE_INFO not in token.content.lower():
            continue  # the common case, decided without looking at each line
        inner = next(
            (
                n
                for n in range(start + 1, last)
                if (opening := _opens_exercise(lines[n]))
                and (exercise or _could_close(opening.group("fence"), markup))
            ),
            None,
        )
        if inner is None and (closed or not exercise):
            continue
        if exercise:
            result.unclosed.add(start)
        stop = inner if inner is not None else last
        _explain(result, lines, start, stop, markup, offset, exercise=exercise)
    return result


def _could_close(fence: str, markup: str) -> bool:
    """A fence that would have closed `markup`'s block, were it not for its info string."""
    return fence[0] == markup[0] and len(fence) >= len(markup)


def _explain(
    result: FenceScan,
    lines: list[str],
    start: int,
    stop: int,
    markup: str,
    offset: int,
    *,
    exercise: bool,
) -> None:
    """Report the block opened at `start` that runs on to `stop`, and propose where it ends."""
    what = "exercise block" if exercise else "code block"
    column = len(lines[start]) - len(lines[start].lstrip(" \t")) + 1
    wrong = next((n for n in range(start + 1, stop) if _BARE.fullmatch(lines[n]) is not None), None)
    if wrong is not None:
        ending = lines[wrong].strip()
        why = (
            "it is indented"
            if ending[0] == markup[0] and len(ending) >= len(markup)
            else f"a block opened with '{markup}' must end with '{markup}'"
        )
        message = (
            f"the {what} opened here is never closed: line {offset + wrong + 1} has "
            f"'{ending}', but {why}; end the block with a line '{markup}' at column 1"
        )
        result.repairs[wrong] = markup
    else:
        # Where the block should have ended: the next step's heading, or the next exercise.
        boundary = next(
            (n for n in range(start + 1, stop) if exercise and lines[n].startswith("## ")),
            None,
        )
        if boundary is None and any(lines[n].strip() for n in range(stop, len(lines))):
            boundary = stop
        if boundary is not None and boundary > start + 1:
            after = "after its TOML" if exercise else "where the code ends"
            message = (
                f"the {what} opened here is not closed before line {offset + boundary + 1}: "
                f"add a line '{markup}' {after}"
            )
            if not lines[boundary - 1].strip():  # close it there, so the rest is checked
                result.repairs[boundary - 1] = markup
        else:
            message = (
                f"the {what} opened here is never closed: add a line '{markup}' after its TOML"
            )
    result.issues.append(FenceIssue(start, column, UNCLOSED_EXERCISE_FENCE, message))
