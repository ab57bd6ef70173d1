"""/blend through the Discord stand-in: who may be in a blend."""

from __future__ import annotations

from typing import Any

import pytest

from fakediscord import FakeDiscord, UnknownCommandError, User
from fakediscord.harness import StartClient, Town
from segue.bot.client import SegueBot
from segue.domain import Feedback
from segue.state.records import UserPrefs
from support.e2e import segue_for, text_of


async def test_blend_refuses_bots_as_taste_does(fake: FakeDiscord, town: Town, start_client: StartClient) -> None:
    """`/blend member3:Segue` was taken as a member without likes ("No likes yet from ada, Segue")."""
    bot = segue_for(fake)
    await start_client(bot)
    robot = fake.create_user("beep", bot=True)
    fake.add_member(town.guild, robot)
    for machine in (robot, fake.bot):
        options = {"member1": town.alice, "member2": town.ada, "member3": machine}
        answer = await (await fake.invoke_command(town.alice, town.general, "blend", options)).wait_answer()
        assert answer.ephemeral
        assert answer.original is not None
        assert "Bots don't keep a taste in music" in text_of(answer.original)


async def test_blend_leaves_private_tastes_and_other_servers_out(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    """ada's '/blend member1:alice member2:bob', in her DM, listed songs for **alice** 'sounds like Chasing Pirates'."""
    bot = segue_for(fake)
    await start_client(bot)
    bob = fake.create_user("bob")
    fake.add_member(town.guild, bob)
    for member in (town.alice, bob, town.ada):
        await bot.deps.state.apply_feedback(Feedback(str(member.id), "like", track_id=liked(bot), artist_id=None))
    await bot.deps.state.set_prefs(UserPrefs(str(town.alice.id), share_taste=False))

    async def blend(user: User, *members: User) -> Any:
        options = {f"member{i}": m for i, m in enumerate(members, 1)}
        return await (await fake.invoke_command(user, town.general, "blend", options)).wait_answer()

    one = await blend(town.ada, town.alice, bob)
    assert one.ephemeral
    assert "alice keeps their taste private, so it stays out of blends" in text_of(one.original)
    own = await blend(town.alice, town.alice, bob)  # alice's own taste is hers to blend
    assert not own.ephemeral
    assert own.original.embeds[0].title == "Blend for alice, bob"
    await bot.deps.state.set_prefs(UserPrefs(str(bob.id), share_taste=False))
    both = await blend(town.ada, town.alice, bob, town.ada)
    assert "alice, bob keep their tastes private" in text_of(both.original)
    stranger = fake.create_user("stranger")
    away = await blend(town.ada, town.ada, stranger)
    assert "Not in this server: stranger" in text_of(away.original)
    with pytest.raises(UnknownCommandError):
        await fake.invoke_command(town.ada, fake.dm_channel(town.ada), "blend", {"member1": town.alice, "member2": bob})


def liked(bot: SegueBot) -> str:
    """A catalog track everyone likes, so each member has a taste to blend."""
    return bot.deps.service.catalog.track(0).id
