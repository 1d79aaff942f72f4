"""The words a learner wrote: what grading counts, compares and matches against topics.

Hashtags, @names, links, emoji and numbers are not words here: "#Fotos #Team" says nothing,
and neither does "x". Words are folded (lower case, ß as ss) so "Straße" and "strasse" compare
equal.
"""

from __future__ import annotations

import re
from functools import lru_cache

from twitter_tutor.analysis import entity_spans
from twitter_tutor.analysis.tokens import blank

MAX_TEXT = 5_000
"""Grading looks at no more than this many characters of one tweet: far more than 280, and a
pasted novel is graded as fast as a tweet."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def fold(word: str) -> str:
    return word.lower().replace("ß", "ss").replace("’", "'")


@lru_cache(maxsize=256)
def words(text: str) -> tuple[str, ...]:
    """Every word of two letters or more, folded, in order; hashtags, @names, links and
    cashtags (as twitter-text finds them) left out."""
    return plain_words(plain(text))


def plain(text: str) -> str:
    """The first MAX_TEXT characters of `text`, hashtags, @names, links and cashtags blanked."""
    text = text[:MAX_TEXT]
    return blank(text, entity_spans(text))


def plain_words(plain_text: str) -> tuple[str, ...]:
    """`words` of a text that `plain` has blanked already (or a piece of one)."""
    return tuple(fold(w) for w in _WORD.findall(plain_text) if len(w) >= 2)
