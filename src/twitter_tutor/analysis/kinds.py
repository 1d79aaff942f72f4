"""Signals and their weighing: which kinds a tweet shows and which one is the strongest.

Weighing (weights and factors live in lexicons/common.toml):

1. Every signal found adds its weight to its kind; the same signal again adds
   `repeat_factor` times its previous share (1, 0.5, 0.25, ...).
2. A word or pattern signal lying inside a heavier one of the same kind is dropped ("jetzt"
   in "jetzt kaufen"): the evidence is counted once. Computed signals (capitals, hashtags,
   links, mentions, emoji) say how something is written, so they are always kept.
3. A signal that `cancels` a kind drops the hits of that kind overlapping it: "delighted" in
   "is delighted to announce" is press speak, not a feeling; "order" in "your order" is
   service, not a sale.
4. An `amplifier` ("now", "new", a single "!") counts only when its kind has other evidence:
   it makes an offer louder but is no ad alone. Other kinds never weaken an ad: "I" or "?"
   next to a discount is what a disguised ad looks like.
5. A kind is strong when one of its signals reaches the kind's threshold alone. A kind without
   a strong signal is multiplied by `damping_factor` when a kind it is `damped_by` is present
   (none is, by default; trainers may set it).
6. A kind is present when its score reaches its threshold. The primary kind has the highest
   score; ties go to the first in the fixed order promotional, personal, conversational,
   informative. No kind present: "neutral".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from functools import cache
from types import MappingProxyType
from typing import NamedTuple

from twitter_tutor.analysis.entities import Entity, extract_reply
from twitter_tutor.analysis.lexicon import STEM_KEY, Lexicon, SignalSpec, Weighing
from twitter_tutor.analysis.result import KINDS, NEUTRAL, Signal
from twitter_tutor.analysis.tokens import Token


class Hit(NamedTuple):
    # A tuple, not a dataclass: a tweet makes dozens, and tuples are built fastest.
    start: int
    end: int
    spec: SignalSpec
    computed: bool = False
    """Found by the program (capitals, hashtags...): evidence of how, not of what, so it is
    never dropped for lying inside a word signal, nor drops one."""


MAX_REPEATS = 300
"""Hits kept per signal: more than a tweet of 280 characters can hold, and by then each adds
its weight times repeat_factor**300, nothing. A pasted 100 KB text makes no 100,000 signals."""


AMPLIFIER_CAP = 0.35
"""What all amplifiers of a kind add together: "Jetzt ist die beste Zeit!" stays no ad."""


class Verdict(NamedTuple):
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
    last = len(tokens) - 1
    for i, (start, end, word) in enumerate(tokens):
        for stem, indices in stems.get(word[:STEM_KEY], ()):
            if word.startswith(stem):
                hits += [Hit(start, end, specs[index]) for index in indices]
        first = words.get(word)
        if first is None:
            continue
        for length in first.lengths:
            if i + length > last:
                break  # lengths ascend: no longer phrase fits either
            rest = tuple(t[2] for t in tokens[i + 1 : i + 1 + length])
            found = first.exact.get(rest)
            if found is not None:
                phrase_end = _phrase_end(text, tokens, i, rest, False, gap)
                if phrase_end >= 0:
                    hits += [Hit(start, phrase_end, specs[index]) for index in found]
        for entry in first.stemmed:
            rest = entry.rest
            if rest and (i == last or not tokens[i + 1][2].startswith(rest[0])):
                continue  # a quick no before the full check: the next word does not fit
            phrase_end = _phrase_end(text, tokens, i, rest, True, gap)
            if phrase_end >= 0:
                hits.append(Hit(start, phrase_end, specs[entry.spec]))
    matched = lexicon.patterns.find(masked, MAX_REPEATS)
    hits += [Hit(s, e, specs[index]) for s, e, index in matched]
    return _first_per_signal(hits) if len(hits) > MAX_REPEATS else hits


def _first_per_signal(hits: list[Hit]) -> list[Hit]:
    """At most MAX_REPEATS hits per signal, the first in the text: what `weigh` counts."""
    count: dict[str, int] = {}
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: h.start):
        seen = count.get(hit.spec.name, 0)
        if seen < MAX_REPEATS:
            count[hit.spec.name] = seen + 1
            kept.append(hit)
    return kept


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
        return found.spec if found else None

    def setting(name: str, key: str, default: float) -> float:
        found = computed.get(name)
        return found.settings.get(key, default) if found else default

    if shouting := spec("shouting"):
        minimum = setting("shouting", "min_letters", 6)
        hits += [Hit(s, e, shouting, True) for s, e in _caps_runs(text, minimum)[:MAX_REPEATS]]

    if real_question := spec("real_question"):
        minimum = setting("real_question", "min_words", 3)
        hits += [
            Hit(s, e, real_question, True) for s, e in _questions(text, tokens, minimum)
        ][:MAX_REPEATS]

    hashtags = [e for e in entities if e.kind == "hashtag"]
    stuffing = spec("hashtag_stuffing")
    if stuffing and len(hashtags) >= setting("hashtag_stuffing", "min_count", 3):
        hits += [Hit(e.start, e.end, stuffing, True) for e in hashtags[:MAX_REPEATS]]

    urls = [e for e in entities if e.kind == "url"]
    if (shop := spec("shop_link")) and urls:
        hits += [Hit(e.start, e.end, shop, True) for e in urls if _SHOP.search(e.value)][:1]
    if (booking := spec("booking_link")) and urls:
        hits += [
            Hit(e.start, e.end, booking, True)
            for e in urls
            if _BOOKING_CALL.search(text, max(0, e.start - _BOOKING_REACH), e.start)
        ][:1]
    if urls:
        own_words = _own_words(tokens, hashtags)
        link_only = spec("link_only")
        if link_only and own_words < setting("link_only", "min_words", 4):
            hits.append(Hit(urls[0].start, urls[0].end, link_only, True))
        with_context = spec("link_with_context")
        if with_context and own_words >= setting("link_with_context", "min_words", 8):
            hits.append(Hit(urls[0].start, urls[0].end, with_context, True))

    mentions = [e for e in entities if e.kind == "mention"]
    if mention := spec("mention"):
        hits += [Hit(e.start, e.end, mention, True) for e in mentions[:MAX_REPEATS]]
    reply = spec("reply")
    if reply and mentions and extract_reply(text) == mentions[0].value:
        hits.append(Hit(mentions[0].start, mentions[0].end, reply, True))

    if emoji_spec := spec("emoji"):
        hits += [Hit(s, e, emoji_spec, True) for s, e in emoji[:MAX_REPEATS]]
    return hits


_SHOP = re.compile(
    r"shop|store|buy|cart|checkout|deal|sale|offer|kaufen|bestell|angebot|warenkorb|aktion",
    re.IGNORECASE,
)


# A call to book or sign up right before a link ("Termin unter", "book your slot:", "jetzt
# anmelden:"). Plain "Termine:" is left out: it also introduces a list of event dates.
_BOOKING_CALL = re.compile(
    r"(?:\btermin(?:e)?\s+(?:unter|über|bei|auf|online|vereinbaren|buchen|sichern)|"
    r"\b(?:buchen|buchbar|anmelden|anmeldung|beratung|erstgespräch|book|booking|appointment|"
    r"consultation|sign\s?up|register|slot)\b(?:\s+(?:unter|über|auf|bei|hier|at|via|here|on|online))?)"
    r"\s*[:\-–—→👉➡]?\s*$",
    re.IGNORECASE,
)
_BOOKING_REACH = 40
"""How far before a link the call may stand, in characters."""


@cache
def _sentence_end() -> re.Pattern[str]:
    return re.compile(r"[.!?\n。？！]+")


# Words that open a question when it starts a sentence, in both languages: "how do you all
# decide what to tweet" is a question even when the writer leaves out the "?".
_QUESTION_OPENERS = frozenset(
    """
    how what which who why where when whats what's anyone does do did is are can could would
    should will has have wie was welche welcher welches wer warum wieso wo wann habt hast
    kennt kennst seid bist könnt kannst würdet würdest macht machst nutzt nutzen
    """.split()  # noqa: SIM905 - a word list reads best as prose
)


_YOU = frozenset({"you", "u", "ya", "ihr", "du", "sie", "euch", "dir", "dich", "ihnen"})

# A question can close a sentence after a comma or colon, "?" left out: "If you could ask one
# thing, what would it be", "Sagt mal, welches Tool nutzt ihr". The clause opens with one of
# these words; in English an auxiliary follows ("what would", "how do"), so a relative clause
# ("a customer, who was angry") is no question; and the sentence speaks to the reader.
_GERMAN_OPENERS = frozenset(
    {"wie", "was", "welche", "welcher", "welches", "welchen", "wer", "warum", "wieso", "wo"}
    | {"wann", "ob"}
)
_CLAUSE_OPENERS = _GERMAN_OPENERS | {"how", "what", "which", "who", "why", "where", "when"}
_AUXILIARIES = frozenset(
    {"would", "do", "does", "did", "is", "are", "was", "were", "can", "could", "should"}
    | {"will", "have", "has"}
)
_CLAUSE_BREAK = frozenset(",:;–—-")


_READER = frozenset({"you", "u", "ya", "ihr", "du", "euch", "dir", "dich"})
_FORMAL_READER = frozenset({"Sie", "Ihnen"})


def _to_reader(text: str, tokens: Sequence[Token]) -> bool:
    """Some word speaks to the reader: "you", "ihr", "du", or a capitalised "Sie" inside a
    sentence (lower-case "sie", "ihnen" are "she", "they", "them")."""
    return any(
        t[2] in _READER or (i > 0 and text[t[0] : t[1]] in _FORMAL_READER)
        for i, t in enumerate(tokens)
    )


def _closing_question(text: str, tokens: Sequence[Token]) -> bool:
    """The sentence `tokens` ends in a question clause after a comma, colon or dash."""
    if not _to_reader(text, tokens):
        return False
    for index in range(len(tokens) - 1, 0, -1):
        gap = text[tokens[index - 1][1] : tokens[index][0]]
        if not any(c in _CLAUSE_BREAK for c in gap):
            continue
        opener = tokens[index][2]
        if opener not in _CLAUSE_OPENERS or len(tokens) - index < 3:
            return False
        if opener in _GERMAN_OPENERS:
            return _to_reader(text, tokens[index:])
        return tokens[index + 1][2] in _AUXILIARIES
    return False


@cache
def _rhetorical() -> re.Pattern[str]:
    """Questions nobody is meant to answer: "Who doesn't love a good stretch?", "Isn't it
    amazing…?", "Ready to treat yourself?" (ad copy), "Wer kennt das nicht?", "Wer will schon
    …?", "Was ist heutzutage schon normal?", and quiz openers that lead to a link ("Did you
    know…?")."""
    return re.compile(
        r"(?:who\s+(?:doesn[’']t|does\s+not|wouldn[’']t|isn[’']t)|isn[’']t\s+(?:it|that|this)|"
        r"aren[’']t\s+(?:they|these|those)|don[’']t\s+you\s+(?:just\s+)?(?:love|hate)|"
        r"wouldn[’']t\s+it\s+be|ready\s+(?:to|for)|tired\s+of|"
        r"wer\s+(?:\w+\s+){1,2}(?:nicht|schon)\b|was\s+(?:ist|heißt)\s+(?:\w+\s+)?schon\b|ist\s+(?:es|das)\s+nicht|wäre\s+(?:es|das)\s+nicht|"
        r"did\s+you\s+know|wusste(?:st|t)\s+(?:du|ihr)|wussten\s+sie|"
        r"bereit\s+für|lust\s+auf|keine\s+lust\s+mehr|(?:schon\s+)?genug\s+von)",
        re.IGNORECASE,
    )


