"""Store URLs: which store each names, passwords never shown, a SQLite folder created only on
opening, and a PostgreSQL URL without psycopg installed explained instead of a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from twitter_tutor.progress import StoreError, has_store_url, mask_url, open_store_url
from twitter_tutor.progress.locations import parse_store_url


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://ann:s3cret@db.example:5432/class", "postgresql://ann:***@db.example:5432/class"),
        ("postgres://ann:s3cret@db/class?sslmode=require", "postgres://ann:***@db/class?sslmode=require"),
        # Not escaped as a URL should be, and still not shown.
        ("postgresql://ann:s3/cr@t@db/class", "postgresql://ann:***@db/class"),
        ("postgresql://db/class?user=ann&password=s3cret&x=1", "postgresql://db/class?user=ann&password=***&x=1"),
        ("postgresql://ann@db/class", "postgresql://ann@db/class"),
        ("mysql://ann:s3cret@db/class", "mysql://ann:***@db/class"),
        ("sqlite:///home/ann/tutor", "sqlite:///home/ann/tutor"),
    ],
)
def test_a_password_is_never_shown(url: str, shown: str) -> None:
    assert mask_url(url) == shown


def test_postgres_urls_name_a_postgresql_store() -> None:
    for url in ("postgresql://ann@db/class", "postgres://ann@db/class", "POSTGRESQL://db/x"):
        location = parse_store_url(url)
        assert (location.kind, location.folder) == ("postgresql", None)
    # The URL with its password stays out of reprs, which end up in logs and tracebacks.
    assert "s3cret" not in repr(parse_store_url("postgresql://ann:s3cret@db/class"))


@pytest.mark.parametrize(
    ("url", "folder"),
    [
        ("sqlite:///srv/tutor", "/srv/tutor"),
        ("sqlite:///srv/tutor/", "/srv/tutor"),
        ("sqlite:///srv/tutor/progress.sqlite3", "/srv/tutor"),
        ("sqlite:///srv/my%20class", "/srv/my class"),
        ("sqlite:////srv/tutor", "/srv/tutor"),
    ],
)
def test_a_sqlite_url_names_the_folder_of_the_store(url: str, folder: str) -> None:
    location = parse_store_url(url)
    assert (location.kind, location.folder) == ("sqlite", Path(folder))


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("sqlite://srv/tutor", "absolute folder"),
        ("sqlite:relative/folder", "absolute folder"),
        ("sqlite:///srv/tutor?mode=ro", "no ?options"),
        ("mysql://ann:s3cret@db/class", "sqlite:///FOLDER or postgresql://"),
        ("postgresql:ann:s3cret@db", "sqlite:///FOLDER or postgresql://"),
        ("/srv/tutor", "sqlite:///FOLDER or postgresql://"),
    ],
)
def test_a_url_naming_no_store_is_one_clear_line(url: str, says: str) -> None:
    with pytest.raises(StoreError) as caught:
        parse_store_url(url)
    message = str(caught.value)
    assert says in message and "s3cret" not in message and "\n" not in message


def test_a_sqlite_url_opens_its_folder_and_only_opening_creates_it(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    data_dir = tmp_path / "data"
    url = f"sqlite://{folder}"
    assert not has_store_url(url, data_dir=data_dir)
    assert not folder.exists()  # asking created nothing
    with open_store_url(url, data_dir=data_dir).store as store:
        store.visit("ann", "intro", 1)
    assert has_store_url(url, data_dir=data_dir) and (folder / "progress.sqlite3").is_file()
    assert not data_dir.exists()  # the default store was not touched
    with open_store_url(f"{url}/progress.sqlite3", data_dir=data_dir).store as store:
        assert store.last_position("ann") == ("intro", 1)


def test_no_url_is_the_store_in_the_data_dir(tmp_path: Path) -> None:
    assert not has_store_url(None, data_dir=tmp_path)
    open_store_url(None, data_dir=tmp_path).store.close()
    assert has_store_url(None, data_dir=tmp_path)
    assert (tmp_path / "progress.sqlite3").is_file()


def test_a_postgresql_store_may_always_have_progress() -> None:
    # Only a connection could tell, and listing may connect; asking itself never does.
    assert has_store_url("postgresql://ann@127.0.0.1:1/nothing", data_dir=Path("/nonexistent"))


def test_without_psycopg_a_postgresql_url_says_what_to_install() -> None:
    code = (
        "import sys\n"
        "sys.modules['psycopg'] = None  # as if it were not installed\n"
        "from pathlib import Path\n"
        "from twitter_tutor.progress import StoreError, open_store_url\n"
        "try:\n"
        "    open_store_url('postgresql://ann:s3cret@db/class', data_dir=Path('/x'))\n"
        "except StoreError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert "twitter-tutor[postgres]" in done.stdout and "ann:***@db" in done.stdout
    assert "s3cret" not in done.stdout and done.stderr == ""


def test_start_up_and_the_default_store_never_import_psycopg(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "import twitter_tutor.cli.main, twitter_tutor.cli.tui_launcher\n"
        "from twitter_tutor.progress import open_store_url\n"
        f"open_store_url(None, data_dir=Path({str(tmp_path)!r})).store.close()\n"
        f"open_store_url('sqlite://{tmp_path}/other', data_dir=Path('/x')).store.close()\n"
        "print('psycopg' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"
