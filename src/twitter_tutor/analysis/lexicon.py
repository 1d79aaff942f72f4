"""The lexicons in `lexicons/*.toml`: read once, checked, and compiled into fast lookups.

Words and phrases become a dictionary from a word to the entries starting with it, so a tweet
is tokenised once and looked up word by word; only `patterns` are regular expressions. A
mistake in a file raises `LexiconError` naming the file and the signal, so a trainer can fix it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any, NamedTuple

from twitter_tutor.analysis.files import read_text
from twitter_tutor.analysis.patterns import PatternSet
from twitter_tutor.analysis.result import KINDS

LANGS: tuple[str, ...] = ("de", "en")
COMPUTED: tuple[str, ...] = (
    "shouting",
    "real_question",
    "shop_link",
    "booking_link",
    "hashtag_stuffing",
    "link_only",
    "link_with_context",
    "mention",
    "reply",
    "emoji",
)
"""Signals the program finds itself; common.toml gives their kind, weight and settings."""

STEM_KEY = 3
"""Words with a final * are looked up by their first three letters, so they need three."""

_WORD_PART = re.compile(r"\w+(?:'\w+)*\*?")
_NAME = re.compile(r"[a-z][a-z0-9_]*")


class LexiconError(ValueError):
    """A lexicon file is not as documented."""


class SignalSpec(NamedTuple):
    name: str
    kind: str
    weight: float
    amplifier: bool = False
    """Counts only next to another signal of its kind that is not an amplifier: "now" or "new"
    make an offer louder, but alone they are no ad."""
    cancels: tuple[str, ...] = ()
    """Kinds whose hits overlapping this one are dropped: "delighted" inside "is delighted to
    announce" is press speak, not a feeling; "order" in "your order" is service, not a sale."""


class SignalBlock(NamedTuple):
    """One [[signal]] table of a lexicon file, checked."""

    where: str
    """For messages: "lexicons/en.toml: signal 'call_to_action'"."""
    spec: SignalSpec
    words: list[str]
    patterns: list[str]


class Entry(NamedTuple):
    """One word or phrase: the folded words after the first; `stem` lets the last word end
    in anything."""

    rest: tuple[str, ...]
    stem: bool
    spec: int


class FirstWord(NamedTuple):
    """The words and phrases that start with one word, indexed so a tweet word costs a few
    dict lookups however many phrases share it (a trainer's list of 1,000 "crew member N")."""

    exact: Mapping[tuple[str, ...], tuple[int, ...]]
    """The further words of a phrase (() for the word alone) -> spec indices."""
    lengths: tuple[int, ...]
    """The numbers of further words in `exact`, each once."""
    stemmed: tuple[Entry, ...]
    """Phrases whose last word ends in *: checked one by one."""


class Lexicon(NamedTuple):
    """Everything needed to find the signals of one language (its own and the common ones)."""

    lang: str
    specs: tuple[SignalSpec, ...]
    words: Mapping[str, FirstWord]
    """First word (folded, whole) -> its words and phrases."""
    stems: Mapping[str, tuple[tuple[str, tuple[int, ...]], ...]]
    """First STEM_KEY letters -> (stem, spec indices), for single words with a final *."""
    patterns: PatternSet


class Computed(NamedTuple):
    spec: SignalSpec
    settings: Mapping[str, float]


class Weighing(NamedTuple):
    thresholds: Mapping[str, float]
    repeat_factor: float
    damping_factor: float
    damped_by: Mapping[str, tuple[str, ...]]
    computed: Mapping[str, Computed]


def fold(word: str) -> str:
    """The form words are compared in: lower case, ß as ss, typographic apostrophe as '."""
    word = word.lower().replace("’", "'")
    return word.replace("ß", "ss") if "ß" in word else word


@cache
def _read(name: str) -> dict[str, Any]:
    # tomli, not tomllib: the lesson loader imports it already, and its compiled wheel parses
    # the lexicons three times faster.
    import tomli

    try:
        data: dict[str, Any] = tomli.loads(read_text("lexicons", f"{name}.toml"))
    except (OSError, tomli.TOMLDecodeError) as error:
        raise LexiconError(f"lexicons/{name}.toml: {error}") from error
    return data


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise LexiconError(f"{where}: expected a number, got {value!r}")
    return float(value)


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: expected a list of strings")
    return list(value)


def _kind(value: object, where: str) -> str:
    if value not in KINDS:
        raise LexiconError(f"{where}: kind must be one of {', '.join(KINDS)}, got {value!r}")
    return str(value)


