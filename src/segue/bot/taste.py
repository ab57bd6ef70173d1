"""/taste and /trending without discord: how two members' stored tastes meet, and a server's week in names.

Two members rarely like the same tracks, so /taste compares *neighbourhoods*: each member's liked artists plus the
artists the engine would discover for them. The score is the overlap of those neighbourhoods (Jaccard, as a
percentage). The shared artists are only the ones both liked outright: an artist both neighbourhoods merely hold
is a guess, and listed as shared it named acts neither had liked, one of them disliked. Each member's pick comes
from the other's likes: the one whose artist sits closest to their own neighbourhood.

Another member's likes are read only with their leave (`UserPrefs.shares_taste`) and only among members of the
server the command runs in (`check_company`): both commands are refused before any like is read otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from segue.domain import Novelty, Track
from segue.engine.service import RecommendationService
from segue.errors import UserInputError
from segue.i18n import N_
from segue.state import StateStore, UserProfile
from segue.state.records import Ranked, Trending

NEIGHBOURHOOD = 30
"""Tracks the engine discovers per member to sketch their taste's surroundings."""
SHARED_SHOWN = 5
NOT_IN_SERVER = N_("Not in this server: {names}. I only compare and blend the tastes of its members.")
TASTE_PRIVATE = N_("{name} keeps their taste private, so I can't compare it with yours.")
BLEND_PRIVATE_ONE = N_("{names} keeps their taste private, so it stays out of blends. Try the blend without them.")
BLEND_PRIVATE_MANY = N_("{names} keep their tastes private, so they stay out of blends. Try the blend without them.")


@dataclass(frozen=True, slots=True)
class Company:
    """A member named in /taste or /blend: their id, the name shown, and whether they belong to the server the
    command runs in (the cog knows; here it is plain data)."""

    user_id: str
    name: str
    here: bool


async def check_company(state: StateStore, asker: str, members: Sequence[Company], *, blend: bool) -> None:
    """Refuse (a `UserInputError` naming them, never their likes) when anyone but the asker is not in this server
    or keeps their taste private; the asker's own taste is theirs to use."""
    others = [m for m in members if m.user_id != asker]
    away = [m.name for m in others if not m.here]
    if away:
        raise UserInputError("taste of a non-member", user_message=NOT_IN_SERVER.format(names=", ".join(away)))
    private = [m.name for m in others if not (await state.prefs(m.user_id)).shares_taste]
    if not private:
        return
    if not blend:
        said = TASTE_PRIVATE.format(name=private[0])
    else:
        said = (BLEND_PRIVATE_ONE if len(private) == 1 else BLEND_PRIVATE_MANY).format(names=", ".join(private))
    raise UserInputError("taste kept private", user_message=said)


@dataclass(frozen=True, slots=True)
class TasteMatch:
    """Two members' overlap: a 0-100 score, artists they share, and one pick for each from the other's likes."""

    score: int
    shared: tuple[str, ...]
    pick_for_me: Track | None
    pick_for_them: Track | None
    my_likes: int
    their_likes: int


@dataclass(frozen=True, slots=True)
class NamedTrending:
    """`Trending` with catalog ids turned into names the members recognise."""

    requested_artists: tuple[Ranked, ...]
    requested_moods: tuple[Ranked, ...]
    liked_artists: tuple[Ranked, ...]
    liked_tracks: tuple[Ranked, ...]

    @property
    def empty(self) -> bool:
        return not (self.requested_artists or self.requested_moods or self.liked_artists or self.liked_tracks)


class TasteReader:
    """Reads stored tastes through the service's catalog."""

    def __init__(self, service: RecommendationService, state: StateStore) -> None:
        self.service = service
        self.state = state

    def _tracks(self, ids: Sequence[str]) -> list[Track]:
        return [t for t in (self.service.track(i) for i in ids) if t is not None]

    async def _neighbourhood(self, profile: UserProfile, liked: list[Track]) -> dict[str, str]:
        """Artist id -> name: what they liked plus what the engine would discover for them."""
        around = {a: n for t in liked for a, n in zip(t.artist_ids, t.artists, strict=False)}
        found = await self.service.discover(
            liked_track_ids=profile.liked_tracks,
            disliked_track_ids=profile.disliked_tracks,
            blocked_artist_ids=profile.blocked_artists,
            count=NEIGHBOURHOOD,
            novelty=Novelty.BALANCED,
        )
        for rec in found.results:
            around.update(zip(rec.track.artist_ids, rec.track.artists, strict=False))
        return around

    @staticmethod
    def _pick(for_whom: UserProfile, near: dict[str, str], candidates: list[Track]) -> Track | None:
        """From the other member's likes (newest first), the first near this member's taste, else the newest."""
        seen = {*for_whom.liked_tracks, *for_whom.disliked_tracks, *for_whom.known_tracks}
        fresh = [
            t
            for t in reversed(candidates)
            if t.id not in seen and not set(t.artist_ids) & set(for_whom.blocked_artists)
        ]
        close = next((t for t in fresh if set(t.artist_ids) & near.keys()), None)
        return close or (fresh[0] if fresh else None)

    @staticmethod
    def _liked_by_both(
        mine: UserProfile, my_tracks: list[Track], theirs: UserProfile, their_tracks: list[Track]
    ) -> tuple[str, ...]:
        """Names of the artists both members liked a song of (and neither blocked since), by name."""
        names = {a: n for t in my_tracks for a, n in zip(t.artist_ids, t.artists, strict=False)}
        both = names.keys() & {a for t in their_tracks for a in t.artist_ids}
        both -= {*mine.blocked_artists, *theirs.blocked_artists}
        return tuple(sorted((names[a] for a in both), key=str.lower)[:SHARED_SHOWN])

    async def compare(self, me: str, them: str) -> TasteMatch:
        mine, theirs = await self.state.profile(me), await self.state.profile(them)
        my_tracks, their_tracks = self._tracks(mine.liked_tracks), self._tracks(theirs.liked_tracks)
        if not my_tracks or not their_tracks:
            return TasteMatch(0, (), None, None, len(my_tracks), len(their_tracks))
        near_me = await self._neighbourhood(mine, my_tracks)
        near_them = await self._neighbourhood(theirs, their_tracks)
        both = near_me.keys() & near_them.keys()
        score = round(100 * len(both) / max(1, len(near_me.keys() | near_them.keys())))
        return TasteMatch(
            score=score,
            shared=self._liked_by_both(mine, my_tracks, theirs, their_tracks),
            pick_for_me=self._pick(mine, near_me, their_tracks),
            pick_for_them=self._pick(theirs, near_them, my_tracks),
            my_likes=len(my_tracks),
            their_likes=len(their_tracks),
        )

    def named(self, week: Trending) -> NamedTrending:
        """Liked artist and track ids as names; ids the catalog no longer has are left out."""
        catalog = self.service.catalog
        artists = []
        for r in week.liked_artists:
            index = catalog.artist_index(r.name)
            if index is not None:
                artists.append(Ranked(catalog.artist(index).name, r.count))
        tracks = [
            Ranked(t.display, r.count) for r in week.liked_tracks if (t := self.service.track(r.name)) is not None
        ]
        return NamedTrending(week.requested_artists, week.requested_moods, tuple(artists), tuple(tracks))
