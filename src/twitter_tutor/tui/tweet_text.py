"""Which parts of a tweet to colour: hashtags, mentions, links, and the words behind a verdict."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from twitter_tutor.analysis.entities import extract_entities
from twitter_tutor.grading.result import CheckResult

Spans = list[tuple[int, int, str]]

STYLES = {
    "url": "underline $text-primary",
    "hashtag": "bold $text-accent",
    "mention": "bold $text-primary",
    "cashtag": "bold $text-accent",
}


def entity_spans(text: str) -> Spans:
    """Entities as twitter-text finds them, the same ones the grader counts."""
    return [(e.start, e.end, STYLES.get(e.kind, "bold")) for e in extract_entities(text)]


def signal_spans(checks: Sequence[CheckResult]) -> Spans:
    """Words behind each verdict: marked red where a check failed, underlined where one passed."""
    spans: Spans = []
    for check in checks:
        style = "reverse $text-error" if not check.passed else "underline $text-success"
        spans.extend((s.start, s.end, style) for s in check.signals if s.end > s.start)
    return spans


def merged(*groups: Iterable[tuple[int, int, str]]) -> Spans:
    return [span for group in groups for span in group]


# The first card with a dot in its text would compile twitter-text's URL patterns while the
# step paints (some 10-25 ms). Done here instead, on import: the tutor imports the lesson
# screen, and so this module, in its loading thread while the learner reads the map.
entity_spans("example.com @tutor #warm")
