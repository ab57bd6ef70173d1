"""Errors carry one friendly sentence for users."""

from __future__ import annotations

from segue.errors import UnknownSeedError


def test_unknown_seed_suggests() -> None:
    err = UnknownSeedError("artist", "radiohed", ["Radiohead"])
    assert "Radiohead" in err.user_message
