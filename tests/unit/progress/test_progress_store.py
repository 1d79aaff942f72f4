"""ProgressStore round trips on a real SQLite file and a real PostgreSQL schema: visits,
attempts, best score, resume, reset."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from tests.unit.progress.conftest import Opener
from twitter_tutor.progress import (
    LessonProgress,
    ProgressStore,
    StoreError,
    open_memory_store,
)

CHECKS: list[dict[str, object]] = [
    {"rule": "max_length", "ok": True, "message": "fits"},
    {"rule": "engaging", "ok": False, "message": "ask a question", "detail": {"n": 1}},
]


class Clock:
    """A clock the test moves by hand, so visit times are exact."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, minutes: int = 1) -> datetime:
        self.now += timedelta(minutes=minutes)
        return self.now


def test_new_store_is_empty(store: ProgressStore) -> None:
    assert store.lessons("ann") == {}
    assert store.attempts("ann") == []
    assert store.last_position("ann") is None
    assert store.profiles() == []


def test_visit_complete_round_trip_survives_reopen(opener: Opener) -> None:
    clock = Clock()
    store = opener(clock)
    first = clock.now
    store.visit("ann", "intro", 0)
    store.visit("ann", "intro", 2)
    last = clock.tick()
    store.visit("ann", "intro", 3)
    store.close()

    with opener() as reopened:
        assert reopened.lessons("ann") == {
            "intro": LessonProgress("intro", "in_progress", 3, None, first, last)
        }
        assert reopened.last_position("ann") == ("intro", 3)


def test_completed_lesson_stays_completed_on_revisit(opener: Opener) -> None:
    clock = Clock()
    with opener(clock) as store:
        store.visit("ann", "intro", 4)
        store.complete("ann", "intro", 80)
        later = clock.tick(5)
        store.visit("ann", "intro", 1)
        lesson = store.lessons("ann")["intro"]
        assert (lesson.state, lesson.step, lesson.best_score) == ("completed", 1, 80)
        assert lesson.last_visit == later
        assert store.last_position("ann") == ("intro", 1)


def test_best_score_is_the_best_lesson_score_reported(store: ProgressStore) -> None:
    # The tutor reports the lesson's score with each answer; an attempt's own score is not it.
    store.visit("ann", "intro", 0)
    store.record_attempt("ann", "intro", "e1", "a", 40, False, CHECKS, "h1", lesson_score=20)
    assert store.lessons("ann")["intro"].best_score == 20
    store.record_attempt("ann", "intro", "e1", "b", 90, True, CHECKS, "h1", lesson_score=45)
    store.record_attempt("ann", "intro", "e2", "c", 100, True, CHECKS, "h1", lesson_score=95)
    store.record_attempt("ann", "intro", "e2", "d", 10, False, CHECKS, "h1", lesson_score=90)
    store.record_attempt("ann", "intro", "e2", "e", 10, False, CHECKS, "h1")
    assert store.lessons("ann")["intro"].best_score == 95
    store.complete("ann", "intro", 70)
    store.complete("ann", "intro", None)
    lesson = store.lessons("ann")["intro"]
    assert (lesson.state, lesson.best_score) == ("completed", 95)


def test_a_score_out_of_range_is_refused(store: ProgressStore) -> None:
    with pytest.raises(ValueError, match="score"):
        store.record_attempt("ann", "intro", "e1", "a", 40, False, [], "h", lesson_score=101)
    assert store.attempts("ann") == []


def test_complete_without_score_then_with(store: ProgressStore) -> None:
    store.complete("ann", "intro", None)
    assert store.lessons("ann")["intro"].best_score is None
    store.complete("ann", "intro", 55)
    assert store.lessons("ann")["intro"].best_score == 55


def test_attempt_round_trip_keeps_every_field(opener: Opener) -> None:
    clock = Clock()
    with opener(clock) as store:
        answer = "Heute früh: 🚀 neue Version!\nFragen? #release"
        made = store.record_attempt("ann", "intro", "e1", answer, 85, True, CHECKS, "abc123")
    with opener() as store:
        [read] = store.attempts("ann")
    assert read == made
    assert (read.lesson_id, read.exercise_id, read.answer) == ("intro", "e1", answer)
    assert (read.score, read.passed, read.checks) == (85, True, CHECKS)
    assert (read.at, read.content_hash, read.profile) == (clock.now, "abc123", "ann")


def test_attempt_without_visit_starts_the_lesson(store: ProgressStore) -> None:
    store.record_attempt("ann", "intro", "e1", "x", 30, False, [], "h", lesson_score=15)
    lesson = store.lessons("ann")["intro"]
    assert (lesson.state, lesson.step, lesson.best_score) == ("in_progress", 0, 15)
    assert store.last_position("ann") is None  # only a visit moves the resume point


def test_attempts_oldest_first_and_filtered(store: ProgressStore) -> None:
    for lesson, exercise, answer in [
        ("a", "e1", "1"),
        ("b", "e1", "2"),
        ("a", "e2", "3"),
        ("a", "e1", "4"),
    ]:
        store.record_attempt("ann", lesson, exercise, answer, 50, True, [], "h")
    assert [x.answer for x in store.attempts("ann")] == ["1", "2", "3", "4"]
    assert [x.answer for x in store.attempts("ann", "a")] == ["1", "3", "4"]
    assert [x.answer for x in store.attempts("ann", "a", "e1")] == ["1", "4"]
    assert [x.answer for x in store.attempts("ann", exercise_id="e1")] == ["1", "2", "4"]
    ids = [x.id for x in store.attempts("ann")]
    assert ids == sorted(ids) and len(set(ids)) == 4


