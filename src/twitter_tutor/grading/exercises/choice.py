"""choice: a question with answers; the answer is the numbers of the chosen ones.

Score: 100 x max(0, right picks - wrong picks) / number of right answers. A wrong pick costs
what a right pick earns, so choosing everything scores 0.
"""

from __future__ import annotations

from twitter_tutor.content.models import ChoiceExercise
from twitter_tutor.grading.answers import Answer, chosen_numbers, parse_numbers
from twitter_tutor.grading.exercise_grading import Words, exercise_grading
from twitter_tutor.grading.result import GradeResult, ItemFeedback
from twitter_tutor.grading.scoring import items_result


def parse(exercise: ChoiceExercise, raw: str) -> Answer:
    return parse_numbers(raw, len(exercise.choices))


def grade(exercise: ChoiceExercise, answer: Answer, lang: str, words: Words) -> GradeResult:
    chosen = chosen_numbers(answer)
    items = tuple(
        ItemFeedback(n, c.text, n in chosen, c.correct, c.why)
        for n, c in enumerate(exercise.choices, start=1)
    )
    return items_result(exercise, items, lang)


GRADING = exercise_grading(ChoiceExercise, parse=parse, grade=grade, example_field="answer")
