"""Reading and writing gettext `.po` files: the part of the format a catalogue needs.

Supported: `msgctxt`, `msgid`, `msgid_plural`, `msgstr` and `msgstr[N]`, strings continued over
several lines, C escapes (\\n \\t \\" \\\\ \\a \\b \\f \\v \\r, octal and \\x), comments and the
`fuzzy` flag. Obsolete entries (`#~`) are skipped. Files are UTF-8; another charset in the
header is refused rather than misread. Anything else is a PoError naming the line, so a slip in
a hand-edited file never turns into a wrong text on screen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple


class PoError(ValueError):
    """A `.po` file that cannot be read; the message names the file's line."""


class Entry(NamedTuple):
    context: str | None
    msgid: str
    msgstr: tuple[str, ...]
    """One text; for a plural entry one per plural form, in order."""
    plural: str | None = None
    """The `msgid_plural`, for entries that depend on a number."""
    fuzzy: bool = False
    """Marked `#, fuzzy`: a translation that needs a look; gettext does not use it."""
    comments: tuple[str, ...] = ()
    """`#.` comments for the translator, without their `#. ` prefix."""
    line: int = 0


_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(?=\")")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}
_ESCAPES |= {"f": "\f", "v": "\v"}
_ESCAPE = re.compile(r'\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))')
_BODY = re.compile(r'(?:[^"\\]|\\.)*')


def _unquote(text: str, line: int) -> str:
    """The value of one `"..."` token (surrounding whitespace allowed)."""
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise PoError(f"line {line}: expected a string in double quotes")
    body = text[1:-1]
    if "\\" not in body:  # the common case: nothing to unescape
        if '"' in body:
            raise PoError(f'line {line}: unescaped " inside a string')
        return body

    def replace(match: re.Match[str]) -> str:
        octal, hexa, char = match.groups()
        if octal:
            return chr(int(octal, 8))
        if hexa:
            return chr(int(hexa, 16))
        if char in _ESCAPES:
            return _ESCAPES[char]
        raise PoError(f"line {line}: unknown escape \\{char}")

    # Every quote and backslash inside must be escaped: a bare one means a slip in the file.
    if not _BODY.fullmatch(body):
        raise PoError(f'line {line}: unescaped " or lone \\ inside a string')
    return _ESCAPE.sub(replace, body)


class _Draft:
    """The entry being read: its fields in the order they came."""

    def __init__(self, line: int, fuzzy: bool, comments: tuple[str, ...]) -> None:
        self.line = line
        self.fuzzy = fuzzy
        self.comments = comments
        self.fields: dict[tuple[str, int | None], list[str]] = {}
        self.last: tuple[str, int | None] | None = None

    def add(self, keyword: str, index: int | None, value: str, line: int) -> None:
        field = (keyword, index)
        if field in self.fields:
            raise PoError(f"line {line}: {keyword} given twice in one entry")
        self.fields[field] = [value]
        self.last = field

    def entry(self) -> Entry:
        def text(keyword: str, index: int | None = None) -> str | None:
            parts = self.fields.get((keyword, index))
            return None if parts is None else "".join(parts)

        msgid = text("msgid")
        if msgid is None:
            raise PoError(f"line {self.line}: an entry without msgid")
        plural = text("msgid_plural")
        indexes = sorted(i for key, i in self.fields if key == "msgstr" and i is not None)
        single = ("msgstr", None) in self.fields
        if plural is None:
            if not single or indexes:
                raise PoError(f"line {self.line}: msgid needs one msgstr (no [N] without plural)")
            forms: tuple[str, ...] = (text("msgstr") or "",)
        else:
            if single or not indexes or indexes != list(range(len(indexes))):
                raise PoError(f"line {self.line}: msgid_plural needs msgstr[0], msgstr[1], ...")
            forms = tuple(text("msgstr", i) or "" for i in indexes)
        return Entry(text("msgctxt"), msgid, forms, plural, self.fuzzy, self.comments, self.line)


