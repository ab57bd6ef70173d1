"""The writer's transactions: an SQLite file gets its own writer thread, and a batch cut short (the writer task
cancelled while its statements run there) still gives its connection back, so no write lock is left behind."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import create_async_engine

from segue.state import SqlStateStore, make_engine
from segue.state import batch as batch_module
from segue.state.transaction import ThreadWrites


def test_only_a_sqlite_file_gets_a_writer_thread(tmp_path: Path) -> None:
    assert ThreadWrites.for_engine(make_engine(f"sqlite+aiosqlite:///{tmp_path / 's.db'}")) is not None
    assert ThreadWrites.for_engine(create_async_engine("sqlite+aiosqlite:///:memory:")) is None
    assert ThreadWrites.for_engine(make_engine("postgresql+asyncpg://postgres@127.0.0.1:5432/test")) is None


async def test_a_batch_cancelled_on_the_writer_thread_leaves_no_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.db"
    store = SqlStateStore(make_engine(f"sqlite+aiosqlite:///{path}"), window=0.0)
    await store.ensure_schema()
    running, release = threading.Event(), threading.Event()
    original = batch_module.commit

    def held(*args: Any) -> None:
        original(*args)  # the batch's rows are written: its transaction holds SQLite's write lock
        running.set()
        release.wait(10.0)

    monkeypatch.setattr(batch_module, "commit", held)
    await store.record_answer("u", ["s1"])
    assert await asyncio.to_thread(running.wait, 10.0)
    task = store.writer._task
    assert task is not None
    task.cancel()
    await asyncio.sleep(0.05)
    release.set()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    other = sqlite3.connect(path, timeout=5.0)
    other.execute("BEGIN IMMEDIATE")  # 'database is locked' after 5 s if the cancelled batch kept its transaction
    assert other.execute("SELECT count(*) FROM shown").fetchone() == (0,)  # and nothing of it was committed
    other.rollback()
    other.close()
    store.writer._task, store.writer._inflight = None, []  # the cancelled batch went with its task
    await store.close()
