"""The progress store: what each learner (profile) did, kept so it is never lost.

No UI code here (and no Textual import): the CLI and the TUI both build on this package.
A store is a local SQLite file or a shared PostgreSQL database (`locations`: named by a URL);
psycopg is imported only when a PostgreSQL store is opened.
"""

from twitter_tutor.progress.errors import NewerSchemaError, StoreError
from twitter_tutor.progress.locations import has_store_url, open_store_url
from twitter_tutor.progress.models import Attempt, Learner, LessonProgress, LessonState
from twitter_tutor.progress.opening import OpenedStore, has_store, open_memory_store, open_store
from twitter_tutor.progress.schema import SCHEMA_VERSION
from twitter_tutor.progress.sqlite_store import SqliteStore
from twitter_tutor.progress.store import ProgressStore
from twitter_tutor.progress.urls import mask_url

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
