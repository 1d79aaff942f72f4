"""Learner and lesson text, shown exactly as written.

Textual reads plain strings as markup (`[bold]`, `[/]`, `[link=...]`) and passes control
characters to the terminal, where an ESC would start a real escape sequence. Everything a
learner or trainer wrote goes through here instead: control characters become their visible
Unicode "control pictures" (same length, so analysis spans still line up) and the result is a
`Content`, which is never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content, Span

# C0 controls except newline and tab, DEL, and the C1 range: shown, never sent to the terminal.
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)}
_PICTURES[0x7F] = "\u2421"
_PICTURES.update(dict.fromkeys(range(128, 160), "�"))
_TABLE = str.maketrans(_PICTURES)


def clean(text: str) -> str:
    """`text` with every control character replaced by a visible stand-in of the same length."""
    return text.translate(_TABLE)


def literal(text: str, style: str = "") -> Content:
    """`text` as content that is never read as markup."""
    content = Content(clean(text))
    return content.stylize(style) if style else content


def highlighted(text: str, spans: Iterable[tuple[int, int, str]], style: str = "") -> Content:
    """`text` with each (start, end, style) span styled; spans index the original text."""
    content = literal(text, style)
    length = len(text)
    extra = [
        Span(max(0, start), min(end, length), span_style)
        for start, end, span_style in spans
        if start < end and start < length
    ]
    return content.add_spans(extra) if extra else content


def one_line(text: str, width: int) -> str:
    """The first `width` characters of `text` on one line, for tables and lists."""
    flat = " ".join(clean(text).split())
    return flat if len(flat) <= width else flat[: max(0, width - 1)] + "…"
