"""Requests that screens send up to the app, which owns navigation between screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenLesson(Message):
    """Open a lesson at a step (None: where the learner left it)."""

    lesson_id: str
    step: int | None = None


class OpenReview(Message):
    """Show the review screen."""


class GoHome(Message):
    """Back to the course map."""
