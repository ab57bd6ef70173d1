"""429s on demand, shaped like Discord's, so a test can prove the client waits `retry_after` and tries again."""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass

from aiohttp import web


@dataclass(eq=False)
class RateLimitRule:
    """Answer the next `times` matching requests with 429.

    `path` is a route template as discord.py writes it (`/channels/{channel_id}/messages`) or a concrete path
    (`/channels/123/messages`); `method=None` matches any method.
    """

    path: str
    method: str | None = None
    times: int = 1
    retry_after: float = 0.05
    is_global: bool = False
    scope: str = "user"
    served: int = 0

    @property
    def exhausted(self) -> bool:
        return self.served >= self.times

    def matches(self, method: str, template: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return self.path in (template, path)


class RateLimiter:
    def __init__(self) -> None:
        self.rules: list[RateLimitRule] = []
        self.served = 0

    def add(self, rule: RateLimitRule) -> RateLimitRule:
        self.rules.append(rule)
        return rule

    def take(self, method: str, template: str, path: str) -> RateLimitRule | None:
        for rule in self.rules:
            if not rule.exhausted and rule.matches(method, template, path):
                rule.served += 1
                self.served += 1
                return rule
        return None

    @staticmethod
    def response(rule: RateLimitRule) -> web.Response:
        """Discord's 429: whole seconds in Retry-After, exact seconds in the body; `Via` marks it as Discord's own
        (discord.py treats a 429 without `Via` as a Cloudflare ban and does not retry)."""
        body = {"message": "You are being rate limited.", "retry_after": rule.retry_after, "global": rule.is_global}
        if rule.is_global:
            body["code"] = 0
        headers = {
            "Content-Type": "application/json",
            "Retry-After": str(max(1, math.ceil(rule.retry_after))),
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": f"{time.time() + rule.retry_after:.3f}",
            "X-RateLimit-Reset-After": f"{rule.retry_after:.3f}",
            "X-RateLimit-Bucket": f"fake{id(rule):x}",
            "X-RateLimit-Scope": "global" if rule.is_global else rule.scope,
            "Via": "1.1 google",
        }
        if rule.is_global:
            headers["X-RateLimit-Global"] = "true"
        return web.Response(status=429, body=json.dumps(body).encode(), headers=headers)
