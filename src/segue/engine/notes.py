"""What an answer says about how a request was read: looser readings when it runs short, guesses, and the notes.

Every sentence here is English with {placeholders}, retold in the member's language by `segue.i18n` (its
templates list each one).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from segue.catalog.lookup import album_key
from segue.domain import EntityRef, FeatureRange, Novelty, Query, Recommendation
from segue.engine.protocols import CatalogView
from segue.engine.query.genres import ALIASES, RARE_SPELLINGS
from segue.engine.query.played_by import PLAYED_BY
from segue.engine.query.screen import screen_title
from segue.engine.signals import title_forms
from segue.text import normalize_name, song_key

ERA_SLACK = 5
"""Years added on each side of an era when it is the constraint that empties an answer."""
GENRE_SUFFIXES = ("pop", "rock", "wave", "core", "hop", "step", "punk", "metal", "house", "jazz", "soul", "gaze")
"""Last words that make an unknown single word a genre name rather than a misspelt artist."""
GUESS_MIN = 82.0
"""A request that is only an unknown name is read as its closest artist from this similarity up (stated)."""
GUESS_MARGIN = 8.0
SHORT_GUESS = 4
"""A typed word this short is one letter away from many names by chance ('peda', Mexican slang for a party, from the
band Pedra): it is read as an artist only when the artist is a well-known one ('adel' -> Adele, 'drak' -> Drake)."""
SHORT_GUESS_POPULARITY = 0.6
"""...an artist at least this popular (about the catalog's top 10%)."""
ALBUM_GUESS_CHARS = 4
ALBUM_GUESS_SONGS = 3
ALBUM_GUESS_RENOWN = 0.8
ALBUM_GUESS_SEEDS = 5
"""An album named alone is read as one with at least this many songs here, or of an act at least this known."""
SONG_GUESS_MIN = 84.0
"""...and as a song, title and artist both typed, from this similarity up ('rolling in the deep adelle': 84.4)."""
SONG_GUESS_ARTIST = 75.0
"""How much of the song's artist must be in what was typed ('adele' in '...adelle': 80), so a close title alone
('long wait': 'Long Way') is no guess."""
"""Spellings this close to the best match compete for the guess on popularity ('eminen' is Eminem)."""
TITLE_ONLY_KNOWN = 0.85
"""Artist popularity (0..1) from which a song found by its title alone needs no "I took it to be" note: Led
Zeppelin's 'Stairway to Heaven' is surely the one meant, a lo-fi producer's 'Levitating' may not be."""


ERA_NEAR = "Some are from just outside the era you asked."
ERA_FAR = "Some are from outside the era you asked."
"""Said when the era widened, then when it was dropped: an answer that needed both says the second alone."""
ACTS_EARLIER = "Few newer acts fit all of that, so some began earlier."
"""Said when acts begun after the named ones ('like AC/DC but newer') were too few and the bound was let go."""
ERA_NONE = "I have none of this from the era you asked, so these are from other years."
ERA_FEW = "I have little of this from the era you asked ({found} of these {total}); the rest are from other years."


def era_said(query: Query, results: Sequence[Recommendation], notes: Sequence[str]) -> list[str]:
    """The era note with what the answer holds: '60s French songs' were all from 1998-2019 and said 'some are from
    outside the era you asked', which a fan read as hiding that there were none."""
    if ERA_FAR not in notes or not results:
        return list(notes)
    low, high = query.year_min or 0, query.year_max or 9999
    inside = sum(1 for r in results if r.track.year is not None and low <= r.track.year <= high)
    if 2 * inside >= len(results):
        return list(notes)
    said = ERA_NONE if inside == 0 else ERA_FEW.format(found=inside, total=len(results))
    return [said if note == ERA_FAR else note for note in notes]


def said_once(notes: Sequence[str]) -> tuple[str, ...]:
    """The notes in order, each once, without one a later note says more fully ('80s thrash metal' said both that
    some songs were from just outside the era and that some were from outside it)."""
    kept = dict.fromkeys(notes)
    if ERA_FAR in kept:
        kept.pop(ERA_NEAR, None)
    return tuple(kept)


def relaxations(
    query: Query,
    broader: Callable[[tuple[str, ...]], tuple[str, ...]] | None = None,
    songs_by: Callable[[int], int] | None = None,
) -> list[tuple[Query, str]]:
    """Looser versions of a request, in the order they are tried when it leaves the answer short, each with the
    words that say so: the sound first (Creative Commons tracks have no audio features to check), then the era
    widened, then the era dropped, then a scene widened to its genre ('russian rock' -> rock, by `broader`), then
    an artist's own songs widened to songs like theirs. Names and genres are never dropped: they are what was
    asked for (a genre with no songs at all: `like_exemplars`; a thin one beside its acts: `like_the_acts`)."""
    steps: list[tuple[Query, str]] = []
    if query.features:
        words = ", ".join(dict.fromkeys(f"'{f.because}'" for f in query.features if f.because)) or "the sound"
        # The bounds go, the sound a mood aims at stays a target: '60s party songs, danceable' filled with
        # 'Pale Blue Eyes' and 'Nights in White Satin'.
        aimed = tuple(FeatureRange(f.feature, target=f.target, because=f.because) for f in query.features if f.target)
        query = replace(query, features=aimed, moods=())
        steps.append((query, f"Few tracks fit {words} as well, so the rest match the request without it."))
    if query.year_min is not None or query.year_max is not None:
        low = None if query.year_min is None else query.year_min - ERA_SLACK
        high = None if query.year_max is None else query.year_max + ERA_SLACK
        steps.append((replace(query, year_min=low, year_max=high), ERA_NEAR))
        steps.append((replace(query, year_min=None, year_max=None), ERA_FAR))
    if query.artists_from is not None:  # 'garage like AC/DC but newer' was "Nothing in the catalog matches"
        query = replace(query, artists_from=None)
        steps.append((query, ACTS_EARLIER))
    inside = _excluded_inside(query)
    if inside:  # 'kpop but not too poppy': every k-pop act is also tagged pop
        query = replace(query, exclude_genres=tuple(g for g in query.exclude_genres if g not in inside))
        steps.append(
            (query, f"Leaving out {', '.join(inside)} would leave no {', '.join(query.genres[:1])}, so I kept it.")
        )
    if query.novelty is Novelty.DEEP and query.genres and not query.by_artists:
        # 'salsa buena pero nada de lo q suena en la radio' was two songs: a thin genre's little-known few
        genres = ", ".join(said_genres(query.genres))
        query = replace(query, novelty=Novelty.BALANCED)
        steps.append((query, f"Few of the {genres} songs I have are little known, so some are better-known ones."))
    wider = broader(query.genres) if broader is not None and query.genres else query.genres
    if wider != query.genres:
        asked = ", ".join(said_genres([g for g in query.genres if g not in wider]))
        steps.append(nearest_broader(query, asked, wider))
        # One step further when the broader genre has no songs either ('brazilian trap' for a stream: the
        # Creative Commons catalog has no trap, so the answer was empty; bass music is what it has).
        widest = broader(wider) if broader is not None else wider
        if widest != wider and widest:
            steps.append(nearest_broader(query, asked, widest))
    if query.by_artists:  # 'abba songs': the catalog has one; the rest are like them, said
        names = ", ".join(a.name for a in query.by_artists)
        if query.novelty is Novelty.DEEP:  # 'underrated kate bush songs': hers first, known or not, then like hers
            said = f"Few of the songs I have by {names} are little known, so some are their better-known ones."
            steps.append((replace(query, novelty=Novelty.BALANCED), said))
        steps.append((replace(query, by_artists=()), _few_by(query, names, songs_by)))
    return steps


def _few_by(query: Query, names: str, songs_by: Callable[[int], int] | None) -> str:
    """Why an act's own songs were too few: none here at all ('músicas essenciais de caetano veloso'), few of the
    genre or the years asked ('queen songs and some disco': Queen has over a hundred; 'old taylor swift'), else
    few here."""
    if songs_by is None:
        return f"I have only a few songs by {names}; the rest are like them."
    if not any(songs_by(a.index) for a in query.by_artists):
        return f"I have no songs by {names}; these are like them."
    if query.genres:
        return f"Few songs by {names} are {', '.join(said_genres(query.genres))}; the rest are like them."
    if query.year_min is not None or query.year_max is not None:
        return f"Few songs by {names} are from those years; the rest are like them."
    return f"I have only a few songs by {names}; the rest are like them."


MORE_BY_THE_ACTS = "Few acts fit all of that, so some have several songs here."
MORE_PER_ACT = 4
"""Songs per act when the acts that fit are few ('japanese city pop from the 80s': four Omega Tribe songs of the
decade before any song from outside it)."""


def more_by_the_acts(query: Query, found: Callable[[], Sequence[EntityRef]]) -> tuple[Query, str] | None:
    """More songs by the acts a short answer found, kept to everything asked: tried before the era asked is
    loosened, for a genre of an era that named no act (an act named is its own answer's measure; without an era,
    a genre's few acts four times over is no better than its neighbours: four Messer Chups songs for Russian rock)."""
    if query.seed_artists or query.seed_tracks or query.by_artists or not query.genres:
        return None
    if query.year_min is None and query.year_max is None:
        return None
    acts = found()  # looked up only for a request it can serve
    return (replace(query, by_artists=tuple(acts)), MORE_BY_THE_ACTS) if acts else None


def acts_of_the_genre(query: Query, genres_of: Callable[[int], Sequence[str]]) -> bool:
    """Whether an act named beside the genres is filed under one of them ('krautrock like Neu!'), so songs like it
    fill the genre's few; a misread name beside one ('moda de viola': an act Viola) must not."""
    if not (query.genres and query.seed_artists):
        return False
    asked = {normalize_name(g) for g in query.genres}
    return any(asked & {normalize_name(g) for g in genres_of(a.index)} for a in query.seed_artists)


def capped_fill(
    results: Sequence[Recommendation], more: Sequence[Recommendation], wanted: int, cap: int
) -> list[Recommendation]:
    """Up to `wanted` of a relaxed pass's tracks that keep the answer's per-artist cap and hold no song twice: each
    pass diversifies only itself, so "90s french house" showed three Daft Punk songs in six."""
    per_artist = Counter(r.track.artists[0] for r in results)
    songs = {(r.track.artists[0], song_key(r.track.title)) for r in results}
    out: list[Recommendation] = []
    for r in more:
        artist, song = r.track.artists[0], song_key(r.track.title)
        if len(out) >= wanted or per_artist[artist] >= cap or (artist, song) in songs:
            continue
        per_artist[artist] += 1
        songs.add((artist, song))
        out.append(r)
    return out


def like_the_acts(query: Query) -> tuple[Query, str]:
    """A thin genre beside named acts of it left to the acts ('krautrock like Neu!': one krautrock song, and Neu!
    says the style), with the words that say so; tried last, and only for acts filed under the genre."""
    named = query.seed_artists or query.seed_tracks  # 'like nightcall, but anime': the song, when no act is named
    asked, names = ", ".join(said_genres(query.genres)), ", ".join(a.name for a in named)
    return replace(query, genres=()), f"I have little {asked}; the rest are like {names}."


def nearest_broader(query: Query, asked: str, wider: tuple[str, ...]) -> tuple[Query, str]:
    """The request with its genres widened to `wider`, any era dropped, and the note that says so."""
    said = f"I have little {asked}; the rest is the nearest broader genre ({', '.join(said_genres(wider))})."
    return replace(query, genres=wider, year_min=None, year_max=None), said


def said_genres(genres: Sequence[str]) -> list[str]:
    """The genres as a note names them: a rare spelling read beside its usual one ('doom' beside 'doom metal',
    'japanese prog rock' beside 'japanese progressive rock') is the same genre, said once."""
    named = set(genres)
    return [
        g
        for g in genres
        if not any(
            (g == rare or g.endswith(" " + rare)) and g[: len(g) - len(rare)] + ALIASES.get(rare, rare) in named - {g}
            for rare in RARE_SPELLINGS
        )
    ]


def _excluded_inside(query: Query) -> tuple[str, ...]:
    """The genres left out that name part of one asked for ('pop' beside 'k-pop', 'rock' beside 'punk rock')."""
    words = {w for g in query.genres for w in normalize_name(g).split()}
    return tuple(g for g in query.exclude_genres if normalize_name(g) in words)


def like_exemplars(query: Query, named: Sequence[EntityRef]) -> tuple[Query, str]:
    """A genre with no songs of its own read as songs like the artists listeners file under it ('saxophone':
    Charlie Parker, Stan Getz), with the words that say so; tried only when every relaxation found nothing."""
    genres = ", ".join(query.genres)
    names = ", ".join(a.name for a in named[:3])
    said = f"I have no {genres} songs as such; these are like the artists listeners file under it: {names}."
    return replace(query, genres=(), seed_artists=tuple(named), year_min=None, year_max=None), said


def best_guess(catalog: CatalogView, query: Query) -> tuple[Query, str] | None:
    """A request that is only an unknown name with a close artist match ('the beetles', 'eminen') reads as it.

    Returning nothing but "did you mean" answers no one; the guess is stated, so a wrong one is easy to fix.
    """
    if not query.is_empty or query.moods or len(query.unresolved) != 1:
        return None
    if not query.suggestions:  # no name near it: an album's title? ("if i loved 'in rainbows'" answered nothing)
        return _album_guess(catalog, query)
    if _genre_shaped(query.unresolved[0]):  # 'hyperpop' is a genre the catalog lacks, not the band Hypernova
        return None
    matches = catalog.search_artists(query.unresolved[0], limit=5)
    if not matches or matches[0].score < GUESS_MIN:
        return _song_guess(catalog, query)
    # Among near-equal spellings the artist people mean is the known one: 'eminen' is Eminem, not Eminence.
    close = [m for m in matches if m.score >= matches[0].score - GUESS_MARGIN]
    best = max(close, key=lambda m: float(catalog.artist_popularity[m.index]))
    typed = query.unresolved[0]
    if len(typed.replace(" ", "")) <= SHORT_GUESS and catalog.artist_popularity[best.index] < SHORT_GUESS_POPULARITY:
        return None
    ref = EntityRef(best.index, best.id, best.name)
    note = f"I read '{typed}' as {best.name}; give me the exact name if you meant someone else."
    return replace(query, seed_artists=(ref,), unresolved=(), suggestions=()), note


def _album_guess(catalog: CatalogView, query: Query) -> tuple[Query, str] | None:
    """An album named alone ('in rainbows', 'rumours'): its songs here seed the answer, with its act, said. Only an
    album of a known act or with several songs here: a single called 'Nevermind' is not the one people mean."""
    album_tracks = getattr(catalog, "album_tracks", None)
    typed = query.unresolved[0]
    found: Sequence[int] = album_tracks(typed) if album_tracks is not None and len(typed) >= ALBUM_GUESS_CHARS else ()
    if not found:
        return None
    artist = int(catalog.track_artist[found[0]])
    songs = [t for t in found if int(catalog.track_artist[t]) == artist]
    if len(songs) < ALBUM_GUESS_SONGS and float(catalog.artist_popularity[artist]) < ALBUM_GUESS_RENOWN:
        return None
    tracks = [catalog.track(t) for t in songs[:ALBUM_GUESS_SEEDS]]
    act = catalog.artist(artist)
    refs = tuple(EntityRef(t, track.id, f"{track.title} - {act.name}") for t, track in zip(songs, tracks, strict=False))
    album = tracks[0].album
    note = f"I read '{typed}' as the album {album} by {act.name}; give me the exact title if you meant another."
    seeds = (EntityRef(artist, act.id, act.name),)
    return replace(query, seed_tracks=refs, seed_artists=seeds, unresolved=(), suggestions=()), note


def _song_guess(catalog: CatalogView, query: Query) -> tuple[Query, str] | None:
    """'rolling in the deep adelle': a song and its artist, misspelt, that the track search finds surely."""
    typed = query.unresolved[0]
    if len(typed.split()) < 2:
        return None
    found = catalog.search_tracks(typed, limit=1)
    if not found or found[0].score < SONG_GUESS_MIN:
        return None
    m = found[0]
    artist = normalize_name(m.name.rpartition(" - ")[2])
    if fuzz.partial_ratio(artist, normalize_name(typed)) < SONG_GUESS_ARTIST:
        return None  # the title alone is close ('long wait': 'Long Way'), not the song someone named
    note = f"I read '{typed}' as the song {m.name}; give me the exact title if you meant another."
    return replace(query, seed_tracks=(EntityRef(m.index, m.id, m.name),), unresolved=(), suggestions=()), note


def _genre_shaped(word: str) -> bool:
    """One word made of something and a genre's last word ('hyperpop', 'vaporwave', 'afropop')."""
    key = normalize_name(word)
    return " " not in key and any(key.endswith(h) and len(key) >= len(h) + 3 for h in GENRE_SUFFIXES)


TOPICS_SAID = 4
"""Title words a topic note names before an ellipsis."""


def topic_note(topics: Sequence[str], results: Sequence[Recommendation]) -> str:
    """What 'songs about trucks' got: no lyrics here, so titles; said either way. A long list of title words (a
    Halloween answer's) is said by its first few and an ellipsis, which reads alike in every language."""
    words = ", ".join(f"'{t}'" for t in topics[:TOPICS_SAID]) + ("…" if len(topics) > TOPICS_SAID else "")
    forms = {f for t in topics if " " not in t for f in title_forms(t)}
    places = [t.split() for t in topics if " " in t]  # 'new york': every word of it
    titles = [set(normalize_name(r.track.title).split()) for r in results]
    if any(forms & title or any(set(p) <= title for p in places) for title in titles):
        return f"I can't hear lyrics yet, so songs with {words} in the title come first."
    return f"I can't hear lyrics yet, and none of these has {words} in its title."


def left_out_topics_note(topics: Sequence[str]) -> str:
    """What 'rap but nothing about money' did: titles are all there is to go on, so say so."""
    words = ", ".join(f"'{t}'" for t in topics)
    return f"I can't hear lyrics yet, so I left out songs with {words} in the title."


def title_only_notes(catalog: CatalogView, query: Query) -> list[str]:
    """'songs like Levitating' found only an obscure song of that title (Dua Lipa's is not in the catalog):
    say whose it took, so a wrong guess is one word from fixed. Named artists or famous songs need no note."""
    typed = normalize_name(query.text)
    notes = []
    for ref in query.seed_tracks[:2]:
        track = catalog.track(ref.index)
        if any(normalize_name(a) in typed for a in track.artists):
            continue
        artist = catalog.artist_index(track.artist_ids[0]) if track.artist_ids else None
        if artist is not None and float(catalog.artist_popularity[artist]) >= TITLE_ONLY_KNOWN:
            continue
        by = ", ".join(track.artists)
        notes.append(f"I took '{track.title}' to be the song by {by}; add the artist if you meant another one.")
    return notes


def album_note(catalog: CatalogView, query: Query) -> str | None:
    """'albums like in rainbows': the album whose songs seed the answer, named by its title alone, said with its
    act (the scan had read 'rainbows' as the band Rainbow), as an album guessed from unknown words is."""
    if not query.seed_tracks or len(query.seed_artists) != 1:
        return None
    act = query.seed_artists[0]
    typed = set(normalize_name(query.text).split())
    albums = sorted({catalog.track(ref.index).album or "" for ref in query.seed_tracks}, key=len)
    # One album in any edition ('Abbey Road (Remastered)', 'Abbey Road (Super Deluxe Edition)'): their common words.
    keys = [album_key(a).split() for a in albums]
    title = itertools.takewhile(lambda ws: len(set(ws)) == 1 and ws[0] in typed, zip(*keys, strict=False))
    said = " ".join(words[0] for words in title)  # the title as typed, without the edition ('remastered')
    if len(said) < ALBUM_GUESS_CHARS or set(normalize_name(act.name).split()) <= typed:
        return None
    return f"I read '{said}' as the album {albums[0]} by {act.name}; give me the exact title if you meant another."


def missing_song_artist(query: Query) -> EntityRef | None:
    """The seed artist standing in for a song of theirs the catalog lacks ('pink moon by nick drake'), if any."""
    return next((artist for _, _, artist in query.missing_songs()), None)


def played_by_acts(query: Query) -> tuple[EntityRef, ...]:
    """The seed artists a genre was read through ('drill': Pop Smoke, Chief Keef, Headie One), all of them: the
    note names three, and 'k-pop girl groups' stopped at eight songs of those three ('That's all I have') while
    TWICE and ITZY have songs here."""
    named = {n for _, names in query.played_by for n in names.split(", ")}
    named |= {n for typed, _ in query.played_by for n in PLAYED_BY.get(normalize_name(typed), ())}
    return tuple(a for a in query.seed_artists if a.name in named)


def unresolved_notes(query: Query) -> list[str]:
    """Names the request seemed to mention and the catalog lacks, with close matches; a missing song by a known
    artist is said as such."""
    notes: list[str] = []
    unknown = list(query.unresolved)
    for phrase, title, artist in query.missing_songs():  # 'September by Earth, Wind & Fire': the song is missing
        notes.append(f"I don't have the song '{title}' by {artist.name}; here is music like theirs.")
        unknown.remove(phrase)
    sentences = [u for u in unknown if len(u.split()) > NAME_MOST_WORDS]
    if sentences:  # a request in a language not read (Welsh, Greek) is one long unknown span, no name
        shown = " ".join(sentences[0].split()[:SHOWN_WORDS])
        notes.insert(0, f"I couldn't read '{shown}…'. Try naming an artist, a song, a genre or a mood.")
        unknown = [u for u in unknown if u not in sentences]
    if unknown:
        names = ", ".join(f"'{u}'" for u in unknown[:3])
        hint = f" Did you mean {', '.join(query.suggestions[:3])}?" if query.suggestions else ""
        notes.insert(0, f"I don't know {names}.{hint}")
    return notes


NAME_MOST_WORDS = 12
"""Words of the longest name or title a request is taken to hold; an unknown span longer than this is a sentence
the parser could not read, said as such rather than repeated back as a name."""
SHOWN_WORDS = 6
"""Words of such a sentence quoted back, so the member sees which request it was."""


CLEAN_NOTE = (
    "I can't hear lyrics yet, so I can't promise clean versions; I left out songs with swearing in the title. "
    "Check each one before you play it."
)
FREE_TO_USE_NOTE = (
    "Only Creative Commons releases: most ask for credit and no commercial use, so check each track's license "
    "before you play it on a stream or in a video."
)
FOLLOW_UP_NOTE = (
    "I have no recent answer of yours here to go on from: reply to one of my answers, use the buttons under it "
    "(More like this, Less mainstream, Next page), or name the song or artist."
)


def reading_notes(catalog: CatalogView, query: Query) -> list[str]:
    """What the answer says about how the request was read: words left unused, genres read as others or as the
    acts that stand for them, words read by meaning, songs found by title alone, follow-ups and free-to-use."""
    notes: list[str] = []
    if query.ignored and not query.unresolved:
        notes.append("Not used: " + ", ".join(f"'{w}'" for w in query.ignored[:3]) + " (I don't know it yet).")
    for typed, tag in query.read_as[:2]:
        notes.append(f"I have no '{typed}' as such; I read it as the nearest genre I have: {tag}.")
    said: set[str] = set()
    for typed, names in query.played_by[:2]:
        if names not in said:  # 'synthwave / retrowave': one genre by two names, said once
            title = screen_title(normalize_name(typed))
            if title is not None:
                notes.append(f"I can't play the music of {title} itself; these are like the artists on it: {names}.")
            else:
                notes.append(f"I have no {typed} songs as such; these are like the artists known for them: {names}.")
            said.add(names)
    for word, mood in query.meant[:1]:
        notes.append(f"I don't know the word '{word}'; I took it to mean {mood}.")
    if query.unheard:
        words = " and ".join(f"'{w}'" for w in query.unheard[:2])
        if query.seed_artists or query.seed_tracks:
            notes.append(f"I can't yet hear how much {words} a song has; these are like the acts you named.")
        else:  # '80s songs with guitar solos': the era is the answer (`regroup.instrument_beside_seeds`)
            notes.append(f"I can't yet hear how much {words} a song has; these are from the years you asked.")
    for word, kept in query.gave_way[:1]:
        notes.append(f"These suit the '{kept}'; '{word}' on its own asks for a different sound.")
    album = album_note(catalog, query)
    notes += [album] if album else title_only_notes(catalog, query)
    if query.follow_up:
        notes.append(FOLLOW_UP_NOTE)
    if query.free_to_use:
        notes.append(FREE_TO_USE_NOTE)
    if query.clean:
        notes.append(CLEAN_NOTE)
    notes.extend(link_notes(query.links))
    return [closed(n) for n in notes]


def closed(sentence: str) -> str:
    """A sentence that ends on a name ending in a full stop ('... Leslie Odom Jr.') ends once, not twice."""
    return sentence[:-1] if sentence.endswith("..") and not sentence.endswith("...") else sentence


SPOTIFY_MISSING_NOTE = "I don't have the song that Spotify link points to; tell me its title and artist instead."


def link_notes(links: Sequence[str]) -> list[str]:
    """What pasted links could not tell (`Query.links`): a Spotify song the catalog lacks, sites never opened."""
    notes = [SPOTIFY_MISSING_NOTE] if "spotify" in links else []
    sites = [site for site in links if site != "spotify"]
    if sites:
        notes.append(f"I can't open links ({', '.join(sites[:2])}); tell me the song's title and artist instead.")
    return notes