def _questions(text: str, tokens: Sequence[Token], min_words: float) -> list[tuple[int, int]]:
    """Ends of real questions: a sentence of at least `min_words` words ending in "?", or one
    of more words that opens like a question and does not end in "!"; not "you?" alone."""
    starts = [t[0] for t in tokens]
    found: list[tuple[int, int]] = []
    previous = 0
    ends = [*_sentence_end().finditer(text), None]
    for match in ends:
        end = match.start() if match else len(text)
        first = bisect_left(starts, previous)
        words = bisect_left(starts, end) - first
        mark = match.group() if match else ""
        if words and _rhetorical().match(text, tokens[first][0]):
            pass  # a rhetorical question asks nobody anything
        elif "?" in mark or "？" in mark:
            # "You?" after something said is a question back; "you?" alone is not.
            short_back = len(starts) >= 8 and any(
                t[2] in _YOU for t in tokens[first : first + words]
            )
            if words >= min_words or short_back:
                found.append((match.start(), match.end()) if match else (end, end))
        elif (
            "!" not in mark
            and words >= min_words + 2
            and (
                tokens[first][2] in _QUESTION_OPENERS
                or _closing_question(text, tokens[first : first + words])
            )
        ):
            found.append((tokens[first][0], tokens[first][1]))
        if match is None:
            break
        previous = match.end()
    return found


