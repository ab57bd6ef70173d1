"""`SegueBot`: the auto-sharded discord.py client, wired from injected collaborators.

Minimal intents (guilds; messages and message content only when free-text listening is on), no pings anywhere
(`allowed_mentions` none on the client and on every send), persistent buttons registered at start-up, and a
graceful `shutdown()` that stops new work, lets in-flight interactions finish, then flushes state and closes.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from typing import Any, cast

import discord
import yarl
from discord.ext import commands
from discord.gateway import DiscordWebSocket

from segue.bot import respond
from segue.bot.analytics import EventRecorder
from segue.bot.answers import Answers
from segue.bot.background import PRESENCES, Background, SingletonGate
from segue.bot.buttons import ButtonActions
from segue.bot.custom_ids import parse as parse_custom_id
from segue.bot.deps import BotDeps
from segue.bot.door import Door
from segue.bot.failures import Failures
from segue.bot.freetext import HintMemory
from segue.bot.gate import RequestGate
from segue.bot.leaving import leave
from segue.bot.speech import CommandTranslator, Speech
from segue.bot.tracing import skip_own_messages
from segue.bot.tree import SegueTree
from segue.bot.triage import Triage
from segue.bot.views import DYNAMIC_ITEMS
from segue.i18n import N_

log = logging.getLogger(__name__)

EXTENSIONS: tuple[str, ...] = (
    "segue.bot.cogs.music",
    "segue.bot.cogs.info",
    "segue.bot.cogs.admin",
    "segue.bot.cogs.listen",
    "segue.bot.cogs.privacy",
    "segue.bot.cogs.community",
    "segue.bot.cogs.profile",
    "segue.bot.cogs.settings",
)
DISCORD_API_BASE = "https://discord.com/api/v10"
IDENTIFY_EVERY = 5.0
"""Discord takes one IDENTIFY per 5 s from a bot (its max_concurrency bucket of 1)."""
IDENTIFY_AFTER = 1.0
"""Discord's advice after an INVALID_SESSION: wait 1-5 s before identifying again."""
LAST_CALL = 5.0
"""Seconds, once off the gateway, to answer requests that arrived while the state was being flushed."""
LEAVE_WITHIN = 2.0
"""Seconds to wait for Discord's answer to our close frame, handling what it sent before it (bot/leaving.py)."""


def intents_for(free_text: bool) -> discord.Intents:
    """Guilds always (channels and permissions for interactions); messages and their content only for free text."""
    intents = discord.Intents.none()
    intents.guilds = True
    if free_text:
        intents.guild_messages = True
        intents.dm_messages = True
        intents.message_content = True
    return intents


def use_endpoints(api_base: str, gateway_url: str | None) -> None:
    """Point discord.py at a REST base and (optionally) a gateway URL, e.g. the playground's stand-in.

    discord.py keeps both as class attributes (`Route.BASE`, `DiscordWebSocket.DEFAULT_GATEWAY`), so they are
    per process: one Discord (real or stand-in) per process. Interaction callbacks and follow-ups go through the
    same `Route`, so this one setting covers them too.
    """
    discord.http.Route.BASE = api_base.rstrip("/")
    if gateway_url:
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


def carries(message: discord.Message | None, custom_id: str, component_type: object) -> bool:
    """Whether `message` shows a component with this id and type (what discord.py needs to call a dynamic item)."""
    if message is None:
        return False
    stack: list[Any] = list(message.components)
    while stack:
        component = stack.pop()
        stack.extend(getattr(component, "children", ()))
        if getattr(component, "custom_id", None) == custom_id and component.type.value == component_type:
            return True
    return False


