"""Characters a trainer cannot see in an editor (a tab, a no-break space, a zero-width space),
shown as escapes so a message like "unknown rule 'not_promotional\\t'" says what is wrong."""

from __future__ import annotations

import re
import unicodedata

_NAMED = {
    "\t": ("\\t", "a tab"),
    "\n": ("\\n", "a line break"),
    "\r": ("\\r", "a carriage return"),
    "\u00a0": ("\\u00a0", "a no-break space"),
    "\u00ad": ("\\u00ad", "a soft hyphen"),
    "\u200b": ("\\u200b", "a zero-width space"),
    "\u200c": ("\\u200c", "a zero-width non-joiner"),
    "\u200d": ("\\u200d", "a zero-width joiner"),
    "\u2060": ("\\u2060", "a word joiner"),
    "\ufeff": ("\\ufeff", "a byte-order mark"),
}
# Controls, format characters (zero-width, bidi marks) and the odd spaces; emoji sequences use
# U+200D and variation selectors legitimately, so texts are not searched, only short values.
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00a0\u00ad\u034f\u061c\u115f\u1160\u1680\u180e"
    "\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f\u3000\u3164\ufeff\uffa0]"
)


def find(text: str) -> int:
    """Index of the first invisible character in `text`, or -1."""
    found = _INVISIBLE.search(text)
    return found.start() if found else -1


def visible(text: str) -> str:
    """`text` with every invisible character written as an escape (`\\t`, `\\u200b`)."""
    return _INVISIBLE.sub(lambda m: _escape(m.group()), text)


def describe(text: str) -> str:
    """'a tab, shown as \\t' for the first invisible character of `text` ('' when none)."""
    at = find(text)
    if at < 0:
        return ""
    char = text[at]
    escape, name = _NAMED.get(char, (_escape(char), _name(char)))
    return f"{name}, shown as {escape}"


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char][0]
    point = ord(char)
    return f"\\x{point:02x}" if point < 0xA0 else f"\\u{point:04x}"


def _name(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"an invisible character ({name.lower()})" if name else "an invisible control character"
