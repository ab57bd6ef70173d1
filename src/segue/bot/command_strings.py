"""Every string of the slash commands that Discord shows, as discord.py hands them to a `Translator`:
(where it stands, the English text). They make the `commands` catalog's template; `python -m
segue.bot.command_strings` rewrites it from the real command tree (see docs/TRANSLATING.md).
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence
from typing import Any, cast

import discord
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from discord import app_commands

from segue.bot.client import EXTENSIONS, SegueBot
from segue.bot.deps import BotDeps
from segue.i18n import catalog_dir
from segue.state import MemoryStateStore


class _Recorder(app_commands.Translator):
    """Remembers what discord.py asks to translate and translates nothing."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, str]] = set()

    async def translate(
        self, string: app_commands.locale_str, locale: discord.Locale, context: app_commands.TranslationContextTypes
    ) -> str | None:
        self.seen.add((context.location.name, string.message))
        return None


def offline_bot(extensions: Sequence[str] = EXTENSIONS) -> SegueBot:
    """A bot that never connects: enough to load the cogs and read the command tree."""
    deps = BotDeps(service=cast(Any, None), state=MemoryStateStore(), limiter=cast(Any, None))
    return SegueBot(deps, sync_commands=False, extensions=extensions)


async def command_strings(bot: SegueBot) -> list[tuple[str, str]]:
    """(context, English text) of every command, option and choice, sorted; the bot's cogs must be loaded."""
    recorder = _Recorder()
    for command in bot.tree.get_commands():
        await command.get_translated_payload(bot.tree, recorder)
    return sorted(recorder.seen)


async def _template() -> Catalog:
    bot = offline_bot()
    for name in bot.extension_names:
        await bot.load_extension(name)
    catalog = Catalog(project="segue", fuzzy=False)
    for context, message in await command_strings(bot):
        catalog.add(message, context=context)
    return catalog


def main() -> int:
    """Rewrite `commands.pot` from the command tree."""
    catalog = asyncio.run(_template())
    path = catalog_dir() / "commands.pot"
    with path.open("wb") as handle:
        write_po(handle, catalog, omit_header=False, sort_output=True, width=120)
    sys.stdout.write(f"{len(catalog)} command strings -> {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
