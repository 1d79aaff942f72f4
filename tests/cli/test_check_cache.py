"""`check`'s cache of unchanged files (cli/check_cache.py): a re-check takes what did not change
from the cache, and its output is the same as without the cache, whatever happened to it.

Whether a file came from the cache is read from the figures `check` writes to the file named by
TWITTER_TUTOR_CHECK_STATS, never from the clock.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from hashlib import sha256
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_folder_words_cli import BODY as SHOP
from tests.conftest import RunCli
from tests.unit.content.lessons import lesson
from twitter_tutor.cli import check_cache, cmd_check
from twitter_tutor.cli.check_cache import FILE_NAME, STATS_ENV, CheckCache, Stats
from twitter_tutor.cli.context import Context
from twitter_tutor.content.folders import lesson_paths
from twitter_tutor.content.lesson import LessonFile
from twitter_tutor.settings import builtin_lessons_dir

# --- lessons -------------------------------------------------------------------------------

BUILTIN = len(lesson_paths(builtin_lessons_dir()))
"""`check` always loads the built-in course too (for `requires`)."""


def choice(exercise_id: str, *, choices: int = 2, example: str | None = None) -> str:
    """A choice exercise whose first choice is right; `example`: an answer that must pass."""
    entries = "".join(
        f'\n[[choices]]\ntext = "Choice {n}"\ncorrect = {"true" if n == 1 else "false"}\n'
        for n in range(1, choices + 1)
    )
    examples = f'\n[[examples]]\nanswer = "{example}"\npasses = true\n' if example else ""
    return (
        f'```exercise\nid = "{exercise_id}"\ntype = "choice"\nquestion = "Which one?"\n'
        f"{entries}{examples}```\n"
    )


def body(*exercises: str) -> str:
    return "Intro.\n\n## Step\n\nText.\n\n" + "\n".join(exercises)


WORDS = '[en]\npromotional = ["suncatcher*"]\n'


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_course(root: Path) -> Path:
    """A folder with something of every kind `check` finds, in two language folders."""
    en, de = root / "en", root / "de"
    write(en / "basics.md", lesson(body(choice("q", example="1")), id="basics"))
    write(de / "basics.md", lesson(body(choice("q", example="1")), id="basics", lang="de"))
    write(en / "drift.md", lesson(body(choice("q")), id="drift", order=2))
    write(de / "drift.md", lesson(body(choice("q", choices=3)), id="drift", lang="de", order=2))
    write(en / "dup-a.md", lesson(body(choice("q")), id="dup", order=3))
    write(en / "dup-b.md", lesson(body(choice("q", example="2")), id="dup", order=4))
    write(en / "requires.md", lesson(body(choice("q")), id="req", extra='requires = ["nope"]\n'))
    write(en / "broken.md", lesson(body(choice("q")).replace('type = "choice"', "type = choice")))
    write(en / "mismatch.md", lesson(body(choice("q", example="2")), id="mismatch", order=5))
    write(en / "shop.md", lesson(SHOP, id="shop", order=6))
    write(en / "_words.toml", WORDS)
    return root


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return make_course(tmp_path / "course")


# --- running it ----------------------------------------------------------------------------


def run_check(
    run_cli: RunCli, tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    """The real CLI's `check ARGS` and the figures it wrote."""
    stats = tmp_path / "stats.json"
    stats.unlink(missing_ok=True)
    result = run_cli("check", *args, env={STATS_ENV: str(stats), **(env or {})})
    assert result.returncode in (0, 1), result.stderr
    return result, json.loads(stats.read_text(encoding="utf-8"))


def same(a: subprocess.CompletedProcess[str], b: subprocess.CompletedProcess[str]) -> None:
    assert (a.returncode, a.stdout, a.stderr) == (b.returncode, b.stdout, b.stderr)


def context(home: Path, lesson_dirs: tuple[Path, ...] = ()) -> Context:
    return Context(lang="en", profile="t", lesson_dirs=lesson_dirs, data_dir=home, env={})


def shown(files: list[LessonFile]) -> list[str]:
    """What `check` prints of `files` (the file count and every problem)."""
    return [str(len(files)), *(str(p) for f in files for p in f.problems)]


