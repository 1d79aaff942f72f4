"""The store's own messages reach a German learner in German: translated at the edge, from the
Message the store raised or returned, not pasted as English into a German sentence."""

from __future__ import annotations

import sqlite3

from tests.tui.helpers import AppFactory, Notifications, settle
from twitter_tutor.progress import ProgressStore


async def test_a_damaged_row_and_a_failed_write_are_said_in_german(
    build: AppFactory, store: ProgressStore
) -> None:
    store.visit("tester", "basics", 1)
    assert store.path is not None
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE lessons SET last_visit = 'never' WHERE lesson_id = 'basics'")
    conn.commit()
    conn.close()
    app = build(lang="de")
    notes = Notifications()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        await settle(pilot)
        app.action_review()
        await pilot.pause()
        store.close()  # every later write fails with the store's "already closed"
        app.session.visit("basics", 2)
        await pilot.pause()
    damaged, failed = notes.messages[-2:]
    assert damaged == (
        "Ein Teil des gespeicherten Fortschritts ist unlesbar; der Rest wird gezeigt. "
        "die Fortschrittszeile der Lektion 'basics' ist beschädigt (last_visit ist keine Zeit "
        "nach ISO 8601) und wurde übersprungen"
    )
    assert failed == (
        "Fortschritt nicht gespeichert: Der Fortschrittsspeicher ist schon geschlossen."
    )
