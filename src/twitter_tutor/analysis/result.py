"""The results of an analysis: `Signal` (one piece of evidence) and `Analysis` (the whole tweet)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

KINDS: tuple[str, ...] = ("promotional", "personal", "conversational", "informative", "filler")
"""The kinds of tweet, in the fixed order used by `Analysis.kinds` and for tie-breaks. "filler"
is small talk that says nothing ("What are you all up to today? 😊")."""

NEUTRAL = "neutral"
"""`Analysis.primary` when no kind is present."""


@dataclass(frozen=True, slots=True)
class Signal:
    """One piece of evidence: `text` is exactly `analysis.text[start:end]`."""

    name: str
    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the tutor knows about one tweet. Indices are code points of `text`."""

    text: str
    lang: str
    weighted_length: int
    valid: bool
    hashtags: tuple[str, ...]
    mentions: tuple[str, ...]
    urls: tuple[str, ...]
    cashtags: tuple[str, ...]
    emoji: tuple[str, ...]
    kinds: tuple[str, ...]
    primary: str
    signals: tuple[Signal, ...]
    # Derived from `signals`, so equality and hashing ignore it (a mapping is not hashable).
    scores: Mapping[str, float] = field(compare=False)

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict of every field except `scores` (lists instead of tuples)."""
        return {
            "text": self.text,
            "lang": self.lang,
            "weighted_length": self.weighted_length,
            "valid": self.valid,
            "hashtags": list(self.hashtags),
            "mentions": list(self.mentions),
            "urls": list(self.urls),
            "cashtags": list(self.cashtags),
            "emoji": list(self.emoji),
            "kinds": list(self.kinds),
            "primary": self.primary,
            "signals": [
                {"name": s.name, "kind": s.kind, "text": s.text, "start": s.start, "end": s.end}
                for s in self.signals
            ],
        }