def in_process(
    ctx: Context, paths: list[Path], *, use_cache: bool = True
) -> tuple[list[str], Stats]:
    stats = Stats()
    files, _ = cmd_check.checked_files(ctx, paths, use_cache=use_cache, stats=stats)
    return shown(files), stats


def reference(ctx: Context, paths: list[Path]) -> list[str]:
    """`check` as it was before the cache (commit 33ca359), to hold the new flow to it."""
    from twitter_tutor.content.course import resolve
    from twitter_tutor.content.folders import lesson_paths
    from twitter_tutor.content.loader import load_file
    from twitter_tutor.content.translations import partner_paths, translation_problems
    from twitter_tutor.grading.self_test import with_example_problems

    entries: dict[Path, tuple[Path, Path]] = {}
    for source in ctx.sources:
        for path in lesson_paths(source):
            entries.setdefault(path.resolve(), (path, source))
    report: set[Path] = set()
    for given in paths:
        source = given if given.is_dir() else given.parent
        for path in lesson_paths(given):
            report.add(path.resolve())
            entries[path.resolve()] = (path, source)
    if not paths:
        report = set(entries)
    keys = list(entries)
    loaded = [load_file(path, source) for path, source in entries.values()]
    if paths:
        known = set(keys)
        sniffed: dict[Path, str | None] = {}
        for key, f in zip(keys, list(loaded), strict=True):
            if key not in report or f.meta is None:
                continue
            for candidate in partner_paths(f.path, f.meta.id, sniffed):
                if candidate.resolve() not in known:
                    known.add(candidate.resolve())
                    loaded.append(load_file(candidate, candidate.parent))
    course = resolve(loaded)
    targets = [f for key, f in zip(keys, course.files, strict=False) if key in report]
    drift = translation_problems(course.active(), {f.path for f in targets})
    targets = [replace(f, problems=(*f.problems, *drift.get(f.path, ()))) for f in targets]
    checked = [cmd_check._in_file_order(f) for f in with_example_problems(targets)]
    return shown(checked + cmd_check._words_files([f.path for f in targets]))


# --- through the real CLI ------------------------------------------------------------------


def test_a_second_run_is_served_from_the_cache(
    run_cli: RunCli, tmp_path: Path, course: Path
) -> None:
    first, stats = run_check(run_cli, tmp_path, str(course))
    assert first.returncode == 1
    assert stats["cache"] == "empty" and stats["saved"] is True
    assert stats["from_cache"] == 0 and stats["graded"] == 9
    assert (tmp_path / "home" / FILE_NAME).is_file()
    second, stats = run_check(run_cli, tmp_path, str(course))
    same(first, second)
    assert stats["cache"] == "read"
    assert stats["loaded"] == stats["graded"] == stats["pairs_compared"] == 0
    assert stats["from_cache"] == stats["files"] == 10 + BUILTIN  # and the built-in course
    assert stats["pairs_cached"] == 2  # the pairs with a file reported: those in the folder
    uncached, stats = run_check(run_cli, tmp_path, "--no-cache", str(course))
    same(first, uncached)
    assert stats["cache"] == "off" and stats["from_cache"] == 0 and stats["saved"] is False


@pytest.mark.parametrize("output", [["--format", "json"], ["--format", "github"], ["--json"]])
def test_every_output_format_is_the_same_from_the_cache(
    run_cli: RunCli, tmp_path: Path, course: Path, output: list[str]
) -> None:
    first, _ = run_check(run_cli, tmp_path, *output, str(course))
    second, stats = run_check(run_cli, tmp_path, *output, str(course))
    assert stats["loaded"] == 0
    same(first, second)
    same(first, run_check(run_cli, tmp_path, "--no-cache", *output, str(course))[0])