def _own_words(tokens: Sequence[Token], hashtags: Sequence[Entity]) -> int:
    """Words outside hashtags (links and @names are blanked already), numbers not counted."""
    count = 0
    tags = iter(hashtags)
    tag = next(tags, None)
    for start, _, word in tokens:
        while tag is not None and tag.end <= start:
            tag = next(tags, None)
        if (tag is None or start < tag.start) and not word.isdigit():
            count += 1
    return count


@cache
def _capital_words() -> re.Pattern[str]:
    # Candidates for words in capitals: letters, none of them lower-case Latin. Lower-case
    # letters of other scripts pass too; `isupper` then has the last word.
    return re.compile(r"(?<!\w)[^\W\d_a-zß-ÿ]{2,}(?!\w)")


def _caps_runs(text: str, min_letters: float) -> list[tuple[int, int]]:
    """Spans of words in capitals one after another with at least `min_letters` letters; what
    lies between them may hold no lower-case letter ("NUR 20 STÜCK" is one run)."""
    runs: list[tuple[int, int]] = []
    start = end = letters = 0
    for word in _capital_words().finditer(text):
        if not word.group().isupper():
            continue
        gap = text[end : word.start()]
        if letters and gap != gap.upper():
            if letters >= min_letters:
                runs.append((start, end))
            letters = 0
        if not letters:
            start = word.start()
        end = word.end()
        letters += end - word.start()
    if letters >= min_letters:
        runs.append((start, end))
    return runs


