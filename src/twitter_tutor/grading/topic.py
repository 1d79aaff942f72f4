"""Is an answer about what the exercise asks? Topic words matched by their stems.

Stems come from the Snowball stemmers (the `snowballstemmer` package, which uses the C
PyStemmer when it is installed): "Fotos", "Foto" and "photos", "photo" reduce to one stem each.
German joins nouns into compounds, so in German a topic stem of four letters or more also
matches inside a word: "Baustellenfoto" is about "Foto". English does not ("site" is not in
"website"). A `*` at either end of a topic word is a plain wildcard there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from twitter_tutor.grading.words import fold, words

_STEMMERS = {"de": "german", "en": "english"}
COMPOUND_MIN = 4


@cache
def _stemmer(lang: str) -> object:
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer(_STEMMERS.get(lang, "english"))


@lru_cache(maxsize=16_384)
def stem(word: str, lang: str) -> str:
    # Cached: a rubric's topic words are stemmed again for every word of every answer, and
    # Snowball is pure Python here (about 0.1 ms a word).
    stemmed: str = _stemmer(lang).stemWord(word)  # type: ignore[attr-defined]
    return stemmed


@dataclass(frozen=True)
class _Part:
    """One word of a topic entry, prepared once per rubric (not once per answer word)."""

    core: str
    head: bool
    tail: bool
    stem: str
    compound: bool
    """German compounds: the stem (or a `word*` core) may stand anywhere inside a word."""


@lru_cache(maxsize=256)
def _prepared(topic_words: tuple[str, ...], lang: str) -> tuple[tuple[str, tuple[_Part, ...]], ...]:
    prepared = []
    for entry in topic_words:
        parts: list[_Part] = []
        for raw in entry.split():
            part = fold(raw)
            head, tail, core = part.startswith("*"), part.endswith("*"), part.strip("*")
            if not core:
                parts = []
                break
            word_stem = stem(core, lang)
            compound = lang == "de" and len(core if tail else word_stem) >= COMPOUND_MIN
            parts.append(_Part(core, head, tail, word_stem, compound))
        if parts:
            prepared.append((entry, tuple(parts)))
    return tuple(prepared)


def _part_matches(word: str, word_stem: str, part: _Part) -> bool:
    core = part.core
    if part.head and part.tail:
        return core in word
    if part.tail:
        return word.startswith(core) or (part.compound and core in word)
    if part.head:
        return word.endswith(core) or word_stem.endswith(part.stem)
    if word_stem == part.stem or word == core:
        return True
    if len(part.stem) >= COMPOUND_MIN:
        if word.startswith(part.stem):
            return True
        if part.compound and part.stem in word:
            return True
    return False


def matches(text: str, topic_words: Sequence[str], lang: str) -> list[str]:
    """The words of `text` that match a topic word, each once, in the order of the topic words."""
    said = words(text)
    stems = [stem(w, lang) for w in said]
    found: dict[str, None] = {}
    for _entry, parts in _prepared(tuple(topic_words), lang):
        width = len(parts)
        for i in range(len(said) - width + 1):
            if all(_part_matches(said[i + k], stems[i + k], part) for k, part in enumerate(parts)):
                found[" ".join(said[i : i + width])] = None
    return list(found)
