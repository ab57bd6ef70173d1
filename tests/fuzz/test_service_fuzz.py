"""Generated hostile requests through the service and the bot's plain logic on the real catalog (no Discord):
free text as a mention would send it, and slash-command options, all the way to the embeds and buttons a member
would see, or to the words of the error they would get.

The texts (`fakediscord.hostile`) cover every Unicode general category, Discord markdown and masked links, mentions
of everyone, roles and users, control and bidirectional characters, huge and empty input. Each must end as an
answer or a user error: 0 crashes, 0 live mentions, 0 embeds or components over Discord's limits.
`SEGUE_FUZZ_SERVICE` sets how many (CI: 600; `make proof`: 10,000); `SEGUE_FUZZ_SEED` replays a run;
`SEGUE_FUZZ_REPORT` names a directory for the counts (service.json; `make proof` writes them to RELIABILITY.md).
"""

from __future__ import annotations

import json
import os
import random
import re
from collections import Counter
from pathlib import Path

import discord
import pytest

from fakediscord.hostile import hostile_text
from segue.bot import render
from segue.bot.answers import Answers, understood
from segue.bot.failures import explain
from segue.bot.panels import present
from segue.catalog.store import Catalog
from segue.engine.service import RecommendationService
from segue.errors import UserInputError
from segue.state import MemoryStateStore
from support.bot import speaker
from support.engine import real_service

pytestmark = pytest.mark.datasets

REQUESTS = int(os.environ.get("SEGUE_FUZZ_SERVICE", "600"))
SEED = int(os.environ.get("SEGUE_FUZZ_SEED", "11"))
RAW_PING = re.compile(r"@(everyone|here)|<@[!&]?\d+>", re.IGNORECASE)
OPTION_MAX = 300
"""The longest slash-command string option Segue declares (Discord enforces it before the bot sees anything)."""
CUSTOM_ID_MAX, LABEL_MAX = 100, 80


@pytest.fixture(scope="module")
def service(built_catalog: Catalog) -> RecommendationService:
    return real_service(built_catalog)


def embed_problems(embed: discord.Embed) -> list[str]:
    """Every way an embed breaks Discord's limits or shows a live mention."""
    parts = {
        "title": (embed.title or "", render.TITLE_MAX),
        "description": (embed.description or "", render.DESCRIPTION_MAX),
        "footer": (embed.footer.text or "", render.FOOTER_MAX),
        "author": (embed.author.name or "", render.AUTHOR_MAX),
    }
    for i, f in enumerate(embed.fields):
        parts[f"field {i} name"] = (f.name or "", render.FIELD_NAME_MAX)
        parts[f"field {i} value"] = (f.value or "", render.FIELD_VALUE_MAX)
    problems = [f"{name} is {len(text)} > {limit}" for name, (text, limit) in parts.items() if len(text) > limit]
    problems += [f"{name} is empty" for name, (text, _) in parts.items() if name.startswith("field") and not text]
    if len(embed.fields) > render.FIELDS_MAX:
        problems.append(f"{len(embed.fields)} fields")
    if (size := render.embed_size(embed)) > render.TOTAL_MAX:
        problems.append(f"{size} characters in all")
    problems += [f"live mention in {name}" for name, (text, _) in parts.items() if RAW_PING.search(text)]
    return problems


def view_problems(view: discord.ui.View | None) -> list[str]:
    problems: list[str] = []
    for item in view.children if view is not None else ():
        custom_id = getattr(item, "custom_id", None) or ""
        label = getattr(item, "label", None) or ""
        if len(custom_id) > CUSTOM_ID_MAX or len(label) > LABEL_MAX or RAW_PING.search(label):
            problems.append(f"{type(item).__name__} {custom_id!r} {label!r}")
        for option in getattr(item, "options", ()):
            if len(option.label) > 100 or len(option.value) > 100 or RAW_PING.search(option.label):
                problems.append(f"option {option.label!r}")
    return problems


def options(rng: random.Random, text: str) -> dict[str, str]:
    """Slash-command options: some of query, artist, track, genre, mood, each hostile and within its max length."""
    names = rng.sample(["query", "artist", "track", "genre", "mood"], rng.randint(1, 3))
    return {name: (text if n == 0 else hostile_text(rng))[:OPTION_MAX] for n, name in enumerate(names)}


async def test_generated_hostile_requests_end_as_answers_or_user_errors(service: RecommendationService) -> None:
    answers = Answers(service, MemoryStateStore())
    rng = random.Random(SEED)
    seen: Counter[str] = Counter()
    problems: list[tuple[str, list[str]]] = []
    for i in range(REQUESTS):
        text = hostile_text(rng, role=rng.randint(1, 10**19), user=rng.randint(1, 10**19), channel=7)
        if rng.random() < 0.02:
            text = text * rng.randint(5, 50)  # longer than any message: the parser's own limit must answer
        try:
            if i % 2:  # free text, as a mention sends it
                query = answers.parse(text)
                if not understood(query):
                    seen["not understood (hint)"] += 1
                    continue
            else:
                chosen = options(rng, text)
                query = answers.build_query(text=chosen.pop("query", None), **chosen)
            reply = await answers.answer(f"u{i % 50}", query, count=rng.choice([None, 1, 5, 10]))
        except UserInputError as err:  # the member is told why, in words that quote their input inertly
            seen["user error"] += 1
            said = render.notice_embed("Segue", explain(err, speaker()).text, error=True)
            if found := embed_problems(said):
                problems.append((text[:200], found))
            continue
        embeds, view = present(reply, speaker())
        seen["answered" if reply.has_results else "answered, nothing found"] += 1
        found = [p for e in embeds for p in embed_problems(e)] + view_problems(view)
        if found:
            problems.append((text[:200], found))
    if report := os.environ.get("SEGUE_FUZZ_REPORT"):
        summary = {"requests": REQUESTS, "seed": SEED, "seen": seen, "problems": len(problems)}
        (Path(report) / "service.json").write_text(json.dumps(summary))
    assert not problems, problems[:5]
    assert sum(seen.values()) == REQUESTS  # no crash: every request ended as one of the outcomes
    assert seen["answered"] >= REQUESTS // 10, seen  # the generator's ordinary requests still get tracks


def test_the_checks_catch_what_they_look_for() -> None:
    """The fuzz's own checks fail on what they exist to find (an embed built without the builder)."""
    bad = discord.Embed(title="x" * 300, description="hi @everyone and <@&123>")
    for i in range(26):
        bad.add_field(name=f"{i}", value="v" * 1100)
    found = embed_problems(bad)
    assert "title is 300 > 256" in found
    assert "field 0 value is 1100 > 1024" in found
    assert "26 fields" in found
    assert any(p.startswith("live mention in description") for p in found)
    assert any(p.endswith("characters in all") for p in found)
    assert embed_problems(render.EmbedBuilder(title="x" * 300, description="@everyone").build()) == []
