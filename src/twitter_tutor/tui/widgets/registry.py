"""The widget for each exercise type, by its name in lesson files (content.models.EXERCISE_MODELS).

A widget class is the type's whole TUI: it lays out the answer, collects it, and renders the
type's feedback below the verdict (`feedback_lines`).
"""

from __future__ import annotations

from twitter_tutor.tui.widgets.choice_exercise import ChoiceExerciseWidget
from twitter_tutor.tui.widgets.compose_exercise import ComposeExerciseWidget
from twitter_tutor.tui.widgets.exercise import ExerciseWidget
from twitter_tutor.tui.widgets.pick_exercise import PickExerciseWidget
from twitter_tutor.tui.widgets.plan_exercise import PlanExerciseWidget
from twitter_tutor.tui.widgets.reflect_exercise import ReflectExerciseWidget

EXERCISE_WIDGETS: dict[str, type[ExerciseWidget]] = {
    "choice": ChoiceExerciseWidget,
    "pick": PickExerciseWidget,
    "compose": ComposeExerciseWidget,
    "plan": PlanExerciseWidget,
    "reflect": ReflectExerciseWidget,
}
