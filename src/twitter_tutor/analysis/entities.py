"""Hashtags, mentions, cashtags and URLs, extracted as twitter-text extracts them.

The public `extract_*` functions return the entity texts (without '#', '@', '$') like
twitter-text's `extractHashtags`, `extractMentions`, `extractUrls` and `extractCashtags`;
`extract_entities` returns all of them with indices and without overlaps, as
`extractEntitiesWithIndices` does. Indices are code points of the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache
from typing import NamedTuple

from twitter_tutor.analysis.charsets import DIRECTIONAL, LATIN_ACCENTS, PUNCT, SPACES
from twitter_tutor.analysis.urls import UrlMatch, extract_url_matches

# Characters twitter-text allows inside a hashtag besides letters, marks and digits.
_HASHTAG_SPECIAL = frozenset(
    "_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\xb7"
)
_HASH_SIGNS = "#＃"


class Entity(NamedTuple):
    """One entity: `kind` is "hashtag", "mention", "url" or "cashtag"; `value` is its text
    without the sign ('#', '@', '$'), for URLs the URL as twitter-text reports it."""

    kind: str
    value: str
    start: int
    end: int


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compiled on first use: hash signs, mention, mention end, cashtag."""
    hash_sign = re.compile(f"[{_HASH_SIGNS}]")
    # twitter-text's validMentionOrList; the preceding text is consumed like in JavaScript, so
    # finditer resumes where the expression there resumes.
    mention = re.compile(
        r"(?P<before>^|[^a-zA-Z0-9_!#$%&*@＠]|(?:^|[^a-zA-Z0-9_+~.-])(?:rt|RT|rT|Rt):?)"
        r"[@＠](?P<name>[a-zA-Z0-9_]{1,20})(?P<list>/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?"
    )
    mention_end = re.compile(rf"[@＠{LATIN_ACCENTS}]|://")
    spaces = "".join(re.escape(c) for c in SPACES)
    punct = "".join(re.escape(c) for c in PUNCT)
    cashtag = re.compile(
        rf"(?:^|(?<=[{spaces}]))\$(?P<tag>[a-z]{{1,6}}(?:[._][a-z]{{1,2}})?)(?=\Z|\s|[{punct}])",
        re.IGNORECASE,
    )
    return hash_sign, mention, mention_end, cashtag


@cache
def _at_signs() -> re.Pattern[str]:
    return re.compile("[@＠]")


def _hashtag_char(char: str) -> int:
    """2 for a letter or mark, 1 for a digit or allowed special character, 0 otherwise."""
    category = unicodedata.category(char)
    if category[0] in "LM":
        return 2
    return 1 if category == "Nd" or char in _HASHTAG_SPECIAL else 0


def _hashtags(text: str) -> list[Entity]:
    """twitter-text's validHashtag, scanned by hand: its letter classes as a regular expression
    would be a large character set to compile."""
    found: list[Entity] = []
    n = len(text)
    for sign in _patterns()[0].finditer(text):
        i = sign.start()
        if i > 0:
            before = text[i - 1]
            # Boundary: start, a variation selector, or anything but '&' and hashtag characters.
            if before not in "\ufe0e\ufe0f" and (before == "&" or _hashtag_char(before)):
                continue
        j = i + 1
        if j < n and text[j] in "\ufe0f\u20e3":
            continue  # a keycap emoji (#️⃣), not a hashtag
        has_letter = False
        while j < n and (kind := _hashtag_char(text[j])):
            has_letter = has_letter or kind == 2
            j += 1
        if not has_letter or text.startswith((*_HASH_SIGNS, "://"), j):
            continue
        found.append(Entity("hashtag", text[i + 1 : j], i, j))
    return found


_MENTION_LEAD = 4
"""At most this many characters before the @ belong to a mention match ("xRT:@name")."""


