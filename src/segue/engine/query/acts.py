"""Readings relative to the acts a request names, once the scan is done: an album of theirs, their early or old
songs, music newer or older than them, their own songs of an era, the genre asked of their own scene, their voice.

Each needs what the catalog knows of an act (first year, genres, albums), which a `NameResolver` may not say: a
reading whose fact is missing leaves the query as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from segue.domain import EntityRef, NameMatch, Query
from segue.engine.query import lexicon as lx
from segue.engine.query.albums import (
    ALBUM_SEEDS,
    ALBUM_WORDS,
    ALBUMS_APART,
    ERA_OF,
    POSSESSIVE,
    album_names,
    novelty_without,
    slip_of_name,
    words_after,
)
from segue.engine.query.canon import LIKE_WORDS
from segue.engine.query.genres import canonical_key
from segue.engine.query.moods import MOODS
from segue.engine.query.played_by import played_acts
from segue.text import normalize_name, song_key

__all__ = ["ActReadings"]

SLIP_SCORE = 90.0
SLIP_RENOWN = 0.3
"""Least name-search score of an act typed with a slip in an unread phrase ('fleetwod mac' for Fleetwood Mac), and
least renown where the phrase is read as the act alone."""
EARLY_YEARS = 5
"""An act's early songs: released within this many years of its first (Queen to 1978, Muse to 2004)."""
SEED_GENRE_MIN_USES = 50
"""Tracks and artists a seed's blend with the asked genre must carry to replace it ('jazz rap': 96; 'rock-pop', for
'like taylor swift but rock', 12: her pop-rock neighbours answer that better)."""

_NOT_EARLY = re.compile(
    r"(?i)\b(?:not|no|nothing|except|without)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:early|earlier)\b"
)
"""'queen but not early', 'nothing early': the act's later songs."""
_OLD_ACT = re.compile(r"(?i)\b(?:old|older)\b")
"""'old kanye': the act's early songs when 'old' as an era would leave out all of them (`early_career`)."""
_NEWER = re.compile(
    r"(?i)\b(?:newer|more (?:recent|modern)|but modern|modern[- ]day|modern (?:version|take|bands|artists|acts)"
    r"|mais (?:novos?|novas?|recentes?|modernos?|modernas?)"
    r"|m[aá]s (?:nuev[oa]s?|recientes?|modern[oa]s?)|plus (?:r[eé]cents?|r[eé]centes?|modernes?)"
    r"|neuere?[nrs]?|moderner)\b"
)
"""A comparative of time beside named acts ('like nirvana but newer bands'): artists who began later."""
_OLDER = re.compile(
    r"(?i)\b(?:older|less recent|m[aá]s (?:viej[oa]s?|antigu[oa]s?)|mais (?:velh[oa]s?|antig[oa]s?)"
    r"|plus (?:vieux|vieilles?|anciens?|anciennes?)|(?:ä|ae)ltere?[nrs]?)\b"
)
"""The same comparative backwards ('lana del rey but older', 'bad bunny pero más viejo'): songs from before the acts
began ('más viejo' alone read as old songs at large: Sister Sledge, George Strait)."""
OLDER_GAP = 10
OLDEST_BOUND = 1960
"""'Older' than an act: songs at least `OLDER_GAP` years before the act's first, as late as `OLDEST_BOUND` for an act
that began before it ('the beatles but older': the rock and roll before them). Read alone, 'older' allows any song
up to the mid-2000s, which kept Lana Del Rey's and the Strokes' own contemporaries (Maroon 5, Franz Ferdinand)."""
NEWER_GAP = 10
"""'Newer' than an act: artists whose first song came this many years or more after the act's first."""
NEWEST_ACTS = 2
"""'Newer' than an act asks for acts begun at the latest this many years before the catalog's newest songs."""
ERA_DEBUT = 15
"""'Like abba but from the 2010s': artists who began at most this many years before the decade. Dated songs alone
answered with reissues ('Time After Time' 2014, 'Thriller' 2017, 'Rebel Rebel - Remastered' 2016)."""
MODERN_GAP = 25
MODERN_FROM = 2000
"""'Newer' than an old act reaches this century: 'like queen but more modern' answered with Guns N' Roses and Bon
Jovi (ten years on), 'joy division but newer' with late-80s acts, where a fan names The Killers and Interpol. The
gap grows to `MODERN_GAP` years, up to `MODERN_FROM`; a young act keeps `NEWER_GAP` (the Strokes: 2011 on)."""
_LIKENESS = re.compile(
    r"(?i)\b(?:like|similar|sounds?|vibes?|style|vein|inspired|influenced|reminds?|fans?|alike|como|comme|wie"
    r"|tipo|parecid[oa]s?|ähnlich|genre|estilo)\b"
)
"""Words that ask for music like an act, in any request language ('80s rock like bowie', 'algo como Soda Stereo')."""


