"""German texts quote „so“ and trail off with "…", also where feedback quotes the learner."""

from __future__ import annotations

from twitter_tutor.grading.messages import quote_all
from twitter_tutor.texts import catalog, pofile


def test_no_german_text_uses_straight_double_quotes_or_three_dots() -> None:
    entries = pofile.parse((catalog.FOLDER / "de.po").read_text("utf-8"))
    found = [
        f"{e.context}: {text}"
        for e in entries
        if e.context is not None
        for text in e.msgstr
        if '"' in text or "..." in text
    ]
    assert found == []


def test_feedback_quotes_the_learner_in_the_lessons_quotation_marks() -> None:
    words = ["BUY NOW", "!!!", "50% off", "deal"]
    assert quote_all(words, "de") == "„BUY NOW“, „!!!“, „50% off“, …"
    assert quote_all(words, "en") == '"BUY NOW", "!!!", "50% off", ...'
    assert quote_all(words[:1], "xx") == '"BUY NOW"'  # a lesson language without a catalogue
