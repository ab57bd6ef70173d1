"""What each command and button asks of the service, as plain async functions over plain data (no discord).

Cogs and buttons translate Discord in and out; this module decides which service call answers a request, applies
the listener's taste (disliked and known tracks and blocked artists are never shown again), remembers what was
shown so buttons can page and refine later, and builds group blends. Tested without Discord.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, replace

from segue.domain import Answer, ArtistAnswer, Exclusions, Feedback, Novelty, Query, Recommendation, Track
from segue.engine.community import Community, blend_in
from segue.engine.service import MAX_COUNT, RecommendationService
from segue.errors import UserInputError
from segue.i18n import N_
from segue.providers.links import track_links
from segue.state import Listener, SavedAnswer, StateStore, UserProfile, answer_key
from segue.state.records import UserPrefs

from .custom_ids import PAGE_MAX, FeedbackKind, valid_key, valid_track_id
from .followups import TITLES, FollowUp, Move, RecentAnswers, Referent, picked, twisted
from .profiles import preferred_novelty
from .servers import ServerSettings

BLEND_MIN = 2
BLEND_MAX = 5
HISTORY_IN_DISCOVER = 200
"""Recently shown tracks /discover skips, so asking twice gives new music."""
PAGES_KEPT = 512
"""Pages made in this process, kept so a repeated click on one "Next page" shows the same page, reasons and all."""

NOTHING_TO_DISCOVER_FROM = N_(
    "I don't know your taste yet. Under any answer (/recommend, /mood or a mention), pick a track in the menu and "
    "press 👍 Like, or link your Last.fm name with /profile lastfm; then /discover picks new music for you."
)
FROM_YOUR_LIKES = N_("*From your likes and what you've heard*")
FROM_EVERYONES_LIKES = N_("*From everyone's likes*")
EXPIRED = N_("That answer is too old for its buttons now. Ask me again and I'll pick up from there.")
STALE = N_("That button doesn't match this answer any more. Ask me again for fresh buttons.")
BOTS_KEEP_NO_TASTE = N_("Bots don't keep a taste in music. Pick a member.")
"""What /taste and /blend say when a member picked is a bot (Segue included): it has no likes to compare or blend."""


@dataclass(frozen=True, slots=True)
class Reply:
    """An answer plus what the message needs: its title, the saved key its buttons carry, and its page."""

    answer: Answer
    title: str
    owner: str
    key: str | None = None
    page: int = 0
    for_whom: tuple[str, ...] | None = None
    offset: int = 0
    """Tracks shown on earlier pages (numbering continues from here)."""
    basis: str | None = None
    """What an answer to no request comes from (/discover, /blend), said where a request's reading would be."""

    @property
    def has_results(self) -> bool:
        return bool(self.answer.results)


@dataclass(frozen=True, slots=True)
class FeedbackDone:
    """What a feedback button changed, for the confirmation line."""

    kind: FeedbackKind
    track: Track
    artist_name: str
    profile: UserProfile


def page_size(saved: SavedAnswer) -> int:
    """Tracks per page: the first page's length (a count past what one answer holds gave 10 of 25), so page `p` of
    a saved answer starts at `p * page_size`: every page but the last is full, and a short page was the last."""
    return max(1, min(saved.count, len(saved.shown))) if saved.page == 0 else saved.count


