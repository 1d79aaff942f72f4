"""Hashtags, mentions, cashtags and URLs, extracted as twitter-text extracts them.

The public `extract_*` functions return the entity texts (without '#', '@', '$') like
twitter-text's `extractHashtags`, `extractMentions`, `extractUrls` and `extractCashtags`;
`extract_entities` returns all of them with indices and without overlaps, as
`extractEntitiesWithIndices` does. Indices are code points of the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from twitter_tutor.analysis.urls import UrlMatch, extract_url_matches

_SPACES = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u180e"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000"
)
_PUNCT = "!'#%&()*+,-./:;<=>?@[]^_{|}~$\\"
_LATIN_ACCENTS = (
    "\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263"
    "\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
# Characters twitter-text allows inside a hashtag besides letters, marks and digits.
_HASHTAG_SPECIAL = frozenset(
    "_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\xb7"
)
_HASH_SIGNS = "#＃"


@dataclass(frozen=True, slots=True)
class Entity:
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
    mention_end = re.compile(rf"[@＠{_LATIN_ACCENTS}]|://")
    spaces = "".join(re.escape(c) for c in _SPACES)
    punct = "".join(re.escape(c) for c in _PUNCT)
    cashtag = re.compile(
        rf"(?:^|(?<=[{spaces}]))\$(?P<tag>[a-z]{{1,6}}(?:[._][a-z]{{1,2}})?)(?=\Z|\s|[{punct}])",
        re.IGNORECASE,
    )
    return hash_sign, mention, mention_end, cashtag


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


def _mentions(text: str, *, lists: bool = False) -> list[Entity]:
    if "@" not in text and "＠" not in text:
        return []
    _, mention, mention_end, _ = _patterns()
    found: list[Entity] = []
    for match in mention.finditer(text):
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


def extract_hashtags(text: str) -> list[str]:
    """Hashtags without '#', in text order; none inside a URL."""
    tags = _hashtags(text)
    if tags:
        urls = _urls(text)
        if urls:
            tags = [e for e in _without_overlaps(tags + urls) if e.kind == "hashtag"]
    return [e.value for e in tags]


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
