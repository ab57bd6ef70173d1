"""Segue: a Discord bot that recommends music from open data and live sources."""


def __getattr__(name: str) -> str:
    """`__version__` on first use: importlib.metadata costs every command's start-up ~30 ms (BENCHMARKS.md)."""
    if name != "__version__":
        raise AttributeError(f"module 'segue' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("segue")  # pyproject.toml is the one place the version is written
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found
