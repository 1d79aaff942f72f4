"""Entity extraction details beyond the conformance suite."""

from __future__ import annotations

from twitter_tutor.analysis import extract_hashtags, extract_mentions, extract_urls
from twitter_tutor.analysis.entities import extract_entities, extract_reply


def test_lists_are_not_mentions() -> None:
    assert extract_mentions("@user/list and @other") == ["other"]


def test_hashtags_inside_urls_are_dropped() -> None:
    assert extract_hashtags("https://example.com/#frag #real") == ["real"]


def test_entities_are_sorted_and_do_not_overlap() -> None:
    text = "@a https://x.com/@b #c $D"
    entities = extract_entities(text)
    assert [(e.kind, e.value) for e in entities] == [
        ("mention", "a"),
        ("url", "https://x.com/@b"),
        ("hashtag", "c"),
        ("cashtag", "D"),
    ]
    for entity in entities:
        assert entity.start < entity.end <= len(text)


def test_german_text_with_urls() -> None:
    text = "Die Zahlen: example.de/studie-lokal – und bei heise.de/news. Oder www.zdf.de!"
    assert extract_urls(text) == ["example.de/studie-lokal", "heise.de/news", "www.zdf.de"]


def test_abbreviations_are_no_urls() -> None:
    assert extract_urls("z.B. u.a. d.h. e.g. i.e. bzw. Nr. 1. Das ist gut.Ende") == []


def test_reply() -> None:
    assert extract_reply("  @anna hallo") == "anna"
    assert extract_reply("hallo @anna") is None
