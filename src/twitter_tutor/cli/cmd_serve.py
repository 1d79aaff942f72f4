"""`twitter-tutor serve`: the tutor in the browser, for a workshop.

textual-serve runs `twitter-tutor --workshop` as its own process for each browser tab, so a
learner gets exactly the terminal tutor, starting at the join screen (name, class code, PIN).
Everything the tabs need comes to them in the environment: the store's URL (it may hold a
password), the lesson folders and the class code; only the language is on their command line.

textual-serve (and aiohttp) are an extra, `twitter-tutor[serve]`, imported only here and only
once the arguments are known to be good.
"""

from __future__ import annotations

import argparse
import importlib.util
import ipaddress
import os
import shlex
import socket
import sys
from collections.abc import Mapping

from twitter_tutor.cli.context import Context
from twitter_tutor.cli.errors import UsageError
from twitter_tutor.cli.output import PROG, escape
from twitter_tutor.cli.tui_launcher import TRAINER_CODE_ENV, open_progress, trainer_code
from twitter_tutor.cli.workshop_env import JOIN_CODE_ENV
from twitter_tutor.texts import said_in, t

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}: this machine only; 0.0.0.0: "
        "every network, which needs --join-code)",
    )
    parser.add_argument(
        "--port", default=str(DEFAULT_PORT), help=f"port to listen on (default {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use, when a reverse proxy stands in front "
        "(default: the address each browser asked for)",
    )
    parser.add_argument(
        "--join-code",
        metavar="CODE",
        help="the class code learners must type to join; required unless --host is loopback "
        f"(also env {JOIN_CODE_ENV}, which keeps it out of the process list)",
    )
    # SUPPRESS: the tutor's own --trainer-code (before the command) must survive this one.
    parser.add_argument(
        "--trainer-code",
        metavar="CODE",
        default=argparse.SUPPRESS,
        help=f"the code that opens the trainer's view in every tab (also env {TRAINER_CODE_ENV})",
    )


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def _port(value: str, lang: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise UsageError(t(lang, "serve.bad_port", value=repr(value)))
    return port


def _join_code(args: argparse.Namespace, ctx: Context) -> str | None:
    code: str | None = args.join_code
    if code is None:
        code = ctx.env.get(JOIN_CODE_ENV) or None
    if code is not None and not code.strip():
        raise UsageError(t(ctx.lang, "serve.empty_option", option="--join-code"))
    return code


def _public_url(value: str | None, lang: str) -> str | None:
    if value is not None and not value.startswith(("http://", "https://")):
        raise UsageError(t(lang, "serve.bad_public_url", value=repr(value)))
    return value


def check_free(host: str, port: int) -> None:
    """Bind the address and let it go again: OSError when it is taken or not this machine's.

    aiohttp binds only after its start-up hooks ran, so without this a taken port would be
    reported after "Serving the tutor at ...". SO_REUSEADDR, as aiohttp binds."""
    for family, kind, proto, _, address in socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    ):
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)


def tab_command(lang: str) -> str:
    """What textual-serve runs (through a shell) for each browser tab."""
    return shlex.join([sys.executable, "-m", "twitter_tutor", "--lang", lang, "--workshop"])


def tab_environment(
    ctx: Context, join_code: str | None, trainer: str | None
) -> Mapping[str, str]:
    """The variables each tab's tutor needs, set (or cleared, as "") over the inherited ones."""
    env = {
        JOIN_CODE_ENV: join_code or "",
        TRAINER_CODE_ENV: trainer or "",
        # Folders as this process resolved them: a tab must not read them relative to another
        # working directory, nor read --lessons twice.
        "TWITTER_TUTOR_LESSONS": os.pathsep.join(str(d.resolve()) for d in ctx.lesson_dirs),
    }
    if ctx.store_url is not None:
        env["TWITTER_TUTOR_STORE"] = ctx.store_url
    return env


def run(args: argparse.Namespace, ctx: Context) -> int:
    lang = ctx.lang
    host = args.host.strip()
    if not host:
        raise UsageError(t(lang, "serve.empty_option", option="--host"))
    port = _port(args.port, lang)
    public_url = _public_url(args.public_url, lang)
    join_code = _join_code(args, ctx)
    if join_code is None and not is_loopback(host):
        raise UsageError(t(lang, "serve.needs_join_code", host=host))
    trainer = trainer_code(args, ctx)
    if importlib.util.find_spec("textual_serve") is None:
        print(f"{PROG}: {t(lang, 'cli.error', message=t(lang, 'serve.missing_extra'))}",
              file=sys.stderr)
        return 1

    from twitter_tutor.progress import StoreError, mask_url

    # Opened (and migrated) once here, so a wrong URL or a server that is down is said now,
    # to the trainer, not later in every learner's tab. A memory store is no use: each tab
    # would have its own.
    try:
        open_progress(ctx.data_dir, lang, ctx.store_url, fallback=False).store.close()
    except StoreError as error:
        print(f"{PROG}: {t(lang, 'cli.error', message=said_in(lang, error))}", file=sys.stderr)
        return 1
    os.environ.update(tab_environment(ctx, join_code, trainer))

    from twitter_tutor.cli.web_server import WorkshopServer

    store = mask_url(ctx.store_url) if ctx.store_url is not None else str(ctx.data_dir)
    shown_host = f"[{host}]" if ":" in host else host
    url = public_url or f"http://{shown_host}:{port}"
    greeting = [
        t(lang, "serve.serving", url=url, store=escape(store)),
        t(lang, "serve.code_hint" if join_code else "serve.no_code_hint"),
        t(lang, "serve.stop_hint"),
    ]
    server = WorkshopServer(
        tab_command(lang),
        host=host,
        port=port,
        public_url=public_url,
        lang=lang,
        greeting=greeting,
    )
    try:
        check_free(host, port)
        server.serve()
    except OSError as error:  # the port is taken, or the address is not this machine's
        reason = error.strerror or str(error)
        text = t(lang, "serve.cannot_listen", host=host, port=port, reason=reason)
        print(f"{PROG}: {t(lang, 'cli.error', message=text)}", file=sys.stderr)
        return 1
    return 0
