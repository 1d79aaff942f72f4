"""Note what you saw on the platform: the task, its guiding questions and a roomy box.

No live checklist and no character counter: a note is not a tweet and is not graded on its
content. What it still needs (enough real words, no keyboard mash) comes back as feedback.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static, TextArea

from twitter_tutor.content.models import ReflectExercise
from twitter_tutor.grading.answers import Answer
from twitter_tutor.grading.result import GradeResult
from twitter_tutor.tui.literal import literal
from twitter_tutor.tui.widgets.exercise import ExerciseWidget
from twitter_tutor.tui.widgets.feedback import Line, check_lines
from twitter_tutor.tui.widgets.tweet_area import TweetArea
from twitter_tutor.tutor.drafts import Draft


class ReflectExerciseWidget(ExerciseWidget):
    DEFAULT_CSS = """
    ReflectExerciseWidget .note-questions {
        margin-top: 1;
    }
    ReflectExerciseWidget .note-question {
        padding-left: 2;
    }
    ReflectExerciseWidget .note-input {
        height: 8;
        margin-top: 1;
    }
    """
    exercise: ReflectExercise

    def compose_answer(self) -> ComposeResult:
        exercise = self.exercise
        yield Static(literal(exercise.prompt, "bold"), classes="question")
        if exercise.questions:
            yield Static(literal(self.t("ex.note_questions")), classes="note-questions")
            for question in exercise.questions:
                yield Static(literal(f"• {question}"), classes="note-question")
        hint = self.t("ex.note_hint", min_words=exercise.min_words)
        yield Static(literal(hint), classes="hint")
        # The tweet box's safety (no control characters reach the terminal), without its limits.
        yield TweetArea(
            self.draft_slot(0),
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            classes="note-input",
        )

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)  # a restored note is continued, not overtyped

    def feedback_lines(self, result: GradeResult) -> list[Line]:
        return [line for check in result.checks for line in check_lines(self.lang, check)]

    def collect(self) -> tuple[Answer, str] | None:
        text = self.query_one(TextArea).text
        if not text.strip():
            self.tell("ex.empty_note")
            return None
        return text, text

    def draft(self) -> Draft:
        return (self.query_one(TextArea).text,)
