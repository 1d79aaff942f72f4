"""The real CLI as a subprocess: help, version, usage errors, schema, new + check, list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunCli
from twitter_tutor import __version__
from twitter_tutor.cli.main import COMMANDS


def test_help_lists_every_command(run_cli: RunCli) -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for name in COMMANDS:
        assert name in result.stdout


@pytest.mark.parametrize("command", list(COMMANDS))
def test_each_command_has_help(run_cli: RunCli, command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert f"usage: twitter-tutor {command}" in result.stdout


def test_version(run_cli: RunCli) -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"twitter-tutor {__version__}"


@pytest.mark.parametrize(
    "args",
    [
        ["bogus"],
        ["list", "--bogus"],
        ["--lang", "fr", "list"],
        ["grade", "--exercise", "x"],
        ["progress", "--json", "--csv"],
    ],
)
def test_usage_errors_are_one_line_exit_2(run_cli: RunCli, args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("twitter-tutor: error:")
    assert "Traceback" not in result.stderr


def test_global_options_after_the_command(run_cli: RunCli) -> None:
    result = run_cli("list", "--json", "--lang", "de", "--profile", "x")
    assert result.returncode == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)


def test_schema_has_front_matter_and_every_exercise_type(run_cli: RunCli) -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert set(data["exercises"]) == {"choice", "pick", "compose", "plan", "reflect"}
    props = data["front_matter"]["properties"]
    assert props["id"]["description"]
    assert "pattern" in props["id"]
    assert "rule" in json.dumps(data["exercises"]["compose"])
    assert "min_words" in data["exercises"]["reflect"]["properties"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_new_lesson_passes_check(run_cli: RunCli, tmp_path: Path, lang: str) -> None:
    result = run_cli("new", "my-lesson", "--lang", lang, "--dir", str(tmp_path / "mine"))
    assert result.returncode == 0, result.stderr
    path = tmp_path / "mine" / "my-lesson.md"
    assert path.is_file()
    assert f'lang = "{lang}"' in path.read_text(encoding="utf-8")
    check = run_cli("check", str(path))
    assert check.returncode == 0, check.stdout + check.stderr
    again = run_cli("new", "my-lesson", "--dir", str(tmp_path / "mine"))
    assert again.returncode == 2 and "exists" in again.stderr


def test_new_rejects_bad_id(run_cli: RunCli) -> None:
    result = run_cli("new", "Bad Id")
    assert result.returncode == 2
    assert "not a valid id" in result.stderr


def test_check_mixed_folder_reports_every_broken_file(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    assert run_cli("new", "good", "--dir", str(folder)).returncode == 0
    (folder / "no-front.md").write_text("# hello\n", encoding="utf-8")
    (folder / "bad-utf8.md").write_bytes(b'+++\nid = "x\xff"\n+++\n')
    good = (folder / "good.md").read_text(encoding="utf-8")
    (folder / "bad-rule.md").write_text(
        good.replace('id = "good"', 'id = "bad-rule"').replace(
            'rule = "not_promotional"', 'rule = "no_ads"'
        ),
        encoding="utf-8",
    )
    result = run_cli("check", str(folder))
    assert result.returncode == 1
    out = result.stdout
    for name in ("no-front.md:1:", "bad-utf8.md:2:", "bad-rule.md:"):
        assert name in out, out
    assert "good.md" not in out.replace("bad-rule.md", "")
    assert "unknown rule 'no_ads'" in out
    assert out.strip().splitlines()[-1].startswith("3 problems in 3 of 4")


def test_check_reports_example_mismatch(run_cli: RunCli, tmp_path: Path) -> None:
    assert run_cli("new", "ex", "--dir", str(tmp_path)).returncode == 0
    path = tmp_path / "ex.md"
    text = path.read_text(encoding="utf-8")
    # The ad example is expected to fail; claim it passes, so `check` must object.
    text = text.replace(
        'text = "BUY NOW!!! 50% off everything, only today!"\npasses = false',
        'text = "BUY NOW!!! 50% off everything, only today!"\npasses = true',
    )
    path.write_text(text, encoding="utf-8")
    result = run_cli("check", str(path))
    assert result.returncode == 1
    line = next(n for n, row in enumerate(text.split("\n"), 1) if "BUY NOW" in row) - 1
    assert f"ex.md:{line}: TT503 example 2 should pass but fails" in result.stdout


def test_check_requires_unknown_reported_only_for_given_paths(
    run_cli: RunCli, tmp_path: Path
) -> None:
    assert run_cli("new", "a", "--dir", str(tmp_path)).returncode == 0
    path = tmp_path / "a.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "minutes = 5\n", 'minutes = 5\nrequires = ["welcome", "nope"]\n'
        ),
        encoding="utf-8",
    )
    result = run_cli("check", str(path))
    assert result.returncode == 1
    assert "requires unknown lesson 'nope'" in result.stdout
    assert "'welcome'" not in result.stdout.split("requires unknown lesson")[1].split(";")[0]


def test_check_missing_path_is_usage_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("check", str(tmp_path / "nope"))
    assert result.returncode == 2


def test_builtin_course_passes_check(run_cli: RunCli) -> None:
    result = run_cli("check")
    assert result.returncode == 0, result.stdout[-3000:]
    assert "are valid" in result.stdout


def test_list_json_shows_overrides_and_broken(run_cli: RunCli, tmp_path: Path) -> None:
    custom = tmp_path / "custom"
    custom.mkdir()
    welcome = (Path(__file__).resolve().parents[2] / "lessons" / "en" / "00-welcome.md")
    (custom / "welcome.md").write_text(
        welcome.read_text(encoding="utf-8").replace("title = ", 'title = "Mine" #', 1),
        encoding="utf-8",
    )
    (custom / "broken.md").write_text("nothing here\n", encoding="utf-8")
    result = run_cli("list", "--json", "--lessons", str(custom))
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    keys = {"id", "title", "lang", "order", "source", "exercises", "status"}
    assert all(keys <= set(r) for r in rows)
    mine = next(r for r in rows if r["source"] == str(custom) and r["id"] == "welcome")
    assert mine["title"] == "Mine" and mine["replaces"].endswith("00-welcome.md")
    builtin = next(r for r in rows if r["path"] == str(welcome.resolve()) or r["path"] == mine["replaces"])
    assert builtin["replaced_by"] == mine["path"]
    broken = next(r for r in rows if r["path"].endswith("broken.md"))
    assert broken["status"] == "broken" and "missing front matter" in broken["problem"]


def test_list_from_another_directory(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("list", "--json", cwd=tmp_path)
    assert result.returncode == 0
    ids = {r["id"] for r in json.loads(result.stdout)}
    assert {"welcome", "capstone"} <= ids


def test_missing_lesson_folder_is_a_warning(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("list", "--json", "--lessons", str(tmp_path / "typo"))
    assert result.returncode == 0
    assert json.loads(result.stdout)
    assert f"lesson folder not found: {tmp_path / 'typo'}" in result.stderr
