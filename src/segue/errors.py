"""One exception hierarchy for all of Segue.

Every error a user can cause or meet is a `SegueError`; its `user_message` is the friendly sentence shown to
them (in Discord or on the command line), while `str(err)` stays the detailed text for logs.
"""

from __future__ import annotations

from collections.abc import Sequence


class SegueError(Exception):
    """Base of every error Segue raises on purpose."""

    default_message = "Something went wrong on our side. Please try again in a moment."

    def __init__(self, detail: str = "", *, user_message: str | None = None) -> None:
        super().__init__(detail or self.default_message)
        self.user_message = user_message or self.default_message


class ConfigError(SegueError):
    """A setting is missing or invalid; raised at start-up, names the variable."""

    default_message = "Segue is not configured correctly."


class UserInputError(SegueError):
    """The request itself cannot be answered as typed (empty, too long, malformed)."""

    default_message = "I could not understand that request."

    def __init__(self, detail: str = "", *, user_message: str | None = None) -> None:
        super().__init__(detail, user_message=user_message or detail or None)


class UnknownSeedError(UserInputError):
    """A named artist, track or genre is not in the catalog; carries close matches to suggest."""

    def __init__(self, kind: str, name: str, suggestions: Sequence[str] = ()) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = tuple(suggestions)
        hint = f" Did you mean {', '.join(self.suggestions[:3])}?" if self.suggestions else ""
        super().__init__(f"unknown {kind}: {name!r}", user_message=f"I don't know the {kind} '{name}'.{hint}")


class CatalogError(SegueError):
    """The catalog is missing, stale or corrupt."""

    default_message = "The music catalog is not available right now."


class CatalogNotBuiltError(CatalogError):
    """No built catalog exists in the data directory yet."""

    default_message = "The music catalog has not been built yet. Run `segue catalog build` first."


class CatalogOutdatedError(CatalogNotBuiltError):
    """The built catalog has another schema version: it is rebuilt like a missing one, never misread."""

    default_message = "The music catalog was built by another Segue version. Run `segue catalog build` again."


class DatasetError(CatalogError):
    """A dataset could not be downloaded, verified or read; the message names the file and why."""


class ChecksumMismatchError(DatasetError):
    """A downloaded file does not match its published checksum."""


class ProviderError(SegueError):
    """A live music source failed (HTTP error, timeout, bad data)."""

    default_message = "A music source is not answering right now; showing what I have."

    def __init__(self, detail: str = "", *, source: str = "", status: int | None = None) -> None:
        super().__init__(detail)
        self.source = source
        self.status = status


class ProviderTimeoutError(ProviderError):
    """A live source did not answer inside the caller's deadline."""


class CircuitOpenError(ProviderError):
    """The breaker for a host is open: the call was not attempted."""


class RateLimitedError(SegueError):
    """The caller (user, guild or upstream budget) must wait `retry_after` seconds."""

    def __init__(self, retry_after: float, *, scope: str = "user") -> None:
        self.retry_after = max(0.0, retry_after)
        self.scope = scope
        super().__init__(
            f"rate limited ({scope}) for {self.retry_after:.1f}s",
            user_message=f"You're going a bit fast. Try again in {max(1, round(self.retry_after))} s.",
        )


class StorageError(SegueError):
    """Persistent state could not be read or written."""

    default_message = "I could not save that right now. Please try again."


class PermissionDeniedError(SegueError):
    """The member may not use this command here."""

    default_message = "You need the Manage Server permission to use this command."
