"""`Playground`: the stand-in with a small preset server, the real bot connected to it, and what a person can do.

The page acts as one of a few preset people; every action goes through `FakeDiscord` exactly as a Discord client
would send it (slash commands checked against the synced tree, clicks and selects as component interactions,
messages as MESSAGE_CREATE), so what the page shows is what the bot would do on Discord.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fakediscord import (
    Channel,
    FakeDiscord,
    FakeDiscordConfig,
    FakeDiscordError,
    Guild,
    InteractionHandle,
    Message,
    Permission,
    Role,
    SyncedCommand,
    User,
    wait_for_guilds,
)
from fakediscord.constants import ComponentType
from fakediscord.invocations import OptionValue, SelectValue
from fakediscord.waiting import Clock
from segue.playground import commandline
from segue.playground.commandline import CommandLineError, Completion, Suggestion

if TYPE_CHECKING:
    import discord

log = logging.getLogger(__name__)

SERVER_NAME = "Listening Room"
CHANNELS = ("general", "music-requests", "random")
LISTENING_CHANNEL = "music-requests"
"""Opted in to free text at start-up, so plain messages there are read as requests (no mention needed)."""
PEOPLE = (("alice", False), ("bob", False), ("ada", True))
"""(name, administrator): two members and an admin who can see /admin."""
CLIENT_LOCALES = (
    ("en-US", "English"),
    ("es-ES", "Español"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("pt-BR", "Português (Brasil)"),
)
"""The client languages the page offers (Discord locale codes): what each person's interactions carry."""
AUTOCOMPLETE_WAIT = 3.0
"""Discord gives autocomplete the same 3 s as any interaction; past that the client shows no choices."""
GUILD_CONTEXT, DM_CONTEXT = 0, 1
TEXT_MAX = 4000


class PlaygroundError(Exception):
    """Something the page asked for that a Discord client would refuse; the message is shown to the person."""


@dataclass(frozen=True, slots=True)
class Person:
    user: User
    admin: bool


@dataclass(frozen=True, slots=True)
class PlaygroundWorld:
    """The preset server: its channels, the people in it and their DMs with the bot."""

    guild: Guild
    channels: tuple[Channel, ...]
    people: tuple[Person, ...]
    dms: tuple[Channel, ...]
    listening: Channel


def build_world(fake: FakeDiscord) -> PlaygroundWorld:
    guild = fake.create_guild(SERVER_NAME, channels=CHANNELS)
    people = []
    for name, admin in PEOPLE:
        user = fake.create_user(name)
        fake.add_member(guild, user, admin=admin)
        people.append(Person(user, admin))
    return PlaygroundWorld(
        guild=guild,
        channels=tuple(guild.channel(name) for name in CHANNELS),
        people=tuple(people),
        dms=tuple(fake.dm_channel(p.user) for p in people),
        listening=guild.channel(LISTENING_CHANNEL),
    )


