"""The `.po` reader: the gettext syntax translators' tools write, and clear errors for slips."""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twitter_tutor.texts import SOURCE, catalog, codes
from twitter_tutor.texts.pofile import Entry, PoError, dump, header_fields, parse

SAMPLE = r'''# A translator's comment
#. Where the text shows
#: src/twitter_tutor/tui/app.py:78
msgid ""
msgstr ""
"Language: de\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgctxt "help.keys"
msgid ""
"Tab: next field\n"
"Enter: open"
msgstr ""
"Tab: nächstes Feld\n"
"Enter: öffnen"

msgctxt "quotes"
msgid "Say \"hi\" \\ back\tnow"
msgstr "Sag \"hallo\" \\ zurück\tjetzt"

#, fuzzy, python-format
msgctxt "unsure"
msgid "Maybe"
msgstr "Vielleicht"

#~ msgctxt "old"
#~ msgid "Gone"
#~ msgstr "Weg"

msgctxt "cli.problems"
msgid "{count} problem"
msgid_plural "{count} problems"
msgstr[0] "{count} Problem"
msgstr[1] "{count} Probleme"
'''


def test_a_catalogue_with_every_kind_of_entry() -> None:
    header, keys, quotes, unsure, plural = parse(SAMPLE)
    assert header.context is None and header.msgid == ""
    assert header_fields([header])["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert header.comments == ("Where the text shows",)
    assert keys.context == "help.keys"
    assert keys.msgid == "Tab: next field\nEnter: open"
    assert keys.msgstr == ("Tab: nächstes Feld\nEnter: öffnen",)
    assert keys.line == 10
    assert quotes.msgid == 'Say "hi" \\ back\tnow'
    assert quotes.msgstr == ('Sag "hallo" \\ zurück\tjetzt',)
    assert unsure.fuzzy and not keys.fuzzy
    assert plural.plural == "{count} problems"
    assert plural.msgstr == ("{count} Problem", "{count} Probleme")


def test_c_escapes_octal_and_hex() -> None:
    (entry,) = parse(r'msgid "a\101\x42\a\b\f\v\r"' + '\nmsgstr ""\n')
    assert entry.msgid == "aAB\a\b\f\v\r"


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ('msgid "a"\nmsgstr "b"\nmsgtxt "c"\n', 3, "expected msgctxt, msgid, msgstr"),
        ('msgid "a"\nmsgstr "b "c""\n', 2, 'unescaped "'),
        ('msgid "a\\"\nmsgstr ""\n', 1, "lone \\"),
        ('msgid a\nmsgstr ""\n', 1, "expected msgctxt, msgid, msgstr"),
        ('msgid "a"\n"b\nmsgstr ""\n', 2, "expected a string in double quotes"),
        ('msgid "a\\q"\nmsgstr ""\n', 1, "unknown escape"),
        ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', 3, "msgstr given twice"),
        ('"loose"\nmsgid "a"\nmsgstr ""\n', 1, "continues nothing"),
        ('msgstr "b"\n', 1, "msgstr before msgid"),
        ('msgid "a"\nmsgstr[0] "b"\n', 1, "no [N] without plural"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr[1] "b"\n', 1, "msgstr[0], msgstr[1]"),
        ('msgid "a"\n\nmsgctxt "k"\nmsgid "b"\nmsgstr ""\n', 1, "needs one msgstr"),
        ('msgid[0] "a"\nmsgstr ""\n', 1, "only msgstr takes an [N]"),
    ],
)
def test_a_slip_in_the_file_names_its_line(text: str, line: int, problem: str) -> None:
    with pytest.raises(PoError, match=rf"line {line}: .*{re.escape(problem)}"):
        parse(text)


def test_a_catalogue_in_another_charset_is_refused() -> None:
    header = parse('msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n')
    with pytest.raises(PoError, match="charset=ISO-8859-1"):
        header_fields(header)


_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)
_KEY = st.from_regex(r"[a-z]{1,8}(\.[a-z_]{1,8}){1,2}", fullmatch=True)


@given(
    st.lists(
        st.builds(
            Entry,
            context=_KEY,
            msgid=_TEXT.filter(bool),
            msgstr=st.one_of(st.tuples(_TEXT), st.tuples(_TEXT, _TEXT)),
            fuzzy=st.booleans(),
            # A comment is a line of its own words: no edge spaces, no line breaks.
            comments=st.lists(st.text("ab{}.-", max_size=20), max_size=2).map(tuple),
            plural=st.none(),
            line=st.just(0),
        ).map(lambda e: e._replace(plural=e.msgid + "s" if len(e.msgstr) == 2 else None)),
        max_size=5,
    )
)
def test_whatever_is_written_is_read_back(entries: list[Entry]) -> None:
    # Any text (quotes, backslashes, newlines, tabs, other scripts) survives writing and reading.
    read = parse(dump(entries))
    assert [e._replace(line=0) for e in read] == entries


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt not installed")
@pytest.mark.parametrize("lang", codes())
def test_gnu_gettext_reads_the_shipped_catalogues_as_we_do(lang: str, tmp_path: Path) -> None:
    # msgfmt is the reference parser: it must accept the file, and its compiled catalogue, read
    # by the standard library, must give every text our reader gives.
    compiled = tmp_path / f"{lang}.mo"
    po = catalog.FOLDER / f"{lang}.po"
    subprocess.run(["msgfmt", "--check", "-o", str(compiled), str(po)], check=True)
    with compiled.open("rb") as file:
        reference = gettext.GNUTranslations(file)
    english = catalog.read_catalogue(catalog.FOLDER / f"{SOURCE}.po", SOURCE).texts
    for key, text in catalog.read_catalogue(po, lang).texts.items():
        source = english[key]
        if isinstance(source, tuple):
            assert isinstance(text, tuple)
            forms = tuple(reference.npgettext(key, *source, n) for n in (1, 2))
            assert forms == text, key
        else:
            assert reference.pgettext(key, source) == text, key
