"""Text a hostile or careless member can type, generated from a seed: for fuzzing a bot through the stand-in.

Covers every Unicode general category, Discord markdown and masked links, mentions of everyone, roles and users,
control and bidirectional characters, combining marks piled up, numbers in other scripts, very long and empty
text, and ordinary requests with all of that mixed in. Deterministic for a seed, so a failure can be replayed.
"""

from __future__ import annotations

import random
import sys
import unicodedata

PIECES = (
    "@everyone", "@here", "<@&{role}>", "<@{user}>", "<@!{user}>", "<#{channel}>", "**bold**", "__under__",
    "~~gone~~", "||spoiler||", "`code`", "```py\nprint(1)\n```", "> quote", "# Heading", "-# small",
    "[free nitro](https://evil.example/x)", "<https://evil.example>", "\u202eevil\u202c", "\u200b", "\u2066x\u2069",
    "\x00", "\x1b[31m", "\r\n", "\t", "'; DROP TABLE users; --", "$(rm -rf /)", "{{7*7}}", "%s%s%n", "../../etc/passwd",
    "😀👍🏽🇫🇷", "Z̷̧̛a̴͚l̵g̶o̸", "٣", "５", "Ⅻ", "∞", "NaN", "-1", "99999999999999999999", "0x10",
)  # fmt: skip
REQUESTS = (
    "something like Daft Punk but chill", "80s synthpop", "songs to cry to", "jazz rap", "3 tracks like frank ocean",
    "música triste", "no rap please", "like Radiohead but not Radiohead", "deep cuts", "surprise me",
)  # fmt: skip
_CATEGORIES: dict[str, list[str]] = {}


def _by_category() -> dict[str, list[str]]:
    """Up to 64 code points of every general category but surrogates, which no UTF-8 message can carry (built once)."""
    if not _CATEGORIES:
        rng = random.Random(0)
        for cp in rng.sample(range(sys.maxunicode + 1), 200_000):
            category = unicodedata.category(chr(cp))
            if category == "Cs":
                continue
            bucket = _CATEGORIES.setdefault(category, [])
            if len(bucket) < 64:
                bucket.append(chr(cp))
    return _CATEGORIES


def hostile_text(rng: random.Random, *, role: int = 1, user: int = 1, channel: int = 1, limit: int = 2000) -> str:
    """One generated message (at most `limit` characters)."""
    shape = rng.random()
    if shape < 0.05:
        return ""
    if shape < 0.10:
        return rng.choice(PIECES).format(role=role, user=user, channel=channel) * rng.randint(50, 400)
    categories = _by_category()
    parts: list[str] = []
    for _ in range(rng.randint(1, 8)):
        roll = rng.random()
        if roll < 0.35:
            parts.append(rng.choice(PIECES).format(role=role, user=user, channel=channel))
        elif roll < 0.65:
            parts.append(rng.choice(REQUESTS))
        else:
            bucket = categories[rng.choice(sorted(categories))]
            parts.append("".join(rng.choice(bucket) for _ in range(rng.randint(1, 12))))
    return " ".join(parts)[:limit]
