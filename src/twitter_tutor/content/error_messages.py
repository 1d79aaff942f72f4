"""Turn pydantic validation errors into messages a trainer can act on, in plain English."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from twitter_tutor.content.invisible import visible
from twitter_tutor.content.models import RULE_MODELS, RULE_NAMES, FrontMatter
from twitter_tutor.content.toml_lines import Loc

_TYPE_WORDS = {
    "string_type": "text in quotes",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": 'a list like ["a", "b"]',
    "model_type": "a table",
    "dict_type": "a table",
    "model_attributes_type": "a table",
}


def _field_name(loc: Loc) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1]}[{part + 1}]"] if parts else [f"[{part + 1}]"]
        else:
            parts.append(part)
    return ".".join(parts)


def _known_fields(model: type[BaseModel], raw_loc: Loc) -> list[str]:
    """Field names of the table holding the key at `raw_loc` (a location with its tags)."""
    names = [p for p in raw_loc[:-1] if isinstance(p, str)]
    current: type[BaseModel] | None = model
    if names and names[0] == "checks":
        current = RULE_MODELS.get(names[1]) if len(names) > 1 else None
    else:
        # Sub-tables are read off the model's own fields, so a new exercise type's tables
        # (`choices`, `items`, `context`, ...) need no list here.
        for name in names:
            field = current.model_fields.get(name) if current else None
            current = _table_model(field.annotation) if field else None
    return sorted(current.model_fields) if current else []


def _table_model(annotation: object) -> type[BaseModel] | None:
    """The one model a field holds as a table: `Model`, `Model | None` or `list[Model]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    found = {m for arg in get_args(annotation) if (m := _table_model(arg)) is not None}
    return found.pop() if len(found) == 1 else None


def strip_tags(loc: Loc) -> Loc:
    """Drop discriminator tags pydantic inserts into locations (`checks, 0, max_length, limit`)."""
    out: list[str | int] = []
    previous: str | int | None = None
    for part in loc:
        if isinstance(previous, int) and part in RULE_NAMES:
            previous = part
            continue
        out.append(part)
        previous = part
    return tuple(out)


def describe(error: ErrorDetails, model: type[BaseModel]) -> tuple[Loc, str]:
    """(location without tags, message) for one pydantic error."""
    raw_loc = tuple(error["loc"])
    loc = strip_tags(raw_loc)
    root = "the front matter" if model is FrontMatter else "the exercise"
    kind = error["type"]
    name = _field_name(loc)
    value = error.get("input")
    if kind == "missing":
        where = _field_name(loc[:-1]) if loc[:-1] else root
        return loc, f"missing required field '{loc[-1]}' in {where}"
    if kind == "extra_forbidden":
        field = str(loc[-1])
        known = _known_fields(model, raw_loc)
        close = difflib.get_close_matches(field, known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        listing = f"; known fields: {', '.join(known)}" if known else ""
        return loc, f"unknown field '{field}'{hint}{listing}"
    if kind == "union_tag_invalid":
        tag = error.get("ctx", {}).get("tag", value)
        close = difflib.get_close_matches(str(tag), RULE_NAMES, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return (*loc, "rule"), (
            f"unknown rule '{visible(str(tag))}'{hint}; known rules: {', '.join(RULE_NAMES)}"
        )
    if kind == "union_tag_not_found":
        return loc, f"{name} has no 'rule'; add one of: {', '.join(RULE_NAMES)}"
    if kind in _TYPE_WORDS:
        return loc, f"'{name}' must be {_TYPE_WORDS[kind]}, not {_show(value)}"
    if kind == "string_pattern_mismatch":
        field = str(loc[-1]) if loc else ""
        if field in ("handle",):
            return (
                loc,
                f"'{name}' must be an @handle like \"@anna\" (1-15 letters, digits or _), "
                f"not {_show(value)}",
            )
        return (
            loc,
            f"'{name}' must be a slug of a-z, 0-9 and '-', like \"my-lesson\", not {_show(value)}",
        )
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return loc, f"'{name}' must be one of {expected}, not {_show(value)}"
    if kind in ("too_short", "string_too_short"):
        if isinstance(value, str):
            return loc, f"'{name}' must not be empty"
        minimum = error.get("ctx", {}).get("min_length", 1)
        return loc, f"'{name}' needs at least {minimum} {_plural(minimum, 'entry', 'entries')}"
    if kind in ("too_long", "string_too_long"):
        maximum = error.get("ctx", {}).get("max_length", 1)
        unit = ("character", "characters") if isinstance(value, str) else ("entry", "entries")
        return loc, f"'{name}' allows at most {maximum} {_plural(maximum, *unit)}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        msg = error["msg"].replace("Input should be", "must be")
        return loc, f"'{name}' = {_show(value)}: {msg}"
    if kind == "value_error":
        msg = error["msg"].removeprefix("Value error, ")
        return loc, msg
    return loc, f"'{name}': {error['msg']}"


def _plural(count: object, one: str, many: str) -> str:
    return one if count == 1 else many


def _show(value: object) -> str:
    if isinstance(value, str):
        # visible(): a tab or zero-width space in the value would not show in the message.
        return f'"{visible(value)}"' if len(value) < 40 else f'"{visible(value[:37])}..."'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int) and value.bit_length() > 64:
        # str() of a huge int is slow and raises beyond 4,300 digits.
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    return str(value)


def describe_all(error: ValidationError, model: type[BaseModel]) -> Iterable[tuple[Loc, str]]:
    for detail in error.errors():
        yield describe(detail, model)
