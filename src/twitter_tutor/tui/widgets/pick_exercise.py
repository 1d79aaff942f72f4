"""Pick from a simulated timeline or a list of profiles, one card per item."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from twitter_tutor.content.models import PickExercise
from twitter_tutor.grading.result import GradeResult
from twitter_tutor.tui.literal import literal
from twitter_tutor.tui.widgets.reveal import RevealingExerciseWidget
from twitter_tutor.tui.widgets.tweet_card import TweetCard


class PickExerciseWidget(RevealingExerciseWidget):
    DEFAULT_CSS = """
    PickExerciseWidget .cards {
        height: auto;
        margin-top: 1;
    }
    """
    exercise: PickExercise

    def compose_answer(self) -> ComposeResult:
        chosen = self.drafted_numbers()
        yield Static(literal(self.exercise.question, "bold"), classes="question")
        yield Static(literal(self.t("ex.pick_hint")), classes="hint")
        with Vertical(classes="cards"):
            for n, item in enumerate(self.exercise.items, start=1):
                yield TweetCard(
                    item.author,
                    item.handle,
                    item.text,
                    lang=self.lang,
                    followers=item.followers,
                    selectable=True,
                    selected=n in chosen,
                )

    def _chosen(self) -> frozenset[int]:
        return frozenset(
            n for n, card in enumerate(self.query(TweetCard), start=1) if card.selected
        )

    def mark(self, result: GradeResult) -> None:
        for card, item in zip(self.query(TweetCard), result.items, strict=False):
            card.show_feedback(self.verdict(item), right=item.right, why=item.why)
