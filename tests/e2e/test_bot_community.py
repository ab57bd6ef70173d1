"""/taste and /trending through the Discord stand-in: built on the likes members give with the buttons."""

from __future__ import annotations

from typing import Any

import pytest

from fakediscord import FakeDiscord, UnknownCommandError
from fakediscord.harness import StartClient, Town
from segue.bot.client import SegueBot
from support.e2e import NO_MENTIONS, component, segue_for, text_of


async def ask(fake: FakeDiscord, town: Town, name: str, options: dict[str, Any], user: Any = None) -> Any:
    return await (await fake.invoke_command(user or town.alice, town.general, name, options)).wait_answer()


async def like_first(fake: FakeDiscord, town: Town, user: Any, artist: str) -> str:
    """Ask for music like `artist`, open the first track, press Like; the liked track's title."""
    seeded = await ask(fake, town, "recommend", {"artist": artist, "count": 1}, user=user)
    picker = component(seeded.original, "sg:pick:")
    panel = await (
        await fake.select(user, seeded.original, [picker.options[0].value], custom_id=picker.custom_id)
    ).wait_answer()
    liked = await (await fake.click(user, panel.original, label="Like")).wait_answer()
    assert liked.content.startswith("👍 Liked")
    return str(picker.options[0].label)


async def test_trending_shows_the_servers_requests_and_likes(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    await start_client(segue_for(fake))
    empty = await ask(fake, town, "trending", {})
    assert "Nothing is trending here yet" in text_of(empty.original)
    liked = await like_first(fake, town, town.alice, "Anvil")
    await like_first(fake, town, town.ada, "Anvil")
    await ask(fake, town, "recommend", {"artist": "Willow"})
    week = await ask(fake, town, "trending", {})
    assert not week.ephemeral
    fields = {f.name: f.value for f in week.original.embeds[0].fields}
    assert fields["Most requested artists"].startswith("1. Anvil (2)")
    assert "Willow (1)" in fields["Most requested artists"]
    assert liked.split(" - ")[0][:20] in fields["Most liked tracks"]
    other = fake.create_guild("Elsewhere")
    fake.add_member(other, town.alice)
    elsewhere = await (await fake.invoke_command(town.alice, other.channel("general"), "trending", {})).wait_answer()
    assert "Nothing is trending here yet" in text_of(elsewhere.original)  # one server's week stays its own


async def test_taste_compares_two_members_and_picks_one_track_each_way(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    bot: SegueBot = segue_for(fake)
    await start_client(bot)
    nobody = await ask(fake, town, "taste", {"member": town.ada})
    assert nobody.ephemeral
    assert "You have not liked any tracks yet" in nobody.content
    await like_first(fake, town, town.alice, "Anvil")
    waiting = await ask(fake, town, "taste", {"member": town.ada})
    assert "ada has not liked any tracks yet" in waiting.content
    assert waiting.original.allowed_mentions == NO_MENTIONS
    await like_first(fake, town, town.ada, "Forge")
    await like_first(fake, town, town.ada, "Willow")
    match = await ask(fake, town, "taste", {"member": town.ada})
    assert match.ephemeral  # it names songs ada liked: for the member who asked, not the whole channel
    embed = match.original.embeds[0]
    assert embed.title == "Your taste and ada's"
    assert "of the artists your likes and theirs lead to are the same" in (embed.description or "")
    names = [f.name for f in embed.fields]
    assert names[0] == "Artists you both liked"
    assert "For you, from ada's likes" in names
    assert "For ada, from your likes" in names


async def test_taste_asks_nothing_of_a_member_who_keeps_their_taste_private(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    """bob's public '/taste member:alice' said 'For you, from alice's likes: Chasing Pirates - Norah Jones'; ada
    stands in for bob here."""
    await start_client(segue_for(fake))
    liked = await like_first(fake, town, town.alice, "Anvil")
    await like_first(fake, town, town.ada, "Forge")
    await ask(fake, town, "profile set", {"share-taste": False})
    refused = await ask(fake, town, "taste", {"member": town.alice}, user=town.ada)
    assert refused.ephemeral
    said = text_of(refused.original)
    assert "alice keeps their taste private" in said
    assert liked.split(" - ")[0] not in said
    own = await ask(fake, town, "taste", {"member": town.ada})  # alice's own taste is hers to compare
    assert "For you, from ada's likes" in [f.name for f in own.original.embeds[0].fields]
    await ask(fake, town, "profile set", {"share-taste": True})
    shared = await ask(fake, town, "taste", {"member": town.alice}, user=town.ada)
    assert "For you, from alice's likes" in [f.name for f in shared.original.embeds[0].fields]


async def test_taste_is_for_members_of_the_server_it_runs_in(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    await start_client(segue_for(fake))
    stranger = fake.create_user("stranger")
    elsewhere = fake.create_guild("Elsewhere")
    fake.add_member(elsewhere, stranger)
    await like_first(fake, town, town.alice, "Anvil")
    away = await ask(fake, town, "taste", {"member": stranger})
    assert away.ephemeral
    assert "Not in this server: stranger" in text_of(away.original)
    with pytest.raises(UnknownCommandError):  # nor from a DM, where no server's members are around
        await fake.invoke_command(town.ada, fake.dm_channel(town.ada), "taste", {"member": town.alice})


async def test_taste_refuses_bots_and_oneself(fake: FakeDiscord, town: Town, start_client: StartClient) -> None:
    await start_client(segue_for(fake))
    itself = await ask(fake, town, "taste", {"member": town.alice})
    assert "That's you!" in text_of(itself.original)
    robot = fake.create_user("beep", bot=True)
    fake.add_member(town.guild, robot)
    machine = await ask(fake, town, "taste", {"member": robot})
    assert "Bots don't keep a taste" in text_of(machine.original)
