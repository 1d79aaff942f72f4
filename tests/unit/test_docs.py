"""docs/writing-lessons.md stays honest: every field and rule is documented, the example works."""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from twitter_tutor.content import models
from twitter_tutor.content.loader import load_file
from twitter_tutor.content.models import (
    EXERCISE_MODELS,
    EXERCISE_TYPES,
    RULE_NAMES,
    Choice,
    Example,
    FrontMatter,
    PickItem,
    RuleBase,
    TweetContext,
)
from twitter_tutor.content.problem_codes import KINDS

DOC = Path(__file__).resolve().parents[2] / "docs" / "writing-lessons.md"
EXAMPLE_MARKER = "<!-- full-example"


def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def rule_models() -> list[type[RuleBase]]:
    return [
        m
        for m in vars(models).values()
        if inspect.isclass(m) and issubclass(m, RuleBase) and m is not RuleBase
    ]


def lesson_models() -> list[type[BaseModel]]:
    """Every pydantic model of the lesson format, so a new model is checked without edits here."""
    return [
        m
        for m in vars(models).values()
        if inspect.isclass(m) and issubclass(m, BaseModel) and m.__module__ == models.__name__
    ]


def example_lesson() -> str:
    """The block after the full-example marker: a ````markdown fence (four backticks)."""
    lines = doc_text().split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(EXAMPLE_MARKER))
    assert lines[start + 1] == "````markdown", "the marker must stand right above ````markdown"
    end = next(i for i in range(start + 2, len(lines)) if lines[i] == "````")
    return "\n".join(lines[start + 2 : end]) + "\n"


def test_the_expected_models_are_covered() -> None:
    covered = set(lesson_models())
    expected = {FrontMatter, Choice, PickItem, TweetContext, Example, *EXERCISE_MODELS.values()}
    assert expected <= covered
    assert set(rule_models()) <= covered
    assert {m.model_fields["rule"].annotation.__args__[0] for m in rule_models()} == set(RULE_NAMES)


@pytest.mark.parametrize("model", lesson_models(), ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    text = doc_text()
    missing = [name for name in model.model_fields if f"`{name}`" not in text]
    assert not missing, f"{model.__name__}: fields not in {DOC.name}: {missing}"


@pytest.mark.parametrize("name", [*RULE_NAMES, *EXERCISE_TYPES])
def test_every_rule_and_exercise_type_has_a_table_row(name: str) -> None:
    text = doc_text()
    assert re.search(rf"^\| `{re.escape(name)}` \|", text, re.MULTILINE) or re.search(
        rf"^### `{re.escape(name)}`", text, re.MULTILINE
    ), f"{name} has no row or section in {DOC.name}"


def test_example_lesson_shows_every_exercise_type_and_rule(tmp_path: Path) -> None:
    path = tmp_path / "example.md"
    path.write_text(example_lesson(), encoding="utf-8")
    loaded = load_file(path, tmp_path)
    assert loaded.problems == (), [str(p) for p in loaded.problems]
    assert loaded.lesson is not None
    exercises = loaded.lesson.exercises
    assert {e.type for e in exercises} == set(EXERCISE_TYPES)
    used = {c.rule for e in exercises for c in getattr(e, "checks", [])}
    assert used == set(RULE_NAMES)
    assert all(e.examples for e in exercises), "every exercise of the example has examples"


def test_example_lesson_passes_check(tmp_path: Path) -> None:
    folder = tmp_path / "lessons"
    folder.mkdir()
    path = folder / "example.md"
    path.write_text(example_lesson(), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWITTER_TUTOR")}
    env.update({"TWITTER_TUTOR_HOME": str(tmp_path / "home"), "PYTHONIOENCODING": "utf-8"})
    done = subprocess.run(
        [sys.executable, "-m", "twitter_tutor", "check", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert str(path) not in done.stdout, done.stdout  # no `PATH:LINE: message` lines


def problem_code_rows() -> dict[str, tuple[str, str, str]]:
    """{code: (name, meaning, fix)} from the "Problem codes" table of the docs."""
    rows = re.findall(
        r'^\| <a id="(tt\d{3})"></a>`(TT\d{3})` \| `([a-z0-9-]+)` \| (.+?) \| (.+?) \|$',
        doc_text(),
        re.MULTILINE,
    )
    assert all(anchor == code.lower() for anchor, code, *_ in rows), "anchor = lower-case code"
    return {code: (name, meaning, fix) for _, code, name, meaning, fix in rows}


def test_every_problem_code_is_explained_with_its_anchor() -> None:
    rows = problem_code_rows()
    assert set(rows) == set(KINDS), "the Problem codes table lists exactly the codes there are"
    for code, kind in KINDS.items():
        name, meaning, fix = rows[code]
        assert name == kind.name, code
        assert meaning.strip() and fix.strip(), code
        assert kind.doc == f"docs/writing-lessons.md#{code.lower()}"


def test_the_docs_point_at_no_source_files() -> None:
    # Trainers install with pipx: a path into src/ is one they cannot open.
    assert "src/twitter_tutor" not in doc_text()
