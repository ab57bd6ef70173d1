"""The one rule for prerequisites: skip outside CI when absent, fail in CI.

A module of `support` rather than a conftest fixture, because `from conftest import ...` can resolve to the wrong
conftest once several exist.
"""

from __future__ import annotations

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require(condition: bool, reason: str) -> None:
    """Skip outside CI when a prerequisite is absent; in CI a missing prerequisite is a failure."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)
