"""Signals and their weighing: which kinds a tweet shows and which one is the strongest.

Weighing (weights and factors live in lexicons/common.toml):

1. Every signal found adds its weight to its kind; the same signal again adds
   `repeat_factor` times its previous share (1, 0.5, 0.25, ...).
2. A signal lying inside a heavier signal of the same kind is dropped ("jetzt" in
   "jetzt kaufen"): the evidence is counted once.
3. A kind is strong when one of its signals reaches the kind's threshold alone. A kind without
   a strong signal is multiplied by `damping_factor` when a kind it is `damped_by` is present
   (undamped): "jetzt" in a personal tweet or a percentage in a news tweet makes no ad.
4. A kind is present when its score reaches its threshold. The primary kind has the highest
   score; ties go to the first in the fixed order promotional, personal, conversational,
   informative. No kind present: "neutral".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from twitter_tutor.analysis.entities import Entity
from twitter_tutor.analysis.lexicon import Lexicon, SignalSpec, Weighing
from twitter_tutor.analysis.result import KINDS, NEUTRAL, Signal
from twitter_tutor.analysis.tokens import Token


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    spec: SignalSpec


@dataclass(frozen=True, slots=True)
class Verdict:
    signals: tuple[Signal, ...]
    scores: Mapping[str, float]
    kinds: tuple[str, ...]
    primary: str


@cache
def _gap() -> re.Pattern[str]:
    # Between the words of a phrase: spaces or a hyphen ("jetzt kaufen", "jetzt-kaufen").
    return re.compile(r"[\s\-\u2010\u2011]+")


def lexicon_hits(text: str, masked: str, tokens: Sequence[Token], lexicon: Lexicon) -> list[Hit]:
    """Words, phrases and patterns of `lexicon` in the tweet (links and @names blanked)."""
    specs = lexicon.specs
    hits: list[Hit] = []
    gap = _gap()
    words, stems = lexicon.words, lexicon.stems
    for i, (start, end, word) in enumerate(tokens):
        for length, by_stem in stems:
            if len(word) >= length:
                for index in by_stem.get(word[:length], ()):
                    hits.append(Hit(start, end, specs[index]))
        for entry in words.get(word, ()):
            phrase_end = _phrase_end(text, tokens, i, entry.rest, entry.stem, gap)
            if phrase_end >= 0:
                hits.append(Hit(start, phrase_end, specs[entry.spec]))
    hits += [Hit(s, e, specs[index]) for s, e, index in lexicon.patterns.find(masked)]
    return hits


def _phrase_end(
    text: str,
    tokens: Sequence[Token],
    first: int,
    rest: tuple[str, ...],
    stem: bool,
    gap: re.Pattern[str],
) -> int:
    """End of the phrase starting at token `first` whose further words are `rest`, or -1."""
    if not rest:
        return tokens[first][1]
    if first + len(rest) >= len(tokens):
        return -1
    for offset, part in enumerate(rest, start=1):
        before_end = tokens[first + offset - 1][1]
        start, _, word = tokens[first + offset]
        last = offset == len(rest)
        if not (word == part or (last and stem and word.startswith(part))):
            return -1
        if not gap.fullmatch(text, before_end, start):
            return -1
    return tokens[first + len(rest)][1]


def computed_hits(
    text: str,
    tokens: Sequence[Token],
    entities: Sequence[Entity],
    emoji: Sequence[tuple[int, int]],
    weighing: Weighing,
) -> list[Hit]:
    """The signals the program finds itself: capitals, hashtags, links, mentions, emoji."""
    hits: list[Hit] = []
    computed = weighing.computed

    def spec(name: str) -> SignalSpec | None:
        found = computed.get(name)
        return SignalSpec(name, found.kind, found.weight) if found else None

    def setting(name: str, key: str, default: float) -> float:
        found = computed.get(name)
        return found.settings.get(key, default) if found else default

    if shouting := spec("shouting"):
        minimum = setting("shouting", "min_letters", 6)
        hits += [Hit(s, e, shouting) for s, e in _caps_runs(text, tokens, minimum)]

    hashtags = [e for e in entities if e.kind == "hashtag"]
    stuffing = spec("hashtag_stuffing")
    if stuffing and len(hashtags) >= setting("hashtag_stuffing", "min_count", 3):
        hits += [Hit(e.start, e.end, stuffing) for e in hashtags]

    urls = [e for e in entities if e.kind == "url"]
    if urls:
        own_words = sum(
            1
            for start, _, word in tokens
            if not word.isdigit() and not any(h.start <= start < h.end for h in hashtags)
        )
        link_only = spec("link_only")
        if link_only and own_words < setting("link_only", "min_words", 4):
            hits.append(Hit(urls[0].start, urls[0].end, link_only))
        with_context = spec("link_with_context")
        if with_context and own_words >= setting("link_with_context", "min_words", 8):
            hits.append(Hit(urls[0].start, urls[0].end, with_context))

    mentions = [e for e in entities if e.kind == "mention"]
    if mention := spec("mention"):
        hits += [Hit(e.start, e.end, mention) for e in mentions]
    reply = spec("reply")
    if reply and mentions and mentions[0].start == len(text) - len(text.lstrip()):
        hits.append(Hit(mentions[0].start, mentions[0].end, reply))

    if emoji_spec := spec("emoji"):
        hits += [Hit(s, e, emoji_spec) for s, e in emoji]
    return hits


def _caps_runs(text: str, tokens: Sequence[Token], min_letters: float) -> list[tuple[int, int]]:
    """Spans of words in capitals one after another with at least `min_letters` letters."""
    runs: list[tuple[int, int]] = []
    start = end = letters = 0

    def close() -> None:
        if letters >= min_letters:
            runs.append((start, end))

    for token_start, token_end, _ in tokens:
        raw = text[token_start:token_end]
        if raw.isupper():
            if not letters:
                start = token_start
            end = token_end
            letters += sum(1 for char in raw if char.isalpha())
        elif not raw.isdigit():  # numbers neither start nor break a run ("NUR 20 STÜCK")
            close()
            letters = 0
    close()
    return runs


def weigh(text: str, hits: Sequence[Hit], weighing: Weighing) -> Verdict:
    """Drop repeated evidence, add up the kinds, damp weak ones, pick the primary kind."""
    kept = _without_contained(hits)
    thresholds = weighing.thresholds
    raw = dict.fromkeys(KINDS, 0.0)
    strong = dict.fromkeys(KINDS, False)
    seen: dict[str, int] = {}
    for hit in kept:
        repeat = seen.get(hit.spec.name, 0)
        seen[hit.spec.name] = repeat + 1
        raw[hit.spec.kind] += hit.spec.weight * weighing.repeat_factor**repeat
        strong[hit.spec.kind] |= hit.spec.weight >= thresholds[hit.spec.kind]
    present = {kind: round(raw[kind], 6) >= thresholds[kind] for kind in KINDS}
    scores: dict[str, float] = {}
    for kind in KINDS:
        damped = not strong[kind] and any(present[o] for o in weighing.damped_by.get(kind, ()))
        scores[kind] = round(raw[kind] * (weighing.damping_factor if damped else 1.0), 6)
    kinds = tuple(kind for kind in KINDS if scores[kind] >= thresholds[kind])
    primary = max(kinds, key=lambda k: (scores[k], -KINDS.index(k))) if kinds else NEUTRAL
    signals = tuple(
        Signal(h.spec.name, h.spec.kind, text[h.start : h.end], h.start, h.end) for h in kept
    )
    return Verdict(signals, MappingProxyType(scores), kinds, primary)


def _without_contained(hits: Sequence[Hit]) -> list[Hit]:
    """Hits in text order, without those inside a heavier hit of the same kind, or inside a
    longer one of the same weight ("ich" inside "ich bin")."""
    ordered = sorted(hits, key=lambda h: (h.start, -h.end, -h.spec.weight, h.spec.name))
    # Per kind and weight: (end, start) of the furthest-reaching hit seen so far. Hits come by
    # start, so every earlier hit starts at or before the current one.
    furthest: dict[str, dict[float, tuple[int, int]]] = {}
    kept: list[Hit] = []
    for hit in ordered:
        reach = furthest.setdefault(hit.spec.kind, {})
        weight = hit.spec.weight
        if any(
            w > weight and end >= hit.end
            or w == weight and (end > hit.end or end == hit.end and start < hit.start)
            for w, (end, start) in reach.items()
        ):
            continue
        if reach.get(weight, (-1, 0))[0] < hit.end:
            reach[weight] = (hit.end, hit.start)
        kept.append(hit)
    return _dedupe(kept)


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """One hit per signal and span (a word listed twice, or found as word and pattern)."""
    seen: set[tuple[int, int, str]] = set()
    unique: list[Hit] = []
    for hit in hits:
        key = (hit.start, hit.end, hit.spec.name)
        if key not in seen:
            seen.add(key)
            unique.append(hit)
    return unique
