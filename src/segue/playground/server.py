"""The playground's web side: a static page and a small JSON + server-sent-events API over `Playground`.

Every action the page takes is one POST that goes through the stand-in as a Discord client would send it; what the
bot then does (messages created, edited, deleted) streams back on `/api/events`. The page is same-origin only:
POSTs must be JSON (so another site cannot forge them without a CORS preflight we never grant) and a strict
Content-Security-Policy forbids inline script, as a second line behind the page's own escaping.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any

from aiohttp import web

from fakediscord import Activity, InteractionHandle
from segue.playground.session import Playground, PlaygroundError
from segue.playground.views import (
    command_view,
    interaction_view,
    message_view,
    state_view,
)

log = logging.getLogger(__name__)

JSON = dict[str, Any]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

ASSETS = {
    "index.html": "text/html",
    "app.js": "text/javascript",
    "markdown.js": "text/javascript",
    "style.css": "text/css",
}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
DID_NOT_RESPOND = "The application did not respond"
STREAM_BACKLOG = 1000
KEEPALIVE = 15.0
"""Seconds between SSE comments, so a closed tab is noticed (the write fails) and proxies keep the stream."""
WAIT_MAX = 30.0
BODY_MAX = 64 * 1024


def load_assets() -> dict[str, bytes]:
    """The page's files, read once at start-up from the installed package."""
    folder = resources.files("segue.playground").joinpath("web")
    return {name: folder.joinpath(name).read_bytes() for name in ASSETS}


def _id(value: Any, what: str) -> int:
    try:
        number = int(str(value))
    except ValueError:
        raise PlaygroundError(f"{what} must be an id") from None
    if number <= 0:
        raise PlaygroundError(f"{what} must be an id")
    return number


def _str(body: JSON, key: str, *, limit: int = 4000) -> str:
    value = body.get(key)
    if not isinstance(value, str):
        raise PlaygroundError(f"{key} must be text")
    if len(value) > limit:
        raise PlaygroundError(f"{key} is too long")
    return value


