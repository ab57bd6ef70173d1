"""Running the real `SegueBot` against the Discord stand-in, and reading what users would see."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from fakediscord import Component, FakeDiscord, Message
from fakediscord.harness import run_client
from segue.bot.client import SegueBot
from segue.bot.deps import BotDeps
from support.bot import make_deps

NO_MENTIONS = {"parse": []}


class QuickSegue(SegueBot):
    """The real bot, minus discord.py's 5 s pause between IDENTIFYs (the stand-in has no identify limit)."""

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        return


def segue_for(fake: FakeDiscord, deps: BotDeps | None = None, **options: Any) -> SegueBot:
    return QuickSegue(
        deps or make_deps(),
        api_base=fake.api_base,
        gateway_url=fake.gateway_url,
        guild_ready_timeout=0.05,
        **options,
    )


@contextlib.asynccontextmanager
async def running(fake: FakeDiscord, bot: SegueBot) -> AsyncIterator[SegueBot]:
    async with run_client(bot, fake.token):
        yield bot


def components(message: Message, prefix: str) -> list[Component]:
    return [c for c in message.walk_components() if c.custom_id and c.custom_id.startswith(prefix)]


def component(message: Message, prefix: str) -> Component:
    found = components(message, prefix)
    assert found, f"no component {prefix}* on message {message.id}"
    return found[0]


def text_of(message: Message) -> str:
    parts = [message.content]
    for embed in message.embeds:
        parts += [embed.title or "", embed.description or "", embed.footer or "", embed.author or ""]
        parts += [f"{f.name}\n{f.value}" for f in embed.fields]
    return "\n".join(parts)


def track_titles(message: Message) -> list[str]:
    """Field names of an answer embed: '1. Title — Artist (Year)'."""
    return [f.name for e in message.embeds for f in e.fields]
