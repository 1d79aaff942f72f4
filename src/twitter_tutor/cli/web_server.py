"""The web server behind `twitter-tutor serve`: textual-serve's, which runs the tutor as its own
process for each browser tab, with our page (`serve_page/index.html`).

The page differs from textual-serve's in three ways: its font comes from this server, not from
Google (a class room's network may have no internet); its few words are in the course's
language; and without `--public-url` its addresses follow the one the browser used, so a
server bound to 0.0.0.0 still gives each learner a websocket address that reaches it.

Imported only by `serve`, after it made sure textual-serve is installed: aiohttp and friends
never load for the tutor or the other commands.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

from twitter_tutor.texts import t

PAGE = Path(__file__).with_name("serve_page")
FONT_SIZE_MIN, FONT_SIZE_MAX = 8, 48


class WorkshopServer(Server):
    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        public_url: str | None,
        lang: str,
        greeting: Sequence[str] = (),
    ) -> None:
        super().__init__(
            command,
            host=host,
            port=port,
            title=t(lang, "app.title"),
            public_url=public_url,
            templates_path=PAGE,
        )
        self.fixed_url = public_url.rstrip("/") if public_url else None
        self.lang = lang
        self.greeting = list(greeting)
        """Printed once the server listens, instead of textual-serve's banner."""

    def base_url(self, request: web.Request) -> str:
        """Where the browser reaches this server: `--public-url`, else the address it used."""
        return self.fixed_url or f"{request.scheme}://{request.host}"

    async def handle_index(self, request: web.Request) -> web.Response:
        base = self.base_url(request)
        router = request.app.router
        static = f"{base}{router['static'].url_for(filename='/')}".rstrip("/") + "/"
        websocket = f"{base}{router['websocket'].url_for()}"
        websocket = ("wss:" if base.startswith("https:") else "ws:") + websocket.split(":", 1)[1]
        try:
            font_size = int(request.query.get("fontsize", "16"))
        except ValueError:
            font_size = 16
        context = {
            "lang": self.lang,
            "title": self.title,
            "loading": t(self.lang, "serve.page_loading"),
            "ended": t(self.lang, "serve.page_ended"),
            "restart": t(self.lang, "serve.page_restart"),
            "static_url": static,
            "websocket_url": websocket,
            "font_size": min(max(font_size, FONT_SIZE_MIN), FONT_SIZE_MAX),
        }
        return aiohttp_jinja2.render_template("index.html", request, context)

    async def on_startup(self, app: web.Application) -> None:
        for line in self.greeting:
            self.console.print(line, highlight=False, markup=False, soft_wrap=True)
