"""`segue db` and `segue user` on a real SQLite file: migrate, back up while open, export and delete one member."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from segue.cli import app
from segue.domain import Feedback
from segue.state import SqlStateStore, make_engine

runner = CliRunner()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SEGUE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SEGUE_DATABASE_URL", raising=False)
    return tmp_path


def seed(database: Path) -> None:
    async def write() -> None:
        store = SqlStateStore(make_engine(f"sqlite+aiosqlite:///{database}"))
        await store.ensure_schema()
        await store.apply_feedback(Feedback("42", "like", track_id="t1", artist_id="a1"))
        await store.apply_feedback(Feedback("43", "like", track_id="t2", artist_id="a2"))
        await store.close()

    asyncio.run(write())


def test_db_upgrade_current_and_backup(data_dir: Path) -> None:
    behind = runner.invoke(app, ["db", "current"])
    assert behind.exit_code == 1
    assert "revision none" in behind.output
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    assert runner.invoke(app, ["db", "current"]).exit_code == 0
    seed(data_dir / "segue.db")
    copy = data_dir / "backup.db"
    with sqlite3.connect(data_dir / "segue.db") as holder:  # another connection holds the file open
        holder.execute("SELECT 1")
        done = runner.invoke(app, ["db", "backup", str(copy)])
    assert done.exit_code == 0, done.output
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM feedback").fetchone() == (2,)
    again = runner.invoke(app, ["db", "backup", str(copy)])
    assert again.exit_code == 2
    assert "exists" in again.output


def test_user_export_and_delete(data_dir: Path) -> None:
    seed(data_dir / "segue.db")
    exported = runner.invoke(app, ["user", "export", "42"])
    assert exported.exit_code == 0, exported.output
    assert json.loads(exported.output)["profile"]["liked_tracks"] == ["t1"]
    refused = runner.invoke(app, ["user", "delete", "42"])
    assert refused.exit_code == 2
    assert "--yes" in refused.output
    assert runner.invoke(app, ["user", "delete", "42", "--yes"]).exit_code == 0
    assert json.loads(runner.invoke(app, ["user", "export", "42"]).output)["profile"]["liked_tracks"] == []
    assert json.loads(runner.invoke(app, ["user", "export", "43"]).output)["profile"]["liked_tracks"] == ["t2"]
    bad = runner.invoke(app, ["user", "export", "1;DROP TABLE users"])
    assert bad.exit_code == 2
    assert "not a Discord user id" in bad.output


def test_unsupported_or_unreachable_databases_get_words_not_tracebacks(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEGUE_DATABASE_URL", "mysql://x@localhost/db")
    wrong = runner.invoke(app, ["db", "upgrade"])
    assert wrong.exit_code == 2
    assert "SQLite or PostgreSQL" in wrong.output
    monkeypatch.setenv("SEGUE_DATABASE_URL", "postgresql://postgres:hunter2@127.0.0.1:9/test")
    down = runner.invoke(app, ["db", "upgrade"])
    assert down.exit_code == 1
    assert "Cannot reach" in down.output
    assert "hunter2" not in down.output


def test_analytics_reports_what_was_recorded_as_text_and_json(data_dir: Path) -> None:
    from segue.state.records import AnalyticsEvent

    async def write() -> None:
        store = SqlStateStore(make_engine(f"sqlite+aiosqlite:///{data_dir / 'segue.db'}"))
        await store.ensure_schema()
        now = time.time()
        for i, who in enumerate(("1", "2", "2")):
            await store.record_event(
                AnalyticsEvent(now - i, "recommend", who, "g", latency_ms=40.0, subjects=(("artist", "Björk"),))
            )
        await store.record_event(AnalyticsEvent(now - 30 * 86_400, "recommend", "3", subjects=(("artist", "Old"),)))
        await store.close()

    asyncio.run(write())
    text = runner.invoke(app, ["analytics", "--since", "7d"])
    assert text.exit_code == 0, text.output
    assert "3 requests since" in text.output
    assert "artists: Björk (3)" in text.output
    assert "/recommend: 3, p50 4" in text.output
    as_json = runner.invoke(app, ["analytics", "--since", "60d", "--json"])
    assert json.loads(as_json.output)["popular"]["artist"] == [["Björk", 3], ["Old", 1]]
    bad = runner.invoke(app, ["analytics", "--since", "yesterday"])
    assert bad.exit_code == 2
    assert "7d, 12h or 2w" in bad.output
