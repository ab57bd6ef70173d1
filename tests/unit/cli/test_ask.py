"""`segue ask` as the fresh process it is each time: it imports no other command, with no source configured no
live stack, numpy starts one BLAS thread, and the collector does not walk what the start-up made; `segue run`
starts the bot with one BLAS thread too (BENCHMARKS.md, issue 14)."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from segue.bot import runner
from segue.catalog.store import Catalog
from segue.cli import app
from segue.cli.ask import _one_blas_thread
from segue.config import Settings, load_settings

LIVE_STACK = (
    "prometheus_client",
    "yarl",
    "segue.infra.http",
    "segue.infra.metrics",
    "segue.providers.base",
    "segue.providers.hub",
    "segue.engine.live.sources",
    "segue.engine.live.learned",
)

# The command as `python -m segue` runs it, told on stderr at exit: the modules it loaded, the collections the
# collector made, the objects frozen out of its view, the process's threads (Linux).
PROBE = """
import atexit, gc, json, os, runpy, sys
collections = []
gc.callbacks.append(lambda phase, info: phase == "stop" and collections.append(info["generation"]))
def told():
    tasks = len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else None
    told = {"modules": sorted(sys.modules), "collections": len(collections), "frozen": gc.get_freeze_count()}
    print(json.dumps({**told, "threads": tasks}), file=sys.stderr)
atexit.register(told)
sys.argv = ["segue", *sys.argv[1:]]
runpy.run_module("segue", run_name="__main__")
"""


def _asked(catalog: Catalog, tmp_path: Path, *args: str) -> dict[str, Any]:
    data = tmp_path / "data"
    if not data.exists():
        data.mkdir()
        (data / "catalog").symlink_to(catalog.path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SEGUE_", "OPENBLAS_"))}
    env["SEGUE_DATA_DIR"] = str(data)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["results"]
    told: dict[str, Any] = json.loads(done.stderr.strip().splitlines()[-1])
    return told


@pytest.mark.timeout(300)
def test_ask_without_sources_starts_lean(built_catalog: Catalog, tmp_path: Path) -> None:
    told = _asked(built_catalog, tmp_path, "ask", "something like Daft Punk but chill", "--json")
    modules = told["modules"]
    assert [m for m in LIVE_STACK if m in modules] == []
    commands = sorted(m for m in modules if m.startswith("segue.cli."))
    assert commands == ["segue.cli.ask", "segue.cli.collector", "segue.cli.commands", "segue.cli.failing"], (
        "another command"
    )
    assert "numpy" in modules
    # The imports, the engine's tables and the answer are left out of the collector's young passes (93 before:
    # the left-overs are typer's own imports while it reads the options) and frozen for the exit.
    assert told["collections"] <= 40
    assert told["frozen"] > 10_000
    if told["threads"] is not None:
        assert told["threads"] == 1, "numpy's BLAS started with one thread, none left spinning"


@pytest.mark.timeout(300)
def test_ask_keeps_the_name_indexes_for_the_next_ask(built_catalog: Catalog, tmp_path: Path) -> None:
    """The first `segue ask` builds the name indexes and keeps them; the next reads them and writes nothing (a copy
    it could not read would be written again)."""
    kept = tmp_path / "data" / "catalog-names.marshal"
    _asked(built_catalog, tmp_path, "ask", "something like Daft Punk but chill", "--json")
    assert kept.is_file()
    written = kept.stat().st_mtime_ns
    _asked(built_catalog, tmp_path, "ask", "songs like smells like teen spirit", "--json")
    assert kept.stat().st_mtime_ns == written
    assert not list(kept.parent.glob("*.partial"))


def test_one_blas_thread_only_over_a_built_catalog_and_the_environment_is_given_back(
    built_catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "catalog").symlink_to(built_catalog.path)
    with _one_blas_thread(load_settings(_env_file=None, data_dir=tmp_path / "data")):
        assert os.environ.get("OPENBLAS_NUM_THREADS") == "1"
    assert "OPENBLAS_NUM_THREADS" not in os.environ
    with _one_blas_thread(load_settings(_env_file=None, data_dir=tmp_path / "empty")):
        assert "OPENBLAS_NUM_THREADS" not in os.environ, "a catalog to build first keeps every core"
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")
    with _one_blas_thread(load_settings(_env_file=None, data_dir=tmp_path / "data")):
        assert os.environ["OPENBLAS_NUM_THREADS"] == "2", "the user's choice stands"
    assert os.environ["OPENBLAS_NUM_THREADS"] == "2"


def test_the_bot_runs_with_one_blas_thread_and_gives_the_environment_back(
    built_catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`segue run` loads numpy (and spawns its engine workers) inside `run_bot`: with OPENBLAS_NUM_THREADS=1 set,
    no second BLAS thread spins through the bot's start (BENCHMARKS.md, issue 14, cold start)."""
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    data = tmp_path / "data"
    data.mkdir()
    (data / "catalog").symlink_to(built_catalog.path)
    monkeypatch.setenv("SEGUE_DATA_DIR", str(data))
    monkeypatch.setenv("SEGUE_DISCORD_TOKEN", "not-used")
    monkeypatch.setattr(gc, "disable", lambda: None)  # the command turns the collector off for the bot's start
    seen: list[str | None] = []

    def run_bot(settings: Settings) -> int:
        seen.append(os.environ.get("OPENBLAS_NUM_THREADS"))
        return 0

    monkeypatch.setattr(runner, "run_bot", run_bot)
    result = CliRunner().invoke(app, ["run"])
    assert result.exit_code == 0, result.output
    assert seen == ["1"]
    assert "OPENBLAS_NUM_THREADS" not in os.environ
