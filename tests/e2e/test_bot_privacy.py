"""/privacy through the stand-in: an export as a file, and a delete that needs its own confirm button."""

from __future__ import annotations

from fakediscord import CallbackType, FakeDiscord
from fakediscord.harness import StartClient, Town
from segue.domain import Feedback
from support.e2e import segue_for, text_of


async def test_export_sends_a_private_json_file(fake: FakeDiscord, town: Town, start_client: StartClient) -> None:
    bot = segue_for(fake)
    await start_client(bot)
    await bot.deps.state.apply_feedback(Feedback(str(town.alice.id), "like", track_id="t1", artist_id="a1"))
    answer = await (await fake.invoke_command(town.alice, town.general, "privacy export")).wait_answer()
    assert answer.ephemeral
    assert any("segue-my-data.json" in a for a in answer.original.attachments)
    exported = await bot.deps.state.export_user(str(town.alice.id))
    assert exported["profile"]["liked_tracks"] == ["t1"]


async def test_delete_needs_the_members_own_confirmation(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    bot = segue_for(fake)
    await start_client(bot)
    state = bot.deps.state
    alice, ada = str(town.alice.id), str(town.ada.id)
    await state.apply_feedback(Feedback(alice, "like", track_id="t1", artist_id="a1"))
    await state.apply_feedback(Feedback(ada, "like", track_id="t2", artist_id="a2"))
    asked = await (await fake.invoke_command(town.alice, town.general, "privacy delete")).wait_answer()
    assert asked.ephemeral
    assert "can't be undone" in text_of(asked.original)
    assert (await state.profile(alice)).liked_tracks == ("t1",)  # asking deletes nothing
    # A forged confirm naming alice, pressed by ada, deletes nothing.
    forged = fake.seed_message(
        town.general,
        content="forged",
        components=[
            {"type": 1, "components": [{"type": 2, "style": 4, "label": "x", "custom_id": f"sg:forget:{alice}"}]}
        ],
    )
    refused = await (await fake.click(town.ada, forged, label="x")).wait_answer()
    assert refused.ephemeral
    assert "isn't yours" in text_of(refused.original)
    assert (await state.profile(alice)).liked_tracks == ("t1",)
    done = await (await fake.click(town.alice, asked.original, label="Delete everything")).wait_answer()
    assert done.type is CallbackType.UPDATE_MESSAGE
    assert "deleted" in (fake.message(asked.original.id).content or "")
    assert (await state.profile(alice)).liked_tracks == ()
    assert (await state.profile(ada)).liked_tracks == ("t2",)
