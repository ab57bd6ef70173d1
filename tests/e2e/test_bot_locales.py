"""Issue 15 end to end through the stand-in: the same /recommend, click, error and mention in each of the five
languages, and a server's language setting overriding the member's client."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest

from fakediscord import FakeDiscord, User
from fakediscord.harness import StartClient, Town
from segue.i18n import LOCALES, catalog_dir
from support.bot import ScriptedLimiter, make_deps, speaker
from support.e2e import component, segue_for, text_of

SLOW_DOWN = "You're going a bit fast. Try again in {seconds} s."
WAIT = 600


@dataclass(frozen=True)
class Expect:
    """What a member of one client language must read."""

    locale: str
    understood: str
    buttons: frozenset[str]
    reason: str
    need_seed: str
    panel: str
    like: str
    too_long: str


LANGUAGES = [
    Expect("en-US", "*Understood as:*", frozenset({"More like #1", "Less mainstream", "Next page"}),
           "shares listeners with", "Give me an artist or a track.", "What do you think?", "Like",
           "That request is too long; please keep it under 500 characters."),
    Expect("es-ES", "*Entendido como:*", frozenset({"Más como la n.º 1", "Menos comercial", "Página siguiente"}),
           "comparte oyentes con", "Dame un artista o una canción.", "¿Qué te parece?", "Me gusta",
           "Esa petición es demasiado larga; que no pase de 500 caracteres."),
    Expect("fr", "*Compris comme :*", frozenset({"Plus comme le n° 1", "Moins grand public", "Page suivante"}),
           "partage des auditeurs avec", "Donnez-moi un artiste ou un morceau.", "Qu'en pensez-vous ?", "J'aime",
           "Cette demande est trop longue ; restez sous 500 caractères."),
    Expect("de", "*Verstanden als:*", frozenset({"Mehr wie Nr. 1", "Weniger Mainstream", "Nächste Seite"}),
           "teilt Hörer mit", "Nenn mir einen Künstler oder einen Song.", "Was meinst du?", "Gefällt mir",
           "Diese Anfrage ist zu lang; bitte bleib unter 500 Zeichen."),
    Expect("pt-BR", "*Entendido como:*", frozenset({"Mais como a nº 1", "Menos mainstream", "Próxima página"}),
           "compartilha ouvintes com", "Me diga um artista ou uma música.", "O que achou?", "Curti",
           "Esse pedido é longo demais; use menos de 500 caracteres."),
]  # fmt: skip


def member(fake: FakeDiscord, town: Town, locale: str) -> User:
    user = fake.create_user(f"m-{locale}", locale=locale)
    fake.add_member(town.guild, user)
    return user


async def ask(fake: FakeDiscord, town: Town, user: User, name: str, options: dict[str, Any]) -> Any:
    handle = await fake.invoke_command(user, town.general, name, options)
    return await handle.wait_answer()


@pytest.mark.parametrize("expect", LANGUAGES, ids=[e.locale for e in LANGUAGES])
async def test_recommend_buttons_and_errors_speak_the_client_language(
    fake: FakeDiscord, town: Town, start_client: StartClient, expect: Expect
) -> None:
    user = member(fake, town, expect.locale)
    await start_client(segue_for(fake))
    answer = await ask(fake, town, user, "recommend", {"query": "something like Willow", "count": 3})
    message = answer.original
    (embed,) = message.embeds
    assert (embed.description or "").startswith(expect.understood)
    assert {c.label for c in message.buttons} == expect.buttons
    assert expect.reason in text_of(message)
    picker = component(message, "sg:pick:")
    picked = await fake.select(user, message, [picker.options[0].value], custom_id=picker.custom_id)
    panel = await picked.wait_answer()
    assert panel.ephemeral
    assert panel.original.embeds[0].title == expect.panel
    assert expect.like in {c.label for c in panel.original.buttons}
    refused = await ask(fake, town, user, "similar", {})
    assert refused.ephemeral
    assert refused.original.embeds[0].description == expect.need_seed


@pytest.mark.parametrize("expect", LANGUAGES, ids=[e.locale for e in LANGUAGES])
async def test_a_mention_is_answered_in_the_servers_language(
    fake: FakeDiscord, start_client: StartClient, expect: Expect
) -> None:
    """A message carries no client language: the server's own (its Community locale) is the best hint."""
    guild = fake.create_guild(f"room-{expect.locale}")
    guild.preferred_locale = expect.locale
    user = fake.create_user("talker")
    fake.add_member(guild, user)
    await start_client(segue_for(fake))
    asked = await fake.post_message(user, guild.channel("general"), f"{fake.bot.mention} something like Willow")
    reply = await fake.wait_reply(asked)
    assert (reply.embeds[0].description or "").startswith(expect.understood)
    assert {c.label for c in reply.buttons} == expect.buttons
    rambling = await fake.post_message(user, guild.channel("general"), f"{fake.bot.mention} {'la ' * 300}")
    assert (await fake.wait_reply(rambling)).embeds[0].description == expect.too_long


