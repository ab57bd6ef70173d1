"""Persistent buttons against the stand-in: feedback changes the next answers, paging, refining, and restarts."""

from __future__ import annotations

from typing import Any

from fakediscord import CallbackType, FakeDiscord, Message
from fakediscord.harness import StartClient, Town
from segue.state import MemoryStateStore
from support.bot import make_deps
from support.e2e import component, running, segue_for, text_of, track_titles


async def recommend(fake: FakeDiscord, town: Town, options: dict[str, Any], user: Any = None) -> Message:
    handle = await fake.invoke_command(user or town.alice, town.general, "recommend", options)
    answer = await handle.wait_answer()
    assert answer.original is not None
    return answer.original


async def panel_for(fake: FakeDiscord, user: Any, message: Message, position: int) -> Message:
    """Pick track #position in the answer's menu (as it is now); returns the private panel."""
    message = fake.message(message.id)
    picker = component(message, "sg:pick:")
    value = picker.options[position - 1].value
    answer = await (await fake.select(user, message, [value], custom_id=picker.custom_id)).wait_answer()
    assert answer.ephemeral
    assert answer.original is not None
    return answer.original


def artist_of(field_name: str) -> str:
    return field_name.split(" — ", 1)[1].split(" (", 1)[0]


async def test_feedback_changes_the_next_answers(fake: FakeDiscord, town: Town, start_client: StartClient) -> None:
    await start_client(segue_for(fake))
    first = await recommend(fake, town, {"genre": "metal", "count": 3})
    titles = track_titles(first)
    replies = []
    for position, label in ((1, "Not for me"), (2, "Know it"), (3, "Never this artist")):
        panel = await panel_for(fake, town.alice, first, position)
        assert {b.label for b in panel.buttons} == {
            "Like",
            "Not for me",
            "Know it",
            "Never this artist",
            "More like this",
        }
        done = await (await fake.click(town.alice, panel, label=label)).wait_answer()
        assert done.ephemeral
        replies.append(done.content)
    assert replies[0].startswith("👎")
    assert replies[1].startswith("🙋")
    assert replies[2].startswith("🚫")
    blocked = artist_of(titles[2])
    again = await recommend(fake, town, {"genre": "metal", "count": 10})
    shown = track_titles(again)
    assert not {t.split(". ", 1)[1] for t in titles} & {t.split(". ", 1)[1] for t in shown}
    assert blocked not in {artist_of(t) for t in shown}
    # Feedback is personal: ada still gets the same first answer alice got.
    assert track_titles(await recommend(fake, town, {"genre": "metal", "count": 3}, user=town.ada)) == titles


