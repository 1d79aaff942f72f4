"""JSON and CSV exports carry every attempt with all its fields, and parse back."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

from twitter_tutor.progress import ProgressStore
from twitter_tutor.progress.export import CSV_HEADER, export_csv, export_json

CHECKS: list[dict[str, object]] = [
    {"rule": "max_length", "ok": True},
    {"rule": "avoids", "ok": False, "message": 'kein "Jetzt kaufen!", bitte'},
]
# Commas, quotes, newlines and emoji: everything that trips a naive CSV writer.
ANSWERS = ['Hallo, "Welt"!\nZweite Zeile 🚀', "plain", ""]


def filled(store: ProgressStore) -> None:
    store.visit("ann", "intro", 2)
    for i, answer in enumerate(ANSWERS):
        store.record_attempt("ann", "intro", f"e{i}", answer, 30 * i, i > 0, CHECKS, f"h{i}")
    store.complete("ann", "intro", 95)
    store.visit("ann", "second", 0)
    store.record_attempt("bob", "intro", "e0", "bob's", 10, False, [], "hb")


def is_utc_iso(text: object) -> bool:
    assert isinstance(text, str)
    return datetime.fromisoformat(text).utcoffset() is not None and text.endswith("+00:00")


def test_json_export_has_every_lesson_and_attempt(store: ProgressStore) -> None:
    filled(store)
    data = json.loads(json.dumps(export_json(store, "ann")))  # really JSON-serialisable
    assert data["profile"] == "ann"
    lessons = data["lessons"]
    assert [(x["id"], x["state"], x["step"], x["best_score"]) for x in lessons] == [
        ("intro", "completed", 3, 95),  # steps count from 1, as on screen
        ("second", "in_progress", 1, None),
    ]
    assert all(is_utc_iso(x["first_visit"]) and is_utc_iso(x["last_visit"]) for x in lessons)
    stored = store.attempts("ann")
    assert len(data["attempts"]) == len(ANSWERS)
    for row, attempt in zip(data["attempts"], stored, strict=True):
        assert row == {
            "lesson": attempt.lesson_id,
            "exercise": attempt.exercise_id,
            "answer": attempt.answer,
            "score": attempt.score,
            "passed": attempt.passed,
            "checks": CHECKS,
            "at": row["at"],
            "content_hash": attempt.content_hash,
        }
        assert datetime.fromisoformat(row["at"]) == attempt.at and is_utc_iso(row["at"])
    assert [row["answer"] for row in data["attempts"]] == ANSWERS


def test_csv_export_has_every_attempt(store: ProgressStore) -> None:
    filled(store)
    out = io.StringIO()
    export_csv(store, "ann", out)
    header, *rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert tuple(header) == CSV_HEADER
    stored = store.attempts("ann")
    assert len(rows) == len(stored) == len(ANSWERS)
    for row, attempt in zip(rows, stored, strict=True):
        record = dict(zip(header, row, strict=True))
        assert record["profile"] == "ann"
        assert (record["lesson"], record["exercise"]) == (attempt.lesson_id, attempt.exercise_id)
        assert record["answer"] == attempt.answer
        assert int(record["score"]) == attempt.score
        assert record["passed"] == ("true" if attempt.passed else "false")
        assert json.loads(record["checks"]) == CHECKS
        assert datetime.fromisoformat(record["at"]) == attempt.at and is_utc_iso(record["at"])
        assert record["content_hash"] == attempt.content_hash


def test_empty_exports_are_still_valid(store: ProgressStore) -> None:
    assert export_json(store, "nobody") == {"profile": "nobody", "lessons": [], "attempts": []}
    out = io.StringIO()
    export_csv(store, "nobody", out)
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [list(CSV_HEADER)]
