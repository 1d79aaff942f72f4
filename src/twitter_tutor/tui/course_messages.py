"""What the course-loading worker tells the app (see `course_loading`): defined apart, as
nothing needs them before the course has loaded, after the first paint."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from twitter_tutor.content.course import Course


@dataclass
class CourseLoaded(Message):
    course: Course
    changed: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


@dataclass
class LoadFailed(Message):
    error: str
