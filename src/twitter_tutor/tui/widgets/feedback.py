"""The outcome of one check: the verdict, then each choice or check with why, in the lesson's
words. One Static per line, so explanations keep their indent when they wrap."""

from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from twitter_tutor.grading.result import CheckResult, GradeResult
from twitter_tutor.tui.literal import literal
from twitter_tutor.tutor.i18n import t

Line = tuple[Content, str]
"""A line of feedback and its kind: "verdict", "item" or "note" (indented)."""


def mark(lang: str, passed: bool) -> Content:
    style = "bold $text-success" if passed else "bold $text-error"
    return Content.styled(t(lang, "ex.right" if passed else "ex.wrong"), style)


def check_lines(lang: str, check: CheckResult, *, hints: bool = True) -> list[Line]:
    lines = [(Content.assemble(mark(lang, check.passed), " ", literal(check.message)), "item")]
    if hints and not check.passed and check.hint:
        tip = literal(t(lang, "ex.hint", hint=check.hint), "italic $text-warning")
        lines.append((tip, "note"))
    return lines


def feedback_lines(lang: str, result: GradeResult) -> list[Line]:
    # The grader's summary already says score, verdict and what was needed.
    style = "bold $text-success" if result.passed else "bold $text-warning"
    lines: list[Line] = [(literal(result.summary, style), "verdict")]
    if result.exercise_type == "choice":
        for item in result.items:
            # Marked by whether the answer is right, and whether the learner chose it.
            line = Content.assemble(
                mark(lang, item.expected), f" {item.number}. ", literal(item.text)
            )
            if item.selected:
                line = Content.assemble(line, (f"  ({t(lang, 'ex.your_choice')})", "$text-muted"))
            lines.append((line, "item"))
            if item.why:
                lines.append((literal(item.why, "italic $text-muted"), "note"))
    elif result.exercise_type == "compose":
        for check in result.checks:
            lines += check_lines(lang, check)
    elif result.exercise_type == "plan":
        lines += _plan_lines(lang, result)
    return lines


def _plan_lines(lang: str, result: GradeResult) -> list[Line]:
    lines: list[Line] = []
    for number in sorted({c.tweet for c in result.checks if c.tweet is not None}):
        label = Content.styled(t(lang, "ex.tweet_n", number=number) + ":", "bold")
        failed = [c for c in result.checks if c.tweet == number and not c.passed]
        if not failed:
            ok = Content.styled(t(lang, "ex.tweet_ok"), "$text-muted")
            lines.append((Content.assemble(mark(lang, True), " ", label, " ", ok), "item"))
        for check in failed:
            for line, kind in check_lines(lang, check):
                lines.append((Content.assemble(label, " ", line) if kind == "item" else line, kind))
    for check in result.checks:
        if check.tweet is None:
            lines += check_lines(lang, check)
    return lines


class GradeFeedback(Vertical):
    DEFAULT_CLASSES = "feedback"

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.display = False

    def show(self, result: GradeResult) -> None:
        self.remove_children()
        self.mount_all(
            Static(line, classes=kind) for line, kind in feedback_lines(self.lang, result)
        )
        self.set_class(result.passed, "-passed")
        self.display = True

    @property
    def text(self) -> str:
        """Everything shown, as plain text (for tests and screen readers' sake)."""
        return "\n".join(str(s.render()) for s in self.query(Static))
