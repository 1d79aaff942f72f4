"""The interface's words for a front end: the catalogue's lookups, plus what a footer needs.

The texts themselves live in `twitter_tutor.texts` (one `.po` file per language); this module
keeps the names the screens and widgets use.
"""

from __future__ import annotations

from twitter_tutor.texts import SOURCE, catalogue, format_count, format_date, t, tn
from twitter_tutor.texts.languages import native_name, next_language

__all__ = [
    "binding_description",
    "format_count",
    "format_date",
    "key_name",
    "lang_name",
    "t",
    "tn",
]

# Textual's own binding descriptions, so they follow the learner's language too.
_TEXTUAL_DESCRIPTIONS = {"Quit": "key.quit", "palette": "key.palette"}


def binding_description(lang: str, description: str) -> str:
    """A footer description: our keys are catalogue keys, Textual's are English words."""
    key = _TEXTUAL_DESCRIPTIONS.get(description, description)
    if key not in catalogue(SOURCE).texts:  # the source catalogue holds every key
        return description
    if key == "key.language":  # the key's label names the language it switches to
        return t(lang, key, language=native_name(next_language(lang)))
    return t(lang, key)


def key_name(lang: str, shown: str) -> str:
    """A key as Textual shows it ("space", "^s", "shift+tab") with its named parts in `lang`
    ("Leertaste"); symbols and letters stay as they are."""

    def name(part: str) -> str:
        ctrl, bare = ("^", part[1:]) if part.startswith("^") and len(part) > 1 else ("", part)
        key = f"keyname.{bare}"
        return ctrl + (t(lang, key) if key in catalogue(SOURCE).texts else bare)

    return "+".join(name(part) for part in shown.split("+")) if shown != "+" else shown


def lang_name(ui_lang: str, lang: str) -> str:
    """The name of lesson language `lang` in the interface language `ui_lang`."""
    return t(ui_lang, f"lang.{lang}")