def test_editing_one_file_checks_only_that_file_again(
    run_cli: RunCli, tmp_path: Path, course: Path
) -> None:
    run_check(run_cli, tmp_path, str(course))
    path = course / "en" / "mismatch.md"
    path.write_text(path.read_text(encoding="utf-8").replace('answer = "2"', 'answer = "1"'))
    after, stats = run_check(run_cli, tmp_path, str(course))
    assert stats["loaded"] == stats["graded"] == 1
    assert stats["from_cache"] == stats["files"] - 1
    assert "mismatch.md" not in after.stdout
    same(after, run_check(run_cli, tmp_path, "--no-cache", str(course))[0])


def test_editing_the_words_file_checks_its_folder_again(
    run_cli: RunCli, tmp_path: Path, course: Path
) -> None:
    before, _ = run_check(run_cli, tmp_path, str(course))
    assert "shop.md" not in before.stdout  # the example fails only with the folder's words
    write(course / "en" / "_words.toml", '[en]\npromotional = ["sunshade*"]\n')
    after, stats = run_check(run_cli, tmp_path, str(course))
    assert stats["loaded"] == 8  # every lesson in en/, none in de/ or the built-in course
    assert "shop.md:" in after.stdout and "TT503 example 1 should fail but passes" in after.stdout
    same(after, run_check(run_cli, tmp_path, "--no-cache", str(course))[0])
    (course / "en" / "_words.toml").unlink()
    gone, stats = run_check(run_cli, tmp_path, str(course))
    assert stats["loaded"] == 8
    same(gone, after)


def test_drift_made_by_editing_only_the_partner_is_reported(
    run_cli: RunCli, tmp_path: Path, course: Path
) -> None:
    first = course / "en" / "basics.md"
    run_check(run_cli, tmp_path, str(course))
    run_check(run_cli, tmp_path, str(first))  # as pre-commit runs it: one file
    write(course / "de" / "basics.md", lesson(body(choice("q", choices=3)), id="basics", lang="de"))
    whole, stats = run_check(run_cli, tmp_path, str(course))
    assert stats["loaded"] == 1 and stats["pairs_compared"] == 1
    assert "de/basics.md:" in whole.stdout and "TT606" in whole.stdout
    same(whole, run_check(run_cli, tmp_path, "--no-cache", str(course))[0])
    # Only the unchanged English file named: its translation changed, so it is reported.
    single, stats = run_check(run_cli, tmp_path, str(first))
    assert stats["pairs_compared"] == 1
    assert f"{first}:" in single.stdout and "TT606" in single.stdout
    same(single, run_check(run_cli, tmp_path, "--no-cache", str(first))[0])


def _checksum(body: bytes) -> bytes:
    return sha256(body).hexdigest().encode() + b"\n" + body


def _wrong_entries(raw: bytes) -> bytes:
    """Every entry's fields of the wrong type, under a checksum that fits."""
    data = json.loads(raw.partition(b"\n")[2])
    for entry in data["files"].values():
        entry.update(problems=[["x", None, 1, 2, 3]], meta={"id": 7}, has_lesson="yes")
    for entry in data["pairs"].values():
        entry["problems"] = [[5, []]]
    return _checksum(json.dumps(data).encode())


CORRUPTIONS = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "empty": lambda raw: b"",
    "garbage": lambda raw: os.urandom(4096),
    "one byte changed": lambda raw: raw[:-40] + bytes([raw[-40] ^ 1]) + raw[-39:],
    "not json": lambda raw: _checksum(b"{]"),
    "a list": lambda raw: _checksum(b"[]"),
    "wrong types": _wrong_entries,
    "other format": lambda raw: raw.replace(b'"format":1', b'"format":"1"'),
}


@pytest.mark.parametrize("damage", sorted(CORRUPTIONS))
def test_a_damaged_cache_is_ignored(
    run_cli: RunCli, tmp_path: Path, course: Path, damage: str
) -> None:
    first, _ = run_check(run_cli, tmp_path, str(course))
    cache = tmp_path / "home" / FILE_NAME
    cache.write_bytes(CORRUPTIONS[damage](cache.read_bytes()))
    damaged, stats = run_check(run_cli, tmp_path, str(course))
    same(first, damaged)
    assert stats["from_cache"] == 0 and stats["graded"] == 9
    repaired, stats = run_check(run_cli, tmp_path, str(course))  # written anew
    same(first, repaired)
    assert stats["cache"] == "read" and stats["loaded"] == 0