class PlaygroundServer:
    """Routes, the event streams, and the wait for the bot's first response to an action."""

    def __init__(self, playground: Playground, *, response_wait: float | None = None) -> None:
        self.playground = playground
        self.response_wait = response_wait or playground.fake.config.interaction_timeout + 1.0
        """How long an action waits for the bot's first response before showing Discord's failure line."""
        self._assets = load_assets()
        self._streams: set[asyncio.Queue[JSON | None]] = set()
        self._unlisten: Callable[[], None] | None = None

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard], client_max_size=BODY_MAX)
        app.router.add_get("/", self.page)
        app.router.add_get("/static/{name}", self.asset)
        app.router.add_get("/api/state", self.state)
        app.router.add_get("/api/commands", self.commands)
        app.router.add_get("/api/channels/{channel}/messages", self.messages)
        app.router.add_get("/api/interactions/{interaction}", self.interaction)
        app.router.add_get("/api/events", self.events)
        app.router.add_post("/api/command", self.command)
        app.router.add_post("/api/suggest", self.suggest)
        app.router.add_post("/api/messages", self.post_message)
        app.router.add_post("/api/click", self.click)
        app.router.add_post("/api/select", self.select)
        app.router.add_post("/api/locale", self.locale)
        app.on_startup.append(self._listen)
        app.on_shutdown.append(self._close_streams)
        return app

    # -- plumbing ------------------------------------------------------------------------------------------------

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.method == "POST" and request.content_type != "application/json":
            return web.json_response({"error": "send JSON"}, status=415)
        try:
            response = await handler(request)
        except PlaygroundError as exc:
            response = web.json_response({"error": str(exc)}, status=400)
        except web.HTTPException:
            raise
        except Exception:  # the page gets a line, the log gets the traceback
            log.exception("playground request %s %s failed", request.method, request.path)
            response = web.json_response({"error": "Something went wrong in the playground (see its log)"}, status=500)
        if not response.prepared:
            response.headers.update(SECURITY_HEADERS)
        return response

    async def _body(self, request: web.Request) -> JSON:
        try:
            body = await request.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise PlaygroundError("the body is not JSON") from None
        if not isinstance(body, dict):
            raise PlaygroundError("the body must be a JSON object")
        return body

    async def _acted(self, handle: InteractionHandle) -> web.Response:
        """Wait for the bot's first response (or Discord's window to pass) and say which."""
        try:
            await handle.wait_response(timeout=self.response_wait)
        except TimeoutError:
            return web.json_response({"interaction": str(handle.id), "answered": False, "failed": DID_NOT_RESPOND})
        return web.json_response({"interaction": str(handle.id), "answered": True, "failed": None})

    # -- the page ------------------------------------------------------------------------------------------------

    async def page(self, request: web.Request) -> web.Response:
        return web.Response(body=self._assets["index.html"], content_type="text/html", charset="utf-8")

    async def asset(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in ASSETS or name == "index.html":
            raise web.HTTPNotFound()
        return web.Response(body=self._assets[name], content_type=ASSETS[name], charset="utf-8")

    # -- reading ---------------------------------------------------------------------------------------------------

    async def state(self, request: web.Request) -> web.Response:
        return web.json_response(state_view(self.playground))

    async def commands(self, request: web.Request) -> web.Response:
        user = self.playground.user(_id(request.query.get("user"), "user"))
        channel = self.playground.channel(_id(request.query.get("channel"), "channel"))
        listed = self.playground.commands_for(user, channel)
        return web.json_response({"commands": [command_view(c) for c in listed]})

    async def messages(self, request: web.Request) -> web.Response:
        channel = _id(request.match_info["channel"], "channel")
        viewer = _id(request.query.get("viewer"), "viewer")
        shown = [message_view(m, self.playground) for m in self.playground.messages(channel, viewer)]
        return web.json_response({"messages": shown})

    async def interaction(self, request: web.Request) -> web.Response:
        """An interaction's state; `?wait=answer` (or `response`) first waits until the bot has answered."""
        handle = self.playground.interaction(_id(request.match_info["interaction"], "interaction"))
        wait = request.query.get("wait")
        try:
            if wait == "answer":
                await handle.wait_answer(timeout=WAIT_MAX)
            elif wait == "response":
                await handle.wait_response(timeout=WAIT_MAX)
        except TimeoutError:
            return web.json_response({"error": f"no {wait} within {WAIT_MAX:g} s"}, status=504)
        return web.json_response(interaction_view(handle.response(), self.playground))

    # -- acting ----------------------------------------------------------------------------------------------------

    async def command(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        handle = await self.playground.run_command(
            _id(body.get("user"), "user"), _id(body.get("channel"), "channel"), _str(body, "text")
        )
        return await self._acted(handle)

    async def locale(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        user = self.playground.set_locale(_id(body.get("user"), "user"), _str(body, "locale", limit=16))
        return web.json_response({"user": str(user.id), "locale": user.locale})

    async def suggest(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        completion = await self.playground.suggest(
            _id(body.get("user"), "user"), _id(body.get("channel"), "channel"), _str(body, "text")
        )
        listed = [{"label": s.label, "description": s.description, "text": s.text} for s in completion.suggestions]
        return web.json_response({"suggestions": listed, "usage": completion.usage})

    async def post_message(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        reply_to = body.get("reply_to")
        message = await self.playground.post(
            _id(body.get("user"), "user"),
            _id(body.get("channel"), "channel"),
            _str(body, "content"),
            reply_to=None if reply_to is None else _id(reply_to, "reply_to"),
        )
        return web.json_response({"message": message_view(message, self.playground)})

    async def click(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        handle = await self.playground.click(
            _id(body.get("user"), "user"), _id(body.get("message"), "message"), _str(body, "custom_id", limit=100)
        )
        return await self._acted(handle)

    async def select(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        values = body.get("values")
        if not isinstance(values, list) or not all(isinstance(v, str) and len(v) <= 100 for v in values):
            raise PlaygroundError("values must be a list of texts")
        handle = await self.playground.select(
            _id(body.get("user"), "user"),
            _id(body.get("message"), "message"),
            _str(body, "custom_id", limit=100),
            values,
        )
        return await self._acted(handle)

    # -- what the bot does, as it happens --------------------------------------------------------------------------

    async def _listen(self, app: web.Application) -> None:
        self._unlisten = self.playground.fake.listen(self._on_activity)

    def _on_activity(self, activity: Activity) -> None:
        if not self._streams:
            return
        event: JSON
        if activity.message is not None:
            shown = message_view(activity.message, self.playground)
            event = {"event": "message", "kind": activity.kind, "message": shown}
        elif activity.rejection is not None:
            r = activity.rejection
            event = {"event": "rejected", "status": r.status, "code": r.code, "message": r.message, "path": r.path}
        else:
            return
        for queue in list(self._streams):
            try:
                queue.put_nowait(dict(event))  # each tab its own copy: a stream must never change another's
            except asyncio.QueueFull:
                # A stalled tab: end its stream; the page reconnects and reloads the channel.
                self._streams.discard(queue)
                queue.get_nowait()
                queue.put_nowait(None)

    async def events(self, request: web.Request) -> web.StreamResponse:
        """Server-sent events: `message` (created/edited/deleted, with the message) and `rejected`."""
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache", **SECURITY_HEADERS}
        )
        await response.prepare(request)
        queue: asyncio.Queue[JSON | None] = asyncio.Queue(maxsize=STREAM_BACKLOG)
        self._streams.add(queue)
        try:
            await response.write(b"event: ready\ndata: {}\n\n")
            while True:
                try:
                    event = await asyncio.wait_for(queue.get(), timeout=KEEPALIVE)
                except TimeoutError:
                    await response.write(b": keep-alive\n\n")
                    continue
                if event is None:
                    break
                data = {key: value for key, value in event.items() if key != "event"}
                await response.write(f"event: {event['event']}\ndata: {json.dumps(data)}\n\n".encode())
        except (ConnectionResetError, ConnectionError):
            pass
        finally:
            self._streams.discard(queue)
        with contextlib.suppress(ConnectionError):
            await response.write_eof()
        return response

    async def _close_streams(self, app: web.Application) -> None:
        if self._unlisten is not None:
            self._unlisten()
            self._unlisten = None
        for queue in list(self._streams):
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(None)


async def start_site(app: web.Application, host: str, port: int) -> tuple[web.AppRunner, str]:
    """Serve `app` on host:port (0 picks a free port); returns the runner and the page's URL."""
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError:
        await runner.cleanup()
        raise
    bound = runner.addresses[0]
    shown = f"[{bound[0]}]" if ":" in str(bound[0]) else str(bound[0])
    return runner, f"http://{shown}:{bound[1]}/"
