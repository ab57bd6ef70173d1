"""Which language the bot speaks to whom, its localized slash commands (valid under Discord's rules in every
locale), and the engine's English sentences retold (issue 15)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import discord
import pytest
from discord import app_commands

from segue.bot.command_strings import offline_bot
from segue.bot.speech import CommandTranslator
from segue.i18n import ENGINE_TEMPLATES, retell
from segue.state import MemoryStateStore
from segue.state.records import UserPrefs
from support.bot import FakeInteraction, FakeUser, catalogs, speaker, speech

DISCORD_LOCALES = [loc for loc in discord.Locale if loc.value.split("-")[0] in {"en", "es", "fr", "de", "pt"}]
NAME_MAX = 32
DESCRIPTION_MAX = 100


async def test_the_member_then_the_server_then_the_client_decides() -> None:
    state = MemoryStateStore()
    voices = speech(state)
    asked = FakeInteraction(user=FakeUser(id=7), guild_id=5, locale=discord.Locale.spain_spanish)
    assert (await voices.for_interaction(asked)).locale == "es"  # only the client's language is known
    await state.change_setting("5", "language", "de", "1")
    voices = speech(state)
    asked = FakeInteraction(user=FakeUser(id=7), guild_id=5, locale=discord.Locale.spain_spanish)
    assert (await voices.for_interaction(asked)).locale == "de"  # the server's setting beats the client
    await state.set_prefs(UserPrefs("7", language="pt-BR"))
    voices = speech(state)
    asked = FakeInteraction(user=FakeUser(id=7), guild_id=5, locale=discord.Locale.spain_spanish)
    assert (await voices.for_interaction(asked)).locale == "pt_BR"  # the member's own choice beats both


async def test_the_guild_locale_is_the_last_hint_and_english_the_default() -> None:
    voices = speech()
    japanese = FakeInteraction(locale=discord.Locale.japanese, guild_locale=discord.Locale.french)
    assert (await voices.for_interaction(japanese)).locale == "fr"
    nothing = FakeInteraction(locale=discord.Locale.japanese)
    assert (await voices.for_interaction(nothing)).locale == "en"


async def test_a_language_change_here_applies_at_once() -> None:
    state = MemoryStateStore()
    voices = speech(state)
    assert (await voices.choose("9", None, "fr", None)).locale == "fr"
    await state.set_prefs(UserPrefs("9", language="de"))
    voices.remember("9", "de")
    assert (await voices.choose("9", None, "fr", None)).locale == "de"


def _valid_name(name: str) -> bool:
    """Discord: 1-32 characters, lowercase, letters (any script), digits, '-', '_' and "'"."""
    return 1 <= len(name) <= NAME_MAX and name == name.lower() and all(c.isalnum() or c in "-_'" for c in name)


def test_the_name_rule_refuses_what_discord_refuses() -> None:
    for good in ("recomendar", "vaciar-caché", "ähnlich", "member1", "j'aime"):
        assert _valid_name(good), good
    for bad in ("Empfehlen", "two words", "x" * 33, "", "a.b"):
        assert not _valid_name(bad), bad


def _check(payload: dict[str, Any], locale: str, siblings: set[str]) -> None:
    name = payload.get("name_localizations", {}).get(locale, payload["name"])
    assert _valid_name(name), f"{locale}: bad name {name!r}"
    assert name not in siblings, f"{locale}: two siblings are called {name!r}"
    siblings.add(name)
    description = payload.get("description_localizations", {}).get(locale, payload.get("description", "x"))
    assert 1 <= len(description) <= DESCRIPTION_MAX, f"{locale}: description of {name!r} is {len(description)} long"
    for choice in payload.get("choices", ()):
        shown = choice.get("name_localizations", {}).get(locale, choice["name"])
        assert 1 <= len(shown) <= DESCRIPTION_MAX, f"{locale}: choice {shown!r}"
    inner: set[str] = set()
    for option in payload.get("options", ()):
        _check(option, locale, inner)


@pytest.mark.parametrize("locale", [loc.value for loc in DISCORD_LOCALES])
async def test_every_command_is_valid_and_localized_in_every_locale(locale: str) -> None:
    bot = offline_bot()
    for name in bot.extension_names:
        await bot.load_extension(name)
    translator = CommandTranslator(catalogs())
    top: set[str] = set()
    translated = 0
    for command in bot.tree.get_commands():
        payload = await command.get_translated_payload(bot.tree, translator)
        _check(payload, locale, top)
        translated += locale in payload.get("name_localizations", {})
    if not locale.startswith("en"):
        assert translated >= len(top) // 2, f"{locale}: most command names should be localized"


async def test_recommend_is_recomendar_in_spanish_with_its_options() -> None:
    bot = offline_bot()
    await bot.load_extension("segue.bot.cogs.music")
    command = bot.tree.get_command("recommend")
    assert isinstance(command, app_commands.Command)
    payload = await command.get_translated_payload(bot.tree, CommandTranslator(catalogs()))
    assert payload["name_localizations"]["es-ES"] == "recomendar"
    assert payload["name_localizations"]["pt-BR"] == "recomendar"
    assert payload["name_localizations"]["de"] == "empfehlen"
    assert "en-US" not in payload["name_localizations"]
    artist = next(o for o in payload["options"] if o["name"] == "artist")
    assert artist["name_localizations"]["fr"] == "artiste"
    novelty = next(o for o in payload["options"] if o["name"] == "novelty")
    shown = {c["name_localizations"]["es-ES"] for c in novelty["choices"]}
    assert shown == {"conocido", "equilibrado", "joyas ocultas"}


@pytest.mark.parametrize(
    ("english", "locale", "said"),
    [
        (
            "That's all I have for this: 3 of the 5 you asked for.",
            "es",
            "Es todo lo que tengo para esto: 3 de las 5 que pediste.",
        ),
        ("Not used: 'zzz' (I don't know it yet).", "fr", "Non utilisé : 'zzz' (je ne connais pas encore)."),
        ("You're going a bit fast. Try again in 4 s.", "de", "Du bist etwas schnell. Versuch es in 4 s noch einmal."),
        ("Tell me what you'd like to hear.", "pt_BR", "Me diga o que você quer ouvir."),
        ("Some sentence no template knows.", "es", "Some sentence no template knows."),
        # Also matched by "I don't know {names}.", which came out half translated ("Não conheço the word ...").
        (
            "I don't know the word 'chil'; I took it to mean chill.",
            "pt_BR",
            "Não conheço a palavra 'chil'; entendi como tranquilo.",  # the mood said in Portuguese too
        ),
        (
            "I don't know the word 'thunderstorm'; I took it to mean rainy.",
            "es",
            "No conozco la palabra 'thunderstorm'; la entendí como lluvioso.",
        ),
        # A correction to a genre keeps its name: genre names are not translated.
        (
            "I don't know the word 'reggea'; I took it to mean reggae.",
            "fr",
            "Je ne connais pas le mot « reggea » ; je l'ai compris comme reggae.",
        ),
    ],
)  # fmt: skip
def test_engine_sentences_are_retold(english: str, locale: str, said: str) -> None:
    assert retell(speaker(locale), english) == said
    assert retell(speaker("en"), english) == english


def test_the_engine_still_says_what_the_templates_expect() -> None:
    """The templates copy the engine's sentences; if one changes there, it would silently stay English."""
    from segue.domain import FeatureRange, Query
    from segue.engine import filling, notes, service
    from segue.errors import PermissionDeniedError, RateLimitedError, SegueError, UnknownSeedError

    asked = Query(features=(FeatureRange("energy", high=0.4, because="chill"),), year_min=1980, year_max=1989)
    said = [
        *(note for _, note in notes.relaxations(asked)),
        service.MIX_NOTE,
        service.MIX_WITHIN_NOTE,
        service.CATALOG_ENDS.format(year=2020),
        service.HELP_HINT,
        filling.NOTHING_MATCHES,
        SegueError.default_message,
        PermissionDeniedError.default_message,
        RateLimitedError(3.2).user_message,
        UnknownSeedError("artist", "Dafty", ["Daft Punk"]).user_message,
        *notes.link_notes(("spotify", "youtu.be", "example.com")),
    ]
    for sentence in said:
        assert retell(speaker("es"), sentence) != sentence, sentence
    assert len(set(ENGINE_TEMPLATES)) == len(ENGINE_TEMPLATES)


