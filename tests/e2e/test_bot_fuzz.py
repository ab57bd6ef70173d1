"""Generated hostile requests through the real bot and the Discord stand-in: slash-command options and mentions.

Every request gets a response, none pings anyone or shows a raw mention, no embed breaks Discord's limits (the
stand-in refuses those), and nothing ends as an unexpected error. `SEGUE_FUZZ_BOT` sets how many (CI: 150;
`make proof`: 1,000); `SEGUE_FUZZ_REPORT` names a directory for the counts (bot.json, for RELIABILITY.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import re
from pathlib import Path

from fakediscord import FakeDiscord
from fakediscord.harness import StartClient, Town
from fakediscord.hostile import hostile_text
from support.bot import ScriptedLimiter, make_deps
from support.e2e import segue_for

RAW_PING = re.compile(r"@(everyone|here)|<@[!&]?\d+>", re.IGNORECASE)
REQUESTS = int(os.environ.get("SEGUE_FUZZ_BOT", "150"))
QUERY_MAX = 300
"""The /recommend query option's declared maximum (Discord enforces it before the bot sees anything)."""


def visible(message: object) -> str:
    embeds = getattr(message, "embeds", ())
    parts = [getattr(message, "content", "") or ""]
    for e in embeds:
        parts += [e.title or "", e.description or "", *(f.name + f.value for f in e.fields)]
    return "\n".join(parts)


async def test_generated_hostile_requests_are_all_answered_safely(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    role = fake.create_role(town.guild, "Listeners", mentionable=True)
    deps = make_deps(limiter=ScriptedLimiter(budget=100_000))
    await start_client(segue_for(fake, deps))
    rng = random.Random(int(os.environ.get("SEGUE_FUZZ_SEED", "11")))
    asked = []
    for i in range(REQUESTS):
        text = hostile_text(rng, role=role.id, user=town.ada.id, channel=town.general.id)
        if i % 2:
            message = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} {text}"[:2000])
            asked.append(message)
            continue
        handle = await fake.invoke_command(town.alice, town.general, "recommend", {"query": text[:QUERY_MAX] or "x"})
        await handle.wait_response()

    async def settled(message: object) -> None:  # answered, or ignored when nothing in it was understood
        with contextlib.suppress(TimeoutError):
            await fake.wait_reply(message, timeout=5)  # type: ignore[arg-type]

    await asyncio.gather(*(settled(m) for m in asked))
    stats = fake.stats()
    refused = [r for r in stats.rejections if r.code != 10062]  # an embed or payload Discord would refuse
    unexpected = [e for e in deps.stats.recent if not e.expected]
    sent = [m for m in fake.messages(town.general) if m.author_id == fake.bot.id]
    live = [m for m in sent if m.pings.anyone or RAW_PING.search(visible(m))]
    if report := os.environ.get("SEGUE_FUZZ_REPORT"):
        summary = {"requests": REQUESTS, "messages": len(sent), "live_mentions": len(live),
                   "refused_payloads": len(refused), "unexpected_errors": len(unexpected),
                   "unanswered": stats.interactions_unanswered}  # fmt: skip
        (Path(report) / "bot.json").write_text(json.dumps(summary))
    assert stats.interactions_unanswered == 0
    assert not refused, refused
    assert not unexpected, unexpected
    assert len(sent) >= REQUESTS // 4
    assert not live, [visible(m) for m in live[:3]]
