"""Where the progress store is, named by a URL (`--store`, or TWITTER_TUTOR_STORE):

- no URL: `progress.sqlite3` in the data dir, the default with nothing to set up;
- `sqlite:///absolute/folder`: the same SQLite store, `progress.sqlite3` in that folder (made
  if missing). A folder, not a file, because a damaged store is set aside beside its file
  and a lock file sits there too; `sqlite:///folder/progress.sqlite3` names the same store;
- `postgresql://user:password@host:port/database?options` (or `postgres://`): a store in
  PostgreSQL that many twitter-tutors on many hosts share, through psycopg 3
  (`pip install 'twitter-tutor[postgres]'`). Any libpq URL works; the password may also come
  from PGPASSWORD or ~/.pgpass, which keeps it off the command line.

A URL's password is never shown: messages name the store by `urls.mask_url`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from twitter_tutor.progress import files
from twitter_tutor.progress.errors import StoreError
from twitter_tutor.progress.opening import Clock, OpenedStore, has_store, open_store
from twitter_tutor.progress.timefmt import utc_now
from twitter_tutor.progress.urls import mask_url

POSTGRES_SCHEMES = ("postgresql", "postgres")
FORMS = "sqlite:///FOLDER or postgresql://USER@HOST/DATABASE"


@dataclass(frozen=True)
class StoreLocation:
    kind: Literal["sqlite", "postgresql"]
    url: str = field(repr=False)
    """As given: it may hold a password, so show `shown` instead."""
    folder: Path | None = None
    """The folder of a SQLite store."""

    @property
    def shown(self) -> str:
        return mask_url(self.url)


def parse_store_url(url: str) -> StoreLocation:
    """The store a URL names; StoreError (one line, password masked) for one that names none."""
    shown = mask_url(url)
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme in POSTGRES_SCHEMES and url[len(scheme) :].startswith("://"):
        return StoreLocation("postgresql", url)
    if scheme != "sqlite":
        raise StoreError(
            f"The progress store URL {shown!r} is not one twitter-tutor knows: use {FORMS}."
        )
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not url.lower().startswith("sqlite:///") or parts.netloc or not path.startswith("/"):
        raise StoreError(
            f"The progress store URL {shown!r} needs an absolute folder on this machine, "
            "as in sqlite:///home/me/tutor (three slashes, then the path)."
        )
    if parts.query or parts.fragment:
        raise StoreError(f"The progress store URL {shown!r} takes no ?options or #fragment.")
    folder = Path("/" + path.lstrip("/"))  # sqlite:////x is /x too, not //x
    if folder.name == files.STORE_NAME:
        folder = folder.parent
    return StoreLocation("sqlite", url, folder)


def has_store_url(url: str | None, *, data_dir: Path) -> bool:
    """Whether there may be progress to read, without creating a store: for SQLite, whether
    its file exists; a PostgreSQL store can only be asked by connecting, so True."""
    if url is None:
        return has_store(data_dir)
    location = parse_store_url(url)
    return location.folder is None or has_store(location.folder)


def open_store_url(
    url: str | None, *, data_dir: Path, clock: Clock = utc_now
) -> OpenedStore:
    """Open the store `url` names, or the one in `data_dir` when it is None.

    Raises StoreError (NewerSchemaError for a newer schema) when it cannot be used: never
    falls back to memory, since a store named on purpose that quietly kept nothing would
    mislead; the TUI decides itself whether to go on without one.
    """
    if url is None:
        return open_store(data_dir, allow_memory=False, clock=clock)
    location = parse_store_url(url)
    if location.folder is not None:
        return open_store(location.folder, allow_memory=False, clock=clock)
    return _open_postgres(location, clock)


def _open_postgres(location: StoreLocation, clock: Clock) -> OpenedStore:
    try:
        # Only here: a plain install has no psycopg, and start-up never pays for it.
        from twitter_tutor.progress.postgres_store import open_postgres
    except ImportError as error:
        raise StoreError(
            f"The progress store {location.shown} is in PostgreSQL, which needs psycopg 3 "
            f"({error}): install it with pip install 'twitter-tutor[postgres]'."
        ) from error
    store = open_postgres(location.url, location.shown, clock=clock)
    return OpenedStore(store, [], persistent=True)
