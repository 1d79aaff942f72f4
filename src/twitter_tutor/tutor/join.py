"""Joining a workshop (`twitter-tutor serve`): a name, the class code, a PIN.

The name becomes the learner's profile. The first join claims it with a PIN (stored only as a
salted hash, see `pins`); only that PIN resumes it, so no learner can see or change another's
progress. A refusal never says whether a name exists beyond "name taken or wrong PIN", and a
failed code or PIN costs a delay, so guessing from a browser tab is slow.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from twitter_tutor.progress.errors import StoreError
from twitter_tutor.tutor import pins

if TYPE_CHECKING:
    from twitter_tutor.progress.models import Learner
    from twitter_tutor.progress.store import ProgressStore

NAME_MAX = 40
FAILED_DELAY_S = 1.5

JoinKind = Literal[
    "joined",  # the profile is the learner's now
    "new",  # nobody has this name yet: ask for the PIN again and whether to share
    "bad_name",
    "bad_code",
    "bad_pin",
    "pins_differ",
    "refused",  # name taken or wrong PIN: the same words for both
    "store_error",
]


@dataclass(frozen=True)
class Workshop:
    """How the tutor runs when served: who may join."""

    join_code: str | None = None
    """The class code learners must type; None: none is asked (a loopback-only server)."""
    failed_delay_s: float = FAILED_DELAY_S
    """How long a wrong class code or PIN waits before it is answered."""


@dataclass(frozen=True)
class JoinResult:
    kind: JoinKind
    profile: str = ""
    """The learner's profile when joined; the tidied name when new."""
    error: str = ""
    """The store's message for a store_error (a `texts.Message`, said in the learner's lang)."""

    @property
    def ok(self) -> bool:
        return self.kind in ("joined", "new")


def tidy_name(name: str) -> str | None:
    """The name as it is kept (inner runs of spaces made one), or None when unusable."""
    tidied = " ".join(name.split())
    if not tidied or len(tidied) > NAME_MAX or not tidied.isprintable():
        return None
    return tidied


def _code_key(code: str) -> bytes:
    # Typed from a projector: case and spaces do not count.
    return "".join(code.split()).casefold().encode("utf-8")


class Joining:
    """The join rules over one store; the front end asks, in a worker thread (hashing and
    the delay take time)."""

    def __init__(
        self,
        store: ProgressStore,
        workshop: Workshop,
        *,
        sleep: Callable[[float], None] = time.sleep,
        hash_pin: Callable[[str], str] = pins.hash_pin,
    ) -> None:
        self._store = store
        self._workshop = workshop
        self._sleep = sleep
        self._hash_pin = hash_pin

    @property
    def asks_code(self) -> bool:
        return self._workshop.join_code is not None

    def check(self, name: str, code: str, pin: str) -> JoinResult:
        """The first step: resume a known name with its PIN, or find the name free ("new")."""
        first = self._basics(name, code, pin)
        if first.kind != "new":
            return first
        try:
            learner = self._claimed(first.profile)
            if learner is not None:
                if pins.verify_pin(pin, learner.pin_hash):
                    return JoinResult("joined", learner.profile)
                return self._refuse("refused")
            if self._has_progress(first.profile):
                return self._refuse("refused")
        except StoreError as error:
            return JoinResult("store_error", error=error.message)
        return first

    def register(self, name: str, code: str, pin: str, pin_again: str, share: bool) -> JoinResult:
        """The second step of a first join: claim the name with the PIN typed twice."""
        first = self._basics(name, code, pin)
        if first.kind != "new":
            return first
        if not hmac.compare_digest(pin.encode("utf-8"), pin_again.encode("utf-8")):
            return JoinResult("pins_differ")
        try:
            if self._claimed(first.profile) is not None or self._has_progress(first.profile):
                return self._refuse("refused")
            # Atomic in the store: of two tabs claiming one name at once, one wins.
            if not self._store.register_learner(first.profile, self._hash_pin(pin), share):
                return self._refuse("refused")
        except StoreError as error:
            return JoinResult("store_error", error=error.message)
        return JoinResult("joined", first.profile)

    # -- the rules --------------------------------------------------------------------------

    def _basics(self, name: str, code: str, pin: str) -> JoinResult:
        """The checks that need no store: "new" with the tidied name when all pass."""
        tidied = tidy_name(name)
        if tidied is None:
            return JoinResult("bad_name")
        expected = self._workshop.join_code
        if expected is not None and not hmac.compare_digest(_code_key(code), _code_key(expected)):
            return self._refuse("bad_code")
        if not pins.valid_pin(pin):
            return JoinResult("bad_pin")
        return JoinResult("new", tidied)

    def _claimed(self, name: str) -> Learner | None:
        """The learner holding `name`, or a name differing only in case: "Ann" and "ann" in
        one class would be two people mistaken for one."""
        exact = self._store.learner(name)
        if exact is not None:
            return exact
        folded = name.casefold()
        return next((s for s in self._store.learners() if s.profile.casefold() == folded), None)

    def _has_progress(self, name: str) -> bool:
        """Progress under `name` that no learner claimed (kept before the workshop, say):
        joining must not hand it to whoever types that name first."""
        folded = name.casefold()
        return any(profile.casefold() == folded for profile in self._store.profiles())

    def _refuse(self, kind: JoinKind) -> JoinResult:
        self._sleep(self._workshop.failed_delay_s)
        return JoinResult(kind)
