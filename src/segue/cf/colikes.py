"""Community learning: item-item co-occurrence of members' likes, updated one like at a time.

Two tracks liked by the same member are related; summed over members and normalised by how often each was liked
(cosine over the member-track like matrix), this is item-based collaborative filtering that improves with every
like, across servers and shards, with no retraining. Each member counts with their newest `max_user_likes` likes
only, so one member's pairs are bounded (at most max_user_likes squared) and an old like ages out.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, OrderedDict
from collections.abc import Iterable

MAX_USER_LIKES = 200


class CoLikes:
    """Co-like counts between items (any string ids), kept current by `like` / `unlike` / `forget`."""

    def __init__(self, *, max_user_likes: int = MAX_USER_LIKES) -> None:
        self.max_user_likes = max_user_likes
        self._likes: dict[str, OrderedDict[str, None]] = {}
        self._pairs: dict[str, Counter[str]] = {}
        self._count: Counter[str] = Counter()

    @property
    def members(self) -> int:
        return len(self._likes)

    @property
    def items(self) -> int:
        return len(self._count)

    def like(self, user: str, item: str) -> None:
        """One member liked one item (a repeat changes nothing; the oldest like ages out past the bound)."""
        mine = self._likes.setdefault(user, OrderedDict())
        if item in mine:
            return
        for other in mine:
            self._pairs.setdefault(item, Counter())[other] += 1
            self._pairs.setdefault(other, Counter())[item] += 1
        mine[item] = None
        self._count[item] += 1
        if len(mine) > self.max_user_likes:
            self.unlike(user, next(iter(mine)))

    def unlike(self, user: str, item: str) -> None:
        """Take one like back (an unlike, a dislike, or ageing out)."""
        mine = self._likes.get(user)
        if mine is None or item not in mine:
            return
        del mine[item]
        for other in mine:
            self._drop(item, other)
            self._drop(other, item)
        self._count[item] -= 1
        if self._count[item] <= 0:
            del self._count[item]
            self._pairs.pop(item, None)
        if not mine:
            del self._likes[user]

    def forget(self, user: str) -> None:
        """Remove every like of one member (their privacy delete)."""
        for item in list(self._likes.get(user, ())):
            self.unlike(user, item)

    def _drop(self, item: str, other: str) -> None:
        row = self._pairs.get(item)
        if row is None:
            return
        row[other] -= 1
        if row[other] <= 0:
            del row[other]
            if not row:
                del self._pairs[item]

    def related(self, items: Iterable[str], k: int, *, exclude: Iterable[str] = ()) -> list[tuple[str, float]]:
        """The `k` items most co-liked with `items`: sum of cosine similarities, best first (ties by id)."""
        seeds = list(dict.fromkeys(items))
        skip = {*seeds, *exclude}
        scores: dict[str, float] = {}
        for seed in seeds:
            row = self._pairs.get(seed)
            if not row:
                continue
            seed_norm = math.sqrt(self._count[seed])
            for other, together in row.items():
                if other not in skip:
                    scores[other] = scores.get(other, 0.0) + together / (seed_norm * math.sqrt(self._count[other]))
        return heapq.nsmallest(k, ((item, s) for item, s in scores.items()), key=lambda kv: (-kv[1], kv[0]))
