"""A question with answers: radio buttons for one right answer, checkboxes for several."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Checkbox, RadioButton, Static

from twitter_tutor.content.models import ChoiceExercise
from twitter_tutor.grading.result import GradeResult
from twitter_tutor.tui.literal import literal
from twitter_tutor.tui.widgets.answer_checkbox import AnswerCheckbox
from twitter_tutor.tui.widgets.answer_radios import AnswerRadioButton, AnswerRadios
from twitter_tutor.tui.widgets.feedback import Line, mark
from twitter_tutor.tui.widgets.reveal import RevealingExerciseWidget, item_verdict


class ChoiceExerciseWidget(RevealingExerciseWidget):
    # Plain rows, not Textual's boxed controls (no border even when focused); answers can be
    # whole tweets: they wrap instead of being cut off.
    DEFAULT_CSS = """
    ChoiceExerciseWidget .choices {
        height: auto;
        width: 100%;
        margin: 1 0 0 0;
        border: none;
        padding: 0;
        background: transparent;
    }
    ChoiceExerciseWidget .choices:focus {
        border: none;  /* the rule above only ties with RadioSet:focus */
    }
    ChoiceExerciseWidget .choices > RadioButton, ChoiceExerciseWidget .choices > Checkbox {
        width: 100%;
        height: auto;
        border: none;
        padding: 0 1;
        background: transparent;
        text-wrap: wrap;
    }
    ChoiceExerciseWidget .choices .-right {
        color: $text-success;
        text-style: bold;
    }
    ChoiceExerciseWidget .choices .-wrong {
        color: $text-error;
    }
    ChoiceExerciseWidget .choices .-missed {
        color: $text-success;
        text-style: italic;
    }
    """
    exercise: ChoiceExercise

    def compose_answer(self) -> ComposeResult:
        exercise = self.exercise
        chosen = self.drafted_numbers()
        yield Static(literal(exercise.question, "bold"), classes="question")
        hint = "ex.choose_many" if exercise.multiple else "ex.choose_one"
        yield Static(literal(self.t(hint)), classes="hint")
        if exercise.multiple:
            with Vertical(classes="choices"):
                for n, choice in enumerate(exercise.choices, start=1):
                    yield AnswerCheckbox(literal(choice.text), n in chosen)
        else:
            with AnswerRadios(classes="choices"):
                for n, choice in enumerate(exercise.choices, start=1):
                    yield AnswerRadioButton(literal(choice.text), n in chosen)

    def _buttons(self) -> list[Checkbox | RadioButton]:
        if self.exercise.multiple:
            return list(self.query(Checkbox))
        return list(self.query(RadioButton))

    def _chosen(self) -> frozenset[int]:
        return frozenset(n for n, button in enumerate(self._buttons(), start=1) if button.value)

    def mark(self, result: GradeResult) -> None:
        for button, item in zip(self._buttons(), result.items, strict=False):
            # The learner's picks turn green or red; a right answer they missed only once
            # the answers are revealed.
            verdict = item_verdict(item, self.revealed)
            button.set_class(verdict == "ex.picked_right", "-right")
            button.set_class(verdict == "ex.picked_wrong", "-wrong")
            button.set_class(verdict == "ex.missed", "-missed")

    def feedback_lines(self, result: GradeResult) -> list[Line]:
        lines: list[Line] = []
        for item in result.items:
            # Marked by what the learner did with the answer: ✓ where their choice was right.
            verdict = self.verdict(item)
            if verdict is None:
                continue
            line = Content.assemble(
                mark(self.lang, item.right), f" {item.number}. ", literal(item.text)
            )
            lines.append((line, "item"))
            style = "$text-success" if item.right else "$text-error"
            why = literal(item.why or "", "italic $text-muted")
            lines.append((Content.assemble((verdict, style), " ", why), "note"))
        return lines + super().feedback_lines(result)
