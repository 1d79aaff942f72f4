"""twitter-text's conformance suite (tests/data/twitter-text, Apache-2.0), read at test time.

Covered: the v3 weighting sections of validate.yml (weighted length and validity) and every
extraction section of extract.yml for mentions, replies, URLs, hashtags and cashtags, with and
without indices. Not covered: validate.yml's `tweets` (the old 140 limit), `WeightedTweetsCounterTest`
(config v2, without emoji parsing) and the is-valid-username/list/hashtag/URL sections, which
this project does not implement.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from twitter_tutor.analysis import (
    analyze,
    extract_cashtags,
    extract_hashtags,
    extract_mentions,
    extract_urls,
    weighted_length,
)
from twitter_tutor.analysis.entities import (
    cashtag_entities,
    extract_reply,
    hashtag_entities,
    mention_entities,
)
from twitter_tutor.analysis.urls import extract_url_matches

DATA = Path(__file__).resolve().parents[2] / "data" / "twitter-text"


def _cases(file: str, *sections: str) -> list[Any]:
    tests = yaml.safe_load((DATA / file).read_text(encoding="utf-8"))["tests"]
    return [
        pytest.param(case, id=f"{section}: {case['description']}")
        for section in sections
        for case in tests[section]
    ]


def test_the_suite_is_here_with_its_licence() -> None:
    for name in ("validate.yml", "extract.yml", "v3.json", "LICENSE", "SOURCE", "README.md"):
        assert (DATA / name).is_file(), name
    assert "Apache License" in (DATA / "LICENSE").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "case",
    _cases(
        "validate.yml",
        "WeightedTweetsWithDiscountedEmojiCounterTest",
        "UnicodeDirectionalMarkerCounterTest",
    ),
)
def test_weighted_length_and_validity(case: dict[str, Any]) -> None:
    expected = case["expected"]
    assert weighted_length(case["text"]) == expected["weightedLength"]
    analysis = analyze(case["text"])
    assert analysis.weighted_length == expected["weightedLength"]
    assert analysis.valid is expected["valid"]


@pytest.mark.parametrize("case", _cases("extract.yml", "mentions"))
def test_mentions(case: dict[str, Any]) -> None:
    assert extract_mentions(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "mentions_with_indices"))
def test_mentions_with_indices(case: dict[str, Any]) -> None:
    found = [
        {"screen_name": e.value, "indices": [e.start, e.end]}
        for e in mention_entities(case["text"])
    ]
    assert found == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "mentions_or_lists_with_indices"))
def test_mentions_or_lists_with_indices(case: dict[str, Any]) -> None:
    text = case["text"]
    found = [
        {
            "screen_name": e.value,
            "list_slug": text[e.start + 1 + len(e.value) : e.end],
            "indices": [e.start, e.end],
        }
        for e in mention_entities(text, lists=True)
    ]
    assert found == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "replies"))
def test_replies(case: dict[str, Any]) -> None:
    assert extract_reply(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "urls", "tco_urls_with_params"))
def test_urls(case: dict[str, Any]) -> None:
    assert extract_urls(case["text"]) == case["expected"]


@pytest.mark.parametrize(
    "case", _cases("extract.yml", "urls_with_indices", "urls_with_directional_markers")
)
def test_urls_with_indices(case: dict[str, Any]) -> None:
    found = [{"url": m.url, "indices": [m.start, m.end]} for m in extract_url_matches(case["text"])]
    assert found == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "hashtags", "hashtags_from_astral"))
def test_hashtags(case: dict[str, Any]) -> None:
    assert extract_hashtags(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "hashtags_with_indices"))
def test_hashtags_with_indices(case: dict[str, Any]) -> None:
    found = [
        {"hashtag": e.value, "indices": [e.start, e.end]} for e in hashtag_entities(case["text"])
    ]
    assert found == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "cashtags"))
def test_cashtags(case: dict[str, Any]) -> None:
    assert extract_cashtags(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "cashtags_with_indices"))
def test_cashtags_with_indices(case: dict[str, Any]) -> None:
    found = [
        {"cashtag": e.value, "indices": [e.start, e.end]} for e in cashtag_entities(case["text"])
    ]
    assert found == case["expected"]
