"""Does community learning improve /discover? Replay a HetRec fold's train split as likes and measure.

Every train (user, artist) pair becomes a like of that artist's most popular catalog track, written through the
state store and read back by `Community` from the like feed (the path shards use). Each test user then asks
/discover from their own train likes: as the engine alone answers, with the community's co-liked tracks added to
the engine's seeds, from the community alone, and interleaved (what the bot ships: `community.blend_in`). Hits
are the user's held-out artists among the first 10 distinct new artists (train artists are excluded, as in the
fold protocol). The comparison is paired, user by user.

Caveat, stated in the report: the catalog's own artist neighbours were built from all of HetRec, test pairs
included, so the engine is favoured; the community arm learns from the train split alone.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from segue.catalog import Catalog
from segue.domain import Answer, Feedback
from segue.engine.community import Community, blend_in
from segue.engine.service import RecommendationService
from segue.evaluation.report import load_fold
from segue.state import MemoryStateStore

K = 10
COMMUNITY_SEEDS = 20
"""Co-liked tracks added to a member's likes for the 'with community' arm."""
ANSWER = 30
"""Tracks asked per /discover: enough for 10 distinct new artists after the train artists are removed."""
ARMS = ("engine", "engine-seeded", "community", "interleaved")
"""The engine alone; the engine with co-liked tracks added to its seeds; the community alone; the two interleaved
(what /discover ships)."""


@dataclass
class CommunityReport:
    fold: int
    users: int
    likes: int
    replay_seconds: float
    p_at_10: dict[str, float] = field(default_factory=dict)
    paired: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    """arm -> (mean difference against engine, 95% bootstrap low, high)."""

    def markdown(self, command: str) -> str:
        rows = "\n".join(
            f"| {arm} | {self.p_at_10[arm]:.4f} | "
            + ("-" if arm == "engine" else "{:+.4f} ({:+.4f} .. {:+.4f})".format(*self.paired[arm]))
            + " |"
            for arm in ARMS
        )
        return (
            "## Community learning\n\n"
            f"`{command}`: fold {self.fold}'s train split replayed as {self.likes:,} likes through the state store "
            f"and the like feed ({self.replay_seconds:.1f} s), then /discover for {self.users:,} test users.\n"
            "P@10 over the first 10 distinct artists not in the user's train split; the difference is paired per "
            "user with a 95% bootstrap interval.\n\n"
            "| arm | P@10 | against engine |\n|---|---|---|\n"
            f"{rows}\n\n"
            "Caveat: the catalog's artist neighbours were built from all of HetRec (test pairs included), which "
            "favours the engine arm; the community arm learns from the replayed train likes alone.\n"
        )


def _representative_tracks(catalog: Catalog, hetrec_ids: Sequence[int]) -> dict[int, str]:
    """HetRec artist id -> the id of that artist's most popular catalog track."""
    out: dict[int, str] = {}
    for hid in hetrec_ids:
        index = catalog.artist_index_for_hetrec(int(hid))
        if index is None:
            continue
        tracks = catalog.tracks_of(index)
        if len(tracks):
            best = max(tracks, key=lambda i: catalog.track(int(i)).popularity or 0.0)
            out[int(hid)] = catalog.track(int(best)).id
    return out


def _new_artists(answer_artists: Sequence[str], train: set[str]) -> list[str]:
    return [a for a in dict.fromkeys(answer_artists) if a not in train][:K]


def _artists(answer: Answer) -> list[str]:
    return [r.track.artist_ids[0] for r in answer.results if r.track.artist_ids]


def _bootstrap(diffs: np.ndarray, seed: int = 7, rounds: int = 2_000) -> tuple[float, float, float]:
    rng = np.random.default_rng(seed)
    means = rng.choice(diffs, size=(rounds, len(diffs)), replace=True).mean(axis=1)
    return float(diffs.mean()), float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


async def run(
    service: RecommendationService, catalog: Catalog, datasets_dir: Path, fold: int, *, max_users: int | None = None
) -> CommunityReport:
    """Replay, then score the three arms for the fold's test users (a random sample when `max_users`)."""
    split = load_fold(datasets_dir, fold)
    tracks = _representative_tracks(catalog, split.items.tolist())
    artist_of = {tid: catalog.track(catalog.track_index(tid) or 0).artist_ids[0] for tid in tracks.values()}
    state, started = MemoryStateStore(), time.perf_counter()
    likes_by_user: dict[int, list[str]] = {}
    for row in range(split.train.shape[0]):
        cols = split.train.indices[split.train.indptr[row] : split.train.indptr[row + 1]]
        mine = [tracks[int(split.items[c])] for c in cols if int(split.items[c]) in tracks]
        likes_by_user[row] = mine
        for track_id in mine:
            await state.apply_feedback(Feedback(f"u{row}", "like", track_id, artist_of[track_id]))
    community = Community(state, batch=50_000)
    await community.drain()
    replay_seconds = time.perf_counter() - started
    rows = [int(r) for r in split.test_users if likes_by_user.get(int(r))]
    if max_users is not None and len(rows) > max_users:
        rows = sorted(random.Random(fold).sample(rows, max_users))
    hits: dict[str, list[float]] = {arm: [] for arm in ARMS}
    for row in rows:
        liked = likes_by_user[row]
        train_artists = {artist_of[t] for t in liked}
        held = {tracks_artist for c in split.test.indices[split.test.indptr[row] : split.test.indptr[row + 1]]
                if (tracks_artist := artist_of.get(tracks.get(int(split.items[c]), ""))) is not None}  # fmt: skip
        extra = community.suggest(liked, COMMUNITY_SEEDS, exclude=liked)
        shipped = await service.discover(liked_track_ids=liked, count=ANSWER)
        widened = await service.discover(liked_track_ids=(*liked, *extra), count=ANSWER)
        alone = [artist_of.get(t, "") for t in community.suggest(liked, ANSWER * 2, exclude=liked)]
        ranked = {
            "engine": _artists(shipped),
            "engine-seeded": _artists(widened),
            "community": alone,
            "interleaved": _artists(blend_in(shipped, community.suggest(liked, ANSWER, exclude=liked), catalog)),
        }
        for arm, artists in ranked.items():
            hits[arm].append(len(set(_new_artists(artists, train_artists)) & held) / K)
        await asyncio.sleep(0)
    report = CommunityReport(fold, len(rows), sum(len(v) for v in likes_by_user.values()), replay_seconds)
    base = np.asarray(hits["engine"])
    for arm in ARMS:
        report.p_at_10[arm] = float(np.mean(hits[arm])) if rows else 0.0
        if arm != "engine" and rows:
            report.paired[arm] = _bootstrap(np.asarray(hits[arm]) - base)
    return report
