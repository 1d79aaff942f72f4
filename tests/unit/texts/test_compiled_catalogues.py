"""The compiled catalogues (`catalogues/<lang>.json`) the tutor reads at start: current, the
same texts as their `.po` files, and never used once a `.po` file was edited."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from twitter_tutor.texts import catalog, codes, t, tn


def test_every_compiled_catalogue_is_current() -> None:
    stale = [
        po.name
        for po in sorted(catalog.FOLDER.glob("*.po"))
        if not catalog.compiled_path(po).exists()
        or catalog.compiled_path(po).read_text("utf-8") != catalog.compiled_text(po, po.stem)
    ]
    assert stale == [], "run: python -m twitter_tutor.texts.compile_catalogues"


@pytest.mark.parametrize("lang", codes())
def test_the_compiled_form_has_the_texts_of_the_po_file(lang: str) -> None:
    po = catalog.FOLDER / f"{lang}.po"
    compiled = catalog._read_compiled(po, lang)
    parsed = catalog.read_catalogue(po, lang)
    assert compiled is not None
    assert compiled.texts == parsed.texts
    assert [compiled.plural(n) for n in range(4)] == [parsed.plural(n) for n in range(4)]


@pytest.fixture
def copied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The shipped catalogues and their compiled forms, in a folder the test may change."""
    for path in [*catalog.FOLDER.glob("*.po"), *catalog.FOLDER.glob("*.json")]:
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(catalog, "FOLDER", tmp_path)
    catalog.forget()
    yield tmp_path
    catalog.forget()


def test_an_edited_po_file_wins_over_its_stale_compiled_form(copied: Path) -> None:
    po = copied / "en.po"
    text = po.read_text("utf-8")
    assert 'msgid "Twitter Tutor"' in text
    po.write_text(text.replace('msgid "Twitter Tutor"', 'msgid "Tweet Tutor"'), "utf-8")
    assert catalog._read_compiled(po, "en") is None
    assert t("en", "app.title") == "Tweet Tutor"


def test_a_damaged_compiled_catalogue_is_parsed_around(copied: Path) -> None:
    (copied / "de.json").write_text('{"format": 1, "lang": "de", "po": [', "utf-8")
    (copied / "en.json").unlink()
    assert tn("de", "cli.check.lesson_files", 7) == "7 Lektionsdateien"
    assert t("en", "app.title") == "Twitter Tutor"


def test_a_compiled_form_of_another_language_is_not_taken(copied: Path) -> None:
    shutil.copy(copied / "en.json", copied / "de.json")
    assert catalog._read_compiled(copied / "de.po", "de") is None
