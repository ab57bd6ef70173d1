"""Speaking each member's language: which one (their /profile choice > the server's /settings > the client's
language > the server's language > English), and the slash commands' localizations (discord.py's `Translator`).
What is said comes from `segue.i18n` (catalogs, reasons from their facts, the engine's sentences retold).
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import discord
from discord import app_commands

from segue.bot.servers import ServerSettings
from segue.i18n import DEFAULT, Catalogs, Speaker, choose, locale_of
from segue.infra.cache import keep_newest
from segue.state import StateStore
from segue.state.records import UserPrefs

log = logging.getLogger(__name__)
T = TypeVar("T")

SPEAKER_KEY = "segue.speaker"
"""Where an interaction keeps its resolved speaker (`interaction.extras`), so it is looked up once."""
PREFS_TTL = 30.0
"""Seconds a member's stored language is served from memory (a change through this process shows at once)."""
PREFS_CACHED = 10_000
WRITTEN_TTL = 600.0
"""Seconds the language a member's last free-text request was written in still speaks for them where the text at
hand says nothing (a refusal before it was read, a request of names only)."""


@dataclass(frozen=True, slots=True)
class Heard:
    """What a member's own requests told this process about their language: the locale of their Discord client
    (any interaction carries it; a message does not) and the language they last wrote a request in."""

    client: str | None = None
    written: str | None = None
    written_until: float = 0.0


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
        self._heard: OrderedDict[str, Heard] = OrderedDict()

    def remember(self, user_id: str, language: str | None) -> None:
        """A member changed their language here: use it from the next request on."""
        keep_newest(self._languages, user_id, (self._clock() + PREFS_TTL, language), PREFS_CACHED)

    def heard(self, prefs: UserPrefs) -> None:
        """A member's choices as a request just read them (`Answers.heard`): their language, kept as a read here
        would keep it, so the answer is said without reading the same row again."""
        self.remember(prefs.user_id, prefs.language)

    def forget(self, user_id: str) -> None:
        """The member deleted their data (/privacy delete): nothing of theirs stays here either."""
        self._languages.pop(user_id, None)
        self._heard.pop(user_id, None)

    def _hear(self, user_id: str, *, client: str | None = None, written: str | None = None) -> Heard:
        """What is known of the member now, updated with what this request tells (a detected language other than
        English is kept a while; English, the parser's word for 'nothing else', clears it)."""
        known = self._heard.get(user_id, Heard())
        if client is None and written is None:
            return known
        now = self._clock()
        heard = Heard(
            client or known.client,
            known.written if written is None else (written if written != DEFAULT else None),
            known.written_until if written is None else now + WRITTEN_TTL,
        )
        keep_newest(self._heard, user_id, heard, PREFS_CACHED)
        return heard

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
        in, which comes right after the member's own choice. `cached_only` never reads the store (see `shedding`).

        Without a client `locale` (a message), the one the member's last interaction here carried stands in, and
        the language they last wrote a request in (for `WRITTEN_TTL`) when this text told none. Commands the
        text names follow the client (else the server's locale, else English): what the member can type.
        """
        heard = self._hear(user_id, client=locale)
        client = locale or heard.client
        if locale is None and written_in is None and heard.written_until > self._clock():  # a message
            written_in = heard.written
        mine = await self._member_language(user_id, cached_only=cached_only)
        server = (await self.servers.get(guild_id)).language if guild_id is not None else None
        chosen = choose(mine, written_in, server, client, guild_locale)
        return self.catalogs.speaker(chosen, commands_for=client or guild_locale or DEFAULT)

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
        server's setting, the client the member last used here, then the server's Community locale.

        `written_in` is remembered for the member: a refusal before their next request is read (a rate limit, a
        busy notice) speaks the language they have been writing in."""
        guild = message.guild
        guild_locale = guild.preferred_locale.value if guild is not None else None
        user = str(message.author.id)
        if written_in is not None:
            self._hear(user, written=written_in)
        written = written_in if written_in != DEFAULT else None
        return await self.choose(user, guild.id if guild else None, None, guild_locale, written_in=written)


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
