"""Drafts: what a learner typed but did not send survives a restart, per exercise and tweet."""

from __future__ import annotations

import pytest

from tests.unit.progress.conftest import Opener
from twitter_tutor.progress import ProgressStore


def test_a_draft_survives_closing_and_reopening(opener: Opener) -> None:
    with opener() as store:
        store.save_draft("ann", "intro", "compose", 0, "Half a tw")
        store.save_draft("ann", "intro", "compose", 0, "Half a tweet 👨‍👩‍👧")
        store.save_draft("ann", "intro", "plan", 2, "Third tweet")
    with opener() as store:
        assert store.drafts("ann", "intro") == {
            ("compose", 0): "Half a tweet 👨‍👩‍👧",
            ("plan", 2): "Third tweet",
        }
        assert store.drafts("bob", "intro") == {}
        assert store.drafts("ann", "other") == {}


def test_an_empty_draft_removes_it_and_sending_clears_the_exercise(store: ProgressStore) -> None:
    store.save_draft("ann", "intro", "plan", 0, "one")
    store.save_draft("ann", "intro", "plan", 1, "two")
    store.save_draft("ann", "intro", "compose", 0, "keep")
    store.save_draft("ann", "intro", "plan", 0, "")
    assert store.drafts("ann", "intro") == {("plan", 1): "two", ("compose", 0): "keep"}
    store.clear_drafts("ann", "intro", "plan")
    assert store.drafts("ann", "intro") == {("compose", 0): "keep"}


def test_reset_removes_drafts_too(store: ProgressStore) -> None:
    store.save_draft("ann", "intro", "compose", 0, "x")
    store.save_draft("ann", "other", "compose", 0, "y")
    store.reset("ann", "intro")
    assert store.drafts("ann", "intro") == {}
    assert store.drafts("ann", "other") == {("compose", 0): "y"}
    store.reset("ann")
    assert store.drafts("ann", "other") == {}


def test_a_bad_slot_or_profile_is_refused(store: ProgressStore) -> None:
    with pytest.raises(ValueError, match="slot"):
        store.save_draft("ann", "intro", "plan", -1, "x")
    with pytest.raises(ValueError, match="profile"):
        store.save_draft("", "intro", "plan", 0, "x")
