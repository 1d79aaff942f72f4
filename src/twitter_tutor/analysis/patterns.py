r"""Running the lexicon `patterns` fast: most start with a digit or a sign, so try them only there.

Python's regular-expression engine scans a 280-character tweet in ~10 µs per pattern, and
thirty patterns would take most of the time budget of an analysis. So each pattern's parsed
form is read once:
- Its possible first characters: when they are digits and uncased signs ("€", "?", "#", an
  emoji), one scan of the text collects the positions of all such characters and the pattern
  is only tried (`match`) at its own positions. A pattern anchored with ^ is tried at 0 only.
- Otherwise the ASCII words a match must start with, if it can tell ("jetzt" in
  \bjetzt\s+..., buy and shop in \b(?:buy|shop)\s+...): the pattern is scanned only when the
  tweet, folded by `fold_for_words`, contains one of them.
Either way the matches are those of `finditer`; only the work differs. The parser is Python's
own (re._parser); should it ever change, every pattern is simply scanned.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any, NamedTuple

_WIDE_RANGE = 512


class _Start(NamedTuple):
    chars: frozenset[str]
    digits: bool
    only_at_0: bool = False
    not_after_digit: bool = False
    """Begins with a lookbehind that rules out a digit before: only the first digit of a
    number can start a match, so the rest of a number's digits need no try."""


def _parsed(pattern: re.Pattern[str]) -> list[Any] | None:
    try:
        parser: Any = importlib.import_module("re._parser")
        return list(parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # a private module: if it ever changes, fall back to a plain scan
        return None


def first_characters(pattern: re.Pattern[str]) -> _Start | None:
    """Where a match of `pattern` can start: these characters or a digit (\\d), or only at
    0; None when it could start with a letter, anything else, or cannot be read."""
    items = _parsed(pattern)
    if items is None:
        return None
    if items and str(items[0][0]) == "AT" and str(items[0][1]) == "AT_BEGINNING":
        return _Start(frozenset(), False, only_at_0=True)
    found = _first(items)
    if found is None or found[2]:  # can match the empty string: could start anywhere
        return None
    chars, digits, _ = found
    if any(char.lower() != char or char.upper() != char for char in chars):
        return None  # cased letters have case-insensitive twins; scan instead
    return _Start(frozenset(chars), digits, not_after_digit=_excludes_digit_before(items))


def _excludes_digit_before(items: Sequence[Any]) -> bool:
    """Does the pattern open with (?<!...) over one character that \\d or \\w covers?"""
    if not items or str(items[0][0]) != "ASSERT_NOT":
        return False
    direction, sub = items[0][1]
    body = list(sub)
    if direction != -1 or len(body) != 1:
        return False
    op, arg = body[0]
    if str(op) == "IN":
        return any(
            str(kind) == "CATEGORY" and str(value) in ("CATEGORY_DIGIT", "CATEGORY_WORD")
            for kind, value in arg
        )
    return False


def leading_words(pattern: re.Pattern[str]) -> frozenset[str]:
    """Lower-case ASCII words one of which every match starts with ("jetzt" for \\bjetzt\\s+,
    buy/shop/... for \\b(?:buy|shop)\\s); empty when there are none to tell."""
    items = _parsed(pattern)
    if items is None or not pattern.flags & re.IGNORECASE:
        return frozenset()
    while items and str(items[0][0]) in ("AT", "ASSERT", "ASSERT_NOT"):
        items = items[1:]
    if items and str(items[0][0]) == "SUBPATTERN" and not items[0][1][2]:  # (?:...), not (?-i:)
        items = list(items[0][1][3])
    if items and str(items[0][0]) == "BRANCH":
        words = [_literal_prefix(list(branch)) for branch in items[0][1][1]]
    else:
        words = [_literal_prefix(items)]
    if all(len(word) >= 2 and word.isascii() for word in words):
        return frozenset(words)
    return frozenset()


def _literal_prefix(items: Sequence[Any]) -> str:
    chars: list[str] = []
    for op, arg in items:
        if str(op) != "LITERAL":
            break
        chars.append(chr(arg))
    return "".join(chars).lower()


# The only characters outside ASCII that case-insensitive matching takes for an ASCII letter
# (İ ı for i, ſ for s, the Kelvin sign for k; a test checks every code point). Mapped first,
# `lower()` then gives one character for one.
_ASCII_TWINS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})