def parse(source: str) -> list[Entry]:
    """Every entry of a `.po` file's text, the header (msgid "") included, in file order."""
    entries: list[Entry] = []
    draft: _Draft | None = None
    fuzzy = False
    comments: list[str] = []
    # Only "\n" ends a line: splitlines() would also cut at U+0085 or U+2028 inside a string.
    for number, raw in enumerate(source.split("\n"), start=1):
        line = raw.strip(" \t\r")
        if not line or line.startswith("#"):
            # Comments and blank lines never end an entry (the next msgctxt/msgid does); a
            # `#, fuzzy` flag belongs to the entry that starts next.
            if line.startswith("#,"):
                fuzzy = fuzzy or "fuzzy" in (flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#."):
                comments.append(line[3:] if line.startswith("#. ") else line[2:])
            continue
        if line.startswith('"'):
            if draft is None or draft.last is None:
                raise PoError(f"line {number}: a string continues nothing")
            draft.fields[draft.last].append(_unquote(line, number))
            continue
        match = _KEYWORD.match(line)
        if match is None:
            raise PoError(f"line {number}: expected msgctxt, msgid, msgstr or a comment")
        keyword, index_text, value = match[1], match[2], _unquote(line[match.end() :], number)
        index = None if index_text is None else int(index_text)
        if index is not None and keyword != "msgstr":
            raise PoError(f"line {number}: only msgstr takes an [N]")
        # A msgctxt begins the next entry, and so does a msgid when this one has its msgid;
        # an entry left without msgstr is then reported at its own line.
        if keyword == "msgctxt" or (
            keyword == "msgid" and (draft is None or ("msgid", None) in draft.fields)
        ):
            if draft is not None:
                entries.append(draft.entry())
            draft = _Draft(number, fuzzy, tuple(comments))
            fuzzy, comments = False, []
        elif draft is None:
            raise PoError(f"line {number}: {keyword} before msgid")
        draft.add(keyword, index, value, number)
    if draft is not None:
        entries.append(draft.entry())
    return entries


def header_fields(entries: Sequence[Entry]) -> dict[str, str]:
    """The header entry's `Name: value` lines (`Plural-Forms`, `Content-Type`, ...)."""
    header = next((e for e in entries if e.msgid == "" and e.context is None), None)
    if header is None:
        return {}
    fields: dict[str, str] = {}
    for line in header.msgstr[0].splitlines():
        name, colon, value = line.partition(":")
        if colon:
            fields[name.strip()] = value.strip()
    charset = re.search(r"charset=([\w-]+)", fields.get("Content-Type", ""))
    if charset is not None and charset[1].lower().replace("-", "") != "utf8":
        raise PoError(f"the header says charset={charset[1]}; catalogues must be UTF-8")
    return fields


# -- writing ----------------------------------------------------------------------------------

_WIDTH = 76


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    return f'"{escaped}"'


def _pieces(text: str) -> list[str]:
    """`text` cut after each newline and at spaces, so each quoted line stays short."""
    pieces: list[str] = []
    for part in re.findall(r"[^\n]*\n|[^\n]+", text):
        while len(part) > _WIDTH and " " in part[: _WIDTH - 1]:
            cut = part.rindex(" ", 0, _WIDTH - 1) + 1
            pieces.append(part[:cut])
            part = part[cut:]
        pieces.append(part)
    return pieces


def _field(keyword: str, text: str) -> list[str]:
    pieces = _pieces(text)
    if len(pieces) <= 1 and len(keyword) + len(_quote(text)) < _WIDTH + 4:
        return [f"{keyword} {_quote(text)}"]
    return [f'{keyword} ""', *(_quote(piece) for piece in pieces)]


def dump(entries: Iterable[Entry]) -> str:
    """The text of a `.po` file holding `entries`; `parse` reads it back to the same entries."""
    blocks: list[str] = []
    for entry in entries:
        lines = [f"#. {comment}" if comment else "#." for comment in entry.comments]
        if entry.fuzzy:
            lines.append("#, fuzzy")
        if entry.context is not None:
            lines += _field("msgctxt", entry.context)
        lines += _field("msgid", entry.msgid)
        if entry.plural is None:
            lines += _field("msgstr", entry.msgstr[0])
        else:
            lines += _field("msgid_plural", entry.plural)
            for index, form in enumerate(entry.msgstr):
                lines += _field(f"msgstr[{index}]", form)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
