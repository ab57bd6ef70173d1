"""What /profile does, as plain async functions over the service and the state store (no discord).

Every function acts on the member who asked (their id comes from the interaction, never from an option), checks
what they typed before anything is written (a Last.fm name by Last.fm's own rule, a country by ISO 3166-1), and
turns catalog ids into names for display. Tested without Discord.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from segue.bot.playlists import PlaylistFormat, entry, playlist_file
from segue.domain import Feedback, Novelty, Track
from segue.engine.service import RecommendationService
from segue.errors import UserInputError
from segue.i18n import N_
from segue.state import StateStore, UserProfile
from segue.state.records import LANGUAGES, NOVELTIES, UserPrefs

LASTFM_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]{1,14}")
"""Last.fm's sign-up rule: 2-15 letters, digits, '_' or '-', starting with a letter."""
_ISO_3166 = (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ "
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO "
    "FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE "
    "JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO "
    "MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW "
    "PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM "
    "TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"
)
COUNTRIES = frozenset(_ISO_3166.split())
"""ISO 3166-1 alpha-2 codes, plus XK (Kosovo), which music services use."""
NOVELTY_OF = {"familiar": Novelty.FAMILIAR, "balanced": Novelty.BALANCED, "adventurous": Novelty.DEEP}
"""A stored preference as the novelty dial ("adventurous" is the dial's deep cuts)."""
SHOWN_LIKES = 10
SHOWN_BLOCKS = 10
PLAYLIST_MAX = 5_000
"""Liked tracks in one playlist file (far more than anyone likes; keeps a file well under Discord's 10 MB)."""
NO_LIKES = N_("You haven't liked any tracks yet. Press 👍 under an answer, then try again.")
NOTHING_TO_SET = N_("Tell me what to change: novelty, language, country or taste sharing.")


def check_lastfm_name(name: str) -> str:
    """The name, trimmed, when Last.fm could have issued it; a friendly error otherwise."""
    clean = name.strip()
    if not LASTFM_NAME.fullmatch(clean):
        raise UserInputError(
            "bad lastfm name",
            user_message=N_(
                "That isn't a Last.fm user name: they are 2-15 letters, digits, _ or -, starting with a letter."
            ),
        )
    return clean


def check_country(code: str) -> str:
    """A two-letter ISO country code, upper case; a friendly error otherwise."""
    clean = code.strip().upper()
    if clean not in COUNTRIES:
        raise UserInputError(
            "bad country", user_message=N_("The country is a two-letter code, like US, GB, DE or BR (ISO 3166).")
        )
    return clean


def check_choice(value: str, allowed: Sequence[str], what: str) -> str:
    """One of `allowed` (the command's choices; a hand-made request may send anything)."""
    if value not in allowed:
        raise UserInputError(f"bad {what}", user_message=f"The {what} is one of: {', '.join(allowed)}.")
    return value


def preferred_novelty(prefs: UserPrefs) -> Novelty | None:
    return NOVELTY_OF.get(prefs.novelty or "")


@dataclass(frozen=True, slots=True)
class Summary:
    """What /profile show lists: preferences, counts, the newest likes and the blocked artists by name."""

    prefs: UserPrefs
    likes: int
    dislikes: int
    blocks: int
    latest_likes: tuple[str, ...]
    blocked: tuple[str, ...]


