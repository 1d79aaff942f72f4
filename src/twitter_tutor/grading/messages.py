"""Feedback texts in the lesson's language. Specific and kind: quote what was found, say what to do.

The texts are the catalogue's `grading.*` entries (`twitter_tutor.texts`, one `.po` file per
language); templates use str.format fields; `quoted` is a comma-separated list of quoted
findings; a whole-number `count` picks the plural form ("1 hashtag", "2 hashtags").
"""

from __future__ import annotations

from twitter_tutor.texts import SOURCE, is_installed, t, tn


def message(lang: str, key: str, **values: object) -> str:
    """The feedback text `grading.<key>` in `lang`; English for a lesson language the
    interface has no catalogue for (lesson languages and interface languages are separate)."""
    lang = lang if is_installed(lang) else SOURCE
    count = values.pop("count", None)
    if isinstance(count, int) and not isinstance(count, bool):
        return tn(lang, f"grading.{key}", count, **values)
    if count is not None:
        values["count"] = count
    return t(lang, f"grading.{key}", **values)


def quote_all(texts: list[str], lang: str, limit: int = 3) -> str:
    """'"a", "b", "c"' with at most `limit` distinct items, in order of appearance, in the
    quotation marks of `lang` (German: „a“)."""
    unique = list(dict.fromkeys(t.strip() for t in texts if t.strip()))
    shown = ", ".join(message(lang, "quote", text=t) for t in unique[:limit])
    return message(lang, "quote_more", quoted=shown) if len(unique) > limit else shown
