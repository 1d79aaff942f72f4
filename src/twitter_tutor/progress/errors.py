"""Errors of the progress store; each message is one line meant for the learner."""

from __future__ import annotations


class StoreError(Exception):
    """The progress store cannot be used; the message says why in one user-facing line."""


class NewerSchemaError(StoreError):
    """The store was written by a newer twitter-tutor; it is refused and left untouched."""
