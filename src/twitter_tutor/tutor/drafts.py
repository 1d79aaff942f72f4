"""Unsent answers, kept as they are typed and written to the store off the typing thread.

A draft is a tuple of slots: one text for a compose box, one per tweet of a plan, the chosen
numbers ("1,3") for choice and pick. Each keystroke only updates memory and queues the slot;
a writer thread saves the newest text of every queued slot, so a keystroke never waits for
the disk (the store syncs each commit) and a burst can never reach the store out of order.
`flush` waits for the queue before the tutor exits.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from twitter_tutor.progress.errors import StoreError

if TYPE_CHECKING:
    from twitter_tutor.progress.store import ProgressStore

Draft = tuple[str, ...]
_CLEAR = -1
"""The slot of a queued "forget this exercise's drafts" (after its answer was saved)."""


class DraftKeeper:
    def __init__(
        self, store: ProgressStore, profile: str, on_error: Callable[[str], None]
    ) -> None:
        self._store = store
        self._profile = profile
        self._on_error = on_error
        self._known: dict[tuple[str, str], Draft] = {}
        self._loaded: set[str] = set()
        # (lesson, exercise, slot) -> text, in the order first queued; _CLEAR slots clear.
        self._queue: dict[tuple[str, str, int], str] = {}
        self._busy = False
        self._changed = threading.Condition()
        self._writer: threading.Thread | None = None

    def get(self, lesson_id: str, exercise_id: str) -> Draft | None:
        """The exercise's draft, from memory or else the store; None when there is none."""
        if lesson_id not in self._loaded:
            self._loaded.add(lesson_id)
            try:
                stored = self._store.drafts(self._profile, lesson_id)
            except StoreError as error:
                self._on_error(error.message)  # a Message: the front end says it
                stored = {}
            by_exercise: dict[str, dict[int, str]] = {}
            for (exercise, slot), text in stored.items():
                by_exercise.setdefault(exercise, {})[slot] = text
            for exercise, slots in by_exercise.items():
                if slots.keys() and max(slots) < 1000:  # a damaged slot number is ignored
                    draft = tuple(slots.get(n, "") for n in range(max(slots) + 1))
                    self._known.setdefault((lesson_id, exercise), draft)
        return self._known.get((lesson_id, exercise_id))

    def keep(self, lesson_id: str, exercise_id: str, draft: Draft) -> None:
        """The learner changed the answer: remember it now, save the changed slots soon."""
        before = self._known.get((lesson_id, exercise_id), ())
        self._known[(lesson_id, exercise_id)] = draft
        width = max(len(before), len(draft))
        changed = [
            (n, draft[n] if n < len(draft) else "")
            for n in range(width)
            if (before[n] if n < len(before) else "") != (draft[n] if n < len(draft) else "")
        ]
        if changed:
            with self._changed:
                for slot, text in changed:
                    self._queue[(lesson_id, exercise_id, slot)] = text
                self._wake()

    def sent(self, lesson_id: str, exercise_id: str) -> None:
        """The answer was saved as an attempt: its drafts are no longer needed."""
        self._known.pop((lesson_id, exercise_id), None)
        with self._changed:
            for key in [k for k in self._queue if k[:2] == (lesson_id, exercise_id)]:
                del self._queue[key]
            self._queue[(lesson_id, exercise_id, _CLEAR)] = ""
            self._wake()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every queued draft is written; False when that took too long."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._queue and not self._busy, timeout)

    # -- the writer -------------------------------------------------------------------------

    def _wake(self) -> None:
        if self._writer is None or not self._writer.is_alive():
            self._writer = threading.Thread(target=self._write_all, name="drafts", daemon=True)
            self._writer.start()
        self._changed.notify_all()

    def _write_all(self) -> None:
        while True:
            with self._changed:
                if not self._queue:
                    self._changed.notify_all()  # flush() may be waiting
                    return
                key = next(iter(self._queue))
                text = self._queue.pop(key)
                self._busy = True
            try:
                self._write(key, text)
            finally:
                with self._changed:
                    self._busy = False
                    self._changed.notify_all()

    def _write(self, key: tuple[str, str, int], text: str) -> None:
        lesson_id, exercise_id, slot = key
        try:
            if slot == _CLEAR:
                self._store.clear_drafts(self._profile, lesson_id, exercise_id)
            else:
                self._store.save_draft(self._profile, lesson_id, exercise_id, slot, text)
        except StoreError as error:
            self._on_error(error.message)
