"""One engine worker's pipe, read and written by the bot's event loop itself: calls out, results back, no threads.

`concurrent.futures.ProcessPoolExecutor` moves each call through two helper threads of the bot's process (its
manager thread and a queue feeder), each woken through a pipe and each taking the GIL from the event loop; that was
~0.4 ms of CPU per /recommend in the bot besides the engine's own work (BENCHMARKS.md, issue 14). Here the loop
writes a pickled call straight to a socket pair and reads the answer when the selector says it is there.

Frames are `multiprocessing.connection.Connection`'s (a 4-byte big-endian length, or -1 and an 8-byte one), so the
worker's end is a plain `Connection` doing blocking `recv_bytes` / `send_bytes` (`answer`). A frame starts with its
call's id outside the pickle, so a payload that cannot be read fails that call alone, not the worker.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import pickle
import socket
import struct
from collections.abc import Callable
from typing import Any

__all__ = ["Channel", "WorkerLost", "answer", "read_frame"]

_SHORT = struct.Struct("!i")
_LONG = struct.Struct("!Q")
_CALL = struct.Struct("!Q")
"""A call: its id, then the pickled (function, arguments)."""
_REPLY = struct.Struct("!Q?")
"""An answer: its call's id and whether it is a result (else an exception), then the pickled value."""
READ_SIZE = 1 << 18


class WorkerLost(Exception):
    """The worker's end closed (it died, or the pool was closed) before it answered."""


def frame(payload: bytes) -> bytes:
    """`payload` as `Connection.send_bytes` frames it."""
    if len(payload) > 0x7FFFFFFF:
        return _SHORT.pack(-1) + _LONG.pack(len(payload)) + payload
    return _SHORT.pack(len(payload)) + payload


def _dumps(value: object) -> bytes:
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def answer(request: bytes) -> bytes:
    """The worker's side: run one call's frame payload and give the payload of its answer. The engine's exception
    is the answer when it raises; what would not arrive intact (a result pickle refuses, an exception whose class
    cannot be rebuilt) arrives as a `RuntimeError` naming it."""
    (call_id,) = _CALL.unpack_from(request)
    try:
        fn, args = pickle.loads(request[_CALL.size :])  # noqa: S301 - the bot's own call
        result = fn(*args)
    except Exception as exc:  # the caller gets it, as from a thread
        return _failure(call_id, exc)
    try:
        return _REPLY.pack(call_id, True) + _dumps(result)
    except Exception as exc:
        return _failure(call_id, RuntimeError(f"engine worker: result not sendable: {exc!r}"))


def _failure(call_id: int, exc: BaseException) -> bytes:
    try:
        data = _dumps(exc)
        pickle.loads(data)  # noqa: S301 - our own bytes: an exception whose class cannot be rebuilt fails here
    except Exception:
        data = _dumps(RuntimeError(f"engine worker: {exc!r}"))
    return _REPLY.pack(call_id, False) + data


def _exactly(sock: socket.socket, size: int) -> bytes:
    chunks, need = [], size
    while need:
        chunk = sock.recv(need)
        if not chunk:
            raise EOFError("worker closed its end")
        chunks.append(chunk)
        need -= len(chunk)
    return b"".join(chunks)


def read_frame(sock: socket.socket) -> bytes:
    """One frame from a blocking socket (the start-up handshake, before the loop reads this socket)."""
    (size,) = _SHORT.unpack(_exactly(sock, 4))
    if size == -1:
        (size,) = _LONG.unpack(_exactly(sock, 8))
    return _exactly(sock, size)


def _split(buffer: bytearray) -> list[bytes]:
    """Whole frames off the front of `buffer` (removed from it); a partial frame stays for the next read."""
    out: list[bytes] = []
    start = 0
    while len(buffer) - start >= 4:
        (size,) = _SHORT.unpack_from(buffer, start)
        head = 4
        if size == -1:
            if len(buffer) - start < 12:
                break
            (size,) = _LONG.unpack_from(buffer, start + 4)
            head = 12
        if len(buffer) - start < head + size:
            break
        out.append(bytes(buffer[start + head : start + head + size]))
        start += head + size
    del buffer[:start]
    return out


