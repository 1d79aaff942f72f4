"""A lesson folder's own words in the analysis: matched like lexicon words, deciding alone."""

from __future__ import annotations

import time

import pytest

from twitter_tutor.analysis import analyze, extra_words

WORDS = extra_words(
    (
        ("en", "promotional", ("suncatcher", "mega deal*")),
        ("en", "personal", ("our fitters",)),
        ("de", "promotional", ("Sonnenfänger*",)),
        ("de", "personal", ("unsere Monteure",)),
        ("de", "conversational", ("was meint ihr",)),
        ("en", "informative", ("heat pump",)),
    )
)


def folder_signals(text: str, lang: str) -> list[tuple[str, str]]:
    return [
        (s.name, s.text)
        for s in analyze(text, lang, WORDS).signals
        if s.name.startswith("folder_")
    ]


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        # whole words, any case
        ("en", "The SUNCATCHER is back", [("folder_promotional", "SUNCATCHER")]),
        ("en", "Two suncatchers are back", []),
        # a phrase: any spaces or a hyphen between its words; * for any ending of the last
        ("en", "A mega  dealer visited", [("folder_promotional", "mega  dealer")]),
        ("en", "It was a mega-deal", [("folder_promotional", "mega-deal")]),
        ("en", "mega, deal", []),
        ("de", "Die Sonnenfängerin kommt", [("folder_promotional", "Sonnenfängerin")]),
        ("de", "Hier sind unsere Monteure", [("folder_personal", "unsere Monteure")]),
        ("de", "Was meint ihr dazu", [("folder_conversational", "Was meint ihr")]),
        # inside a hashtag it counts, inside a link or an @name never
        ("en", "New #suncatcher in town", [("folder_promotional", "suncatcher")]),
        ("en", "See suncatcher.example.com and @suncatcher", []),
    ],
)
def test_words_are_found_as_the_built_in_lexicon_words_are(
    lang: str, text: str, found: list[tuple[str, str]]
) -> None:
    assert folder_signals(text, lang) == found


def test_one_folder_word_decides_its_kind_alone() -> None:
    plain = "The suncatcher hangs in our window"
    assert "promotional" not in analyze(plain, "en").kinds
    analysis = analyze(plain, "en", WORDS)
    assert "promotional" in analysis.kinds
    assert analysis.scores["promotional"] >= 1.0
    assert "personal" in analyze("Our fitters were there", "en", WORDS).kinds
    assert "informative" in analyze("This heat pump runs", "en", WORDS).kinds


def test_ad_words_count_in_either_language_the_other_kinds_only_in_their_own() -> None:
    # An ad is an ad whatever language the tweet is in (as the built-in strong ad phrases)...
    assert folder_signals("Der Suncatcher ist da", "de") == [("folder_promotional", "Suncatcher")]
    assert folder_signals("The Sonnenfänger is here", "en") == [
        ("folder_promotional", "Sonnenfänger")
    ]
    # ...but a German personal phrase does not make an English tweet personal.
    assert folder_signals("unsere Monteure", "en") == []
    assert folder_signals("our fitters", "de") == []


def test_without_folder_words_the_analysis_is_exactly_the_built_in_one() -> None:
    for text in ("The suncatcher is back, buy now!", "Ich war heute beim Sonnenfänger", ""):
        assert analyze(text, "en", None) == analyze(text, "en")
        assert analyze(text, "de", extra_words(())) == analyze(text, "de")


def test_built_in_signals_still_count_beside_folder_words() -> None:
    analysis = analyze("Buy now: the suncatcher!", "en", WORDS)
    names = [s.name for s in analysis.signals]
    assert "call_to_action" in names and "folder_promotional" in names


def test_a_word_listed_in_two_kinds_counts_for_both() -> None:
    both = extra_words((("en", "promotional", ("sunday club",)), ("en", "personal", ("sunday club",))))
    analysis = analyze("Join the sunday club", "en", both)
    assert {"promotional", "personal"} <= set(analysis.kinds)
    # each kind's own signal: a second kind's hit is no repeat of the first
    assert analysis.scores["personal"] == analysis.scores["promotional"] == 1.0


def test_compiled_once_per_content() -> None:
    lists = (("en", "promotional", ("suncatcher",)),)
    assert extra_words(lists) is extra_words((("en", "promotional", ("suncatcher",)),))


def test_entries_that_are_no_words_are_left_out_not_raised() -> None:
    words = extra_words(
        (
            ("en", "promotional", ("(a+)+$", "*deal", "20%", "ok deal")),
            ("fr", "promotional", ("affaire",)),
            ("en", "nonsense", ("deal",)),
        )
    )
    assert [s.text for s in analyze("an ok deal (a+)+$ affaire", "en", words).signals if s.name.startswith("folder_")] == ["ok deal"]


def test_many_words_on_a_long_text_stay_fast() -> None:
    many = extra_words(
        (
            ("en", "promotional", tuple(f"product{n}*" for n in range(1000))),
            ("en", "personal", tuple(f"crew member {n}" for n in range(1000))),
        )
    )
    text = ("crew member 7 and product12x " + "a" * 40 + " ") * 1500  # ~100 KB
    start = time.perf_counter()
    analysis = analyze(text, "en", many)
    assert time.perf_counter() - start < 2.0
    assert {"promotional", "personal"} <= set(analysis.kinds)