def signal_blocks(name: str) -> list[SignalBlock]:
    """Every [[signal]] of lexicons/<name>.toml ("common", "de" or "en"), checked."""
    return parse_signals(_read(name), name)


def parse_signals(data: Mapping[str, Any], name: str) -> list[SignalBlock]:
    """The [[signal]] tables of a lexicon file's parsed TOML, checked: a mistake raises
    LexiconError naming lexicons/<name>.toml and the signal."""
    blocks = data.get("signal", [])
    if not isinstance(blocks, list):
        raise LexiconError(f"lexicons/{name}.toml: [[signal]] must be an array of tables")
    found = []
    for number, block in enumerate(blocks, start=1):
        where = f"lexicons/{name}.toml: signal {number}"
        if not isinstance(block, dict):
            raise LexiconError(f"{where}: not a table")
        allowed = {"name", "kind", "weight", "words", "patterns", "amplifier", "cancels"}
        unknown = set(block) - allowed
        if unknown:
            raise LexiconError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        signal_name = block.get("name")
        if not isinstance(signal_name, str) or not _NAME.fullmatch(signal_name):
            raise LexiconError(f"{where}: name must be lower_case_with_underscores")
        where = f"lexicons/{name}.toml: signal {signal_name!r}"
        amplifier = block.get("amplifier", False)
        if not isinstance(amplifier, bool):
            raise LexiconError(f"{where}: amplifier must be true or false")
        cancels = tuple(
            _kind(k, f"{where}: cancels") for k in _strings(block.get("cancels", []), where)
        )
        spec = SignalSpec(
            signal_name,
            _kind(block.get("kind"), where),
            _number(block.get("weight"), f"{where}: weight"),
            amplifier,
            cancels,
        )
        words = _strings(block.get("words", []), f"{where}: words")
        patterns = _strings(block.get("patterns", []), f"{where}: patterns")
        if not words and not patterns:
            raise LexiconError(f"{where}: needs words or patterns")
        found.append(SignalBlock(where, spec, words, patterns))
    return found


def parse_word(entry: str, where: str) -> tuple[list[str], bool]:
    """A word or phrase of `words` as folded words, and whether the last one is a stem (ends
    in *); LexiconError, starting with `where`, when it is none."""
    parts = [p for p in re.split(r"[\s\-]+", fold(entry)) if p]
    if not parts or not all(_WORD_PART.fullmatch(p) for p in parts):
        raise LexiconError(
            f"{where}: {entry!r} is not a word or phrase (letters, digits, ' and a final *); "
            "put it in `patterns`"
        )
    if any("*" in p for p in parts[:-1]):
        raise LexiconError(f"{where}: {entry!r}: * only at the end")
    stem = parts[-1].endswith("*")
    if stem:
        parts[-1] = parts[-1][:-1]
        if len(parts) == 1 and len(parts[0]) < STEM_KEY:
            raise LexiconError(f"{where}: {entry!r}: a word with * needs {STEM_KEY} letters")
    return parts, stem


@cache
def load(lang: str) -> Lexicon:
    """The lexicon of `lang` ("de" or "en") merged with the common signals; cached."""
    if lang not in LANGS:
        raise ValueError(f"no lexicon for language {lang!r} (have: {', '.join(LANGS)})")
    return build(lang, signal_blocks("common") + signal_blocks(lang))


@cache
def strong_ads(lang: str) -> Lexicon:
    """Only the promotional signals of `lang` that decide alone ("buy now", "Jetzt kaufen").

    Used on tweets in the other language: an English ad phrase in a German tweet is still an ad.
    """
    if lang not in LANGS:
        raise ValueError(f"no lexicon for language {lang!r} (have: {', '.join(LANGS)})")
    threshold = weighing().thresholds["promotional"]
    blocks = [
        block
        for block in signal_blocks(lang)
        if block.spec.kind == "promotional" and block.spec.weight >= threshold
    ]
    return build(lang, blocks)


