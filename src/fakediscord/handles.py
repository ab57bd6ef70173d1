"""`InteractionHandle`: what a test holds after acting as a user, to wait for and read the bot's answer."""

from __future__ import annotations

from collections.abc import Callable

from fakediscord.constants import CallbackType, InteractionKind
from fakediscord.interactions import InteractionRecord, InteractionService
from fakediscord.records import InteractionResponse, Rejection

DEFAULT_TIMEOUT = 5.0


class InteractionHandle:
    """One interaction a simulated user started; every wait returns a fresh `InteractionResponse` snapshot."""

    def __init__(self, record: InteractionRecord, service: InteractionService) -> None:
        self._record = record
        self._service = service

    def __repr__(self) -> str:
        return f"<InteractionHandle id={self.id} kind={self.kind.name} answered={self._record.callback is not None}>"

    @property
    def id(self) -> int:
        return self._record.id

    @property
    def token(self) -> str:
        return self._record.token

    @property
    def kind(self) -> InteractionKind:
        return self._record.kind

    @property
    def delivered(self) -> bool:
        """Whether a gateway session took the event (live, or into its replay buffer)."""
        return self._record.delivered > 0

    def response(self) -> InteractionResponse:
        """What the bot has done so far, without waiting."""
        return self._service.response(self._record)

    async def wait_until(
        self,
        predicate: Callable[[InteractionResponse], bool],
        *,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109 - the test API reads like asyncio.wait_for
        what: str = "",
    ) -> InteractionResponse:
        def probe() -> InteractionResponse | None:
            current = self.response()
            return current if predicate(current) else None

        return await self._record.signal.wait_for(probe, timeout, what or f"interaction {self.id} to satisfy a check")

    async def wait_response(self, *, timeout: float = DEFAULT_TIMEOUT) -> InteractionResponse:  # noqa: ASYNC109
        """Wait for the accepted initial response (a message, a defer, choices, a modal)."""
        return await self.wait_until(lambda r: r.type is not None, timeout=timeout, what=f"a response to {self.id}")

    async def wait_answer(self, *, timeout: float = DEFAULT_TIMEOUT) -> InteractionResponse:  # noqa: ASYNC109
        """Wait until a user would see the answer: past a defer, the edit or follow-up that replaces "thinking"."""
        return await self.wait_until(_answered, timeout=timeout, what=f"a visible answer to {self.id}")

    async def wait_followups(
        self,
        count: int = 1,
        *,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
    ) -> InteractionResponse:
        return await self.wait_until(
            lambda r: len(r.followups) >= count, timeout=timeout, what=f"{count} follow-up(s) to {self.id}"
        )

    async def wait_rejection(
        self,
        code: int | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
    ) -> Rejection:
        """Wait for a refused request about this interaction (optionally with this error code)."""

        def probe() -> Rejection | None:
            return next((r for r in self._record.rejections if code is None or r.code == code), None)

        return await self._record.signal.wait_for(probe, timeout, f"a rejection (code={code}) for {self.id}")


def _answered(response: InteractionResponse) -> bool:
    if response.type is None:
        return False
    if response.type is CallbackType.DEFERRED_CHANNEL_MESSAGE:
        return bool(response.followups) or (response.original is not None and not response.original.loading)
    if response.type is CallbackType.DEFERRED_UPDATE_MESSAGE:
        return bool(response.followups or response.edits)
    return True
