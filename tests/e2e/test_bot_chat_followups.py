"""Chat follow-ups against the stand-in: '@Segue more', 'more like the 2nd one', 'older' act on an earlier answer,
either the one a message replies to or the member's last one in that channel; never on another member's private
answer, never from an opted-in channel's chatter, never with a ping.

"Not answered" is checked as in test_bot_chat.py: once a later message's reply has arrived, an ignored one would
already have had its reply.
"""

from __future__ import annotations

from fakediscord import FakeDiscord, Message
from fakediscord.harness import StartClient, Town
from support.e2e import component, segue_for, text_of, track_titles


def numbered(message: Message) -> list[str]:
    """Track headings without their numbers ('Willow Song 0 — Willow (1972)')."""
    return [name.split(". ", 1)[1] for name in track_titles(message)]


def title(message: Message) -> str:
    return message.embeds[0].title or ""


def never_pings(message: Message) -> None:
    assert message.allowed_mentions is not None
    assert message.allowed_mentions["parse"] == []
    assert not message.pings.anyone


async def test_more_next_page_and_more_like_a_number_act_on_the_members_last_answer(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    await start_client(segue_for(fake))
    first = await fake.wait_reply(await fake.post_message(town.alice, town.general, f"{fake.bot.mention} folk"))
    page = await fake.wait_reply(await fake.post_message(town.alice, town.general, f"{fake.bot.mention} more"))
    never_pings(page)
    assert title(page) == "Recommendations · page 2"
    assert track_titles(page)[0].startswith("4. ")  # numbering goes on from the first page
    assert not set(numbered(page)) & set(numbered(first))
    assert component(page, "sg:page:").custom_id.endswith(":2")  # its own Next page names page 3
    again = await fake.wait_reply(await fake.post_message(town.alice, town.general, f"{fake.bot.mention} next page"))
    assert title(again) == "Recommendations · page 3"
    eighth = numbered(again)[1].split(" — ")[0]
    like = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} more like #8")
    liked = await fake.wait_reply(like)
    never_pings(liked)
    assert title(liked) == "More like this"
    assert f"like {eighth}" in (liked.embeds[0].description or "")


async def test_a_reply_to_an_answer_acts_on_that_answer_whoever_sends_it(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    """A public answer is everyone's to go on from, as its buttons are: a reply names it, the member's own later
    answers notwithstanding."""
    await start_client(segue_for(fake))
    folk = await fake.wait_reply(await fake.post_message(town.alice, town.general, f"{fake.bot.mention} folk"))
    await fake.wait_reply(await fake.post_message(town.alice, town.general, f"{fake.bot.mention} metal"))
    third = numbered(folk)[2].split(" — ")[0]
    theirs = await fake.post_message(town.ada, town.general, "more like the 3rd one", reply_to=folk)
    liked = await fake.wait_reply(theirs)
    never_pings(liked)
    assert f"like {third}" in (liked.embeds[0].description or "")
    mine = await fake.wait_reply(await fake.post_message(town.alice, town.general, "more", reply_to=folk))
    assert title(mine) == "Recommendations · page 2"
    assert "genre: folk" in (mine.embeds[0].description or "")  # the folk answer, not alice's last (metal)
    assert not set(numbered(mine)) & set(numbered(folk))
    command = await (await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "metal"})).wait_answer()
    deeper = await fake.wait_reply(
        await fake.post_message(town.ada, town.general, "less popular", reply_to=command.original)
    )
    assert title(deeper) == "Less mainstream"  # a command's answer is one to go on from too
    assert "genre: metal" in text_of(deeper)


async def test_a_twist_applies_to_the_stored_request(fake: FakeDiscord, town: Town, start_client: StartClient) -> None:
    await start_client(segue_for(fake))
    asked = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} metal from the 90s")
    metal = await fake.wait_reply(asked)
    assert "era: 1990-1999" in text_of(metal)
    older = await fake.wait_reply(await fake.post_message(town.alice, town.general, f"{fake.bot.mention} older"))
    never_pings(older)
    assert title(older) == "Older"
    assert "genre: metal" in text_of(older)
    assert "era: 1980-1989" in text_of(older)
    deeper = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} less popular", reply_to=metal)
    said = text_of(await fake.wait_reply(deeper))
    assert "era: 1990-1999" in said  # the answer replied to, not the older one after it
    assert "Less mainstream" in said


async def test_a_follow_up_speaks_the_language_of_its_words_else_of_the_answer(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    await start_client(segue_for(fake))
    await fake.wait_reply(await fake.post_message(town.alice, town.general, f"{fake.bot.mention} folk"))
    spanish = await fake.wait_reply(await fake.post_message(town.alice, town.general, f"{fake.bot.mention} más"))
    assert title(spanish) == "Recomendaciones · página 2"
    dm = fake.dm_channel(town.ada)
    await fake.wait_reply(await fake.post_message(town.ada, dm, "etwas metal"))  # German, the stand-in parser says
    german = await fake.wait_reply(await fake.post_message(town.ada, dm, "more"))  # no language: the answer's
    assert title(german) == "Empfehlungen · Seite 2"


async def test_no_answer_to_go_on_from_is_todays_reply(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    """Another member's answer, one in another channel, a DM's: none is this member's to follow here."""
    await start_client(segue_for(fake))
    bob = fake.create_user("bob")
    fake.add_member(town.guild, bob)
    dm = fake.dm_channel(town.alice)
    await fake.wait_reply(await fake.post_message(town.alice, dm, "folk"))
    await fake.wait_reply(await fake.post_message(town.ada, town.general, f"{fake.bot.mention} metal"))
    for who, text in ((town.alice, "more"), (bob, "more like the 2nd one")):
        reply = await fake.wait_reply(await fake.post_message(who, town.general, f"{fake.bot.mention} {text}"))
        never_pings(reply)
        assert "Recommendations" not in text_of(reply)
        assert "More like this" not in text_of(reply)
    more = await fake.wait_reply(await fake.post_message(town.alice, dm, "more"))
    assert title(more) == "Recommendations · page 2"  # in the DM, the DM's answer is hers to go on from


async def test_an_opted_in_channels_chatter_is_never_a_follow_up(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    await start_client(segue_for(fake))
    await (await fake.invoke_command(town.ada, town.general, "admin listen", {"enabled": True})).wait_answer()
    await fake.wait_reply(await fake.post_message(town.alice, town.general, "some chill folk"))
    chatter = [
        await fake.post_message(town.alice, town.general, text) for text in ("more", "older", "like the 2nd one")
    ]
    asked = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} more")
    assert title(await fake.wait_reply(asked)) == "Recommendations · page 2"  # a direct mention is one
    for quiet in chatter:
        assert [m for m in fake.messages(town.general) if m.reply_to == quiet.id] == []
