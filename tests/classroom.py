"""A small class for the report tests: real lessons, answers graded by the real grader and
recorded through the tutor's Session into a real store, and workshop learners who did or did
not agree to share.

- ana (joined, shares): got the choice wrong, then right; a good tweet; completed "basics".
- ben (joined, does not share): an ad first, then a good tweet.
- HOSTILE (joined, shares): a name and a passing tweet full of markup.
- cy (no learner row: the tutor on one's own machine, never shares): a weak tweet; opened
  "more-practice"; an old attempt at a lesson the course no longer has.
- dee (joined, shares): nothing yet.
"""

from __future__ import annotations

from pathlib import Path

from twitter_tutor.content.course import Course, load_course
from twitter_tutor.content.starter import starter_lesson
from twitter_tutor.grading.grader import grade, parse_answer
from twitter_tutor.progress import ProgressStore
from twitter_tutor.tutor.session import Session
from twitter_tutor.types import Lang

HOSTILE = "<script>alert(1)</script>"
ANA_TWEET = (
    "Hi, I'm Ana and I write our team's newsletter. What's the best thing you read this week?"
)
# Not the starter lesson's own ad example: typed in, that would be a copy, not an ad.
BEN_AD = "BUY NOW!!! 40% off every mug, only today!"
BEN_TWEET = "Hi, I'm Ben, new here, and I run the bakery's newsletter. What do you read on Sundays?"
HOSTILE_TWEET = (
    "Hi, I'm </blockquote><script>alert(2)</script> <b>new</b> here and I plan newsletters. "
    "What do you read first?"
)
CY_TWEET = "Our new product is here."
ENGAGING_HINT = "End with a question."


def write_lessons(folder: Path) -> Path:
    """Two English starter lessons (choice, pick, compose and plan each)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "01-basics.md").write_text(starter_lesson("basics", "en", order=1), "utf-8")
    (folder / "02-more.md").write_text(starter_lesson("more-practice", "en", order=2), "utf-8")
    return folder


def load(folder: Path) -> Course:
    return load_course([folder])


def answer(store: ProgressStore, course: Course, profile: str, exercise_id: str, raw: str) -> bool:
    """Grade `raw` for an exercise of "basics" and record it as the tutor does; True if passed."""
    session = Session(lambda: course, store, profile, Lang("en"))
    session.set_course(course)
    found = course.find("basics", "en")
    assert found is not None and found.lesson is not None
    lesson = found.lesson
    exercise = lesson.exercise(exercise_id)
    assert exercise is not None
    session.visit(lesson.id, 1)
    result = grade(exercise, parse_answer(exercise, raw), "en")
    assert session.record(lesson, exercise_id, raw, result) is not None
    return result.passed


def fill_class(store: ProgressStore, course: Course) -> None:
    assert store.register_learner("ana", "hash-a", True)
    assert store.register_learner("ben", "hash-b", False)
    assert store.register_learner(HOSTILE, "hash-h", True)
    assert store.register_learner("dee", "hash-d", True)
    assert not answer(store, course, "ana", "first-choice", "2")
    assert answer(store, course, "ana", "first-choice", "1")
    assert answer(store, course, "ana", "first-tweet", ANA_TWEET)
    store.complete("ana", "basics", 60)
    assert not answer(store, course, "ben", "first-tweet", BEN_AD)
    assert answer(store, course, "ben", "first-tweet", BEN_TWEET)
    assert answer(store, course, HOSTILE, "first-tweet", HOSTILE_TWEET)
    assert not answer(store, course, "cy", "first-tweet", CY_TWEET)
    store.visit("cy", "more-practice", 0)
    store.record_attempt("cy", "gone", "old-task", "An old answer.", 40, False, [], "old-hash")
