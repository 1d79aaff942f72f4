"""Properties of the analysis on any text (hypothesis)."""

from __future__ import annotations

import json
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twitter_tutor.analysis import KINDS, NEUTRAL, analyze, detect_lang, weighted_length

# Any code point, lone surrogates included (what invalid UTF-8 turns into).
ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300)
# Tweet-like text: words, signs, emoji, links and entities of both languages.
# fmt: off
PIECES = st.sampled_from(
    [
        "Ich", "bin", "jetzt", "hier", "du", "Was", "neu", "Rabatt", "kaufen", "I", "you",
        "now", "new", "buy", "off", "free", "the", "und", "!", "!!", "?", "20%", "9,99 €",
        "$19.99", "12.03.2025", "May 14", "#sale", "@anna", "$TSLA", "example.de/x",
        "https://example.com/a?b=c", "😀", "👨‍👩‍👧", "🇩🇪", "1⃣", "JETZT", "BUY", "^mk", " ",
        "\n", "ä", "ß", "e\u0301", "\u200d", "\udcff", "[bold]", "\x1b[31m",
    ]
)
# fmt: on
TWEETS = st.lists(PIECES, max_size=40).map(" ".join) | ANY_TEXT

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TWEETS, st.sampled_from([None, "de", "en"]))
def test_never_raises_and_is_consistent(text: str, lang: str | None) -> None:
    analysis = analyze(text, lang=lang)
    assert analysis.text == text
    assert analysis.lang in ("de", "en")
    assert set(analysis.kinds) <= set(KINDS)
    assert list(analysis.kinds) == [k for k in KINDS if k in analysis.kinds]
    assert analysis.primary in (*analysis.kinds, NEUTRAL)
    assert (analysis.primary == NEUTRAL) == (not analysis.kinds)
    assert set(analysis.scores) == set(KINDS)
    starts = [s.start for s in analysis.signals]
    assert starts == sorted(starts)
    for signal in analysis.signals:
        assert 0 <= signal.start < signal.end <= len(text)
        assert text[signal.start : signal.end] == signal.text
        assert signal.kind in KINDS
    json.dumps(analysis.to_json())  # always serialisable
    detect_lang(text)


@SETTINGS
@given(TWEETS)
def test_weighted_length_is_bounded(text: str) -> None:
    length = weighted_length(text)
    assert length >= 0
    assert length <= 2 * len(unicodedata.normalize("NFC", text)) + 23
    assert (length == 0) == (text == "")


@SETTINGS
@given(st.text(alphabet="abc xyzäöü日本", max_size=100), st.text(alphabet="abc äö日", max_size=20))
def test_weighted_length_adds_up_for_plain_text(first: str, second: str) -> None:
    # Without links or emoji every code point counts on its own: lengths simply add up.
    assert weighted_length(first + second) == weighted_length(first) + weighted_length(second)


AD = {"de": "Jetzt kaufen! 50% Rabatt!", "en": "Buy now! 50% off!"}


@SETTINGS
@given(TWEETS, st.sampled_from(["de", "en"]), st.sampled_from([" ", "\n", " – "]))
def test_appending_a_clear_ad_never_removes_promotional(text: str, lang: str, gap: str) -> None:
    before = analyze(text, lang=lang)
    after = analyze(text + gap + AD[lang], lang=lang)
    assert "promotional" in after.kinds
    assert after.scores["promotional"] >= before.scores["promotional"]


@SETTINGS
@given(TWEETS, st.sampled_from(["de", "en"]))
def test_appending_a_clear_ad_with_detection(text: str, lang: str) -> None:
    # With the language detected, the ad is still recognised (detection moves towards it).
    if "promotional" in analyze(text).kinds:
        assert "promotional" in analyze(text + "\n" + AD[lang]).kinds
