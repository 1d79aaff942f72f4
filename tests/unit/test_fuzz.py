"""Fuzzing (issue 12): analysis, answer parsing, the lesson loader and the store's readers never
raise and never take long, whatever they are given.

Each input is bounded in time: an input of at most 10 kB must be analysed or parsed as an answer
within 100 ms, and a lesson of at most 100 kB loaded within 1 s (hypothesis' `deadline`, which
re-runs a slow example before it fails, so one hiccup of the machine does not fail the suite).
Inputs repeat a short piece many times, since that is what makes a regular expression
backtrack. `make test` runs a few examples of each; `make fuzz` many more
(TWITTER_TUTOR_FUZZ=<examples per test>).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twitter_tutor.analysis import analyze
from twitter_tutor.content.loader import load_file
from twitter_tutor.content.models import ChoiceExercise, PlanExercise
from twitter_tutor.grading import parse_answer
from twitter_tutor.grading.answers import AnswerError, parse_numbers
from twitter_tutor.progress import open_store
from twitter_tutor.progress.export import export_csv, export_json

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("TWITTER_TUTOR_FUZZ", "0") or 0)
FUZZING = EXAMPLES > 0


def fuzz_settings(quick: int, deadline_ms: int) -> settings:
    return settings(
        max_examples=EXAMPLES or quick,
        deadline=timedelta(milliseconds=deadline_ms),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
        derandomize=not FUZZING,  # `make test` is repeatable; `make fuzz` explores
    )


# Pieces that matter to the patterns: digits and separators, currency and percent, entity
# starters, URL parts, quotes and brackets, whitespace of every kind, emoji and joiners.
ATOMS = [
    *list("0123456789,.;:%€$£#@!?-_/'\"()[]{}*+= \t\r\n\xa0\u200d️"),
    "1,000",
    ".000",
    "http://",
    "https://t.co/",
    "www.",
    ".com",
    "a",
    "Z",
    "ä",
    "ß",
    "Ich",
    "you",
    "jetzt",
    "now",
    "👉",
    "🔥",
    "👩\u200d💻",
    "#ad",
    "@anna",
    "RT ",
    "!!",
    "°C",
    "kg",
]

piece = st.lists(st.sampled_from(ATOMS), min_size=1, max_size=6).map("".join)


@st.composite
def hostile_text(draw: st.DrawFn, limit: int = 10_000) -> str:
    """A prefix, one piece repeated up to the limit, and a suffix: the shape of a ReDoS."""
    head = draw(st.text(max_size=20))
    body = draw(piece)
    times = draw(st.integers(min_value=1, max_value=max(1, limit // len(body))))
    tail = draw(st.one_of(piece, st.text(max_size=20)))
    return (head + body * times + tail)[:limit]


texts = st.one_of(hostile_text(), st.text(max_size=2_000))


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    # Reading and compiling the lexicons happens once per process; not what is measured.
    for lang in ("de", "en"):
        analyze("Hallo, ich bin neu hier! 20% off now", lang=lang)


@fuzz_settings(quick=150, deadline_ms=100)
@given(text=texts, lang=st.sampled_from(["de", "en", None]))
def test_analysis_is_fast_and_never_raises(text: str, lang: str | None) -> None:
    result = analyze(text, lang=lang)
    assert result.weighted_length >= 0


CHOICE = ChoiceExercise.model_validate(
    {
        "id": "c",
        "type": "choice",
        "question": "Q?",
        "choices": [{"text": str(n), "correct": n == 1} for n in range(1, 5)],
    }
)
PLAN = PlanExercise.model_validate(
    {"id": "p", "type": "plan", "prompt": "Plan.", "count": 3, "max_promotional": 1}
)
numbers = st.one_of(
    hostile_text(),
    st.lists(st.integers(0, 10**12).map(str), max_size=30).flatmap(
        lambda ns: st.sampled_from([", ", " ", ";", "\r\n", "  ,  "]).map(lambda sep: sep.join(ns))
    ),
)


@fuzz_settings(quick=150, deadline_ms=100)
@given(raw=numbers)
def test_answer_parsing_is_fast_and_only_raises_answer_errors(raw: str) -> None:
    for exercise in (CHOICE, PLAN):
        try:
            parsed = parse_answer(exercise, raw)
        except AnswerError as error:
            assert "\n" not in str(error) and len(str(error)) < 500
        else:
            if exercise is CHOICE:
                assert isinstance(parsed, frozenset) and parsed <= {1, 2, 3, 4}
    with contextlib.suppress(AnswerError):
        parse_numbers(raw, 4)


# -- the loader: real lessons, mutated ------------------------------------------------------

LESSONS = sorted((REPO / "lessons").rglob("*.md"))
SNIPPETS = [
    "[",
    "]",
    "{",
    "}",
    "[[",
    "]]",
    '"',
    "'",
    '"""',
    "'''",
    "+++",
    "```",
    "```exercise",
    "\n## ",
    "\n",
    "=",
    ".",
    "#",
    "0x",
    "999999999999999999999",
    "\\",
    "\\u",
    "\x00",
    "\ufeff",
    "\r",
    "type = [1]",
    "[type]",
    "a.b.c.d = 1",
    "| a | b |\n|---|---|\n",
    "> ",
    "- ",
    "    ",
]


