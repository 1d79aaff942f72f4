"""One analysis from start to end: entities, length, language, signals, verdict."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from twitter_tutor.analysis.emoji_seq import find_emoji
from twitter_tutor.analysis.entities import Entity, combine_entities
from twitter_tutor.analysis.folder_lexicon import ExtraWords
from twitter_tutor.analysis.kinds import Hit, computed_hits, lexicon_hits, weigh
from twitter_tutor.analysis.language import check_lang, detect
from twitter_tutor.analysis.length import is_valid, normalize, weighted_from_spans, weighted_length
from twitter_tutor.analysis.lexicon import load, strong_ads, weighing
from twitter_tutor.analysis.result import Analysis
from twitter_tutor.analysis.tokens import Token, blank, tokenize
from twitter_tutor.analysis.urls import extract_url_matches


class _Prepared(NamedTuple):
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


def _foreign_ads(text: str, prepared: _Prepared, lang: str, hits: list[Hit]) -> list[Hit]:
    """Strong ad phrases of the other language ("Sale! Buy now" in a German tweet).

    German marketing mixes in English ad phrases and vice versa; an ad stays an ad whichever
    language the rest of the tweet is in. Only the strong ad signals are looked for (a small
    lexicon), and none that overlaps a hit already found.
    """
    other = "en" if lang == "de" else "de"
    taken = [(h.start, h.end) for h in hits]
    return [
        h
        for h in lexicon_hits(text, prepared.masked, prepared.tokens, strong_ads(other))
        if not any(h.start < end and start < h.end for start, end in taken)
    ]


def prepare_entities(text: str) -> tuple[Entity, ...]:
    """The entities of `text`, from the same cached preparation an analysis uses."""
    return _prepare(text).entities


def detect_lang(text: str, default: str = "en", *, letters: bool = True) -> str | None:
    """ "de" or "en" when the text clearly is German or English, else None.

    `default` ("de" or "en") gets a small head start, so it wins close calls; a text without
    enough evidence still gives None (see `language`). `letters=False`: words only.
    """
    prepared = _prepare(text)
    return detect(prepared.masked, prepared.tokens, default, letters=letters)


def analyze(text: str, lang: str | None = None, extra: ExtraWords | None = None) -> Analysis:
    """Analyse one tweet. `lang` None: detected, English when unclear. `extra`: a lesson
    folder's own words (folder_lexicon). Never raises on any text; an unsupported `lang` is a
    ValueError."""
    prepared = _prepare(text)
    chosen = check_lang(lang) if lang else detect(prepared.masked, prepared.tokens) or "en"
    rules = weighing()
    hits = lexicon_hits(text, prepared.masked, prepared.tokens, load(chosen))
    own = extra.lexicons.get(chosen) if extra is not None else None
    if own is not None:
        hits += lexicon_hits(text, prepared.masked, prepared.tokens, own)
    hits += _foreign_ads(text, prepared, chosen, hits)
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
