"""Tweet analysis: weighted length, entities, emoji, language, and the kinds a tweet shows.

    analysis = analyze("Jetzt kaufen! 50% Rabatt!", lang="de")
    analysis.kinds    # ("promotional",)
    analysis.signals  # (Signal("call_to_action", "promotional", "Jetzt kaufen", 0, 12), ...)

Pieces: `length` (weighted length, validity), `urls` and `entities` (what twitter-text
extracts), `emoji_seq` (emoji sequences), `language` (German or English), `lexicon` (the TOML
lexicons in `lexicons/`), `kinds` (signals and their weighing), `result` (the dataclasses).
Nothing is read or compiled at import time; the first analysis loads what it needs.

Design decisions, with figures (Python 3.11, 2 cores; `python bench/bench_analysis.py`):

- Weighted length and entities follow twitter-text 3 (config v3) and pass its conformance
  suite (tests/data/twitter-text). The PyPI port `twitter-text-parser` was not used: ~1.8 ms
  per 280-character tweet, ~190 ms to import, and it imports `pkg_resources`.
- Emoji: the `emoji` library (a dependency anyway) costs ~90 ms to import, ~15 ms on its first
  call and ~0.22 ms per 280-character tweet, a fifth of the 1 ms budget. `emoji_seq` matches
  the same sequences from a 200-line table (data/emoji.txt) in a few microseconds per tweet and
  ~2 ms to compile on first use; a test checks it against every emoji the library knows.
- URLs: twitter-text's TLD alternation compiles in ~25 ms in Python and backtracks
  quadratically on long runs of non-Latin letters; `urls` applies the same rules with a TLD
  set (data/tlds.txt) in linear time.
- Whole analysis: median ~0.1 ms, p99 well under 1 ms per tweet; import of this package ~2 ms;
  first analysis (reading the TOML lexicons, compiling patterns) ~15 ms. The exact figures of
  the last run are in BENCHMARKS.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from twitter_tutor.analysis.emoji_seq import find_emoji
from twitter_tutor.analysis.entities import (
    Entity,
    combine_entities,
    extract_cashtags,
    extract_hashtags,
    extract_mentions,
    extract_urls,
)
from twitter_tutor.analysis.kinds import computed_hits, lexicon_hits, weigh
from twitter_tutor.analysis.language import check_lang, detect
from twitter_tutor.analysis.length import (
    is_valid,
    normalize,
    weighted_from_spans,
    weighted_length,
)
from twitter_tutor.analysis.lexicon import LexiconError, load, weighing
from twitter_tutor.analysis.result import KINDS, NEUTRAL, Analysis, Signal
from twitter_tutor.analysis.tokens import Token, blank, tokenize
from twitter_tutor.analysis.urls import extract_url_matches

__all__ = [
    "KINDS",
    "NEUTRAL",
    "Analysis",
    "LexiconError",
    "Signal",
    "analyze",
    "detect_lang",
    "extract_cashtags",
    "extract_hashtags",
    "extract_mentions",
    "extract_urls",
    "weighted_length",
]


@dataclass(frozen=True, slots=True)
class _Prepared:
    """What does not depend on the language, computed once per text."""

    entities: tuple[Entity, ...]
    emoji: tuple[tuple[int, int], ...]
    masked: str
    tokens: tuple[Token, ...]
    weighted_length: int
    valid: bool


@lru_cache(maxsize=32)
def _prepare(text: str) -> _Prepared:
    # Cached: grading calls detect_lang(text) and then analyze(text, ...) on the same text.
    url_matches = extract_url_matches(text)
    entities = tuple(combine_entities(text, url_matches))
    emoji = tuple(find_emoji(text))
    normalized = normalize(text)
    if normalized is text:
        length = weighted_from_spans(text, [(m.start, m.end) for m in url_matches], emoji)
    else:
        length = weighted_length(normalized)
    # Words inside links and @names never count as evidence.
    masked = blank(text, [(e.start, e.end) for e in entities if e.kind in ("url", "mention")])
    return _Prepared(
        entities=entities,
        emoji=emoji,
        masked=masked,
        tokens=tokenize(masked),
        weighted_length=length,
        valid=is_valid(text, length),
    )


def detect_lang(text: str, default: str = "en") -> str | None:
    """"de" or "en" when the text clearly is German or English, else None.

    `default` ("de" or "en") gets a small head start, so it wins close calls; a text without
    enough evidence still gives None (see `language`).
    """
    prepared = _prepare(text)
    return detect(prepared.masked, prepared.tokens, default)


def analyze(text: str, lang: str | None = None) -> Analysis:
    """Analyse one tweet. `lang` None: detected, English when unclear. Never raises on any text;
    an unsupported `lang` is a ValueError."""
    prepared = _prepare(text)
    if lang:
        chosen = check_lang(lang)
    else:
        chosen = detect(prepared.masked, prepared.tokens) or "en"
    rules = weighing()
    hits = lexicon_hits(text, prepared.masked, prepared.tokens, load(chosen))
    hits += computed_hits(text, prepared.tokens, prepared.entities, prepared.emoji, rules)
    verdict = weigh(text, hits, rules)

    def values(kind: str) -> tuple[str, ...]:
        return tuple(e.value for e in prepared.entities if e.kind == kind)

    return Analysis(
        text=text,
        lang=chosen,
        weighted_length=prepared.weighted_length,
        valid=prepared.valid,
        hashtags=values("hashtag"),
        mentions=values("mention"),
        urls=values("url"),
        cashtags=values("cashtag"),
        emoji=tuple(text[start:end] for start, end in prepared.emoji),
        kinds=verdict.kinds,
        primary=verdict.primary,
        signals=verdict.signals,
        scores=verdict.scores,
    )
