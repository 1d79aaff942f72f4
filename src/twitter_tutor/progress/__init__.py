"""The progress store: what each learner (profile) did, kept so it is never lost.

No UI code here (and no Textual import): the CLI and the TUI both build on this package.
A store is a local SQLite file or a shared PostgreSQL database (`locations`: named by a URL);
psycopg is imported only when a PostgreSQL store is opened.

The names below are imported on first use: the tutor's start imports only the modules that
open a store (`locations`, `opening`), not the export, the models of every record and the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from twitter_tutor.progress.errors import NewerSchemaError, StoreError
    from twitter_tutor.progress.lesson_state import LessonProgress, LessonState
    from twitter_tutor.progress.locations import has_store_url, open_store_url
    from twitter_tutor.progress.models import Attempt, Learner
    from twitter_tutor.progress.opening import (
        OpenedStore,
        has_store,
        open_memory_store,
        open_store,
    )
    from twitter_tutor.progress.schema import SCHEMA_VERSION
    from twitter_tutor.progress.sqlite_store import SqliteStore
    from twitter_tutor.progress.store import ProgressStore
    from twitter_tutor.progress.urls import mask_url

_WHERE = {
    "SCHEMA_VERSION": "schema",
    "Attempt": "models",
    "Learner": "models",
    "LessonProgress": "lesson_state",
    "LessonState": "lesson_state",
    "NewerSchemaError": "errors",
    "OpenedStore": "opening",
    "ProgressStore": "store",
    "SqliteStore": "sqlite_store",
    "StoreError": "errors",
    "has_store": "opening",
    "has_store_url": "locations",
    "mask_url": "urls",
    "open_memory_store": "opening",
    "open_store": "opening",
    "open_store_url": "locations",
}
"""Each public name and the module of this package it comes from."""

__all__ = [
    "SCHEMA_VERSION",
    "Attempt",
    "Learner",
    "LessonProgress",
    "LessonState",
    "NewerSchemaError",
    "OpenedStore",
    "ProgressStore",
    "SqliteStore",
    "StoreError",
    "has_store",
    "has_store_url",
    "mask_url",
    "open_memory_store",
    "open_store",
    "open_store_url",
]


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"twitter_tutor.progress.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
