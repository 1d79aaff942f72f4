"""Map a TOML document's keys to the lines they stand on, so errors point at the right line.

tomli returns plain data without positions; this scanner walks the text once and records where
each key (and each `[[array]]` entry) is written. It understands the TOML a lesson uses: tables,
arrays of tables, dotted keys are treated as one key, and multi-line strings and arrays are
skipped over. Anything it cannot place falls back to a parent's line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Loc = tuple[str | int, ...]

# Every part is followed by a character it cannot match (`[` by not-`]`, the name by `]`), so a
# line that is not a header fails in linear time; the name is stripped in Python, not by `\s*`
# around a lazy group (which made a long line of spaces cubic).
_HEADER = re.compile(r"[ \t]*(\[\[?)([^\]]*)\]\]?[ \t]*(?:#.*)?")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-.]+)\s*=""")


def _clean_key(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1]
    return raw


def key_lines(text: str) -> dict[Loc, int]:
    """Return {loc: 1-based line} for every key, table and array-of-tables entry in `text`."""
    lines: dict[Loc, int] = {}
    counters: dict[Loc, int] = {}
    prefix: Loc = ()
    open_delimiter: str | None = None  # inside a multi-line string: its closing quotes
    depth = 0  # inside a multi-line array or inline table

    # split("\n"), not splitlines(): U+2028 or \x85 inside a string must not count as a line.
    for number, line in enumerate(text.split("\n"), start=1):
        if open_delimiter is not None:
            if open_delimiter in line:
                open_delimiter = None
            continue
        if depth > 0:
            depth = max(0, depth + _bracket_balance(line))
            continue
        header = _HEADER.fullmatch(line)
        if header and header.group(2).strip():
            path: Loc = tuple(_clean_key(p) for p in header.group(2).split("."))
            if header.group(1) == "[[":
                index = counters.get(path, 0)
                counters[path] = index + 1
                prefix = (*path, index)
            else:
                prefix = path
            lines.setdefault(prefix, number)
            continue
        key = _KEY.match(line)
        if not key:
            continue
        loc: Loc = (*prefix, *(_clean_key(p) for p in key.group(1).split(".")))
        # A dotted key also defines its parent tables here (a few levels are enough).
        for end in range(len(prefix) + 1, min(len(loc), len(prefix) + 8)):
            lines.setdefault(loc[:end], number)
        lines.setdefault(loc, number)
        value = line[key.end() :]
        for quotes in ('"""', "'''"):
            if value.count(quotes) == 1:
                open_delimiter = quotes
        if open_delimiter is None:
            depth = max(0, _bracket_balance(value))
    return lines


def _brackets(line: str) -> Iterator[int]:
    """+1 for each opening and -1 for each closing bracket outside simple strings and comments."""
    quote: str | None = None
    for char in line:
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#":
            return
        elif char in "[{":
            yield 1
        elif char in "]}":
            yield -1


def _bracket_balance(text: str) -> int:
    """Opening minus closing brackets outside simple strings: > 0 means the value goes on."""
    return sum(_brackets(text))


def deepest_line(text: str) -> int:
    """The 1-based line where brackets nest deepest or a key has the most parts: where a TOML
    parser gives up on nesting (it says why, but not where)."""
    best_line, best = 1, -1
    depth = 0
    for number, line in enumerate(text.split("\n"), start=1):
        deepest = depth
        for step in _brackets(line):
            depth = max(0, depth + step)
            deepest = max(deepest, depth)
        score = max(deepest, line.count("."))
        if score > best:
            best_line, best = number, score
    return best_line


def line_for(lines: dict[Loc, int], loc: Loc, default: int) -> int:
    """The line of `loc`, else of its nearest parent that has one, else `default`."""
    for end in range(len(loc), 0, -1):
        found = lines.get(loc[:end])
        if found is not None:
            return found
    return default
