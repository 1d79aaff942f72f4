"""What is wrong with a language's catalogue, compared with English: for translators and tests.

`python -m twitter_tutor.texts.audit [LANG ...]` prints one line per problem and exits 1 when
there is any: a key missing or unknown, placeholders that differ from the English text's, a
`msgid` that no longer matches the English text (the English changed since the translation),
an untranslated or fuzzy entry, or a plural entry in the wrong shape.
"""

from __future__ import annotations

import string
import sys
from pathlib import Path

from twitter_tutor.texts import catalog, pofile
from twitter_tutor.texts.languages import SOURCE, codes


def placeholders(text: str) -> set[str]:
    """The `str.format` field names in `text` (`{name}`, `{name!r}`, `{name:>3}` -> name)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _entries(lang: str) -> dict[str, pofile.Entry]:
    path: Path = catalog.FOLDER / f"{lang}.po"
    entries = pofile.parse(path.read_text("utf-8"))
    return {e.context: e for e in entries if e.context is not None}


def problems(lang: str) -> list[str]:
    """Every problem of `lang`'s catalogue, one line each; [] for a complete, fitting one."""
    try:
        english = _entries(SOURCE)
        own = english if lang == SOURCE else _entries(lang)
        catalog.read_catalogue(catalog.FOLDER / f"{lang}.po", lang)  # duplicates, charset
    except (OSError, UnicodeError, pofile.PoError) as error:
        return [f"{lang}: {error}"]
    found = [f"{lang}: unknown key {key!r}" for key in sorted(set(own) - set(english))]
    for key, source in english.items():
        entry = own.get(key)
        if entry is None:
            found.append(f"{lang}: missing {key!r}")
            continue
        found += _compare(lang, key, source, entry)
    return found


def _compare(lang: str, key: str, source: pofile.Entry, entry: pofile.Entry) -> list[str]:
    where = f"{lang}: {key!r}"
    if entry.msgid != source.msgid or entry.plural != source.plural:
        return [f"{where}: msgid differs from English (was the English text changed?)"]
    if lang == SOURCE:
        texts = [t for t in (entry.msgid, entry.plural) if t is not None]
    elif entry.fuzzy or not all(entry.msgstr):
        return [f"{where}: not translated yet" + (" (fuzzy)" if entry.fuzzy else "")]
    else:
        texts = list(entry.msgstr)
    wanted = placeholders(source.msgid) | placeholders(source.plural or "")
    # A plural form may leave out {count} ("one problem"); nothing else may differ.
    optional = {"count"} & wanted if source.plural is not None else set()
    return [
        f"{where}: placeholders {sorted(placeholders(text))} instead of {sorted(wanted)}"
        for text in texts
        if placeholders(text) | optional != wanted
    ]


def main(langs: list[str]) -> int:
    found = [line for lang in langs or codes() for line in problems(lang)]
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
