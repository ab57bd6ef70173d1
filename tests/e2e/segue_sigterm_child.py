"""Child process for the SIGTERM test: the stand-in and SegueBot (run by `serve`, as `segue run` does) in one
process; one interaction is held in flight when SIGTERM arrives, and one more is in flight on the gateway when the
bot's close frame reaches Discord. Prints a JSON report; the exit code is the test's subject."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fakediscord import FakeDiscord
from fakediscord.handles import InteractionHandle
from fakediscord.harness import build_town
from segue.bot.deps import BotOptions
from segue.bot.runner import serve
from support.bot import HeldService, make_deps
from support.e2e import segue_for


async def main() -> dict[str, object]:
    async with FakeDiscord() as fake:
        town = build_town(fake)
        service = HeldService()
        options = BotOptions(defer_after=0.01, shutdown_grace=60, presence_every=3600)
        deps = make_deps(service=service, options=options)  # type: ignore[arg-type]
        bot = segue_for(fake, deps)
        serving = asyncio.create_task(serve(bot, fake.token))
        await fake.wait_for_bot()  # identified: the client is initialised, so it can be waited on
        await bot.wait_until_ready()
        at_close: list[InteractionHandle] = []

        async def one_more() -> None:  # sent as the bot leaves, before Discord has answered its close
            at_close.append(await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "jazz"}))

        fake.at_client_close(one_more)
        held = await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "folk"})
        await service.started.wait()
        os.kill(os.getpid(), signal.SIGTERM)
        while not deps.stats.inflight.draining:  # noqa: ASYNC110 - the signal handler runs on a later loop turn
            await asyncio.sleep(0.01)
        late = await (await fake.invoke_command(town.ada, town.general, "recommend", {"genre": "metal"})).wait_answer()
        service.release.set()
        answered = await held.wait_answer()
        await serving
        closing = await at_close[0].wait_answer(timeout=5) if at_close else None
        return {
            "at_close_text": "" if closing is None else " ".join(e.description or "" for e in closing.embeds),
            "held_answer_tracks": len([f for e in answered.embeds for f in e.fields]),
            "late_ephemeral": late.ephemeral,
            "late_text": " ".join(e.description or "" for e in late.embeds),
            "closed": bot.is_closed(),
            "state_closed": getattr(deps.state, "closed", False),
            "unanswered": fake.stats().interactions_unanswered,
        }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main())))
