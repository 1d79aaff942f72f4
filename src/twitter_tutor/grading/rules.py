"""The compose rules: each looks at one analysed tweet and explains its verdict."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from twitter_tutor.analysis import Analysis, Signal
from twitter_tutor.content.models import (
    Avoids,
    Engaging,
    MaxHashtags,
    MaxLength,
    MentionsAny,
    MinLength,
    NotPromotional,
    PersonalVoice,
    RuleBase,
)
from twitter_tutor.grading.messages import message, quote_all
from twitter_tutor.grading.result import CheckResult


@lru_cache(maxsize=512)
def _word_pattern(word: str) -> re.Pattern[str]:
    # Whole words only, so "ad" does not fire inside "read"; case and accents as written.
    return re.compile(rf"(?<!\w){re.escape(word.strip())}(?!\w)", re.IGNORECASE)


def find_words(text: str, words: list[str]) -> list[Signal]:
    found: list[Signal] = []
    for word in words:
        for match in _word_pattern(word).finditer(text):
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
    quoted = quote_all([s.text for s in signals])
    passed = (kind in a.kinds) == wanted
    return _result(
        check,
        passed,
        message(lang, f"{key}.{'pass' if passed else 'fail'}", quoted=quoted),
        signals,
    )


def not_promotional(check: NotPromotional, a: Analysis, lang: str) -> CheckResult:
    return _kind_rule(check, a, lang, "promotional", wanted=False, key="not_promotional")


def personal_voice(check: PersonalVoice, a: Analysis, lang: str) -> CheckResult:
    return _kind_rule(check, a, lang, "personal", wanted=True, key="personal_voice")


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
    """mentions_any passes when a word is found (wanted), avoids when none is."""
    found = find_words(a.text, check.words)
    passed = bool(found) == wanted
    # Quote what was found; when nothing was, list what the check looks for.
    values = {
        "quoted": quote_all([s.text for s in found]),
        "words": ", ".join(f'"{w}"' for w in check.words),
    }
    text = message(lang, f"{check.rule}.{'pass' if passed else 'fail'}", **values)
    return _result(check, passed, text, found)


def mentions_any(check: MentionsAny, a: Analysis, lang: str) -> CheckResult:
    return _word_rule(check, a, lang, wanted=True)


def avoids(check: Avoids, a: Analysis, lang: str) -> CheckResult:
    return _word_rule(check, a, lang, wanted=False)


RULES: dict[str, Callable[..., CheckResult]] = {
    "max_length": max_length,
    "min_length": min_length,
    "not_promotional": not_promotional,
    "personal_voice": personal_voice,
    "engaging": engaging,
    "max_hashtags": max_hashtags,
    "mentions_any": mentions_any,
    "avoids": avoids,
}


def apply(check: RuleBase, analysis: Analysis, lang: str) -> CheckResult:
    return RULES[getattr(check, "rule")](check, analysis, lang)  # noqa: B009 - rule is per subclass
