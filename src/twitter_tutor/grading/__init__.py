"""Grading: one entry point for the TUI, `grade` and `check`, explaining *why* in the lesson's
language."""

from twitter_tutor.grading.answers import AnswerError, parse_answer
from twitter_tutor.grading.grader import grade
from twitter_tutor.grading.result import CheckResult, GradeResult, ItemFeedback

__all__ = [
    "AnswerError",
    "CheckResult",
    "GradeResult",
    "ItemFeedback",
    "grade",
    "parse_answer",
]
