"""A learner's way through the tutor, driven with Pilot on real lessons and a real store."""

from __future__ import annotations

from textual.widgets import Button, RadioSet, TextArea

from tests.tui.helpers import AppFactory, settle
from twitter_tutor.progress import ProgressStore
from twitter_tutor.tui.messages import OpenLesson
from twitter_tutor.tui.screens.home import HomeScreen
from twitter_tutor.tui.screens.lesson import LessonScreen
from twitter_tutor.tui.screens.summary import SummaryScreen
from twitter_tutor.tui.widgets.exercise import ExerciseWidget
from twitter_tutor.tui.widgets.feedback import GradeFeedback
from twitter_tutor.tui.widgets.tweet_card import TweetCard

GOOD_TWEET = (
    "Hi, I'm new here and I look after our team's newsletter. "
    "What's the best thing you read this week?"
)


def _lesson(app: object) -> LessonScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, LessonScreen), screen
    return screen


async def test_a_whole_lesson_with_every_exercise_type(
    build: AppFactory, store: ProgressStore
) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.focused is not None and app.focused.id == "continue"
        await pilot.press("enter")
        await pilot.pause()
        lesson = _lesson(app)
        assert (lesson.lesson.id, lesson.index) == ("basics", 0)

        # choice: radio buttons, the first answer is right
        await pilot.press("right")
        assert lesson.index == 1
        assert isinstance(app.focused, RadioSet)
        await pilot.press("enter", "ctrl+s")
        feedback = lesson.query_one(GradeFeedback)
        assert feedback.display and "Passed" in feedback.text
        assert "saved" in str(lesson.query_one(".saved").render())

        # pick: the first card is worth following, the second is an ad bot
        await pilot.press("n")
        assert lesson.index == 2
        assert isinstance(app.focused, TweetCard)
        await pilot.press("space", "ctrl+s")
        cards = list(lesson.query(TweetCard))
        assert cards[0].has_class("-right") and cards[1].has_class("-right")

        # compose: long text is set directly, a few keys are typed
        await pilot.press("n")
        area = lesson.query_one(TextArea)
        assert app.focused is area
        area.load_text(GOOD_TWEET.removesuffix("?"))
        area.move_cursor(area.document.end)
        await pilot.press("?", "ctrl+s")
        assert "Passed" in lesson.query_one(GradeFeedback).text

        # plan: two boxes (on a step with a text box, `n` would be typed into it: → moves on)
        await pilot.press("escape", "right")
        assert lesson.index == 4
        first, second = lesson.query(TextArea)
        # Not the starter lesson's own example lines: typed in, they would be copies.
        first.load_text("I finally finished the newsletter at midnight, and I'm weirdly proud of it.")
        second.load_text("Which part of a newsletter do you always read first, and why?")
        await pilot.press("ctrl+s")
        assert "Passed" in lesson.query_one(GradeFeedback).text

        await pilot.press("escape", "right")  # Finish
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("enter")  # the next lesson is focused
        await pilot.pause()
        assert _lesson(app).lesson.id == "more-practice"

    progress = store.lessons("tester")
    assert progress["basics"].state == "completed"
    assert progress["basics"].best_score == 100
    attempts = store.attempts("tester", "basics")
    assert [a.exercise_id for a in attempts] == [
        "first-choice",
        "timeline-pick",
        "first-tweet",
        "small-plan",
    ]
    assert attempts[2].answer == GOOD_TWEET
    assert all(a.passed for a in attempts)


async def test_quit_and_restart_resumes_at_the_same_step(
    build: AppFactory, store: ProgressStore
) -> None:
    async with build().run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "n", "n")
        await pilot.pause()
        assert _lesson(pilot.app).index == 2
        await pilot.press("ctrl+q")
    assert store.last_position("tester") == ("basics", 2)

    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        label = str(app.screen.query_one("#continue", Button).label)
        assert "Continue" in label and "step 3/5" in label
        await pilot.press("enter")
        await pilot.pause()
        lesson = _lesson(app)
        assert (lesson.lesson.id, lesson.index) == ("basics", 2)


