"""The public API others code against: names, types, JSON shape, and a cheap import."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest

import twitter_tutor.analysis as analysis_api
from twitter_tutor.analysis import KINDS, Analysis, Signal, analyze

JSON_FIELDS = [
    "text",
    "lang",
    "weighted_length",
    "valid",
    "hashtags",
    "mentions",
    "urls",
    "cashtags",
    "emoji",
    "kinds",
    "primary",
    "signals",
]


def test_exports() -> None:
    for name in [
        "Analysis",
        "Signal",
        "analyze",
        "detect_lang",
        "weighted_length",
        "extract_hashtags",
        "extract_mentions",
        "extract_urls",
        "extract_cashtags",
    ]:
        assert hasattr(analysis_api, name), name
    assert KINDS == ("promotional", "personal", "conversational", "informative", "filler")


def test_result_types_are_frozen_dataclasses() -> None:
    assert [f.name for f in dataclasses.fields(Signal)] == ["name", "kind", "text", "start", "end"]
    assert [f.name for f in dataclasses.fields(Analysis)] == [*JSON_FIELDS, "scores"]
    result = analyze("Hallo @anna #tag", lang="de")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "x"  # type: ignore[misc]
    assert hash(result) == hash(analyze("Hallo @anna #tag", lang="de"))


def test_to_json_has_exactly_the_documented_fields() -> None:
    result = analyze("Jetzt kaufen! @anna #sale $TSLA example.de/x 😀", lang="de")
    data = result.to_json()
    assert list(data) == JSON_FIELDS
    assert "scores" not in data
    assert data["hashtags"] == ["sale"] and data["mentions"] == ["anna"]
    assert data["urls"] == ["example.de/x"] and data["cashtags"] == ["TSLA"]
    assert data["emoji"] == ["😀"]
    assert data["signals"][0] == {
        "name": "call_to_action",
        "kind": "promotional",
        "text": "Jetzt kaufen",
        "start": 0,
        "end": 12,
    }
    assert all(
        isinstance(v, list) for k, v in data.items() if k in ("hashtags", "kinds", "signals")
    )
    assert json.loads(json.dumps(data)) == data


def test_scores_explain_every_kind() -> None:
    result = analyze("Jetzt kaufen!", lang="de")
    assert set(result.scores) == set(KINDS)
    assert result.scores["promotional"] >= 1.0
    with pytest.raises(TypeError):
        result.scores["promotional"] = 0  # type: ignore[index]


def test_entities_come_without_overlaps() -> None:
    # The @name inside the link path is part of the link, not a mention.
    result = analyze("Schau: https://example.com/@anna/ und #tag", lang="de")
    assert result.urls == ("https://example.com/@anna/",)
    assert result.mentions == ()
    assert result.hashtags == ("tag",)


def test_duplicates_are_kept_in_text_order() -> None:
    result = analyze("#b #a #b @x @x", lang="en")
    assert result.hashtags == ("b", "a", "b")
    assert result.mentions == ("x", "x")


def test_importing_loads_nothing_but_the_result_types() -> None:
    code = (
        "import sys, twitter_tutor.analysis as a; "
        "print(sorted(m for m in sys.modules if m.startswith('twitter_tutor.analysis')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['twitter_tutor.analysis', 'twitter_tutor.analysis.result']"
    lazy = subprocess.run(
        [sys.executable, "-c", "import sys, twitter_tutor.analysis; print('tomli' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert lazy.stdout.strip() == "False"
