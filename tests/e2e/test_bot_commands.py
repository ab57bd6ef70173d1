"""The real SegueBot against the Discord stand-in: every slash command, autocomplete, errors, defer, rate limits."""

from __future__ import annotations

from typing import Any

import pytest

from fakediscord import CallbackType, FakeDiscord, Permission, UnknownCommandError
from fakediscord.harness import StartClient, Town
from segue.bot.cogs.admin import BOT_WIDE
from segue.bot.deps import BotOptions
from support.bot import HeldService, ScriptedLimiter, make_deps
from support.e2e import NO_MENTIONS, component, segue_for, text_of, track_titles


async def ask(fake: FakeDiscord, town: Town, name: str, options: dict[str, Any] | None = None, *, user: Any = None):  # type: ignore[no-untyped-def]
    handle = await fake.invoke_command(user or town.alice, town.general, name, options or {})
    return await handle.wait_answer()


async def test_recommend_shows_understanding_tracks_and_controls(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    await start_client(segue_for(fake))
    answer = await ask(fake, town, "recommend", {"query": "something chill like Willow", "count": 3})
    assert answer.type is CallbackType.CHANNEL_MESSAGE
    assert not answer.ephemeral
    message = answer.original
    assert message is not None
    assert message.allowed_mentions == NO_MENTIONS
    (embed,) = message.embeds
    assert "Understood as:" in (embed.description or "")
    assert "like Willow" in (embed.description or "")
    assert "mood: chill" in (embed.description or "")
    assert len(embed.fields) == 3
    assert all("[Spotify](" in f.value and "[YouTube](" in f.value for f in embed.fields)
    picker = component(message, "sg:pick:")
    assert [o.label.split(". ", 1)[0] for o in picker.options] == ["1", "2", "3"]
    assert {c.label for c in message.buttons} == {"More like #1", "Less mainstream", "Next page"}


async def test_recommend_options_novelty_and_autocomplete(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    await start_client(segue_for(fake))
    answer = await ask(fake, town, "recommend", {"artist": "Anvil", "genre": "metal", "novelty": "deep", "count": 2})
    description = answer.original.embeds[0].description or ""
    assert "like Anvil" in description
    assert "genre: metal" in description
    assert "deep cuts" in description
    assert len(track_titles(answer.original)) == 2
    artists = await fake.autocomplete(town.alice, town.general, "recommend", {"artist": "Vo"}, focused="artist")
    assert [c.name for c in (await artists.wait_answer()).choices] == ["Volt"]
    genres = await fake.autocomplete(town.alice, town.general, "similar", {"artist": "For"}, focused="artist")
    assert [c.value for c in (await genres.wait_answer()).choices] == ["Forge"]
    tags = await fake.autocomplete(town.alice, town.general, "recommend", {"genre": "thr"}, focused="genre")
    assert [c.value for c in (await tags.wait_answer()).choices] == ["thrash metal"]


async def test_similar_mood_discover_and_blend(fake: FakeDiscord, town: Town, start_client: StartClient) -> None:
    await start_client(segue_for(fake))
    artists = await ask(fake, town, "similar", {"artist": "Anvil", "count": 2})
    assert artists.original.embeds[0].title == "Artists like Anvil"
    assert [f.name for f in artists.original.embeds[0].fields] == ["1. Forge", "2. Hammer"]
    tracks = await ask(fake, town, "similar", {"track": "Volt Song 1"})
    assert tracks.original.embeds[0].title == "Similar tracks"
    mood = await ask(fake, town, "mood", {"text": "something calm"})
    assert "mood: calm" in (mood.original.embeds[0].description or "")

    nothing = await ask(fake, town, "discover")
    assert nothing.ephemeral
    assert "I don't know your taste yet" in (nothing.original.embeds[0].description or "")
    for user, seed in ((town.alice, "Willow"), (town.ada, "Anvil")):
        seeded = await ask(fake, town, "recommend", {"artist": seed, "count": 1}, user=user)
        picker = component(seeded.original, "sg:pick:")
        panel = await (
            await fake.select(user, seeded.original, [picker.options[0].value], custom_id=picker.custom_id)
        ).wait_answer()
        liked = await (await fake.click(user, panel.original, label="Like")).wait_answer()
        assert liked.content.startswith("👍 Liked")
    found = await ask(fake, town, "discover", {"count": 3})
    assert len(track_titles(found.original)) == 3
    blend = await ask(fake, town, "blend", {"member1": town.alice, "member2": town.ada, "count": 4})
    values = [f.value for f in blend.original.embeds[0].fields]
    assert any("for **alice**" in v for v in values)
    assert any("for **ada**" in v for v in values)


async def test_info_commands_answer_privately(fake: FakeDiscord, town: Town, start_client: StartClient) -> None:
    await start_client(segue_for(fake))
    await ask(fake, town, "recommend", {"genre": "folk"})
    for name, needle in (
        ("help", "/recommend"),
        ("ping", "Pong"),
        ("info", "tracks by"),
        ("stats", "Requests answered:** 1"),
        ("health", "Healthy"),
    ):
        answer = await ask(fake, town, name)
        assert answer.ephemeral, name
        assert needle in text_of(answer.original), name


async def test_admin_commands_for_managers_only(fake: FakeDiscord, town: Town, start_client: StartClient) -> None:
    bot = segue_for(fake)
    await start_client(bot)
    with pytest.raises(UnknownCommandError):
        await fake.invoke_command(town.alice, town.general, "admin status")
    manager_role = fake.create_role(town.guild, "Mods", permissions=Permission.MANAGE_GUILD)
    mod = fake.create_user("mod")
    fake.add_member(town.guild, mod, roles=[manager_role])
    await ask(fake, town, "recommend", {"artist": "Nobody"})  # one error for /admin errors to list
    expectations = {
        "admin status": "Shards",
        "admin metrics": '"UnknownSeedError": 1',
        "admin errors": "UnknownSeedError",
        "admin cache-clear": "No caches",
        "admin sync": "commands published",
        "admin reload": "Reloading",
        "admin listen": "listen to every message",
    }
    for name, needle in expectations.items():
        options = {"enabled": True} if name == "admin listen" else {}
        operator = fake.owner if name.removeprefix("admin ") in BOT_WIDE else mod
        answer = await ask(fake, town, name, options, user=operator)
        assert answer.ephemeral, name
        assert needle in text_of(answer.messages[0]), name
    assert await bot.deps.state.is_listening(str(town.general.id))
    after_reload = await ask(fake, town, "ping", user=mod)
    assert "Pong" in after_reload.content


async def test_bot_wide_admin_refuses_a_server_manager_who_is_not_an_operator(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    """Issue 7.4: with SEGUE_OPERATOR_IDS unset, Manage Server in one server must not act on the whole bot."""
    await start_client(segue_for(fake))
    manager_role = fake.create_role(town.guild, "Mods", permissions=Permission.MANAGE_GUILD)
    mod = fake.create_user("mod")
    fake.add_member(town.guild, mod, roles=[manager_role])
    for name in sorted(BOT_WIDE):
        refused = await ask(fake, town, f"admin {name}", user=mod)
        assert refused.ephemeral, name
        assert "operator" in text_of(refused.original).lower(), name
    status = await ask(fake, town, "admin status", user=mod)
    assert "Shards" in text_of(status.messages[0])


async def test_errors_are_short_private_and_counted(fake: FakeDiscord, town: Town, start_client: StartClient) -> None:
    bot = segue_for(fake)
    await start_client(bot)
    unknown = await ask(fake, town, "recommend", {"artist": "Forj"})
    assert unknown.ephemeral
    assert "I don't know the artist 'Forj'. Did you mean Forge?" in text_of(unknown.original)
    empty = await ask(fake, town, "recommend")
    assert empty.ephemeral
    assert "at least one of" in text_of(empty.original)
    blank = await ask(fake, town, "mood", {"text": "   "})
    assert blank.ephemeral
    assert "Tell me what you'd like to hear" in text_of(blank.original)
    both = await ask(fake, town, "similar", {"artist": "Volt", "track": "Volt Song 1"})
    assert both.ephemeral
    assert "artist or a track" in text_of(both.original)
    assert bot.deps.stats.errors["UnknownSeedError"] == 1
    assert bot.deps.stats.errors["UserInputError"] == 3
    assert fake.stats().interactions_unanswered == 0


async def test_slow_work_is_deferred_then_answered(fake: FakeDiscord, town: Town, start_client: StartClient) -> None:
    service = HeldService()
    deps = make_deps(service=service, options=BotOptions(defer_after=0.01, presence_every=3600))  # type: ignore[arg-type]
    await start_client(segue_for(fake, deps))
    handle = await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "folk"})
    deferred = await handle.wait_response()
    assert deferred.type is CallbackType.DEFERRED_CHANNEL_MESSAGE
    assert deferred.original is not None
    assert deferred.original.loading
    service.release.set()
    answer = await handle.wait_answer()
    assert len(track_titles(answer.messages[0])) == 3
    assert deps.stats.deferred == 1


async def test_rate_limited_user_is_told_once_per_window(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    limiter = ScriptedLimiter(budget=1, retry_after=600)
    deps = make_deps(limiter=limiter)
    await start_client(segue_for(fake, deps))
    assert not (await ask(fake, town, "recommend", {"genre": "folk"})).ephemeral
    told = await ask(fake, town, "recommend", {"genre": "folk"})
    assert told.ephemeral
    assert "Try again in 600 s" in text_of(told.original)
    quiet = await ask(fake, town, "recommend", {"genre": "folk"})
    assert quiet.ephemeral
    assert quiet.content == "⏳ Still cooling down."
    other = await ask(fake, town, "recommend", {"genre": "folk"}, user=town.ada)
    assert not other.ephemeral
    assert sum(deps.stats.rate_limited.values()) == 2
