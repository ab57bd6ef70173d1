"""The Discord stand-in against the real discord.py client: every protocol path a recommendation bot walks.

The bot here is a minimal test double of Segue's (which lives in `segue.bot`): a slash command with a button view,
a deferred command, autocomplete, a persistent `DynamicItem`, a select, a modal and an `on_message` handler.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
import zlib
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.http import Route

from fakediscord import (
    CallbackType,
    ErrorCode,
    FakeDiscord,
    FakeDiscordConfig,
    InvalidInvocationError,
    ManualClock,
    MessageFlag,
    Pings,
    UnknownCommandError,
)
from fakediscord.constants import DISCORD_EPOCH_MS, Snowflakes
from fakediscord.harness import StartClient, Town
from fakediscord.limits import FormErrors, check_message
from fakediscord.mentions import compute_pings

GENRES = ("jazz", "japanese city pop", "krautrock", "dub", "shoegaze")


class Vote(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=r"vote:(?P<track>\d+):(?P<way>up|down)"
):
    """A feedback button that works on any message, including ones sent before the bot restarted."""

    def __init__(self, track: int, way: str) -> None:
        self.track, self.way = track, way
        super().__init__(discord.ui.Button(label=f"{way} {track}", custom_id=f"vote:{track}:{way}"))

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Vote:
        return cls(int(match["track"]), match["way"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"noted {self.way} for {self.track}", ephemeral=True)


class MoodSelect(discord.ui.Select[discord.ui.View]):
    def __init__(self) -> None:
        super().__init__(custom_id="mood", options=[discord.SelectOption(label=m, value=m) for m in ("calm", "loud")])

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.response.edit_message(content=f"mood: {self.values[0]}", view=None)


class FeedbackModal(discord.ui.Modal, title="Tell us"):
    comment: discord.ui.TextInput[FeedbackModal] = discord.ui.TextInput(label="Comment", max_length=200)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"thanks: {self.comment.value}", ephemeral=True)


class Jukebox(discord.Client):
    """The test bot; `errors` keeps the Discord error codes its handlers ran into."""

    def __init__(self, *, intents: discord.Intents | None = None) -> None:
        super().__init__(intents=intents or discord.Intents.default(), guild_ready_timeout=0.05)
        self.tree = app_commands.CommandTree(self)
        self.errors: list[int] = []
        self.failed = asyncio.Event()
        self.seen: list[str] = []
        self.tree.on_error = self.on_tree_error
        self._add_commands()

    async def setup_hook(self) -> None:
        self.add_dynamic_items(Vote)
        await self.tree.sync()

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """No 5 s pause before a re-IDENTIFY: the stand-in has no identify rate limit to respect."""

    async def on_tree_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        original = getattr(error, "original", error)
        self.errors.append(original.code if isinstance(original, discord.HTTPException) else -1)
        self.failed.set()

    async def on_message(self, message: discord.Message) -> None:
        if message.author == self.user:
            return
        self.seen.append(message.content)
        if self.user in message.mentions or message.guild is None:
            await message.reply(f"hi {message.author.name}", mention_author=False)

    def _add_commands(self) -> None:
        tree = self.tree

        @tree.command(description="Recommend tracks like the ones you name")
        @app_commands.describe(query="Artists, tracks or a mood")
        async def recommend(interaction: discord.Interaction, query: app_commands.Range[str, 1, 100]) -> None:
            view = discord.ui.View(timeout=None).add_item(Vote(7, "up")).add_item(Vote(7, "down"))
            await interaction.response.send_message(f"Try {query}", view=view)

        @tree.command(description="A slow answer: think first, then follow up twice")
        async def slow(interaction: discord.Interaction, query: str) -> None:
            await interaction.response.defer(thinking=True)
            await interaction.followup.send(f"slow pick: {query}")
            await interaction.followup.send("and one more")

        @tree.command(description="A private digest, deferred then edited")
        async def digest(interaction: discord.Interaction) -> None:
            await interaction.response.defer(ephemeral=True, thinking=True)
            embed = discord.Embed(title="Your week", description="3 new tracks")
            await interaction.edit_original_response(content="ready", embed=embed)

        @tree.command(description="Tracks of one genre")
        async def genre(interaction: discord.Interaction, name: str) -> None:
            await interaction.response.send_message(f"genre: {name}")

        @genre.autocomplete("name")
        async def genre_names(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
            return [app_commands.Choice(name=g, value=g) for g in GENRES if g.startswith(current)]

        @tree.command(description="Announce new picks to the channel")
        async def announce(interaction: discord.Interaction, safe: bool) -> None:
            mentions = discord.AllowedMentions.none() if safe else discord.AllowedMentions.all()
            await interaction.response.send_message("@everyone fresh picks", allowed_mentions=mentions)

        @tree.command(description="Answers twice, the second time behind discord.py's back")
        async def double(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("first")
            route = Route(
                "POST", "/interactions/{i_id}/{i_token}/callback", i_id=interaction.id, i_token=interaction.token
            )
            await self.http.request(route, json={"type": 4, "data": {"content": "second"}})

        @tree.command(description="An embed over Discord's limits")
        async def huge(interaction: discord.Interaction) -> None:
            await interaction.response.send_message(embed=discord.Embed(title="big", description="x" * 5000))

        async def find_similar(interaction: discord.Interaction, message: discord.Message) -> None:
            await interaction.response.send_message(f"like {message.content!r}", ephemeral=True)

        tree.add_command(app_commands.ContextMenu(name="Find similar", callback=find_similar))

        @tree.command(description="Album art, sent as files")
        async def cover(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("front", file=discord.File(io.BytesIO(b"png"), "front.png"))
            await interaction.followup.send("back", file=discord.File(io.BytesIO(b"png"), "back.png"))

        @tree.command(description="Pick a mood")
        async def mood(interaction: discord.Interaction) -> None:
            view = discord.ui.View().add_item(MoodSelect())
            await interaction.response.send_message("how do you feel?", view=view, ephemeral=True)

        @tree.command(description="Send feedback")
        async def feedback(interaction: discord.Interaction) -> None:
            await interaction.response.send_modal(FeedbackModal())

        @tree.command(description="Reset the server's settings")
        @app_commands.default_permissions(manage_guild=True)
        async def reset(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("reset done", ephemeral=True)


class QuickShards(discord.AutoShardedClient):
    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """No 5 s pause between shards: the stand-in has no identify rate limit to respect."""


@pytest.fixture
async def bot(fake: FakeDiscord, town: Town, start_client: StartClient) -> Jukebox:
    client = Jukebox()
    await start_client(client)
    return client


# -- connecting and syncing ----------------------------------------------------------------------------------------


async def test_client_connects_gets_its_guild_and_syncs_the_tree(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    assert bot.user is not None
    assert bot.user.id == fake.bot.id
    guild = bot.get_guild(town.guild.id)
    assert guild is not None
    assert guild.get_channel(town.general.id) is not None
    assert {r.name for r in guild.roles} >= {"@everyone", "Admin", fake.bot.name}
    stats = fake.stats()
    assert stats.gateway.identifies == 1
    assert stats.gateway.heartbeats >= 1  # discord.py beats right after HELLO, before it identifies
    assert stats.unknown_routes == ()
    recommend = fake.command("recommend")
    assert recommend.description == "Recommend tracks like the ones you name"
    query = recommend.option("query")
    assert (query.description, query.required, query.max_length) == ("Artists, tracks or a mood", True, 100)
    assert fake.command("genre").option("name").autocomplete
    assert fake.command("reset").default_member_permissions == discord.Permissions(manage_guild=True).value


async def test_json_answers_say_application_json_exactly(fake: FakeDiscord) -> None:
    async with aiohttp.ClientSession() as http:
        headers = {"Authorization": f"Bot {fake.token}"}
        async with http.get(f"{fake.api_base}/gateway/bot", headers=headers) as response:
            body = await response.json()
            assert response.headers["Content-Type"] == "application/json"
        assert body["url"] == fake.gateway_url
        assert body["shards"] == 1
        async with http.get(f"{fake.api_base}/users/@me") as response:
            assert response.status == 401
        fake.rate_limit("/gateway/bot", retry_after=0.25, is_global=True)
        async with http.get(f"{fake.api_base}/gateway/bot", headers=headers) as response:
            limited = await response.json()
            assert response.status == 429
            assert (response.headers["Retry-After"], response.headers["X-RateLimit-Global"]) == ("1", "true")
        assert (limited["retry_after"], limited["global"]) == (0.25, True)


async def test_gateway_speaks_zlib_stream_with_one_context_per_connection(fake: FakeDiscord) -> None:
    inflate = zlib.decompressobj()
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(f"{fake.gateway_url}?v=10&encoding=json&compress=zlib-stream") as ws,
    ):
        hello = await ws.receive_bytes()
        assert hello.endswith(b"\x00\x00\xff\xff")
        assert json.loads(inflate.decompress(hello))["op"] == 10
        await ws.send_json({"op": 2, "d": {"token": fake.token, "intents": 1, "properties": {}}})
        ready = json.loads(inflate.decompress(await ws.receive_bytes()))
    assert (ready["t"], ready["s"], ready["d"]["user"]["id"]) == ("READY", 1, str(fake.bot.id))


async def test_bad_token_closes_the_gateway_with_4004(fake: FakeDiscord) -> None:
    async with aiohttp.ClientSession() as http, http.ws_connect(f"{fake.gateway_url}?v=10&encoding=json") as ws:
        assert json.loads(await ws.receive_str())["op"] == 10
        await ws.send_json({"op": 2, "d": {"token": "wrong", "intents": 1, "properties": {}}})
        closing = await ws.receive()
    assert closing.type is aiohttp.WSMsgType.CLOSE
    assert closing.data == 4004


async def test_an_invalid_command_tree_is_refused_with_50035(fake: FakeDiscord, bot: Jukebox) -> None:
    bad = [{"name": "Bad Name", "description": "x" * 101, "type": 1}]
    with pytest.raises(discord.HTTPException) as caught:
        await bot.http.bulk_upsert_global_commands(fake.application_id, bad)
    assert caught.value.code == ErrorCode.INVALID_FORM_BODY
    assert "In 0.name: Command name is invalid" in caught.value.text
    assert "In 0.description: Must be between 1 and 100 in length." in caught.value.text


async def test_localizations_follow_discords_rules(fake: FakeDiscord, bot: Jukebox) -> None:
    """Localized names are names (lowercase, no spaces), descriptions at most 100, keys known locales (issue 15)."""
    good = {
        "name": "recommend",
        "description": "Music",
        "type": 1,
        "name_localizations": {"es-ES": "recomendar", "de": "ähnlich", "fr": "j'aime"},
        "description_localizations": {"pt-BR": "Música"},
    }
    await bot.http.bulk_upsert_global_commands(fake.application_id, [good])
    bad = {
        **good,
        "name_localizations": {"es-ES": "Recomendar", "xx": "ok"},
        "description_localizations": {"fr": "x" * 101},
        "options": [{"name": "q", "description": "d", "type": 3, "name_localizations": {"de": "zwei wörter"},
                     "choices": [{"name": "a", "value": "a", "name_localizations": {"fr": ""}}]}],
    }  # fmt: skip
    with pytest.raises(discord.HTTPException) as caught:
        await bot.http.bulk_upsert_global_commands(fake.application_id, [bad])
    assert caught.value.code == ErrorCode.INVALID_FORM_BODY
    text = caught.value.text
    assert "In 0.name_localizations.es-ES: Command name is invalid (must be lowercase)" in text
    assert 'In 0.name_localizations.xx: Value "xx" is not a valid locale.' in text
    assert "In 0.description_localizations.fr: Must be between 1 and 100 in length." in text
    assert "In 0.options.0.name_localizations.de: Command name is invalid" in text
    assert "In 0.options.0.choices.0.name_localizations.fr: Must be between 1 and 100 in length." in text


# -- interactions ----------------------------------------------------------------------------------------------------


async def test_slash_command_is_answered_and_its_button_works(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    handle = await fake.invoke_command(town.alice, town.general, "recommend", {"query": "Nina Simone"})
    answer = await handle.wait_answer()
    assert answer.type is CallbackType.CHANNEL_MESSAGE
    assert not answer.ephemeral
    assert answer.original is not None
    assert answer.original.content == "Try Nina Simone"
    assert [b.custom_id for b in answer.original.buttons] == ["vote:7:up", "vote:7:down"]
    click = await fake.click(town.alice, answer.original, custom_id="vote:7:down")
    clicked = await click.wait_answer()
    assert clicked.content == "noted down for 7"
    assert clicked.ephemeral
    assert fake.stats().interactions_answered == 2


async def test_the_stand_in_refuses_options_a_client_would_not_send(
    fake: FakeDiscord, town: Town, bot: Jukebox
) -> None:
    with pytest.raises(InvalidInvocationError, match="length 101"):
        await fake.invoke_command(town.alice, town.general, "recommend", {"query": "x" * 101})
    with pytest.raises(UnknownCommandError):
        await fake.invoke_command(town.alice, town.general, "not-synced")


async def test_deferred_command_answers_with_followups(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    handle = await fake.invoke_command(town.alice, town.general, "slow", {"query": "dub"})
    answer = await handle.wait_followups(1)
    assert answer.type is CallbackType.DEFERRED_CHANNEL_MESSAGE
    assert answer.deferred
    # Like Discord, the first follow-up after a "thinking" defer becomes the deferred message itself.
    assert answer.original is not None
    assert not answer.original.loading
    assert answer.original.content == "slow pick: dub"
    assert [m.content for m in answer.followups] == ["and one more"]


async def test_deferred_ephemeral_command_answers_by_editing_the_original(
    fake: FakeDiscord, town: Town, bot: Jukebox
) -> None:
    handle = await fake.invoke_command(town.alice, town.general, "digest")
    answer = await handle.wait_answer()
    assert answer.ephemeral
    assert answer.original is not None
    assert answer.original.flags & MessageFlag.EPHEMERAL
    assert answer.original.content == "ready"
    assert answer.original.embeds[0].title == "Your week"
    assert len(answer.edits) == 1


async def test_message_context_menu_gets_its_target(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    posted = await fake.post_message(town.alice, town.general, "Alice Coltrane - Journey in Satchidananda")
    handle = await fake.invoke_message_command(town.ada, posted, "Find similar")
    assert (await handle.wait_answer()).content == "like 'Alice Coltrane - Journey in Satchidananda'"


async def test_files_arrive_as_multipart_attachments(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    answer = await (await fake.invoke_command(town.alice, town.general, "cover")).wait_followups(1)
    assert answer.original is not None
    assert (answer.original.content, answer.original.attachments) == ("front", ("front.png",))
    assert [(m.content, m.attachments) for m in answer.followups] == [("back", ("back.png",))]


async def test_autocomplete_is_answered_with_choices(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    handle = await fake.autocomplete(town.alice, town.general, "genre", {"name": "j"}, focused="name")
    answer = await handle.wait_response()
    assert answer.type is CallbackType.AUTOCOMPLETE_RESULT
    assert [c.value for c in answer.choices] == ["jazz", "japanese city pop"]


async def test_persistent_dynamic_button_answers_on_a_message_from_before_a_restart(
    fake: FakeDiscord, town: Town, bot: Jukebox
) -> None:
    button = {"type": 2, "style": 1, "label": "up", "custom_id": "vote:42:up"}
    old = fake.seed_message(town.general, content="yesterday's picks", components=[{"type": 1, "components": [button]}])
    handle = await fake.click(town.alice, old, label="up")
    assert (await handle.wait_answer()).content == "noted up for 42"


async def test_select_on_an_ephemeral_message_updates_it(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    asked = await (await fake.invoke_command(town.alice, town.general, "mood")).wait_answer()
    assert asked.original is not None
    assert asked.ephemeral
    chosen = await (await fake.select(town.alice, asked.original, ["calm"], custom_id="mood")).wait_answer()
    assert chosen.type is CallbackType.UPDATE_MESSAGE
    assert chosen.original is not None
    assert chosen.original.content == "mood: calm"
    assert not chosen.original.components
    assert chosen.original.id == asked.original.id


async def test_modal_is_opened_and_its_submission_answered(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    opened = await fake.invoke_command(town.alice, town.general, "feedback")
    modal = (await opened.wait_response()).modal
    assert modal is not None
    assert modal.title == "Tell us"
    submitted = await fake.submit_modal(town.alice, opened, {modal.text_inputs()[0].custom_id or "": "more dub"})
    assert (await submitted.wait_answer()).content == "thanks: more dub"


async def test_admin_only_command_is_hidden_from_members(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    with pytest.raises(UnknownCommandError, match="hidden"):
        await fake.invoke_command(town.alice, town.general, "reset")
    handle = await fake.invoke_command(town.ada, town.general, "reset")
    assert (await handle.wait_answer()).content == "reset done"


# -- Discord's rules -------------------------------------------------------------------------------------------------


async def test_a_response_after_three_seconds_is_rejected_with_10062(
    fake: FakeDiscord, clock: ManualClock, town: Town, bot: Jukebox
) -> None:
    handle = await fake.invoke_command(town.alice, town.general, "recommend", {"query": "late"})
    clock.advance(3.01)  # the bot answers after Discord's window, by the stand-in's clock
    rejection = await handle.wait_rejection()
    assert (rejection.status, rejection.code) == (404, ErrorCode.UNKNOWN_INTERACTION)
    assert not handle.response().answered
    stats = fake.stats()
    assert stats.interactions_unanswered == 1
    assert stats.rejection_codes == {ErrorCode.UNKNOWN_INTERACTION: 1}


async def test_a_second_initial_response_is_rejected_with_40060(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    handle = await fake.invoke_command(town.alice, town.general, "double")
    rejection = await handle.wait_rejection()
    assert (rejection.status, rejection.code) == (400, ErrorCode.INTERACTION_ALREADY_ACKNOWLEDGED)
    assert handle.response().content == "first"
    await asyncio.wait_for(bot.failed.wait(), 5)
    assert bot.errors == [ErrorCode.INTERACTION_ALREADY_ACKNOWLEDGED]


async def test_an_oversized_embed_is_rejected_with_50035(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    handle = await fake.invoke_command(town.alice, town.general, "huge")
    rejection = await handle.wait_rejection(ErrorCode.INVALID_FORM_BODY)
    assert rejection.errors is not None
    assert rejection.errors["data"]["embeds"]["0"]["description"]["_errors"][0]["code"] == "BASE_TYPE_MAX_LENGTH"
    assert not handle.response().answered


async def test_429_with_retry_after_is_retried_by_discord_py(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    fake.rate_limit("/channels/{channel_id}/messages", method="POST", retry_after=0.05)
    fake.rate_limit("/interactions/{interaction_id}/{interaction_token}/callback", retry_after=0.05, is_global=True)
    posted = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} anything new?")
    reply = await fake.wait_reply(posted)
    answered = await (await fake.invoke_command(town.alice, town.general, "genre", {"name": "dub"})).wait_answer()
    stats = fake.stats()
    assert reply.content == "hi alice"
    assert answered.content == "genre: dub"
    assert stats.rate_limited == 2
    assert stats.requests_by_route["POST /channels/{channel_id}/messages"] == 2
    assert stats.requests_by_route["POST /interactions/{interaction_id}/{interaction_token}/callback"] == 2


async def test_everyone_with_allowed_mentions_none_pings_nobody(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    safe = await (await fake.invoke_command(town.ada, town.general, "announce", {"safe": True})).wait_answer()
    unsafe = await (await fake.invoke_command(town.ada, town.general, "announce", {"safe": False})).wait_answer()
    assert safe.original is not None
    assert unsafe.original is not None
    assert safe.original.content == unsafe.original.content == "@everyone fresh picks"
    assert safe.original.allowed_mentions == {"parse": []}
    assert not safe.original.pings.anyone
    assert unsafe.original.pings.everyone  # the control: the same words without the guard do ping


# -- messages ---------------------------------------------------------------------------------------------------------


async def test_a_mention_gets_a_reply_and_content_follows_the_intent(
    fake: FakeDiscord, town: Town, bot: Jukebox
) -> None:
    await fake.post_message(town.alice, town.general, "just chatting")
    posted = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} what now?")
    reply = await fake.wait_reply(posted)
    assert reply.reply_to == posted.id
    assert reply.content == "hi alice"
    assert reply.raw["message_reference"]["message_id"] == str(posted.id)
    assert not reply.pings.anyone  # mention_author=False
    # Without the MESSAGE_CONTENT intent a bot sees content only where it is mentioned, as on Discord.
    assert bot.seen == ["", f"<@{fake.bot.id}> what now?"]


async def test_a_direct_message_gets_a_reply(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    posted = await fake.post_message(town.alice, fake.dm_channel(town.alice), "hello")
    reply = await fake.wait_reply(posted)
    assert reply.guild_id is None
    assert reply.content == "hi alice"


# -- the gateway connection -----------------------------------------------------------------------------------------


async def test_dropped_connection_resumes_and_delivers_what_it_missed(
    fake: FakeDiscord, town: Town, bot: Jukebox
) -> None:
    async with fake.outage():
        handle = await fake.invoke_command(town.alice, town.general, "recommend", {"query": "in the gap"})
        assert handle.delivered
        assert not handle.response().answered
    answer = await handle.wait_answer()
    assert answer.content == "Try in the gap"
    gateway = fake.stats().gateway
    assert (gateway.identifies, gateway.resumes) == (1, 1)
    assert gateway.events_replayed >= 1


async def test_invalid_session_makes_the_client_identify_again(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    assert fake.invalidate_sessions() == 1
    await fake.wait_for_gateway(lambda g: g.identifies == 2)
    handle = await fake.invoke_command(town.alice, town.general, "genre", {"name": "dub"})
    assert (await handle.wait_answer()).content == "genre: dub"
    assert fake.stats().gateway.resumes == 0


async def test_reconnect_request_makes_the_client_resume(fake: FakeDiscord, town: Town, bot: Jukebox) -> None:
    assert fake.request_reconnect() == 1
    gateway = await fake.wait_for_gateway(lambda g: g.resumes == 1)
    assert gateway.identifies == 1
    handle = await fake.invoke_command(town.alice, town.general, "genre", {"name": "dub"})
    assert (await handle.wait_answer()).content == "genre: dub"


@pytest.mark.parametrize("fake", [FakeDiscordConfig(recommended_shards=2)], indirect=True)
async def test_sharded_client_gets_each_guild_on_its_shard(fake: FakeDiscord, start_client: StartClient) -> None:
    alice = fake.create_user("alice")
    guilds = [fake.create_guild(f"shard {n}", shard=(n, 2)) for n in (0, 1)]
    for guild in guilds:
        fake.add_member(guild, alice)
    client = QuickShards(intents=discord.Intents.default(), guild_ready_timeout=0.05)  # asks GET /gateway/bot
    tree = app_commands.CommandTree(client)

    @tree.command(description="Which shard am I on")
    async def where(interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"shard {interaction.guild.shard_id if interaction.guild else None}")

    client.setup_hook = tree.sync  # type: ignore[method-assign,assignment]
    await start_client(client)
    assert [client.get_guild(g.id).shard_id for g in guilds] == [0, 1]  # type: ignore[union-attr]
    for n, guild in enumerate(guilds):
        handle = await fake.invoke_command(alice, guild.channel("general"), "where")
        assert (await handle.wait_answer()).content == f"shard {n}"
    assert client.shard_count == 2
    assert fake.stats().gateway.identifies == 2


async def test_followups_work_for_fifteen_minutes_then_50027(
    fake: FakeDiscord, clock: ManualClock, town: Town, bot: Jukebox
) -> None:
    handle = await fake.invoke_command(town.alice, town.general, "genre", {"name": "dub"})
    await handle.wait_answer()
    url = f"{fake.api_base}/webhooks/{fake.application_id}/{handle.token}?wait=true"
    async with aiohttp.ClientSession() as http:
        clock.advance(14 * 60)
        async with http.post(url, json={"content": "still here"}) as response:
            assert response.status == 200
        clock.advance(61)
        async with http.post(url, json={"content": "too late"}) as response:
            assert (response.status, (await response.json())["code"]) == (401, ErrorCode.INVALID_WEBHOOK_TOKEN)
    assert [m.content for m in handle.response().followups] == ["still here"]


# -- the rules as functions -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("embed", "path"),
    [
        ({"title": "t" * 257}, "embeds.0.title"),
        ({"description": "d" * 4097}, "embeds.0.description"),
        ({"fields": [{"name": "n", "value": "v"}] * 26}, "embeds.0.fields"),
        ({"fields": [{"name": "n" * 257, "value": "v"}]}, "embeds.0.fields.0.name"),
        ({"fields": [{"name": "n", "value": "v" * 1025}]}, "embeds.0.fields.0.value"),
        ({"footer": {"text": "f" * 2049}}, "embeds.0.footer.text"),
        ({"author": {"name": "a" * 257}}, "embeds.0.author.name"),
        ({"description": "d" * 4000, "fields": [{"name": "n", "value": "v" * 1000}] * 3}, "embeds"),
    ],
)
def test_embed_limits_are_discords(embed: dict[str, Any], path: str) -> None:
    errors = FormErrors()
    check_message({"embeds": [embed]}, errors, creating=True)
    assert [p for p, _, _ in errors.flat] == [path]
    within = FormErrors()
    check_message({"embeds": [{"title": "t" * 256, "description": "d" * 4096}] * 1}, within, creating=True)
    assert not within


def test_at_most_ten_embeds() -> None:
    errors = FormErrors()
    check_message({"embeds": [{"title": "t"}] * 11}, errors, creating=True)
    assert [p for p, _, _ in errors.flat] == ["embeds"]


def test_pings_follow_allowed_mentions_and_permissions(fake: FakeDiscord, town: Town) -> None:
    quiet = fake.create_role(town.guild, "quiet")
    loud = fake.create_role(town.guild, "loud", mentionable=True)
    content = f"{town.ada.mention} {quiet.mention} {loud.mention} @here"

    def pings(author: int, allowed: dict[str, Any] | None, replied: int | None = None) -> Pings:
        return compute_pings(
            content, allowed, guild=town.guild, channel=town.general, author_id=author, replied_user_id=replied
        )

    by_alice = pings(town.alice.id, None)  # no MENTION_EVERYONE: only the mentionable role, no @here
    assert (by_alice.users, by_alice.roles, by_alice.here) == ({town.ada.id}, {loud.id}, False)
    by_bot = pings(fake.bot.id, None)  # the bot may MENTION_EVERYONE: every role and @here
    assert (by_bot.roles, by_bot.here) == ({quiet.id, loud.id}, True)
    assert not pings(fake.bot.id, {"parse": []}, replied=town.alice.id).anyone
    listed = pings(fake.bot.id, {"users": [str(town.alice.id)], "replied_user": True}, replied=town.ada.id)
    assert (listed.users, listed.roles, listed.mass) == ({town.ada.id}, frozenset(), False)


def test_event_ids_carry_the_time_they_were_made_at_any_rate() -> None:
    """Discord's ids tell an interaction's age (`created_at`); the stand-in's `next` gave each id a millisecond of
    its own, so 10,000 events in a second carried timestamps up to 10 s ahead and a flood looked fresh to the bot.
    `now` keeps the clock's millisecond and tells ids apart by the increment; `next` still spreads servers."""
    now_ms = [1_700_000_000_000]
    flakes = Snowflakes(lambda: now_ms[0])
    events = [flakes.now() for _ in range(5_000)]
    assert len(set(events)) == 5_000
    assert events == sorted(events)
    assert {e >> 22 for e in events[:4_096]} == {now_ms[0] - DISCORD_EPOCH_MS}
    assert (events[-1] >> 22) - (events[0] >> 22) == 1  # only past 4,096 in one millisecond does it move on
    servers = [flakes.next() for _ in range(4)]
    assert len({s >> 22 for s in servers}) == 4
    assert not set(servers) & set(events)