def test_a_folder_in_place_of_the_cache_is_no_obstacle(
    run_cli: RunCli, tmp_path: Path, course: Path
) -> None:
    (tmp_path / "home" / FILE_NAME).mkdir(parents=True)
    result, stats = run_check(run_cli, tmp_path, str(course))
    assert stats["cache"] == "unusable" and stats["from_cache"] == 0
    same(result, run_check(run_cli, tmp_path, "--no-cache", str(course))[0])
    assert not [p for p in (tmp_path / "home").iterdir() if p.name != FILE_NAME]  # no temp files


def test_a_data_folder_that_cannot_be_made_only_costs_the_cache(
    run_cli: RunCli, tmp_path: Path, course: Path
) -> None:
    blocker = write(tmp_path / "a-file", "not a folder")
    env = {"TWITTER_TUTOR_HOME": str(blocker / "home")}
    result, stats = run_check(run_cli, tmp_path, str(course), env=env)
    assert stats["cache"] == "unusable" and stats["saved"] is False
    same(result, run_check(run_cli, tmp_path, "--no-cache", str(course))[0])


def test_a_cache_that_can_be_neither_read_nor_replaced_only_costs_the_cache(
    run_cli: RunCli, tmp_path: Path, course: Path
) -> None:
    # A folder where the cache file should be: reading it fails and so does replacing it,
    # for root too (chmod would not stop root, and CI runs as root).
    first, _ = run_check(run_cli, tmp_path, str(course))
    cache = tmp_path / "home" / FILE_NAME
    cache.unlink()
    cache.mkdir()
    (cache / "keep").write_text("x", "utf-8")
    result, stats = run_check(run_cli, tmp_path, str(course))
    assert stats["cache"] == "unusable" and stats["from_cache"] == 0
    assert stats["saved"] is False
    same(first, result)
    assert cache.is_dir()


