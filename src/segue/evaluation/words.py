"""How requests with words a list may lack are read: by the word lists alone, and with the meaning fallback.

Each request of tests/data/unknown_words.json names the moods a reading may give it ('music for a thunderstorm':
rainy, dark, calm, melancholic). A reading is *understood* when one of its moods is acceptable, *misread* when it
has moods and none is, *unread* when it has none. A misread is worse than an unread: the answer then plays another
mood, though it says which word it took for what.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from segue.domain import Query
from segue.evaluation.requests import SPLIT_CHOICES


@dataclass(frozen=True, slots=True)
class WordRequest:
    id: str
    text: str
    accept_moods: tuple[str, ...]
    split: str


def load_word_requests(path: Path, split: str = "dev") -> list[WordRequest]:
    """The requests of one split ('dev', 'heldout' or 'all'), checked as `evaluation.requests.load_requests` does."""
    if split not in SPLIT_CHOICES:
        raise ValueError(f"unknown split {split!r}; choose one of {', '.join(SPLIT_CHOICES)}")
    raw = json.loads(path.read_text(encoding="utf-8"))["requests"]
    items = [WordRequest(r["id"], r["text"], tuple(r["accept_moods"]), r["split"]) for r in raw]
    return [r for r in items if split == "all" or r.split == split]


@dataclass(frozen=True, slots=True)
class Readings:
    """Counts of one parser over the requests, with the misread ones for the report."""

    understood: int
    misread: int
    unread: int
    misreads: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"understood": self.understood, "misread": self.misread, "unread": self.unread}


def read_all(parse: Callable[[str], Query], requests: Sequence[WordRequest]) -> Readings:
    understood = misread = unread = 0
    misreads: list[str] = []
    for request in requests:
        moods = set(parse(request.text).moods)
        if moods & set(request.accept_moods):
            understood += 1
        elif moods:
            misread += 1
            misreads.append(f"{request.text} -> {', '.join(sorted(moods))}")
        else:
            unread += 1
    return Readings(understood, misread, unread, tuple(misreads))


def markdown(split: str, n: int, lists: Readings, meaning: Readings) -> str:
    """The EVALUATION.md section."""
    lines = [
        "## Unknown words",
        "",
        f"`segue eval-words --split {split}` over {n} requests of tests/data/unknown_words.json whose mood or activity "
        "word a list may lack ('music for a thunderstorm', 'heist music'). Understood: a read mood is one the request "
        "accepts; misread: moods read, none acceptable; unread: no mood read (often an empty answer).",
        "",
        "| reading | understood | misread | unread |",
        "|---|---|---|---|",
        f"| word lists alone | {lists.understood} | {lists.misread} | {lists.unread} |",
        f"| with word vectors for unknown words | {meaning.understood} | {meaning.misread} | {meaning.unread} |",
    ]
    if meaning.misreads:
        lines += ["", "Misread with word vectors: " + "; ".join(f"'{m}'" for m in meaning.misreads[:8]) + "."]
    return "\n".join(lines) + "\n"
