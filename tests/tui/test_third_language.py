"""The language key cycles through every installed language, a third one included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.french import install_french
from tests.tui.helpers import AppFactory, settle
from twitter_tutor.texts import catalog
from twitter_tutor.tui.app import TutorApp


@pytest.fixture
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    folder = tmp_path / "catalogues"
    folder.mkdir()
    install_french(folder, monkeypatch)
    yield
    catalog.forget()


def _language_key(app: TutorApp) -> str:
    """What the footer says the `l` key does."""
    return app.screen.active_bindings["l"].binding.description


async def test_the_language_key_cycles_through_three_languages(
    french: None, build: AppFactory
) -> None:
    app = build(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        seen = []
        for _ in range(3):
            seen.append((app.session.lang, app.title, _language_key(app)))
            await pilot.press("l")
            await pilot.pause()
        assert seen == [
            ("en", "Twitter Tutor", "Deutsch"),
            ("de", "Twitter-Tutor", "Français"),
            ("fr", "Tuteur Twitter", "English"),
        ]
        assert app.session.lang == "en"
        assert app.session.lesson_entries()  # the course map was there in every language
