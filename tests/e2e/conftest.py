"""E2E fixtures: the Discord stand-in and real discord.py clients against it (`support.standin`)."""

from support.standin import clock, fake, start_client, town

__all__ = ["clock", "fake", "start_client", "town"]
