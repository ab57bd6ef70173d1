"""Settings validation, secret redaction and text normalization."""

from __future__ import annotations

import inspect
import logging
import re
from pathlib import Path

import discord
import discord.webhook.async_
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


# -- interaction and webhook tokens in discord.py's DEBUG lines (issue 7.3) ---------------------------------------

INTERACTION_TOKEN = "aW50ZXJhY3Rpb246MTI0NTY3ODkwMTIzNDU2Nzg5OnNlY3JldC10b2tlbi1wYXJ0LWFhYWFhYWFhYWFhYWFhYWE"
WEBHOOK_TOKEN = "Zk3-abcDEF_ghiJKLmnoPQRstuVWXyz0123456789abcdefGHIJKLmnopqr"


def discord_token_routes() -> list[str]:
    """Every REST path template in discord.py that carries an interaction or webhook token."""
    sources = [discord.http, discord.webhook.async_]
    found = set()
    for module in sources:
        for path in re.findall(r"'(/[^'\s]*\{\w*token\}[^'\s]*)'", inspect.getsource(module)):
            found.add(path)
    return sorted(found)


def discord_url_formats() -> list[str]:
    """discord.py's log formats that print a URL (the `method, url` pairs), read from its source."""
    formats = set()
    for module in (discord.http, discord.webhook.async_):
        for fmt in re.findall(r"(?:fmt = |_log\.\w+\(\s*)'([^']*%s %s[^']*)'", inspect.getsource(module)):
            formats.add(fmt)
    return sorted(formats)


def test_the_route_list_is_read_from_discord_py() -> None:
    routes = discord_token_routes()
    assert "/interactions/{webhook_id}/{webhook_token}/callback" in routes
    assert "/webhooks/{webhook_id}/{webhook_token}/messages/@original" in routes
    assert len(routes) >= 4
    assert len(discord_url_formats()) >= 3


@pytest.mark.parametrize("route", discord_token_routes())
def test_every_token_url_shape_discord_py_logs_is_masked(route: str) -> None:
    for token in (INTERACTION_TOKEN, WEBHOOK_TOKEN):
        values = {
            "webhook_id": "1245678901234567890",
            "interaction_id": "1245678901234567890",
            "application_id": "1111111111111111111",
            "message_id": "2222222222222222222",
            "thread_id": "3333333333333333333",
            "webhook_token": token,
            "interaction_token": token,
            "token": token,
        }
        url = "https://discord.com/api/v10" + re.sub(r"\{(\w+)\}", lambda m, v=values: v[m.group(1)], route)
        for fmt in discord_url_formats():
            specs = re.findall(r"%[.\d]*[sf]", fmt)
            args: list[object] = [1.5 if spec.endswith("f") else "204" for spec in specs]
            at = fmt[: fmt.index("%s %s")].count("%")  # the `method, url` pair
            args[at : at + 2] = ["POST", url]
            record = logging.LogRecord("discord.http", logging.DEBUG, __file__, 1, fmt, tuple(args), None)
            RedactingFilter().filter(record)
            line = record.getMessage()
            assert token not in line, (route, fmt)
            assert "/api/v10/" in line
            assert "***" in line