class Profiles:
    """The member's own preferences, likes and blocks."""

    def __init__(self, service: RecommendationService, state: StateStore) -> None:
        self.service = service
        self.state = state

    async def summary(self, user_id: str) -> Summary:
        profile = await self.state.profile(user_id)
        prefs = await self.state.prefs(user_id)
        likes = self._tracks(reversed(profile.liked_tracks[-SHOWN_LIKES:]))
        names = self._artist_names(profile)
        blocked = tuple(names.get(a, "an artist no longer in the catalog") for a in profile.blocked_artists)
        return Summary(
            prefs=prefs,
            likes=len(profile.liked_tracks),
            dislikes=len(profile.disliked_tracks),
            blocks=len(profile.blocked_artists),
            latest_likes=tuple(f"{t.title} — {', '.join(t.artists)}" for t in likes),
            blocked=blocked[-SHOWN_BLOCKS:][::-1],
        )

    async def update(
        self,
        user_id: str,
        *,
        novelty: str | None,
        language: str | None,
        country: str | None,
        share_taste: bool | None = None,
    ) -> UserPrefs:
        """Change only the preferences given; everything is checked before anything is written."""
        if novelty is None and language is None and country is None and share_taste is None:
            raise UserInputError("nothing to set", user_message=NOTHING_TO_SET)
        old = await self.state.prefs(user_id)
        prefs = replace(
            old,
            novelty=old.novelty if novelty is None else check_choice(novelty, NOVELTIES, "novelty"),
            language=old.language if language is None else check_choice(language, LANGUAGES, "language"),
            country=old.country if country is None else check_country(country),
            share_taste=old.share_taste if share_taste is None else share_taste,
        )
        await self.state.set_prefs(prefs)
        return prefs

    async def link_lastfm(self, user_id: str, name: str) -> UserPrefs:
        prefs = replace(await self.state.prefs(user_id), lastfm_user=check_lastfm_name(name))
        await self.state.set_prefs(prefs)
        return prefs

    async def unlink_lastfm(self, user_id: str) -> str | None:
        """Forget the linked Last.fm name; the name that was linked (None when there was none)."""
        prefs = await self.state.prefs(user_id)
        if prefs.lastfm_user is not None:
            await self.state.set_prefs(replace(prefs, lastfm_user=None))
        return prefs.lastfm_user

    # -- likes and blocks ----------------------------------------------------------------------------------------

    def _tracks(self, ids: Iterable[str]) -> list[Track]:
        return [t for t in (self.service.track(i) for i in ids) if t is not None]

    def _artist_names(self, profile: UserProfile) -> dict[str, str]:
        """Artist id -> name, read from the tracks the member was shown or rated (the service looks up tracks,
        not artists; a block is given under a shown track, so its artist is almost always among them)."""
        wanted = set(profile.blocked_artists)
        names: dict[str, str] = {}
        pool = (*profile.history, *profile.liked_tracks, *profile.disliked_tracks, *profile.known_tracks)
        for track in self._tracks(dict.fromkeys(reversed(pool))):
            for artist_id, name in zip(track.artist_ids, track.artists, strict=False):
                if artist_id in wanted:
                    names.setdefault(artist_id, name)
            if len(names) == len(wanted):
                break
        return names

    async def like_choices(self, user_id: str, typed: str) -> list[tuple[str, str]]:
        """(shown name, track id) of the member's likes matching what they typed, newest first."""
        profile = await self.state.profile(user_id)
        needle = typed.strip().lower()
        found = [(t.display, t.id) for t in self._tracks(reversed(profile.liked_tracks))]
        return [c for c in found if needle in c[0].lower()]

    async def block_choices(self, user_id: str, typed: str) -> list[tuple[str, str]]:
        """(artist name, artist id) of the member's blocks matching what they typed, newest first."""
        profile = await self.state.profile(user_id)
        names = self._artist_names(profile)
        needle = typed.strip().lower()
        found = [(names.get(a, a), a) for a in reversed(profile.blocked_artists)]
        return [c for c in found if needle in c[0].lower()]

    async def unlike(self, user_id: str, chosen: str) -> str:
        """Take back one like (the autocomplete's id, or the track's name as typed); the track's name."""
        for name, track_id in await self.like_choices(user_id, ""):
            if chosen in (track_id, name) or chosen.strip().lower() == name.lower():
                await self.state.apply_feedback(Feedback(user_id, "unlike", track_id=track_id))
                return name
        raise UserInputError("not liked", user_message=N_("That track isn't in your likes. Pick one from the list."))

    async def unblock(self, user_id: str, chosen: str) -> str:
        """Take back one "never this artist" (the autocomplete's id, or the name as typed); the artist's name."""
        for name, artist_id in await self.block_choices(user_id, ""):
            if chosen in (artist_id, name) or chosen.strip().lower() == name.lower():
                await self.state.apply_feedback(Feedback(user_id, "unblock_artist", artist_id=artist_id))
                return name
        raise UserInputError(
            "not blocked", user_message=N_("That artist isn't in your blocked list. Pick one from the list.")
        )

    async def playlist(
        self, user_id: str, fmt: PlaylistFormat, *, creator: str, now: datetime | None = None
    ) -> tuple[str, bytes, int] | None:
        """(file name, content, tracks) of the member's likes, oldest first; None when they liked nothing."""
        profile = await self.state.profile(user_id)
        tracks = self._tracks(profile.liked_tracks[-PLAYLIST_MAX:])
        if not tracks:
            return None
        when = now or datetime.now(UTC)
        title = f"Liked on Segue ({when:%Y-%m-%d})"
        name, data = playlist_file(fmt, [entry(t) for t in tracks], title=title, creator=creator, date=when)
        return name, data, len(tracks)
