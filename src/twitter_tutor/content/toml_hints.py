"""TOML mistakes a trainer makes in an editor, explained in their words with the fix.

A TOML parser says "Invalid value" for `title = “Demo”` and "Cannot declare ('checks',) twice"
for `[checks]`; these helpers look at the line in question and say what is meant instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from twitter_tutor.content.problem_codes import TOML_SYNTAX, TYPOGRAPHIC_QUOTES, ProblemKind

CURLY_QUOTES = "“”„‟‘’‚‛«»‹›"
# The lists of entries an exercise can hold: each entry needs `[[name]]`.
LIST_TABLES = ("choices", "items", "checks", "examples")
_SINGLE_BRACKET = re.compile(
    r"^(?P<lead>[ \t]*)\[(?P<name>[ \t]*(?:" + "|".join(LIST_TABLES) + r")[ \t]*)\]"
    r"(?P<rest>[ \t]*(?:#.*)?)$",
    re.MULTILINE,
)
_YAML_KEY = re.compile(r"[ \t]*[A-Za-z0-9_-]+[ \t]*:(?:[ \t]|$)")


@dataclass(frozen=True)
class SyntaxHint:
    kind: ProblemKind
    detail: str
    column: int | None


def explain(text: str, lineno: int, column: int | None, message: str) -> SyntaxHint:
    """What a TOML parser's `message` at `lineno` (1-based, in `text`) means for a trainer."""
    lines = text.split("\n")
    line = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
    quote = _curly_quote_at(line)
    if quote >= 0:
        return SyntaxHint(
            TYPOGRAPHIC_QUOTES,
            f"a typographic quote ({line[quote]}) around a value; TOML needs straight "
            'quotes, like title = "My lesson" (typographic quotes are fine inside them)',
            quote + 1,
        )
    if message.startswith("Expected '='") and _YAML_KEY.match(line):
        return SyntaxHint(
            TOML_SYNTAX,
            f'{message}: "key: value" is YAML; TOML writes key = value, like title = "My lesson"',
            column,
        )
    if message == "Illegal character '\\n'":
        return SyntaxHint(
            TOML_SYNTAX,
            f"{message}: a text's closing quote is missing on this line; close it, or write "
            'a text of several lines between """ and """',
            column,
        )
    return SyntaxHint(TOML_SYNTAX, message, column)


def _curly_quote_at(line: str) -> int:
    """Index of a typographic quote used where a TOML value starts (after `=`, `[` or `,`,
    outside straight-quoted text), or -1. Inside straight quotes they are fine."""
    quote: str | None = None
    previous = ""
    for index, char in enumerate(line):
        if quote is not None:
            if char == quote:
                quote = None
            continue
        if char in "\"'":
            quote = char
        elif char == "#":
            return -1
        elif char in CURLY_QUOTES and previous in ("=", "[", ",", "{"):
            return index
        if not char.isspace():
            previous = char
    return -1


def single_bracket_lists(text: str) -> list[tuple[int, int, str]]:
    """(1-based line, 1-based column, name) of each `[checks]`-style header in `text` that
    should be `[[checks]]`."""
    found: list[tuple[int, int, str]] = []
    line, counted = 1, 0
    for match in _SINGLE_BRACKET.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        found.append((line, len(match.group("lead")) + 1, match.group("name").strip()))
    return found


def with_double_brackets(text: str) -> str:
    """`text` with `[checks]`-style headers written as `[[checks]]` (line count unchanged)."""
    return _SINGLE_BRACKET.sub(r"\g<lead>[[\g<name>]]\g<rest>", text)
