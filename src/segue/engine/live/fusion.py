"""Rank fusion: the local engine's ranking and every live source's, merged into one list with provenance.

Why reciprocal-rank fusion (RRF, Cormack et al. 2009: score = sum over lists of w / (k + rank)): the lists share
nothing but ranks. Last.fm's match, ListenBrainz's listen counts, Deezer's order and the local blend are on
unrelated scales (Deezer and ListenBrainz give no score at all), every list is truncated, and a source that fails
simply contributes no list. Measured on held-out listening (`bench/bench_sources.py`: lastfm-folds fold 0, CF
rankers standing in for the local engine and two sources, top 50 each, NDCG@10): when the sources know more than
the local engine (it sees 30% of the listening data; the realistic case, since Last.fm and ListenBrainz see far
more listeners than our catalog), RRF lifts the local ranking from 0.160 to 0.187 (+17%); when they know no more,
it costs 4% (0.208 to 0.199). k=10 beat the customary k=60 in both cases (0.187/0.199 against 0.184/0.198);
doubling the local list's weight recovered part of the 4% but lost more in the realistic case, so all lists
weigh 1. CombSUM of min-max scores came within 0.001 of RRF but needs scores the sources do not give.
A source is one voter: when several of its lists name an item (ListenBrainz's radio and its tag chart), its best
rank counts, as in the measurement, where each ranker gave one list. An artist-level list (similar artists, no
tracks) lends its rank to the artist's tracks at half weight: it says who, not which song.

Items are identified by (artist key, base title) (`segue.text`), so 'One More Time - Radio Edit' by 'Daft
Punk' from Deezer and the catalog's 'One More Time' are one item, labelled 'deezer+local'.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from segue.domain import Reason
from segue.providers.base import SourceTrack, SourceUrls

K = TypeVar("K", bound=Hashable)

RRF_K = 10.0
"""RRF's rank offset (see the module docstring for the measurement)."""
ARTIST_LIST_WEIGHT = 0.5
LOCAL = "local"


def rrf(rankings: Sequence[Sequence[K]], *, k: float = RRF_K, weights: Sequence[float] | None = None) -> dict[K, float]:
    """Reciprocal-rank fusion of ranked lists (best first): item -> sum of weight / (k + rank), rank from 1."""
    scores: dict[K, float] = {}
    for pos, ranking in enumerate(rankings):
        weight = 1.0 if weights is None else weights[pos]
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return scores


def comb_sum(scored: Sequence[Mapping[K, float]]) -> dict[K, float]:
    """CombSUM of min-max normalized scores (Fox and Shaw 1994): the score-based alternative RRF is measured against."""
    total: dict[K, float] = {}
    for scores in scored:
        if not scores:
            continue
        low, high = min(scores.values()), max(scores.values())
        span = (high - low) or 1.0
        for item, value in scores.items():
            total[item] = total.get(item, 0.0) + (value - low) / span
    return total


def fused_order(scores: Mapping[K, float]) -> list[K]:
    """Items by fused score, best first; ties keep first-seen order."""
    return sorted(scores, key=lambda item: -scores[item])


def provenance(sources: set[str] | frozenset[str]) -> str:
    """'lastfm+local', 'deezer+lastfm', 'local': live sources alphabetically, the local engine last."""
    live = sorted(s for s in sources if s != LOCAL)
    return "+".join([*live, LOCAL] if LOCAL in sources else live)


@dataclass(slots=True)
class Candidate:
    """One item being fused: where it is in the catalog (if anywhere), who ranked it, and its fused score."""

    key: tuple[str, str]
    order: int
    """First-seen position, the final tie-break (local items are added first)."""
    index: int | None = None
    """The catalog track, when the item is (or matched) one."""
    track: SourceTrack | None = None
    """How a source described it (the only description when it is not in the catalog)."""
    local_rank: int | None = None
    local_reasons: tuple[Reason, ...] = ()
    votes: dict[str, float] = field(default_factory=dict)
    """Per source, its best RRF contribution: a source is one voter however many of its lists name the item."""
    whys: list[tuple[str, str]] = field(default_factory=list)
    """(source, why) in the order the contributions arrived: 'similar to Daft Punk'."""
    urls: SourceUrls = field(default_factory=SourceUrls)
    tags: set[str] = field(default_factory=set)
    """Tags whose chart listed it (a source vouching for a genre the catalog cannot check)."""
    name: str = ""
    """How a source named it, for items the catalog does not hold (artists)."""

    @property
    def score(self) -> float:
        return sum(self.votes.values())

    @property
    def sources(self) -> set[str]:
        return set(self.votes)

    @property
    def label(self) -> str:
        return provenance(self.sources)

    def vote(self, source: str, value: float) -> None:
        self.votes[source] = max(self.votes.get(source, 0.0), value)


class FusionPool:
    """Accumulates RRF contributions per item as lists arrive, then ranks."""

    def __init__(self, *, k: float = RRF_K) -> None:
        self.k = k
        self.items: dict[tuple[str, str], Candidate] = {}

    def _get(self, key: tuple[str, str], index: int | None, track: SourceTrack | None) -> Candidate:
        cand = self.items.get(key)
        if cand is None:
            cand = self.items[key] = Candidate(key=key, order=len(self.items), index=index, track=track)
        if cand.index is None and index is not None:
            cand.index = index
        if cand.track is None and track is not None:
            cand.track = track
        if track is not None:
            cand.urls = cand.urls.merged(track.urls)
        return cand

    def add_local(self, key: tuple[str, str], index: int, rank: int, reasons: tuple[Reason, ...] = ()) -> Candidate:
        """The local engine's item at 0-based `rank`."""
        cand = self._get(key, index, None)
        if cand.local_rank is None:
            cand.local_rank = rank
            cand.local_reasons = reasons
            cand.vote(LOCAL, 1.0 / (self.k + rank + 1))
        return cand

    def add(
        self,
        source: str,
        why: str,
        key: tuple[str, str],
        rank: int,
        *,
        index: int | None = None,
        track: SourceTrack | None = None,
        weight: float = 1.0,
        tag: str | None = None,
        name: str = "",
    ) -> Candidate:
        """One source list's item at 0-based `rank`."""
        cand = self._get(key, index, track)
        cand.vote(source, weight / (self.k + rank + 1))
        if tag:
            cand.tags.add(tag)
        if name and not cand.name:
            cand.name = name
        if (source, why) not in cand.whys:
            cand.whys.append((source, why))
        return cand

    def ranked(self) -> list[Candidate]:
        """Best first: fused score, then the local engine's order, then first seen."""
        big = len(self.items) + 1
        return sorted(
            self.items.values(),
            key=lambda c: (-c.score, c.local_rank if c.local_rank is not None else big, c.order),
        )
