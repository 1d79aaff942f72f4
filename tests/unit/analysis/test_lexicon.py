"""The lexicon files load, and mistakes in them are reported with file and signal."""

from __future__ import annotations

from typing import Any

import pytest

from twitter_tutor.analysis import lexicon
from twitter_tutor.analysis.lexicon import LexiconError, load, parse_signals, parse_word, weighing
from twitter_tutor.analysis.result import KINDS


@pytest.mark.parametrize("lang", ["de", "en"])
def test_lexicons_load(lang: str) -> None:
    loaded = load(lang)
    assert loaded.lang == lang
    assert {spec.kind for spec in loaded.specs} == set(KINDS)
    assert all(spec.weight > 0 for spec in loaded.specs)


def test_weighing_covers_every_kind_and_computed_signal() -> None:
    rules = weighing()
    assert set(rules.thresholds) == set(KINDS)
    assert set(rules.computed) == set(lexicon.COMPUTED)
    assert 0 < rules.repeat_factor < 1 and 0 < rules.damping_factor < 1


def test_language_words_are_unique_to_their_language() -> None:
    evidence = lexicon.language_evidence()
    assert not evidence["de"][0] & evidence["en"][0]
    assert "und" in evidence["de"][0] and "the" in evidence["en"][0]


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match="no lexicon"):
        load("fr")


@pytest.mark.parametrize(
    ("signal", "message"),
    [
        ({"name": "x", "kind": "salesy", "weight": 1, "words": ["a"]}, "kind must be one of"),
        ({"name": "x", "kind": "personal", "weight": "1", "words": ["a"]}, "expected a number"),
        ({"name": "x", "kind": "personal", "weight": 1}, "needs words or patterns"),
        ({"name": "X Y", "kind": "personal", "weight": 1, "words": ["a"]}, "lower_case"),
        ({"name": "x", "kind": "personal", "weight": 1, "word": ["a"]}, "unknown key"),
        ({"name": "x", "kind": "personal", "weight": 1, "words": "a"}, "list of strings"),
    ],
)
def test_signal_mistakes_are_reported(signal: dict[str, Any], message: str) -> None:
    with pytest.raises(LexiconError, match=message) as error:
        parse_signals({"signal": [signal]}, "test")
    assert "lexicons/test.toml" in str(error.value)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("50%", "put it in `patterns`"),
        ("#sale", "put it in `patterns`"),
        ("ab*c", "put it in `patterns`"),
        ("a* b", "only at the end"),
        ("ab*", "needs 3 letters"),
    ],
)
def test_word_mistakes_are_reported(entry: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_word(entry, "lexicons/test.toml: signal 'x'")


def test_words_are_folded() -> None:
    assert parse_word("Jetzt  Kaufen", "w") == (["jetzt", "kaufen"], False)
    assert parse_word("Maß-geschneidert*", "w") == (["mass", "geschneidert"], True)
    assert parse_word("I’m", "w") == (["i'm"], False)
    assert lexicon.fold("STRASSE") == lexicon.fold("Straße") == "strasse"
