"""Words a lesson folder adds to the lexicons (its `_words.toml`), compiled for `analyze`.

Each kind with words becomes one signal, `folder_<kind>`, of weight 1.0: like a clear ad word
("buy now"), one of them decides alone. They are looked up like the built-in words (a
dictionary from a tweet's word to the entries starting with it), never as regular expressions.

A tweet analysed as German finds the German lists, as English the English ones; the ad words
of the other language count too, because an ad stays an ad in any language (as the built-in
strong ad phrases do, pipeline._foreign_ads).

Passed to `analyze` explicitly, never installed globally: one process grades the lessons of
several folders, each with its own words.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from twitter_tutor.analysis.lexicon import (
    LANGS,
    Lexicon,
    LexiconError,
    SignalBlock,
    SignalSpec,
    build,
    parse_word,
)
from twitter_tutor.analysis.result import KINDS

WEIGHT = 1.0
"""Every kind's threshold (lexicons/common.toml): a folder's word decides alone."""

WordLists = tuple[tuple[str, str, tuple[str, ...]], ...]
"""(language, kind, words) per list, as content.lesson.FolderWords holds them."""


class ExtraWords(NamedTuple):
    lexicons: Mapping[str, Lexicon]
    """Tweet language -> what to look for in a tweet of that language."""


def signal_name(kind: str) -> str:
    return f"folder_{kind}"


@lru_cache(maxsize=32)
def compile_words(lists: WordLists) -> ExtraWords:
    """The lists compiled; cached, so each folder's file is compiled once. A language or kind
    the analysis does not know, and an entry that is no word, are left out (`check` reports
    them; the content layer passes only valid ones)."""
    lexicons: dict[str, Lexicon] = {}
    for lang in LANGS:
        blocks = []
        for kind in KINDS:
            words = [
                word
                for list_lang, list_kind, entries in lists
                if list_kind == kind
                and (list_lang == lang or (kind == "promotional" and list_lang in LANGS))
                for word in entries
                if _is_word(word)
            ]
            if words:
                spec = SignalSpec(signal_name(kind), kind, WEIGHT)
                where = f"_words.toml: {kind}"
                blocks.append(SignalBlock(where, spec, list(dict.fromkeys(words)), []))
        if blocks:
            lexicons[lang] = build(lang, blocks)
    return ExtraWords(MappingProxyType(lexicons))


def _is_word(entry: str) -> bool:
    try:
        parse_word(entry, "_words.toml")
    except LexiconError:
        return False
    return True
