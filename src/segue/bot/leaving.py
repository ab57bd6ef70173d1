"""Leaving the gateway without dropping what Discord had already sent.

discord.py leaves a shard through aiohttp's `close()`, which sends the close frame and then reads and throws away
every frame until Discord's answering close: an interaction Discord dispatched in that round trip had reached the
bot and was never answered (1 lost of 120 in one short SIGTERM proof; RELIABILITY.md). RFC 6455 (5.5.1) lets an
endpoint go on reading after it sent its close, so here the close frame is sent first and what arrives before
Discord's close goes through discord.py's own handler like any event; the shutdown then answers it ("restarting").

This reaches into discord.py's `Shard` (its worker task and socket); where those are not as expected, the shard
leaves the ordinary way.
"""

from __future__ import annotations

import asyncio
import logging
import struct
from typing import Any

import aiohttp
import discord

__all__ = ["leave"]

log = logging.getLogger(__name__)

NORMAL_CLOSURE = 1000
"""RFC 6455 normal closure, as discord.py closes a shard: the session ends (nothing is replayed to a later process)."""


async def leave(shard: discord.ShardInfo, *, within: float) -> int:
    """Close `shard`'s gateway, handling the frames Discord sent before it saw the close; return how many."""
    parent: Any = getattr(shard, "_parent", None)
    ws: Any = getattr(parent, "ws", None)
    sock = getattr(ws, "socket", None)
    if not isinstance(sock, aiohttp.ClientWebSocketResponse) or sock.closed or not _stop_worker_ok(parent):
        await shard.disconnect()
        return 0
    await _stop_worker(parent)  # one reader at a time on the socket
    keep_alive = getattr(ws, "_keep_alive", None)
    if keep_alive is not None:  # no heartbeat after the close frame (RFC 6455: nothing but control frames)
        keep_alive.stop()
        ws._keep_alive = None
    handled = 0
    try:
        await sock.send_frame(struct.pack("!H", NORMAL_CLOSURE), aiohttp.WSMsgType.CLOSE)
        handled = await asyncio.wait_for(_read_to_close(ws, sock), within)
    except (TimeoutError, aiohttp.ClientError, ConnectionError, RuntimeError) as exc:
        log.debug("shard %s: %r while reading to Discord's close", shard.id, exc)
    finally:
        await shard.disconnect()  # a socket already closed returns at once
    if handled:
        log.info("shard %s: %d frames arrived during the close and were handled", shard.id, handled)
    return handled


def _stop_worker_ok(parent: Any) -> bool:
    return callable(getattr(parent, "_cancel_task", None)) and hasattr(parent, "_task")


async def _stop_worker(parent: Any) -> None:
    task: asyncio.Task[None] | None = parent._task
    parent._cancel_task()
    if task is not None and task is not asyncio.current_task():
        await asyncio.wait([task])


async def _read_to_close(ws: Any, sock: aiohttp.ClientWebSocketResponse) -> int:
    handled = 0
    while True:
        msg = await sock.receive()
        if msg.type not in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
            return handled  # Discord's close (or the connection's end)
        try:
            await ws.received_message(msg.data)
        except Exception as exc:  # a RECONNECT or a bad frame: there is nothing to reconnect to now
            log.debug("%r from a frame read while leaving", exc)
            continue
        handled += 1