def weigh(text: str, hits: Sequence[Hit], weighing: Weighing) -> Verdict:
    """Drop repeated evidence, add up the kinds, damp weak ones, pick the primary kind."""
    kept = _with_amplifiers_backed(_without_cancelled(_without_contained(hits)))
    thresholds = weighing.thresholds
    raw = dict.fromkeys(KINDS, 0.0)
    strong = dict.fromkeys(KINDS, False)
    seen: dict[str, int] = {}
    amplified = dict.fromkeys(KINDS, 0.0)
    counted: list[Hit] = []
    for hit in kept:
        repeat = seen.get(hit.spec.name, 0)
        if repeat >= MAX_REPEATS:
            continue
        seen[hit.spec.name] = repeat + 1
        counted.append(hit)
        added = hit.spec.weight * weighing.repeat_factor**repeat
        if hit.spec.amplifier:
            # Loud words make an offer louder, never an offer: all of them add at most this.
            added = min(added, AMPLIFIER_CAP - amplified[hit.spec.kind])
            amplified[hit.spec.kind] += added
        raw[hit.spec.kind] += added
        strong[hit.spec.kind] |= hit.spec.weight >= thresholds[hit.spec.kind]
    present = {kind: round(raw[kind], 6) >= thresholds[kind] for kind in KINDS}
    scores: dict[str, float] = {}
    for kind in KINDS:
        damped = not strong[kind] and any(present[o] for o in weighing.damped_by.get(kind, ()))
        scores[kind] = round(raw[kind] * (weighing.damping_factor if damped else 1.0), 6)
    kinds = tuple(kind for kind in KINDS if scores[kind] >= thresholds[kind])
    primary = max(kinds, key=lambda k: (scores[k], -KINDS.index(k))) if kinds else NEUTRAL
    signals = tuple(
        Signal(h.spec.name, h.spec.kind, text[h.start : h.end], h.start, h.end) for h in counted
    )
    return Verdict(signals, MappingProxyType(scores), kinds, primary)


def _without_cancelled(hits: list[Hit]) -> list[Hit]:
    """Drop hits of a kind that a cancelling hit of another signal overlaps."""
    cancelling = [h for h in hits if h.spec.cancels]
    if not cancelling:
        return hits
    return [
        h
        for h in hits
        if not any(
            h.spec.kind in c.spec.cancels and h.start < c.end and c.start < h.end
            for c in cancelling
        )
    ]


def _with_amplifiers_backed(hits: list[Hit]) -> list[Hit]:
    """Amplifiers only where their kind has a signal of its own."""
    backed = {h.spec.kind for h in hits if not h.spec.amplifier}
    return [h for h in hits if not h.spec.amplifier or h.spec.kind in backed]


def _without_contained(hits: Sequence[Hit]) -> list[Hit]:
    """Hits in text order, without word and pattern hits inside a heavier one of the same kind,
    or inside a longer one of the same weight ("ich" inside "ich bin")."""
    ordered = sorted(hits, key=lambda h: (h.start, -h.end, -h.spec.weight, h.spec.name))
    # Per kind and weight: (end, start) of the furthest-reaching hit seen so far. Hits come by
    # start, so every earlier hit starts at or before the current one.
    furthest: dict[str, dict[float, tuple[int, int]]] = {}
    kept: list[Hit] = []
    for hit in ordered:
        if hit.computed:
            kept.append(hit)
            continue
        reach = furthest.setdefault(hit.spec.kind, {})
        weight = hit.spec.weight
        inside = False
        for w, (end, start) in reach.items():
            if (end > hit.end and w >= weight) or (
                end == hit.end and (w > weight or (w == weight and start < hit.start))
            ):
                inside = True
                break
        if inside:
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
