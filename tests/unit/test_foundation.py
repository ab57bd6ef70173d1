"""Settings validation, secret redaction and text normalization."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from segue.config import load_settings
from segue.errors import ConfigError, UnknownSeedError
from segue.logs import RedactingFilter, redact
from segue.text import artist_key, base_title, fold, normalize_name


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


def test_redaction_masks_tokens_and_keys() -> None:
    token = "MTA1234567890123456789012.GabcdE.abcdefghijklmnopqrstuvwxyz12345"
    text = f"connecting with {token} and api_key=0123456789abcdef0123 Authorization: Bot sekrit-value-123"
    out = redact(text)
    assert token not in out
    assert "0123456789abcdef0123" not in out
    assert "sekrit-value-123" not in out
    assert "connecting with" in out


def test_redacting_filter_rewrites_args() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "key %s", ("token=supersecretvalue",), None)
    RedactingFilter().filter(record)
    assert "supersecretvalue" not in record.getMessage()


def test_unknown_seed_suggests() -> None:
    err = UnknownSeedError("artist", "radiohed", ["Radiohead"])
    assert "Radiohead" in err.user_message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Beyoncé", "beyonce"), ("Sigur Rós", "sigur ros"), ("Mötley Crüe", "motley crue"), ("Røyksopp", "royksopp")],
)
def test_fold(raw: str, expected: str) -> None:
    assert fold(raw) == expected


def test_names_and_titles() -> None:
    assert normalize_name("  AC/DC ") == "ac dc"
    assert artist_key("The Beatles") == artist_key("Beatles")
    assert artist_key("Drake feat. Rihanna") == "drake"
    assert base_title("Bohemian Rhapsody - Remastered 2011") == "bohemian rhapsody"
    assert base_title("Creep (Live)") == "creep"
    assert base_title("Live Forever") == "live forever"