async def test_a_retry_keeps_every_attempt_and_shows_the_last_one(
    build: AppFactory, store: ProgressStore
) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_lesson("basics", 3)
        await pilot.pause()
        lesson = _lesson(app)
        area = lesson.query_one(TextArea)
        area.load_text("BUY NOW!!! 50% off")
        await pilot.press("ctrl+s")
        assert "Not yet" in lesson.query_one(GradeFeedback).text
        area.load_text(GOOD_TWEET)
        await pilot.press("ctrl+s")
        assert "Passed" in lesson.query_one(GradeFeedback).text
        history = lesson.query_one(ExerciseWidget).query_one(".history")
        assert "(2)" in str(history.title)
        # Leaving and coming back keeps the text.
        await pilot.press("escape", "left", "right")
        assert lesson.query_one(TextArea).text == GOOD_TWEET
    assert [a.score for a in store.attempts("tester", "basics", "first-tweet")][1] == 100

    # A new run starts from the last answer, ready to revise.
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_lesson("basics", 3)
        await pilot.pause()
        assert _lesson(app).query_one(TextArea).text == GOOD_TWEET


async def test_typed_drafts_survive_quitting_and_come_back(
    build: AppFactory, store: ProgressStore
) -> None:
    typed = "Half a tweet about our 👨‍👩‍👧 team"
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.post_message(OpenLesson("basics", 3))  # the compose step
        await pilot.pause()
        area = _lesson(app).query_one(TextArea)
        for key in typed:
            area.insert(key)  # key by key, as typed
        await pilot.pause()
        plan_step = 4
        app.post_message(OpenLesson("basics", plan_step))
        await pilot.pause()
        second = list(_lesson(app).query(TextArea))[1]
        second.insert("Second tweet, not sent")
        await pilot.pause()
    assert app.session.close()  # what the launcher does before closing the store
    assert store.drafts("tester", "basics") == {
        ("first-tweet", 0): typed,
        ("small-plan", 1): "Second tweet, not sent",
    }
    again = build()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        again.post_message(OpenLesson("basics", 3))
        await pilot.pause()
        assert _lesson(again).query_one(TextArea).text == typed
        await pilot.press("ctrl+s")  # sending it turns the draft into an attempt
        await pilot.pause()
        assert again.session.close()
        assert ("first-tweet", 0) not in store.drafts("tester", "basics")
        assert [a.answer for a in store.attempts("tester", "basics", "first-tweet")] == [typed]


async def test_skipping_is_said_and_the_summary_leads_back_to_what_was_skipped(
    build: AppFactory,
) -> None:
    from tests.tui.helpers import Notifications

    seen = Notifications()
    app = build()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await settle(pilot)
        app.post_message(OpenLesson("basics", 0))
        await pilot.pause()
        lesson = _lesson(app)
        for _ in range(len(lesson.lesson.steps)):
            await lesson.action_next()
            await pilot.pause()
        assert any(text.startswith("Skipped 1 exercise:") for text in seen.messages)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        back = list(summary.query(".back-to").results(Button))
        assert len(back) == len(lesson.lesson.exercises) == 4
        assert "↩" in str(back[2].label)
        back[2].press()
        await pilot.pause()
        await pilot.pause()
        reopened = _lesson(app)
        step = reopened.lesson.steps[reopened.index]
        assert step.exercises and step.exercises[0].id == lesson.lesson.exercises[2].id


async def test_finishing_the_last_lesson_offers_the_course_summary(build: AppFactory) -> None:
    from textual.widgets import Markdown

    from twitter_tutor.tui.screens.course_summary import CourseSummaryScreen

    app = build(lang="de")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.post_message(OpenLesson("more-practice", 0))
        await pilot.pause()
        lesson = _lesson(app)
        await lesson.show_step(len(lesson.lesson.steps) - 1)
        await lesson.action_next()
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        course = summary.query_one("#course", Button)
        assert "Kursbilanz" in str(course.label)
        course.press()
        await pilot.pause()
        assert isinstance(app.screen, CourseSummaryScreen)
        shown = app.screen.query_one(Markdown).source
        assert shown.startswith("# Kursbilanz: tester")
        assert "| Basics |" in shown or "Basics" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