@st.composite
def mutated_lesson(draw: st.DrawFn) -> bytes:
    text = draw(st.sampled_from(LESSONS)).read_text("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "repeat", "delete", "replace_line"]))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(SNIPPETS)) + text[at:]
        elif kind == "repeat":
            snippet = draw(st.one_of(st.sampled_from(SNIPPETS), piece))
            times = draw(st.integers(1, 20_000 // max(1, len(snippet))))
            text = text[:at] + snippet * times + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        else:
            lines = text.split("\n")
            lines[draw(st.integers(0, len(lines) - 1))] = draw(st.text(max_size=80))
            text = "\n".join(lines)
    data = text.encode("utf-8", "surrogatepass")
    return data[:100_000]


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@fuzz_settings(quick=60, deadline_ms=1_000)
@given(data=mutated_lesson())
def test_loading_a_mutated_lesson_is_fast_and_reports_problems_with_lines(
    scratch: Path, data: bytes
) -> None:
    path = scratch / "lesson.md"
    path.write_bytes(data)
    result = load_file(path)
    line_count = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
    for problem in result.problems:
        assert 1 <= problem.line <= line_count + 1, str(problem)
        # The loader's safety net catches its own bugs; finding one here is a failure.
        assert not problem.message.startswith("cannot read this lesson ("), str(problem)
    assert (result.lesson is None) == bool(result.problems)


# -- the store's readers --------------------------------------------------------------------

cell = st.one_of(  # NULL is refused by the schema itself
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),  # SQLite stores NaN as NULL
    st.text(max_size=40),
    st.binary(max_size=40),
    st.sampled_from(["[]", '[{"rule": "x"}]', "{}", "[" * 5000, "2024-01-01T00:00:00+00:00"]),
    st.sampled_from(["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "nan", ""]),
)


@fuzz_settings(quick=25, deadline_ms=2_000)  # a new store per example: fsyncs, not parsing
@given(
    attempt=st.fixed_dictionaries(
        {"answer": cell, "score": cell, "passed": cell, "checks": cell, "at": cell}
    ),
    visit=st.fixed_dictionaries({"state": cell, "step": cell, "first_visit": cell}),
    position=cell,
)
def test_the_store_reads_any_stored_value_without_raising(
    scratch: Path, attempt: dict[str, object], visit: dict[str, object], position: object
) -> None:
    folder = Path(tempfile.mkdtemp(dir=scratch))
    opened = open_store(folder, allow_memory=False)
    store = opened.store
    store.record_attempt("p", "l", "e", "first", 50, True, [], "h")
    store.record_attempt("p", "l", "e", "second", 60, True, [], "h")
    store.visit("p", "l", 2)
    assert store.path is not None
    conn = sqlite3.connect(store.path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    sets = ", ".join(f"{name} = ?" for name in attempt)
    conn.execute(f"UPDATE attempts SET {sets} WHERE id = 2", list(attempt.values()))
    sets = ", ".join(f"{name} = ?" for name in visit)
    conn.execute(f"UPDATE lessons SET {sets}", list(visit.values()))
    conn.execute("UPDATE positions SET step = ?", (position,))
    conn.commit()
    conn.close()
    try:
        attempts = store.attempts("p")
        assert attempts[0].answer == "first"  # the good row always survives
        store.lessons("p")
        store.last_position("p")
        export_json(store, "p")
        export_csv(store, "p", _Null())
        store.profiles()
    finally:
        store.close()


class _Null:
    def write(self, text: str) -> int:
        return len(text)
