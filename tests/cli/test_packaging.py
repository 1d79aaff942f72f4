"""The built wheel carries the course, the lexicons, the styles and the text catalogues,
and nothing stray."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_contains_lessons_and_data(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("twitter_tutor-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    lessons = {n for n in names if n.startswith("twitter_tutor/lessons/")}
    expected = {
        f"twitter_tutor/lessons/{p.relative_to(REPO / 'lessons').as_posix()}"
        for p in (REPO / "lessons").rglob("*.md")
    }
    assert lessons == expected and len(expected) >= 20
    assert "twitter_tutor/py.typed" in names
    assert any(n.startswith("twitter_tutor/analysis/lexicons/") and n.endswith(".toml") for n in names)
    assert any(n.endswith(".tcss") for n in names)
    catalogues = REPO / "src" / "twitter_tutor" / "texts" / "catalogues"
    assert {n for n in names if n.endswith(".po")} == {
        f"twitter_tutor/texts/catalogues/{p.name}" for p in catalogues.glob("*.po")
    }
    stray = [n for n in names if n.startswith(("tests/", "bench/", "docs/")) or "__pycache__" in n]
    assert stray == []
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "twitter-tutor = twitter_tutor.cli.main:entry" in zipfile.ZipFile(wheel).read(
        entry_points
    ).decode()
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA")))
    requires = [
        line for line in metadata.decode().splitlines() if line.startswith("Requires-Dist:")
    ]
    # The shared store's driver comes with the `postgres` extra only: the plain install and
    # its start-up stay as light as before (issue 18).
    assert "Requires-Dist: psycopg[binary]>=3.1; extra == 'postgres'" in requires
    assert [line for line in requires if "psycopg" in line and "extra ==" not in line] == []
    # The same for the web server of `serve`, which comes with the `serve` extra.
    assert "Requires-Dist: textual-serve>=1.1; extra == 'serve'" in requires
    assert [line for line in requires if "textual-serve" in line and "extra ==" not in line] == []
    # The page `serve` gives a browser ships inside the package.
    assert "twitter_tutor/cli/serve_page/index.html" in names
