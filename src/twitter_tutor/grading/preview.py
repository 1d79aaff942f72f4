"""Live feedback while the learner types: each tweet analysed and checked, and the plan's mix.

A pure function of the text, so the TUI can run it on every pause in typing; grading a plan
turns the same preview into its result.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from twitter_tutor.analysis import Analysis
from twitter_tutor.grading import plan
from twitter_tutor.grading.result import CheckResult


@dataclass(frozen=True)
class Preview:
    analyses: tuple[Analysis, ...]
    """One per tweet (compose: one)."""
    checks: tuple[tuple[CheckResult, ...], ...]
    """Per tweet: its checks."""
    tweets: tuple[plan.TweetKinds, ...] = ()
    """Plan: what each tweet counts as in the mix."""
    mix: tuple[CheckResult, ...] = ()
    """Plan: the mix rules."""

    @property
    def counts(self) -> dict[str, int]:
        return plan.mix_counts(self.tweets)


Previewer = Callable[[Sequence[str]], Preview]
"""An exercise's preview with its lesson language bound: texts (one per tweet) -> Preview."""
