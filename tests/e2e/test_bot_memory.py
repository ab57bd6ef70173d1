"""The bot remembers: what a member taught it, their saved answers and the listening channels survive a restart.

Two bot instances, one after the other, on one SQLite file, exactly what `segue run` does across a restart.
"""

from __future__ import annotations

from pathlib import Path

from fakediscord import CallbackType, FakeDiscord
from fakediscord.harness import Town
from segue.state import SqlStateStore, make_engine
from support.bot import make_deps
from support.e2e import component, running, segue_for, track_titles


async def sqlite_store(path: Path) -> SqlStateStore:
    store = SqlStateStore(make_engine(f"sqlite+aiosqlite:///{path}"))
    await store.ensure_schema()
    return store


async def test_likes_blocks_pages_and_channels_survive_a_restart(fake: FakeDiscord, town: Town, tmp_path: Path) -> None:
    database = tmp_path / "segue.db"
    first = segue_for(fake, make_deps(state=await sqlite_store(database)))
    async with running(fake, first):
        asked = await (
            await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "metal"})
        ).wait_answer()
        message = asked.original
        picker = component(message, "sg:pick:")
        panel = await (
            await fake.select(town.alice, message, [picker.options[0].value], custom_id=picker.custom_id)
        ).wait_answer()
        await (await fake.click(town.alice, panel.original, label="Like")).wait_answer()
        second_pick = component(fake.message(message.id), "sg:pick:").options[1].value
        panel2 = await (await fake.select(town.alice, message, [second_pick], custom_id=picker.custom_id)).wait_answer()
        await (await fake.click(town.alice, panel2.original, label="Never this artist")).wait_answer()
        await (await fake.invoke_command(town.ada, town.general, "admin listen", {"enabled": True})).wait_answer()
        await first.shutdown()  # graceful: the writer flushes
    liked_title = track_titles(message)[0].split(". ", 1)[1]
    blocked_artist = track_titles(message)[1].split(" — ", 1)[1].split(" (", 1)[0]

    state = await sqlite_store(database)
    second = segue_for(fake, make_deps(state=state))  # a new process: nothing shared but the database file
    async with running(fake, second):
        profile = await state.profile(str(town.alice.id))
        assert len(profile.liked_tracks) == 1
        assert len(profile.blocked_artists) == 1
        assert await state.is_listening(str(town.general.id))
        page = await (await fake.click(town.alice, message, label="Next page")).wait_answer()
        assert page.type is CallbackType.UPDATE_MESSAGE  # the old message's buttons still work
        again = await (
            await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "metal", "count": 10})
        ).wait_answer()
        titles = track_titles(again.original)
        assert liked_title not in {t.split(". ", 1)[1] for t in titles}  # liked: not recommended again
        assert blocked_artist not in {t.split(" — ", 1)[1].split(" (", 1)[0] for t in titles}
        found = await (await fake.invoke_command(town.alice, town.general, "discover", {"count": 3})).wait_answer()
        assert len(track_titles(found.original)) == 3  # /discover starts from the like it remembered
