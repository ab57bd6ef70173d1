"""The gateway: an aiohttp websocket speaking Discord's v10 protocol to a real discord.py client.

HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME with replay of every event after the client's last
sequence number, INVALID_SESSION, RECONNECT, sharding by `(guild_id >> 22) % shard_count`, intents (including the
MESSAGE_CONTENT rule), and transport compression: zlib-stream (one compressobj per connection, Z_SYNC_FLUSH per
message) and zstd-stream, which discord.py 2.7 asks for whenever `zstandard` is installed (its [speed] extra).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import zlib
from collections import Counter, deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from aiohttp import WSMsgType, web

from fakediscord.constants import (
    ALL_INTENTS,
    PRIVILEGED_INTENTS,
    SUPPORTED_API_VERSIONS,
    CloseCode,
    Intent,
    Opcode,
    shard_for,
)
from fakediscord.payloads import guild_create_payload, member_payload, user_payload
from fakediscord.records import GatewayStats
from fakediscord.waiting import Signal
from fakediscord.world import World

log = logging.getLogger(__name__)
JSON = dict[str, Any]
Payload = JSON | Callable[["Session"], JSON | None]
# Closes a client makes when it means to end its session (not resume it); 4000 is discord.py's "reconnecting".
ENDING_CLOSE_CODES = frozenset({1000, 1001})


class Encoder(Protocol):
    def encode(self, text: str) -> str | bytes: ...


class PlainEncoder:
    def encode(self, text: str) -> str:
        return text


class ZlibStreamEncoder:
    """One zlib context for the whole connection; each message ends in the Z_SYNC_FLUSH marker 00 00 ff ff."""

    def __init__(self) -> None:
        self._compressor = zlib.compressobj()

    def encode(self, text: str) -> bytes:
        return self._compressor.compress(text.encode()) + self._compressor.flush(zlib.Z_SYNC_FLUSH)


class ZstdStreamEncoder:
    """One zstd frame for the whole connection, flushed per message so each websocket message decodes whole."""

    def __init__(self) -> None:
        import zstandard  # discord.py[speed] brings it; only a client asking for zstd-stream needs it

        self._flush_mode = zstandard.COMPRESSOBJ_FLUSH_BLOCK
        self._compressor = zstandard.ZstdCompressor().compressobj()

    def encode(self, text: str) -> bytes:
        return self._compressor.compress(text.encode()) + self._compressor.flush(self._flush_mode)


def make_encoder(compress: str | None) -> Encoder:
    if not compress:
        return PlainEncoder()
    if compress == "zlib-stream":
        return ZlibStreamEncoder()
    if compress == "zstd-stream":
        return ZstdStreamEncoder()
    raise ValueError(f"unsupported compress={compress!r}")


@dataclass(eq=False)
class Session:
    """A gateway session: survives its connection so a RESUME can pick it up and replay what it missed."""

    id: str
    shard_id: int
    shard_count: int
    intents: int
    buffer: deque[JSON]
    seq: int = 0
    connection: Connection | None = None
    invalidated: bool = False
    presence: JSON | None = None

    def wants(self, intent: int) -> bool:
        return bool(self.intents & intent)

    def routes(self, guild_id: int | None) -> bool:
        if guild_id is None:
            return self.shard_id == 0  # DMs go to shard 0, as on Discord
        return shard_for(guild_id, self.shard_count) == self.shard_id


@dataclass(eq=False)
class Connection:
    """One websocket; frames go through a queue so compression and sending keep their order."""

    ws: web.WebSocketResponse
    request: web.Request
    encoder: Encoder
    counters: Counters
    session: Session | None = None
    queue: asyncio.Queue[JSON | int] = field(default_factory=asyncio.Queue)
    ended: asyncio.Event = field(default_factory=asyncio.Event)

    def send(self, frame: JSON) -> None:
        self.queue.put_nowait(frame)

    def close(self, code: int) -> None:
        """Close after the frames already queued are sent."""
        self.queue.put_nowait(code)

    def abort(self) -> None:
        """Drop the TCP connection without a close frame, like a network failure."""
        transport = self.request.transport
        if transport is not None:
            transport.abort()

    async def write_loop(self) -> None:
        while True:
            item = await self.queue.get()
            if isinstance(item, int):
                await self.ws.close(code=item)
                return
            data = self.encoder.encode(json.dumps(item, separators=(",", ":")))
            try:
                if isinstance(data, str):
                    await self.ws.send_str(data)
                else:
                    await self.ws.send_bytes(data)
            except (ConnectionError, RuntimeError):
                return
            if item.get("op") == Opcode.DISPATCH:
                self.counters.events_sent += 1


@dataclass
class Counters:
    connections: int = 0
    identifies: int = 0
    resumes: int = 0
    invalid_sessions: int = 0
    reconnect_requests: int = 0
    heartbeats: int = 0
    events_sent: int = 0
    events_replayed: int = 0
    events_undelivered: int = 0
    close_codes: Counter[int] = field(default_factory=Counter)

    def snapshot(self) -> GatewayStats:
        return GatewayStats(
            connections=self.connections,
            identifies=self.identifies,
            resumes=self.resumes,
            invalid_sessions=self.invalid_sessions,
            reconnect_requests=self.reconnect_requests,
            heartbeats=self.heartbeats,
            events_sent=self.events_sent,
            events_replayed=self.events_replayed,
            events_undelivered=self.events_undelivered,
            close_codes=dict(self.close_codes),
        )


@dataclass(frozen=True)
class GatewayConfig:
    token: str
    heartbeat_interval: float
    replay_buffer: int
    allowed_privileged_intents: int
    max_guilds_per_shard: int


def _frame(op: int, data: Any, seq: int | None = None, event: str | None = None) -> JSON:
    return {"op": int(op), "d": data, "s": seq, "t": event}


class Gateway:
    """Sessions, connections and event routing."""

    def __init__(self, world: World, config: GatewayConfig) -> None:
        self.world = world
        self.config = config
        self.counters = Counters()
        self.sessions: dict[str, Session] = {}
        self.connections: set[Connection] = set()
        self.changed = Signal()
        self.url = ""
        self.resume_url = ""
        self._open = asyncio.Event()
        self._open.set()
        self._closing = False
        # A test control: awaited when a client's close frame has been read, before the close is answered, so
        # what it dispatches is in flight to that client at the close (what Discord sent in the same moment).
        self.on_client_close: Callable[[], Awaitable[None]] | None = None

    # -- the websocket handler ------------------------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        await self._open.wait()
        if self._closing:
            return web.Response(status=503)
        try:
            encoder = make_encoder(request.query.get("compress"))
        except ValueError:
            return web.Response(status=400, text="unsupported compress")
        # A client's close is answered by hand (`_read_loop`), after the frames already queued, as Discord's own
        # close follows what it had sent: aiohttp's autoclose would answer at once and drop the queue.
        ws = web.WebSocketResponse(compress=False, max_msg_size=16 * 1024 * 1024, autoclose=False)
        await ws.prepare(request)
        conn = Connection(ws=ws, request=request, encoder=encoder, counters=self.counters)
        self.connections.add(conn)
        self.counters.connections += 1
        writer = asyncio.create_task(conn.write_loop())
        try:
            if request.query.get("encoding", "json") != "json":
                conn.close(CloseCode.DECODE_ERROR)
            elif request.query.get("v", "10") not in {str(v) for v in SUPPORTED_API_VERSIONS}:
                conn.close(CloseCode.INVALID_API_VERSION)
            else:
                conn.send(_frame(Opcode.HELLO, {"heartbeat_interval": int(self.config.heartbeat_interval * 1000)}))
                await self._read_loop(conn)
        finally:
            self._detach(conn)
            if not writer.done():
                conn.close(conn.ws.close_code or 1000)  # the client's own code echoed, as RFC 6455 asks
                with contextlib.suppress(asyncio.TimeoutError, ConnectionError):
                    await asyncio.wait_for(writer, 1.0)
                writer.cancel()
            conn.ended.set()
        return ws

    async def _read_loop(self, conn: Connection) -> None:
        while True:
            msg = await conn.ws.receive()
            if msg.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED):
                break
            if msg.type is not WSMsgType.TEXT:
                if msg.type is WSMsgType.BINARY:
                    conn.close(CloseCode.DECODE_ERROR)
                continue
            try:
                frame = json.loads(msg.data)
                op = int(frame["op"])
            except (ValueError, KeyError, TypeError):
                conn.close(CloseCode.DECODE_ERROR)
                continue
            try:
                self._on_frame(conn, op, frame.get("d"))
            except Exception:  # a stand-in bug must not look like a network failure to the client
                log.exception("gateway frame op=%s broke the stand-in", op)
                conn.close(CloseCode.UNKNOWN_ERROR)
            self.changed.notify()
        code = conn.ws.close_code
        if code is not None:
            self.counters.close_codes[code] += 1
            if msg.type is WSMsgType.CLOSE and self.on_client_close is not None:
                await self.on_client_close()
            if code in ENDING_CLOSE_CODES and conn.session is not None and conn.session.connection is conn:
                self._invalidate(conn.session)

    def _on_frame(self, conn: Connection, op: int, data: Any) -> None:
        if op == Opcode.HEARTBEAT:
            self.counters.heartbeats += 1
            conn.send(_frame(Opcode.HEARTBEAT_ACK, None))
        elif op == Opcode.IDENTIFY:
            self._identify(conn, data)
        elif op == Opcode.RESUME:
            self._resume(conn, data)
        elif conn.session is None:
            conn.close(CloseCode.NOT_AUTHENTICATED)
        elif op == Opcode.PRESENCE_UPDATE:
            conn.session.presence = data
        elif op == Opcode.REQUEST_GUILD_MEMBERS:
            self._members_chunk(conn.session, data)
        elif op != Opcode.VOICE_STATE_UPDATE:
            conn.close(CloseCode.UNKNOWN_OPCODE)

    def _identify(self, conn: Connection, data: Any) -> None:
        if conn.session is not None:
            conn.close(CloseCode.ALREADY_AUTHENTICATED)
            return
        if not isinstance(data, dict) or data.get("token") != self.config.token:
            conn.close(CloseCode.AUTHENTICATION_FAILED)
            return
        intents = data.get("intents")
        if not isinstance(intents, int) or intents & ~ALL_INTENTS:
            conn.close(CloseCode.INVALID_INTENTS)
            return
        if intents & PRIVILEGED_INTENTS & ~self.config.allowed_privileged_intents:
            conn.close(CloseCode.DISALLOWED_INTENTS)
            return
        shard = data.get("shard") or [0, 1]
        shard_id, shard_count = int(shard[0]), int(shard[1])
        if shard_count < 1 or not 0 <= shard_id < shard_count:
            conn.close(CloseCode.INVALID_SHARD)
            return
        guilds = [g for g in self.world.guilds.values() if shard_for(g.id, shard_count) == shard_id]
        if len(guilds) > self.config.max_guilds_per_shard:
            conn.close(CloseCode.SHARDING_REQUIRED)
            return
        for old in list(self.sessions.values()):
            if old.shard_id == shard_id and old.connection is None:
                self._invalidate(old)
        session = Session(
            id=secrets.token_hex(16),
            shard_id=shard_id,
            shard_count=shard_count,
            intents=intents,
            buffer=deque(maxlen=self.config.replay_buffer),
            presence=data.get("presence"),
        )
        self.sessions[session.id] = session
        session.connection = conn
        conn.session = session
        self.counters.identifies += 1
        ready: JSON = {
            "v": 10,
            "user": user_payload(self.world.bot),
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self.resume_url,
            "application": {"id": str(self.world.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "_trace": ["fakediscord"],
        }
        if "shard" in data:
            ready["shard"] = [shard_id, shard_count]
        self._push(session, "READY", ready)
        if session.wants(Intent.GUILDS):
            members = session.wants(Intent.GUILD_MEMBERS)
            for guild in guilds:
                self._push(session, "GUILD_CREATE", guild_create_payload(guild, self.world, members=members))
        self.changed.notify()

    def _resume(self, conn: Connection, data: Any) -> None:
        if not isinstance(data, dict):
            conn.close(CloseCode.DECODE_ERROR)
            return
        session = self.sessions.get(str(data.get("session_id")))
        seq = int(data.get("seq") or 0)
        replay = [] if session is None else [f for f in session.buffer if f["s"] > seq]
        complete = session is not None and (not replay or replay[0]["s"] == seq + 1) and seq <= session.seq
        if session is None or session.invalidated or data.get("token") != self.config.token or not complete:
            self.counters.invalid_sessions += 1
            conn.send(_frame(Opcode.INVALID_SESSION, False))
            return
        previous = session.connection
        if previous is not None and previous is not conn:
            previous.session = None
            previous.close(CloseCode.UNKNOWN_ERROR)
        session.connection = conn
        conn.session = session
        for frame in replay:
            conn.send(frame)
        self.counters.events_replayed += len(replay)
        self.counters.resumes += 1
        self._push(session, "RESUMED", {"_trace": ["fakediscord"]})
        self.changed.notify()

    def _members_chunk(self, session: Session, data: Any) -> None:
        if not isinstance(data, dict):
            return
        raw_ids = data.get("guild_id")
        guild_ids = raw_ids if isinstance(raw_ids, list) else [raw_ids]
        wanted = {int(u) for u in data.get("user_ids") or []}
        query = str(data.get("query") or "").lower()
        limit = int(data.get("limit") or 0)
        for raw in guild_ids:
            guild = self.world.guilds.get(int(str(raw)))
            if guild is None:
                continue
            found = [
                m
                for m in guild.members.values()
                if (m.user.id in wanted if wanted else m.user.name.lower().startswith(query))
            ]
            if limit:
                found = found[:limit]
            chunk: JSON = {
                "guild_id": str(guild.id),
                "members": [member_payload(m) for m in found],
                "chunk_index": 0,
                "chunk_count": 1,
                "not_found": [str(u) for u in wanted - {m.user.id for m in found}],
            }
            if data.get("nonce") is not None:
                chunk["nonce"] = data["nonce"]
            if data.get("presences"):
                chunk["presences"] = []
            self._push(session, "GUILD_MEMBERS_CHUNK", chunk)

    # -- event routing ---------------------------------------------------------------------------------------------

    def _push(self, session: Session, event: str, data: JSON) -> None:
        session.seq += 1
        frame = _frame(Opcode.DISPATCH, data, session.seq, event)
        session.buffer.append(frame)
        if session.connection is not None:
            session.connection.send(frame)

    def dispatch(
        self, event: str, data: Payload, *, guild_id: int | None, intent: int | None = None, track: bool = False
    ) -> int:
        """Send an event to every live session whose shard owns `guild_id`; return how many took it.

        A session whose connection is down still takes it (into its replay buffer), as Discord does.
        `data` may be a function of the session, for payloads that depend on its intents. With `track`, an event
        no session takes counts as undelivered (a user acted, and no bot could see it).
        """
        taken = 0
        for session in list(self.sessions.values()):
            if session.invalidated or not session.routes(guild_id):
                continue
            if intent is not None and not session.wants(intent):
                continue
            payload = data(session) if callable(data) else data
            if payload is None:
                continue
            self._push(session, event, payload)
            taken += 1
        if taken == 0 and track:
            self.counters.events_undelivered += 1
        return taken

    def _detach(self, conn: Connection) -> None:
        self.connections.discard(conn)
        session = conn.session
        if session is not None and session.connection is conn:
            session.connection = None
        self.changed.notify()

    def _invalidate(self, session: Session) -> None:
        session.invalidated = True
        self.sessions.pop(session.id, None)

    # -- controls for tests ----------------------------------------------------------------------------------------

    def _matching(self, shard_id: int | None) -> list[Connection]:
        return [
            c
            for c in self.connections
            if shard_id is None or (c.session is not None and c.session.shard_id == shard_id)
        ]

    async def drop(self, *, shard_id: int | None = None, code: int | None = None, within: float = 5.0) -> int:
        """Cut connections (abruptly, or with a close code); sessions stay resumable. Returns how many."""
        victims = self._matching(shard_id)
        for conn in victims:
            if code is None:
                conn.abort()
            else:
                conn.close(code)
        if victims:
            await asyncio.wait_for(asyncio.gather(*(c.ended.wait() for c in victims)), within)
        return len(victims)

    def hold(self) -> None:
        """New connections wait (their HTTP upgrade is not answered) until `release()`."""
        self._open.clear()

    def release(self) -> None:
        self._open.set()

    def request_reconnect(self, shard_id: int | None = None) -> int:
        victims = self._matching(shard_id)
        for conn in victims:
            conn.send(_frame(Opcode.RECONNECT, None))
        self.counters.reconnect_requests += len(victims)
        return len(victims)

    def invalidate(self, shard_id: int | None = None, *, resumable: bool = False) -> int:
        victims = self._matching(shard_id)
        for conn in victims:
            if conn.session is not None and not resumable:
                self._invalidate(conn.session)
            conn.send(_frame(Opcode.INVALID_SESSION, resumable))
        self.counters.invalid_sessions += len(victims)
        self.changed.notify()
        return len(victims)

    def request_heartbeat(self) -> None:
        for conn in self.connections:
            conn.send(_frame(Opcode.HEARTBEAT, None))

    def connected_shards(self) -> set[tuple[int, int]]:
        return {
            (s.shard_id, s.shard_count)
            for s in self.sessions.values()
            if s.connection is not None and not s.invalidated
        }

    async def wait_connected(self, shard_ids: Iterable[int] | None, within: float) -> None:
        wanted = None if shard_ids is None else set(shard_ids)

        def probe() -> bool | None:
            live = self.connected_shards()
            if not live:
                return None
            if wanted is not None:
                return True if wanted <= {s for s, _ in live} else None
            count = max(c for _, c in live)
            return True if set(range(count)) <= {s for s, c in live if c == count} else None

        await self.changed.wait_for(probe, within, "the bot to connect to the gateway")

    async def close(self) -> None:
        self._closing = True
        self._open.set()
        for conn in list(self.connections):
            conn.close(1001)
        ended = [c.ended.wait() for c in list(self.connections)]
        if ended:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(asyncio.gather(*ended), 2.0)
