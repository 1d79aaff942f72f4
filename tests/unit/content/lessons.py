"""Builders for lesson files used by the content tests."""

from __future__ import annotations

FRONT = """+++
id = "{id}"
title = "A lesson"
lang = "{lang}"
order = {order}
summary = "What it teaches."
{extra}+++
"""

CHOICE = """```exercise
id = "{id}"
type = "choice"
question = "Which one?"

[[choices]]
text = "Right"
correct = true
why = "Because."

[[choices]]
text = "Wrong"
correct = false
```
"""


def lesson(
    body: str = "Intro.\n\n## Step\n\nText.\n",
    *,
    id: str = "demo",
    lang: str = "en",
    order: int = 1,
    extra: str = "",
) -> str:
    return FRONT.format(id=id, lang=lang, order=order, extra=extra) + body


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing `needle`."""
    hits = [n for n, line in enumerate(text.split("\n"), start=1) if needle in line]
    return hits[occurrence - 1]
