"""Segue: a Discord bot that recommends music from open data and live sources."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("segue")
    """From the installed distribution's metadata: pyproject.toml is the one place the version is written."""
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
