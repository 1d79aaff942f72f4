"""Running the lexicon `patterns` fast: most start with a digit or a sign, so try them only there.

Python's regular-expression engine scans a 280-character tweet in ~10 µs per pattern, and
thirty patterns would take most of the time budget of an analysis. So each pattern's possible
first characters are read from its parsed form: when they are digits and uncased signs
("€", "?", "#", an emoji), one scan of the text collects the positions of all such characters
and a pattern is only tried (`match`) at its own positions. Patterns that may start with a
letter, or whose start cannot be told, are scanned as usual. Either way the matches are those
of `finditer`; only the work differs.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

_WIDE_RANGE = 512


@dataclass(frozen=True, slots=True)
class _Start:
    chars: frozenset[str]
    digits: bool


def first_characters(pattern: re.Pattern[str]) -> _Start | None:
    """Where a match of `pattern` can start: these characters or a digit (\\d); None when it
    could start with a letter, anything else, or the pattern cannot be read."""
    try:
        parser: Any = importlib.import_module("re._parser")
        found = _first(list(parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # a private module: if it ever changes, fall back to a plain scan
        return None
    if found is None or found[2]:  # can match the empty string: could start anywhere
        return None
    chars, digits, _ = found
    if any(char.lower() != char or char.upper() != char for char in chars):
        return None  # cased letters have case-insensitive twins; scan instead
    return _Start(frozenset(chars), digits)


_First = tuple[set[str], bool, bool]
"""(first characters, or a digit, can be empty)"""


def _first(items: Sequence[Any]) -> _First | None:
    chars: set[str] = set()
    digits = False
    for op, arg in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero width
        found = _first_of(name, arg)
        if found is None:
            return None
        chars |= found[0]
        digits |= found[1]
        if not found[2]:
            return chars, digits, False
    return chars, digits, True


def _first_of(name: str, arg: Any) -> _First | None:
    if name == "LITERAL":
        return {chr(arg)}, False, False
    if name == "IN":
        chars: set[str] = set()
        digits = False
        for op, value in arg:
            kind = str(op)
            if kind == "LITERAL":
                chars.add(chr(value))
            elif kind == "RANGE" and value[1] - value[0] < _WIDE_RANGE:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            elif kind == "CATEGORY" and str(value) == "CATEGORY_DIGIT":
                digits = True
            else:
                return None
        return chars, digits, False
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _, sub = arg
        found = _first(list(sub))
        return None if found is None else (found[0], found[1], found[2] or low == 0)
    if name == "SUBPATTERN":
        return _first(list(arg[3]))
    if name == "ATOMIC_GROUP":
        return _first(list(arg))
    if name == "BRANCH":
        chars = set()
        digits = empty = False
        for branch in arg[1]:
            found = _first(list(branch))
            if found is None:
                return None
            chars |= found[0]
            digits |= found[1]
            empty |= found[2]
        return chars, digits, empty
    return None


class PatternSet:
    """Patterns, each with the index of its signal; `find` gives (start, end, signal index)."""

    def __init__(self, patterns: Iterable[tuple[int, re.Pattern[str]]]) -> None:
        self._at_starts: list[tuple[int, re.Pattern[str], _Start]] = []
        self._scanned: list[tuple[int, re.Pattern[str]]] = []
        chars: set[str] = set()
        for signal, pattern in patterns:
            start = first_characters(pattern)
            if start is None:
                self._scanned.append((signal, pattern))
            else:
                self._at_starts.append((signal, pattern, start))
                chars |= start.chars
        escaped = "".join(re.escape(c) for c in sorted(chars))
        self._starts = re.compile(f"[{escaped}\\d]")

    def find(self, text: str) -> list[tuple[int, int, int]]:
        found: list[tuple[int, int, int]] = []
        for signal, pattern in self._scanned:
            found += [(m.start(), m.end(), signal) for m in pattern.finditer(text) if m.end() > m.start()]
        if not self._at_starts:
            return found
        positions: dict[str, list[int]] = {}
        digits: list[int] = []
        for match in self._starts.finditer(text):
            char = match.group()
            positions.setdefault(char, []).append(match.start())
            if char.isdecimal():  # what \d matches
                digits.append(match.start())
        if not positions and not digits:
            return found
        for signal, pattern, start in self._at_starts:
            candidates = [p for c in start.chars for p in positions.get(c, ())]
            if start.digits:
                candidates += digits
            if not candidates:
                continue
            reached = 0
            for position in sorted(set(candidates)):
                if position < reached:
                    continue  # finditer resumes after a match
                match = pattern.match(text, position)
                if match and match.end() > position:
                    found.append((position, match.end(), signal))
                    reached = match.end()
        return found
