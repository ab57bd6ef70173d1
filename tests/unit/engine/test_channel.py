"""The bot's end of an engine worker's pipe: frames as `Connection` makes them, answers matched to their calls,
large calls queued without blocking the loop, and a lost worker failing what it held."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

import pytest

from segue.engine.channel import Channel, WorkerLost, _split, answer, frame, read_frame


def _echo_worker(conn: Connection, *, replies: int | None = None) -> None:
    """Answers calls as `processes._serve` does, until EOF (or after `replies` answers, then closes)."""
    answered = 0
    while replies is None or answered < replies:
        try:
            conn.send_bytes(answer(conn.recv_bytes()))
        except (EOFError, OSError):  # the bot's end closed first, as `processes._serve` allows
            break
        answered += 1
    conn.close()


class Stubborn(Exception):
    """An exception whose class cannot be rebuilt from its pickle (a required argument it does not pass on)."""

    def __init__(self, code: int, detail: str) -> None:
        super().__init__(f"{code}: {detail}")


def _raise_stubborn() -> None:
    raise Stubborn(7, "no")


def _unpicklable() -> object:
    return lambda: None


@pytest.fixture
def pair() -> Iterator[Callable[..., Channel]]:
    threads: list[threading.Thread] = []
    lost: list[Channel] = []

    def make(**worker: Any) -> Channel:
        mine, theirs = socket.socketpair()
        thread = threading.Thread(target=_echo_worker, args=(Connection(theirs.detach()),), kwargs=worker, daemon=True)
        thread.start()
        threads.append(thread)
        return Channel(mine, lost.append)

    yield make
    for thread in threads:
        thread.join(5)


def test_frames_are_connections_frames_and_split_only_when_whole() -> None:
    mine, theirs = socket.socketpair()
    conn = Connection(theirs.detach())
    mine.sendall(frame(b"hello"))
    assert conn.recv_bytes() == b"hello"
    conn.send_bytes(b"x" * 70_000)
    assert read_frame(mine) == b"x" * 70_000
    buffer = bytearray(frame(b"one") + frame(b"two") + frame(b"three")[:6])
    assert _split(buffer) == [b"one", b"two"]
    assert bytes(buffer) == frame(b"three")[:6]
    buffer += frame(b"three")[6:]
    assert _split(buffer) == [b"three"]
    assert buffer == bytearray()
    long_header = b"\xff\xff\xff\xff" + (3).to_bytes(8, "big") + b"abc"  # the 8-byte length Connection uses past 2 GB
    assert _split(bytearray(long_header)) == [b"abc"]
    conn.close()
    mine.close()


async def test_answers_find_their_calls_and_exceptions_cross(pair: Callable[..., Channel]) -> None:
    channel = pair()
    calls = [channel.call(sorted, ((3, 1, 2),)), channel.call(len, ("four",)), channel.call(int, ("x",))]
    assert channel.busy == 3
    assert await calls[0] == [1, 2, 3]
    assert await calls[1] == 4
    with pytest.raises(ValueError, match="invalid literal"):
        await calls[2]
    assert channel.busy == 0
    channel.close()


async def test_an_answer_that_cannot_cross_fails_its_call_only(pair: Callable[..., Channel]) -> None:
    channel = pair()
    with pytest.raises(RuntimeError, match="Stubborn"):  # named, though its class cannot be rebuilt here
        await channel.call(_raise_stubborn, ())
    with pytest.raises(RuntimeError, match="result not sendable"):  # a result pickle refuses
        await channel.call(_unpicklable, ())
    assert await channel.call(len, ("still here",)) == 10
    channel.close()


async def test_a_call_larger_than_the_socket_buffer_is_queued_not_blocking(pair: Callable[..., Channel]) -> None:
    channel = pair()
    big = "y" * 3_000_000  # far past a socket pair's buffer: the rest waits in the outbox for the loop's writer
    assert await asyncio.wait_for(channel.call(len, (big,)), 10) == len(big)
    assert await channel.call(len, ("ok",)) == 2
    channel.close()


async def test_a_cancelled_call_does_not_take_the_next_answer(pair: Callable[..., Channel]) -> None:
    channel = pair()
    first = channel.call(len, ("abc",))
    first.cancel()
    assert await channel.call(len, ("abcdef",)) == 6
    channel.close()


async def test_a_worker_that_leaves_fails_its_waiting_calls(pair: Callable[..., Channel]) -> None:
    channel = pair(replies=1)
    answered = channel.call(len, ("ab",))
    stranded = channel.call(len, ("abc",))
    assert await answered == 2
    with pytest.raises(WorkerLost):
        await stranded
    with pytest.raises(WorkerLost):
        channel.call(len, ("again",))


async def test_closing_cancels_what_still_waits(pair: Callable[..., Channel]) -> None:
    channel = pair()
    waiting = channel.call(pow, (2, 10))
    channel.close()
    with pytest.raises(asyncio.CancelledError):
        await waiting


async def test_a_reply_on_the_socket_survives_a_send_that_finds_the_worker_gone() -> None:
    """Under load the worker answered, closed, and only then did the next call's send fail: the answered call
    failed too, its reply unread on the socket. The reply is read before the channel gives up."""
    mine, theirs = socket.socketpair()
    worker = threading.Thread(target=_echo_worker, args=(Connection(theirs.detach()),), kwargs={"replies": 1})
    worker.start()
    lost: list[Channel] = []
    channel = Channel(mine, lost.append)
    answered = channel.call(len, ("ab",))
    worker.join(5)  # it has answered and closed its end: the reply waits on ours, unread
    with pytest.raises(WorkerLost):
        await channel.call(len, ("abc",))
    assert await answered == 2
    assert lost == [channel]
