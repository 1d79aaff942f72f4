"""A lesson folder's `_words.toml` through the real CLI: `grade`, `check` and `analyze` with
`--lessons DIR` all judge with its words, and a broken file is a `check` problem at its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunCli
from tests.unit.content.lessons import lesson

BODY = """## Write

```exercise
id = "news"
type = "compose"
prompt = "Tell your followers what the shop did this week, without selling."

[[checks]]
rule = "not_promotional"
required = true

[[examples]]
text = "This week the new Suncatcher lamps arrived in the shop, just in time for spring."
passes = false
```
"""

WORDS = """\
[en]
promotional = ["suncatcher*"]
personal = ["our fitters"]
"""

# Not the example itself: typed in by a learner, that would be a copy.
SELLING = "New Suncatcher lamps came into the shop this week, right in time for warm evenings."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "my-lessons"
    path.mkdir()
    (path / "shop.md").write_text(lesson(BODY, id="shop"), encoding="utf-8")
    (path / "_words.toml").write_text(WORDS, encoding="utf-8")
    return path


def test_grade_judges_with_the_folder_words(run_cli: RunCli, folder: Path) -> None:
    by_id = run_cli("--lessons", str(folder), "grade", "--lesson", "shop", "--exercise", "news", SELLING)
    assert by_id.returncode == 1, by_id.stderr
    assert "✗ not_promotional" in by_id.stdout
    assert "Suncatcher" in by_id.stdout
    by_file = run_cli(
        "grade", "--lesson-file", str(folder / "shop.md"), "--exercise", "news", "--json", SELLING
    )
    checks = {c["rule"]: c["passed"] for c in json.loads(by_file.stdout)["checks"]}
    assert checks["not_promotional"] is False


def test_grade_without_the_file_is_the_built_in_judgement(run_cli: RunCli, folder: Path) -> None:
    (folder / "_words.toml").unlink()
    result = run_cli("--lessons", str(folder), "grade", "--lesson", "shop", "--exercise", "news", SELLING)
    assert result.returncode == 0, result.stdout
    assert "✓ not_promotional" in result.stdout


def test_check_runs_the_examples_with_the_folder_words(run_cli: RunCli, folder: Path) -> None:
    # The example fails only because "Suncatcher" is an ad word of this folder.
    result = run_cli("--lessons", str(folder), "check", str(folder))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().splitlines()[-1] == "The lesson file is valid."
    single = run_cli("check", str(folder / "shop.md"))  # as pre-commit runs it
    assert single.returncode == 0, single.stdout
    (folder / "_words.toml").unlink()
    without = run_cli("check", str(folder))
    assert without.returncode == 1
    assert "TT503 example 1 should fail but passes" in without.stdout


def test_check_reports_a_broken_words_file_at_its_line(run_cli: RunCli, folder: Path) -> None:
    words = folder / "_words.toml"
    words.write_text(
        '[en]\npromotional = ["suncatcher*",\n  "20% off"]\n[EN]\npersonal = ["x"]\n',
        encoding="utf-8",
    )
    result = run_cli("check", str(folder))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{words}:3:3: TT311 en.promotional: \"20% off\" is not a word or phrase" in lines[0]
    assert lines[1].startswith(f"{words}:4: TT301 write [en] in lower case")
    # The good word still counts: the example is still an ad, so it is no problem.
    assert not any("TT503" in line for line in lines)
    listed = json.loads(run_cli("check", "--format", "json", str(folder)).stdout)
    assert [(p["path"], p["line"], p["code"]) for p in listed] == [
        (str(words), 3, "TT311"),
        (str(words), 4, "TT301"),
    ]


def test_a_broken_toml_file_is_a_problem_and_the_lessons_still_work(
    run_cli: RunCli, folder: Path
) -> None:
    (folder / "_words.toml").write_text('[en]\npromotional = ["suncatcher*"\n', encoding="utf-8")
    result = run_cli("check", str(folder))
    assert result.returncode == 1
    assert f"{folder / '_words.toml'}:3:1: TT201 TOML syntax error" in result.stdout
    graded = run_cli("--lessons", str(folder), "grade", "--lesson", "shop", "--exercise", "news", SELLING)
    assert graded.returncode == 0 and "Traceback" not in graded.stderr


def test_analyze_shows_the_folder_words(run_cli: RunCli, folder: Path) -> None:
    plain = run_cli("analyze", "--lang", "en", "Our fitters love the suncatchers")
    assert "folder_" not in plain.stdout
    result = run_cli("--lessons", str(folder), "analyze", "--lang", "en", "Our fitters love the suncatchers")
    assert result.returncode == 0, result.stderr
    assert 'folder_personal    "Our fitters"' in result.stdout
    assert 'folder_promotional "suncatchers"' in result.stdout
    assert "promotional (primary)" in result.stdout or "promotional, personal" in result.stdout
    data = json.loads(
        run_cli("--lessons", str(folder), "analyze", "--json", "--lang", "en", "the suncatcher").stdout
    )
    assert data["kinds"] == ["promotional"]


def test_analyze_warns_about_a_broken_words_file(run_cli: RunCli, folder: Path) -> None:
    words = folder / "_words.toml"
    words.write_text('[en]\npromotional = ["suncatcher*", "*deal"]\n', encoding="utf-8")
    result = run_cli("--lessons", str(folder), "analyze", "--lang", "en", "a suncatcher deal")
    assert result.returncode == 0
    assert f"{words}:2:31: TT311" in result.stderr
    assert "folder_promotional" in result.stdout
