"""Small helpers shared by the commands: JSON on stdout, messages on stderr."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

PROG = "twitter-tutor"

# C0 and C1 controls, DEL, and the bidi overrides that reorder what a terminal shows.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def escape(text: str) -> str:
    """`text` safe to print on one line: control characters as visible escapes (\\e, \\n,
    \\x07, \\u202e), so a file name or title can neither drive the terminal nor break a
    `PATH:LINE: message` line."""
    return _CONTROL.sub(lambda m: _NAMED.get(m.group(), _code(m.group())), text)


def _code(char: str) -> str:
    point = ord(char)
    return f"\\x{point:02x}" if point <= 0xFF else f"\\u{point:04x}"


def print_json(data: Any) -> None:
    # ensure_ascii keeps lone surrogates (from invalid UTF-8 input) representable as valid JSON.
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def warn(message: str) -> None:
    print(f"{PROG}: {escape(message)}", file=sys.stderr)


def read_stdin_text() -> str:
    """Standard input as text; invalid UTF-8 is kept as surrogate escapes, never a crash."""
    data = sys.stdin.buffer.read() if sys.stdin is not None else b""
    return data.decode("utf-8", errors="surrogateescape")
