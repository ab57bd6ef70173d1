"""Segue: a Discord bot that recommends music from open data and live sources."""

__version__ = "0.1.0"
