"""The trainer's class report: figures worked out from a real SQLite store holding a small
class (tests/classroom.py), answered through the real grader and Session."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.classroom import (
    ANA_TWEET,
    BEN_AD,
    BEN_TWEET,
    ENGAGING_HINT,
    HOSTILE,
    HOSTILE_TWEET,
    fill_class,
    load,
    write_lessons,
)
from twitter_tutor.content.course import Course
from twitter_tutor.progress import Attempt, ProgressStore, open_store
from twitter_tutor.tutor.class_report import (
    ClassReport,
    CourseLesson,
    ExerciseStats,
    LearnerRecord,
    build_report,
    course_lessons,
    read_class,
    to_json,
)
from twitter_tutor.tutor.course_index import entries
from twitter_tutor.tutor.report_html import to_html
from twitter_tutor.tutor.trainer_access import MAX_TRIES, TrainerGate

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def course(tmp_path: Path) -> Course:
    return load(write_lessons(tmp_path / "lessons"))


@pytest.fixture
def store(tmp_path: Path, course: Course) -> Iterator[ProgressStore]:
    opened = open_store(tmp_path / "data", allow_memory=False)
    fill_class(opened.store, course)
    yield opened.store
    opened.store.close()


def _report(store: ProgressStore, course: Course) -> ClassReport:
    lessons = {f.lesson.id: f.lesson for f in course.for_lang("en") if f.lesson is not None}
    return build_report(course_lessons(entries(course, "en"), lessons), read_class(store), NOW)


def _exercise(report: ClassReport, lesson_id: str, exercise_id: str) -> ExerciseStats:
    return next(
        e for e in report.exercises if (e.lesson_id, e.exercise_id) == (lesson_id, exercise_id)
    )


def test_every_profile_and_every_joined_learner_is_a_row_with_its_consent(
    store: ProgressStore, course: Course
) -> None:
    report = _report(store, course)
    rows = {row.profile: row.shares for row in report.learners}
    # dee joined and did nothing: still listed; cy never joined: listed, never sharing.
    assert rows == {HOSTILE: True, "ana": True, "ben": False, "cy": False, "dee": True}
    assert [row.profile for row in report.learners] == sorted(rows)
    assert report.sharing == 3


def test_each_cell_holds_the_stored_state_and_best_score(
    store: ProgressStore, course: Course
) -> None:
    report = _report(store, course)
    ids = [tally.lesson_id for tally in report.lessons]
    # The course's lessons in order, then the one only an old attempt still names.
    assert ids == ["basics", "more-practice", "gone"]
    for row in report.learners:
        stored = store.lessons(row.profile)
        for lesson_id, cell in zip(ids, row.cells, strict=True):
            expected = stored.get(lesson_id)
            assert cell.state == (expected.state if expected else "not_started")
            assert cell.best_score == (expected.best_score if expected else None)
    ana = next(row for row in report.learners if row.profile == "ana")
    assert (ana.cells[0].state, ana.cells[0].best_score, ana.completed) == ("completed", 60, 1)


def test_the_chart_counts_add_up_per_lesson(store: ProgressStore, course: Course) -> None:
    report = _report(store, course)
    basics, more, gone = report.lessons
    assert (basics.title, basics.completed, basics.in_progress, basics.not_started) == (
        "Basics",
        1,
        3,
        1,
    )
    assert (more.title, more.in_progress, more.not_started) == ("More practice", 1, 4)
    assert gone.title == "gone"  # no course title left: shown by its id
    assert all(tally.learners == 5 for tally in report.lessons)


def test_passed_counts_learners_not_attempts(store: ProgressStore, course: Course) -> None:
    report = _report(store, course)
    tweet = _exercise(report, "basics", "first-tweet")
    # ana, ben (second try), HOSTILE passed; cy did not. Five attempts in all.
    assert (tweet.tried, tweet.passed, tweet.attempts) == (4, 3, 5)
    assert tweet.share_passed == pytest.approx(0.75)
    choice = _exercise(report, "basics", "first-choice")
    assert (choice.tried, choice.passed, choice.attempts, choice.share_passed) == (1, 1, 2, 1.0)
    untried = _exercise(report, "basics", "small-plan")
    assert (untried.tried, untried.attempts, untried.share_passed) == (0, 0, None)
    assert _exercise(report, "gone", "old-task").task == "old-task"


def test_checks_missed_most_are_ranked_by_learners_then_attempts(
    store: ProgressStore, course: Course
) -> None:
    report = _report(store, course)
    missed = _exercise(report, "basics", "first-tweet").missed
    assert (missed[0].check, missed[0].kind, missed[0].learners) == ("engaging", "rule", 2)
    assert missed[0].detail == ENGAGING_HINT  # the lesson's hint: the trainer's own words
    learners = [m.learners for m in missed]
    assert learners == sorted(learners, reverse=True)
    items = _exercise(report, "basics", "first-choice").missed
    # ana picked the ad (item 2) and left out the question (item 1): both wrong, once.
    assert {(m.check, m.kind, m.learners, m.attempts) for m in items} == {
        ("1", "item", 1, 1),
        ("2", "item", 1, 1),
    }
    assert {m.detail for m in items} == {
        "Which tool do you use for your newsletter, and why?",
        "Our newsletter is out now. Subscribe!",
    }


def test_feedback_quoting_a_non_sharer_is_never_shown(store: ProgressStore, course: Course) -> None:
    report = _report(store, course)
    missed = {m.check: m for m in _exercise(report, "basics", "first-tweet").missed}
    # Only ben missed not_promotional; its message quotes his ad, and ben does not share.
    assert missed["not_promotional"].learners == 1
    assert missed["not_promotional"].detail == ""
    assert "BUY NOW" not in json.dumps(to_json(report))


def test_best_answers_only_from_learners_who_agreed_to_share(
    store: ProgressStore, course: Course
) -> None:
    report = _report(store, course)
    best = [(a.exercise_id, a.profile, a.answer) for a in report.best]
    # ben passed too but did not agree; cy never joined; both score like the others.
    assert sorted(best) == sorted(
        [("first-tweet", "ana", ANA_TWEET), ("first-tweet", HOSTILE, HOSTILE_TWEET)]
    )
    texts = json.dumps(to_json(report))
    assert BEN_TWEET not in texts and BEN_AD not in texts


def test_a_learner_who_shares_shows_only_their_best_answer(
    store: ProgressStore, course: Course
) -> None:
    store.record_attempt(
        "ana",
        "basics",
        "first-tweet",
        "A weaker one?",
        80,
        True,
        [{"rule": "max_length", "passed": True, "message": "ok", "weight": 1, "required": True}],
        "h",
    )
    best = [a for a in _report(store, course).best if a.profile == "ana"]
    assert [(a.answer, a.score) for a in best] == [(ANA_TWEET, 100)]


def test_an_empty_store_gives_an_empty_report(tmp_path: Path, course: Course) -> None:
    with open_store(tmp_path / "empty", allow_memory=False).store as empty:
        report = _report(empty, course)
    assert report.learners == () and report.best == ()
    assert [t.learners for t in report.lessons] == [0, 0]
    assert "<svg" not in to_html(report, "en")


def test_json_is_plain_data(store: ProgressStore, course: Course) -> None:
    data = to_json(_report(store, course))
    plain = json.loads(json.dumps(data))
    assert plain == data
    ana = next(row for row in plain["learners"] if row["profile"] == "ana")
    assert ana["lessons"]["basics"] == {"state": "completed", "best_score": 60}
    assert plain["generated_at"] == "2025-03-01T09:00:00.000000+00:00"


# -- the HTML page -----------------------------------------------------------------------------


def test_the_page_escapes_every_learner_text_and_loads_nothing(
    store: ProgressStore, course: Course
) -> None:
    page = to_html(_report(store, course), "en")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;/blockquote&gt;&lt;script&gt;alert(2)&lt;/script&gt; &lt;b&gt;new&lt;/b&gt;" in page
    assert "http://" not in page and "https://" not in page
    assert " src=" not in page and " href=" not in page and "url(" not in page
    assert "default-src 'none'" in page  # the browser may load nothing, whatever the text


def test_the_page_has_the_chart_and_speaks_the_chosen_language(
    store: ProgressStore, course: Course
) -> None:
    report = _report(store, course)
    page = to_html(report, "de")
    assert page.startswith('<!DOCTYPE html>\n<html lang="de">')
    assert "Kursbericht" in page and "abgeschlossen" in page
    svg = page[page.index("<svg") : page.index("</svg>")]
    # One bar segment per non-zero count: basics 1+3+1, more-practice 1+4, gone 1+4.
    assert svg.count("<rect") == 7
    assert "1. Basics" in svg and "3. gone" in svg


def test_control_characters_bidi_and_lone_surrogates_cannot_break_the_page() -> None:
    # Built directly: the store itself already writes a lone surrogate as "\\udcff".
    odd = "eve\x1b[31m\u202eevil\udcff"
    page = to_html(build_report([], [LearnerRecord(odd, True, {}, [])], NOW), "en")
    page.encode("utf-8")  # a lone surrogate would raise here
    assert "\x1b" not in page
    assert "<bdi>eve\ufffd[31m\u202eevil\ufffd</bdi>" in page  # the override stays inside


# -- the trainer's code ------------------------------------------------------------------------


def test_the_right_code_opens_and_stays_open() -> None:
    gate = TrainerGate("class-42")
    assert gate.try_code("wrong") == "wrong" and gate.tries_left == MAX_TRIES - 1
    assert gate.try_code(" class-42 ") == "open" and gate.is_open
    assert gate.try_code("anything") == "open"


def test_too_many_wrong_codes_lock_even_the_right_one() -> None:
    gate = TrainerGate("class-42")
    verdicts = [gate.try_code(f"guess-{n}") for n in range(MAX_TRIES)]
    assert verdicts == ["wrong"] * (MAX_TRIES - 1) + ["locked"]
    assert gate.try_code("class-42") == "locked" and not gate.is_open


def test_an_empty_code_is_refused() -> None:
    with pytest.raises(ValueError):
        TrainerGate("  ")


def test_notes_are_never_best_answers() -> None:
    # A note (reflect) is the learner's observation, not a tweet to show the class.
    check = {"rule": "min_words", "passed": True, "message": "ok", "weight": 1, "required": True}
    lesson = CourseLesson(
        "watch", "Watch", (("observe", "Note what you saw"),), frozenset({"observe"})
    )
    note = Attempt(1, "ana", "watch", "observe", "My note.", 100, True, [check], NOW, "h")
    report = build_report([lesson], [LearnerRecord("ana", True, {}, [note])], NOW)
    assert report.best == ()
    assert report.exercises[0].passed == 1


def test_a_shared_postgresql_store_gives_the_same_report(
    tmp_path: Path, store: ProgressStore, course: Course
) -> None:
    # A workshop's store is PostgreSQL: the same class there must read the same.
    from tests.postgres import fresh_schema
    from twitter_tutor.progress import open_store_url

    with fresh_schema() as url, open_store_url(url, data_dir=tmp_path).store as shared:
        fill_class(shared, course)
        from_postgres = json.loads(json.dumps(to_json(_report(shared, course))))
    from_sqlite = json.loads(json.dumps(to_json(_report(store, course))))
    for data in (from_postgres, from_sqlite):
        for answer in data["best_answers"]:
            del answer["at"]  # written at different moments
    for part in ("lessons", "learners", "exercises", "best_answers"):
        assert from_postgres[part] == from_sqlite[part]
    assert len(from_postgres["best_answers"]) == 2


def test_a_trainers_watch_previews_are_no_learners_unless_asked_for(
    store: ProgressStore, course: Course
) -> None:
    # `--watch` records a trainer's test answers under NAME-preview, in the same store.
    store.visit("trainer-preview", "basics", 0)
    assert "trainer-preview" not in {r.profile for r in read_class(store)}
    assert "trainer-preview" in {r.profile for r in read_class(store, previews=True)}
    # A learner who happens to be called "-preview" is still a learner.
    store.visit("-preview", "basics", 0)
    assert "-preview" in {r.profile for r in read_class(store)}