class TakingTurns:
    """One lock per saved answer: clicks on its buttons take turns, so a double click sees the page the first made."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @contextlib.asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        lock, waiting = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, waiting + 1)
        try:
            async with lock:
                yield
        finally:
            lock, waiting = self._locks[key]
            if waiting == 1:
                del self._locks[key]  # nobody else holds or awaits it: no lock outlives its clicks
            else:
                self._locks[key] = (lock, waiting - 1)


def understood(query: Query) -> bool:
    """Whether the parse found anything to recommend from (seeds, genres, moods, sound, era)."""
    return not query.is_empty or bool(query.moods) or query.surprise


class Answers:
    """The bot's use of the service and the state store."""

    def __init__(
        self,
        service: RecommendationService,
        state: StateStore,
        *,
        repeat_window: float = 30 * 24 * 3600.0,
        clock: Callable[[], float] = time.time,
        community: Community | None = None,
    ) -> None:
        self.service = service
        self.state = state
        self.community = community
        self.repeat_window = repeat_window
        """Seconds during which /discover does not show a member a track it already showed them."""
        self._clock = clock
        self.servers = ServerSettings(state)
        """Each server's /settings, cached per process (disabled commands, default count, rate limits)."""
        self._turns = TakingTurns()
        self._pages: OrderedDict[tuple[str, int], Answer] = OrderedDict()
        self.recent = RecentAnswers()
        """Each member's last answer per channel and what each of our messages showed, for chat follow-ups."""
        self.heard: Callable[[UserPrefs], None] | None = None
        """Told a member's /profile choices as an answer reads them (the bot's `Speech` keeps their language, so
        saying the answer reads the same row no second time: BENCHMARKS.md, issue 14, the bot's own CPU)."""

    # -- taste ---------------------------------------------------------------------------------------------------

    @staticmethod
    def exclusion(profile: UserProfile) -> Exclusions:
        """What must never come back: dislikes, 'know it', blocked artists, and likes (they don't steer /recommend)."""
        return Exclusions(
            disliked_tracks=profile.disliked_tracks,
            known_tracks=profile.known_tracks,
            blocked_artists=profile.blocked_artists,
            liked_tracks=profile.liked_tracks,
        )

    # -- requests ------------------------------------------------------------------------------------------------

    def parse(self, text: str) -> Query:
        """Free text to a Query (raises UserInputError for empty or overlong text)."""
        return self.service.parse(text)

    def resolve_genre(self, name: str) -> str:
        return self.service.resolve_genre(name)

    def build_query(
        self,
        *,
        text: str | None = None,
        artist: str | None = None,
        track: str | None = None,
        genre: str | None = None,
        mood: str | None = None,
        novelty: Novelty | None = None,
    ) -> Query:
        """Merge slash-command options into one Query; names are resolved strictly (unknown -> suggestions)."""
        if not any(x and x.strip() for x in (text, artist, track, genre, mood)) and novelty is None:
            raise UserInputError(
                "no options", user_message=N_("Tell me at least one of: query, artist, track, genre or mood.")
            )
        query = self.parse(text) if text and text.strip() else Query()
        if artist and artist.strip():
            query = replace(query, seed_artists=(*query.seed_artists, self.service.resolve_artist(artist)))
        if track and track.strip():
            query = replace(query, seed_tracks=(*query.seed_tracks, self.service.resolve_track(track)))
        if genre and genre.strip():
            query = replace(query, genres=tuple(dict.fromkeys((*query.genres, self.resolve_genre(genre)))))
        if mood and mood.strip():
            felt = self.parse(mood)
            if not felt.moods and not felt.features:
                raise UserInputError(
                    "unknown mood",
                    user_message=N_("I don't know that mood. Try words like chill, happy, dark or upbeat."),
                )
            query = replace(query, moods=(*query.moods, *felt.moods), features=(*query.features, *felt.features))
        if novelty is not None:
            query = replace(query, novelty=novelty)
        label = " · ".join(x.strip() for x in (text, artist, track, genre, mood) if x and x.strip())
        return replace(query, text=label or query.text)

    async def answer(
        self,
        user_id: str,
        query: Query,
        *,
        count: int | None = None,
        title: str = N_("Recommendations"),
        prefer: bool = False,
    ) -> Reply:
        """A query answered for one listener (their exclusions applied), saved for its buttons.

        `prefer`: the member's stored novelty (/profile set) applies when the request left the dial at its
        default (a chosen option or words like 'deep cuts' win); read with the profile, one state read, not two.
        The choices read are handed to `heard`, so the answer's language needs no read of its own.
        """
        listener = await self.state.listener(user_id)  # taste and choices in one row, the language included
        if self.heard is not None:
            self.heard(listener.prefs)
        profile = listener.profile
        if prefer and query.novelty is Novelty.BALANCED:
            stored = preferred_novelty(listener.prefs)
            query = query if stored is None else replace(query, novelty=stored)
        answer = await self.service.recommend(query, count=count, exclusions=self.exclusion(profile))
        return await self._remember(user_id, answer, title=title, count=count)

    async def _remember(self, user_id: str, answer: Answer, *, title: str, count: int | None, page: int = 0) -> Reply:
        shown = tuple(r.track.id for r in answer.results)
        if not shown:
            return Reply(answer, title, user_id)
        key = answer_key(user_id, answer.query, ",".join(shown))
        per_page = count or answer.query.count or len(shown)
        await self.state.save_answer(SavedAnswer(key, user_id, answer.query, shown, per_page, page))
        await self.state.record_answer(user_id, shown)
        return Reply(answer, title, user_id, key, page)

    async def similar_track(self, user_id: str, track: str, *, count: int | None = None) -> Reply:
        ref = self.service.resolve_track(track)
        return await self.answer(
            user_id, Query(text=ref.name, seed_tracks=(ref,)), count=count, title=N_("Similar tracks")
        )

    async def similar_artists(self, user_id: str, artist: str, *, count: int | None = None) -> ArtistAnswer:
        answer = await self.service.similar_artists(artist, count=count)
        blocked = set((await self.state.profile(user_id)).blocked_artists)
        if not blocked:
            return answer
        return replace(answer, results=tuple(r for r in answer.results if r.artist.id not in blocked))

    async def discover(
        self,
        user_id: str,
        *,
        count: int | None = None,
        novelty: Novelty | None = None,
        lastfm_user: str | None = None,
    ) -> Reply:
        window = self._clock() - self.repeat_window if self.repeat_window > 0 else None
        listener = await self.state.listener(user_id, shown_since=window)  # one read: the hot path's cost
        profile = listener.profile
        # The member's /profile choices fill what they did not give.
        novelty = novelty or preferred_novelty(listener.prefs)
        lastfm_user = lastfm_user or listener.prefs.lastfm_user
        if not profile.liked_tracks and not lastfm_user:  # nothing to start from: a private how-to, not an answer
            raise UserInputError("nothing liked to discover from", user_message=NOTHING_TO_DISCOVER_FROM)
        seen = (*profile.known_tracks, *self._recently_shown(listener))
        answer = await self.service.discover(
            liked_track_ids=profile.liked_tracks,
            disliked_track_ids=profile.disliked_tracks,
            known_track_ids=seen,
            blocked_artist_ids=profile.blocked_artists,
            count=count,
            novelty=novelty or Novelty.BALANCED,
            lastfm_user=lastfm_user,
        )
        if self.community is not None and profile.liked_tracks:
            await self.community.refresh()
            avoid = (*profile.liked_tracks, *profile.disliked_tracks, *seen)
            picks = self.community.suggest(profile.liked_tracks, len(answer.results), exclude=avoid)
            answer = blend_in(answer, picks, self.service.catalog, blocked_artists=profile.blocked_artists)
        reply = await self._remember(user_id, answer, title=N_("Discover: picked for you"), count=count)
        return replace(reply, basis=FROM_YOUR_LIKES)

    @staticmethod
    def _recently_shown(listener: Listener) -> tuple[str, ...]:
        """What /discover must not repeat: everything shown within the window, at least the last few answers."""
        recent = listener.profile.history[-HISTORY_IN_DISCOVER:]
        return tuple(dict.fromkeys((*recent, *sorted(listener.shown))))

    async def blend(self, owner: str, members: Sequence[tuple[str, str]], *, count: int | None = None) -> Reply:
        """One list for a group: each member's discoveries interleaved, everyone's dislikes and blocks respected."""
        unique = list(dict(members).items())
        if not BLEND_MIN <= len(unique) <= BLEND_MAX:
            raise UserInputError(
                "blend size",
                user_message=N_("A blend needs {low} to {high} different members.").format(
                    low=BLEND_MIN, high=BLEND_MAX
                ),
            )
        profiles = [await self.state.profile(uid) for uid, _ in unique]
        disliked = tuple(dict.fromkeys(t for p in profiles for t in p.disliked_tracks))
        blocked = tuple(dict.fromkeys(a for p in profiles for a in p.blocked_artists))
        n = max(1, min(MAX_COUNT, count or self.service.default_count))
        lists: list[tuple[str, tuple[Recommendation, ...]]] = []
        without: list[str] = []
        for (_, name), profile in zip(unique, profiles, strict=True):
            if not profile.liked_tracks:
                without.append(name)
                continue
            found = await self.service.discover(
                liked_track_ids=profile.liked_tracks,
                disliked_track_ids=disliked,
                known_track_ids=profile.known_tracks,
                blocked_artist_ids=blocked,
                count=n,
            )
            lists.append((name, found.results))
        picks, for_whom = interleave(lists, n)
        notes: list[str] = []
        if without:
            said = N_("No likes yet from {names}, so the blend leans on the others. 👍 a few tracks!")
            notes.append(said.format(names=", ".join(without)))
        if not lists:
            notes = [N_("None of you has liked a track yet. Use 👍 under any answer, then blend again.")]
        query = Query(text="blend: " + ", ".join(name for _, name in unique))
        answer = Answer(query=query, results=tuple(picks), notes=tuple(notes))
        reply = await self._remember(
            owner, answer, title=N_("Blend for {names}").format(names=", ".join(n for _, n in unique)), count=n
        )
        return replace(reply, for_whom=tuple(for_whom), basis=FROM_EVERYONES_LIKES)

    # -- privacy -------------------------------------------------------------------------------------------------

    async def export(self, user_id: str) -> bytes:
        """Everything Segue stores about one member, as an indented JSON document."""
        return json.dumps(await self.state.export_user(user_id), indent=2, ensure_ascii=False).encode("utf-8")

    async def forget(self, user_id: str) -> None:
        """Delete everything about one member (they confirmed with the /privacy delete button)."""
        await self.state.delete_user(user_id)
        self.recent.forget(user_id)
        if self.community is not None:
            self.community.forget(user_id)

    # -- buttons -------------------------------------------------------------------------------------------------

    def track(self, track_id: str) -> Track | None:
        return self.service.track(track_id) if valid_track_id(track_id) else None

    async def feedback(
        self, user_id: str, kind: FeedbackKind, track_id: str, *, guild_id: str | None = None
    ) -> FeedbackDone:
        track = self.track(track_id)
        if track is None:
            raise UserInputError("unknown track", user_message=N_("I can't find that track any more."))
        artist_id = track.artist_ids[0] if track.artist_ids else None
        if kind == "block":
            if artist_id is None:
                raise UserInputError("no artist", user_message=N_("I don't know who made that track, sorry."))
            signal = Feedback(user_id, "block_artist", track_id, artist_id, guild_id)
        else:
            signal = Feedback(user_id, kind, track_id, artist_id, guild_id)
        profile = await self.state.apply_feedback(signal)
        artist = track.artists[0] if track.artists else "that artist"
        return FeedbackDone(kind, track, artist, profile)

    async def more_like(self, user_id: str, track_id: str, *, count: int | None = None) -> Reply:
        ref = self.service.track_ref(track_id) if valid_track_id(track_id) else None
        if ref is None:
            raise UserInputError("unknown track", user_message=N_("I can't find that track any more."))
        return await self.answer(
            user_id, Query(text=f"more like {ref.name}", seed_tracks=(ref,)), count=count, title=N_("More like this")
        )

    async def saved(self, key: str) -> SavedAnswer:
        if not valid_key(key):
            raise UserInputError(f"bad answer key {key!r}", user_message=STALE)
        found = await self.state.load_answer(key)
        if found is None:
            raise UserInputError("saved answer missing", user_message=EXPIRED)
        return replace(found, query=self.service.refresh(found.query))

    async def next_page(self, user_id: str, key: str, page: int) -> Reply:
        """Page `page` of a saved answer, the one its button names however often or fast it is clicked.

        A page the asker already has is shown again as it was (three quick clicks on "Next page" showed page 4). A
        new page is the request minus every song on the pages before it, any version of it. Anyone else who
        clicks gets a copy of their own from the pages before the one clicked (saved under their id, with their
        exclusions), so another member's click never changes the owner's pages.
        """
        if not 1 <= page <= PAGE_MAX:
            raise UserInputError(f"bad page {page}", user_message=STALE)
        async with self._turns.hold(key):
            saved = await self.saved(key)  # checks the key's shape before reading
            if page > saved.page + 1:
                raise UserInputError(f"page {page} after {saved.page}", user_message=STALE)
            size = page_size(saved)
            if user_id == saved.user_id and page <= saved.page:
                return self._again(saved, page, size)
            return await self._new_page(user_id, saved, page, size)

    async def _new_page(self, user_id: str, saved: SavedAnswer, page: int, size: int) -> Reply:
        start = page * size
        earlier = saved.shown[:start]
        answer = Answer(query=saved.query, results=())
        if len(earlier) == start:  # else the page before was short: the request had no more
            profile = await self.state.profile(user_id)
            answer = await self.service.recommend(
                saved.query,
                count=size,
                exclusions=self.exclusion(profile),
                exclude_track_ids=self.service.versions(earlier),
            )
        if not answer.results:
            return Reply(replace(answer, notes=(N_("That's everything I have for this one."),)), N_("No more"), user_id)
        shown = tuple(r.track.id for r in answer.results)
        if user_id == saved.user_id:
            mine = replace(saved, shown=(*earlier, *shown), count=size, page=page)
        else:
            fork = answer_key(user_id, saved.query, ",".join((saved.key, *shown)))
            mine = SavedAnswer(fork, user_id, saved.query, (*earlier, *shown), size, page)
        await self.state.save_answer(mine)
        await self.state.record_answer(user_id, shown)
        self._pages[(mine.key, page)] = answer
        while len(self._pages) > PAGES_KEPT:
            self._pages.popitem(last=False)
        return self._page_reply(answer, mine, page, start)

    def _again(self, saved: SavedAnswer, page: int, size: int) -> Reply:
        """A page already made, as it was: kept in this process, else (after a restart) its stored tracks."""
        start = page * size
        ids = saved.shown[start : start + size]
        answer = self._pages.get((saved.key, page))
        if answer is None or tuple(r.track.id for r in answer.results) != ids:
            tracks = (t for t in map(self.track, ids) if t is not None)
            answer = Answer(
                query=saved.query, results=tuple(Recommendation(t, 0.0, (), track_links(t)) for t in tracks)
            )
        return self._page_reply(answer, saved, page, start)

    @staticmethod
    def _page_reply(answer: Answer, saved: SavedAnswer, page: int, start: int) -> Reply:
        title = N_("Recommendations · page {page}").format(page=page + 1)
        return Reply(answer, title, saved.user_id, saved.key, page, offset=start)

    async def follow(self, user_id: str, to: Referent, ask: FollowUp) -> tuple[Reply, str | None]:
        """A chat follow-up applied to the answer it points at, as its buttons would: the next page, more like one
        of its tracks, or its request twisted ('older', 'chiller'). Also the language that request was written in,
        which a reply in words no language claims ('more') speaks.

        Anyone may act on an answer they can see (the listener passes only a public answer or the member's own);
        a page asked for by someone else is a copy of their own, as with the button."""
        saved = await self.saved(to.key)
        page = saved.page if to.page is None else min(to.page, saved.page)
        language = saved.query.language
        if ask.move is Move.PAGE:
            return await self.next_page(user_id, to.key, page + 1), language
        size = page_size(saved)
        if ask.move is Move.PICK:
            return await self.more_like(user_id, picked(saved.shown, page * size, size, ask.position)), language
        query = saved.query
        if not understood(query):  # /discover and /blend read no request: music like their songs is twisted
            shown = saved.shown[page * size : (page + 1) * size]
            songs = tuple(r for r in map(self.service.track_ref, shown) if r is not None)
            query = replace(query, text="like " + ", ".join(r.name for r in songs), seed_tracks=songs)
        query = twisted(query, ask.twists, self.parse)
        profile = await self.state.profile(user_id)
        answer = await self.service.recommend(
            query,
            count=size,
            exclusions=self.exclusion(profile),
            exclude_track_ids=self.service.versions(saved.shown),  # new music: none of what the answer showed
        )
        title = TITLES[ask.twists[0]] if len(ask.twists) == 1 else N_("Recommendations")
        return await self._remember(user_id, answer, title=title, count=size), language

    async def deeper(self, user_id: str, key: str) -> Reply:
        """The same request, with the novelty dial turned to deep cuts."""
        saved = await self.saved(key)
        if saved.query.novelty is Novelty.DEEP:
            raise UserInputError("already deep", user_message=N_("These are already deep cuts. Try ➡️ for more."))
        return await self.answer(
            user_id, replace(saved.query, novelty=Novelty.DEEP), count=saved.count, title=N_("Less mainstream")
        )


def interleave(
    lists: Sequence[tuple[str, Sequence[Recommendation]]], count: int
) -> tuple[list[Recommendation], list[str]]:
    """Round-robin over each member's list, skipping repeats; a track several members got names all of them."""
    owners: dict[str, list[str]] = {}
    for name, recs in lists:
        for rec in recs:
            owners.setdefault(rec.track.id, [])
            if name not in owners[rec.track.id]:
                owners[rec.track.id].append(name)
    picks: list[Recommendation] = []
    seen: set[str] = set()
    depth = max((len(recs) for _, recs in lists), default=0)
    for level in range(depth):
        for _, recs in lists:
            if len(picks) >= count:
                break
            if level < len(recs) and recs[level].track.id not in seen:
                seen.add(recs[level].track.id)
                picks.append(recs[level])
    return picks, [" & ".join(owners[r.track.id]) for r in picks]
