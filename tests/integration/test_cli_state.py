"""`segue db` and `segue user` on a real SQLite file: migrate, back up while open, export and delete one member."""

from __future__ import annotations

import asyncio
import json
import sqlite3
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