class Playground:
    """The stand-in, its preset world and one bot; the page's actions as methods (ids in, stand-in objects out)."""

    def __init__(self, config: FakeDiscordConfig | None = None, *, clock: Clock | None = None) -> None:
        self.fake = FakeDiscord(config, clock=clock)
        self._world: PlaygroundWorld | None = None
        self._bot: discord.Client | None = None
        self._connection: asyncio.Task[None] | None = None

    # -- lifetime ------------------------------------------------------------------------------------------------

    async def start(self) -> PlaygroundWorld:
        await self.fake.start()
        self._world = build_world(self.fake)
        return self._world

    @property
    def world(self) -> PlaygroundWorld:
        if self._world is None:
            raise PlaygroundError("the playground is not started")
        return self._world

    @property
    def bot(self) -> discord.Client | None:
        return self._bot

    async def connect(self, bot: discord.Client, *, ready_within: float = 60.0) -> None:
        """Log `bot` in to the stand-in and wait until it is ready in the preset server."""
        self._bot = bot
        await bot.login(self.fake.token)
        self._connection = asyncio.create_task(bot.connect(), name="playground-bot")
        ready = asyncio.create_task(bot.wait_until_ready())
        try:
            done, _ = await asyncio.wait(
                {self._connection, ready}, timeout=ready_within, return_when=asyncio.FIRST_COMPLETED
            )
            if self._connection in done:
                self._connection.result()
                raise PlaygroundError("the bot stopped before it was ready")
            if ready not in done:
                raise PlaygroundError(f"the bot was not ready within {ready_within:g} s")
            await wait_for_guilds(bot, [self.world.guild.id], within=ready_within)
        finally:
            ready.cancel()

    async def close_bot(self) -> None:
        """Close the bot gracefully (its own `shutdown()` when it has one: in-flight work finishes first)."""
        bot, self._bot = self._bot, None
        if bot is None:
            return
        shutdown = getattr(bot, "shutdown", None)
        if callable(shutdown):
            await shutdown()
        else:
            await bot.close()
        if self._connection is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._connection
            self._connection = None

    async def stop(self) -> None:
        """The bot first (it may still answer), then the stand-in."""
        await self.close_bot()
        await self.fake.stop()

    # -- lookups -------------------------------------------------------------------------------------------------

    def user(self, user_id: int) -> User:
        for person in self.world.people:
            if person.user.id == user_id:
                return person.user
        raise PlaygroundError(f"no such person: {user_id}")

    def set_locale(self, user_id: int, locale: str) -> User:
        """Switch a person's Discord client to another language: their next interactions carry it as `locale`."""
        if locale not in dict(CLIENT_LOCALES):
            raise PlaygroundError(f"locale must be one of {', '.join(code for code, _ in CLIENT_LOCALES)}")
        user = self.user(user_id)
        user.locale = locale
        return user

    def channel(self, channel_id: int) -> Channel:
        for channel in (*self.world.channels, *self.world.dms):
            if channel.id == channel_id:
                return channel
        raise PlaygroundError(f"no such channel: {channel_id}")

    def can_see(self, user: User, channel: Channel) -> bool:
        if channel.is_dm:
            return channel.recipient_id == user.id
        guild = self.world.guild
        return channel.guild_id == guild.id and bool(guild.permissions_in(channel, user.id) & Permission.VIEW_CHANNEL)

    def where(self, user_id: int, channel_id: int) -> tuple[User, Channel]:
        user, channel = self.user(user_id), self.channel(channel_id)
        if not self.can_see(user, channel):
            raise PlaygroundError(f"{user.name} cannot see that channel")
        return user, channel

    def name_of(self, user_id: int) -> str:
        for user in self.fake.users:
            if user.id == user_id:
                return user.name
        return "unknown user"

    def commands_for(self, user: User, channel: Channel) -> list[SyncedCommand]:
        """The slash commands this person sees here, as Discord's client lists them."""
        in_guild = not channel.is_dm
        merged = {c.name: c for c in self.fake.commands() if c.type == 1}
        if in_guild:
            merged.update({c.name: c for c in self.fake.commands(self.world.guild) if c.type == 1})
        return sorted((c for c in merged.values() if self._visible(c, user, in_guild)), key=lambda c: c.name)

    def _visible(self, command: SyncedCommand, user: User, in_guild: bool) -> bool:
        if not in_guild:
            return command.dm_permission and (command.contexts is None or DM_CONTEXT in command.contexts)
        if command.contexts is not None and GUILD_CONTEXT not in command.contexts:
            return False
        needed = command.default_member_permissions
        if needed is None:
            return True
        perms = self.world.guild.base_permissions(user.id)
        return bool(perms & Permission.ADMINISTRATOR) or (needed != 0 and perms & needed == needed)

    # -- acting ----------------------------------------------------------------------------------------------------

    async def run_command(self, user_id: int, channel_id: int, text: str) -> InteractionHandle:
        """`/name sub option:value ...` as `user` in `channel`: checked against the synced tree, then invoked. Names
        may be typed as the person's client language shows them ('/recomendar consulta:...')."""
        user, channel = self.where(user_id, channel_id)
        try:
            visible = self.commands_for(user, channel)
            line = commandline.split(commandline.canonical(text.strip(), visible, user.locale), visible)
            options = commandline.convert(line, _Names(self, channel))
            return await self.fake.invoke_command(user, channel, line.name, options)
        except CommandLineError as exc:
            raise PlaygroundError(self._hidden_hint(text, user, channel) or str(exc)) from None
        except FakeDiscordError as exc:
            raise PlaygroundError(str(exc)) from None

    def _hidden_hint(self, text: str, user: User, channel: Channel) -> str | None:
        """Who can use a command this person cannot see (Discord hides it; the page says why and whom to pick)."""
        name = text.strip().lstrip("/").split(" ", 1)[0].lower()
        synced = [c for c in self.fake.commands() if c.type == 1]
        if not channel.is_dm:
            synced += [c for c in self.fake.commands(self.world.guild) if c.type == 1]
        command = next((c for c in synced if c.name == name), None)
        if command is None or any(c.name == name for c in self.commands_for(user, channel)):
            return None
        if channel.is_dm:
            return f"/{name} works only in a server channel: open #{self.world.channels[0].name}."
        admins = [p.user.name for p in self.world.people if p.admin and self._visible(command, p.user, True)]
        if not admins:
            return None
        who = " or ".join(admins)
        return f"/{name} is for server admins only. Choose {who} (admin) under “Acting as” to try it."

    async def suggest(self, user_id: int, channel_id: int, text: str) -> Completion:
        """Completions for the composer; option values the bot autocompletes are asked of the bot."""
        user, channel = self.where(user_id, channel_id)
        names = _Names(self, channel)
        text = text.lstrip()
        completion = commandline.complete(
            text,
            self.commands_for(user, channel),
            users=names.user_names(),
            channels=names.channel_names(),
            roles=names.role_names(),
        )
        slot = completion.ask_bot
        if slot is None:
            return completion
        options = commandline.partial_options(slot.line, names, slot.option.name)
        try:
            handle = await self.fake.autocomplete(user, channel, slot.line.name, options, focused=slot.option.name)
            answer = await handle.wait_answer(timeout=AUTOCOMPLETE_WAIT)
        except (FakeDiscordError, TimeoutError) as exc:
            log.info("autocomplete for %s failed: %s", slot.line.name, exc)
            return Completion(usage=completion.usage)
        found = tuple(Suggestion(c.name, "", slot.fill(str(c.value))) for c in answer.choices)
        return Completion(suggestions=found, usage=completion.usage)

    async def post(self, user_id: int, channel_id: int, content: str, *, reply_to: int | None = None) -> Message:
        """A message as `user`; `@name` and `#channel` become real mentions, as the client's pickers make them."""
        user, channel = self.where(user_id, channel_id)
        text = content.strip()
        if not text:
            raise PlaygroundError("Type a message first")
        if len(text) > TEXT_MAX:
            raise PlaygroundError(f"Messages are at most {TEXT_MAX} characters here")
        try:
            return await self.fake.post_message(user, channel, self.mentionize(text), reply_to=reply_to)
        except FakeDiscordError as exc:
            raise PlaygroundError(str(exc)) from None

    def mentionize(self, text: str) -> str:
        # Longest names first, so "@Segue-owner" is not read as "@Segue" followed by "-owner".
        for user in sorted(self.fake.users, key=lambda u: -len(u.name)):
            text = re.sub(rf"(?<![\w<])@{re.escape(user.name)}\b", user.mention, text, flags=re.IGNORECASE)
        for channel in self.world.channels:
            text = re.sub(rf"(?<![\w<])#{re.escape(channel.name)}\b", channel.mention, text)
        return text

    def _message(self, message_id: int, viewer: User) -> Message:
        try:
            message = self.fake.message(message_id)
        except FakeDiscordError:
            raise PlaygroundError("That message is gone") from None
        if not self.can_see(viewer, self.channel(message.channel_id)):
            raise PlaygroundError(f"{viewer.name} cannot see that message")
        return message

    async def click(self, user_id: int, message_id: int, custom_id: str) -> InteractionHandle:
        user = self.user(user_id)
        message = self._message(message_id, user)
        try:
            return await self.fake.click(user, message, custom_id=custom_id)
        except FakeDiscordError as exc:
            raise PlaygroundError(str(exc)) from None

    async def select(self, user_id: int, message_id: int, custom_id: str, values: Sequence[str]) -> InteractionHandle:
        """Choose values in a menu; user, role and channel menus take names."""
        user = self.user(user_id)
        message = self._message(message_id, user)
        try:
            component = message.find_component(custom_id=custom_id)
        except KeyError:
            raise PlaygroundError("That menu is gone") from None
        chosen: list[SelectValue] = list(values)
        if component.type != ComponentType.STRING_SELECT:
            names = _Names(self, self.channel(message.channel_id))
            chosen = [names.any(v) for v in values]
        try:
            return await self.fake.select(user, message, chosen, custom_id=custom_id)
        except FakeDiscordError as exc:
            raise PlaygroundError(str(exc)) from None

    # -- reading ---------------------------------------------------------------------------------------------------

    def visible(self, message: Message, viewer: User) -> bool:
        """Ephemeral messages are seen only by the person whose interaction made them."""
        return not message.ephemeral or ephemeral_owner(message) == viewer.id

    def messages(self, channel_id: int, viewer_id: int) -> list[Message]:
        viewer, channel = self.where(viewer_id, channel_id)
        return [m for m in self.fake.messages(channel) if self.visible(m, viewer)]

    def interaction(self, interaction_id: int) -> InteractionHandle:
        try:
            return self.fake.interaction(interaction_id)
        except KeyError:
            raise PlaygroundError(f"no interaction {interaction_id}") from None


