"""Stable codes for every problem `check` reports, so a trainer (or a CI log) can look one up.

A code never changes meaning once shipped; docs/writing-lessons.md explains each one under
"Problem codes", in a table row whose anchor is the lower-case code (`#tt101`).
"""

from __future__ import annotations

from dataclasses import dataclass

DOC_PAGE = "docs/writing-lessons.md"


@dataclass(frozen=True)
class ProblemKind:
    code: str
    """`TT` and three digits: the hundreds group the kind (1xx blocks, 2xx TOML, 3xx values ...)."""
    name: str
    """A short kebab-case name, readable where the code is not (`unclosed-exercise-fence`)."""

    @property
    def doc(self) -> str:
        """Where the code's meaning and fix are explained."""
        return f"{DOC_PAGE}#{self.code.lower()}"


def _kind(code: str, name: str) -> ProblemKind:
    kind = ProblemKind(code, name)
    KINDS[code] = kind
    return kind


KINDS: dict[str, ProblemKind] = {}

UNCLASSIFIED = _kind("TT000", "unclassified")
# The file as a whole
UNREADABLE_FILE = _kind("TT001", "unreadable-file")
LOADER_ERROR = _kind("TT002", "loader-error")
NOT_UTF8 = _kind("TT003", "not-utf8")
# The lesson's structure: front matter, exercise blocks
UNCLOSED_EXERCISE_FENCE = _kind("TT101", "unclosed-exercise-fence")
INDENTED_EXERCISE_FENCE = _kind("TT102", "indented-exercise-fence")
EXERCISE_INFO_CASE = _kind("TT103", "exercise-info-case")
MISSING_FRONT_MATTER = _kind("TT104", "missing-front-matter")
YAML_FRONT_MATTER = _kind("TT105", "yaml-front-matter")
UNCLOSED_FRONT_MATTER = _kind("TT106", "unclosed-front-matter")
EMPTY_LESSON = _kind("TT107", "empty-lesson")
# TOML syntax
TOML_SYNTAX = _kind("TT201", "toml-syntax")
TYPOGRAPHIC_QUOTES = _kind("TT202", "typographic-quotes")
SINGLE_BRACKET_LIST = _kind("TT203", "single-bracket-list")
# Field values
UNKNOWN_FIELD = _kind("TT301", "unknown-field")
MISSING_FIELD = _kind("TT302", "missing-field")
WRONG_TYPE = _kind("TT303", "wrong-type")
OUT_OF_RANGE = _kind("TT304", "out-of-range")
BAD_ID = _kind("TT305", "bad-id")
BAD_HANDLE = _kind("TT306", "bad-handle")
VALUE_NOT_ALLOWED = _kind("TT307", "value-not-allowed")
TOO_SHORT = _kind("TT308", "too-short")
TOO_LONG = _kind("TT309", "too-long")
INVISIBLE_CHARACTER = _kind("TT310", "invisible-character")
INVALID_VALUE = _kind("TT311", "invalid-value")
# Exercises
MISSING_EXERCISE_TYPE = _kind("TT401", "missing-exercise-type")
UNKNOWN_EXERCISE_TYPE = _kind("TT402", "unknown-exercise-type")
UNKNOWN_RULE = _kind("TT403", "unknown-rule")
MISSING_RULE = _kind("TT404", "missing-rule")
EXERCISE_CONSTRAINT = _kind("TT405", "exercise-constraint")
DUPLICATE_EXERCISE_ID = _kind("TT406", "duplicate-exercise-id")
# Self-tests ([[examples]])
EXAMPLE_FIELD = _kind("TT501", "example-field")
EXAMPLE_ANSWER = _kind("TT502", "example-answer")
EXAMPLE_MISMATCH = _kind("TT503", "example-mismatch")
# The course: several files together
DUPLICATE_LESSON_ID = _kind("TT601", "duplicate-lesson-id")
UNKNOWN_REQUIRES = _kind("TT602", "unknown-requires")
TRANSLATION_STEPS = _kind("TT603", "translation-steps")
TRANSLATION_EXERCISES = _kind("TT604", "translation-exercises")
TRANSLATION_TYPE = _kind("TT605", "translation-type")
TRANSLATION_ENTRIES = _kind("TT606", "translation-entries")
# What a terminal can show
TABLE_TOO_WIDE = _kind("TT701", "table-too-wide")
TABLE_TOO_BIG = _kind("TT702", "table-too-big")
STEP_TOO_LONG = _kind("TT703", "step-too-long")

_TYPE_ERRORS = {
    "string_type",
    "int_type",
    "int_parsing",
    "int_from_float",
    "bool_type",
    "bool_parsing",
    "list_type",
    "model_type",
    "dict_type",
    "model_attributes_type",
}
_VALIDATION: dict[str, ProblemKind] = {
    "missing": MISSING_FIELD,
    "extra_forbidden": UNKNOWN_FIELD,
    "union_tag_invalid": UNKNOWN_RULE,
    "union_tag_not_found": MISSING_RULE,
    "literal_error": VALUE_NOT_ALLOWED,
    "too_short": TOO_SHORT,
    "string_too_short": TOO_SHORT,
    "too_long": TOO_LONG,
    "string_too_long": TOO_LONG,
    "greater_than_equal": OUT_OF_RANGE,
    "less_than_equal": OUT_OF_RANGE,
    "greater_than": OUT_OF_RANGE,
    "less_than": OUT_OF_RANGE,
    "value_error": EXERCISE_CONSTRAINT,
    **dict.fromkeys(_TYPE_ERRORS, WRONG_TYPE),
}


def for_validation(error_type: str, field: str | int | None) -> ProblemKind:
    """The kind of one pydantic error (`error_type` as pydantic names it, `field` the last
    part of its location)."""
    if error_type == "string_pattern_mismatch":
        return BAD_HANDLE if field == "handle" else BAD_ID
    return _VALIDATION.get(error_type, INVALID_VALUE)
