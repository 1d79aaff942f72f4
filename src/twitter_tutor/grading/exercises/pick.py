"""pick: choose from a simulated timeline or list of profiles, by number.

Score as for choice: 100 x max(0, right picks - wrong picks) / number of right items, so
retweeting the ad along with the news fails.
"""

from __future__ import annotations

from twitter_tutor.content.models import PickExercise
from twitter_tutor.grading.answers import Answer, chosen_numbers, parse_numbers
from twitter_tutor.grading.exercise_grading import Words, exercise_grading
from twitter_tutor.grading.result import GradeResult, ItemFeedback
from twitter_tutor.grading.scoring import items_result


def parse(exercise: PickExercise, raw: str) -> Answer:
    return parse_numbers(raw, len(exercise.items))


def grade(exercise: PickExercise, answer: Answer, lang: str, words: Words) -> GradeResult:
    chosen = chosen_numbers(answer)
    items = tuple(
        ItemFeedback(n, f"{i.author} {i.handle}: {i.text}", n in chosen, i.pick, i.why)
        for n, i in enumerate(exercise.items, start=1)
    )
    return items_result(exercise, items, lang)


GRADING = exercise_grading(PickExercise, parse=parse, grade=grade, example_field="answer")
