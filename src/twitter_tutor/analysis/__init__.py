"""Tweet analysis: weighted length, entities, emoji, language, and the kinds a tweet shows.

    analysis = analyze("Jetzt kaufen! 50% Rabatt!", lang="de")
    analysis.kinds    # ("promotional",)
    analysis.signals  # (Signal("call_to_action", "promotional", "Jetzt kaufen", 0, 12), ...)

Modules: `length` (weighted length, validity), `urls` and `entities` (what twitter-text
extracts), `emoji_seq` (emoji sequences), `language` (German or English), `lexicon` and
`patterns` (the TOML lexicons in `lexicons/`), `folder_lexicon` (a lesson folder's own words,
from its `_words.toml`), `tokens` (words), `kinds` (signals and their weighing), `pipeline`
(one analysis), `result` (the dataclasses).
Importing this package loads only `result`; the first analysis loads and compiles the rest.

Decisions, with figures measured on the project machine (2 cores, Python 3.11.7, shared with
other work; `python bench/bench_analysis.py`, which prints them as a Markdown table):

- Weighted length and entities follow twitter-text 3 (config v3) and pass its conformance
  suite (tests/data/twitter-text). The PyPI port `twitter-text-parser` was not used: it takes
  ~1.8 ms per 280-character tweet and ~190 ms to import, and imports `pkg_resources`.
- Emoji: not the `emoji` library, although it is a dependency anyway: ~90 ms to import, ~7 ms
  for its first call and 0.22 ms median (0.49 ms p99) per tweet, a quarter to a half of the
  1 ms budget. `emoji_seq` finds the same sequences from a 200-line table (data/emoji.txt) in
  0.005 ms median (0.03 ms p99) and compiles in ~7 ms on first use; a test checks it against
  every emoji the library knows.
- URLs: twitter-text's TLD alternation takes ~25 ms to compile in Python, and its expression
  backtracks quadratically on long runs of non-Latin letters; `urls` applies the same rules
  with a TLD set (data/tlds.txt) in linear time.
- Speed of `analyze()`, 10,000 varied tweets of 20-280 characters in both languages: median
  0.41 ms, p99 0.92 ms; tweets of exactly 280 characters: median 0.57 ms, p99 1.0 ms.
  100 KB of text: well under a second (tests/unit/analysis/test_bad_input.py).
- Import: 5.6 ms once `dataclasses` and `re` are loaded, as in the TUI (Textual loads them);
  38 ms in a bare interpreter, 32 ms of it the standard library's `dataclasses`, which the
  frozen dataclasses of the API need.
- First `analyze()` after the import: ~70 ms in a bare interpreter (importing the modules and
  tomli, reading the lexicons, compiling the patterns), then ~15 ms for the second language.
  An application can pay it early: `analyze("Hi @x #y example.com 😀", lang=...)` once for
  "de" and once for "en" in a background worker at start-up touches every part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from twitter_tutor.analysis.result import KINDS, NEUTRAL, Analysis, Signal

if TYPE_CHECKING:
    from twitter_tutor.analysis.folder_lexicon import ExtraWords

# Only the result types are imported here; the rest loads on first use, so importing this
# package (as the TUI does at start-up) costs next to nothing.

__all__ = [
    "KINDS",
    "NEUTRAL",
    "Analysis",
    "Signal",
    "analyze",
    "detect_lang",
    "entity_spans",
    "extra_words",
    "extract_cashtags",
    "extract_hashtags",
    "extract_mentions",
    "extract_urls",
    "weighted_length",
]


def analyze(text: str, lang: str | None = None, extra: ExtraWords | None = None) -> Analysis:
    """Analyse one tweet. `lang` None: detected, English when unclear. `extra`: a lesson
    folder's own words, from `extra_words`. Never raises on any text; an unsupported `lang` is
    a ValueError."""
    from twitter_tutor.analysis import pipeline

    return pipeline.analyze(text, lang, extra)


def extra_words(lists: tuple[tuple[str, str, tuple[str, ...]], ...]) -> ExtraWords:
    """A lesson folder's own words, (language, kind, words) per list, compiled for `analyze`:
    one signal `folder_<kind>` of weight 1.0 per kind. Cached per content; an entry that is
    no word is left out."""
    from twitter_tutor.analysis import folder_lexicon

    return folder_lexicon.compile_words(lists)


def detect_lang(text: str, default: str = "en", *, letters: bool = True) -> str | None:
    """ "de" or "en" when the text clearly is German or English, else None.

    `default` ("de" or "en") gets a small head start, so it wins close calls; a text without
    enough evidence still gives None (see `language`). `letters=False`: words only.
    """
    from twitter_tutor.analysis import pipeline

    return pipeline.detect_lang(text, default, letters=letters)


def entity_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every hashtag, @name, link and cashtag, as twitter-text finds them."""
    from twitter_tutor.analysis import pipeline

    return [(e.start, e.end) for e in pipeline.prepare_entities(text)]


def weighted_length(text: str) -> int:
    """The length Twitter counts against the 280 limit (twitter-text config v3)."""
    from twitter_tutor.analysis import length

    return length.weighted_length(text)


def extract_hashtags(text: str) -> list[str]:
    """Hashtags without '#', in text order, as twitter-text extracts them."""
    from twitter_tutor.analysis import entities

    return entities.extract_hashtags(text)


def extract_mentions(text: str) -> list[str]:
    """Mentioned user names without '@', in text order, as twitter-text extracts them."""
    from twitter_tutor.analysis import entities

    return entities.extract_mentions(text)


def extract_urls(text: str) -> list[str]:
    """URLs with and without protocol, in text order, as twitter-text extracts them."""
    from twitter_tutor.analysis import entities

    return entities.extract_urls(text)


def extract_cashtags(text: str) -> list[str]:
    """Cashtags without '$', in text order, as twitter-text extracts them."""
    from twitter_tutor.analysis import entities

    return entities.extract_cashtags(text)
