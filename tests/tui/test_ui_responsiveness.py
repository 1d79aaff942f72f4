"""What keeps the UI responsive (issue 17) keeps every draft and answer too.

Long texts are analysed and graded in threads; these tests check the outcome a learner sees,
never a timing (the time budgets are measured in bench/bench_typing.py).
"""

from __future__ import annotations

import gc

from textual import events
from textual.pilot import Pilot
from textual.widgets import TextArea

from tests.tui.helpers import AppFactory, settle
from twitter_tutor.progress import ProgressStore
from twitter_tutor.tui.app import TutorApp
from twitter_tutor.tui.screens.lesson import LessonScreen
from twitter_tutor.tui.widgets.char_counter import CharCounter
from twitter_tutor.tui.widgets.checklist import Checklist
from twitter_tutor.tui.widgets.compose_exercise import ComposeExerciseWidget
from twitter_tutor.tui.widgets.feedback import GradeFeedback
from twitter_tutor.tui.widgets.footer import KeysFooter

COMPOSE, PLAN = 3, 4  # the starter lesson's steps (tests/tui/conftest.py: "basics")

PASTE = (
    "Heute 🥐☕ mit @anna_k #Kaffee! 👨\u200d👩\u200d👧 https://example.com/a?b=1 東京で会いましょう。"
    "#東京 $TWTR www.example.org/x e\u0301te\u0301\n"
) * 100
PASTE = PASTE[:10_000]


async def _open(app: TutorApp, pilot: Pilot[None], step: int) -> LessonScreen:
    await settle(pilot)
    app.open_lesson("basics", step)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, LessonScreen)
    return screen


async def _paste(app: TutorApp, pilot: Pilot[None], box: TextArea, text: str) -> None:
    """A terminal's paste: one Paste event, to the focused box."""
    box.focus()
    await pilot.pause()
    app.post_message(events.Paste(text))
    await pilot.pause(0.3)  # past the live check's debounce
    await app.workers.wait_for_complete()  # the analysis, in a thread
    await pilot.pause()


async def test_a_long_paste_is_kept_and_counted(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, COMPOSE)
        await _paste(app, pilot, screen.query_one(TextArea), PASTE)
        assert screen.query_one(TextArea).text == PASTE
        assert app.session.draft("basics", "first-tweet") == (PASTE,)
        counter = screen.query_one(CharCounter)
        assert counter.has_class("-error")  # far over 280, and says so
        assert int(str(counter.render()).split("/")[0]) > 280
        assert str(screen.query_one(Checklist).render()).strip()  # the checks are shown

        # Back on the step later: the draft is there, and so is its count.
        app.action_home()
        screen = await _open(app, pilot, COMPOSE)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.query_one(TextArea).text == PASTE
        assert screen.query_one(CharCounter).has_class("-error")


async def test_long_plan_tweets_are_kept(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, PLAN)
        first, second = screen.query(TextArea)
        await _paste(app, pilot, first, PASTE)
        await _paste(app, pilot, second, "What are you reading this week?")
        assert app.session.draft("basics", "small-plan") == (
            PASTE,
            "What are you reading this week?",
        )
        labels = list(screen.query(CharCounter))
        assert labels[0].has_class("-error") and not labels[1].has_class("-error")


async def test_a_long_answer_is_graded_and_saved(build: AppFactory, store: ProgressStore) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, COMPOSE)
        await _paste(app, pilot, screen.query_one(TextArea), PASTE)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()  # graded in a thread
        await pilot.pause()
        feedback = screen.query_one(GradeFeedback)
        assert feedback.display and feedback.text
        assert "saved" in str(screen.query_one(".saved").render())
    assert store.attempts("tester")[-1].answer == PASTE


async def test_a_long_answer_is_saved_when_the_learner_moves_on_at_once(
    build: AppFactory, store: ProgressStore
) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, COMPOSE)
        await _paste(app, pilot, screen.query_one(TextArea), PASTE)
        await pilot.press("ctrl+s", "escape", "escape")  # check, leave the box, leave the lesson
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, LessonScreen)
    assert store.attempts("tester")[-1].answer == PASTE


async def test_the_footer_follows_the_step(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, 0)  # text only: nothing to check
        await pilot.pause()
        footer = screen.query_one(KeysFooter)
        assert "ctrl+s" not in {key.key for key in footer.query("FooterKey")}
        await pilot.press("right")  # a question: Ctrl+S checks it
        await pilot.pause()
        assert "ctrl+s" in {key.key for key in footer.query("FooterKey")}


async def test_a_box_that_is_gone_is_let_go(build: AppFactory) -> None:
    """Textual's text box would stay alive with the app (and its lines with it)."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, COMPOSE)
        box = screen.query_one(ComposeExerciseWidget).query_one(TextArea)
        await pilot.press("escape", "right")  # on to the plan step
        await pilot.pause()
        assert not box.is_attached
        watchers = getattr(app, "__watchers", {}).get("theme", [])
        assert all(node is not box for node, _ in watchers)


async def test_a_lesson_that_is_closed_is_let_go(build: AppFactory) -> None:
    """Its header watched the app's title, which Textual only lets go of when the title
    changes: every lesson screen ever shown stayed alive with its last step."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot, 0)
        app.action_home()
        await settle(pilot)
        await _open(app, pilot, 1)
        await pilot.pause()
        watchers = getattr(app, "__watchers", {})
        nodes = [node for entries in watchers.values() for node, _ in entries]
        assert nodes, "the open lesson's header watches the app"
        assert all(node.is_attached for node in nodes)  # none of the closed lesson's


async def test_full_sweeps_wait_for_the_next_step_while_a_lesson_is_open(
    build: AppFactory,
) -> None:
    before = gc.get_threshold()
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot, 0)
        assert gc.get_threshold()[2] > before[2]
        app.action_home()
        await settle(pilot)
        assert gc.get_threshold() == before
