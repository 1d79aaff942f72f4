"""End to end in a real browser (issue 18): headless Chromium opens `twitter-tutor serve`,
joins with a name, the class code and a PIN, writes a tweet in a compose exercise, checks it
and sees the feedback. The attempt is in the store; another learner in a second browser
context never sees it; a wrong class code is refused; a dropped connection loses no draft; and
no request leaves the machine (the page's font is served locally).

Set TWITTER_TUTOR_SHOTS=DIR to also save the screenshots the README shows.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.workshop import Screen, Served, chromium, serve, tutor_processes
from twitter_tutor.progress import ProgressStore, open_store_url
from twitter_tutor.tutor import pins

CODE = "Blue Bird"
PIN = "2468"
TWEET = "Hi, I'm Ann and I write our team's newsletter. What was the best tweet you read today?"
MORE = " And why that one"

# Replaces the built-in first lesson (same id): the map's Start opens this compose exercise.
LESSON = '''+++
id = "welcome"
title = "Write your first tweet"
lang = "en"
order = 0
summary = "Introduce yourself and ask your readers something."
minutes = 3
+++

## Say hello

```exercise
id = "first-tweet"
type = "compose"
prompt = "Introduce yourself in one tweet and ask your readers something."

[[checks]]
rule = "max_length"
limit = 280
required = true

[[checks]]
rule = "engaging"
hint = "End with a question."

[[examples]]
text = "Hi, I'm new here and I work on our newsletter. What's the best thing you read this week?"
passes = true

[[examples]]
text = "Our new product is here."
passes = false
```
'''


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable)
        yield launched
        launched.close()


@pytest.fixture
def served(tmp_path: Path, cli_env: dict[str, str]) -> Iterator[Served]:
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    (lessons / "00-first.md").write_text(LESSON, "utf-8")
    store = f"sqlite://{tmp_path / 'store'}"
    with serve(
        tmp_path / "home",
        "--join-code",
        CODE,
        "--store",
        store,
        "--lessons",
        str(lessons),
        env=cli_env,
    ) as running:
        yield running


def store_of(tmp_path: Path) -> ProgressStore:
    opened = open_store_url(f"sqlite://{tmp_path / 'store'}", data_dir=tmp_path / "none")
    return opened.store


class Tab:
    """One browser context and page on the served tutor, and what its terminal showed."""

    def __init__(self, browser: object, url: str, shots: Path | None = None) -> None:
        self.context = browser.new_context(viewport={"width": 1100, "height": 760})  # type: ignore[attr-defined]
        self.page = self.context.new_page()
        self.screen = Screen(lambda seconds: self.page.wait_for_timeout(seconds * 1000))
        self.requests: list[str] = []
        self.shots = shots
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on(
            "websocket", lambda ws: ws.on("framereceived", self.screen.received)
        )
        self.page.goto(url)
        self.open()

    def open(self) -> None:
        """Wait for the tutor's first output, then give the terminal the keyboard (not by a
        click: that would land on, and focus, whatever field is under the mouse)."""
        self.page.wait_for_selector("body.-first-byte", timeout=30_000)
        self.page.focus("textarea.xterm-helper-textarea")

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)

    def shot(self, name: str) -> None:
        if self.shots is not None:
            self.page.wait_for_timeout(500)  # the last frame painted
            self.page.screenshot(path=str(self.shots / name))

    def join(self, name: str, code: str, pin: str) -> int:
        """Type the form: name, class code and PIN, each ended by Enter; the mark before."""
        self.screen.wait_for("Join the workshop")
        mark = self.screen.mark()
        for value in (name, code, pin):
            self.type(value)
            self.press("Enter")
            # Enter moves the focus by a message, after keys already on their way: a person
            # never types the next field within milliseconds, the test must not either.
            self.page.wait_for_timeout(300)
        return mark

    def close(self) -> None:
        self.context.close()


def test_a_class_in_the_browser(browser: object, served: Served, tmp_path: Path) -> None:
    started = time.monotonic()
    shots_dir = os.environ.get("TWITTER_TUTOR_SHOTS")
    shots = Path(shots_dir) if shots_dir else None

    # -- Ann joins for the first time, writes a tweet, checks it ---------------------------
    ann = Tab(browser, served.url, shots)
    ann.screen.wait_for("Class code (from your trainer)")
    mark = ann.join("Ann", CODE, PIN)
    ann.screen.wait_for("Nobody has this name yet", after=mark)
    ann.shot("workshop-join.png")
    ann.type(PIN)
    ann.press("Enter")
    ann.screen.wait_for("You are in as Ann", after=mark)
    ann.screen.wait_for("Start: Write your first tweet", after=mark)
    ann.press("Enter")
    ann.screen.wait_for("Introduce yourself in one tweet", after=mark)
    mark = ann.screen.mark()
    ann.type(TWEET)
    ann.press("Control+s")
    ann.screen.wait_for("Passed", after=mark)
    ann.shot("workshop-exercise.png")

    with store_of(tmp_path) as store:
        [attempt] = store.attempts("Ann")
        assert (attempt.lesson_id, attempt.exercise_id) == ("welcome", "first-tweet")
        assert attempt.answer == TWEET and attempt.passed
        learner = store.learner("Ann")
        assert learner is not None and pins.verify_pin(PIN, learner.pin_hash)
        assert learner.share is False  # sharing is opt-in: Ann did not tick it

    # -- a connection dropped mid-draft loses nothing -------------------------------------
    ann.type(MORE)
    deadline = time.monotonic() + 10
    with store_of(tmp_path) as store:
        while store.drafts("Ann", "welcome") != {("first-tweet", 0): TWEET + MORE}:
            assert time.monotonic() < deadline, store.drafts("Ann", "welcome")
            ann.page.wait_for_timeout(100)
    ann.close()

    # -- Bob, in another browser context, sees nothing of Ann's ---------------------------
    bob = Tab(browser, served.url)
    mark = bob.join("Bob", CODE, "1357")
    bob.screen.wait_for("Nobody has this name yet", after=mark)
    bob.type("1357")
    bob.press("Enter")
    bob.screen.wait_for("Start: Write your first tweet", after=mark)
    bob.press("Enter")
    bob.screen.wait_for("Introduce yourself in one tweet", after=mark)
    bob.page.wait_for_timeout(500)  # a draft or history would come with the exercise
    assert "Ann" not in bob.screen.text[mark:].replace("You are in as Bob", "")
    assert "newsletter" not in bob.screen.text
    # Bob cannot become Ann without her PIN: the same words as for a taken name.
    bob.close()
    eve = Tab(browser, served.url)
    mark = eve.join("Ann", CODE, "1111")
    eve.screen.wait_for("This name is taken, or the PIN is wrong", after=mark)
    assert "newsletter" not in eve.screen.text

    # -- a wrong class code is refused ----------------------------------------------------
    eve.page.reload()
    eve.open()
    mark = eve.join("Mallory", "Red Fish", "1234")
    eve.screen.wait_for("That is not the class code", after=mark)
    eve.close()

    # -- Ann comes back: her draft is there -----------------------------------------------
    again = Tab(browser, served.url)
    mark = again.join("ann", CODE, PIN)  # the name as she typed it this time
    again.screen.wait_for("You are in as Ann", after=mark)
    again.press("Enter")
    again.screen.wait_for("And why that one", after=mark)
    again.close()

    with store_of(tmp_path) as store:
        assert [learner.profile for learner in store.learners()] == ["Ann", "Bob"]
        assert store.attempts("Bob") == [] and len(store.attempts("Ann")) == 1

    # -- nothing left the machine; every tab's tutor ended with its page ------------------
    for tab in (ann, bob, eve, again):
        outside = [url for url in tab.requests if not url.startswith(served.url)]
        assert outside == []
    assert time.monotonic() - started < 60
    deadline = time.monotonic() + 10
    while tutor_processes(served.home) != [served.process.pid]:
        assert time.monotonic() < deadline, tutor_processes(served.home)
        time.sleep(0.2)


def test_serve_stops_cleanly_and_says_where_it_serves(served: Served) -> None:
    served.process.terminate()
    out = served.output()
    assert served.process.returncode == 0
    assert f"Serving the tutor at {served.url}" in out
    assert "class code" in out
    assert CODE not in out  # the code is the trainer's to say, not the log's
