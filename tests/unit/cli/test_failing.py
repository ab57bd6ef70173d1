"""Errors that say what to do: one line for an unreachable service, the way out of a failed dataset download, the
same exit code for the same bad setting from every command, and a request nothing in which was understood."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest
from typer.testing import CliRunner

from segue.catalog.datasets import resolve_datasets
from segue.catalog.download import OFFLINE_HINT, RetryPolicy, download_datasets
from segue.catalog.store import Catalog
from segue.cli import app
from segue.cli.failing import EXIT_FAILED, EXIT_USAGE, closest_command, unreachable
from segue.config import load_settings
from segue.errors import DatasetError

NO_NETWORK = "http://nonexistent.invalid"
CLOSED_PORT = "http://127.0.0.1:9"
COMMANDS = (
    ["ask", "jazz"],
    ["similar", "artist", "Willow"],
    ["run"],
    ["playground"],
    ["catalog", "stats"],
    ["catalog", "build"],
    ["db", "upgrade"],
    ["analytics"],
    ["eval-moods"],
)


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEGUE_") or k == "SEGUE_DATASETS_DIR"}
    env.update(SEGUE_DATA_DIR=str(data_dir), SEGUE_LOG_LEVEL="INFO", **extra)
    return env


def _segue(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [sys.executable, "-m", "segue", *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=90
        )
    except subprocess.TimeoutExpired as exc:
        err = exc.stderr.decode() if isinstance(exc.stderr, bytes) else str(exc.stderr)
        pytest.fail(f"segue {' '.join(args)} still running after 90 s; stderr:\n{err[-3000:]}")


def _own_data_dir(catalog: Catalog, tmp_path: Path) -> Path:
    """A data directory of the test's own (database, lease files) around the session's built catalog."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "catalog").symlink_to(catalog.path)
    return data


async def _connect_error(url: str) -> BaseException:
    async with aiohttp.ClientSession() as session:
        try:
            await session.get(url)
        except aiohttp.ClientError as exc:
            return exc
    raise AssertionError(f"{url} answered")


@pytest.mark.slow
@pytest.mark.timeout(300)  # two cold starts of the real catalog on a busy machine, after the catalog's build
def test_run_without_network_is_one_line_and_the_traceback_waits_for_debug(
    built_catalog: Catalog, tmp_path: Path
) -> None:
    data = _own_data_dir(built_catalog, tmp_path)
    env = _env(data, SEGUE_DISCORD_TOKEN="abc.def.ghi", SEGUE_DISCORD_API_BASE=NO_NETWORK)
    done = _segue(["run"], env, tmp_path)
    assert done.returncode == EXIT_FAILED
    last = done.stderr.strip().splitlines()[-1]
    assert last == "cannot reach nonexistent.invalid: DNS lookup failed; check the network or SEGUE_DISCORD_API_BASE"
    assert "Traceback" not in done.stderr
    assert "voice will NOT be supported" not in done.stderr  # Segue does not use voice: not worth a warning

    env["SEGUE_LOG_LEVEL"] = "DEBUG"
    debug = _segue(["run"], env, tmp_path)
    assert debug.returncode == EXIT_FAILED
    assert "Traceback" in debug.stderr
    assert debug.stderr.count("voice is off (Segue does not use it)") == 1


async def test_a_refused_connection_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEGUE_DISCORD_API_BASE", CLOSED_PORT)
    error = await _connect_error(f"{CLOSED_PORT}/gateway")
    said = unreachable(error)
    assert said == "cannot reach 127.0.0.1: connection refused; check the network or SEGUE_DISCORD_API_BASE"
    assert unreachable(ValueError("not a network problem")) is None
    assert unreachable(FileNotFoundError(2, "No such file or directory")) is None  # an OSError, not the network


async def test_an_unknown_host_is_a_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SEGUE_DISCORD_API_BASE", raising=False)
    said = unreachable(await _connect_error(f"{NO_NETWORK}/x"))
    assert said == "cannot reach nonexistent.invalid: DNS lookup failed; check the network"


def test_a_command_that_said_what_failed_is_not_said_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEGUE_DATABASE_URL", "postgresql://segue:secret@127.0.0.1:9/segue")
    result = CliRunner().invoke(app, ["db", "upgrade"])
    assert result.exit_code == EXIT_FAILED
    assert result.output.strip().splitlines() == [
        "Cannot reach the database at postgresql+asyncpg://segue:***@127.0.0.1:9/segue: "
        "[Errno 111] Connect call failed ('127.0.0.1', 9)"
    ]