class SegueBot(commands.AutoShardedBot):
    """The Discord face of Segue. Receives its service, state and limiter; builds none of them."""

    def __init__(
        self,
        deps: BotDeps,
        *,
        api_base: str = DISCORD_API_BASE,
        gateway_url: str | None = None,
        shard_ids: Sequence[int] | None = None,
        shard_count: int | None = None,
        extensions: Sequence[str] = EXTENSIONS,
        sync_commands: bool = True,
        operator_ids: Sequence[int] = (),
        guild_ready_timeout: float = 2.0,
        singleton: SingletonGate | None = None,
    ) -> None:
        use_endpoints(api_base, gateway_url)
        sharding: dict[str, Any] = {"shard_count": shard_count}
        if shard_ids is not None:
            sharding["shard_ids"] = list(shard_ids)
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=intents_for(deps.options.free_text),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=SegueTree,
            **sharding,
            chunk_guilds_at_startup=False,
            member_cache_flags=discord.MemberCacheFlags.none(),
            max_messages=None,
            guild_ready_timeout=guild_ready_timeout,
            activity=discord.Activity(type=discord.ActivityType.listening, name=PRESENCES[0]),
        )
        self.deps = deps
        self.gateway_url = gateway_url
        self.extension_names = tuple(extensions)
        self.sync_commands = sync_commands
        self.operator_ids = frozenset(operator_ids)
        self.answers = Answers(
            deps.service, deps.state, repeat_window=deps.options.repeat_window, community=deps.community
        )
        self.gate = RequestGate(deps.limiter)
        options = deps.options
        self.door = Door(
            slots=options.admission_slots,
            answer_within=options.defer_after,
            max_wait=options.admission_max_wait,
            per_user=options.admission_per_user,
        )
        self.speech = Speech(deps.catalogs, deps.state, self.answers.servers)
        self.answers.heard = self.speech.heard
        self.failures = Failures(deps.stats, self.speech)
        self.buttons = ButtonActions(deps, self.answers, self.gate, self.failures)
        self.hints = HintMemory(deps.options.hint_cooldown)
        self._identify_lock = asyncio.Lock()
        self._last_identify = -IDENTIFY_EVERY
        self.segue_tree.bind(self.failures, deps.stats, EventRecorder(deps.state))
        self.background = Background(
            stats=deps.stats,
            maintenance=(deps.state, *deps.maintenance),
            set_presence=self._set_presence,
            presence_every=deps.options.presence_every,
            cleanup_every=deps.options.cleanup_every,
            metrics_every=deps.options.metrics_every,
            singleton=singleton,
        )
        self._shutdown: asyncio.Task[None] | None = None
        self.was_ready = asyncio.Event()
        """Set at the first on_ready (connected, servers loaded): start-up work that can wait, waits for it."""
        skip_own_messages(self)  # our answers come back as MESSAGE_CREATE; no listener wants them
        self.triage = Triage(self, self.door, self.speech)
        self.triage.install()  # a flood's stale events dropped, its lagging requests told 'busy', before parsing
        if gateway_url:
            self._pin_gateway(gateway_url)

    @property
    def segue_tree(self) -> SegueTree:
        tree = self.tree
        assert isinstance(tree, SegueTree)
        return tree

    def _pin_gateway(self, url: str) -> None:
        """Use the configured gateway even when GET /gateway/bot names another (a REST proxy, the stand-in)."""
        original = self.http.get_bot_gateway

        async def get_bot_gateway() -> tuple[int, str, Any]:
            shards, _, limits = await original()
            return shards, url, limits

        setattr(self.http, "get_bot_gateway", get_bot_gateway)  # noqa: B010 - instance override of a method

    async def setup_hook(self) -> None:
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        await self.tree.set_translator(CommandTranslator(self.deps.catalogs))
        for name in self.extension_names:
            await self.load_extension(name)
        if self.sync_commands:
            synced = await self.tree.sync()
            log.info("synced %d application commands", len(synced))
        self.background.start()

    async def _set_presence(self, text: str) -> None:
        if self.is_ready():
            await self.change_presence(activity=discord.Activity(type=discord.ActivityType.listening, name=text))

    async def on_ready(self) -> None:
        log.info("ready as %s in %d guilds (shards %s)", self.user, len(self.guilds), self.shard_ids or "all")
        self.was_ready.set()

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: free text is handled by the listen cog's listener."""

    async def on_interaction(self, interaction: discord.Interaction[Any], /) -> None:
        """Answer the clicks discord.py drops: ids we never made, and ids of ours that are not on the message.

        discord.py only calls a dynamic item when the clicked id is on the clicked message; anything else would
        end in "This interaction failed" for the member.
        """
        if interaction.type is not discord.InteractionType.component:
            return
        data = cast(dict[str, Any], interaction.data or {})
        custom_id = str(data.get("custom_id", ""))
        if parse_custom_id(custom_id) is None:
            self.deps.stats.components["unknown"] += 1
            text = N_("That control is from an older version of me. Ask again for fresh buttons.")
        elif not carries(interaction.message, custom_id, data.get("component_type")):
            self.deps.stats.components["stale"] += 1
            text = N_("That button isn't on this message any more. Ask again for fresh buttons.")
        else:
            return
        say = await self.speech.for_interaction(interaction)
        await respond.send(interaction, content=say.gettext(text), ephemeral=True)

    async def close(self) -> None:
        """Stop the background duties with the client (also when closed without `shutdown()`)."""
        await self.background.stop()
        await super().close()

    async def is_operator(self, user: discord.abc.Snowflake) -> bool:
        """Whether a user may run bot-wide admin commands: the application's owner or team, or SEGUE_OPERATOR_IDS.

        Manage Server is a per-server right; it never reaches the whole bot. When Discord cannot say who owns the
        application, only the configured operators pass (fail closed).
        """
        if user.id in self.operator_ids:
            return True
        try:
            return await self.is_owner(cast(discord.User, user))
        except discord.HTTPException:
            log.warning("could not read the application owner; bot-wide admin limited to SEGUE_OPERATOR_IDS")
            return False

    def request_shutdown(self) -> asyncio.Task[None]:
        """Start the graceful shutdown once (signal handlers call this); later calls return the same task."""
        if self._shutdown is None:
            self._shutdown = asyncio.create_task(self._do_shutdown(), name="segue-shutdown")
        return self._shutdown

    async def shutdown_finished(self) -> None:
        """Wait for a shutdown that closed the client to finish the rest (closing the state store)."""
        if self._shutdown is not None:
            await asyncio.shield(self._shutdown)

    async def shutdown(self) -> None:
        """Stop taking work, let in-flight interactions finish (up to the grace period), flush state, close."""
        await asyncio.shield(self.request_shutdown())

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Wait only what Discord's identify limit still asks since this process's last IDENTIFY (at least 1 s on a
        re-identify), not discord.py's flat 5 s: no event reaches the bot until it is identified again, so after an
        INVALID_SESSION every second of waiting is a second of members' requests Discord drops (RELIABILITY.md)."""
        async with self._identify_lock:
            if not initial:
                await asyncio.sleep(max(IDENTIFY_AFTER, self._last_identify + IDENTIFY_EVERY - time.monotonic()))
            self._last_identify = time.monotonic()

    async def _do_shutdown(self) -> None:
        stats = self.deps.stats
        log.info("shutting down: %d interactions in flight", stats.inflight.count)
        finished = await stats.inflight.drain(self.deps.options.shutdown_grace)
        if not finished:
            log.warning("shutdown grace passed with %d interactions still in flight", stats.inflight.count)
        await self.background.stop()
        try:
            await self.deps.state.flush()
        finally:
            await self._last_call()
            await self.close()
            await self.deps.state.close()
        log.info("shut down cleanly")

    async def _last_call(self) -> None:
        """Leave the gateway, then answer what came in meanwhile ("restarting"), then let `close()` end the REST
        session: closing both at once cut the replies of requests that arrived in the drain's last moments (2 of
        2,250 lost to SIGTERM at 50/s; RELIABILITY.md, faults)."""
        for shard in list(self.shards.values()):
            try:
                await leave(shard, within=LEAVE_WITHIN)
            except Exception as exc:  # a connection already gone: nothing more will arrive on it
                log.debug("shard %s: %r while leaving the gateway", shard.id, exc)
        await self.deps.stats.inflight.drain(LAST_CALL)
