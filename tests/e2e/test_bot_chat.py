"""Free text against the stand-in: mentions, DMs and opted-in channels are answered; chatter is left alone.

"Not answered" is checked without waiting for a timeout: the bot handles messages in the order the gateway
delivers them, and ignoring one never waits on anything, so once the next message's reply has arrived, an
ignored message would already have had its reply.
"""

from __future__ import annotations

from fakediscord import FakeDiscord
from fakediscord.harness import StartClient, Town
from support.bot import ScriptedLimiter, make_deps
from support.e2e import NO_MENTIONS, component, segue_for, text_of


async def test_a_mention_is_answered_in_a_reply_showing_the_understanding(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    await start_client(segue_for(fake))
    asked = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} folk from the 70s please")
    reply = await fake.wait_reply(asked)
    assert reply.allowed_mentions is not None
    assert reply.allowed_mentions["parse"] == []
    assert not reply.pings.anyone  # not even the person asking
    description = reply.embeds[0].description or ""
    assert "genre: folk" in description
    assert "era: 1970-1979" in description
    assert component(reply, "sg:pick:") is not None


async def test_a_dm_is_answered(fake: FakeDiscord, town: Town, start_client: StartClient) -> None:
    await start_client(segue_for(fake))
    dm = fake.dm_channel(town.alice)
    asked = await fake.post_message(town.alice, dm, "something like Anvil")
    reply = await fake.wait_reply(asked)
    assert "like Anvil" in (reply.embeds[0].description or "")


async def test_opted_in_channel_answers_requests_and_ignores_chatter(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    bot = segue_for(fake)
    await start_client(bot)
    before = await fake.post_message(town.alice, town.general, "some chill folk")  # not opted in yet
    await (await fake.invoke_command(town.ada, town.general, "admin listen", {"enabled": True})).wait_answer()
    chatter = await fake.post_message(town.alice, town.general, "lol same, see you tomorrow")
    unknown = await fake.post_message(town.alice, town.general, "it was like Tuesday or so")
    moody = await fake.post_message(town.alice, town.general, "good night everyone")  # a mood's word, no request
    asked = await fake.post_message(town.alice, town.general, "some chill folk")
    reply = await fake.wait_reply(asked)
    assert "genre: folk" in (reply.embeds[0].description or "")
    for quiet in (before, chatter, unknown, moody):
        assert [m for m in fake.messages(town.general) if m.reply_to == quiet.id] == []
    assert bot.deps.stats.messages["ignored"] == 3


async def test_nonsense_mentions_get_one_hint_then_a_short_reply(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    """A direct mention is never met with silence: the hint once per cooldown, then one line (a member who said
    '@Segue less popular' heard nothing and could not tell whether the bot was up)."""
    await start_client(segue_for(fake))
    first = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} hello there")
    hint = await fake.wait_reply(first)
    assert "I recommend music" in hint.content
    assert hint.allowed_mentions is not None
    assert hint.allowed_mentions["parse"] == []
    second = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} are you there")
    only_mention = await fake.post_message(town.alice, town.general, fake.bot.mention)
    asked = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} metal")
    await fake.wait_reply(asked)
    for again in (second, only_mention):
        short = await fake.wait_reply(again)
        assert "I didn't catch a music request" in short.content
        assert "I recommend music" not in short.content
        assert short.allowed_mentions is not None
        assert short.allowed_mentions["parse"] == []
    # Someone else still gets their hint.
    theirs = await fake.post_message(town.ada, town.general, f"{fake.bot.mention} hi")
    assert "I recommend music" in (await fake.wait_reply(theirs)).content


async def test_free_text_errors_and_unknown_names(fake: FakeDiscord, town: Town, start_client: StartClient) -> None:
    await start_client(segue_for(fake))
    long = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} " + "folk " * 120)
    assert "too long" in text_of(await fake.wait_reply(long))
    unknown = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} something like Forj")
    assert "Did you mean Forge" in text_of(await fake.wait_reply(unknown))


async def test_rate_limited_messages_are_told_once_then_ignored(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    deps = make_deps(limiter=ScriptedLimiter(budget=1, retry_after=600))
    await start_client(segue_for(fake, deps))
    ok = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} folk")
    assert (await fake.wait_reply(ok)).embeds
    told = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} metal")
    assert "Try again in 600 s" in text_of(await fake.wait_reply(told))
    silent = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} house")
    other = await fake.post_message(town.ada, town.general, f"{fake.bot.mention} house")
    await fake.wait_reply(other)
    assert [m for m in fake.messages(town.general) if m.reply_to == silent.id] == []


async def test_replies_never_ping(fake: FakeDiscord, town: Town, start_client: StartClient) -> None:
    await start_client(segue_for(fake))
    asked = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} metal @everyone")
    reply = await fake.wait_reply(asked)
    assert reply.allowed_mentions == {**NO_MENTIONS, "replied_user": False}
    assert not reply.pings.anyone


async def test_requests_while_restarting_are_told_so_like_slash_commands(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    """Issue 7.8: during the graceful drain a mention got no reply at all; it gets the same "restarting" words."""
    bot = segue_for(fake)
    await start_client(bot)
    await (await fake.invoke_command(town.ada, town.general, "admin listen", {"enabled": True})).wait_answer()
    bot.deps.stats.inflight.draining = True
    command = await (await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "folk"})).wait_answer()
    assert "restarting" in text_of(command.original)
    for channel, text in (
        (town.general, f"{fake.bot.mention} folk from the 70s please"),
        (fake.dm_channel(town.alice), "something like Anvil"),
        (town.general, "some chill folk"),
    ):
        asked = await fake.post_message(town.alice, channel, text)
        reply = await fake.wait_reply(asked)
        assert "restarting" in (reply.embeds[0].description or ""), text
    chatter = await fake.post_message(town.alice, town.general, "lol same, see you tomorrow")
    last = await fake.post_message(town.alice, town.general, "some chill folk")
    await fake.wait_reply(last)
    assert [m for m in fake.messages(town.general) if m.reply_to == chatter.id] == []  # chatter stays unanswered
