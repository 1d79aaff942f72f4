"""How times are stored: ISO 8601 in UTC with an explicit offset.

A fixed format (always with microseconds) keeps the text sortable and unambiguous for export.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        # A naive time would be read back as some other zone's; refuse instead of guessing.
        raise ValueError("progress times must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)