async def test_next_page_less_mainstream_and_more_like(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    await start_client(segue_for(fake))
    first = await recommend(fake, town, {"genre": "electronic", "count": 3})
    page = await (await fake.click(town.alice, first, label="Next page")).wait_answer()
    assert page.type is CallbackType.UPDATE_MESSAGE
    edited = fake.message(first.id)
    assert edited.version > first.version
    assert edited.embeds[0].title == "Recommendations · page 2"
    assert track_titles(edited)[0].startswith("4. ")
    assert not set(track_titles(edited)) & set(track_titles(first))
    # Someone else paging gets a private copy; the public message is untouched.
    theirs = await (await fake.click(town.ada, edited, label="Next page")).wait_answer()
    assert theirs.type is CallbackType.CHANNEL_MESSAGE
    assert theirs.ephemeral
    assert fake.message(first.id).version == edited.version
    deeper = await (await fake.click(town.alice, edited, label="Less mainstream")).wait_answer()
    assert deeper.type is CallbackType.UPDATE_MESSAGE
    assert "deep cuts" in (fake.message(first.id).embeds[0].description or "")
    more = await (await fake.click(town.alice, first.id, label="More like #1")).wait_answer()
    assert more.ephemeral
    assert more.original is not None
    assert more.original.embeds[0].title == "More like this"
    assert "like " in (more.original.embeds[0].description or "")


async def test_clicks_on_unknown_controls_are_answered(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    await start_client(segue_for(fake))
    old = fake.seed_message(
        town.general,
        content="an answer from an old version",
        components=[{"type": 1, "components": [{"type": 2, "style": 1, "label": "Old", "custom_id": "v0:like:7"}]}],
    )
    answer = await (await fake.click(town.alice, old, label="Old")).wait_answer()
    assert answer.ephemeral
    assert "older version" in answer.content
    gone = fake.seed_message(
        town.general,
        content="a track the catalog lost",
        components=[
            {"type": 1, "components": [{"type": 2, "style": 3, "label": "Like", "custom_id": "sg:fb:like:zzz"}]}
        ],
    )
    lost = await (await fake.click(town.alice, gone, label="Like")).wait_answer()
    assert lost.ephemeral
    assert "can't find that track" in text_of(lost.original)
    assert fake.stats().interactions_unanswered == 0


async def test_buttons_survive_a_restart(fake: FakeDiscord, town: Town) -> None:
    state = MemoryStateStore()  # what a durable store keeps across the restart
    first_bot = segue_for(fake, make_deps(state=state))
    async with running(fake, first_bot):
        message = await recommend(fake, town, {"genre": "folk", "count": 3})
    assert first_bot.is_closed()

    second_bot = segue_for(fake, make_deps(state=state))  # a new instance: nothing shared but the state
    async with running(fake, second_bot):
        page = await (await fake.click(town.alice, message, label="Next page")).wait_answer()
        assert page.type is CallbackType.UPDATE_MESSAGE
        assert fake.message(message.id).embeds[0].title == "Recommendations · page 2"
        panel = await panel_for(fake, town.alice, message, 1)
        liked = await (await fake.click(town.alice, panel, label="Like")).wait_answer()
        assert liked.content.startswith("👍 Liked")
    assert len((await state.profile(str(town.alice.id))).liked_tracks) == 1

    # Even when the state was lost, old buttons answer instead of failing.
    amnesiac = segue_for(fake, make_deps(state=MemoryStateStore()))
    async with running(fake, amnesiac):
        stale = await (await fake.click(town.alice, message, label="Less mainstream")).wait_answer()
        assert stale.ephemeral
        assert "too old for its buttons" in text_of(stale.original)
        more_like = component(fake.message(message.id), "sg:more:").custom_id
        more = await (await fake.click(town.alice, message, custom_id=more_like)).wait_answer()
        assert more.ephemeral
        assert more.original is not None
        assert more.original.embeds[0].title == "More like this"
    assert fake.stats().interactions_unanswered == 0


async def test_another_members_page_click_leaves_the_owners_pages_alone(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    """Issue 7.1: ada paging alice's public answer gets her own copy; alice's next page is still page 2."""
    await start_client(segue_for(fake))
    first = await recommend(fake, town, {"genre": "electronic", "count": 3})
    theirs = await (await fake.click(town.ada, first, label="Next page")).wait_answer()
    assert theirs.ephemeral
    assert theirs.original is not None
    assert theirs.original.embeds[0].title == "Recommendations · page 2"
    their_page = component(theirs.original, "sg:page:").custom_id
    assert their_page != component(first, "sg:page:").custom_id  # her buttons act on her own copy
    again = await (await fake.click(town.ada, theirs.original, label="Next page")).wait_answer()
    assert again.type is CallbackType.UPDATE_MESSAGE
    mine = await (await fake.click(town.alice, first, label="Next page")).wait_answer()
    assert mine.type is CallbackType.UPDATE_MESSAGE
    assert fake.message(first.id).embeds[0].title == "Recommendations · page 2"
    assert track_titles(fake.message(first.id))[0].startswith("4. ")


async def test_forged_and_stale_button_ids_get_a_private_answer(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    """Issues 7.1 and 7.6: a page id not on the message, or a forged page number, is answered and changes nothing."""
    bot = segue_for(fake)
    await start_client(bot)
    first = await recommend(fake, town, {"genre": "electronic", "count": 3})
    key = component(first, "sg:page:").custom_id.split(":")[2]
    saved = await bot.deps.state.load_answer(key)
    forged = await (await fake.press_stale(town.ada, first, f"sg:page:{key}:99")).wait_answer()
    assert forged.ephemeral
    assert "isn't on this message" in forged.content
    other = await recommend(fake, town, {"genre": "folk", "count": 3})
    crossed = await (await fake.press_stale(town.alice, other, f"sg:page:{key}:1")).wait_answer()
    assert crossed.ephemeral
    assert await bot.deps.state.load_answer(key) == saved
    # The real case: a client that still shows the buttons from before an in-place edit.
    old_page = component(first, "sg:page:").custom_id
    await (await fake.click(town.alice, first, label="Next page")).wait_answer()
    stale = await (await fake.press_stale(town.alice, first, old_page)).wait_answer()
    assert stale.ephemeral
    assert "Ask again" in stale.content
    assert fake.stats().interactions_unanswered == 0


async def test_a_triple_click_on_next_page_shows_the_page_it_names(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    """Three clicks on one "Next page" before the first is answered land on page 2, not page 4."""
    await start_client(segue_for(fake))
    first = await recommend(fake, town, {"genre": "electronic", "count": 3})
    clicks = [await fake.click(town.alice, first, label="Next page") for _ in range(3)]
    for click in clicks:
        await click.wait_answer()
    edited = fake.message(first.id)
    assert edited.embeds[0].title == "Recommendations · page 2"
    assert track_titles(edited)[0].startswith("4. ")
    assert str(component(edited, "sg:page:").custom_id).endswith(":2")
    assert fake.stats().interactions_unanswered == 0