@dataclass(frozen=True)
class ActReadings:
    """The act-relative readings over what the catalog says of its acts (each None when it does not say)."""

    genre_vocab: Mapping[str, tuple[str, ...]]
    reference_year: int
    uses: Mapping[str, int] = field(default_factory=dict)
    """Tracks and artists per tag name (empty when the catalog does not say)."""
    artist_genres: Callable[[int], Sequence[str]] | None = None
    """An artist's genres, strongest first (for `in_seed_genre`)."""
    first_year: Callable[[int], int | None] | None = None
    """An artist's earliest release year (for `early_career`)."""
    began: Callable[[int], int | None] | None = None
    """The year an artist began, songs and decade tags read together ('X but newer')."""
    track_artist: Sequence[int] | None = None
    """Each catalog track's artist: a seed song's act is what 'newer' counts from."""
    album_songs: Callable[[int, str], list[NameMatch]] | None = None
    """An artist's songs from one album (for `album_era`)."""
    album_tracks: Callable[[str], Sequence[int]] | None = None
    """The tracks of the album with this title, best known first (for `album_named`)."""
    artist_ref: Callable[[int], EntityRef] | None = None
    """An artist as a reference (for `album_named`)."""
    exact_artist: Callable[[str], NameMatch | None] | None = None
    """The act with exactly this normalized name, if any (for `album_named`)."""
    search_artists: Callable[[str, int], list[NameMatch]] | None = None
    """Acts by a name typed with a slip, best first (for `act_then_album`)."""

    def album_era(self, query: Query, text: str) -> Query:
        """'arctic monkeys AM era', 'taylor swift reputation era', 'frank ocean blonde era': the songs of that album
        are the seeds, beside the act ('AM' was dropped, 'reputation' unused, 'Blonde' an artist of its own). The
        album is the words right before 'era' that name one of the act's albums in the catalog."""
        if not query.seed_artists or query.seed_tracks or self.album_songs is None:
            return query
        act = query.seed_artists[0]
        if normalize_name(act.name) in played_acts(said for said, _ in query.played_by):
            return query  # an act a phrase stood for ('disney songs but not frozen': Idina Menzel's album Frozen)
        named = {w.casefold() for w in act.name.split()}
        found = ERA_OF.search(text)
        phrase = [w for w in found.group(1).split() if w.casefold() not in named] if found else []
        parts = [part.split()[-ALBUM_WORDS:] for part in ALBUMS_APART.split(" ".join(phrase)) if part]
        if len(parts) > 1:  # the whole first: an album may hold 'or' ('hell or high water')
            parts.insert(0, phrase[-ALBUM_WORDS:])
        # Else the words right after the act's name ('radiohead ok computer', 'frank ocean blonde', where the
        # album was a second act), or a phrase left unread beside it ('mac miller swimming vibes').
        after = words_after(text, named)
        albums = [" ".join(words[start:]) for words in parts for start in range(len(words))] or [
            *album_names(after),
            *query.unresolved,
            *query.ignored,
        ]
        for album in albums:
            songs = self.album_songs(act.index, album)
            if songs:
                refs = _one_per_song(songs)
                # Every album named for the era is read ('starboy / after hours': the second one, which the
                # catalog lacks, was a night-drive mood).
                typed = {w.casefold() for w in album.split()} | _ALBUM_SAID
                slips = (w.casefold() for p in query.ignored for w in p.split())
                # 'tame impla currents': its act, misspelt; "fleetwod mac's rumours": its act's, said as owner
                typed |= {w for w in slips if POSSESSIVE.sub("", w) in named or slip_of_name(w, named)}
                if len(parts) > 1:
                    typed |= {w.casefold() for words in parts[1:] for w in words}
                others = tuple(a for a in query.seed_artists[1:] if a.name.casefold() not in typed)
                years = (None, None) if str(query.year_min) in typed else (query.year_min, query.year_max)
                query = _album_words_back(query, typed)  # 'currents' read as a mood, 'maad' respelt as 'mad'
                return replace(
                    query,
                    novelty=novelty_without(query, typed),
                    topics=tuple(t for t in query.topics if not set(t.split()) <= typed),
                    seed_artists=(act, *others),
                    seed_tracks=refs,
                    year_min=years[0],
                    year_max=years[1],
                    **_left_unread(query, typed, str.casefold),
                )
        return query

    def act_then_album(self, query: Query) -> Query:
        """'music like fleetwod mac rumours': an act typed with a slip and one of its albums, left unknown as one name
        (the whole resembles no act; 'fleetwod mac' alone is read). The words before the album are the act when
        they are its name within a slip and the album has its songs here; said as read."""
        if query.seed_artists or query.seed_tracks or self.search_artists is None or self.album_songs is None:
            return query
        for phrase in query.ignored:  # 'kendrik lamar good kid maad city': the act left unread, then its album
            words = normalize_name(phrase).split()
            found = self.search_artists(phrase, 1) if len(words) > 1 else []
            if found and found[0].score >= SLIP_SCORE and _whole_name(found[0], len(words)):
                ref = EntityRef(found[0].index, found[0].id, found[0].name)
                return replace(query, seed_artists=(ref,), ignored=tuple(w for w in query.ignored if w != phrase))
        for phrase in query.unresolved:
            words = normalize_name(phrase).split()
            for cut in range(len(words) - 1, 0, -1):
                act, album = " ".join(words[:cut]), " ".join(words[cut:])
                found = self.search_artists(act, 1)
                if not found or found[0].score < SLIP_SCORE:
                    continue
                songs = self.album_songs(found[0].index, album)
                # Alone, a name of two words or more: 'melanie martinez' is no 'MELANIE?', 'joe hisaishi' no 'Joe'.
                alone = cut > 1 and _whole_name(found[0], cut)
                if songs or alone:  # 'bob marly legend' without Legend here: the act, the rest said unread
                    ref = EntityRef(found[0].index, found[0].id, found[0].name)
                    unresolved = tuple(u for u in query.unresolved if u != phrase)
                    return replace(
                        query,
                        seed_artists=(ref,),
                        seed_tracks=_one_per_song(songs),
                        unresolved=unresolved,
                        ignored=query.ignored if songs else (*query.ignored, album),
                        suggestions=query.suggestions if unresolved else (),
                    )
        return query

    def album_named(self, query: Query, text: str) -> Query:
        """'albums like in rainbows', 'something like the album in rainbows', 'like in rainbows by radiohead': an
        album's title after a cue, which the scan read as an act it resembles (Rainbow) or left unread, is its songs
        and its act. Only where the words are no act's exact name and the album has songs here by its act."""
        typed = f" {normalize_name(text)} "
        misread = any(f" {normalize_name(a.name)} " not in typed for a in query.seed_artists)
        if not (misread or query.seed_tracks or query.ignored or query.unresolved):
            return query  # every act typed by its name, every word read: no album hides here (most requests)
        found = _AFTER_CUE.search(text)
        tracks_of, songs_of, ref_of = self.album_tracks, self.album_songs, self.artist_ref
        # 'what should i listen to after finishing in rainbows': the songs asked 'by' Rainbow are a misreading too
        by_misread = found is not None and all(
            _misread(normalize_name(a.name), set(normalize_name(found.group(1)).split())) for a in query.by_artists
        )
        if found is None or not by_misread or tracks_of is None or songs_of is None:
            return query
        if ref_of is None or self.track_artist is None:
            return query
        phrase, _, by = normalize_name(found.group(1)).partition(" by ")
        words = [w for w in phrase.split() if w not in _AROUND_ALBUM]
        words = words[: next((k for k, w in enumerate(words) if w in _ALBUM_ENDS or (k and w in _ASKING)), len(words))]
        while words and words[0] in _ALBUM_NOUNS:
            words = words[1:]
        if len(words) > ALBUM_TITLE_WORDS:
            return query
        album, read = " ".join(words), set(words)
        unread = {w for p in (*query.ignored, *query.unresolved) for w in normalize_name(p).split()}
        resembled = [a for a in query.seed_artists if _misread(normalize_name(a.name), read)]
        # A song of the title's name ('Rumours' by Ffion, 'Nevermind' by Dennis Lloyd) yields to the known album.
        titled = [t for t in query.seed_tracks if normalize_name(t.name.rsplit(" - ", 1)[0]) == album]
        if len(titled) < len(query.seed_tracks) or (titled and resembled):
            return query
        # Every word of the title unread, or taken by an act it only resembles: 'daft punk for my commute' is no album.
        covered = unread | {w for a in resembled for w in read if _resembles(normalize_name(a.name), {w})}
        covered |= (read if titled else set()) | (read & _ERA_WORDS)  # 'old town road': 'old' read as an era
        content = {w for w in read if w not in lx.FUNCTION_WORDS}
        # An act's name is the act ('albums like metallica'), unless the album's act is named after it ('like the
        # album currents by tame impala': the band Currents).
        if (
            len(album) < ALBUM_TITLE_CHARS
            or not content
            or not content <= covered
            or (self.exact_artist_named(album) and not by)
        ):
            return query
        act = self._album_act(tracks_of(album), by)
        songs = songs_of(act, album) if act >= 0 else []
        ref = ref_of(act) if songs else None
        if ref is None or (len(songs) < ALBUM_TITLE_SONGS and self._renown(ref.name) < ALBUM_ACT_RENOWN):
            return query  # a single called 'Nevermind' by a little-known act is not the album people mean
        if by and not _resembles(normalize_name(ref.name), set(by.split())):
            return query  # 'in rainbows by someone else': not this album
        if titled and any(self._renown(t.name.rsplit(" - ", 1)[-1]) >= self._renown(ref.name) for t in titled):
            return query  # the song's act is as well known as the album's
        distinct: dict[str, NameMatch] = {}
        for song in songs:  # most popular first: each song's best-known version ('Old Town Road' and its remixes)
            distinct.setdefault(song_key(song.name.rsplit(" - ", 1)[0]), song)
        refs = tuple(EntityRef(m.index, m.id, m.name) for m in distinct.values())[:ALBUM_SEEDS]
        said = read | set(by.split()) | {"by"} | (_BLEND_ENDS & set(phrase.split()))  # 'meets' is read: a blend
        said |= set(normalize_name(found.group(0)).split()) & _FINISHED  # 'after finishing in rainbows'
        dated = bool(read & _ERA_WORDS)  # 'old town road': the title's 'old' is no era
        return replace(
            query,
            year_min=None if dated else query.year_min,
            year_max=None if dated else query.year_max,
            seed_artists=(ref, *(a for a in query.seed_artists if a not in resembled and a.index != act)),
            by_artists=tuple(a for a in query.by_artists if a not in resembled),
            seed_tracks=refs,
            **_left_unread(query, said, normalize_name),
        )

    def _album_act(self, tracks: Sequence[int], by: str) -> int:
        """The act of the album whose songs are `tracks`: the one named after 'by' when one is, else the first's."""
        acts = [int(self.track_artist[t]) for t in tracks] if self.track_artist is not None else []
        if by and self.artist_ref is not None:
            named = set(by.split())
            return next((a for a in acts if _resembles(normalize_name(self.artist_ref(a).name), named)), -1)
        return acts[0] if acts else -1

    def _renown(self, name: str) -> float:
        match = self.exact_artist(normalize_name(name)) if self.exact_artist is not None else None
        return 0.0 if match is None else match.renown

    def exact_artist_named(self, words: str) -> bool:
        """Whether the words are exactly an act's name ('metallica' names the band before its album)."""
        return self.exact_artist is not None and self.exact_artist(words) is not None

    def early_career(self, query: Query) -> Query:
        """'early queen', 'early taylor swift, country era only': the one named act's own songs from its first
        `EARLY_YEARS` years ('early' was said unused, and the answer was music like theirs from any year)."""
        early = [w for w in query.ignored if w.casefold() in ("early", "earlier")]
        old = not early and _OLD_ACT.search(query.text) is not None
        if len(query.seed_artists) != 1 or self.first_year is None or not (early or old):
            return query  # an act's first year is read only when asked about (~17 us a request)
        act = query.seed_artists[0]
        first = self.first_year(act.index)
        if first is None:
            return query
        if old and query.year_min is None and (query.year_max or first) < first:
            # 'stuff like old kanye', 'old taylor swift songs': 'old' read as before 2000 left out every song of
            # an act that began later (Kanye's 1999 peers answered); it is the act's own early years.
            query = replace(query, year_max=None)
        elif not early or query.year_min or query.year_max:
            return query
        ignored = tuple(w for w in query.ignored if w not in early)
        own = () if LIKE_WORDS.search(query.text) else (act,)  # 'songs like early coldplay' asks for music like it
        if _NOT_EARLY.search(query.text):  # 'queen but not early': their songs after the first years
            return replace(query, by_artists=own, year_min=first + EARLY_YEARS + 1, ignored=ignored)
        return replace(query, by_artists=own, year_max=first + EARLY_YEARS, ignored=ignored)

    def male_beside_seeds(self, query: Query) -> Query:
        """'like portishead but with a male singer': the seeds' scene without its women's voices. The tag 'male
        vocalists' is on pop singers (James Blunt, Jay Sean), where 'female vocalists' is on women of every scene
        that listeners tagged: only a seed tagged with a voice has such a scene (Billie Eilish's playlist peers
        carry no voice tag, and Halsey and Ava Max stayed)."""
        male = lx.VOICE_GENRES["male"]
        voices = set(lx.VOICE_GENRES.values())
        voiced = self.artist_genres is not None and any(
            voices & set(self.artist_genres(a.index)) for a in query.seed_artists
        )
        if voiced and query.genres == (male,):
            female = lx.VOICE_GENRES["female"]
            return replace(query, genres=(), exclude_genres=tuple(dict.fromkeys((*query.exclude_genres, female))))
        return query

    @staticmethod
    def other_voice(query: Query) -> Query:
        """'indie rock but no male vocals': the genre sung by the other voice ('female indie rock'), as 'indie rock
        with female vocals' reads; leaving the 'male vocals' tag out kept The Strokes and The White Stripes."""
        for left_out, wanted in (("male", "female"), ("female", "male")):
            voiced = {lx.VOICE_GENRES[left_out], *(f"{left_out} {g}" for g in query.genres)}  # 'no male rappers'
            if voiced & set(query.exclude_genres) and not voiced & set(query.genres):
                rest = tuple(g for g in query.exclude_genres if g not in voiced)
                genres = tuple(f"{wanted} {g}" for g in query.genres) or (lx.VOICE_GENRES[wanted],)
                return replace(query, genres=genres, exclude_genres=rest)
        return query

    def newer_than_acts(self, query: Query, text: str) -> Query:
        """'stuff like metallica but newer', 'tipo caetano mas mais novo': artists who began at least `NEWER_GAP`
        years after the named acts, in place of the recent years the word reads as alone (which answered with the
        acts' own peers' reissues: Black Sabbath's 'Changes' dated 2016). A decade well after the acts began asks
        for artists of that decade (`ERA_DEBUT`)."""
        if query.year_min is None:  # before the acts' years: reading them dates every artist (~3 ms, once)
            return query
        first = self._seeds_began(query)
        if first is None:
            return query
        if query.year_max is not None:  # 'like abba but from the 2010s': acts of that decade, not 2017's Thriller
            late = first + NEWER_GAP <= query.year_min and not query.artists_from
            return replace(query, artists_from=query.year_min - ERA_DEBUT) if late else query
        if not (_NEWER.search(text) or _NEWER.search(query.text)):
            return query
        newer = max(first + NEWER_GAP, min(first + MODERN_GAP, MODERN_FROM))
        # An act begun lately has few newer ones here: 'comme "la vie en rose" (Zaz, 2013) mais plus récentes' asked
        # for acts begun in 2023, past the catalog's last year, and answered nothing.
        return replace(query, year_min=None, artists_from=min(newer, self.reference_year - NEWEST_ACTS))

    def older_than_acts(self, query: Query, text: str) -> Query:
        """'lana del rey but older', 'wie die strokes aber älter': songs from at least `OLDER_GAP` years before the
        named acts began, where the word alone reads as any song up to the mid-2000s (`lx.OLD_WORDS`)."""
        if (
            query.year_max is None
            or query.year_min is not None
            or not (_OLDER.search(text) or _OLDER.search(query.text))
        ):
            return query
        first = self._seeds_began(query)
        if first is None:
            return query
        # Read from another language, the comparative may have come as plain 'old' ('más viejo': up to 1999): the
        # bound is the comparative's, as in English.
        bound = max(query.year_max, lx.OLD_WORDS["older"])
        return replace(query, year_max=min(bound, max(first - OLDER_GAP, OLDEST_BOUND)))

    def _seeds_began(self, query: Query) -> int | None:
        """The year the latest-starting named act began (a seed song's act too), when the catalog says."""
        acts = [a.index for a in query.seed_artists]
        if self.track_artist is not None:  # 'songs like bohemian rhapsody but newer': newer than Queen
            acts += [int(self.track_artist[t.index]) for t in query.seed_tracks]
        if not acts or query.by_artists or self.began is None:
            return None
        known = [y for y in (self.began(a) for a in acts) if y is not None]
        return max(known) if known else None

    def era_of_act(self, query: Query) -> Query:
        """'70s bowie', 'madonna in the 90s': an era beside one named act, with nothing asking for music like it,
        is that act's own songs from the era (the answer was Queen and Pink Floyd from the 70s, no Bowie). An act
        whose first song is later than the era keeps the other reading: music like theirs from then."""
        if (
            len(query.seed_artists) != 1
            or query.by_artists
            or query.year_max is None
            or query.genres
            or query.seed_tracks
            or self.first_year is None
            or _LIKENESS.search(query.text)
        ):
            return query
        act = query.seed_artists[0]
        first = self.first_year(act.index)
        if first is None or first > query.year_max:
            return query
        return replace(query, by_artists=(act,))

    def in_seed_genre(self, query: Query) -> Query:
        """'like kendrick but jazzier': a genre beside a seed is asked of the seed's own genre ('jazz rap': J. Cole,
        The Pharcyde) where the catalog files enough songs under that blend; the genre alone answered with nothing
        of the seed (Anita Baker, Michael Bublé)."""
        if len(query.genres) != 1 or not query.seed_artists or query.by_artists or self.artist_genres is None:
            return query
        own = self.artist_genres(query.seed_artists[0].index)
        if not own:
            return query
        typed = normalize_name(query.genres[0])
        for head in dict.fromkeys((typed, canonical_key(typed), typed.removesuffix("y"))):
            tags = self.genre_vocab.get(f"{head} {normalize_name(own[0])}")
            # A netlabel's release style ('funk / soul', for 'like adele but more funk') files no act like the seed.
            if tags and self.uses.get(tags[0], 0) >= SEED_GENRE_MIN_USES and "/" not in tags[0]:
                return replace(query, genres=tags)
        return query


