"""`check` as trainers and CI run it: output formats, several paths, translations, pre-commit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from tests.conftest import REPO, RunCli
from tests.unit.content.lessons import CHOICE, lesson, line_of
from twitter_tutor.cli.problem_output import workflow_command

BODY = "## Step\n\nText.\n\n" + CHOICE.format(id="q")

# A workflow command as the GitHub Actions runner parses it: `::error` then properties
# `key=value` separated by commas (no raw `,` or `:` in a value), `::`, and the message with
# no raw CR or LF, and `%` only as the start of an escape.
ANNOTATION = re.compile(
    r"::error (?P<props>(?:file|line|col|endLine|endColumn|title)=[^,:\r\n]*"
    r"(?:,(?:file|line|col|endLine|endColumn|title)=[^,:\r\n]*)*)::(?P<message>[^\r\n]*)"
)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def unescape(text: str) -> str:
    """What the runner makes of an escaped value."""
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def properties(annotation: str) -> dict[str, str]:
    match = ANNOTATION.fullmatch(annotation)
    assert match, annotation
    assert "%" not in re.sub(
        r"%(25|0D|0A|3A|2C)", "", match.group("props") + match.group("message")
    )
    return {
        key: unescape(value)
        for key, value in (part.split("=", 1) for part in match.group("props").split(","))
    }


def test_text_output_has_line_column_code_and_message(run_cli: RunCli, tmp_path: Path) -> None:
    text = lesson("## Step\n\n\t" + CHOICE.format(id="q"))
    path = write(tmp_path / "mine", "tab.md", text)
    result = run_cli("check", str(path))
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{path}:{line_of(text, chr(9) + '```')}:2: TT102 this looks like")


def test_json_format_is_a_list_of_problems(run_cli: RunCli, tmp_path: Path) -> None:
    text = lesson(BODY.replace("correct = true", "corect = true"), lang="EN")
    path = write(tmp_path / "mine", "bad.md", text)
    result = run_cli("check", "--format", "json", str(path))
    assert result.returncode == 1
    rows = json.loads(result.stdout)
    assert [set(row) for row in rows] == [
        {"path", "line", "column", "code", "name", "message", "doc"}
    ] * len(rows)
    found = {(row["line"], row["code"], row["name"]) for row in rows}
    assert (line_of(text, "lang ="), "TT307", "value-not-allowed") in found
    assert (line_of(text, "corect"), "TT301", "unknown-field") in found
    assert all(
        row["path"] == str(path) and row["doc"].endswith(row["code"].lower()) for row in rows
    )


def test_json_flag_keeps_its_summary_object(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(tmp_path / "mine", "bad.md", lesson(lang="EN"))
    data = json.loads(run_cli("check", "--json", str(path)).stdout)
    assert (data["files"], data["broken"]) == (1, 1)
    assert data["problems"][0]["code"] == "TT307"
    both = run_cli("check", "--json", "--format", "json", str(path))
    assert both.returncode == 2 and "not allowed with argument" in both.stderr


def test_github_format_is_valid_workflow_commands(run_cli: RunCli, tmp_path: Path) -> None:
    # A comma and a colon in the file name, a % in the message: all must be escaped.
    text = lesson(BODY.replace("```exercise", "\t```exercise"), lang="50%")
    path = write(tmp_path / "a,b:c", "l,1.md", text)
    result = run_cli("check", "--format", "github", str(path))
    assert result.returncode == 1
    annotations = [row for row in result.stdout.splitlines() if row.startswith("::")]
    assert len(annotations) == 2, result.stdout
    lang, tab = (properties(row) for row in annotations)
    assert lang == {"file": str(path), "line": str(line_of(text, "lang =")), "title": "TT307"}
    assert tab["col"] == "2" and tab["title"] == "TT102"
    assert "," in str(path) and ":" in str(path)
    assert 'not "50%25"' in annotations[0]  # the % escaped, the quotes as they are
    assert "docs/writing-lessons.md#tt307" in annotations[0]


def test_workflow_command_escaping() -> None:
    line = workflow_command("error", {"file": "a,b:c.md", "title": "T1"}, "50% done\r\nnext")
    assert line == "::error file=a%2Cb%3Ac.md,title=T1::50%25 done%0D%0Anext"
    assert properties(line) == {"file": "a,b:c.md", "title": "T1"}


def test_several_paths_as_pre_commit_passes_them(run_cli: RunCli, tmp_path: Path) -> None:
    good = write(tmp_path / "mine", "good.md", lesson(BODY, id="good"))
    bad = write(tmp_path / "mine", "bad.md", lesson(BODY, id="bad", lang="EN"))
    indented = lesson("## S\n\n    " + CHOICE.format(id="q"), id="also-bad")
    other = write(tmp_path / "other", "also-bad.md", indented)
    result = run_cli("check", str(good), str(bad), str(other))
    assert result.returncode == 1
    assert f"{bad}:" in result.stdout and f"{other}:" in result.stdout
    assert f"{good}:" not in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "2 problems in 2 of 3 lesson files."


def test_translation_drift_found_when_only_one_file_is_given(
    run_cli: RunCli, tmp_path: Path
) -> None:
    body = BODY + "\n## Two\n\nMore.\n"
    write(tmp_path / "lessons" / "en", "demo.md", lesson(body, id="mine"))
    drifted = body.replace("## Two", "### Two")
    de = write(tmp_path / "lessons" / "de", "demo.md", lesson(drifted, id="mine", lang="de"))
    result = run_cli("check", str(de))
    assert result.returncode == 1, result.stdout
    (row,) = [r for r in result.stdout.splitlines() if "TT603" in r]
    assert row.startswith(f"{de}:{line_of(lesson(drifted), '### Two')}: TT603 ")
    assert "the English version" in row and "write it with '## '" in row


def test_example_with_the_wrong_verdict(run_cli: RunCli, tmp_path: Path) -> None:
    example = '\n[[examples]]\nanswer = "2"\npasses = true\n```'
    text = lesson(BODY.replace("correct = false\n```", "correct = false\n" + example))
    path = write(tmp_path / "mine", "ex.md", text)
    result = run_cli("check", str(path))
    assert result.returncode == 1
    line = line_of(text, "[[examples]]")
    assert f"{path}:{line}: TT503 example 1 should pass but fails with score 0" in result.stdout


def test_wildcards_in_words_match_word_parts(run_cli: RunCli, tmp_path: Path) -> None:
    compose = (
        '```exercise\nid = "w"\ntype = "compose"\nprompt = "Schreib."\n\n'
        '[[checks]]\nrule = "avoids"\nwords = ["innovativ*", "*morgen"]\n```\n'
    )
    path = write(tmp_path / "mine", "w.md", lesson("## S\n\n" + compose, lang="de"))
    tweet = "Heute früh am Montagmorgen habe ich unsere innovativen Ideen im Team vorgestellt."
    graded = run_cli("grade", "--json", "--lesson-file", str(path), "--exercise", "w", tweet)
    check = next(c for c in json.loads(graded.stdout)["checks"] if c["rule"] == "avoids")
    assert not check["passed"]
    assert "innovativen" in check["message"] and "Montagmorgen" in check["message"]


def test_pre_commit_hook_definition() -> None:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "twitter-tutor-check"
    assert hook["entry"] == "twitter-tutor check"
    assert hook["language"] == "python"
    assert hook["files"] == r"\.md$"
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    for name in ("lessons/de/01-intro.md", "intro.md"):
        assert files.search(name) and not exclude.search(name)
    for name in ("README.md", "lessons/readme.md", "docs/CHANGELOG.md", "lessons/_draft.md"):
        assert exclude.search(name), name
