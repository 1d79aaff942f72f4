"""The languages the interface speaks: the one list every part reads.

Adding a language is a catalogue `catalogues/<code>.po` plus one line here. The order is the
order the language key cycles through.
"""

from __future__ import annotations

from twitter_tutor.types import Lang

LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en", "English"),
    ("de", "Deutsch"),
)
"""(code, the language's name in itself), for every installed catalogue."""

SOURCE: Lang = Lang("en")
"""The language the catalogue keys' texts are written in (the `msgid`s): every other language
falls back to it, and `catalogues/en.po` needs no `msgstr`."""


def codes() -> tuple[Lang, ...]:
    return tuple(Lang(code) for code, _ in LANGUAGES)


def is_installed(code: str) -> bool:
    return any(code == known for known, _ in LANGUAGES)


def as_lang(code: str) -> Lang:
    """`code` as a Lang; ValueError when no catalogue is installed for it."""
    if not is_installed(code):
        raise ValueError(f"no interface language {code!r} (have: {', '.join(codes())})")
    return Lang(code)


def native_name(code: str) -> str:
    """The language's name in itself ("Deutsch"); the code for an unknown one."""
    return next((name for known, name in LANGUAGES if known == code), code)


def next_language(lang: str) -> Lang:
    """The language after `lang` in the list, the first after the last (the toggle's order)."""
    order = codes()
    if lang not in order:
        return order[0]
    return order[(order.index(Lang(lang)) + 1) % len(order)]


def from_locale(value: str) -> Lang | None:
    """The installed language a locale name like `de_AT.UTF-8` or `pt-BR` asks for, if any."""
    code = value.replace("-", "_").split("_", 1)[0].split(".", 1)[0].lower()
    return Lang(code) if code and is_installed(code) else None
