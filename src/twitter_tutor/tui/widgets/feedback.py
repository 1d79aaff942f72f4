"""The outcome of one check: score, pass or not, and why, in the lesson's words."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from twitter_tutor.grading.result import CheckResult, GradeResult
from twitter_tutor.tui.i18n import t
from twitter_tutor.tui.literal import literal


def mark(lang: str, passed: bool) -> Content:
    return Content.styled(
        t(lang, "ex.right" if passed else "ex.wrong"), "bold $success" if passed else "bold $error"
    )


def check_line(lang: str, check: CheckResult, *, hint: bool = True) -> Content:
    line = Content.assemble(mark(lang, check.passed), " ", literal(check.message))
    if hint and not check.passed and check.hint:
        tip = literal(t(lang, "ex.hint", hint=check.hint), "italic $text-warning")
        line = Content.assemble(line, "\n  ", tip)
    return line


class GradeFeedback(Static):
    DEFAULT_CLASSES = "feedback"

    def __init__(self, lang: str) -> None:
        super().__init__("")
        self.lang = lang
        self.display = False

    def show(self, result: GradeResult) -> None:
        # The grader's summary already says score, verdict and what was needed.
        style = "bold $text-success" if result.passed else "bold $text-warning"
        lines = [literal(result.summary, style)]
        if result.exercise_type == "choice":
            lines += [
                self._item(i.number, i.text, i.expected, i.selected, i.why) for i in result.items
            ]
        elif result.exercise_type == "compose":
            lines += [check_line(self.lang, c) for c in result.checks]
        elif result.exercise_type == "plan":
            lines += self._plan(result)
        self.update(Content("\n").join(lines))
        self.set_class(result.passed, "-passed")
        self.display = True

    def _item(
        self, number: int, text: str, correct: bool, chosen: bool, why: str | None
    ) -> Content:
        """A choice marked by whether it is right, and whether the learner chose it."""
        line = Content.assemble(mark(self.lang, correct), f" {number}. ", literal(text))
        if chosen:
            line = Content.assemble(line, (f"  ← {t(self.lang, 'ex.your_choice')}", "$text-muted"))
        if why:
            line = Content.assemble(line, "\n   ", literal(why, "italic $text-muted"))
        return line

    def _plan(self, result: GradeResult) -> list[Content]:
        lines: list[Content] = []
        tweets = sorted({c.tweet for c in result.checks if c.tweet is not None})
        for number in tweets:
            checks = [c for c in result.checks if c.tweet == number]
            label = (t(self.lang, "ex.tweet_n", number=number) + ":", "bold")
            failed = [c for c in checks if not c.passed]
            if not failed:
                ok = (t(self.lang, "ex.tweet_ok"), "$text-muted")
                lines.append(Content.assemble(mark(self.lang, True), " ", label, " ", ok))
            for check in failed:
                lines.append(Content.assemble(label, " ", check_line(self.lang, check)))
        lines += [check_line(self.lang, c) for c in result.checks if c.tweet is None]
        return lines
