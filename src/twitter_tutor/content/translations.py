"""Translations kept in step: a lesson's German and English files must have the same shape.

Progress is stored per lesson id, step number and exercise id, and learners answer a choice or
pick by number; a learner who switches language must land on the same step and have the same
answers mean the same. `check` therefore compares the two files of a lesson: the number of
steps, the exercise ids and their order, each exercise's type, and its choices and items (count,
and which are right), and a plan's number of tweets. Wording, rules and examples may differ.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from pathlib import Path

from twitter_tutor.content.folders import SKIPPED_NAMES
from twitter_tutor.content.lesson import (
    ExerciseBlock,
    Lesson,
    LessonFile,
    MarkdownBlock,
    Problem,
    Step,
)
from twitter_tutor.content.problem_codes import (
    TRANSLATION_ENTRIES,
    TRANSLATION_EXERCISES,
    TRANSLATION_STEPS,
    TRANSLATION_TYPE,
    ProblemKind,
)

LANGUAGE_NAMES = {"de": "German", "en": "English"}
REFERENCE_LANG = "en"
"""When both files are checked and come from the same folder, English is taken as the original
and the other file is reported."""

# (list field, what one entry is called, its yes/no field, what yes means)
_ENTRY_LISTS = (
    ("choices", "choice", "correct", "correct"),
    ("items", "item", "pick", "to be picked"),
)


def translation_problems(
    files: Sequence[LessonFile], reported: Collection[Path]
) -> dict[Path, list[Problem]]:
    """{path: problems} for each lesson whose two language files differ in shape.

    `files` are the files in effect (overrides applied), in source order; only files whose
    path is in `reported` get problems. When one of a pair is reported, the difference is its
    problem; when both are, the one from the later source (a trainer's change to a built-in
    lesson), else the one that is not English.
    """
    pairs: dict[str, dict[str, tuple[int, LessonFile]]] = {}
    for index, f in enumerate(files):
        if f.lesson is not None and not f.problems:
            pairs.setdefault(f.lesson.id, {})[f.lesson.lang] = (index, f)
    found: dict[Path, list[Problem]] = {}
    for pair in pairs.values():
        if len(pair) != 2:
            continue
        chosen = _reported_side(list(pair.values()), reported)
        if chosen is None:
            continue
        this, other = chosen
        assert this.lesson is not None and other.lesson is not None
        problems = compare(this.lesson, other.lesson)
        if problems:
            found.setdefault(this.path, []).extend(problems)
    return found


def _reported_side(
    pair: list[tuple[int, LessonFile]], reported: Collection[Path]
) -> tuple[LessonFile, LessonFile] | None:
    (index_a, a), (index_b, b) = pair
    a_in, b_in = a.path in reported, b.path in reported
    if a_in != b_in:
        return (a, b) if a_in else (b, a)
    if not a_in:
        return None
    if a.source != b.source:
        return (a, b) if index_a > index_b else (b, a)
    return (b, a) if a.lesson is not None and a.lesson.lang == REFERENCE_LANG else (a, b)


_ID_LINE = re.compile(r"""^[ \t]*id[ \t]*=[ \t]*["']([^"'\n]*)["']""", re.MULTILINE)
_HEAD_BYTES = 4096


def partner_paths(path: Path, lesson_id: str, sniffed: dict[Path, str | None]) -> list[Path]:
    """Files that may hold `path`'s translation: lesson files with the same id in its folder
    and, for a file in a folder named after a language (`lessons/de/x.md`), in the other
    language's folder beside it (`lessons/en`). `check` is often given only the changed file
    (by pre-commit); its translation must be found to compare them.

    Only the top of each file is read to find its id; `sniffed` caches that between calls.
    """
    folders = [path.parent]
    if path.parent.name in LANGUAGE_NAMES:
        folders += [
            path.parent.parent / lang for lang in LANGUAGE_NAMES if lang != path.parent.name
        ]
    found: list[Path] = []
    for folder in folders:
        try:
            candidates = sorted(folder.glob("*.md"))
        except OSError:
            continue
        for candidate in candidates:
            if candidate.name.lower() in SKIPPED_NAMES or candidate.name.startswith("_"):
                continue
            if candidate not in sniffed:
                sniffed[candidate] = _sniff_id(candidate)
            if sniffed[candidate] == lesson_id and candidate != path:
                found.append(candidate)
    return found


def _sniff_id(path: Path) -> str | None:
    try:
        with path.open("rb") as file:
            head = file.read(_HEAD_BYTES)
    except OSError:
        return None
    match = _ID_LINE.search(head.decode("utf-8", "replace"))
    return match.group(1) if match else None


def compare(this: Lesson, other: Lesson) -> list[Problem]:
    """How `this` differs from `other` (the same lesson in the other language), at the lines of
    `this`, each naming the line in `other`."""
    where = f"the {LANGUAGE_NAMES.get(other.lang, other.lang)} version ({other.path})"
    problems = _step_problems(this, other, where)
    problems += _exercise_problems(this, other, where)
    return sorted(problems, key=lambda problem: problem.line)


def _problem(lesson: Lesson, line: int, message: str, kind: ProblemKind) -> Problem:
    return Problem(lesson.path, line, message, kind)


def _step_name(step: Step) -> str:
    return "the opening text" if step.is_opening else f"'## {step.title}'"


def _step_of(lesson: Lesson) -> dict[str, int]:
    """{exercise id: 0-based step}."""
    return {e.id: n for n, step in enumerate(lesson.steps) for e in step.exercises}


def _step_problems(this: Lesson, other: Lesson, where: str) -> list[Problem]:
    mine, theirs = this.steps, other.steps
    if not mine or not theirs:
        return []
    if len(mine) != len(theirs):
        # Where the two part: the first step that opens differently or holds other exercises.
        part = next(
            (
                n
                for n, (a, b) in enumerate(zip(mine, theirs, strict=False))
                if a.is_opening != b.is_opening
                or [e.id for e in a.exercises] != [e.id for e in b.exercises]
            ),
            min(len(mine), len(theirs)),
        )
        at = min(part, len(mine) - 1)
        here = mine[at]
        there = theirs[part] if part < len(theirs) else theirs[-1]
        counts = f"{len(mine)} steps here but {len(theirs)} in {where}"
        heading = _other_heading(here) if len(mine) < len(theirs) else None
        if heading is not None and at + 1 < len(theirs):
            # The usual slip: '### Title' where the translation has '## Title', so this step
            # holds what two steps hold there.
            line, text = heading
            missing = theirs[at + 1]
            message = (
                f"{counts}: '{text}' does not start a step, but {_step_name(missing)} "
                f"(line {missing.line}) does there; write it with '## '"
            )
            return [_problem(this, line, message, TRANSLATION_STEPS)]
        rule = "a step starts at each '## ' heading (not '#' or '###')"
        if part >= len(theirs):
            where_part = (
                f"step {part + 1} here has no counterpart there (it ends with "
                f"{_step_name(there)}, line {there.line}): {rule}; one is extra here"
            )
        elif part >= len(mine):
            where_part = (
                f"step {part + 1} there ({_step_name(there)}, line {there.line}) has no "
                f"counterpart here: {rule}; one is missing here"
            )
        else:
            where_part = (
                f"they part at step {part + 1} ({_step_name(there)} there, line {there.line}): "
                f"{rule}, so one is missing or extra in or just before this step"
            )
        return [_problem(this, here.line, f"{counts}; {where_part}", TRANSLATION_STEPS)]
    problems: list[Problem] = []
    there_step = _step_of(other)
    for n, step in enumerate(mine):
        for exercise in step.exercises:
            m = there_step.get(exercise.id)
            if m is None or m == n:
                continue
            problems.append(
                _problem(
                    this,
                    _block(this, exercise.id).line,
                    f"exercise '{exercise.id}' is in step {n + 1} here but in step {m + 1} "
                    f"({_step_name(theirs[m])}, line {theirs[m].line}) in {where}: keep each "
                    "exercise in the same step",
                    TRANSLATION_STEPS,
                )
            )
    return problems


_OTHER_HEADING = re.compile(r"(?:#|#{3,6})[ \t]+\S")


def _other_heading(step: Step) -> tuple[int, str] | None:
    """(line, text) of the first '#' or '###' heading in `step`: no step of its own."""
    for block in step.blocks:
        if not isinstance(block, MarkdownBlock):
            continue
        in_code = False
        for n, text in enumerate(block.text.split("\n")):
            if text.lstrip().startswith(("```", "~~~")):
                in_code = not in_code  # a '# comment' in a code sample is no heading
            elif not in_code and _OTHER_HEADING.match(text):
                return block.line + n, text.strip()
    return None


def _block(lesson: Lesson, exercise_id: str) -> ExerciseBlock:
    return next(b for b in lesson.exercise_blocks if b.exercise.id == exercise_id)


def _key_line(block: ExerciseBlock, *loc: str | int) -> int:
    return block.lines.get(loc, block.line)


def _exercise_problems(this: Lesson, other: Lesson, where: str) -> list[Problem]:
    mine = {b.exercise.id: b for b in this.exercise_blocks}
    theirs = {b.exercise.id: b for b in other.exercise_blocks}
    problems: list[Problem] = []
    for exercise_id, block in mine.items():
        if exercise_id not in theirs:
            problems.append(
                _problem(
                    this,
                    _key_line(block, "id"),
                    f"exercise '{exercise_id}' is not in {where}: translations share exercise "
                    "ids, so give it the id of its counterpart there, or add it there too",
                    TRANSLATION_EXERCISES,
                )
            )
    there_step = _step_of(other)
    for exercise_id, block in theirs.items():
        if exercise_id not in mine:
            step = there_step.get(exercise_id, 0)
            here = this.steps[min(step, len(this.steps) - 1)] if this.steps else None
            problems.append(
                _problem(
                    this,
                    here.line if here is not None else 1,
                    f"exercise '{exercise_id}' of {where} (line {block.line}) is missing here",
                    TRANSLATION_EXERCISES,
                )
            )
    order_here = [i for i in mine if i in theirs]
    order_there = [i for i in theirs if i in mine]
    if order_here != order_there:
        pairs = enumerate(zip(order_here, order_there, strict=True))
        first = next(n for n, (a, b) in pairs if a != b)
        problems.append(
            _problem(
                this,
                mine[order_here[first]].line,
                f"the exercises come in another order than in {where}: here "
                f"{', '.join(order_here)}; there {', '.join(order_there)}",
                TRANSLATION_EXERCISES,
            )
        )
    for exercise_id in order_here:
        problems += _shape_problems(this, mine[exercise_id], theirs[exercise_id], where)
    return problems


def _shape_problems(
    this: Lesson, block: ExerciseBlock, counterpart: ExerciseBlock, where: str
) -> list[Problem]:
    """Type, choices/items and a plan's count of one exercise against its translation."""
    mine, theirs = block.exercise, counterpart.exercise
    name = f"exercise '{mine.id}'"
    if mine.type != theirs.type:
        return [
            _problem(
                this,
                _key_line(block, "type"),
                f"{name} is a {mine.type} here but a {theirs.type} in {where} "
                f"(line {_key_line(counterpart, 'type')})",
                TRANSLATION_TYPE,
            )
        ]
    problems: list[Problem] = []
    for field, noun, flag, meaning in _ENTRY_LISTS:
        here: list[object] = list(getattr(mine, field, None) or [])
        there: list[object] = list(getattr(theirs, field, None) or [])
        if not here and not there:
            continue
        if len(here) != len(there):
            extra = min(len(here), len(there)) if len(here) > len(there) else len(here) - 1
            problems.append(
                _problem(
                    this,
                    _key_line(block, field, max(extra, 0)),
                    f"{name} has {len(here)} {noun}s here but {len(there)} in {where} "
                    f"(line {counterpart.line}): learners answer by number, so both need the "
                    f"same {noun}s in the same order",
                    TRANSLATION_ENTRIES,
                )
            )
            continue
        for n, (a, b) in enumerate(zip(here, there, strict=True)):
            if bool(getattr(a, flag)) != bool(getattr(b, flag)):
                state = "is" if getattr(a, flag) else "is not"
                opposite = "not" if getattr(a, flag) else "it is"
                problems.append(
                    _problem(
                        this,
                        _key_line(block, field, n),
                        f"{noun} {n + 1} of {name} {state} {meaning} here but {opposite} in "
                        f"{where} (line {_key_line(counterpart, field, n)}): keep the "
                        f"{noun}s in the same order",
                        TRANSLATION_ENTRIES,
                    )
                )
    count_here, count_there = getattr(mine, "count", None), getattr(theirs, "count", None)
    if isinstance(count_here, int) and count_here != count_there:
        problems.append(
            _problem(
                this,
                _key_line(block, "count"),
                f"{name} asks for {count_here} tweets here but {count_there} in {where} "
                f"(line {_key_line(counterpart, 'count')})",
                TRANSLATION_ENTRIES,
            )
        )
    return problems