class CountingState(MemoryStateStore):
    """Counts preference reads: refusing work under load must not add any."""

    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    async def prefs(self, user_id: str) -> UserPrefs:
        self.reads += 1
        return await super().prefs(user_id)


async def test_a_refusal_under_load_never_reads_the_store() -> None:
    state = CountingState()
    await state.set_prefs(UserPrefs("7", language="de"))
    voices = speech(state)
    busy = FakeInteraction(user=FakeUser(id=7), locale=discord.Locale.french)
    assert (await voices.for_interaction(busy, shedding=True)).locale == "fr"  # not seen lately: the client decides
    assert state.reads == 0
    asked = FakeInteraction(user=FakeUser(id=7), locale=discord.Locale.french)
    assert (await voices.for_interaction(asked)).locale == "de"
    assert state.reads == 1
    again = FakeInteraction(user=FakeUser(id=7), locale=discord.Locale.french)
    assert (await voices.for_interaction(again, shedding=True)).locale == "de"  # remembered
    assert state.reads == 1


async def test_a_member_who_deletes_their_data_is_forgotten_here_too() -> None:
    state = MemoryStateStore()
    voices = speech(state)
    voices.remember("9", "de")
    assert (await voices.choose("9", None, "fr", None, cached_only=True)).locale == "de"
    voices.forget("9")
    assert (await voices.choose("9", None, "fr", None, cached_only=True)).locale == "fr"


