"""Small helpers shared by the commands: JSON on stdout, messages on stderr."""

from __future__ import annotations

import json
import sys
from typing import Any


def print_json(data: Any) -> None:
    # ensure_ascii keeps lone surrogates (from invalid UTF-8 input) representable as valid JSON.
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def warn(message: str) -> None:
    print(f"twitter-tutor: {message}", file=sys.stderr)


def read_stdin_text() -> str:
    """Standard input as text; invalid UTF-8 is kept as surrogate escapes, never a crash."""
    data = sys.stdin.buffer.read() if sys.stdin is not None else b""
    return data.decode("utf-8", errors="surrogateescape")