def _whole_name(found: NameMatch, words: int) -> bool:
    """Whether a known act (`SLIP_RENOWN`) is named by all of a phrase's `words` words: the phrase is the act."""
    return found.renown >= SLIP_RENOWN and len(normalize_name(found.name).split()) == words


def _one_per_song(songs: Sequence[NameMatch]) -> tuple[EntityRef, ...]:
    """The album's first songs as seeds, one version of each, most popular first ('stuff like fleetwood mac rumours
    era' seeded 'The Chain' twice)."""
    distinct: dict[str, NameMatch] = {}
    for song in songs:
        distinct.setdefault(song.name, song)
    return tuple(EntityRef(m.index, m.id, m.name) for m in distinct.values())[:ALBUM_SEEDS]


def _album_words_back(query: Query, typed: set[str]) -> Query:
    """The query without what an album's words were read as on their own: 'currents' in 'music like tame impala
    currents' was read by meaning as a mood's bounds, and 'maad' in 'good kid maad city' respelt as an angry 'mad'."""
    respelt = {meant for word, meant in query.meant if word.casefold() in typed}

    def album_word(because: str) -> bool:
        words = set(normalize_name(because).split())
        return because in respelt or (bool(words) and words <= typed)

    dropped = [f for f in query.features if album_word(f.because)]
    if not dropped and not respelt:
        return query
    kept = tuple(f for f in query.features if f not in dropped)
    labels = {m.label for f in dropped if (m := MOODS.get(normalize_name(f.because))) is not None}
    labels |= {m.label for word in respelt if (m := MOODS.get(word)) is not None}
    left = {m.label for f in kept if (m := MOODS.get(normalize_name(f.because))) is not None}
    return replace(
        query,
        features=kept,
        moods=tuple(m for m in query.moods if m not in labels or m in left),
        genres=tuple(g for g in query.genres if g not in respelt),
        meant=tuple((w, m) for w, m in query.meant if w.casefold() not in typed),
    )