async def test_the_servers_setting_beats_the_client_and_the_members_choice_beats_both(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    spanish = member(fake, town, "es-ES")
    await start_client(segue_for(fake))
    before = await ask(fake, town, spanish, "recommend", {"query": "something like Willow"})
    assert (before.original.embeds[0].description or "").startswith("*Entendido como:*")
    await ask(fake, town, town.ada, "settings set", {"key": "language", "value": "fr"})
    after = await ask(fake, town, spanish, "recommend", {"query": "something like Willow"})
    assert (after.original.embeds[0].description or "").startswith("*Compris comme :*")
    asked = await fake.post_message(spanish, town.general, f"{fake.bot.mention} something like Willow")
    assert ((await fake.wait_reply(asked)).embeds[0].description or "").startswith("*Compris comme :*")
    saved = await ask(fake, town, spanish, "profile set", {"language": "de"})
    assert saved.original.embeds[0].title == "Einstellungen gespeichert"  # the reply is already in German
    mine = await ask(fake, town, spanish, "recommend", {"query": "something like Willow"})
    assert (mine.original.embeds[0].description or "").startswith("*Verstanden als:*")


async def test_a_mention_written_in_another_language_is_answered_in_it(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    """Free text: the language the request was detected in beats the server's; the member's own choice beats it."""
    await start_client(segue_for(fake))
    asked = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} algo como Willow")
    assert ((await fake.wait_reply(asked)).embeds[0].description or "").startswith("*Entendido como:*")
    english = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} something like Willow")
    assert ((await fake.wait_reply(english)).embeds[0].description or "").startswith("*Understood as:*")
    await ask(fake, town, town.alice, "profile set", {"language": "fr"})
    again = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} algo como Willow")
    assert ((await fake.wait_reply(again)).embeds[0].description or "").startswith("*Compris comme :*")


async def test_a_length_asked_for_is_said_in_the_members_language(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    """'under 3 minutes' seeded the band 3; now every song is at most 3:00 and the member reads the bound."""
    user = member(fake, town, "es-ES")
    await start_client(segue_for(fake))
    answer = await ask(fake, town, user, "recommend", {"query": "something like Willow under 3 minutes"})
    (embed,) = answer.original.embeds
    assert "duración: hasta 3:00" in (embed.description or "")
    shown = text_of(answer.original)
    assert "Song 0" in shown or "Song 1" in shown  # the toy songs last 2:30, 3:00, 3:30 and 4:00 (Song 0 to 3)
    assert "Song 2" not in shown
    assert "Song 3" not in shown


@pytest.mark.parametrize("locale", ["es-ES", "fr", "de", "pt-BR"])
async def test_a_mention_past_the_rate_limit_hears_it_in_the_members_language(
    fake: FakeDiscord, town: Town, start_client: StartClient, locale: str
) -> None:
    """A pt-BR member's quick mentions were told 'You're going a bit fast' in English (a message has no client
    locale), while their slash commands heard '⏳ Ainda esfriando.': the client their last command carried speaks."""
    user = member(fake, town, locale)
    await start_client(segue_for(fake, make_deps(limiter=ScriptedLimiter(budget=1, retry_after=WAIT))))
    await ask(fake, town, user, "ping", {})
    answered = await fake.post_message(user, town.general, f"{fake.bot.mention} something like Willow")
    assert (await fake.wait_reply(answered)).embeds
    refused = await fake.post_message(user, town.general, f"{fake.bot.mention} something like Willow")
    (notice,) = (await fake.wait_reply(refused)).embeds
    assert notice.description == speaker(locale).gettext(SLOW_DOWN, seconds=WAIT)
    assert notice.description != speaker().gettext(SLOW_DOWN, seconds=WAIT)


async def test_a_mention_past_the_rate_limit_hears_it_in_the_language_it_is_written_in(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    """A member known only by their messages: the language of their requests speaks for the refusal too."""
    await start_client(segue_for(fake, make_deps(limiter=ScriptedLimiter(budget=1, retry_after=WAIT))))
    answered = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} algo como Willow")
    assert ((await fake.wait_reply(answered)).embeds[0].description or "").startswith("*Entendido como:*")
    refused = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} algo como Willow")
    (notice,) = (await fake.wait_reply(refused)).embeds
    assert notice.description == speaker("es").gettext(SLOW_DOWN, seconds=WAIT)


def _slash_names(text: str) -> set[str]:
    """The commands a text names ('**/empfehlen**', '/profil anzeigen': 'empfehlen', 'profil')."""
    return set(re.findall(r"(?<![\w/])/([^\W_][\w-]*)", text))


def _command_names(locale: str) -> set[str]:
    """The commands and groups as a client in `locale` lists them (the catalog's names, English where none)."""
    template = (catalog_dir() / "commands.pot").read_text(encoding="utf-8")
    entries = re.findall(r'msgctxt "((?:command|group)_name)"\nmsgid "([^"]+)"', template)
    say = speaker(locale)
    return {say.pgettext(where, name) for where, name in entries}


@pytest.mark.parametrize(("client", "chosen"), [("en-US", "de"), ("es-ES", "en"), ("fr", "pt-BR")])
async def test_help_names_the_commands_the_members_client_lists(
    fake: FakeDiscord, town: Town, start_client: StartClient, client: str, chosen: str
) -> None:
    """/help on an en-US client with German chosen listed /datenschutz, which that client has no command for:
    the words follow the member's choice, the command names their client."""
    user = member(fake, town, client)
    await start_client(segue_for(fake))
    await ask(fake, town, user, "profile set", {"language": chosen})
    shown = text_of((await ask(fake, town, user, "help", {})).original)
    named = _slash_names(shown)
    assert len(named) >= len(LOCALES)
    assert named <= _command_names(client)
    assert not named & (_command_names(chosen) - _command_names(client))
    assert speaker(chosen).gettext("Segue — music recommendations") in shown
