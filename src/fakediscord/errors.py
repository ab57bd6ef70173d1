"""Errors: `ApiError` is what a REST route answers with; the rest are raised at a test that asks for the impossible."""

from __future__ import annotations

from typing import Any

from fakediscord.constants import ErrorCode
from fakediscord.limits import FormErrors


class ApiError(Exception):
    """A Discord error response: HTTP status, JSON code and message (and, for 50035, the nested field errors)."""

    def __init__(self, status: int, code: int, message: str, errors: dict[str, Any] | None = None) -> None:
        super().__init__(f"{status} {message} (code {code})")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors

    @classmethod
    def form(cls, errors: FormErrors) -> ApiError:
        return cls(400, ErrorCode.INVALID_FORM_BODY, "Invalid Form Body", errors.tree)

    @classmethod
    def not_found(cls, code: ErrorCode, what: str) -> ApiError:
        return cls(404, code, f"Unknown {what}")

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"message": self.message, "code": int(self.code)}
        if self.errors is not None:
            body["errors"] = self.errors
        return body


class FakeDiscordError(Exception):
    """Something a real Discord client would not let a user do (the test asked for it)."""


class UnknownCommandError(FakeDiscordError):
    """The command is not registered (the bot never synced it), or not visible to this user here."""


class InvalidInvocationError(FakeDiscordError):
    """Options a Discord client would refuse to send: missing, wrong type, too long, not a listed choice."""


class ComponentError(FakeDiscordError):
    """No such component on the message, or it cannot be used (disabled, a link, someone else's ephemeral)."""
