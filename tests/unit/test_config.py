"""Settings validation: defaults and environment, errors naming the variable, both Discord token names."""

from __future__ import annotations

from pathlib import Path

import pytest

from segue.config import Settings, load_settings
from segue.errors import ConfigError


def test_settings_defaults_and_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SEGUE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DISCORD_TOKEN", "abc.def.ghi")
    settings = load_settings()
    assert settings.data_dir == tmp_path
    assert settings.catalog_dir == tmp_path / "catalog"
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == "abc.def.ghi"
    assert "abc.def.ghi" not in repr(settings)


def test_settings_error_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEGUE_LOG_LEVEL", "LOUD")
    monkeypatch.setenv("SEGUE_DEFAULT_COUNT", "99")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert "SEGUE_LOG_LEVEL" in info.value.user_message
    assert "SEGUE_DEFAULT_COUNT" in info.value.user_message


def test_settings_accept_both_token_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SEGUE_DISCORD_TOKEN", raising=False)
    monkeypatch.setenv("DISCORD_TOKEN", "abc")
    monkeypatch.setenv("SEGUE_FREE_TEXT", "false")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == "abc"
    assert settings.free_text is False