def test_checks_running_at_once_share_the_cache(
    cli_env: dict[str, str], tmp_path: Path, course: Path
) -> None:
    command = [sys.executable, "-m", "twitter_tutor", "check", str(course)]
    runs = [
        subprocess.Popen(command, env=cli_env, stdout=subprocess.PIPE, text=True, cwd=tmp_path)
        for _ in range(4)
    ]
    outputs = {run.communicate(timeout=120)[0] for run in runs}
    assert len(outputs) == 1 and {run.returncode for run in runs} == {1}
    assert [p.name for p in (tmp_path / "home").iterdir()] == [FILE_NAME]  # no temp files left
    stats = tmp_path / "stats.json"
    after = subprocess.run(
        command,
        env={**cli_env, STATS_ENV: str(stats)},
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert after.stdout in outputs
    assert json.loads(stats.read_text())["loaded"] == 0


# --- in-process ----------------------------------------------------------------------------


@pytest.mark.parametrize("named", ["folder", "one file", "its partner", "as a source"])
def test_the_same_problems_as_before_the_cache(tmp_path: Path, course: Path, named: str) -> None:
    paths = {
        "folder": [course],
        "one file": [course / "en" / "drift.md"],  # its German partner is found and compared
        "its partner": [course / "de" / "drift.md", course / "en" / "dup-b.md"],
        "as a source": [],
    }[named]
    ctx = context(tmp_path / "home", (course,) if named == "as a source" else ())
    expected = reference(ctx, paths)
    assert in_process(ctx, paths, use_cache=False)[0] == expected
    assert in_process(ctx, paths)[0] == expected  # written
    again, stats = in_process(ctx, paths)  # read
    assert again == expected
    assert stats.cache == "read" and stats.loaded == 0


def test_examples_of_a_file_first_seen_unreported_are_graded_once_reported(
    tmp_path: Path, course: Path
) -> None:
    ctx = context(tmp_path / "home")
    _, stats = in_process(ctx, [course / "en" / "basics.md"])  # the German one as its partner
    assert stats.graded == 1 and stats.loaded == BUILTIN + 2
    found, stats = in_process(ctx, [course / "de" / "basics.md"])
    assert stats.graded == stats.loaded == 1  # the English one, now its partner, is cached
    assert found == reference(ctx, [course / "de" / "basics.md"])


def test_a_duplicate_id_appearing_and_going_is_resolved_each_run(
    tmp_path: Path, course: Path
) -> None:
    ctx = context(tmp_path / "home")
    in_process(ctx, [course])
    extra = write(course / "en" / "extra.md", lesson(body(choice("q")), id="mismatch", order=9))
    found, stats = in_process(ctx, [course])
    assert stats.loaded == 1
    assert found == reference(ctx, [course])
    assert any("TT601" in line for line in found)
    extra.unlink()
    found, stats = in_process(ctx, [course])
    assert stats.loaded == 0
    assert found == reference(ctx, [course])


def test_parallel_grading_gives_the_same_problems(
    tmp_path: Path, course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = context(tmp_path / "home")
    expected = in_process(ctx, [course], use_cache=False)[0]
    monkeypatch.setattr(cmd_check, "PARALLEL_FROM", 2)
    monkeypatch.setattr(cmd_check, "_cores", lambda: 2)
    found, stats = in_process(ctx, [course], use_cache=False)
    assert stats.workers == 2 and found == expected

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", broken)
    found, stats = in_process(ctx, [course], use_cache=False)
    assert stats.workers == 0 and found == expected


def test_another_checker_does_not_use_the_cache(
    tmp_path: Path, course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = context(tmp_path / "home")
    in_process(ctx, [course])
    monkeypatch.setattr(check_cache, "code_fingerprint", lambda: "a changed rule")
    _, stats = in_process(ctx, [course])
    assert stats.cache == "empty" and stats.from_cache == 0


def test_the_fingerprint_follows_the_code(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    rule = write(package / "grading" / "rules.py", "LIMIT = 1\n")
    write(package / "__pycache__" / "x.pyc", "compiled")
    before = check_cache.code_fingerprint(package)
    assert check_cache.code_fingerprint(package) == before
    write(package / "__pycache__" / "y.pyc", "compiled")
    assert check_cache.code_fingerprint(package) == before
    rule.write_text("LIMIT = 2\n")
    os.utime(rule, ns=(1, 1))
    changed = check_cache.code_fingerprint(package)
    assert changed != before
    os.utime(rule, ns=(2, 2))
    assert check_cache.code_fingerprint(package) != changed
    write(package / "analysis" / "lexicons" / "en.toml", "[x]\n")
    assert check_cache.code_fingerprint(package) != changed


def test_the_language_is_part_of_the_key(tmp_path: Path, course: Path) -> None:
    ctx = context(tmp_path / "home")
    in_process(ctx, [course])
    _, stats = in_process(replace(ctx, lang="de"), [course])
    assert stats.from_cache == 0


def test_the_cache_keeps_this_run_and_is_bounded(
    tmp_path: Path, course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = context(tmp_path / "home")
    other = make_course(tmp_path / "other")
    in_process(ctx, [course])
    monkeypatch.setattr(check_cache, "MAX_FILES", BUILTIN + 15)
    monkeypatch.setattr(check_cache, "MAX_PAIRS", 1)
    _, stats = in_process(ctx, [other])
    # This run's files (the built-in course's too) and the 5 most recent of the others.
    cache = CheckCache.open(ctx.data_dir, ctx.lang, Stats())
    assert stats.files == BUILTIN + 10
    assert len(cache.files) == BUILTIN + 15
    assert len(cache.pairs) == stats.pairs_compared == 2
    _, stats = in_process(ctx, [other])  # this run's entries were all kept
    assert stats.loaded == 0


def test_a_file_unreadable_words_file_is_never_cached(tmp_path: Path, course: Path) -> None:
    ctx = context(tmp_path / "home")
    (course / "en" / "_words.toml").unlink()
    (course / "en" / "_words.toml").mkdir()  # the loader reports it; it cannot be hashed
    expected = reference(ctx, [course])
    assert in_process(ctx, [course])[0] == expected
    found, stats = in_process(ctx, [course])
    assert found == expected and stats.loaded == 8
