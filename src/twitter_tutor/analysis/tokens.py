"""Words of a tweet for the lexicons: links and @names blanked out, every word folded once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from twitter_tutor.analysis.lexicon import fold

Token = tuple[int, int, str]
"""(start, end, word): the word case-folded, its typographic apostrophe as '."""


@cache
def _word() -> re.Pattern[str]:
    # Apostrophes stay inside words ("I'm", "geht’s"); hyphens separate them.
    return re.compile(r"\w+(?:['’]\w+)*")


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with each span replaced by as many spaces, so indices stay the same."""
    parts: list[str] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        parts.append(text[position:start])
        parts.append(" " * (end - start))
        position = end
    if not parts:
        return text
    parts.append(text[position:])
    return "".join(parts)


def tokenize(text: str) -> tuple[Token, ...]:
    spans = [m.span() for m in _word().finditer(text)]
    lowered = text.lower().replace("’", "'")
    if len(lowered) != len(text):  # a letter lowered into two ("İ"): fold word by word
        return tuple((start, end, fold(text[start:end])) for start, end in spans)
    if "ß" in lowered:
        return tuple((start, end, lowered[start:end].replace("ß", "ss")) for start, end in spans)
    return tuple((start, end, lowered[start:end]) for start, end in spans)
