"""Request ids: each interaction or message gets one as it arrives, before discord.py starts any task for it.

discord.py parses a gateway event and starts the tasks that handle it (the command tree's invoker, a button's
callback, event listeners) in one synchronous call; tasks copy the context they are created in, so setting
`segue.logs.request_id` around that call tags every log line of the request, down to the live sources and the
reply, without touching a handler. The id is the Discord id of the interaction or message, so a line can be
matched with what Discord saw.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar

import discord

from segue.logs import request_id

TRACED_EVENTS = {"INTERACTION_CREATE": "i", "MESSAGE_CREATE": "m"}
P = ParamSpec("P")
T = TypeVar("T")


class ContextThreadPool(ThreadPoolExecutor):
    """A thread pool whose work runs in the submitter's context, so the engine's log lines on its threads carry
    the request id too (`loop.run_in_executor` does not copy the context; `asyncio.to_thread` does)."""

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        context = contextvars.copy_context()
        return super().submit(lambda: context.run(fn, *args, **kwargs))


def _traced(parse: Callable[[Any], None], prefix: str) -> Callable[[Any], None]:
    def parse_with_id(data: Any) -> None:
        token = request_id.set(f"{prefix}{data.get('id', '?') if isinstance(data, dict) else '?'}")
        try:
            parse(data)
        finally:
            request_id.reset(token)

    return parse_with_id


def skip_own_messages(client: discord.Client) -> None:
    """Drop MESSAGE_CREATE for the bot's own messages before discord.py builds a `Message` and starts a task per
    `on_message` listener for it. Every answer comes back as one of these, and nothing here reads them: each
    listener returns at once for its own messages, and no message cache is kept (`max_messages=None`). Once only."""
    state = client._connection
    parse = state.parsers["MESSAGE_CREATE"]
    if getattr(parse, "segue_own_skipped", False):
        return

    def parse_unless_own(data: Any) -> None:
        author = data.get("author") if isinstance(data, dict) else None
        me = state.self_id
        if me is not None and isinstance(author, dict) and author.get("id") == str(me):
            return
        parse(data)

    parse_unless_own.segue_own_skipped = True  # type: ignore[attr-defined]
    state.parsers["MESSAGE_CREATE"] = parse_unless_own


def trace_requests(client: discord.Client) -> None:
    """Wrap the client's parsers for interactions and messages (once; calling again changes nothing)."""
    parsers = client._connection.parsers
    for event, prefix in TRACED_EVENTS.items():
        parse = parsers[event]
        if not getattr(parse, "segue_traced", False):
            wrapped = _traced(parse, prefix)
            wrapped.segue_traced = True  # type: ignore[attr-defined]
            parsers[event] = wrapped
