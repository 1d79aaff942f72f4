"""`report --html` in a real browser: Debian's headless Chromium, driven by Playwright through
`executable_path` (no browser download), renders the page and asks the network for nothing,
even with learner text that looks like markup pointing outside."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.classroom import fill_class, load, write_lessons
from tests.conftest import RunCli
from twitter_tutor.progress import open_store

CHROMIUM = os.environ.get("TWITTER_TUTOR_TEST_CHROMIUM", "/usr/bin/chromium")
# Names that would fetch if they were markup: an image, a stylesheet, a frame.
BAITS = (
    '<img src="http://127.0.0.1:9/leak.png">',
    '<link rel=stylesheet href="https://example.org/x.css">',
    "<iframe src=//example.org/></iframe>",
)


@pytest.fixture
def page_file(run_cli: RunCli, cli_env: dict[str, str], tmp_path: Path) -> Path:
    lessons = write_lessons(tmp_path / "lessons")
    with open_store(Path(cli_env["TWITTER_TUTOR_HOME"]), allow_memory=False).store as store:
        fill_class(store, load(lessons))
        for bait in BAITS:
            store.register_learner(bait, "hash", True)
            store.visit(bait, "basics", 0)
    target = tmp_path / "class.html"
    done = run_cli("--lessons", str(lessons), "report", "--html", str(target))
    assert done.returncode == 0, done.stderr
    return target


def test_the_page_renders_in_chromium_and_no_request_leaves_the_machine(page_file: Path) -> None:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed: pip install playwright"
    )
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    requested: list[str] = []
    console: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 800})

            def guard(route: Any) -> None:
                # Every request is seen here; anything not local is refused and remembered.
                url = route.request.url
                requested.append(url)
                if url.startswith(("file:", "data:")):
                    route.continue_()
                else:
                    route.abort()

            context.route("**/*", guard)
            page = context.new_page()
            page.on("request", lambda request: requested.append(request.url))
            page.on("console", lambda message: console.append(message.text))
            page.goto(page_file.as_uri(), wait_until="load")
            assert page.title() == "Class report"
            assert page.locator("h1").inner_text() == "Class report"
            chart = page.locator("svg").bounding_box()
            assert chart is not None and chart["width"] > 1000 and chart["height"] > 200
            # The "basics" bar: ana completed it; ben, cy, the hostile name and the three
            # baits are at it; dee has not started. Each segment names its count.
            basics = page.locator("svg text", has_text="Basics").first
            assert basics.is_visible()
            segments = page.locator("svg rect > title").all_text_contents()
            assert {"completed: 1", "in progress: 6", "not started: 1"} <= set(segments)
            assert page.locator("table").first.locator("tbody tr").count() == 8
            names = page.locator("table").first.locator("tbody th").all_inner_texts()
            assert set(BAITS) <= set(names)  # shown as text, never as elements
            assert page.locator("img, link, iframe, script").count() == 0
            large = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
            assert large >= 24  # readable from the back of the room
        finally:
            browser.close()
    outside = [url for url in requested if not url.startswith(("file:", "data:"))]
    assert outside == []
    assert requested  # the page itself was seen, so the watch worked
    assert console == []  # no blocked load, no error
