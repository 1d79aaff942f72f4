"""`check`'s problems as text lines, JSON objects or GitHub Actions annotations."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from twitter_tutor.cli.output import escape

if TYPE_CHECKING:
    from twitter_tutor.content.lesson import Problem

FORMATS = ("text", "json", "github")


def as_dict(problem: Problem) -> dict[str, Any]:
    return {
        "path": str(problem.path),
        "line": problem.line,
        "column": problem.column,
        "code": problem.code,
        "name": problem.name,
        "message": problem.message,
        "doc": problem.kind.doc,
    }


def as_text(problem: Problem) -> str:
    """`PATH:LINE:COL: CODE message` on one line, whatever the file name or value holds."""
    return escape(str(problem))


def as_annotation(problem: Problem) -> str:
    """A GitHub Actions `::error` workflow command, shown on the file's line in a pull request."""
    properties = {"file": escape(str(problem.path)), "line": str(problem.line)}
    if problem.column is not None:
        properties["col"] = str(problem.column)
    properties["title"] = problem.code
    message = f"{escape(problem.message)} ({problem.name}: see {problem.kind.doc})"
    return workflow_command("error", properties, message)


def workflow_command(command: str, properties: dict[str, str], message: str) -> str:
    """`::command key=value,...::message`, escaped as the Actions runner reads it back:
    %, CR and LF in the message; those and `:` and `,` in property values."""
    listed = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    return f"::{command} {listed}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def lines(problems: Iterable[Problem], output_format: str) -> list[str]:
    """The lines to print for `text` or `github` output."""
    show = as_annotation if output_format == "github" else as_text
    return [show(problem) for problem in problems]
