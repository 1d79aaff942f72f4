"""Copies: an answer that mostly repeats the task, the tweet it answers or a sample answer, and
plan tweets that repeat each other.

Compared word by word (see `words`), so punctuation, case and emoji don't hide a copy: by
shared runs of three words (a copied sentence) and by shared words (a reshuffled one).
"""

from __future__ import annotations

from collections.abc import Sequence

from twitter_tutor.grading.words import words

COPY_SHARE = 0.6
"""An answer whose runs of three words come from one source this much or more is a copy."""

EXAMPLE_SHARE = 0.8
"""Sample answers are never shown to learners, and a tip can be worded alike by chance: only a
near-verbatim repeat of one counts as a copy."""

SAME_SHARE = 0.7
"""Two plan tweets sharing this share of their words (Jaccard) say the same thing twice."""


def _trigrams(said: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(said[i : i + 3]) for i in range(len(said) - 2)}


def copied_from(answer: str, sources: Sequence[tuple[str, str]]) -> str | None:
    """The label of the first source `answer` mostly repeats, or None. `sources` are
    (label, text) pairs."""
    said = words(answer)
    if len(said) < 3:
        return None
    mine = _trigrams(said)
    distinct = set(said)
    for label, text in sources:
        theirs = words(text)
        if not theirs:
            continue
        shared_runs = len(mine & _trigrams(theirs)) / len(mine) if mine else 0.0
        shared_words = len(distinct & set(theirs)) / len(distinct)
        needed = EXAMPLE_SHARE if label == "example" else COPY_SHARE
        if shared_runs >= needed or (len(distinct) >= 5 and shared_words >= 0.9):
            return label
    return None


def same_as_earlier(texts: Sequence[str]) -> dict[int, int]:
    """{tweet number: number of an earlier tweet it repeats}, numbers from 1."""
    repeats: dict[int, int] = {}
    seen: list[tuple[int, frozenset[str], set[tuple[str, ...]]]] = []
    for number, text in enumerate(texts, start=1):
        said = words(text)
        if not said:
            continue
        bag = frozenset(said)
        runs = _trigrams(said)
        for earlier, other_bag, other_runs in seen:
            union = bag | other_bag
            jaccard = len(bag & other_bag) / len(union)
            run_share = (
                len(runs & other_runs) / min(len(runs), len(other_runs))
                if runs and other_runs
                else 0.0
            )
            if jaccard >= SAME_SHARE or run_share >= 0.8:
                repeats[number] = earlier
                break
        seen.append((number, bag, runs))
    return repeats
