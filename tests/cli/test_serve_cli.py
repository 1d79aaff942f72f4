"""`twitter-tutor serve` before it serves: usage errors (exit 2), a missing extra, a store that
cannot be used, and what each browser tab is started with. (Serving itself is tested in a real
browser: tests/browser/test_workshop_browser.py.)"""

from __future__ import annotations

import argparse
import re
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.browser.workshop import serve
from tests.conftest import RunCli
from twitter_tutor.cli.cmd_serve import is_loopback, tab_command, tab_environment
from twitter_tutor.cli.context import Context
from twitter_tutor.cli.main import main


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "tutor.example.org"])
def test_serving_beyond_this_machine_without_a_join_code_is_a_usage_error(
    run_cli: RunCli, host: str
) -> None:
    done = run_cli("serve", "--host", host)
    assert done.returncode == 2
    assert done.stderr == (
        f"twitter-tutor: error: --host {host} lets other machines connect: give a class code "
        "with --join-code CODE, or serve on 127.0.0.1 only\n"
    )


def test_the_usage_error_speaks_german(run_cli: RunCli) -> None:
    done = run_cli("--lang", "de", "serve", "--host", "0.0.0.0")
    assert done.returncode == 2
    assert "Kurscode" in done.stderr and "--join-code" in done.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--port", "0"], "--port must be a number from 1 to 65535, not '0'"),
        (["--port", "eighty"], "not 'eighty'"),
        (["--port", "70000"], "not '70000'"),
        (["--join-code", "  "], "--join-code needs a value that is not empty"),
        (["--public-url", "tutor.example.org"], "--public-url must start with http://"),
        (["--host", " "], "--host needs a value that is not empty"),
    ],
)
def test_bad_options_are_usage_errors(run_cli: RunCli, args: list[str], said: str) -> None:
    done = run_cli("serve", *args)
    assert done.returncode == 2
    assert said in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("0.0.0.0", False),
        ("::", False),
        ("10.0.0.1", False),
        ("localhost.example.org", False),
    ],
)
def test_what_counts_as_this_machine_only(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_without_the_serve_extra_it_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)  # as if it were not installed
    monkeypatch.setenv("TWITTER_TUTOR_HOME", str(tmp_path / "home"))
    assert main(["--lang", "en", "serve"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "twitter-tutor: error: serve needs textual-serve, which is not installed: "
        "pip install 'twitter-tutor[serve]'\n"
    )
    assert not (tmp_path / "home").exists()  # refused before opening any store


def test_a_store_that_cannot_be_used_is_said_at_once(run_cli: RunCli) -> None:
    # Said here, to the trainer, not later in every learner's browser tab.
    done = run_cli(
        "serve", "--store", "postgresql://nobody:secret@127.0.0.1:1/none", "--port", "8123"
    )
    assert done.returncode == 1
    assert "Cannot connect to the progress store" in done.stderr
    assert "secret" not in done.stderr and "Traceback" not in done.stderr


def test_each_tab_gets_the_codes_and_the_store_in_its_environment_not_its_command(
    tmp_path: Path,
) -> None:
    ctx = Context(
        lang="de",
        profile="trainer",
        lesson_dirs=(Path("extra"),),
        data_dir=tmp_path,
        env={},
        store_url="postgresql://tutor:pw@db/class",
    )
    command = tab_command("de")
    env = tab_environment(ctx, "Blue Bird", "boss-42")
    assert command.endswith("-m twitter_tutor --lang de --workshop")
    assert "Blue Bird" not in command and "pw" not in command and "boss-42" not in command
    assert env["TWITTER_TUTOR_JOIN_CODE"] == "Blue Bird"
    assert env["TWITTER_TUTOR_TRAINER_CODE"] == "boss-42"
    assert env["TWITTER_TUTOR_STORE"] == "postgresql://tutor:pw@db/class"
    assert env["TWITTER_TUTOR_LESSONS"] == str(Path("extra").resolve())
    # No codes given: inherited ones are cleared, so a tab never asks for a stale code.
    cleared = tab_environment(ctx, None, None)
    assert cleared["TWITTER_TUTOR_JOIN_CODE"] == cleared["TWITTER_TUTOR_TRAINER_CODE"] == ""


def test_the_tab_command_runs_the_workshop_tutor() -> None:
    args = __import__("shlex").split(tab_command("en"))
    assert args[0] == sys.executable
    from twitter_tutor.cli.main import build_parser

    parsed = build_parser(args[3:]).parse_args(args[3:])
    assert isinstance(parsed, argparse.Namespace)
    assert parsed.workshop is True and parsed.command is None and parsed.lang == "en"


def test_the_tutor_and_the_other_commands_never_load_the_web_server() -> None:
    # The plain install stays light: textual-serve and aiohttp load only when serving.
    code = (
        "import sys\n"
        "from twitter_tutor.cli.main import build_parser\n"
        "import twitter_tutor.cli.tui_launcher, twitter_tutor.tui.app\n"
        "import twitter_tutor.tui.screens.join, twitter_tutor.cli.cmd_serve\n"
        "build_parser(None).parse_args(['serve', '--port', '9000'])\n"
        "build_parser(None).parse_args(['--workshop'])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual_serve', 'aiohttp')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def _page(url: str, host: str) -> str:
    request = urllib.request.Request(url, headers={"Host": host})
    with urllib.request.urlopen(request, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def test_the_page_points_each_browser_at_the_address_it_used(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    # Bound to every network, the page must not send browsers to ws://0.0.0.0:PORT.
    with serve(tmp_path / "home", "--host", "0.0.0.0", "--join-code", "x", env=cli_env) as on:
        port = on.url.rsplit(":", 1)[1]
        page = _page(on.url, f"tutor.lan:{port}")
    assert f'data-session-websocket-url="ws://tutor.lan:{port}/ws"' in page
    assert f'href="http://tutor.lan:{port}/static/css/xterm.css"' in page
    assert "0.0.0.0" not in page
    # Nothing from elsewhere: no web font from Google, no other host at all.
    assert set(re.findall(r'(?:href=|src=|url\()"?(https?://[^/"]+)', page)) == {
        f"http://tutor.lan:{port}"
    }


def test_behind_a_proxy_the_public_url_is_used_and_the_page_speaks_german(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    with serve(
        tmp_path / "home",
        "--public-url",
        "https://tutor.example.org/class/",
        env={**cli_env, "LANG": "de_DE.UTF-8"},
    ) as on:
        page = _page(on.url, "127.0.0.1")
    assert 'data-session-websocket-url="wss://tutor.example.org/class/ws"' in page
    assert '<html lang="de">' in page and "Neu starten" in page


def test_a_port_in_use_is_one_line_not_a_traceback(run_cli: RunCli) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_cli("serve", "--port", str(port))
    assert done.returncode == 1
    assert f"cannot serve on 127.0.0.1:{port}: " in done.stderr
    assert "Traceback" not in done.stderr
    assert "Serving" not in done.stdout  # said before claiming to serve


def test_an_address_not_of_this_machine_is_one_line(run_cli: RunCli) -> None:
    done = run_cli("serve", "--host", "192.0.2.1", "--join-code", "x")  # TEST-NET-1
    assert done.returncode == 1
    assert "cannot serve on 192.0.2.1:8000: " in done.stderr and "Traceback" not in done.stderr
