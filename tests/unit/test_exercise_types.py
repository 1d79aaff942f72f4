"""One registry per layer for the exercise types, all keyed by the same names, and no type
knowledge anywhere else.

A new exercise type touches five Python files (counted by the last test):
- content/models.py: its model, and its name in the `AnyExercise` union;
- grading/exercises/<type>.py (new): how its answers are read, graded and previewed;
- grading/grader.py: one line in GRADING;
- tui/widgets/<type>_exercise.py (new): its widget, which renders its feedback too;
- tui/widgets/registry.py: one line in EXERCISE_WIDGETS.
Besides code: its section in docs/writing-lessons.md (tests/unit/test_docs.py asks for it) and
any new texts its widget shows. Before the registries it was about fourteen files.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from twitter_tutor.content.models import (
    EXERCISE_MODELS,
    EXERCISE_TYPES,
    ChoiceExercise,
    ComposeExercise,
    TweetContext,
)
from twitter_tutor.grading import AnswerError, grade, grading_for, parse_answer, previewer
from twitter_tutor.grading.grader import GRADING
from twitter_tutor.tui.widgets.registry import EXERCISE_WIDGETS

SRC = Path(__file__).resolve().parents[2] / "src" / "twitter_tutor"

CHOICE = ChoiceExercise.model_validate(
    {
        "type": "choice",
        "id": "q",
        "question": "Which one?",
        "choices": [{"text": "this", "correct": True}, {"text": "that", "correct": False}],
    }
)
COMPOSE = ComposeExercise.model_validate(
    {
        "type": "compose",
        "id": "c",
        "prompt": "Reply to Anna.",
        "context": TweetContext(author="Anna", handle="@anna", text="Any tips for Berlin?"),
        "checks": [{"rule": "max_length"}],
    }
)


def test_every_layer_has_every_type_in_the_same_order() -> None:
    assert list(GRADING) == list(EXERCISE_TYPES)
    assert list(EXERCISE_WIDGETS) == list(EXERCISE_TYPES)


@pytest.mark.parametrize("name", EXERCISE_TYPES)
def test_each_entry_is_for_the_model_of_its_name(name: str) -> None:
    model = EXERCISE_MODELS[name]
    assert GRADING[name].model is model
    assert GRADING[name].name == name
    # The widget declares the exercise it shows; its annotation names the model.
    assert EXERCISE_WIDGETS[name].__annotations__["exercise"] == model.__name__


def test_an_exercise_handed_to_another_types_grading_is_refused() -> None:
    with pytest.raises(TypeError, match="choice grading got a compose exercise"):
        GRADING["choice"].grade(COMPOSE, frozenset({1}), "en")


def test_answers_are_read_graded_and_previewed_through_the_registry() -> None:
    assert grading_for(CHOICE) is GRADING["choice"]
    assert parse_answer(CHOICE, "1") == frozenset({1})
    assert grade(CHOICE, frozenset({1}), "en").passed
    with pytest.raises(AnswerError):
        grade(CHOICE, "1", "en")  # a numbered exercise takes numbers, not text
    assert previewer(CHOICE, "en") is None
    preview = previewer(COMPOSE, "en")
    assert preview is not None
    text = "Try the museum island first, it is lovely in May. What do you like?"
    seen = preview((text,))
    assert [c.rule for c in seen.checks[0]] == ["max_length"]
    assert seen.analyses[0].weighted_length == len(text)  # plain ASCII weighs 1 a character


def test_only_grading_with_a_newline_per_entry_keeps_stdins_last_newline() -> None:
    assert [name for name, g in GRADING.items() if g.multiline] == ["plan"]
    assert {g.example_field for g in GRADING.values()} == {"answer", "text"}


def _names_type(node: ast.AST, name: str, model: str) -> bool:
    """Whether `node` is code about one exercise type: its model class, a comparison of a
    `type` with its name (`exercise.type == "plan"`, `in ("compose", "plan")`), its name as a
    key of a dict literal (a parallel table) or in a literal list of type names."""
    if isinstance(node, ast.ClassDef | ast.alias):
        return node.name.split(".")[-1] == model
    if isinstance(node, ast.Name):
        return node.id == model
    if isinstance(node, ast.Attribute):
        return node.attr == model
    if isinstance(node, ast.Compare):
        sides = [node.left, *node.comparators]
        on_type = any(
            isinstance(s, ast.Attribute) and s.attr in ("type", "exercise_type") for s in sides
        )
        constants = [c.value for s in sides for c in ast.walk(s) if isinstance(c, ast.Constant)]
        return on_type and name in constants
    if isinstance(node, ast.Dict):
        return any(isinstance(k, ast.Constant) and k.value == name for k in node.keys)
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        listed = {e.value for e in node.elts if isinstance(e, ast.Constant)}
        return name in listed and len(listed & set(EXERCISE_TYPES)) > 1
    return False


def _files_naming(name: str, model: str) -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(_names_type(node, name, model) for node in ast.walk(tree)):
            found.add(path.relative_to(SRC).as_posix())
    return found


# Helpers one type builds on, beyond its own two modules: the rubric checks compose and plan
# share, and plan's mix rules.
SHARED_HELPERS = {
    "compose": {"grading/tweet_checks.py"},
    "plan": {"grading/tweet_checks.py", "grading/plan.py"},
}


@pytest.mark.parametrize("name", EXERCISE_TYPES)
def test_a_type_is_known_only_to_the_registries_and_its_own_modules(name: str) -> None:
    registries = {"content/models.py", "grading/grader.py", "tui/widgets/registry.py"}
    own = {f"grading/exercises/{name}.py", f"tui/widgets/{name}_exercise.py"}
    expected = registries | own | SHARED_HELPERS.get(name, set())
    assert _files_naming(name, EXERCISE_MODELS[name].__name__) == expected
    # So a new type, needing no shared helper, touches the three registries and two new modules.
    assert len(registries | own) == 5


# What a widget may take from grading: data types only. Grading itself (and live previews)
# comes down from the lesson screen, so no widget grades or checks anything on its own.
WIDGET_MAY_IMPORT = {
    "twitter_tutor.grading.answers": {"Answer"},
    "twitter_tutor.grading.result": {"CheckResult", "GradeResult", "ItemFeedback"},
    "twitter_tutor.grading.preview": {"Preview", "Previewer"},
    # What a plan tweet counts as, and the rule name of its "counts as" line in a result.
    "twitter_tutor.grading.plan": {"TweetKinds", "KINDS"},
}


def test_widgets_take_only_data_types_from_grading() -> None:
    taken: list[tuple[str, str, str]] = []
    for path in (SRC / "tui" / "widgets").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                taken += [(path.name, a.name, "") for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                taken += [(path.name, node.module, a.name) for a in node.names]
    bad = [
        (file, module, name)
        for file, module, name in taken
        if module.startswith("twitter_tutor.grading")
        and name not in WIDGET_MAY_IMPORT.get(module, set())
    ]
    assert bad == []
