"""`segue invite`: the two scopes, exactly the permissions Segue uses, and the application id from the token."""

from __future__ import annotations

import base64
from urllib.parse import parse_qs, urlsplit

import discord
import pytest
from typer.testing import CliRunner

from segue.bot.invite import SCOPES, application_id_from_token, invite_url, needed_permissions, permission_names
from segue.cli import app

APP_ID = 1234567890123456789


def _token(user_id: int) -> str:
    return base64.b64encode(str(user_id).encode()).decode().rstrip("=") + ".GaBcDe.not-a-real-secret"


def test_the_permissions_are_what_the_bot_does_and_nothing_more() -> None:
    wanted = needed_permissions()
    assert wanted.value == 274878024704
    granted = {name for name, on in wanted if on}
    assert granted == {
        "read_messages",  # discord.py's name for View Channels
        "read_message_history",
        "send_messages",
        "send_messages_in_threads",
        "embed_links",
        "attach_files",
    }
    assert "View Channels" in permission_names(wanted)


def test_the_url_has_both_scopes_and_the_integer() -> None:
    query = parse_qs(urlsplit(invite_url(APP_ID, guild_id=42)).query)
    assert query["client_id"] == [str(APP_ID)]
    assert query["scope"] == [" ".join(SCOPES)] == ["bot applications.commands"]
    assert query["permissions"] == [str(needed_permissions().value)]
    assert query["guild_id"] == ["42"]
    assert discord.Permissions(int(query["permissions"][0])) == needed_permissions()


def test_the_application_id_comes_from_the_token() -> None:
    assert application_id_from_token(_token(APP_ID)) == APP_ID
    assert application_id_from_token("not a token") is None
    assert application_id_from_token("aGVsbG8.x.y") is None  # "hello": not an id


def test_segue_invite_prints_the_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEGUE_DISCORD_TOKEN", _token(APP_ID))
    result = CliRunner().invoke(app, ["invite"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == invite_url(APP_ID)
    given = CliRunner().invoke(app, ["invite", "--client-id", "987654321098765432"])
    assert "client_id=987654321098765432" in given.stdout


def test_segue_invite_without_an_id_says_where_to_find_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SEGUE_DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.chdir("/")  # no .env with a token
    result = CliRunner().invoke(app, ["invite"])
    assert result.exit_code == 2
    assert "--client-id" in result.output