def _mention_matches(text: str) -> Iterator[re.Match[str]]:
    """`mention.finditer(text)`, but tried only just before each @ instead of everywhere."""
    mention = _patterns()[1]
    resume = 0
    for at in _at_signs().finditer(text):
        if at.start() < resume:
            continue
        for position in range(max(resume, at.start() - _MENTION_LEAD), at.start() + 1):
            match = mention.match(text, position)
            if match:
                yield match
                resume = match.end()
                break


def _mentions(text: str, *, lists: bool = False) -> list[Entity]:
    if "@" not in text and "＠" not in text:
        return []
    mention_end = _patterns()[2]
    found: list[Entity] = []
    for match in _mention_matches(text):
        if mention_end.match(text, match.end()):
            continue
        if match.group("list") and not lists:
            continue  # @user/list is a list, not a mention (twitter-text's extractMentions)
        found.append(Entity("mention", match.group("name"), match.end("before"), match.end()))
    return found


def _cashtags(text: str) -> list[Entity]:
    if "$" not in text:
        return []
    return [
        Entity("cashtag", m.group("tag"), m.start(), m.end()) for m in _patterns()[3].finditer(text)
    ]


def _urls(text: str) -> list[Entity]:
    return _url_entities(extract_url_matches(text))


def _url_entities(matches: Iterable[UrlMatch]) -> list[Entity]:
    return [Entity("url", m.url, m.start, m.end) for m in matches]


def _without_overlaps(entities: list[Entity]) -> list[Entity]:
    """twitter-text's removeOverlappingEntities: by start; an entity overlapping the one before
    it is dropped."""
    kept: list[Entity] = []
    for entity in sorted(entities, key=lambda e: e.start):
        if kept and entity.start < kept[-1].end:
            continue
        kept.append(entity)
    return kept


def hashtag_entities(text: str) -> list[Entity]:
    """Hashtags with indices (twitter-text's extractHashtagsWithIndices, URL overlap removed)."""
    tags = _hashtags(text)
    if tags:
        urls = _urls(text)
        if urls:
            tags = [e for e in _without_overlaps(tags + urls) if e.kind == "hashtag"]
    return tags


def mention_entities(text: str, *, lists: bool = False) -> list[Entity]:
    """Mentions with indices; with `lists`, also @user/list (value "user", span with the list)."""
    return _mentions(text, lists=lists)


def cashtag_entities(text: str) -> list[Entity]:
    return _cashtags(text)


def extract_reply(text: str) -> str | None:
    """The user a tweet replies to: an @name before anything but spaces (twitter-text's
    extractReplies), else None."""
    match = _reply().match(text)
    if match is None or _patterns()[2].match(text, match.end()):
        return None
    return match.group(1)


@cache
def _reply() -> re.Pattern[str]:
    blank = "".join(re.escape(c) for c in SPACES + DIRECTIONAL)
    return re.compile(rf"[{blank}]*[@＠]([a-zA-Z0-9_]{{1,20}})")


def extract_hashtags(text: str) -> list[str]:
    """Hashtags without '#', in text order; none inside a URL."""
    return [e.value for e in hashtag_entities(text)]


def extract_mentions(text: str) -> list[str]:
    """Mentioned user names without '@', in text order (lists like @user/list excluded)."""
    return [e.value for e in _mentions(text)]


def extract_urls(text: str) -> list[str]:
    """URLs with and without protocol, in text order."""
    return [m.url for m in extract_url_matches(text)]


def extract_cashtags(text: str) -> list[str]:
    """Cashtags without '$', in text order."""
    return [e.value for e in _cashtags(text)]


def extract_entities(text: str) -> list[Entity]:
    """Every URL, hashtag, mention and cashtag with indices, overlaps removed, by start."""
    return combine_entities(text, extract_url_matches(text))


def combine_entities(text: str, urls: Iterable[UrlMatch]) -> list[Entity]:
    """`extract_entities` for a text whose URLs are already extracted."""
    found = _url_entities(urls) + _hashtags(text) + _mentions(text) + _cashtags(text)
    return _without_overlaps(found)
