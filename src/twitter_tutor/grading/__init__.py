"""Grading: one entry point for the TUI, `grade` and `check`, explaining *why* in the lesson's
language."""

from twitter_tutor.grading.answers import AnswerError
from twitter_tutor.grading.grader import grade, grading_for, parse_answer, previewer
from twitter_tutor.grading.result import CheckResult, GradeResult, ItemFeedback

__all__ = [
    "AnswerError",
    "CheckResult",
    "GradeResult",
    "ItemFeedback",
    "grade",
    "grading_for",
    "parse_answer",
    "previewer",
]
