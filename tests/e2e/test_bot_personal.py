"""/discover and /blend answer no request: they say what they come from, never 'Understood as: nothing specific',
and /discover with nothing to start from is one private how-to."""

from __future__ import annotations

from typing import Any

import pytest

from fakediscord import FakeDiscord, User
from fakediscord.harness import StartClient, Town
from segue.bot import render
from segue.bot.answers import FROM_EVERYONES_LIKES, FROM_YOUR_LIKES, NOTHING_TO_DISCOVER_FROM
from segue.i18n import NOTHING_UNDERSTOOD
from support.bot import catalogs, speaker
from support.e2e import component, segue_for, text_of, track_titles

UNDERSTOOD = "*Understood as:* {said}"


async def ask(fake: FakeDiscord, town: Town, user: User, name: str, options: dict[str, Any] | None = None) -> Any:
    return await (await fake.invoke_command(user, town.general, name, options or {})).wait_answer()


async def like(fake: FakeDiscord, town: Town, user: User, artist: str) -> None:
    seeded = await ask(fake, town, user, "recommend", {"artist": artist, "count": 1})
    picker = component(seeded.original, "sg:pick:")
    picked = await fake.select(user, seeded.original, [picker.options[0].value], custom_id=picker.custom_id)
    panel = (await picked.wait_answer()).original
    like_label = next(c.label for c in panel.buttons if c.custom_id and c.custom_id.startswith("sg:fb:like"))
    await (await fake.click(user, panel, label=like_label)).wait_answer()


@pytest.mark.parametrize("locale", ["en-US", "es-ES", "de"])
async def test_discover_with_nothing_liked_is_one_private_how_to(
    fake: FakeDiscord, town: Town, start_client: StartClient, locale: str
) -> None:
    """It answered publicly: 'Understood as: nothing specific', 'Like a few tracks first…', then 'I didn't
    understand that as music'."""
    user = fake.create_user("newcomer", locale=locale)
    fake.add_member(town.guild, user)
    await start_client(segue_for(fake))
    said = await ask(fake, town, user, "discover")
    assert said.ephemeral
    (message,) = said.messages
    say = catalogs().speaker(locale, commands_for=locale)
    assert render.safe(say.gettext(NOTHING_TO_DISCOVER_FROM)) in text_of(message)
    assert say.gettext(render.NOT_UNDERSTOOD) not in text_of(message)
    assert say.gettext(NOTHING_UNDERSTOOD) not in text_of(message)


async def test_discover_and_blend_say_what_they_come_from_not_a_reading(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    await start_client(segue_for(fake))
    for user, seed in ((town.alice, "Willow"), (town.ada, "Anvil")):
        await like(fake, town, user, seed)
    say = speaker()
    nothing = say.gettext(UNDERSTOOD, said=say.gettext(NOTHING_UNDERSTOOD))
    found = await ask(fake, town, town.alice, "discover", {"count": 3})
    assert track_titles(found.original)
    description = found.original.embeds[0].description or ""
    assert nothing not in description
    assert description.startswith(say.gettext(FROM_YOUR_LIKES))
    blend = await ask(fake, town, town.alice, "blend", {"member1": town.alice, "member2": town.ada})
    assert track_titles(blend.original)
    description = blend.original.embeds[0].description or ""
    assert nothing not in description
    assert description.startswith(say.gettext(FROM_EVERYONES_LIKES))
