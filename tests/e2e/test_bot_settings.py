"""/settings through the stand-in: admins only, every value checked before it is written, changes audited, and
each setting taking effect in its own server only (disabled commands, default count, rate limits, chat)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from fakediscord import FakeDiscord, UnknownCommandError
from fakediscord.harness import StartClient, Town
from segue.bot import render
from segue.infra.clock import ManualClock
from segue.infra.ratelimit import MemoryRateLimiter, RequestRateLimit, Rule
from support.bot import make_deps, speaker
from support.e2e import segue_for, text_of, track_titles


async def ask(
    fake: FakeDiscord,
    town: Town,
    name: str,
    options: dict[str, Any] | None = None,
    *,
    user: Any = None,
    channel: Any = None,
):  # type: ignore[no-untyped-def]
    handle = await fake.invoke_command(user or town.alice, channel or town.general, name, options or {})
    return await handle.wait_answer()


async def admin(fake: FakeDiscord, town: Town, name: str, options: dict[str, Any] | None = None):  # type: ignore[no-untyped-def]
    return await ask(fake, town, f"settings {name}", options, user=town.ada)


async def test_members_without_manage_server_are_refused(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    bot = segue_for(fake)
    await start_client(bot)
    with pytest.raises(UnknownCommandError):  # hidden from members by default...
        await fake.invoke_command(town.alice, town.general, "settings show")
    # ...and refused when run anyway (a server admin can re-grant a hidden command to everyone).
    fake._commands.find("settings", None)["default_member_permissions"] = None
    refused = await ask(fake, town, "settings set", {"key": "default_count", "value": "2"})
    assert refused.ephemeral
    assert "Manage Server" in text_of(refused.original)
    assert (await bot.deps.state.guild_settings(str(town.guild.id))).default_count is None
    assert await bot.deps.state.settings_audit(str(town.guild.id)) == []


async def test_out_of_range_values_get_the_clear_message_and_change_nothing(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    bot = segue_for(fake)
    await start_client(bot)
    guild = str(town.guild.id)
    for key, value, words in (
        ("default_count", "99", "from 1 to 25"),
        ("default_count", "two", "from 1 to 25"),
        ("user_per_minute", "0", "from 1 to 10000"),
        ("disabled_commands", "help, settings", "I can only switch off"),
        ("language", "@everyone", "Language must be one of"),
    ):
        refused = await admin(fake, town, "set", {"key": key, "value": value})
        assert refused.ephemeral, key
        assert words in text_of(refused.original).replace(",", ""), (key, value)
        assert not refused.original.pings.anyone
    unchanged = await bot.deps.state.guild_settings(guild)
    assert (unchanged.default_count, unchanged.user_per_minute, unchanged.language) == (None, None, None)
    assert unchanged.disabled_commands == frozenset()
    assert await bot.deps.state.settings_audit(guild) == []


def _limited() -> Any:
    """Deps with the request policy (per-minute rules /settings can read and override), not a scripted limiter."""
    deps = make_deps()
    deps.limiter = RequestRateLimit(
        MemoryRateLimiter(clock=ManualClock()),
        user=[Rule("user_minute", 5, 60.0, "window", "user"), Rule("user_burst", 3, 10.0, "gcra", "user")],
        guild=[Rule("guild_minute", 100, 60.0, "window", "guild")],
    )
    return deps


async def test_show_lists_every_setting_the_audit_and_listening_channels(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    bot = segue_for(fake, _limited())
    await start_client(bot)
    say = speaker()
    count = bot.deps.service.default_count
    await ask(fake, town, "admin listen", {"enabled": True}, user=town.ada)
    changed = await admin(fake, town, "set", {"key": "default_count", "value": "4"})
    assert f"{count} (default) → 4" in text_of(changed.original)
    await admin(fake, town, "set", {"key": "disabled_commands", "value": "/blend, Taste"})
    await admin(fake, town, "reset", {"key": "default_count"})
    shown = await admin(fake, town, "show")
    assert shown.ephemeral
    text = text_of(shown.original)
    assert f"default_count:** {say.number(count)} (default)" in text  # what an unset setting means, not 'default'
    assert "disabled_commands:** blend, taste" in text
    assert "user_per_minute:** 5 (default)" in text
    assert "guild_per_minute:** 100 (default)" in text
    assert "language:** each member's own (default)" in text
    assert f"<#{town.general.id}>" in text
    assert "<t:" in text
    assert ":R> ada: **default\\_count** 4 → default" in text  # newest first, keys escaped for markdown
    assert "ada: **disabled\\_commands** default → blend, taste" in text
    assert not shown.original.pings.anyone


@pytest.mark.parametrize("locale", ["en", "es", "fr", "de", "pt_BR"])
async def test_the_language_setting_is_named_in_the_readers_language(
    fake: FakeDiscord, town: Town, start_client: StartClient, locale: str
) -> None:
    """'**language**: default → fr': a raw code and an English 'default', whatever language the reply spoke."""
    bot = segue_for(fake)
    await start_client(bot)
    chosen = "pt-BR" if locale != "pt_BR" else "fr"
    await ask(fake, town, "profile set", {"language": locale.replace("_", "-")}, user=town.ada)
    say = speaker(locale)
    changed = text_of((await admin(fake, town, "set", {"key": "language", "value": chosen})).original)
    unset = say.gettext("{value} (default)", value=say.gettext("each member's own"))
    assert f"**language**: {render.safe(unset)} → {render.safe(say.locale_name(chosen))}" in changed
    assert re.search(rf"→ {re.escape(chosen)}(?!\w)", changed) is None  # 'francês' starts with 'fr'...
    shown = text_of((await admin(fake, town, "show")).original)
    assert f"language:** {render.safe(say.locale_name(chosen))}" in shown
    assert f"{render.safe(say.gettext('default'))} → {render.safe(say.locale_name(chosen))}" in shown  # the audit


async def test_a_disabled_command_is_refused_in_that_server_only(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    elsewhere = fake.create_guild("Elsewhere")
    fake.add_member(elsewhere, town.alice)
    await start_client(segue_for(fake))
    await admin(fake, town, "set", {"key": "disabled_commands", "value": "recommend, chat"})
    refused = await ask(fake, town, "recommend", {"genre": "folk"})
    assert refused.ephemeral
    assert "switched /recommend off here" in text_of(refused.original)
    works = await ask(fake, town, "recommend", {"genre": "folk"}, channel=elsewhere.channel("general"))
    assert not works.ephemeral
    assert track_titles(works.original)
    assert not (await ask(fake, town, "similar", {"artist": "Anvil"})).ephemeral  # only what was switched off
    # Free text ("chat") is off here too: a mention gets one private-minded note, no answer.
    asked = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} some folk please")
    note = await fake.wait_reply(asked)
    assert "switched off in this server" in (note.content or "")
    assert not note.embeds
    await admin(fake, town, "reset", {"key": "disabled_commands"})
    assert not (await ask(fake, town, "recommend", {"genre": "folk"})).ephemeral


async def test_default_count_sets_how_many_tracks_when_none_is_asked(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    await start_client(segue_for(fake))
    assert len(track_titles((await ask(fake, town, "recommend", {"genre": "metal"})).original)) == 3
    await admin(fake, town, "set", {"key": "default_count", "value": "2"})
    assert len(track_titles((await ask(fake, town, "recommend", {"genre": "metal"})).original)) == 2
    assert len(track_titles((await ask(fake, town, "mood", {"text": "calm"})).original)) == 2
    asked = await ask(fake, town, "recommend", {"genre": "metal", "count": 4})
    assert len(track_titles(asked.original)) == 4  # what the member asks for wins
    artists = await ask(fake, town, "similar", {"artist": "Anvil"})
    assert len(artists.original.embeds[0].fields) == 2


async def test_a_lower_user_limit_refuses_sooner_in_that_server(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    elsewhere = fake.create_guild("Elsewhere")
    fake.add_member(elsewhere, town.alice)
    deps = make_deps()
    deps.limiter = RequestRateLimit(
        MemoryRateLimiter(clock=ManualClock()),
        user=[Rule("user_minute", 5, 60.0, "window", "user")],
        guild=[Rule("guild_minute", 100, 60.0, "window", "guild")],
    )
    await start_client(segue_for(fake, deps))
    await admin(fake, town, "set", {"key": "user_per_minute", "value": "2"})
    answers = [await ask(fake, town, "recommend", {"genre": "folk"}) for _ in range(3)]
    assert [a.ephemeral for a in answers] == [False, False, True]
    assert "going a bit fast" in text_of(answers[-1].original)
    there = [
        await ask(fake, town, "recommend", {"genre": "folk"}, channel=elsewhere.channel("general")) for _ in range(3)
    ]
    assert [a.ephemeral for a in there] == [False, False, False]  # the default five hold in the other server
