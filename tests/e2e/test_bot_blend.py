"""/blend through the Discord stand-in: who may be in a blend."""

from __future__ import annotations

from fakediscord import FakeDiscord
from fakediscord.harness import StartClient, Town
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