_ALBUM_SAID = frozenset({"era", "album", "albums", "record", "lp", "vibes", "vibe"})
"""Words that say an album is meant, read with it ("frank ocean's blonde album vibes" left 'album vibes' unused)."""


def _left_unread(query: Query, read: set[str], key: Callable[[str], str]) -> dict[str, Any]:
    """The unread and unknown phrases an album's words did not take (each phrase's words by `key`), and the
    suggestions only while something is still unknown: the fields both album readings replace."""
    unresolved = tuple(w for w in query.unresolved if not set(key(w).split()) & read)
    # 'like sza, ctrl era specifically': the words the album did not take stay said, as unused, not as unknown
    # A song the album's words were read as first ('in rainbows era by Radiohead'): its act is read already.
    taken = (w.rsplit(" by ", 1)[0] for w in query.unresolved if w not in unresolved)
    left = (" ".join(x for x in w.split() if key(x) not in read) for w in (*query.ignored, *taken))
    ignored = tuple(dict.fromkeys(w for w in left if w and not set(key(w).split()) <= lx.FUNCTION_WORDS))
    return {"ignored": ignored, "unresolved": unresolved, "suggestions": query.suggestions if unresolved else ()}


def _resembles(name: str, words: set[str]) -> bool:
    """Whether each word of a name starts a typed word ('rainbow' in 'in rainbows'): an act the scan found there."""
    return bool(name) and all(any(w.startswith(n) for w in words) for n in name.split())