def build(lang: str, blocks: list[SignalBlock]) -> Lexicon:
    """The lookups of `blocks`; LexiconError for a word that is none or a bad pattern."""
    specs: list[SignalSpec] = []
    words: dict[str, list[Entry]] = {}
    stems: dict[str, dict[str, list[int]]] = {}
    patterns: list[tuple[int, re.Pattern[str]]] = []
    for where, spec, entries, regexes in blocks:
        if any(s.name == spec.name for s in specs):
            raise LexiconError(f"{where}: the name is used twice")
        index = len(specs)
        specs.append(spec)
        for entry in entries:
            parts, stem = parse_word(entry, where)
            if len(parts) == 1 and stem:
                key = parts[0][:STEM_KEY]
                stems.setdefault(key, {}).setdefault(parts[0], []).append(index)
            else:
                words.setdefault(parts[0], []).append(Entry(tuple(parts[1:]), stem, index))
        for regex in regexes:
            try:
                patterns.append((index, re.compile(regex, re.IGNORECASE)))
            except re.error as error:
                raise LexiconError(f"{where}: pattern {regex!r}: {error}") from error
    return Lexicon(
        lang=lang,
        specs=tuple(specs),
        # Plain dicts: looked up for every word of every tweet, and nobody else holds them.
        words={k: _first_word(v) for k, v in words.items()},
        stems={k: tuple((stem, tuple(v)) for stem, v in d.items()) for k, d in stems.items()},
        patterns=PatternSet(patterns),
    )


def _first_word(entries: list[Entry]) -> FirstWord:
    exact: dict[tuple[str, ...], list[int]] = {}
    for entry in entries:
        if not entry.stem:
            exact.setdefault(entry.rest, []).append(entry.spec)
    return FirstWord(
        exact={rest: tuple(specs) for rest, specs in exact.items()},
        lengths=tuple(sorted({len(rest) for rest in exact})),
        stemmed=tuple(e for e in entries if e.stem),
    )


@cache
def weighing() -> Weighing:
    """Thresholds, repeat and damping factors and the computed signals, from common.toml."""
    data = _read("common")
    where = "lexicons/common.toml"
    table = data.get("weighing", {})
    thresholds_table = data.get("thresholds", {})
    thresholds = {k: _number(thresholds_table.get(k), f"{where}: thresholds.{k}") for k in KINDS}
    damped_by: dict[str, tuple[str, ...]] = {}
    for kind, others in data.get("damped_by", {}).items():
        _kind(kind, f"{where}: damped_by")
        damped_by[kind] = tuple(_kind(o, f"{where}: damped_by.{kind}") for o in others)
    computed: dict[str, Computed] = {}
    for name, block in data.get("computed", {}).items():
        if name not in COMPUTED:
            raise LexiconError(f"{where}: unknown computed signal {name!r}")
        settings = {
            key: _number(value, f"{where}: computed.{name}.{key}")
            for key, value in block.items()
            if key not in ("kind", "weight", "amplifier")
        }
        spec = SignalSpec(
            name,
            _kind(block.get("kind"), f"{where}: computed.{name}"),
            _number(block.get("weight"), f"{where}: computed.{name}.weight"),
            block.get("amplifier", False) is True,
        )
        computed[name] = Computed(spec, MappingProxyType(settings))
    return Weighing(
        thresholds=MappingProxyType(thresholds),
        repeat_factor=_number(table.get("repeat_factor"), f"{where}: weighing.repeat_factor"),
        damping_factor=_number(table.get("damping_factor"), f"{where}: weighing.damping_factor"),
        damped_by=MappingProxyType(damped_by),
        computed=MappingProxyType(computed),
    )


@cache
def language_evidence() -> Mapping[str, tuple[frozenset[str], str]]:
    """lang -> (words typical of it and of no other lexicon, its typical letters).

    The words are the `[language] words` plus every word of the language's signals ("kaufen",
    "Wochenende"), so short tweets full of signal words are recognised too.
    """
    words: dict[str, frozenset[str]] = {}
    letters: dict[str, str] = {}
    for lang in LANGS:
        table = _read(lang).get("language", {})
        where = f"lexicons/{lang}.toml: [language]"
        vocabulary = {fold(w) for w in _strings(table.get("words", []), f"{where} words")}
        for where_signal, _, entries, _ in signal_blocks(lang):
            for entry in entries:
                parts, stem = parse_word(entry, where_signal)
                vocabulary.update(parts[:-1] if stem else parts)
        words[lang] = frozenset(vocabulary)
        chars = table.get("letters", "")
        if not isinstance(chars, str) or not all(ord(c) > 127 for c in chars):
            raise LexiconError(f"{where} letters: expected a string of non-ASCII letters")
        letters[lang] = chars.lower()  # not folded: fold() turns ß into "ss"
    return MappingProxyType(
        {
            lang: (
                words[lang].difference(*(words[o] for o in LANGS if o != lang)),
                letters[lang],
            )
            for lang in LANGS
        }
    )
