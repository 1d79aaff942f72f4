"""Plans: every tweet checked on its own, tweets that repeat each other, and the mix.

What a tweet counts as in the mix:
- nothing, when it is below the floor, a copy or a repeat of an earlier tweet;
- "promotional" (for `max_promotional`) when it advertises or names one of the exercise's
  `products`: the prompt says "at most one about your own products";
- personal or conversational only when it is more than small talk: "What are you all up to
  today? 😊" five times is filler, not five conversations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from twitter_tutor.analysis import Analysis
from twitter_tutor.content.models import PlanExercise
from twitter_tutor.grading.messages import message
from twitter_tutor.grading.result import CheckResult
from twitter_tutor.grading.rules import find_words
from twitter_tutor.grading.similarity import same_as_earlier
from twitter_tutor.grading.substance import only_small_talk

MIX_KINDS = ("promotional", "personal", "conversational", "informative")
REPEAT = "repeat"
KINDS = "kinds"
"""The rule name of each tweet's "counts as" line in a plan's result (passed, weight 0)."""


@dataclass(frozen=True)
class TweetKinds:
    """What one plan tweet counts as in the mix."""

    number: int
    kinds: tuple[str, ...]
    product: bool = False
    counted: bool = True
    """False when the tweet is below the floor, a copy or a repeat: it counts for nothing."""

    def to_json(self) -> dict[str, object]:
        return {
            "tweet": self.number,
            "kinds": list(self.kinds),
            "product": self.product,
            "counted": self.counted,
        }


def repeat_checks(texts: Sequence[str], lang: str, weight: int) -> dict[int, CheckResult]:
    """A failing, required check for every tweet that repeats an earlier one."""
    return {
        number: CheckResult(
            REPEAT,
            False,
            message(lang, "repeat.fail", number=number, earlier=earlier),
            weight,
            required=True,
            tweet=number,
        )
        for number, earlier in same_as_earlier(texts).items()
    }


def tweet_kinds(
    exercise: PlanExercise, number: int, analysis: Analysis, *, counted: bool
) -> TweetKinds:
    if not counted or not analysis.text.strip():
        return TweetKinds(number, (), counted=False)
    product = bool(exercise.products) and bool(find_words(analysis.text, exercise.products))
    kinds = set(analysis.kinds) & set(MIX_KINDS)
    private = any(s.name == "private_life" for s in analysis.signals)
    if "promotional" not in kinds and (private or only_small_talk(analysis) is not None):
        # Small talk with a question mark is not a conversation starter, and a hangover is
        # not the personal side of a company account.
        kinds -= {"conversational", "personal"}
    if product:
        kinds.add("promotional")
    return TweetKinds(number, tuple(k for k in MIX_KINDS if k in kinds), product)


def mix_counts(tweets: Sequence[TweetKinds]) -> dict[str, int]:
    """How many tweets count for each kind (a tweet can count for several)."""
    return {k: sum(1 for t in tweets if k in t.kinds) for k in MIX_KINDS}


def mix_checks(
    exercise: PlanExercise, tweets: Sequence[TweetKinds], lang: str
) -> list[CheckResult]:
    counts = mix_counts(tweets)
    weight = exercise.mix_weight or exercise.count
    results: list[CheckResult] = []
    for name, limit in exercise.mix_rules:
        kind = name.split("_", 1)[1]
        count = counts[kind]
        passed = count <= limit if name.startswith("max_") else count >= limit
        text = message(
            lang,
            f"{name}.{'pass' if passed else 'fail'}",
            count=count,
            limit=limit,
            total=exercise.count,
        )
        results.append(CheckResult(name, passed, text, weight=weight))
    return results


def kinds_line(tweet: TweetKinds, lang: str) -> str:
    """ "Tweet 2 counts as: personal, invites a reply." for the feedback."""
    if not tweet.counted:
        label = message(lang, "kind.below_floor")
        return message(lang, "tweet_kinds", number=tweet.number, kinds=label)
    labels = [message(lang, f"kind.{k}") for k in tweet.kinds if k != "promotional"]
    if "promotional" in tweet.kinds:
        labels.insert(0, message(lang, "kind.product" if tweet.product else "kind.promotional"))
    if not labels:
        return message(lang, "tweet_kinds.none", number=tweet.number)
    return message(lang, "tweet_kinds", number=tweet.number, kinds=", ".join(labels))