def _misread(name: str, words: set[str]) -> bool:
    """An act found in typed words it only resembles ('Rainbow' in 'in rainbows'), not one typed by its name."""
    return _resembles(name, words) and not set(name.split()) <= words


_AFTER_CUE = re.compile(
    r"(?i)\b(?:like|loved?|into|listening to|similar to|fans? of|finish(?:ed|ing)?|binged|bingeing|binging)\s+"
    r"((?:the (?:album|record|lp)\s+)?[^,.!?;]+)"
)
"""The words after a cue, where an album's title may stand ('albums like in rainbows')."""
_ALBUM_NOUNS = frozenset({"the", "album", "albums", "record", "lp"})
"""Words before an album's title that say it is one ('the album in rainbows')."""
_AROUND_ALBUM = frozenset({"pls", "please", "plz", "vibes", "vibe", "era", "lol", "songs", "stuff"})
"""Words after an album's title that are the request's, not the title's."""
_ASKING = frozenset({"what", "whats", "any", "recs", "recommendations", "suggestions", "next", "now", "so", "then"})
"""Words after an album's first that are the request going on ('after finishing in rainbows what should i play')."""
_FINISHED = frozenset({"finish", "finished", "finishing", "binged", "bingeing", "binging"})
_BLEND_ENDS = frozenset({"meets", "vs", "versus"})
_ALBUM_ENDS = frozenset({"but", "without", "no", "not", "except", "minus"}) | _BLEND_ENDS
"""Words that end an album's title and turn the request ('like in rainbows but sadder', 'like flower boy meets rex
orange county')."""
ALBUM_TITLE_WORDS = 6
"""Longest album title read after a cue, in words: a longer phrase is the request going on."""
ALBUM_TITLE_CHARS = 5
"""Shortest album title read alone: 'AM' and 'x' are words before they are albums."""
ALBUM_TITLE_SONGS = 2
"""Songs of the album by its act the catalog must have for the title to be read as it, unless the act is known
(`ALBUM_ACT_RENOWN`): Radiohead's In Rainbows has one song here."""
ALBUM_ACT_RENOWN = 0.6
"""Renown from which one song of an album by its act is enough to read the title as that album."""
_ERA_WORDS = frozenset(w for w in (*lx.OLD_WORDS, *lx.RECENT_WORDS) if " " not in w)
"""Words the scan reads as an era, which an album's title may hold ('old town road')."""
