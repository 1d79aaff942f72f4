"""The substance floor: what any practice tweet needs before its rubric means anything.

A tutor that praises "x" teaches nothing. Whatever a tweet hits in the rubric, it does not pass
when it has too few real words, no sentence (a list of keywords or hashtags), keyboard mash,
mostly capitals, a run of "!!!" (unless a person is clearly speaking), or is small talk and
nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from twitter_tutor.analysis import Analysis
from twitter_tutor.analysis.tokens import blank
from twitter_tutor.content.models import Floor
from twitter_tutor.grading.words import MAX_TEXT, plain, plain_words, words

# Words that hold sentences together. A tweet without any of them is a list of keywords, not
# something said to someone ("Baustelle Fotos Team Handwerk").
_GLUE = frozenset(
    """
    a i an the and or but so if of to in on at for with from by as is are was were be been am
    it its this that these those there here what who how why when where which not no yes do
    does did have has had can could will would should may might must i me my we us our you
    your he she they them their his her just than then too very also still only all any some
    up out about into over after before because more most much many one again let
    der die das den dem des ein eine einen einem einer und oder aber doch wenn weil dass ob
    zu zum zur im in an am auf für mit von vom bei aus nach über unter vor seit bis durch ohne
    ist sind war waren bin bist sein hat haben hatte hatten habe hab wird werden kann können
    muss soll will ich mir mich mein meine wir uns unser unsere du dir dich dein deine ihr
    euch euer eure sie ihnen es er man nicht kein keine nur auch noch schon mal so wie was wer
    warum wo wann welche welcher welches hier da dort jetzt heute ja nein sehr ganz gerade
    immer viel viele mehr gibt geht denn als dann
    he him yet never even ever every each such own other off down while both same through
    sich ihn ihm beim ins nie oft etwas alles alle jeder jede jeden dieser diese dies dieses
    diesem diesen würde wäre hätte vielen vieles
    """.split()  # noqa: SIM905 - a word list reads best as prose
)
_VOWELS = frozenset("aeiouyäöüáàâéèêíìîóòôúùûæøåœ")
_KEYBOARD_ROWS = ("qwertzuiopü", "qwertyuiop", "asdfghjklöä", "yxcvbnm", "zxcvbnm")
_EXCLAMATION_RUN = re.compile(r"[!！‼]{3,}|‼")
# Where a sentence or clause ends or pauses. A keyword list runs on without any of them.
_PAUSE = re.compile(r"[.,;:!?…()\[\]\"“”„«»–—\n]|\s-\s")
# A run this long with at most this share of glue is a list, however many "ich" or "we" it
# contains: telegraphic tweets ("Dach fertig, 18 Module drauf") pause often; sentences hold
# more glue.
_LIST_RUN_WORDS = 12
_LIST_GLUE_SHARE = 0.2
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Shortfall:
    """One way a tweet falls below the floor: a code for tests and JSON, and the evidence."""

    code: str
    """too_few_words, no_sentence, gibberish, repetitive, shouting, exclamations, small_talk"""
    evidence: str = ""
    count: int = 0


def shortfalls(analysis: Analysis, floor: Floor) -> list[Shortfall]:
    """Every way `analysis.text` falls below `floor`; empty when it clears it."""
    if not floor.enabled or not analysis.text.strip():
        return []
    text = analysis.text[:MAX_TEXT]
    found = word_shortfalls(text, floor.min_words)
    if not floor.allow_shouting and _shouting(text):
        found.append(Shortfall("shouting"))
    run = _EXCLAMATION_RUN.search(text)
    # "!!!" is how ads shout; a person who is thrilled ("bestanden!!! wir sind so stolz") may.
    if run and "personal" not in analysis.kinds:
        found.append(Shortfall("exclamations", run.group()))
    if not floor.allow_small_talk:
        quoted = only_small_talk(analysis)
        if quoted is not None:
            found.append(Shortfall("small_talk", quoted))
    return found


def word_shortfalls(
    text: str, min_words: int, *, repeat_window: int | None = None
) -> list[Shortfall]:
    """The floor's judgement of the words alone: too few, no sentence, keyboard mash, the same
    words again and again. `repeat_window`: judge repetition on the first this many words only,
    since a long text repeats its little words ("the", "und") far more often than a tweet does."""
    found: list[Shortfall] = []
    said = words(text[:MAX_TEXT])
    if len(said) < min_words:
        found.append(Shortfall("too_few_words", count=len(said)))
    elif not any(w in _GLUE for w in said) or _keyword_run(text):
        found.append(Shortfall("no_sentence", count=len(said)))
    mash = [w for w in said if _looks_mashed(w)]
    sample = said[:repeat_window] if repeat_window is not None else said
    if said and len(mash) * 3 >= len(said):
        found.append(Shortfall("gibberish", " ".join(dict.fromkeys(mash[:3]))))
    elif len(sample) >= 4 and len(set(sample)) * 2 <= len(sample):
        found.append(Shortfall("repetitive", count=len(sample) - len(set(sample))))
    return found


def _keyword_run(text: str) -> bool:
    """A long stretch without a pause and with almost no glue words: keywords strung together
    ("heat pump old house study radiators flow temperature homeowners we I experience")."""
    # Entities are blanked once for the whole text, not once per stretch.
    for stretch in _PAUSE.split(plain(text)):
        said = plain_words(stretch)
        if len(said) >= _LIST_RUN_WORDS:
            # Counted apart from `words`: "I", "a" and the "we" of "we've" are glue too.
            glue = sum(1 for w in _LETTERS.findall(stretch.lower()) if w in _GLUE)
            if glue <= _LIST_GLUE_SHARE * len(said):
                return True
    return False


def only_small_talk(analysis: Analysis) -> str | None:
    """The small-talk phrase when the tweet says nothing besides it ("Who else loves Fridays?");
    None when there is none, or when the rest has something to say ("Who else is confused by
    the new grant rules? Which part is unclear?")."""
    if "filler" not in analysis.kinds:
        return None
    text = analysis.text[:MAX_TEXT]
    small_talk = [(s.start, s.end) for s in analysis.signals if s.kind == "filler"]
    rest = words(blank(text, small_talk))
    if len([w for w in rest if w not in _GLUE]) >= 4:
        return None
    return next(s.text for s in analysis.signals if s.kind == "filler")


def _looks_mashed(word: str) -> bool:
    """A word no language writes: no vowel in 4+ letters, 5 consonants in a row, a letter
    three times running, or a run along one keyboard row ("asdf", "qwertz")."""
    if len(word) < 4 or "'" in word:
        return False
    if not any(c in _VOWELS for c in word):
        return True
    run = 0
    for c in word:
        run = 0 if c in _VOWELS else run + 1
        if run >= 5:
            return True
    if re.search(r"(.)\1\1", word):
        return True
    return any(_along_row(word, row) for row in _KEYBOARD_ROWS)


def _along_row(word: str, row: str) -> bool:
    """Four or more letters next to each other on one keyboard row, in order. Any longer run
    starts with such four, so windows of four are enough (and linear in the word)."""
    return any(word[i : i + 4] in row for i in range(len(word) - 3))


def _shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return len(letters) >= 12 and upper * 5 >= len(letters) * 3
