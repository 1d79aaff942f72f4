"""The compose rules: each looks at one analysed tweet and explains its verdict."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from twitter_tutor.analysis import Analysis, Signal
from twitter_tutor.content.models import (
    Asks,
    Avoids,
    Engaging,
    MaxHashtags,
    MaxLength,
    MentionsAny,
    MinLength,
    NotPromotional,
    PersonalVoice,
    RuleBase,
    Signed,
)
from twitter_tutor.grading.messages import message, quote_all
from twitter_tutor.grading.result import CheckResult
from twitter_tutor.grading.words import MAX_TEXT


@lru_cache(maxsize=512)
def _word_pattern(word: str, case_sensitive: bool = False) -> re.Pattern[str] | None:
    """Whole words only, so "ad" does not fire inside "read"; a * at either end of a word stands
    for any letters there ("*morgen" finds "Montagmorgen", "unser* Wärmepumpe*" finds "unsere
    Wärmepumpen"); the spaces of a phrase match any spaces or a hyphen."""
    parts = [p for p in re.split(r"[\s\-]+", word.strip()) if p.strip("*")]
    if not parts:
        return None
    letters = r"\w*"
    body = r"[\s\-]+".join(
        (letters if p.startswith("*") else "")
        + re.escape(p.strip("*"))
        + (letters if p.endswith("*") else "")
        for p in parts
    )
    return re.compile(rf"(?<!\w){body}(?!\w)", 0 if case_sensitive else re.IGNORECASE)


def find_words(text: str, words: list[str], case_sensitive: bool = False) -> list[Signal]:
    found: list[Signal] = []
    text = text[:MAX_TEXT]
    for word in words:
        pattern = _word_pattern(word, case_sensitive)
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            found.append(Signal("word", "", match.group(), match.start(), match.end()))
    return sorted(found, key=lambda s: s.start)


def _of_kind(analysis: Analysis, kind: str) -> list[Signal]:
    return [s for s in analysis.signals if s.kind == kind]


def _result(
    check: RuleBase, passed: bool, text: str, signals: list[Signal] | None = None
) -> CheckResult:
    name = getattr(check, "rule", "")
    return CheckResult(
        rule=name,
        passed=passed,
        message=text,
        weight=check.weight,
        required=check.required,
        hint=None if passed else check.hint,
        signals=tuple(signals or ()),
    )


def max_length(check: MaxLength, a: Analysis, lang: str) -> CheckResult:
    length, limit = a.weighted_length, check.limit
    if length <= limit:
        return _result(check, True, message(lang, "max_length.pass", length=length, limit=limit))
    text = message(lang, "max_length.fail", length=length, limit=limit, over=length - limit)
    return _result(check, False, text)


def min_length(check: MinLength, a: Analysis, lang: str) -> CheckResult:
    length, limit = a.weighted_length, check.limit
    key = "min_length.pass" if length >= limit else "min_length.fail"
    return _result(check, length >= limit, message(lang, key, length=length, limit=limit))


def _kind_rule(
    check: RuleBase, a: Analysis, lang: str, kind: str, *, wanted: bool, key: str
) -> CheckResult:
    signals = _of_kind(a, kind)
    quoted = quote_all([s.text for s in signals], lang)
    passed = (kind in a.kinds) == wanted
    return _result(
        check,
        passed,
        message(lang, f"{key}.{'pass' if passed else 'fail'}", quoted=quoted),
        signals,
    )


def not_promotional(check: NotPromotional, a: Analysis, lang: str) -> CheckResult:
    return _kind_rule(check, a, lang, "promotional", wanted=False, key="not_promotional")


TEAM_SIGNALS = frozenset({"team_voice", "team_story"})
SINGLE_VOICE = frozenset({"first_person", "dropped_pronoun", "signature"})


def personal_voice(check: PersonalVoice, a: Analysis, lang: str) -> CheckResult:
    if check.team:
        return _kind_rule(check, a, lang, "personal", wanted=True, key="personal_voice")
    # One person speaking: "I", a dropped "I" or a signature; "we" alone is the company.
    signals = [s for s in _of_kind(a, "personal") if s.name not in TEAM_SIGNALS]
    passed = any(s.name in SINGLE_VOICE for s in signals)
    quoted = quote_all([s.text for s in signals], lang)
    text = message(lang, f"personal_voice.{'pass' if passed else 'fail'}", quoted=quoted)
    return _result(check, passed, text, signals)


def engaging(check: Engaging, a: Analysis, lang: str) -> CheckResult:
    return _kind_rule(check, a, lang, "conversational", wanted=True, key="engaging")


def max_hashtags(check: MaxHashtags, a: Analysis, lang: str) -> CheckResult:
    count = len(a.hashtags)
    tags = " ".join(f"#{t}" for t in a.hashtags)
    key = "max_hashtags.pass" if count <= check.limit else "max_hashtags.fail"
    signals = [s for s in a.signals if s.text.startswith("#")]
    return _result(
        check,
        count <= check.limit,
        message(lang, key, count=count, tags=tags, limit=check.limit),
        signals,
    )


def _word_rule(check: MentionsAny | Avoids, a: Analysis, lang: str, *, wanted: bool) -> CheckResult:
    """mentions_any passes when a word is found (wanted), avoids when none is.

    Feedback quotes what the learner wrote and never lists the trainer's words: the point is
    the idea (stay on topic, leave out sales talk), not a list to tick off."""
    found = find_words(a.text, check.words, check.case_sensitive)
    if isinstance(check, Avoids) and check.unless and found:
        fine = find_words(a.text, check.unless, check.case_sensitive)
        found = [
            s for s in found if not any(f.start <= s.start and s.end <= f.end for f in fine)
        ]
    passed = bool(found) == wanted
    text = message(
        lang,
        f"{check.rule}.{'pass' if passed else 'fail'}",
        quoted=quote_all([s.text for s in found], lang),
    )
    return _result(check, passed, text, found)


def mentions_any(check: MentionsAny, a: Analysis, lang: str) -> CheckResult:
    return _word_rule(check, a, lang, wanted=True)


def avoids(check: Avoids, a: Analysis, lang: str) -> CheckResult:
    return _word_rule(check, a, lang, wanted=False)


def signed(check: Signed, a: Analysis, lang: str) -> CheckResult:
    found = [s for s in a.signals if s.name == "signature"]
    key = "signed.pass" if found else "signed.fail"
    quoted = quote_all([s.text for s in found], lang)
    return _result(check, bool(found), message(lang, key, quoted=quoted), found)


def asks(check: Asks, a: Analysis, lang: str) -> CheckResult:
    found = [s for s in a.signals if s.name in ("real_question", "invitation", "service")]
    questions = [s for s in found if s.name == "real_question"]
    passed = bool(questions) or any(s.name == "invitation" for s in found)
    shown = _sentence_of(a.text, questions[0].start) if questions else ""
    quoted = quote_all([shown] if shown else [s.text for s in found], lang)
    text = message(lang, f"asks.{'pass' if passed else 'fail'}", quoted=quoted)
    return _result(check, passed, text, found)


def _sentence_of(text: str, end: int) -> str:
    """The sentence that ends at `end` (a question mark), shortened for quoting."""
    start = max(text.rfind(c, 0, end) for c in ".!?\n") + 1
    sentence = text[start : end + 1].strip()
    return sentence if len(sentence) <= 60 else "…" + sentence[-59:]


RULES: dict[str, Callable[..., CheckResult]] = {
    "max_length": max_length,
    "min_length": min_length,
    "not_promotional": not_promotional,
    "personal_voice": personal_voice,
    "engaging": engaging,
    "max_hashtags": max_hashtags,
    "mentions_any": mentions_any,
    "avoids": avoids,
    "signed": signed,
    "asks": asks,
}


def apply(check: RuleBase, analysis: Analysis, lang: str) -> CheckResult:
    return RULES[getattr(check, "rule")](check, analysis, lang)  # noqa: B009 - rule is per subclass
