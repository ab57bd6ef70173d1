"""`make proof`'s fuzz: the two fuzz tests at full size, their counts written to RELIABILITY.md.

- service: 10,000 generated requests through the service and the bot's plain logic on the built catalog, no Discord
  (tests/fuzz/test_service_fuzz.py): free text as a mention sends it and slash-command options, to the embeds and
  buttons a member would see or the words of their error;
- bot: 1,000 through the real bot and the Discord stand-in (tests/e2e/test_bot_fuzz.py).
Texts from `fakediscord.hostile`: every Unicode general category, markdown and masked links, @everyone and role
and user mentions, control and bidirectional characters, huge and empty input.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SERVICE_REQUESTS = 10_000
BOT_REQUESTS = 1_000
TESTS = {"service": "tests/fuzz/test_service_fuzz.py", "bot": "tests/e2e/test_bot_fuzz.py"}


def run(short: bool) -> tuple[dict[str, Any], dict[str, int], float]:
    """Both fuzz tests (a tenth of the size with `short`): their reports and pytest's exit code for each."""
    started = time.monotonic()
    reports: dict[str, Any] = {}
    codes: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="segue-fuzz-") as tmp:
        env = os.environ | {
            "SEGUE_FUZZ_SERVICE": str(SERVICE_REQUESTS // (10 if short else 1)),
            "SEGUE_FUZZ_BOT": str(BOT_REQUESTS // (10 if short else 1)),
            "SEGUE_FUZZ_REPORT": tmp,
        }
        for name, path in TESTS.items():
            done = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "timeout=1800", path],
                env=env, capture_output=True, text=True, check=False,
            )  # fmt: skip
            codes[name] = done.returncode
            if done.returncode != 0:
                print(done.stdout[-3000:], file=sys.stderr)
            report = Path(tmp) / f"{name}.json"
            reports[name] = json.loads(report.read_text()) if report.exists() else {}
    return reports, codes, time.monotonic() - started


def render(reports: dict[str, Any], codes: dict[str, int], machine: str, took: float) -> str:
    service, bot = reports.get("service", {}), reports.get("bot", {})
    seen = ", ".join(f"{n:,} {what}" for what, n in sorted(service.get("seen", {}).items(), key=lambda x: -x[1]))
    rows = [
        f"| service (no Discord) | {service.get('requests', 0):,} | {seen or '?'} | "
        f"{service.get('problems', '?')} (live mentions, embeds or buttons over a limit) | "
        f"{'passed' if codes.get('service') == 0 else 'FAILED'} |",
        f"| bot, through the stand-in | {bot.get('requests', 0):,} | {bot.get('messages', 0):,} messages sent, "
        f"{bot.get('unanswered', '?')} interactions unanswered, "
        f"{bot.get('unexpected_errors', '?')} unexpected errors | "
        f"{bot.get('live_mentions', '?')} live mentions, {bot.get('refused_payloads', '?')} payloads refused | "
        f"{'passed' if codes.get('bot') == 0 else 'FAILED'} |",
    ]
    return "\n".join(
        [
            "## Fuzz",
            "",
            (__doc__ or "").split("\n\n")[1].strip(),
            "Target (issue 11): 0 crashes, 0 live mentions, 0 embeds over limits.",
            "",
            "| path | requests | how they ended | problems | test |",
            "|---|---|---|---|---|",
            *rows,
            "",
            f"_Machine: {machine}. Command: `make proof` (`python -m bench.proof --fuzz`), {took:.0f} s._",
        ]
    )
