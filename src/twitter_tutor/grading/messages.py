"""Feedback texts in the lesson's language. Specific and kind: quote what was found, say what to do.

The texts are the catalogue's `grading.*` entries (`twitter_tutor.texts`, one `.po` file per
language); templates use str.format fields; `quoted` is a comma-separated list of quoted
findings.
"""

from __future__ import annotations

from twitter_tutor.texts import SOURCE, is_installed, t


def message(lang: str, key: str, **values: object) -> str:
    """The feedback text `grading.<key>` in `lang`; English for a lesson language the
    interface has no catalogue for (lesson languages and interface languages are separate)."""
    return t(lang if is_installed(lang) else SOURCE, f"grading.{key}", **values)


def quote_all(texts: list[str], limit: int = 3) -> str:
    """'"a", "b", "c"' with at most `limit` distinct items, in order of appearance."""
    unique = list(dict.fromkeys(t.strip() for t in texts if t.strip()))
    shown = ", ".join(f'"{t}"' for t in unique[:limit])
    return shown + (", ..." if len(unique) > limit else "")
