"""The join rules of a served tutor, on a real SQLite store: first join, resume, refusals,
and what each refusal gives away (nothing beyond "name taken or wrong PIN")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from twitter_tutor.progress import ProgressStore, StoreError, open_store
from twitter_tutor.tutor import pins
from twitter_tutor.tutor.join import Joining, JoinResult, Workshop, tidy_name

CODE = "Blue Bird 7"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProgressStore]:
    with open_store(tmp_path / "data", allow_memory=False).store as opened:
        yield opened


class Waits:
    """Records the delays the rules ask for instead of sleeping through them."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)


@pytest.fixture
def waits() -> Waits:
    return Waits()


@pytest.fixture
def joining(store: ProgressStore, waits: Waits) -> Joining:
    return Joining(store, Workshop(join_code=CODE, failed_delay_s=1.5), sleep=waits)


def test_a_free_name_is_new_then_registered_with_a_hashed_pin(
    joining: Joining, store: ProgressStore, waits: Waits
) -> None:
    assert joining.check("  Ann   Lee ", CODE, "1234") == JoinResult("new", "Ann Lee")
    assert store.learners() == []  # asking claims nothing
    assert joining.register("Ann Lee", CODE, "1234", "1234", True) == JoinResult(
        "joined", "Ann Lee"
    )
    learner = store.learner("Ann Lee")
    assert learner is not None and learner.share is True
    assert "1234" not in learner.pin_hash and pins.verify_pin("1234", learner.pin_hash)
    assert waits.seconds == []


def test_a_known_name_resumes_with_its_pin_only(
    joining: Joining, store: ProgressStore, waits: Waits
) -> None:
    store.register_learner("Ann", pins.hash_pin("1234"), False)
    assert joining.check("Ann", CODE, "1234") == JoinResult("joined", "Ann")
    assert waits.seconds == []
    assert joining.check("Ann", CODE, "4321") == JoinResult("refused")
    assert waits.seconds == [1.5]


def test_the_class_code_ignores_case_and_spaces_but_nothing_else(
    joining: Joining, waits: Waits
) -> None:
    assert joining.check("Ann", " blue  BIRD 7 ", "1234").kind == "new"
    assert joining.check("Ann", "Blue Bird", "1234").kind == "bad_code"
    assert joining.check("Ann", "", "1234").kind == "bad_code"
    assert waits.seconds == [1.5, 1.5]


def test_a_wrong_code_is_said_before_the_name_is_looked_at(
    joining: Joining, store: ProgressStore
) -> None:
    # Someone without the code learns nothing about the names in the class.
    store.register_learner("Ann", pins.hash_pin("1234"), False)
    assert joining.check("Ann", "guess", "1234").kind == "bad_code"
    assert joining.check("Bob", "guess", "1234").kind == "bad_code"
    assert joining.register("Bob", "guess", "1234", "1234", False).kind == "bad_code"
    assert [learner.profile for learner in store.learners()] == ["Ann"]


def test_without_a_class_code_none_is_asked(store: ProgressStore) -> None:
    joining = Joining(store, Workshop(join_code=None), sleep=Waits())
    assert not joining.asks_code
    assert joining.check("Ann", "", "1234").kind == "new"
    assert joining.check("Ann", "anything", "1234").kind == "new"


@pytest.mark.parametrize("name", ["", "   ", "x" * 41, "Ann\x1b[2J", "Ann\x00", "\u202enaJ"])
def test_an_unusable_name_is_refused_without_a_wait(
    joining: Joining, waits: Waits, name: str
) -> None:
    assert joining.check(name, CODE, "1234").kind == "bad_name"
    assert waits.seconds == []


def test_tidy_name_keeps_case_and_joins_inner_spaces() -> None:
    assert tidy_name("  Émile \t Zola ") == "Émile Zola"
    assert tidy_name("x" * 40) == "x" * 40
    assert tidy_name("x" * 41) is None


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12ab"])
def test_a_pin_against_the_rule_is_said_so(joining: Joining, pin: str) -> None:
    assert joining.check("Ann", CODE, pin).kind == "bad_pin"
    assert joining.register("Ann", CODE, pin, pin, False).kind == "bad_pin"


def test_two_different_pins_claim_nothing(joining: Joining, store: ProgressStore) -> None:
    assert joining.register("Ann", CODE, "1234", "1243", False).kind == "pins_differ"
    assert store.learners() == []


def test_a_taken_name_and_a_wrong_pin_are_refused_alike(
    joining: Joining, store: ProgressStore, waits: Waits
) -> None:
    store.register_learner("Ann", pins.hash_pin("1234"), False)
    wrong_pin = joining.check("Ann", CODE, "9999")
    taken = joining.register("Ann", CODE, "9999", "9999", True)
    assert wrong_pin == taken == JoinResult("refused")
    assert waits.seconds == [1.5, 1.5]
    learner = store.learner("Ann")
    assert learner is not None and pins.verify_pin("1234", learner.pin_hash)


def test_a_name_differing_only_in_case_is_the_same_learner(
    joining: Joining, store: ProgressStore
) -> None:
    store.register_learner("Ann", pins.hash_pin("1234"), False)
    assert joining.check("ANN", CODE, "1234") == JoinResult("joined", "Ann")
    assert joining.check("ann", CODE, "1111").kind == "refused"
    assert joining.register("aNN", CODE, "1111", "1111", False).kind == "refused"
    assert [learner.profile for learner in store.learners()] == ["Ann"]


def test_progress_nobody_claimed_is_not_handed_to_the_first_to_type_its_name(
    joining: Joining, store: ProgressStore
) -> None:
    # E.g. the trainer's own tries, kept in the store before the workshop.
    store.record_attempt("trainer", "intro", "e1", "mine", 80, True, [], "h")
    assert joining.check("Trainer", CODE, "1234").kind == "refused"
    assert joining.register("trainer", CODE, "1234", "1234", False).kind == "refused"
    assert store.learners() == []


def test_of_two_registrations_racing_for_a_name_one_wins(
    joining: Joining, store: ProgressStore, tmp_path: Path
) -> None:
    # Both passed the first step; the other tab's process registers first.
    assert joining.check("Ann", CODE, "1234").kind == "new"
    with open_store(tmp_path / "data", allow_memory=False).store as other_tab:
        Joining(other_tab, Workshop(join_code=CODE), sleep=Waits()).register(
            "Ann", CODE, "5555", "5555", False
        )
    assert joining.register("Ann", CODE, "1234", "1234", True).kind == "refused"
    learner = store.learner("Ann")
    assert learner is not None and pins.verify_pin("5555", learner.pin_hash)


def test_a_store_error_is_said_not_raised(store: ProgressStore) -> None:
    joining = Joining(store, Workshop(join_code=CODE), sleep=Waits())
    store.close()
    result = joining.check("Ann", CODE, "1234")
    assert result.kind == "store_error" and result.error
    assert not result.ok
    with pytest.raises(StoreError):
        store.learners()