def ephemeral_owner(message: Message) -> int | None:
    """Who may see an ephemeral message: the user of the interaction that made it."""
    metadata = message.raw.get("interaction_metadata") or {}
    user = metadata.get("user") or {}
    return int(user["id"]) if user.get("id") else None


class _Names:
    """Resolves typed names (`alice`, `@alice`, `<@id>`, `#general`, `Admin`) to the stand-in's objects."""

    def __init__(self, playground: Playground, channel: Channel) -> None:
        self._playground = playground
        self._guild = None if channel.is_dm else playground.world.guild

    def _people(self) -> list[User]:
        return [p.user for p in self._playground.world.people] + [self._playground.fake.bot]

    def user(self, text: str) -> OptionValue | None:
        wanted = text.strip().lstrip("@").lower()
        mention = re.fullmatch(r"<@!?(\d+)>", text.strip())
        for user in self._people():
            if (mention and int(mention.group(1)) == user.id) or user.name.lower() == wanted:
                return user
        return None

    def channel(self, text: str) -> OptionValue | None:
        wanted = text.strip().lstrip("#").lower()
        mention = re.fullmatch(r"<#(\d+)>", text.strip())
        for channel in self._playground.world.channels if self._guild else ():
            if (mention and int(mention.group(1)) == channel.id) or channel.name == wanted:
                return channel
        return None

    def role(self, text: str) -> OptionValue | None:
        wanted = text.strip().lstrip("@").lower()
        roles: list[Role] = list(self._guild.roles.values()) if self._guild else []
        return next((r for r in roles if r.name.lower().lstrip("@") == wanted), None)

    def any(self, text: str) -> SelectValue:
        found = self.user(text) or self.role(text) or self.channel(text)
        if found is None or isinstance(found, str | int | float | bool):
            raise PlaygroundError(f"nothing called {text!r} here")
        return found

    def user_names(self) -> list[str]:
        return [u.name for u in self._people()]

    def channel_names(self) -> list[str]:
        return [f"#{c.name}" for c in self._playground.world.channels] if self._guild else []

    def role_names(self) -> list[str]:
        return [r.name for r in self._guild.roles.values()] if self._guild else []
