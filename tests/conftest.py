"""Shared fixtures: the dataset mirror, and whether required services must be present (CI) or may skip."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require(condition: bool, reason: str) -> None:
    """Skip outside CI when a prerequisite is absent; in CI a missing prerequisite is a failure."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    """The local mirror of the source datasets (SEGUE_DATASETS_DIR, e.g. ../shared/data)."""
    raw = os.environ.get("SEGUE_DATASETS_DIR", "")
    path = Path(raw) if raw else Path(__file__).resolve().parents[2] / "shared" / "data"
    require(
        path.is_dir() and (path / "spotify-songs").is_dir(), f"datasets not found at {path} (set SEGUE_DATASETS_DIR)"
    )
    return path
