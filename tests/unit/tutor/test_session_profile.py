"""A served tutor's session starts with nobody's progress and takes the learner's profile when
they join; the core stays the one door to the store (real SQLite store, no Textual)."""

from __future__ import annotations

from pathlib import Path

import pytest

from twitter_tutor.content.course import Course
from twitter_tutor.progress import open_store
from twitter_tutor.tutor.join import Workshop
from twitter_tutor.tutor.session import Session


def _never() -> Course:
    raise AssertionError("the course is not needed here")


def test_a_workshop_session_needs_a_join_and_then_writes_as_the_learner(tmp_path: Path) -> None:
    with open_store(tmp_path / "data", allow_memory=False).store as store:
        store.visit("Ann", "intro", 2)
        session = Session(_never, store, "", "en", workshop=Workshop(join_code="x"))
        assert session.needs_join
        session.set_profile("Ann")
        assert not session.needs_join
        assert list(session.progress()) == ["intro"]
        session.keep_draft("intro", "e1", ("half a tweet",))
        assert session.visit("intro", 3)
        assert session.close()  # the draft reached the store
        assert store.drafts("Ann", "intro") == {("e1", 0): "half a tweet"}
        assert store.last_position("Ann") == ("intro", 3)
        assert store.profiles() == ["Ann"]


def test_drafts_typed_before_a_profile_change_stay_with_the_earlier_profile(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path / "data", allow_memory=False).store as store:
        session = Session(_never, store, "trainer", "en")
        assert not session.needs_join  # no workshop: the tutor as always
        session.keep_draft("intro", "e1", ("mine",))
        session.set_profile("Ann")
        session.keep_draft("intro", "e1", ("hers",))
        assert session.close()
        assert store.drafts("trainer", "intro") == {("e1", 0): "mine"}
        assert store.drafts("Ann", "intro") == {("e1", 0): "hers"}


def test_an_empty_profile_is_refused(tmp_path: Path) -> None:
    with open_store(tmp_path / "data", allow_memory=False).store as store:
        session = Session(_never, store, "", "en", workshop=Workshop())
        with pytest.raises(ValueError, match="profile"):
            session.set_profile("")
        assert session.needs_join
