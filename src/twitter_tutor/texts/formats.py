"""Numbers and dates the way readers of a language write them; the patterns are catalogue texts
(`format.*`), so a new language brings its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from twitter_tutor.texts.catalog import t

if TYPE_CHECKING:  # the CLI's start-up need not load datetime for a type
    from datetime import datetime, tzinfo


def format_date(lang: str, moment: datetime, tz: tzinfo | None = None) -> str:
    """A date and time as learners of `lang` write it, in `tz` (default: the machine's zone)."""
    return moment.astimezone(tz).strftime(t(lang, "format.date_time"))


def format_count(lang: str, count: int) -> str:
    """Follower counts the way Twitter shows them: 980, 1,234, 12.3K / 1.234, 12,3 Tsd."""
    if count < 10_000:
        return f"{count:,}".replace(",", t(lang, "format.thousands_separator"))
    if count < 1_000_000:
        value, pattern = count / 1000, "format.thousands"
    else:
        value, pattern = count / 1_000_000, "format.millions"
    number = f"{value:.1f}".removesuffix(".0").replace(".", t(lang, "format.decimal_point"))
    return t(lang, pattern, value=number)
