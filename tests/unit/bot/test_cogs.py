"""Cogs and persistent buttons driven with plain fakes of `discord.Interaction` (no gateway, no HTTP)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from types import SimpleNamespace
from typing import Any

import discord
import pytest

from segue.bot import views
from segue.bot.client import SegueBot
from segue.bot.deps import BotDeps
from segue.bot.failures import AdminOnly, OperatorOnly, RateLimited
from segue.bot.respond import NO_PINGS
from segue.errors import UnknownSeedError, UserInputError
from support.bot import FakeFlags, FakeInteraction, FakeMessage, FakePermissions, FakeUser, ScriptedLimiter, make_deps


@pytest.fixture
def deps() -> BotDeps:
    return make_deps(limiter=ScriptedLimiter(budget=1000, retry_after=30))


@pytest.fixture
async def bot(deps: BotDeps) -> AsyncIterator[SegueBot]:
    base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    client = SegueBot(deps, sync_commands=False)
    for name in client.extension_names:
        await client.load_extension(name)
    try:
        yield client
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


def cog(bot: SegueBot, name: str) -> Any:
    found = bot.get_cog(name)
    assert found is not None
    return found


def sent(interaction: FakeInteraction) -> dict[str, Any]:
    payloads = interaction.everything_sent()
    assert len(payloads) == 1, payloads
    assert payloads[0]["allowed_mentions"] == NO_PINGS
    return payloads[0]


async def run(command: Any, owner: Any, interaction: FakeInteraction, **options: Any) -> None:
    await command.callback(owner, interaction, **options)


RECOMMEND = {"query": None, "artist": None, "track": None, "genre": None, "mood": None, "count": None, "novelty": None}


async def test_recommend_answers_publicly_with_buttons(bot: SegueBot) -> None:
    music = cog(bot, "Music")
    interaction = FakeInteraction(client=bot)
    await run(music.recommend, music, interaction, **{**RECOMMEND, "artist": "Volt", "novelty": "deep"})
    payload = sent(interaction)
    assert payload["ephemeral"] is False
    (embed,) = payload["embeds"]
    assert "like Volt" in (embed.description or "")
    assert "deep cuts" in (embed.description or "")
    assert len(embed.fields) == 3
    assert all("— Volt" not in (f.name or "") for f in embed.fields)
    view = payload["view"]
    assert [type(i).__name__ for i in view.children] == ["TrackPicker", "MoreButton", "PageButton"]


async def test_recommend_errors_are_raised_for_the_tree_handler(bot: SegueBot) -> None:
    music = cog(bot, "Music")
    with pytest.raises(UnknownSeedError):
        await run(music.recommend, music, FakeInteraction(client=bot), **{**RECOMMEND, "artist": "Nobody"})
    with pytest.raises(UserInputError):
        await run(music.recommend, music, FakeInteraction(client=bot), **RECOMMEND)
    with pytest.raises(UserInputError):
        await run(music.recommend, music, FakeInteraction(client=bot), **{**RECOMMEND, "novelty": "wild"})


async def test_tree_error_handler_answers_once_privately(bot: SegueBot) -> None:
    interaction = FakeInteraction(client=bot)
    error = discord.app_commands.CommandInvokeError(cog(bot, "Music").recommend, UnknownSeedError("artist", "Zz"))
    await bot.tree.on_error(interaction, error)  # type: ignore[arg-type]
    payload = sent(interaction)
    assert payload["ephemeral"] is True
    assert "I don't know the artist 'Zz'" in (payload["embeds"][0].description or "")
    assert bot.deps.stats.errors["UnknownSeedError"] == 1


async def test_music_commands_are_rate_limited_and_told_once(bot: SegueBot, deps: BotDeps) -> None:
    assert isinstance(deps.limiter, ScriptedLimiter)
    deps.limiter.budget = 1
    music = cog(bot, "Music")
    assert await music.interaction_check(FakeInteraction(client=bot))
    with pytest.raises(RateLimited) as first:
        await music.interaction_check(FakeInteraction(client=bot))
    assert first.value.admission.first_notice
    assert first.value.admission.retry_seconds == 30
    with pytest.raises(RateLimited) as second:
        await music.interaction_check(FakeInteraction(client=bot))
    assert not second.value.admission.first_notice


async def test_similar_needs_exactly_one_seed_and_lists_artists(bot: SegueBot) -> None:
    music = cog(bot, "Music")
    with pytest.raises(UserInputError):
        await run(music.similar, music, FakeInteraction(client=bot), artist=None, track=None, count=None)
    with pytest.raises(UserInputError):
        await run(music.similar, music, FakeInteraction(client=bot), artist="Volt", track="Volt Song 1", count=None)
    interaction = FakeInteraction(client=bot)
    await run(music.similar, music, interaction, artist="Anvil", track=None, count=2)
    (embed,) = sent(interaction)["embeds"]
    assert embed.title == "Artists like Anvil"
    assert [f.name for f in embed.fields] == ["1. Forge", "2. Hammer"]
    tracks = FakeInteraction(client=bot)
    await run(music.similar, music, tracks, artist=None, track="Volt Song 1", count=2)
    assert len(sent(tracks)["embeds"][0].fields) == 2


async def test_mood_needs_a_mood(bot: SegueBot) -> None:
    music = cog(bot, "Music")
    with pytest.raises(UserInputError):
        await run(music.mood, music, FakeInteraction(client=bot), text="purple", count=None)
    interaction = FakeInteraction(client=bot)
    await run(music.mood, music, interaction, text="something chill", count=2)
    assert "mood: chill" in (sent(interaction)["embeds"][0].description or "")


async def test_autocomplete_comes_from_the_catalog(bot: SegueBot) -> None:
    music = cog(bot, "Music")
    choices = await music.artist_names(FakeInteraction(client=bot), "Vol")
    assert [c.name for c in choices] == ["Volt"]
    assert [c.value for c in await music.genre_names(FakeInteraction(client=bot), "thr")] == ["thrash metal"]
    assert await music.artist_names(FakeInteraction(client=bot), "") == []


async def test_info_commands_answer_privately(bot: SegueBot) -> None:
    info = cog(bot, "Info")
    for command, needle in (
        (info.show_help, "/recommend"),
        (info.info, "tracks by"),
        (info.stats, "Requests left right now"),
        (info.health, "Catalog"),
    ):
        interaction = FakeInteraction(client=bot)
        await run(command, info, interaction)
        payload = sent(interaction)
        assert payload["ephemeral"] is True
        assert needle in (payload["embeds"][0].description or ""), command.name
    ping = FakeInteraction(client=bot)
    await run(info.ping, info, ping)
    assert sent(ping)["content"].startswith("🏓 Pong!")


async def test_admin_is_checked_again_at_run_time(bot: SegueBot) -> None:
    admin = cog(bot, "Admin")
    with pytest.raises(AdminOnly):
        await admin.interaction_check(FakeInteraction(client=bot))
    with pytest.raises(AdminOnly):
        await admin.interaction_check(FakeInteraction(client=bot, guild=None, permissions=FakePermissions(True)))
    assert await admin.interaction_check(FakeInteraction(client=bot, permissions=FakePermissions(True)))
    status = FakeInteraction(client=bot, permissions=FakePermissions(True), command=admin.status)
    assert await admin.interaction_check(status)


async def test_bot_wide_admin_needs_an_operator_even_with_no_operator_ids_set(bot: SegueBot) -> None:
    """Issue 7.4: Manage Server in any one server must not reach sync, reload, cache-clear, metrics or errors."""
    admin = cog(bot, "Admin")
    bot.owner_id = 5  # what application_info() names as the owner
    assert not bot.operator_ids
    for command in (admin.sync, admin.reload, admin.cache_clear, admin.metrics, admin.errors):
        manager = FakeInteraction(client=bot, permissions=FakePermissions(True), command=command)
        with pytest.raises(OperatorOnly):
            await admin.interaction_check(manager)
        owner = FakeInteraction(client=bot, user=FakeUser(id=5), permissions=FakePermissions(True), command=command)
        assert await admin.interaction_check(owner)
    bot.operator_ids = frozenset({1001})
    assert await admin.interaction_check(
        FakeInteraction(client=bot, permissions=FakePermissions(True), command=admin.sync)
    )
    owner_elsewhere = FakeInteraction(client=bot, user=FakeUser(id=5), command=admin.sync)
    with pytest.raises(AdminOnly):  # operators still need Manage Server where they run it
        await admin.interaction_check(owner_elsewhere)


async def test_operator_check_fails_closed_when_discord_cannot_name_the_owner(bot: SegueBot) -> None:
    async def broken() -> None:
        raise discord.HTTPException(SimpleNamespace(status=503, reason="unavailable"), "unavailable")  # type: ignore[arg-type]

    bot.application_info = broken  # type: ignore[method-assign,assignment]
    assert not await bot.is_operator(FakeUser(id=5))  # type: ignore[arg-type]
    bot.operator_ids = frozenset({5})
    assert await bot.is_operator(FakeUser(id=5))  # type: ignore[arg-type]


async def test_admin_listen_metrics_and_errors(bot: SegueBot, deps: BotDeps) -> None:
    admin = cog(bot, "Admin")
    listen = FakeInteraction(client=bot)
    await run(admin.listen, admin, listen, enabled=True, channel=None)
    assert await deps.state.is_listening("6001")
    assert "listen to every message" in (sent(listen)["embeds"][0].description or "")
    deps.stats.error("recommend", "RuntimeError", "Something went wrong", expected=False)
    errors = FakeInteraction(client=bot)
    await run(admin.errors, admin, errors)
    assert "RuntimeError" in (sent(errors)["embeds"][0].description or "")
    metrics = FakeInteraction(client=bot)
    await run(admin.metrics, admin, metrics)
    assert '"RuntimeError": 1' in (sent(metrics)["embeds"][0].description or "")
    caches = FakeInteraction(client=bot)
    await run(admin.cache_clear, admin, caches)
    assert "No caches" in (sent(caches)["embeds"][0].description or "")


# -- persistent buttons ------------------------------------------------------------------------------------------


async def dynamic(cls: Any, custom_id: str, interaction: FakeInteraction) -> Any:
    match = re.fullmatch(cls.__discord_ui_compiled_template__, custom_id)
    assert match is not None
    return await cls.from_custom_id(interaction, discord.ui.Button(custom_id=custom_id), match)


async def test_feedback_buttons_answer_privately_and_change_the_profile(bot: SegueBot, deps: BotDeps) -> None:
    interaction = FakeInteraction(client=bot, type=discord.InteractionType.component)
    button = await dynamic(views.FeedbackButton, "sg:fb:dislike:t0", interaction)
    await button.callback(interaction)
    payload = sent(interaction)
    assert payload["ephemeral"] is True
    assert "won't show **Volt Song 0**" in payload["content"]
    assert (await deps.state.profile("1001")).disliked_tracks == ("t0",)


async def test_a_broken_click_is_answered_not_failed(bot: SegueBot, deps: BotDeps) -> None:
    interaction = FakeInteraction(client=bot, type=discord.InteractionType.component)
    button = await dynamic(views.FeedbackButton, "sg:fb:like:gone", interaction)
    await button.callback(interaction)  # must not raise: discord.py would only log it
    assert "can't find that track" in (sent(interaction)["embeds"][0].description or "")
    assert deps.stats.errors["UserInputError"] == 1


async def test_paging_edits_for_the_owner_and_answers_others_privately(bot: SegueBot) -> None:
    reply = await bot.answers.answer("1001", bot.answers.build_query(genre="folk"), count=2)
    assert reply.key is not None
    owner = FakeInteraction(client=bot, type=discord.InteractionType.component, message=FakeMessage())
    button = await dynamic(views.PageButton, f"sg:page:{reply.key}:1", owner)
    await button.callback(owner)
    kind, payload = owner.response.calls[0]
    assert kind == "edit"
    assert payload["embeds"][0].title == "Recommendations · page 2"
    assert payload["embeds"][0].fields[0].name.startswith("3. ")
    other = FakeInteraction(
        client=bot, type=discord.InteractionType.component, message=FakeMessage(), user=FakeUser(id=2002)
    )
    await (await dynamic(views.PageButton, f"sg:page:{reply.key}:2", other)).callback(other)
    assert other.response.calls[0][0] == "send"
    assert other.response.calls[0][1]["ephemeral"] is True
    private = FakeInteraction(
        client=bot,
        type=discord.InteractionType.component,
        message=FakeMessage(flags=FakeFlags(ephemeral=True)),
        user=FakeUser(id=2002),
    )
    await (await dynamic(views.DeeperButton, f"sg:deep:{reply.key}", private)).callback(private)
    assert private.response.calls[0][0] == "edit"


async def test_picker_opens_a_private_panel(bot: SegueBot) -> None:
    interaction = FakeInteraction(client=bot, type=discord.InteractionType.component)
    options = [discord.SelectOption(label="1. x", value="t4")]
    picker = views.TrackPicker("0123456789abcdef", options)
    picker.item._values = ["t4"]  # what discord.py sets from the interaction's data
    await picker.callback(interaction)
    payload = sent(interaction)
    assert payload["ephemeral"] is True
    assert "Pulse Song 0" in (payload["embeds"][0].description or "")
    assert [i.custom_id for i in payload["view"].children][:1] == ["sg:fb:like:t4"]


async def test_no_new_work_while_draining(bot: SegueBot, deps: BotDeps) -> None:
    deps.stats.inflight.draining = True
    interaction = FakeInteraction(client=bot, type=discord.InteractionType.component)
    await (await dynamic(views.MoreButton, "sg:more:t0", interaction)).callback(interaction)
    assert "restarting" in (sent(interaction)["embeds"][0].description or "")


@pytest.mark.parametrize(("waited", "shed"), [(0.2, False), (2.5, False), (4.0, True), (3600.0, False)])
async def test_interactions_past_the_answer_window_are_shed(
    bot: SegueBot, deps: BotDeps, waited: float, shed: bool
) -> None:
    """Work Discord would refuse (first answer after 3 s) is skipped; absurd ages (skewed clocks) are not trusted."""
    import datetime

    from segue.bot.respond import TooLate

    created = datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=waited)
    interaction = FakeInteraction(client=bot, created_at=created)
    tree = bot.tree
    if shed:
        with pytest.raises(TooLate):
            await tree.interaction_check(interaction)  # type: ignore[arg-type]
        await tree.on_error(interaction, TooLate("late"))  # type: ignore[arg-type]
        assert interaction.everything_sent() == []  # no doomed answer is attempted
        assert deps.stats.errors["ShedTooLate"] == 1
    else:
        assert await tree.interaction_check(interaction) is True  # type: ignore[arg-type]


async def test_work_queued_past_the_window_is_skipped(deps: BotDeps) -> None:
    """Under overload the engine work itself is skipped once the interaction can no longer be answered."""
    import datetime

    from segue.bot import respond
    from segue.bot.respond import TooLate

    ran: list[str] = []

    async def work() -> str:
        ran.append("engine")
        return "answer"

    stale = FakeInteraction(created_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=4))
    with pytest.raises(TooLate):
        await respond.within_budget(stale, work(), budget=1.5, stats=deps.stats)  # type: ignore[arg-type]
    assert ran == []
    fresh = FakeInteraction()
    assert await respond.within_budget(fresh, work(), budget=1.5, stats=deps.stats) == "answer"  # type: ignore[arg-type]
    assert ran == ["engine"]
