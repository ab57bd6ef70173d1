"""A walk over the whole command tree (every extension loaded into one bot, as python-discord's test_cogs does).

Names kebab-case and unique, every command and option described, every string option bounded by `max_length`,
autocomplete where names come from the catalog, admin commands guild-only and hidden behind Manage Server.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import discord
import pytest

from segue.bot.client import SegueBot, intents_for
from support.bot import make_deps

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STRING, SUBCOMMAND, GROUP = 3, 1, 2
EXPECTED = {
    "recommend", "similar", "mood", "discover", "blend", "help", "ping", "info", "stats", "health", "admin", "privacy",
    "taste", "trending", "profile", "settings",
}  # fmt: skip
ADMIN = {
    "status",
    "metrics",
    "errors",
    "cache-clear",
    "sync",
    "reload",
    "listen",
    "analytics",
    "performance",
    "logs",
    "cleanup",
}


@pytest.fixture
async def tree_dicts() -> AsyncIterator[list[dict[str, Any]]]:
    base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    bot = SegueBot(make_deps(), sync_commands=False)
    try:
        for name in bot.extension_names:
            await bot.load_extension(name)
        yield [c.to_dict(bot.tree) for c in bot.tree.get_commands()]
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


def walk(node: dict[str, Any], path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    here = f"{path} {node['name']}".strip()
    yield here, node
    for option in node.get("options", []):
        yield from walk(option, here)


def test_the_expected_commands_exist(tree_dicts: list[dict[str, Any]]) -> None:
    names = [c["name"] for c in tree_dicts]
    assert set(names) == EXPECTED
    assert len(names) == len(set(names))
    admin = next(c for c in tree_dicts if c["name"] == "admin")
    assert {o["name"] for o in admin["options"]} == ADMIN


def test_every_name_is_kebab_case_and_unique_among_siblings(tree_dicts: list[dict[str, Any]]) -> None:
    for command in tree_dicts:
        for path, node in walk(command):
            assert KEBAB.match(node["name"]), path
            assert len(node["name"]) <= 32, path
            siblings = [o["name"] for o in node.get("options", [])]
            assert len(siblings) == len(set(siblings)), path


def test_every_command_and_option_is_described(tree_dicts: list[dict[str, Any]]) -> None:
    for command in tree_dicts:
        for path, node in walk(command):
            description = node.get("description", "")
            assert 1 <= len(description) <= 100, path
            assert description != "…", f"{path} has discord.py's placeholder description"


def test_every_string_option_has_a_max_length(tree_dicts: list[dict[str, Any]]) -> None:
    strings = 0
    for command in tree_dicts:
        for path, node in walk(command):
            if node.get("type") == STRING and path != command["name"]:
                strings += 1
                assert node.get("max_length") is not None, path
                assert 1 <= node["max_length"] <= 300, path
    assert strings >= 10


def test_catalog_names_autocomplete(tree_dicts: list[dict[str, Any]]) -> None:
    seen = set()
    for command in tree_dicts:
        for path, node in walk(command):
            if node.get("type") == STRING and node["name"] in {"artist", "track", "genre"}:
                assert node.get("autocomplete") is True, path
                seen.add(path)
    assert seen == {
        "recommend artist", "recommend track", "recommend genre", "similar artist", "similar track",
        "profile unlike track", "profile unblock artist",  # the member's own likes and blocks
    }  # fmt: skip


def test_count_and_novelty_are_bounded_choices(tree_dicts: list[dict[str, Any]]) -> None:
    recommend = next(c for c in tree_dicts if c["name"] == "recommend")
    options = {o["name"]: o for o in recommend["options"]}
    assert (options["count"]["min_value"], options["count"]["max_value"]) == (1, 10)
    assert [c["name"] for c in options["novelty"]["choices"]] == ["familiar", "balanced", "deep cuts"]
    assert set(options) == {"query", "artist", "track", "genre", "mood", "count", "novelty"}
    assert not any(o.get("required") for o in recommend["options"])


@pytest.mark.parametrize("group", ["admin", "settings"])
def test_admin_is_guild_only_and_hidden_behind_manage_guild(tree_dicts: list[dict[str, Any]], group: str) -> None:
    admin = next(c for c in tree_dicts if c["name"] == group)
    assert admin["dm_permission"] is False
    assert admin["contexts"] == [0]
    assert int(admin["default_member_permissions"]) == discord.Permissions(manage_guild=True).value
    others = [c for c in tree_dicts if c["name"] not in {"admin", "settings"}]
    assert all(c["default_member_permissions"] is None for c in others)


def test_intents_are_minimal() -> None:
    quiet = intents_for(False)
    assert quiet.value == discord.Intents(guilds=True).value
    chatty = intents_for(True)
    assert chatty.message_content
    assert chatty.guild_messages
    assert chatty.dm_messages
    assert not chatty.members
    assert not chatty.presences


def test_only_the_bot_package_imports_discord() -> None:
    import ast
    from pathlib import Path

    import segue

    root = Path(segue.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        relative = path.relative_to(root).as_posix()
        if relative.startswith(("bot/", "playground/")):  # the stand-in speaks discord.py's protocol on purpose
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "discord" or n.startswith("discord.") for n in names):
                offenders.append(relative)
    assert offenders == []
