"""The progress store: what each learner (profile) did, kept in SQLite so it is never lost.

No UI code here (and no Textual import): the CLI and the TUI both build on this package.
"""

from twitter_tutor.progress.errors import NewerSchemaError, StoreError
from twitter_tutor.progress.models import Attempt, LessonProgress, LessonState
from twitter_tutor.progress.opening import OpenedStore, open_memory_store, open_store
from twitter_tutor.progress.schema import SCHEMA_VERSION
from twitter_tutor.progress.store import ProgressStore

__all__ = [
    "SCHEMA_VERSION",
    "Attempt",
    "LessonProgress",
    "LessonState",
    "NewerSchemaError",
    "OpenedStore",
    "ProgressStore",
    "StoreError",
    "open_memory_store",
    "open_store",
]
