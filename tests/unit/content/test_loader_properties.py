"""Property tests: whatever a file holds, the loader returns problems, never an exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twitter_tutor.content.loader import load_file
from twitter_tutor.content.starter import starter_lesson

VALID = starter_lesson("prop", "en")
_DIR = Path(tempfile.mkdtemp(prefix="tt-prop-"))


def _load(data: bytes):  # type: ignore[no-untyped-def]
    path = _DIR / "l.md"
    path.write_bytes(data)
    return load_file(path, _DIR)


def _lines_are_in_file(result, data: bytes) -> None:  # type: ignore[no-untyped-def]
    total = data.count(b"\n") + 1
    for problem in result.problems:
        assert 1 <= problem.line <= total, problem
        assert problem.message


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_give_problems_not_exceptions(data: bytes) -> None:
    result = _load(data)
    assert result.lesson is None or result.problems == ()
    _lines_are_in_file(result, data)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=len(VALID.encode())))
def test_truncated_lesson_never_raises(cut: int) -> None:
    data = VALID.encode()[:cut]
    result = _load(data)
    assert result.ok or result.problems
    _lines_are_in_file(result, data)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=0, max_value=len(VALID)),
    st.text(alphabet=st.sampled_from("\"=[]{}\n#+`abc\\' 1.-@"), max_size=12),
)
def test_random_edits_never_raise(position: int, insert: str) -> None:
    data = (VALID[:position] + insert + VALID[position:]).encode()
    result = _load(data)
    assert result.ok or result.problems
    _lines_are_in_file(result, data)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_random_text_in_a_step_keeps_lesson_valid_or_reports(body: str) -> None:
    data = (VALID + "\n## Extra\n\n" + body + "\n").encode("utf-8", "surrogatepass")
    result = _load(data)
    _lines_are_in_file(result, data)
