"""Is an answer about what the exercise asks? Topic words matched by their stems.

Stems come from the Snowball stemmers (the `snowballstemmer` package, which uses the C
PyStemmer when it is installed): "Fotos", "Foto" and "photos", "photo" reduce to one stem each.
German joins nouns into compounds, so in German a topic stem of four letters or more also
matches inside a word: "Baustellenfoto" is about "Foto". English does not ("site" is not in
"website"). A `*` at either end of a topic word is a plain wildcard there.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from twitter_tutor.grading.words import fold, words

_STEMMERS = {"de": "german", "en": "english"}
COMPOUND_MIN = 4


@cache
def _stemmer(lang: str) -> object:
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer(_STEMMERS.get(lang, "english"))


def stem(word: str, lang: str) -> str:
    stemmed: str = _stemmer(lang).stemWord(word)  # type: ignore[attr-defined]
    return stemmed


def _part_matches(word: str, word_stem: str, entry: str, lang: str) -> bool:
    head, tail = entry.startswith("*"), entry.endswith("*")
    core = entry.strip("*")
    if not core:
        return False
    if head and tail:
        return core in word
    if tail:
        compound = lang == "de" and len(core) >= COMPOUND_MIN and core in word
        return word.startswith(core) or compound
    if head:
        return word.endswith(core) or word_stem.endswith(stem(core, lang))
    entry_stem = stem(core, lang)
    if word_stem == entry_stem or word == core:
        return True
    if len(entry_stem) >= COMPOUND_MIN:
        if word.startswith(entry_stem):
            return True
        if lang == "de" and entry_stem in word:
            return True
    return False


def matches(text: str, topic_words: Sequence[str], lang: str) -> list[str]:
    """The words of `text` that match a topic word, each once, in the order of the topic words."""
    said = words(text)
    stems = [stem(w, lang) for w in said]
    found: dict[str, None] = {}
    for entry in topic_words:
        parts = [fold(p) for p in entry.split()]
        if not parts:
            continue
        for i in range(len(said) - len(parts) + 1):
            if all(
                _part_matches(said[i + k], stems[i + k], part, lang)
                for k, part in enumerate(parts)
            ):
                found[" ".join(said[i : i + len(parts)])] = None
    return list(found)
