"""Every text a person reads, looked up by a stable key in the reader's language.

The texts live in `catalogues/<lang>.po` (gettext: `msgctxt` is the key, `msgid` the English
text, `msgstr` the translation), read on first use of a language and kept. Placeholders are
`str.format` fields (`{name}`).

Parsing a `.po` file takes a few milliseconds, too long for the tutor's start, so each ships
with its compiled form beside it, `catalogues/<lang>.json`: the same texts as JSON, with the
`.po` file's size and checksum. It is used only while it matches the `.po` file, which stays
the one source (edit it, then run `python -m twitter_tutor.texts.compile_catalogues`; a
test fails while a compiled catalogue is out of date, and until then the `.po` is parsed).

A missing text or a translation whose placeholders do not fit falls back to English, then to
the key, so a learner never sees a crash for a slip in a catalogue. With the environment
variable TWITTER_TUTOR_STRICT_TEXTS=1 (the test suite sets it) the same slip raises instead.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from twitter_tutor.texts.languages import SOURCE, is_installed

FOLDER = Path(__file__).parent / "catalogues"
"""Where `<lang>.po` files are read from."""

STRICT_ENV = "TWITTER_TUTOR_STRICT_TEXTS"


class MissingText(KeyError):
    """A key with no text in a language (raised only in strict mode)."""


class TextFormatError(ValueError):
    """A text whose placeholders do not fit the values given (raised only in strict mode)."""


Text = str | tuple[str, ...]
"""One text, or one per plural form."""


class Catalogue(NamedTuple):
    texts: dict[str, Text]
    plural: Callable[[int], int]
    """The plural form's index for a number (the header's `Plural-Forms`)."""


def strict() -> bool:
    return os.environ.get(STRICT_ENV, "") == "1"


def _germanic(count: int) -> int:
    return 0 if count == 1 else 1


def _plural_rule(forms: str) -> Callable[[int], int]:
    """The function of a header's `Plural-Forms` (`nplurals=2; plural=(n != 1);`)."""
    if "plural=" not in forms:
        return _germanic
    expression = forms.split("plural=", 1)[1].strip().rstrip(";").replace(" ", "")
    if expression in ("n!=1", "(n!=1)"):
        return _germanic  # English, German and many more; no need to load gettext
    # gettext's own translator from the C expression of `Plural-Forms` to a function; it
    # accepts only that small expression language, so a catalogue cannot run code.
    import gettext

    return gettext.c2py(expression)


def read_catalogue(path: Path, lang: str) -> Catalogue:
    """The texts of one `.po` file. An empty or fuzzy `msgstr` is untranslated: left out, so
    the English text shows; in the source language the `msgid` is the text."""
    texts, plural_forms = _parse_catalogue(path, lang)
    return Catalogue(texts, _plural_rule(plural_forms))


def _parse_catalogue(path: Path, lang: str) -> tuple[dict[str, Text], str]:
    """The texts of a `.po` file, and its header's `Plural-Forms`."""
    from twitter_tutor.texts import pofile  # only here: the compiled form needs no parser

    try:
        entries = pofile.parse(path.read_text("utf-8"))
        header = pofile.header_fields(entries)
    except pofile.PoError as error:
        raise pofile.PoError(f"{path}: {error}") from None
    texts: dict[str, Text] = {}
    for entry in entries:
        if entry.context is None:
            if entry.msgid:
                raise pofile.PoError(f"{path}: line {entry.line}: an entry needs a msgctxt key")
            continue  # the header
        if entry.context in texts:
            raise pofile.PoError(f"{path}: line {entry.line}: key {entry.context!r} twice")
        source = (entry.msgid,) if entry.plural is None else (entry.msgid, entry.plural)
        if lang == SOURCE:
            forms = source if not any(entry.msgstr) else entry.msgstr
        elif entry.fuzzy or not all(entry.msgstr):
            continue
        else:
            forms = entry.msgstr
        texts[entry.context] = forms[0] if entry.plural is None else forms
    return texts, header.get("Plural-Forms", "")


# -- the compiled form ----------------------------------------------------------------------

COMPILED_FORMAT = 1


def compiled_path(po: Path) -> Path:
    """Where the compiled form of a `.po` file is kept: beside it, as `<lang>.json`."""
    return po.with_suffix(".json")


def _checksum(data: bytes) -> str:
    # Finds an edit, nothing more (no adversary here); zlib is loaded anyway, hashlib is not.
    return f"{len(data)}:{zlib.crc32(data):08x}"


def compile_catalogue(path: Path, lang: str) -> dict[str, object]:
    """The compiled form of a `.po` file, as `compiled_path` keeps it (JSON)."""
    texts, plural_forms = _parse_catalogue(path, lang)
    return {
        "format": COMPILED_FORMAT,
        "lang": lang,
        "po": _checksum(path.read_bytes()),
        "plural_forms": plural_forms,
        "texts": {key: texts[key] for key in sorted(texts)},
    }


