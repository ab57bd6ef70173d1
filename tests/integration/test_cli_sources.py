"""`segue ask --json` on the real catalog with Last.fm pointed at a local stand-in through SEGUE_* variables."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from segue.catalog.store import Catalog
from support.sources import DOWN, FakeService, LastfmData, Wiring, lastfm

pytestmark = pytest.mark.datasets


@pytest.fixture
async def fake(wiring: Wiring) -> FakeService:
    return await wiring.start(
        lastfm(
            LastfmData(
                similar_artists={"daft punk": [("Justice", "1"), ("Cassius", "0.9"), ("Modjo", "0.7")]},
                tag_tracks={"house": [("Stardust", "Music Sounds Better With You")]},
            )
        )
    )


async def ask(data_dir: Path, fake: FakeService, text: str, **env: str) -> tuple[int, str, str]:
    """Run the CLI as a process while the stand-in keeps serving on this event loop."""
    full = {
        **os.environ,
        "SEGUE_DATA_DIR": str(data_dir),
        "SEGUE_LASTFM_API_KEY": "test-key",
        "SEGUE_LASTFM_API_BASE": fake.url("/2.0/"),
        "SEGUE_LOG_LEVEL": "WARNING",
        **env,
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "segue",
        "ask",
        "--json",
        text,
        env=full,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=120)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


def one_document(stdout: str) -> dict[str, Any]:
    doc = json.loads(stdout)  # raises unless stdout is exactly one JSON document
    assert isinstance(doc, dict)
    return doc


async def test_ask_json_shows_what_each_source_did(built_catalog: Catalog, fake: FakeService) -> None:
    code, out, err = await ask(
        built_catalog.path.parent, fake, "something like Daft Punk", SEGUE_SOURCES_DEADLINE="2.5"
    )
    assert code == 0, err
    doc = one_document(out)
    assert doc["sources"]["lastfm"] == "ok"
    assert doc["sources"]["deezer"] == "disabled"
    assert doc["degraded"] is False
    assert doc["results"]
    assert {r["source"] for r in doc["results"]} <= {"local", "lastfm", "lastfm+local"}
    assert any("lastfm" in r["source"] for r in doc["results"])  # Justice, Cassius or Modjo are in the catalog
    assert fake.hits["/2.0/"] >= 1
    assert all(q["api_key"] == "test-key" for q in fake.queries)


async def test_ask_json_with_the_source_down_still_answers_and_says_so(
    built_catalog: Catalog, fake: FakeService
) -> None:
    fake.fault = DOWN
    code, out, err = await ask(built_catalog.path.parent, fake, "something like Daft Punk", SEGUE_HTTP_MAX_RETRIES="0")
    assert code == 0, err
    doc = one_document(out)
    assert doc["sources"]["lastfm"] == "error"
    assert doc["degraded"] is True
    assert doc["results"]
    assert {r["source"] for r in doc["results"]} == {"local"}