def test_a_failed_download_names_the_way_out(tmp_path: Path) -> None:
    with pytest.raises(DatasetError) as err:
        download_datasets(
            resolve_datasets(["spotify-songs"]),
            tmp_path,
            base_url=CLOSED_PORT,
            show_progress=False,
            retry=RetryPolicy(attempts=1),
        )
    said = err.value.user_message
    assert said.endswith(OFFLINE_HINT)
    assert "SEGUE_DATASETS_DIR" in said
    assert "segue catalog download --from DIR" in said


def test_a_wrong_datasets_dir_says_which_files_it_looked_for_and_where(tmp_path: Path) -> None:
    from segue.app import ensure_catalog

    wrong = tmp_path / "not-the-datasets"
    wrong.mkdir()
    settings = load_settings(_env_file=None, data_dir=tmp_path / "data", datasets_dir=wrong)
    with pytest.raises(DatasetError) as err:
        ensure_catalog(settings, say=False)
    said = err.value.user_message
    assert f"SEGUE_DATASETS_DIR is {wrong}" in said
    assert "hetrec2011-lastfm-2k/artists.dat" in said
    assert "spotify-songs/spotify_songs.csv" in said


@pytest.mark.parametrize("command", [["catalog", "download"], ["catalog", "build"]], ids=" ".join)
def test_catalog_commands_say_what_to_do_with_a_wrong_datasets_dir(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = tmp_path / "not-the-datasets"
    wrong.mkdir()
    monkeypatch.setenv("SEGUE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SEGUE_DATASETS_DIR", str(wrong))
    result = CliRunner().invoke(app, [*command, "--no-progress"] if command[1] == "download" else command)
    assert result.exit_code == EXIT_FAILED, result.output
    assert f"SEGUE_DATASETS_DIR is {wrong}, which does not hold the datasets" in result.output
    assert "spotify-songs" in result.output


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_the_same_bad_setting_exits_with_the_same_code_everywhere(
    command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEGUE_LOG_LEVEL", "loud")
    result = CliRunner().invoke(app, command)
    assert result.exit_code == EXIT_USAGE, result.output
    assert "SEGUE_LOG_LEVEL" in result.output


def test_gibberish_is_said_to_be_not_understood_with_examples(
    built_catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEGUE_DATA_DIR", str(built_catalog.path.parent))
    result = CliRunner().invoke(app, ["ask", "qwzzp blorf vrrk"])
    assert result.exit_code == 0, result.output
    assert "Understood:" not in result.output  # nothing was, so no reading of it (no "deep cuts") is shown
    assert "didn't understand" in result.output
    assert 'segue ask "' in result.output  # examples to copy
    assert gc.isenabled(), "the collector paused for one answer runs again after it"


def test_an_unknown_act_asked_for_is_said_without_the_not_understood_examples(
    built_catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEGUE_DATA_DIR", str(built_catalog.path.parent))
    result = CliRunner().invoke(app, ["ask", "songs like zorblax quentin"])
    assert result.exit_code == 0, result.output
    assert "I don't know 'zorblax quentin'" in result.output
    assert "didn't understand" not in result.output


def test_a_mistyped_or_guessed_command_gets_a_suggestion() -> None:
    known = ["ask", "similar", "run", "playground", "catalog"]
    assert closest_command("recommend", known) == "ask"
    assert closest_command("aks", known) == "ask"
    assert closest_command("recomend", known) == "ask"  # a typo of a guess
    assert closest_command("playgrond", known) == "playground"
    assert closest_command("zzz", known) is None
    result = CliRunner().invoke(app, ["recommend", "jazz"])
    assert result.exit_code == EXIT_USAGE
    assert "Did you mean `ask`?" in result.output


def test_a_request_not_understood_is_answered_in_its_own_language(
    built_catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'me indica 5 musicas parecidas com garota de ipanema' said 'Não conheço ...' and then English examples."""
    monkeypatch.setenv("SEGUE_DATA_DIR", str(built_catalog.path.parent))
    result = CliRunner().invoke(app, ["ask", "--lang", "pt-BR", "qwzzp blorf vrrk"])
    assert result.exit_code == 0, result.output
    assert "Não entendi" in result.output
    assert "didn't understand" not in result.output
    assert 'segue ask "algo tipo Daft Punk mas calmo"' in result.output
