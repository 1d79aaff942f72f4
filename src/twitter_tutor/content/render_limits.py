"""How much Markdown one step may hold before the tutor cannot show it well.

Textual's Markdown widget builds one widget per table cell and lays out every paragraph up
front: measured at 80x24, 250 cells take 0.5 s, 1,000 cells 2 s and 5,000 cells 11 s; 20,000
characters of prose 0.8 s. A table wider than a dozen columns is unreadable at 80 columns
anyway. `check` reports what crosses these lines, and the TUI shows such text as plain text
instead of building widgets for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from markdown_it.token import Token

from twitter_tutor.content.problem_codes import TABLE_TOO_BIG, TABLE_TOO_WIDE, ProblemKind

MAX_TABLE_COLUMNS = 12
MAX_TABLE_CELLS = 300
MAX_STEP_CHARS = 15_000


def table_problems(tokens: Sequence[Token]) -> Iterator[tuple[int, ProblemKind, str]]:
    """(0-based line within the parsed text, kind, message) for each table too big to show."""
    columns = rows = 0
    start = 0
    in_table = False
    for token in tokens:
        if token.type == "table_open":
            in_table, columns, rows = True, 0, 0
            start = token.map[0] if token.map else 0
        elif not in_table:
            continue
        elif token.type == "tr_open":
            rows += 1
        elif token.type == "th_open":
            columns += 1
        elif token.type == "table_close":
            in_table = False
            found = _table_message(columns, rows)
            if found:
                yield start, *found


def _table_message(columns: int, rows: int) -> tuple[ProblemKind, str] | None:
    if columns > MAX_TABLE_COLUMNS:
        return TABLE_TOO_WIDE, (
            f"this table has {columns:,} columns; at most {MAX_TABLE_COLUMNS} can be read in a "
            "terminal: split it, or use a list"
        )
    if columns * rows > MAX_TABLE_CELLS:
        return TABLE_TOO_BIG, (
            f"this table has {columns * rows:,} cells; the tutor shows at most "
            f"{MAX_TABLE_CELLS:,} in one table: split it over several steps"
        )
    return None


def step_length_message(chars: int) -> str | None:
    if chars <= MAX_STEP_CHARS:
        return None
    return (
        f"this step holds {chars:,} characters of text; at most {MAX_STEP_CHARS:,} read well "
        "on one page: split it with '## ' headings"
    )


def too_heavy_to_render(text: str, tokens: Sequence[Token]) -> bool:
    """True when the TUI should show `text` plain instead of as Markdown widgets."""
    return len(text) > MAX_STEP_CHARS or any(True for _ in table_problems(tokens))
