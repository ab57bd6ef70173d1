"""Fixtures for the state-store contract suites: `backend` (every store) and `durable` (the ones that keep data)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from support.state import Backend, open_backend

POSTGRES = pytest.param("postgres", marks=pytest.mark.postgres)


@pytest.fixture(params=["memory", "sqlite", POSTGRES])
async def backend(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    async with open_backend(request.param, tmp_path) as opened:
        yield opened


@pytest.fixture(params=["sqlite", POSTGRES])
async def durable(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    """Only the stores that keep data: a restart, a second shard and migrations apply to them."""
    async with open_backend(request.param, tmp_path) as opened:
        yield opened
