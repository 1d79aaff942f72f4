"""Who may open the trainer's view: whoever types the code the tutor was started with
(`--trainer-code`). In a workshop every learner's tutor has the view's door, so the code is
compared in constant time and a run stops listening after a few wrong tries."""

from __future__ import annotations

import hmac
from typing import Literal

MAX_TRIES = 5

Verdict = Literal["open", "wrong", "locked"]


class TrainerGate:
    def __init__(self, code: str) -> None:
        if not code.strip():
            raise ValueError("a trainer code must not be empty")
        self._code = code.strip().encode("utf-8", "surrogateescape")
        self._wrong = 0
        self.is_open = False
        """True once the right code was typed: the view opens without asking again."""

    @property
    def tries_left(self) -> int:
        return max(0, MAX_TRIES - self._wrong)

    def try_code(self, code: str) -> Verdict:
        """Open for the right code; after MAX_TRIES wrong ones even the right code is refused
        for the rest of this run, so guessing it costs a restart per few tries."""
        if self.is_open:
            return "open"
        if self._wrong >= MAX_TRIES:
            return "locked"
        given = code.strip().encode("utf-8", "surrogateescape")
        if hmac.compare_digest(given, self._code):
            self.is_open = True
            return "open"
        self._wrong += 1
        return "locked" if self._wrong >= MAX_TRIES else "wrong"
