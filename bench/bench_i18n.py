"""Speaking five languages: what it costs at start and per answer (issue 15), measured in one run.

At start: loading every catalog (the `.po` files are compiled in memory). Per answer: building the embed of a
five-track answer (three reasons a track) with the English-only renderer Segue had before (read from the
repository's history, `git show OLD:src/segue/bot/render.py`) and with today's renderer in each language; and
choosing a member's language once their stored choice and their server's settings are cached.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
import timeit
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from segue.bot import render
from segue.bot.servers import ServerSettings
from segue.bot.speech import Speech
from segue.domain import Answer, EntityRef, FeatureRange, Links, Query, Recommendation, Track
from segue.engine import explain
from segue.i18n import LOCALES, Catalogs
from segue.state import MemoryStateStore

OLD = "5c5dbf9"
"""The last commit before issue 15: every string English, reasons as text."""
REPEATS = 7
CHILL = (FeatureRange("energy", high=0.5, because="chill"), FeatureRange("tempo", high=115, because="chill"))


def old_render() -> types.ModuleType | None:
    """render.py as it was at OLD (None without git or the history)."""
    root = Path(__file__).resolve().parents[1]
    try:
        source = subprocess.run(
            ["git", "show", f"{OLD}:src/segue/bot/render.py"], cwd=root, capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    module = types.ModuleType("segue_render_english_only")
    sys.modules[module.__name__] = module
    exec(compile(source, "render_english_only.py", "exec"), module.__dict__)  # our own file, as it was at OLD
    return module


def answer() -> Answer:
    """Five tracks, each with a mood, a co-listening and a shared-tags reason, links on every one."""
    mood = explain.mood_reason("chill", CHILL, {"energy": 0.41, "tempo": 110.2})
    assert mood is not None
    results = tuple(
        Recommendation(
            track=Track(id=f"t{i}", title=f"Song {i}", artists=("Artist",), artist_ids=("a1",), year=1983),
            score=1.0 - i / 10,
            reasons=(
                mood,
                explain.colisten_reason("Daft Punk", 0.4),
                explain.shared_tags_reason("Daft Punk", ["french house", "electronic"], 0.2),
            ),
            links=Links(spotify="https://open.spotify.com/search/x", youtube="https://www.youtube.com/results?q=x"),
            source="local",
        )
        for i in range(5)
    )
    seed = EntityRef(0, "a0", "Daft Punk")
    query = Query(text="chill like Daft Punk", seed_artists=(seed,), moods=("chill",), features=CHILL)
    return Answer(query=query, results=results, notes=("Some are from just outside the era you asked.",))


def per_call_us(action: Callable[[], Any], number: int = 2000) -> float:
    """Best of REPEATS: microseconds per call."""
    return min(timeit.repeat(action, number=number, repeat=REPEATS)) / number * 1e6


def run() -> str:
    loads = []
    for _ in range(5):
        t0 = time.perf_counter()
        catalogs = Catalogs()
        loads.append(time.perf_counter() - t0)
    shown = answer()
    rows = []
    old = old_render()
    if old is not None:
        rows.append(
            ("before issue 15 (English only)", per_call_us(lambda: old.answer_embed(shown, title="Recommendations")))
        )
    for locale in LOCALES:
        say = catalogs.speaker(locale)
        rows.append(
            (
                f"today, {locale}",
                per_call_us(lambda say=say: render.answer_embed(shown, title="Recommendations", say=say)),
            )
        )
    state = MemoryStateStore()
    speech = Speech(catalogs, state, ServerSettings(state))

    async def choose() -> None:
        await speech.choose("42", 7, "es-ES", "en-US")

    loop = asyncio.new_event_loop()
    loop.run_until_complete(choose())  # fills the caches
    picking = per_call_us(lambda: loop.run_until_complete(choose()), number=2000)
    loop.close()
    lines = [
        "## Interface languages (`bench/bench_i18n.py`)",
        "",
        f"Loading all {len(LOCALES)} locales' catalogs (messages + commands, compiled in memory from `.po`): "
        f"{min(loads) * 1000:.0f} ms (best of 5), once at start.",
        "",
        "| building a 5-track answer embed (3 reasons a track) | µs per answer (best of 7) |",
        "|---|---|",
        *(f"| {name} | {us:.0f} |" for name, us in rows),
        "",
        f"Choosing a member's language with their choice and their server's settings cached: {picking:.1f} µs "
        "(including one event-loop round trip); a member not seen for 30 s costs one preference read.",
        "",
        "The per-answer difference is the catalog look-ups (about 50 an answer) and the reasons said from their facts;"
        " numbers are formatted by Babel once per value and locale, then remembered (a cold Babel call costs tens of"
        " microseconds).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
