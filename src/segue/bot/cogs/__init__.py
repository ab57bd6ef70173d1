"""Cogs: thin Discord glue, one extension per area, each with an async `setup(bot)` (discord.py's extension hook)."""