def test_lessons_in_order_first_visited(opener: Opener) -> None:
    clock = Clock()
    with opener(clock) as store:
        for lesson in ["zeta", "alpha", "mid"]:
            store.visit("ann", lesson, 0)
            clock.tick()
        store.visit("ann", "zeta", 1)
        assert list(store.lessons("ann")) == ["zeta", "alpha", "mid"]


def test_last_position_follows_the_latest_visit(store: ProgressStore) -> None:
    store.visit("ann", "one", 2)
    store.visit("ann", "two", 5)
    assert store.last_position("ann") == ("two", 5)
    store.visit("ann", "one", 3)
    assert store.last_position("ann") == ("one", 3)


def test_profiles_are_isolated(store: ProgressStore) -> None:
    store.visit("ann", "intro", 2)
    store.record_attempt("ann", "intro", "e1", "ann's", 90, True, [], "h", lesson_score=90)
    store.visit("bob", "other", 1)
    store.record_attempt("bob", "other", "e1", "bob's", 20, False, [], "h")
    assert list(store.lessons("ann")) == ["intro"]
    assert [a.answer for a in store.attempts("bob")] == ["bob's"]
    assert store.last_position("bob") == ("other", 1)
    assert store.profiles() == ["ann", "bob"]
    assert store.reset("bob") == (1, 1)
    assert store.profiles() == ["ann"]
    assert store.lessons("ann")["intro"].best_score == 90
    assert store.last_position("ann") == ("intro", 2)


def test_reset_one_lesson_removes_only_it(store: ProgressStore) -> None:
    store.visit("ann", "one", 1)
    store.record_attempt("ann", "one", "e1", "x", 10, False, [], "h")
    store.record_attempt("ann", "one", "e1", "y", 20, False, [], "h")
    store.visit("ann", "two", 4)
    store.record_attempt("ann", "two", "e1", "z", 30, False, [], "h")
    assert store.reset("ann", "one") == (1, 2)
    assert list(store.lessons("ann")) == ["two"]
    assert [a.answer for a in store.attempts("ann")] == ["z"]
    assert store.last_position("ann") == ("two", 4)  # untouched: it points elsewhere
    assert store.reset("ann", "two") == (1, 1)
    assert store.last_position("ann") is None
    assert store.reset("ann") == (0, 0)


def test_attempt_ids_are_not_reused_after_reset(store: ProgressStore) -> None:
    first = store.record_attempt("ann", "one", "e1", "x", 10, False, [], "h")
    store.reset("ann")
    second = store.record_attempt("ann", "one", "e1", "x", 10, False, [], "h")
    assert second.id > first.id


def test_lone_surrogates_do_not_break_a_write(store: ProgressStore) -> None:
    # Undecodable bytes from argv arrive as lone surrogates; SQLite only takes UTF-8.
    attempt = store.record_attempt(
        "ann", "intro", "e1", "bad \udcff byte", 5, False, [{"m": "\ud800"}], "h"
    )
    assert store.attempts("ann") == [attempt]
    assert attempt.answer == "bad \\udcff byte"
    assert attempt.checks == [{"m": "\ud800"}]


@pytest.mark.parametrize("score", [-1, 101])
def test_out_of_range_score_is_refused(store: ProgressStore, score: int) -> None:
    with pytest.raises(ValueError):
        store.record_attempt("ann", "intro", "e1", "x", score, False, [], "h")
    with pytest.raises(ValueError):
        store.complete("ann", "intro", score)
    assert store.attempts("ann") == [] and store.lessons("ann") == {}


def test_bad_arguments_are_refused_before_writing(store: ProgressStore) -> None:
    with pytest.raises(ValueError):
        store.visit("ann", "intro", -1)
    with pytest.raises(ValueError):
        store.visit("", "intro", 0)
    with pytest.raises(TypeError):
        store.record_attempt("ann", "i", "e", "x", 1, True, [{"x": object()}], "h")
    assert store.lessons("ann") == {} and store.attempts("ann") == []


def test_closed_store_raises_store_error(opener: Opener) -> None:
    store = opener()
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        store.visit("ann", "intro", 0)


def test_memory_store_works_like_a_file_store() -> None:
    with open_memory_store() as store:
        assert store.path is None
        store.visit("ann", "intro", 1)
        store.record_attempt("ann", "intro", "e1", "x", 60, True, CHECKS, "h", lesson_score=60)
        assert store.lessons("ann")["intro"].best_score == 60
        assert store.last_position("ann") == ("intro", 1)


def test_writes_from_several_threads(store: ProgressStore) -> None:
    # The TUI writes from a worker thread while the UI thread reads.
    def write(n: int) -> None:
        for i in range(20):
            store.record_attempt("ann", "intro", f"t{n}", str(i), i, True, [], "h")
            store.lessons("ann")

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(store.attempts("ann")) == 80


def test_write_is_visible_to_another_connection_at_once(opener: Opener) -> None:
    # "Committed before the method returns": a second connection sees it without any close.
    with opener() as writer, opener() as reader:
        writer.record_attempt("ann", "intro", "e1", "x", 60, True, [], "h")
        writer.visit("ann", "intro", 2)
        assert len(reader.attempts("ann")) == 1
        assert reader.last_position("ann") == ("intro", 2)