class Channel:
    """The bot's end of one worker's socket pair: `call` sends, the loop's reader resolves the call's future."""

    def __init__(self, sock: socket.socket, on_lost: Callable[[Channel], None]) -> None:
        self.sock = sock
        self._on_lost = on_lost
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ids = itertools.count()
        self._waiting: dict[int, asyncio.Future[Any]] = {}
        self._inbox = bytearray()
        self._outbox = bytearray()
        self._closed = False

    @property
    def busy(self) -> int:
        """Calls sent and not yet answered."""
        return len(self._waiting)

    def _attach(self) -> asyncio.AbstractEventLoop:
        """Read this socket on the running loop (the first call's loop; a new loop drops what the old one held)."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            if self._loop is not None:
                self._detach(WorkerLost("event loop changed"))
            self.sock.setblocking(False)
            loop.add_reader(self.sock.fileno(), self._readable)
            self._loop = loop
        return loop

    def call(self, fn: Callable[..., Any], args: tuple[object, ...]) -> asyncio.Future[Any]:
        """Send `fn(*args)` to the worker; the future gets its result, its exception, or `WorkerLost`."""
        if self._closed:
            raise WorkerLost("channel closed")
        loop = self._attach()
        call_id = next(self._ids)
        data = frame(_CALL.pack(call_id) + _dumps((fn, args)))
        future: asyncio.Future[Any] = loop.create_future()
        self._waiting[call_id] = future
        self._send(data)
        return future

    def _send(self, data: bytes) -> None:
        if self._outbox:  # earlier bytes still queued: keep the order
            self._outbox += data
            return
        try:
            sent = self.sock.send(data)
        except BlockingIOError:
            sent = 0
        except OSError:
            self._lost()
            return
        if sent < len(data):
            self._outbox += data[sent:]
            assert self._loop is not None
            self._loop.add_writer(self.sock.fileno(), self._writable)

    def _writable(self) -> None:
        try:
            sent = self.sock.send(self._outbox)
        except BlockingIOError:
            return
        except OSError:
            self._lost()
            return
        del self._outbox[:sent]
        if not self._outbox and self._loop is not None:
            self._loop.remove_writer(self.sock.fileno())

    def _readable(self) -> None:
        try:
            data = self.sock.recv(READ_SIZE)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._lost()
            return
        self._take(data)

    def _take(self, data: bytes) -> None:
        """Settle the calls whose whole replies `data` completes."""
        self._inbox += data
        for payload in _split(self._inbox):
            call_id, ok = _REPLY.unpack_from(payload)
            future = self._waiting.pop(call_id, None)
            if future is None or future.done():  # the caller gave up (cancelled)
                continue
            try:
                value = pickle.loads(payload[_REPLY.size :])  # noqa: S301 - our own worker's answer
            except Exception as exc:  # a result this process cannot rebuild fails its call, not the worker
                future.set_exception(RuntimeError(f"unreadable engine answer: {exc!r}"))
                continue
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)

    def _lost(self) -> None:
        if not self._closed:
            self._drain()
            self.close(WorkerLost("engine worker closed its pipe"))
            self._on_lost(self)

    def _drain(self) -> None:
        """The replies already on the socket when the worker is found gone: a send that fails because it left
        must not fail the calls it had answered (one did, under load, its reply unread)."""
        while True:
            try:
                data = self.sock.recv(READ_SIZE)
            except OSError:  # nothing more to read now (BlockingIOError) or the socket is gone
                return
            if not data:
                return
            self._take(data)

    def _detach(self, reason: BaseException | None) -> None:
        loop, self._loop = self._loop, None
        if loop is not None and not loop.is_closed():
            loop.remove_reader(self.sock.fileno())
            loop.remove_writer(self.sock.fileno())
        waiting, self._waiting = self._waiting, {}
        self._outbox.clear()
        for future in waiting.values():
            if future.done() or future.get_loop().is_closed():
                continue
            with contextlib.suppress(RuntimeError):  # a loop closed meanwhile
                if reason is None:
                    future.cancel()
                else:
                    future.set_exception(reason)

    def close(self, reason: BaseException | None = None) -> None:
        """Stop reading and close the socket (the worker reads EOF and leaves); calls still waiting get `reason`,
        or are cancelled without one."""
        if self._closed:
            return
        self._closed = True
        self._detach(reason)
        with contextlib.suppress(OSError):  # wakes a start-up read blocked on this socket, and tells the worker
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()
