"""A pretend third interface language, to show adding one is data plus one line in the list.

Not a translation: three entries, so everything else shows in English, as it would for a
learner while a translator is still at work.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from twitter_tutor.texts import catalog, languages

FRENCH = """\
msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

msgctxt "app.title"
msgid "Twitter Tutor"
msgstr "Tuteur Twitter"

msgctxt "cli.check.no_files"
msgid "No lesson files found."
msgstr "Aucun fichier de leçon trouvé."

msgctxt "cli.check.problems"
msgid "{count} problem"
msgid_plural "{count} problems"
msgstr[0] "{count} problème"
msgstr[1] "{count} problèmes"
"""


def install_french(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped catalogues plus `fr.po` in `folder`, and French in the language list.

    Texts are not strict here: an incomplete catalogue falls back to English, as for a learner.
    """
    for po in catalog.FOLDER.glob("*.po"):
        shutil.copy(po, folder / po.name)
    (folder / "fr.po").write_text(FRENCH, "utf-8")
    # The two changes a new language makes: its file, and one line in the list.
    monkeypatch.setattr(catalog, "FOLDER", folder)
    monkeypatch.setattr(languages, "LANGUAGES", (*languages.LANGUAGES, ("fr", "Français")))
    monkeypatch.delenv(catalog.STRICT_ENV, raising=False)
    catalog.forget()