def compiled_text(path: Path, lang: str) -> str:
    """What `compiled_path(path)` holds when it is current (one text a line, for diffs)."""
    import json

    return json.dumps(compile_catalogue(path, lang), ensure_ascii=False, indent=1) + "\n"


def _read_compiled(path: Path, lang: str) -> Catalogue | None:
    """The catalogue from the compiled form of `path` while it matches the `.po` file; None
    when there is none, or it is stale or unreadable (then the `.po` file is parsed)."""
    import json

    try:
        data = json.loads(compiled_path(path).read_bytes())
        if (
            data["format"] != COMPILED_FORMAT
            or data["lang"] != lang
            or data["po"] != _checksum(path.read_bytes())
        ):
            return None
        plural_forms = str(data["plural_forms"])
        texts: dict[str, Text] = {
            key: text if isinstance(text, str) else tuple(text)
            for key, text in data["texts"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return Catalogue(texts, _plural_rule(plural_forms))


_loaded: dict[str, Catalogue] = {}


def catalogue(lang: str) -> Catalogue:
    """The catalogue of `lang`, read on first use. An unknown language, or a file that cannot
    be read, is an empty catalogue (so English shows) unless strict."""
    found = _loaded.get(lang)
    if found is None:
        try:
            if not is_installed(lang):
                raise MissingText(f"no interface language {lang!r}")
            path = FOLDER / f"{lang}.po"
            found = _read_compiled(path, lang) or read_catalogue(path, lang)
        except (OSError, ValueError, MissingText):  # ValueError: a PoError, bad UTF-8...
            if strict():
                raise
            found = Catalogue({}, _germanic)
        _loaded[lang] = found
    return found


def forget() -> None:
    """Read the catalogue files again on next use (tests, and a translator's tool)."""
    _loaded.clear()


def _entry(lang: str, key: str) -> tuple[Catalogue, Text]:
    """The catalogue that has `key` (the language's own, else English) and its text."""
    own = catalogue(lang)
    text = own.texts.get(key)
    if text is not None:
        return own, text
    if strict():
        raise MissingText(f"no text for {key!r} in {lang!r}")
    english = catalogue(SOURCE)
    text = english.texts.get(key)
    return (english, text) if text is not None else (english, key)


def _format(lang: str, key: str, text: str, values: dict[str, object]) -> str:
    said = {name: said_in(lang, value) for name, value in values.items()}
    try:
        return text.format(**said)
    except (KeyError, IndexError, ValueError, AttributeError) as error:
        if strict() or lang == SOURCE:
            raise TextFormatError(f"{key!r} in {lang!r}: {error!r} with {sorted(said)}") from None
        english = _entry(SOURCE, key)[1]
        return _format(SOURCE, key, english if isinstance(english, str) else english[-1], values)


def t(lang: str, key: str, **values: object) -> str:
    """The text `key` in `lang` with `values` filled in; values that are Messages (or
    exceptions raised with one) are said in `lang` too."""
    text = _entry(lang, key)[1]
    if isinstance(text, tuple):  # a plural entry asked for without a number: the "other" form
        text = text[-1]
    return _format(lang, key, text, values) if values else text


def tn(lang: str, key: str, count: int, **values: object) -> str:
    """The plural entry `key` in the form `lang` uses for `count`; `{count}` is filled in."""
    found, forms = _entry(lang, key)
    if isinstance(forms, str):
        return _format(lang, key, forms, {"count": count, **values})
    index = found.plural(count)
    return _format(lang, key, forms[min(index, len(forms) - 1)], {"count": count, **values})


class Message(str):
    """A catalogue text that can be said again in another language.

    Its value is the English text, so code, logs and tests that treat it as a string keep
    working; the key and values travel along, and `say` or any `t(...)` given it as a value
    renders it in the reader's language. Lower layers (the store, the settings) raise and
    return these; the front ends translate them at the edge.
    """

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, /, **values: object) -> Message:
        self = super().__new__(cls, t(SOURCE, key, **values))
        self.key = key
        self.values = values
        return self

    def __reduce__(self) -> tuple[Callable[..., Message], tuple[str, dict[str, object]]]:
        return _rebuild, (self.key, self.values)

    def said(self, lang: str) -> str:
        return t(lang, self.key, **self.values)


def _rebuild(key: str, values: dict[str, object]) -> Message:
    return Message(key, **values)


def say(lang: str, text: str) -> str:
    """`text` in `lang` when it is a Message; any other string as it is."""
    return text.said(lang) if isinstance(text, Message) else text


def said_in(lang: str, value: object) -> object:
    """A value for a placeholder: a Message, or an exception raised with one, said in `lang`."""
    if isinstance(value, Message):
        return value.said(lang)
    if isinstance(value, BaseException) and value.args and isinstance(value.args[0], Message):
        return value.args[0].said(lang)
    return value

