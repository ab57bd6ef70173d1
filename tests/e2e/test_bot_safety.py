"""No message the bot sends can ping @everyone, @here, a role or a user, even when the catalog itself is hostile."""

from __future__ import annotations

import re
from dataclasses import replace

from fakediscord import FakeDiscord, Message
from fakediscord.harness import StartClient, Town
from support.bot import make_deps, make_service
from support.catalog import FakeCatalog
from support.e2e import NO_MENTIONS, component, segue_for

RAW_PING = re.compile(r"@(everyone|here)|<@[!&]?\d+>", re.IGNORECASE)


def hostile_catalog(role_id: int, user_id: int) -> FakeCatalog:
    """Metal track titles and one artist name made of mention syntax and markdown."""
    catalog = FakeCatalog.build()
    for i, track in enumerate(catalog.tracks):
        if track.artists[0] in {"Anvil", "Forge", "Hammer"}:
            title = f"@everyone <@&{role_id}> **{track.title}** <@{user_id}> @here"
            catalog.tracks[i] = replace(track, title=title)
    hammer = next(i for i, a in enumerate(catalog.artists) if a.name == "Hammer")
    catalog.artists[hammer] = replace(catalog.artists[hammer], name="@here Hammer <@&1>")
    return catalog


def all_visible_text(message: Message) -> str:
    parts = [message.content]
    for embed in message.embeds:
        parts += [embed.title or "", embed.description or "", embed.footer or "", embed.author or ""]
        parts += [f.name + "\n" + f.value for f in embed.fields]
    for c in message.walk_components():
        parts += [c.label or ""] + [o.label + " " + (o.description or "") for o in c.options]
    return "\n".join(parts)


async def test_hostile_catalog_text_never_pings(fake: FakeDiscord, town: Town, start_client: StartClient) -> None:
    role = fake.create_role(town.guild, "Everyone Who Listens", mentionable=True)
    catalog = hostile_catalog(role.id, town.alice.id)
    bot = segue_for(fake, make_deps(service=make_service(catalog)))
    await start_client(bot)

    # Control: the stand-in does count pings, so a clean result below means something.
    shout = await fake.post_message(town.ada, town.general, f"@everyone {role.mention}")
    assert shout.pings.everyone
    assert role.id in shout.pings.roles

    answer = await (await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "metal"})).wait_answer()
    assert answer.original is not None
    assert "@\u200beveryone" in answer.original.embeds[0].fields[0].name  # the title is shown, defused
    picker = component(answer.original, "sg:pick:")
    panel = await (
        await fake.select(town.alice, answer.original, [picker.options[0].value], custom_id=picker.custom_id)
    ).wait_answer()
    assert panel.original is not None
    await (await fake.click(town.alice, panel.original, label="Like")).wait_answer()
    await (await fake.invoke_command(town.alice, town.general, "similar", {"artist": "Forge"})).wait_answer()
    asked = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} metal")
    await fake.wait_reply(asked)

    sent = [m for m in fake.messages(town.general) if m.author_id == fake.bot.id]
    assert len(sent) >= 4  # answer, panel (rating now updates it), similar, mention reply
    for message in sent:
        assert message.allowed_mentions is not None, message.id
        assert message.allowed_mentions["parse"] == NO_MENTIONS["parse"], message.id
        assert not message.pings.anyone, message.id
        assert RAW_PING.search(all_visible_text(message)) is None, all_visible_text(message)
