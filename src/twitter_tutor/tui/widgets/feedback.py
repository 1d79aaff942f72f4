"""The outcome of one check: the verdict, then each choice or check with why, in the lesson's
words. One Static per line, so explanations keep their indent when they wrap.

What follows the verdict is each exercise type's own: its widget's `feedback_lines`.
"""

from __future__ import annotations

from collections.abc import Sequence

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


class GradeFeedback(Vertical):
    DEFAULT_CSS = """
    GradeFeedback {
        height: auto;
        margin-top: 1;
        padding: 0 1;
        border-left: thick $warning;
    }
    GradeFeedback .note {
        padding-left: 4;
    }
    GradeFeedback.-passed {
        border-left: thick $success;
    }
    """
    DEFAULT_CLASSES = "feedback"

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.display = False

    def show(self, result: GradeResult, details: Sequence[Line] = ()) -> None:
        """The verdict, then `details`: the lines of the exercise type's own feedback."""
        # The grader's summary already says score, verdict and what was needed.
        style = "bold $text-success" if result.passed else "bold $text-warning"
        lines = [(literal(result.summary, style), "verdict"), *details]
        self.remove_children()
        self.mount_all(Static(line, classes=kind) for line, kind in lines)
        self.set_class(result.passed, "-passed")
        self.display = True

    @property
    def text(self) -> str:
        """Everything shown, as plain text (for tests and screen readers' sake)."""
        return "\n".join(str(s.render()) for s in self.query(Static))
