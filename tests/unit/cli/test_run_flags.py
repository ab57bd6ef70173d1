"""`segue run --shard-ids 0,1 --shard-count 4`: the flags reach Settings, and a bad range is refused in words."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from segue.cli import app
from segue.cli.ask import shard_overrides
from segue.config import load_settings
from segue.errors import ConfigError, UserInputError


def test_flags_become_settings() -> None:
    settings = load_settings(_env_file=None, **shard_overrides("0,1", 4))
    assert settings.shard_ids == [0, 1]
    assert settings.shard_count == 4
    assert shard_overrides(None, None) == {}


@pytest.mark.parametrize(
    ("ids", "count", "said"),
    [
        ("0,4", 4, "within 0..3 for 4 shards; [4] are not"),
        ("1,1", 2, "must not repeat; [1]"),
        ("-1", 2, "within 0..1"),
        ("0", None, "needs SEGUE_SHARD_COUNT (or --shard-count)"),
    ],
)
def test_bad_ranges_are_refused_with_a_reason(ids: str, count: int | None, said: str) -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(_env_file=None, **shard_overrides(ids, count))
    assert said in err.value.user_message


def test_ids_that_are_not_numbers() -> None:
    with pytest.raises(UserInputError) as err:
        shard_overrides("0,one", 2)
    assert "separated by commas" in err.value.user_message


def test_segue_run_says_what_is_wrong_before_starting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEGUE_DISCORD_TOKEN", "not-used")
    result = CliRunner().invoke(app, ["run", "--shard-ids", "0,2", "--shard-count", "2"])
    assert result.exit_code == 2  # a bad setting: the usage code, as from every command
    assert "SEGUE_SHARD_IDS" in result.output
    assert "within 0..1 for 2 shards; [2] are not" in result.output
