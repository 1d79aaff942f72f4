"""A third interface language is a catalogue file plus one line in the language list: the
settings, the CLI, plural rules and the audit all pick it up with no other change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.french import install_french
from twitter_tutor import settings
from twitter_tutor.cli.main import main
from twitter_tutor.texts import audit, catalog, codes, native_name, next_language, t, tn


@pytest.fixture(autouse=True)
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    folder = tmp_path / "catalogues"
    folder.mkdir()
    install_french(folder, monkeypatch)
    yield
    catalog.forget()  # the next test reads the real files again


def test_the_new_language_is_installed_and_in_the_toggle() -> None:
    assert codes() == ("en", "de", "fr")
    assert native_name("fr") == "Français"
    assert [next_language(lang) for lang in ("en", "de", "fr")] == ["de", "fr", "en"]


def test_its_texts_show_and_what_is_not_translated_yet_shows_in_english() -> None:
    assert t("fr", "app.title") == "Tuteur Twitter"
    assert t("fr", "key.next") == "Next"
    # Its own plural rule, from the catalogue's header: French counts 0 as singular.
    assert [tn("fr", "cli.check.problems", n) for n in (0, 1, 2)] == [
        "0 problème",
        "1 problème",
        "2 problèmes",
    ]


def test_the_environment_can_ask_for_it() -> None:
    assert settings.lang_from_env({"LANG": "fr_CA.UTF-8"}) == "fr"
    assert settings.lang_from_env({"LANG": "it_IT.UTF-8"}) == "en"


def test_the_cli_accepts_it_and_speaks_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TWITTER_TUTOR_LESSONS", raising=False)
    monkeypatch.setenv("TWITTER_TUTOR_HOME", str(tmp_path / "home"))
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["--lang", "fr", "check", str(empty)]) == 0
    assert capsys.readouterr().out == "Aucun fichier de leçon trouvé.\n"


def test_the_audit_lists_what_is_left_to_translate() -> None:
    left = audit.problems("fr")
    assert "fr: missing 'key.next'" in left
    assert len(left) == len(catalog.catalogue("en").texts) - 3
    assert all(line.startswith("fr: missing ") for line in left)
