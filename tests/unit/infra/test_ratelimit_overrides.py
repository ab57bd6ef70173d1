"""Per-server overrides of the request policy's per-minute limits (what /settings user_per_minute sets)."""

from __future__ import annotations

from segue.infra.clock import ManualClock
from segue.infra.ratelimit import MemoryRateLimiter, RequestRateLimit, Rule


def policy() -> RequestRateLimit:
    return RequestRateLimit(
        MemoryRateLimiter(clock=ManualClock()),
        user=[Rule("user_minute", 5, 60.0, "window", "user"), Rule("user_burst", 100, 10.0, "gcra", "user")],
        guild=[Rule("guild_minute", 50, 60.0, "window", "guild")],
    )


async def test_a_lower_user_limit_refuses_sooner_only_in_that_server() -> None:
    limits = policy()
    tight = [(await limits.check("u", "strict", user_per_minute=2)).allowed for _ in range(3)]
    assert tight == [True, True, False]
    refused = await limits.check("u", "strict", user_per_minute=2)
    assert (refused.rule, refused.scope) == ("user_minute.2", "user")
    # The default rule counts apart: the same member elsewhere still has the default five.
    assert [(await limits.check("u", "relaxed")).allowed for _ in range(6)] == [True] * 5 + [False]


async def test_a_higher_limit_lets_more_through_and_the_guild_override_applies_to_everyone() -> None:
    limits = policy()
    assert all([(await limits.check("u", "g", user_per_minute=8)).allowed for _ in range(8)])
    assert not (await limits.check("u", "g", user_per_minute=8)).allowed
    shared = [(await limits.check(f"m{i}", "busy", guild_per_minute=3)).allowed for i in range(4)]
    assert shared == [True, True, True, False]
    assert (await limits.check("m9", "busy", guild_per_minute=3)).scope == "guild"


async def test_overrides_keep_the_burst_rule_and_are_built_once() -> None:
    limits = policy()
    await limits.check("u", "g", user_per_minute=7)
    first = limits._per_minute("user", limits.user, 7)
    assert first is limits._per_minute("user", limits.user, 7)
    assert {r.name for r in first} == {"user_burst", "user_minute.7"}
    assert limits._per_minute("user", limits.user, None) is limits.user


async def test_an_override_adds_a_minute_rule_when_the_policy_has_none() -> None:
    limits = RequestRateLimit(MemoryRateLimiter(clock=ManualClock()), user=[], guild=[])
    assert [(await limits.check("u", "g", user_per_minute=1)).allowed for _ in range(2)] == [True, False]