@dataclass
class Mention:
    """What `Speech.for_message` reads of a message: who wrote it, and where (a DM here)."""

    author: FakeUser
    guild: None = None


TRY = "Chat requests are switched off in this server. Try /recommend instead."


async def test_a_message_speaks_and_names_commands_as_the_members_last_client_did() -> None:
    """A message has no client locale: the one the member's last interaction carried stands in for it (a pt-BR
    member's mentions were refused in English while their commands spoke Portuguese)."""
    voices = speech()
    unknown = await voices.choose("9", None, None, "fr")  # never seen: the server's locale names the commands
    assert unknown.locale == "fr"
    assert "/recommander" in unknown.gettext(TRY)
    await voices.choose("9", None, "pt-BR", None)  # a slash command from a pt-BR client
    seen = await voices.choose("9", None, None, "fr")
    assert seen.locale == "pt_BR"
    assert seen.gettext(TRY) == catalogs().speaker("pt_BR").gettext(TRY)
    voices.forget("9")  # /privacy delete: nothing of theirs is kept
    assert (await voices.choose("9", None, None, None)).locale == "en"


async def test_command_names_follow_the_client_while_the_words_follow_the_choice() -> None:
    state = MemoryStateStore()
    await state.set_prefs(UserPrefs("7", language="de"))
    english_client = FakeInteraction(user=FakeUser(id=7), locale=discord.Locale.american_english)
    say = await speech(state).for_interaction(cast(discord.Interaction[Any], english_client))
    assert say.locale == "de"
    said = say.gettext(TRY)
    assert "/recommend." in said
    assert "/empfehlen" not in said
    assert said != TRY


async def test_the_language_a_member_writes_in_speaks_until_their_next_request_says_otherwise() -> None:
    voices = speech()
    message = cast(discord.Message, Mention(FakeUser(id=3)))
    assert (await voices.for_message(message, written_in="es")).locale == "es"
    assert (await voices.for_message(message)).locale == "es"  # a refusal before the next request is read
    assert (await voices.for_message(message, written_in="en")).locale == "en"
    assert (await voices.for_message(message)).locale == "en"


async def test_the_choices_an_answer_read_speak_without_a_second_read() -> None:
    """`Answers.heard` hands Speech the member's choices it just read: the answer is said in their language and
    the same row is not read again (issue 14)."""

    class CountingState(MemoryStateStore):
        reads = 0

        async def prefs(self, user_id: str) -> UserPrefs:
            self.reads += 1
            return await super().prefs(user_id)

    state = CountingState()
    voices = speech(state)
    voices.heard(UserPrefs("11", language="de"))
    assert (await voices.choose("11", None, "fr", None)).locale == "de"
    assert state.reads == 0
