"""/profile through the stand-in: private answers about the member's own data only (set, show, Last.fm, unlike,
unblock, playlists), and the stored novelty used by /recommend."""

from __future__ import annotations

from typing import Any

import pytest

from fakediscord import FakeDiscord, UnknownCommandError
from fakediscord.harness import StartClient, Town
from segue.domain import Feedback
from segue.state.records import UserPrefs
from support.e2e import NO_MENTIONS, segue_for, text_of


async def ask(fake: FakeDiscord, town: Town, name: str, options: dict[str, Any] | None = None, *, user: Any = None):  # type: ignore[no-untyped-def]
    handle = await fake.invoke_command(user or town.alice, town.general, name, options or {})
    return await handle.wait_answer()


async def test_set_changes_only_what_is_given_and_show_reads_it_back(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    bot = segue_for(fake)
    await start_client(bot)
    state, alice = bot.deps.state, str(town.alice.id)
    saved = await ask(fake, town, "profile set", {"novelty": "adventurous", "country": "gb"})
    assert saved.ephemeral
    assert saved.original.allowed_mentions == NO_MENTIONS
    await ask(fake, town, "profile set", {"language": "fr"})
    assert await state.prefs(alice) == UserPrefs(alice, novelty="adventurous", language="fr", country="GB")
    assert await state.prefs(str(town.ada.id)) == UserPrefs(str(town.ada.id))  # only the member who ran it
    shown = await ask(fake, town, "profile show")
    assert shown.ephemeral
    text = text_of(shown.original)  # alice chose French: her profile speaks it (issue 15)
    assert "aventureux" in text
    assert "Français" in text
    assert "GB" in text
    assert "non associé" in text
    assert "0 aimés" in text


async def test_whether_others_may_use_your_taste_is_set_and_shown(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    bot = segue_for(fake)
    await start_client(bot)
    alice = str(town.alice.id)
    first = text_of((await ask(fake, town, "profile show")).original)
    assert "**Share your taste:** yes (default): other members' /taste and /blend may use your likes" in first
    saved = await ask(fake, town, "profile set", {"share-taste": False})
    assert "**Share your taste:** no: your likes stay out of other members' /taste and /blend" in text_of(
        saved.original
    )
    assert await bot.deps.state.prefs(alice) == UserPrefs(alice, share_taste=False)
    await ask(fake, town, "profile set", {"novelty": "familiar"})  # other choices leave it as it is
    assert (await bot.deps.state.prefs(alice)).share_taste is False
    await ask(fake, town, "profile set", {"share-taste": True})
    shown = text_of((await ask(fake, town, "profile show")).original)
    assert "**Share your taste:** yes: other members' /taste and /blend may use your likes" in shown


@pytest.mark.parametrize(
    ("client", "chosen", "footer"),
    [
        ("de", "fr", "/profil ändern · /profil like-entfernen · /profil entsperren · /profil playlist"),
        ("es-ES", None, "/perfil cambiar · /perfil quitar-me-gusta · /perfil desbloquear · /perfil lista"),
        ("en-US", "pt-BR", "/profile set · /profile unlike · /profile unblock · /profile playlist"),
    ],
)
async def test_the_cards_footer_names_the_commands_the_members_client_lists(
    fake: FakeDiscord, town: Town, start_client: StartClient, client: str, chosen: str | None, footer: str
) -> None:
    """The footer was English on every client: '/profile set · /profile unlike · ...' under a Spanish card."""
    await start_client(segue_for(fake))
    member = fake.create_user(f"m-{client}", locale=client)
    fake.add_member(town.guild, member)
    if chosen is not None:
        await ask(fake, town, "profile set", {"language": chosen}, user=member)
    shown = await ask(fake, town, "profile show", user=member)
    assert shown.original.embeds[0].footer == footer


async def test_bad_values_get_a_clear_message_and_change_nothing(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    bot = segue_for(fake)
    await start_client(bot)
    state, alice = bot.deps.state, str(town.alice.id)
    await ask(fake, town, "profile lastfm", {"name": "rj"})
    refused = await ask(fake, town, "profile set", {"novelty": "familiar", "country": "Narnia"})
    assert refused.ephemeral
    assert "two-letter code" in text_of(refused.original)
    hostile = await ask(fake, town, "profile lastfm", {"name": "@everyone"})
    assert "isn't a Last.fm user name" in text_of(hostile.original)
    assert not hostile.original.pings.anyone
    assert await state.prefs(alice) == UserPrefs(alice, lastfm_user="rj")
    unlinked = await ask(fake, town, "profile lastfm-unlink")
    assert "forgot" in text_of(unlinked.original)
    assert (await state.prefs(alice)).lastfm_user is None


async def test_likes_are_listed_and_taken_back_with_autocomplete_over_the_members_own(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    bot = segue_for(fake)
    await start_client(bot)
    state, alice, ada = bot.deps.state, str(town.alice.id), str(town.ada.id)
    for track in ("t0", "t5"):
        await state.apply_feedback(Feedback(alice, "like", track_id=track, artist_id="a0"))
    await state.apply_feedback(Feedback(ada, "like", track_id="t8", artist_id="a2"))
    await state.record_answer(alice, ["t12"])
    await state.apply_feedback(Feedback(alice, "block_artist", artist_id="a3", track_id="t12"))
    shown = text_of((await ask(fake, town, "profile show")).original)
    assert "Pulse Song 1 — Pulse" in shown
    assert "Volt Song 0 — Volt" in shown
    assert "Neon" in shown  # the blocked artist, by name
    assert "Song 0 — Hammer" not in shown  # ada's like
    typed = await fake.autocomplete(town.alice, town.general, "profile unlike", {"track": ""}, focused="track")
    assert [c.value for c in (await typed.wait_answer()).choices] == ["t5", "t0"]  # newest first, only hers
    removed = await ask(fake, town, "profile unlike", {"track": "t5"})
    assert "Pulse Song 1" in text_of(removed.original)
    assert (await state.profile(alice)).liked_tracks == ("t0",)
    refused = await ask(fake, town, "profile unlike", {"track": "t8"})  # ada's like, typed by hand
    assert "isn't in your likes" in text_of(refused.original)
    assert (await state.profile(ada)).liked_tracks == ("t8",)
    blocks = await fake.autocomplete(town.alice, town.general, "profile unblock", {"artist": "ne"}, focused="artist")
    assert [(c.name, c.value) for c in (await blocks.wait_answer()).choices] == [("Neon", "a3")]
    await ask(fake, town, "profile unblock", {"artist": "a3"})
    assert (await state.profile(alice)).blocked_artists == ()


async def test_playlist_is_a_private_file_and_no_likes_is_a_message(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    bot = segue_for(fake)
    await start_client(bot)
    empty = await ask(fake, town, "profile playlist", {"format": "csv"})
    assert empty.ephemeral
    assert "haven't liked any tracks" in text_of(empty.original)
    assert empty.original.attachments == ()
    await bot.deps.state.apply_feedback(Feedback(str(town.alice.id), "like", track_id="t0", artist_id="a0"))
    for fmt in ("jspf", "m3u", "csv"):
        made = await ask(fake, town, "profile playlist", {"format": fmt})
        assert made.ephemeral, fmt
        assert made.original.attachments == (f"segue-likes.{fmt}",), fmt
        assert "1 liked track as" in made.original.content


async def test_the_stored_novelty_is_the_default_for_recommend(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    await start_client(segue_for(fake))
    before = await ask(fake, town, "recommend", {"genre": "metal"})
    assert "deep cuts" not in (before.original.embeds[0].description or "")
    await ask(fake, town, "profile set", {"novelty": "adventurous"})
    after = await ask(fake, town, "recommend", {"genre": "metal"})
    assert "deep cuts" in (after.original.embeds[0].description or "")
    chosen = await ask(fake, town, "recommend", {"genre": "metal", "novelty": "familiar"})
    assert "deep cuts" not in (chosen.original.embeds[0].description or "")
    other = await ask(fake, town, "recommend", {"genre": "metal"}, user=town.ada)
    assert "deep cuts" not in (other.original.embeds[0].description or "")


async def test_profile_works_in_dms_and_settings_does_not(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    bot = segue_for(fake)
    await start_client(bot)
    dm = fake.dm_channel(town.alice)
    saved = await (await fake.invoke_command(town.alice, dm, "profile set", {"novelty": "familiar"})).wait_answer()
    assert "familiar" in text_of(saved.original)
    assert (await bot.deps.state.prefs(str(town.alice.id))).novelty == "familiar"
    with pytest.raises(UnknownCommandError):
        await fake.invoke_command(town.alice, dm, "settings show")