def fold_for_words(text: str) -> str:
    """`text` folded so that an ASCII word matched case-insensitively is a substring of it."""
    return text.translate(_ASCII_TWINS).lower()


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
        self.patterns = tuple(patterns)
        """Every (signal index, pattern) the set finds, however it runs each."""
        self._by_chars: list[tuple[int, re.Pattern[str], _Start]] = []
        self._by_words: list[tuple[int, re.Pattern[str], frozenset[str]]] = []
        self._scanned: list[tuple[int, re.Pattern[str]]] = []
        chars: set[str] = set()
        for signal, pattern in self.patterns:
            start = first_characters(pattern)
            words = leading_words(pattern) if start is None else frozenset()
            if start is not None:
                self._by_chars.append((signal, pattern, start))
                chars |= start.chars
            elif words:
                self._by_words.append((signal, pattern, words))
            else:
                self._scanned.append((signal, pattern))
        escaped = "".join(re.escape(c) for c in sorted(chars))
        self._starts = re.compile(f"[{escaped}\\d]")

    def find(self, text: str, limit: int | None = None) -> list[tuple[int, int, int]]:
        """(start, end, signal) of every match, in text order per pattern; with `limit`, at
        most that many per pattern: the first ones, all a caller counting no more needs
        (100 KB of "€1€1…" is 50,000 prices otherwise)."""
        found: list[tuple[int, int, int]] = []
        for signal, pattern in self._scanned:
            _scan(text, pattern, signal, found, limit)
        if self._by_words:
            folded = fold_for_words(text)
            if len(folded) == len(text):  # positions line up (checked by a test for all text)
                for signal, pattern, words in self._by_words:
                    at = sorted({i for word in words for i in _occurrences(folded, word)})
                    _match_at(text, pattern, signal, at, found, limit)
            else:
                for signal, pattern, _ in self._by_words:
                    _scan(text, pattern, signal, found, limit)
        if self._by_chars:
            self._find_by_chars(text, found, limit)
        return found

    def _find_by_chars(
        self, text: str, found: list[tuple[int, int, int]], limit: int | None
    ) -> None:
        positions: dict[str, list[int]] = {}
        digits: list[int] = []
        for match in self._starts.finditer(text):
            char = match.group()
            positions.setdefault(char, []).append(match.start())
            if char.isdecimal():  # what \\d matches
                digits.append(match.start())
        number_starts = [p for p in digits if not (p and text[p - 1].isdecimal())]
        for signal, pattern, start in self._by_chars:
            if start.only_at_0:
                _match_at(text, pattern, signal, [0], found, limit)
                continue
            count = sum(len(positions.get(c, ())) for c in start.chars)
            count += len(digits) if start.digits else 0
            if count * _DENSE > len(text):
                _scan(text, pattern, signal, found, limit)  # dense: cheaper than listing
                continue
            at = [p for c in start.chars for p in positions.get(c, ())]
            if start.not_after_digit:
                at = [p for p in at if not (p and text[p - 1].isdecimal())]
                if start.digits:
                    at += number_starts
            elif start.digits:
                at += digits
            if at:
                _match_at(text, pattern, signal, sorted(set(at)), found, limit)


def _scan(
    text: str,
    pattern: re.Pattern[str],
    signal: int,
    found: list[tuple[int, int, int]],
    limit: int | None = None,
) -> None:
    spans = [m.span() for m in islice(pattern.finditer(text), limit)]
    found += [(start, end, signal) for start, end in spans if end > start]


def _occurrences(text: str, word: str) -> list[int]:
    found: list[int] = []
    position = text.find(word)
    while position >= 0:
        found.append(position)
        position = text.find(word, position + 1)
    return found


_DENSE = 16
"""With a candidate position every 16 characters or more often, one scan in C beats trying
each in Python (a text of 100,000 "#" or digits)."""


def _match_at(
    text: str,
    pattern: re.Pattern[str],
    signal: int,
    positions: Sequence[int],
    found: list[tuple[int, int, int]],
    limit: int | None = None,
) -> None:
    """What `pattern.finditer(text)` finds, given every position where a match can start."""
    if len(positions) * _DENSE > len(text):
        _scan(text, pattern, signal, found, limit)
        return
    reached = 0
    left = len(positions) if limit is None else limit
    for position in positions:
        if left <= 0:
            break
        if position < reached:
            continue  # finditer resumes after a match
        match = pattern.match(text, position)
        if match and match.end() > position:
            found.append((position, match.end(), signal))
            reached = match.end()
            left -= 1
