"""Speaking each member's language: which one (their /profile choice > the server's /settings > the client's
language > the server's language > English), the slash commands' localizations (discord.py's `Translator`),
and the engine's English sentences (reasons, notes, errors) retold in the chosen language.

The engine stays English (`segue ask` prints it); it hands reasons over as data (`Reason.facts`) and its notes
and error sentences follow fixed templates, which `retell` matches and says again from the catalog.
"""

from __future__ import annotations

import logging
import re
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import discord
from discord import app_commands

from segue.bot.servers import ServerSettings
from segue.i18n import DEFAULT, N_, Catalogs, Speaker, choose, locale_of
from segue.state import StateStore

log = logging.getLogger(__name__)

SPEAKER_KEY = "segue.speaker"
"""Where an interaction keeps its resolved speaker (`interaction.extras`), so it is looked up once."""
PREFS_TTL = 30.0
"""Seconds a member's stored language is served from memory (a change through this process shows at once)."""
PREFS_CACHED = 10_000


class Speech:
    """Picks the speaker for an interaction or a message; caches members' stored languages for a short while."""

    def __init__(
        self,
        catalogs: Catalogs,
        state: StateStore,
        servers: ServerSettings,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.catalogs = catalogs
        self.state = state
        self.servers = servers
        self._clock = clock
        self._languages: OrderedDict[str, tuple[float, str | None]] = OrderedDict()

    @property
    def english(self) -> Speaker:
        return self.catalogs.speaker(DEFAULT)

    def remember(self, user_id: str, language: str | None) -> None:
        """A member changed their language here: use it from the next request on."""
        self._languages[user_id] = (self._clock() + PREFS_TTL, language)
        self._languages.move_to_end(user_id)
        while len(self._languages) > PREFS_CACHED:
            self._languages.popitem(last=False)

    async def _member_language(self, user_id: str, *, cached_only: bool = False) -> str | None:
        hit = self._languages.get(user_id)
        if hit is not None and (cached_only or hit[0] > self._clock()):
            return hit[1]
        if cached_only:
            return None
        try:
            language = (await self.state.prefs(user_id)).language
        except Exception:  # an answer must not fail because a preference could not be read
            log.warning("could not read the language of member %s", user_id, exc_info=True)
            return hit[1] if hit is not None else None
        self.remember(user_id, language)
        return language

    async def choose(
        self,
        user_id: str,
        guild_id: int | None,
        locale: str | None,
        guild_locale: str | None,
        *,
        written_in: str | None = None,
        cached_only: bool = False,
    ) -> Speaker:
        """The speaker for one member in one place; `written_in` is the language a free-text request was detected
        in, which comes right after the member's own choice. `cached_only` never reads the store (see `shedding`)."""
        mine = await self._member_language(user_id, cached_only=cached_only)
        server = (await self.servers.get(guild_id)).language if guild_id is not None else None
        return self.catalogs.speaker(choose(mine, written_in, server, locale, guild_locale))

    async def for_interaction(self, interaction: discord.Interaction[Any], *, shedding: bool = False) -> Speaker:
        """The interaction's speaker, resolved once and kept in its extras.

        `shedding`: the answer is a refusal under load ("busy", "going a bit fast"); a member's stored language is
        then taken only from memory, so refusing work never adds a database read (the client's language decides
        for members not seen lately).
        """
        known = interaction.extras.get(SPEAKER_KEY)
        if isinstance(known, Speaker):
            return known
        guild_locale = interaction.guild_locale.value if interaction.guild_locale is not None else None
        found = await self.choose(
            str(interaction.user.id),
            interaction.guild_id,
            interaction.locale.value,
            guild_locale,
            cached_only=shedding,
        )
        if not shedding:
            interaction.extras[SPEAKER_KEY] = found
        return found

    async def for_message(self, message: discord.Message, *, written_in: str | None = None) -> Speaker:
        """A message carries no client locale: the member's choice, the language the request was written in (when
        one other than English was detected: English is also what the parser says when it found nothing else), the
        server's setting, then its Community locale."""
        guild = message.guild
        guild_locale = guild.preferred_locale.value if guild is not None else None
        written = written_in if written_in not in (None, DEFAULT) else None
        return await self.choose(
            str(message.author.id), guild.id if guild else None, None, guild_locale, written_in=written
        )


class CommandTranslator(app_commands.Translator):
    """Command, option and choice names and descriptions from the `commands` catalog, keyed by where the
    string stands (msgctxt = discord.py's `TranslationContextLocation` name)."""

    def __init__(self, catalogs: Catalogs) -> None:
        self.catalogs = catalogs

    async def translate(
        self, string: app_commands.locale_str, locale: discord.Locale, context: app_commands.TranslationContextTypes
    ) -> str | None:
        return translate_command(self.catalogs, string.message, locale.value, context.location.name)


def translate_command(catalogs: Catalogs, message: str, locale: str, where: str) -> str | None:
    """The localized command string, or None to keep the default (English, or a locale Segue does not speak)."""
    found = locale_of(locale)
    if found is None or found == DEFAULT:
        return None
    said = catalogs.speaker(found).pgettext(where, message)
    return said if said != message else None


# -- the engine's sentences -----------------------------------------------------------------------------------------

ENGINE_TEMPLATES = (
    N_("That's all I have for this: {found} of the {asked} you asked for."),
    N_("Not used: {words} (I don't know it yet)."),
    N_("I show up to {n} tracks at a time (you asked for {asked}); Next page has more."),
    N_("You didn't name anything, so here's a mix across genres; tell me an artist, a song or a mood to steer it."),
    N_("{names} is not in my catalog yet; these come from live music sources."),
    N_("I know this artist but not who sounds like them yet."),
    N_("Like a few tracks first (the 👍 button under any answer), then I can discover for you."),
    N_("Tell me what you'd like to hear."),
    N_("That request is too long; please keep it under {n} characters."),
    N_("I don't know the artist '{name}'."),
    N_("I don't know the track '{name}'."),
    N_("I don't know the genre '{name}'."),
    N_("I don't know the artist '{name}'. Did you mean {options}?"),
    N_("I don't know the track '{name}'. Did you mean {options}?"),
    N_("I don't know the genre '{name}'. Did you mean {options}?"),
    N_("Please give me a artist name."),
    N_("Please give me a track name."),
    N_("Please give me a genre name."),
    N_("That artist name is too long (200 max)."),
    N_("That track name is too long (200 max)."),
    N_("You're going a bit fast. Try again in {seconds} s."),
    N_("The default count must be a whole number from {low} to {high}."),
    N_("A rate limit must be a whole number from {low} to {high}."),
    N_("I can only switch off these commands: {names}."),
    N_("Language must be one of {names}."),
    N_("Something went wrong on our side. Please try again in a moment."),
    N_("I could not understand that request."),
    N_("The music catalog is not available right now."),
    N_("A music source is not answering right now; showing what I have."),
    N_("I could not save that right now. Please try again."),
    N_("You need the Manage Server permission to use this command."),
    N_("The database is not reachable right now; try again soon."),
    N_(
        "Tell me an artist, a song, a genre, a mood or an era, for example "
        "'something like Daft Punk but chill' or '80s synth-pop'."
    ),
    N_("Nothing in the catalog matches all of that. Try fewer constraints."),
    N_("I read '{name}' as {artist}; give me the exact name if you meant someone else."),
    N_("I don't know {names}."),
    N_("I don't know {names}. Did you mean {options}?"),
    N_("Few tracks fit {words} as well, so the rest match the request without it."),
    N_("Some are from just outside the era you asked."),
    N_("Some are from outside the era you asked."),
    N_("I have little {asked}; the rest is the nearest broader genre ({wider})."),
    N_("Please type what you'd like to hear."),
    N_("That request is too long ({length} characters); keep it under {n}."),
    N_("Tell me what you'd like to hear, e.g. 'chill songs like Nujabes'."),
    N_("Blend for {names}"),
    N_("Recommendations · page {page}"),
    N_("A blend needs {low} to {high} different members."),
    N_("No likes yet from {names}, so the blend leans on the others. 👍 a few tracks!"),
)
"""English sentences with variable parts (named) that the engine, the state store, the error tree and
`bot.answers` produce. A fixed sentence marked `N_` anywhere is found by itself; a sentence that matches
nothing is shown as it came (English), never dropped."""

_SLOT = re.compile(r"\\\{(\w+)\\\}")


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile("^" + _SLOT.sub(lambda m: f"(?P<{m[1]}>.+?)", re.escape(template)) + "$", re.DOTALL)


class Retelling:
    """Matches an English sentence against the templates and says it in a speaker's language."""

    def __init__(self, templates: tuple[str, ...] = ENGINE_TEMPLATES) -> None:
        self._patterns = [(template, _pattern(template)) for template in templates]

    def __call__(self, say: Speaker, text: str) -> str:
        if say.locale == DEFAULT:
            return text
        exact = say.translations.gettext(text)
        if exact != text:
            return exact
        for template, pattern in self._patterns:
            found = pattern.match(text)
            if found is not None:
                return say.gettext(template, **found.groupdict())
        return text


retell = Retelling()
"""The one retelling of English sentences (a table of compiled patterns, no state)."""
