"""Errors of the progress store; each message is one line meant for the learner."""

from __future__ import annotations

from twitter_tutor.texts import Message


class StoreError(Exception):
    """The progress store cannot be used; the message says why in one user-facing line.

    The message is a catalogue Message: English as a string (logs, tests), and said in the
    reader's language by the front end (`texts.say`, or any `t(...)` given the error).
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    @property
    def code(self) -> str:
        """What went wrong, stable across languages: the message's catalogue key."""
        return self.message.key if isinstance(self.message, Message) else "unknown"


class NewerSchemaError(StoreError):
    """The store was written by a newer twitter-tutor; it is refused and left untouched."""
