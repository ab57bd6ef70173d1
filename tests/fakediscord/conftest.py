"""The stand-in's own tests use the same fixtures as the bot's end-to-end tests (`support.standin`)."""

from support.standin import clock, fake, start_client, town

__all__ = ["clock", "fake", "start_client", "town"]
