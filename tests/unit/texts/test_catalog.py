"""Looking texts up: plurals, Messages said again in another language, and what the package
may import."""

from __future__ import annotations

import ast
import pickle
import sys
from pathlib import Path

import pytest

from twitter_tutor.texts import Message, MissingText, catalog, next_language, say, t, tn

TEXTS = Path(__file__).resolve().parents[3] / "src" / "twitter_tutor" / "texts"


def test_plural_forms_follow_the_number() -> None:
    assert [tn("en", "cli.check.problems", n) for n in (0, 1, 2)] == [
        "0 problems",
        "1 problem",
        "2 problems",
    ]
    assert tn("de", "cli.check.lesson_files", 1) == "1 Lektionsdatei"
    assert tn("de", "cli.check.lesson_files", 7) == "7 Lektionsdateien"


def test_a_message_is_english_text_that_can_be_said_in_another_language() -> None:
    reason = Message("store.reason.read_only")
    message = Message("store.cannot_save", folder=Path("/data"), problem=reason)
    assert message == "Cannot save progress in /data: the disk is read-only."
    assert isinstance(message, str) and message.key == "store.cannot_save"
    # The nested reason is said in the same language as the sentence around it.
    assert say("de", message) == (
        "Fortschritt kann nicht in /data gespeichert werden: das Laufwerk ist schreibgeschützt."
    )
    assert say("de", "plain text stays as it is") == "plain text stays as it is"


def test_an_error_raised_with_a_message_is_said_in_the_readers_language() -> None:
    error = ValueError(Message("store.damaged"))
    assert t("de", "app.store_error", error=error) == (
        "Fortschritt nicht gespeichert: Der Fortschrittsspeicher ist beschädigt; starte "
        "twitter-tutor neu, um ihn beiseitezulegen."
    )
    assert str(error) == "The progress store is damaged; restart twitter-tutor to set it aside."


def test_a_message_survives_pickling_with_its_key() -> None:
    message = Message("store.row.attempt", id=3)
    copy = pickle.loads(pickle.dumps(message))
    assert (copy, copy.key, copy.values) == ("attempt 3", "store.row.attempt", {"id": 3})
    assert say("de", copy) == "Versuch 3"


def test_an_unknown_language_raises_under_test_and_is_english_for_learners(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(MissingText):
        t("xx", "key.next")
    monkeypatch.delenv(catalog.STRICT_ENV)
    catalog.forget()
    try:
        assert t("xx", "key.next") == "Next"
    finally:
        catalog.forget()


def test_the_toggle_goes_through_every_language_and_back() -> None:
    assert next_language("en") == "de"
    assert next_language("de") == "en"
    assert next_language("xx") == "en"  # anything unknown starts at the first


def test_the_package_needs_nothing_but_the_standard_library_and_the_shared_types() -> None:
    stdlib = set(sys.stdlib_module_names)
    found: set[str] = set()
    for path in TEXTS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
    ours = {name for name in found if name.split(".")[0] not in stdlib | {"__future__"}}
    assert {name for name in ours if not name.startswith("twitter_tutor.texts")} == {
        "twitter_tutor.types"
    }

