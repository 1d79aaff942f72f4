"""`twitter-tutor analyze` as a real subprocess: arguments, standard input, lines, JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RunCli

FIELDS = [
    "text",
    "lang",
    "weighted_length",
    "valid",
    "hashtags",
    "mentions",
    "urls",
    "cashtags",
    "emoji",
    "kinds",
    "primary",
    "signals",
]


def run_bytes(
    cli_env: dict[str, str], tmp_path: Path, *args: str, stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    """The CLI with raw bytes on standard input and raw bytes back."""
    return subprocess.run(
        [sys.executable, "-m", "twitter_tutor", "analyze", *args],
        input=stdin,
        capture_output=True,
        env=cli_env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )


def json_lines(output: bytes) -> list[dict[str, object]]:
    text = output.decode("utf-8")  # must be valid UTF-8
    assert text.endswith("\n") or text == ""
    return [json.loads(line) for line in text.splitlines()]


def test_text_argument_json(run_cli: RunCli) -> None:
    result = run_cli("analyze", "--json", "--lang", "de", "Jetzt kaufen! 50% Rabatt #sale @anna")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == FIELDS
    assert data["lang"] == "de"
    assert data["primary"] == "promotional"
    assert data["hashtags"] == ["sale"] and data["mentions"] == ["anna"]
    assert data["signals"][0] == {
        "name": "call_to_action",
        "kind": "promotional",
        "text": "Jetzt kaufen",
        "start": 0,
        "end": 12,
    }


def test_text_argument_summary(run_cli: RunCli) -> None:
    result = run_cli("analyze", "I love my coffee! What do you think? #coffee")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith('"I love my coffee! What do you think? #coffee"')
    assert "44/280, valid" in out
    assert "#coffee" in out
    assert "personal (primary)" in out or "conversational (primary)" in out
    assert '"love"' in out  # signals are quoted


def test_summary_speaks_the_interface_language(run_cli: RunCli) -> None:
    result = run_cli("analyze", "--lang", "de", "Ich bin müde.")
    assert result.returncode == 0, result.stderr
    assert "Länge" in result.stdout and "gültig" in result.stdout


def test_language_is_detected_per_text_without_lang(run_cli: RunCli) -> None:
    result = run_cli(
        "analyze", "--lines", "--json", input="Ich bin so müde heute.\nI am so tired today.\n"
    )
    assert result.returncode == 0, result.stderr
    assert [row["lang"] for row in map(json.loads, result.stdout.splitlines())] == ["de", "en"]


def test_stdin_is_one_tweet_and_one_trailing_newline_is_dropped(run_cli: RunCli) -> None:
    result = run_cli("analyze", "--json", input="Zeile eins\nZeile zwei\n\n")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["text"] == "Zeile eins\nZeile zwei\n"


def test_text_argument_keeps_its_newline(run_cli: RunCli) -> None:
    result = run_cli("analyze", "--json", "Hallo\n")
    assert json.loads(result.stdout)["text"] == "Hallo\n"


@pytest.mark.parametrize(
    ("stdin", "texts"),
    [
        (b"eins\nzwei\n", ["eins", "zwei"]),
        (b"eins\nzwei", ["eins", "zwei"]),
        (b"eins\r\nzwei\r\n", ["eins", "zwei"]),
        (b"eins\n\nzwei\n", ["eins", "", "zwei"]),
        (b"\n", [""]),
        (b"\n\n", ["", ""]),
        (b"", []),
        (b"  spaces kept \t\n", ["  spaces kept \t"]),
        (b"a\rb\n", ["a\rb"]),  # only a trailing \r goes
    ],
)
def test_lines_json(
    cli_env: dict[str, str], tmp_path: Path, stdin: bytes, texts: list[str]
) -> None:
    result = run_bytes(cli_env, tmp_path, "--lines", "--json", stdin=stdin)
    assert result.returncode == 0, result.stderr
    rows = json_lines(result.stdout)
    assert [row["text"] for row in rows] == texts
    for row in rows:
        assert list(row) == FIELDS
        assert row["valid"] is bool(str(row["text"]).strip())


def test_lines_summary(run_cli: RunCli) -> None:
    result = run_cli("analyze", "--lines", input="Hallo Welt\n\nHello world\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count('"Hallo Welt"') == 1
    assert result.stdout.count('""') == 1
    assert result.stdout.count('"Hello world"') == 1


def test_invalid_utf8_on_stdin(cli_env: dict[str, str], tmp_path: Path) -> None:
    result = run_bytes(cli_env, tmp_path, "--json", stdin=b"caf\xe9 \xff\xfe ok\n")
    assert result.returncode == 0, result.stderr
    (row,) = json_lines(result.stdout)
    # Each undecodable byte is one U+FFFD, so indices still fit the text.
    assert row["text"] == "caf\ufffd \ufffd\ufffd ok"
    assert row["valid"] is False
    summary = run_bytes(cli_env, tmp_path, stdin=b"caf\xe9\n")
    assert summary.returncode == 0
    assert b'"caf\\xe9"' in summary.stdout


def test_invalid_utf8_in_argv(cli_env: dict[str, str], tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable.encode(), b"-m", b"twitter_tutor", b"analyze", b"--json", b"ab\xffcd"],
        capture_output=True,
        env=cli_env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (row,) = json_lines(result.stdout)
    assert row["text"] == "ab\ufffdcd"


def test_markup_and_ansi_are_echoed_literally(cli_env: dict[str, str], tmp_path: Path) -> None:
    text = "[bold]Hi[/] \x1b[31mred\x1b[0m [link=x]y[/link]"
    result = run_bytes(cli_env, tmp_path, "--json", text)
    (row,) = json_lines(result.stdout)
    assert row["text"] == text
    summary = run_bytes(cli_env, tmp_path, text)
    out = summary.stdout.decode("utf-8")
    assert "[bold]Hi[/]" in out and "[link=x]y[/link]" in out
    assert "\x1b" not in out  # the terminal gets no escape sequence...
    assert "\\x1b[31mred" in out  # ...but sees that there was one


def test_bidi_overrides_are_shown_not_applied(cli_env: dict[str, str], tmp_path: Path) -> None:
    summary = run_bytes(cli_env, tmp_path, "abc\u202edef")
    out = summary.stdout.decode("utf-8")
    assert "\u202e" not in out and "abc\\u202edef" in out


def test_unknown_language_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("analyze", "--lang", "fr", "Bonjour")
    assert result.returncode == 2
    assert result.stderr.startswith("twitter-tutor: error:")
