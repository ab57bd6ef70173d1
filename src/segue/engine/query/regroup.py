"""Readings made after the scan from the whole query: who sings beside a genre, a film's music beside 'soundtrack',
a sound beside a named genre.

Apart from the parser because each rewrites a finished query from fields the scan filled in separate places ('rock
songs but only women artists' reads 'rock' and the voice apart; 'music from the guardians of the galaxy movies'
reads the film by its acts and 'movies' as the genre soundtrack).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from segue.domain import FeatureRange, Query
from segue.engine.query import lexicon as lx
from segue.engine.query.genres import GenreTree
from segue.engine.query.moods import MOODS, MOODS_BY_LABEL
from segue.engine.query.played_by import (
    ACROSS_GENRES,
    FIRST_DANCE_PLAYED,
    HALLOWEEN_WORDS,
    LYRICS_PHRASES,
    OCCASIONS_PLAYED,
    PLAYED_AS,
    PLAYED_BY,
    played_acts,
)
from segue.engine.query.screen import FILM_SCORE, screen_title
from segue.engine.query.sounds import SOUND_GROUPS, VOICE_WORDS
from segue.engine.scenes import NATIONALITIES
from segue.engine.sung import GENRE_LANGUAGES, PLACE_LANGUAGES
from segue.text import normalize_name

__all__ = [
    "CHURCH_GENRES",
    "INSTRUMENTS",
    "acts_place_the_scene",
    "church_music",
    "described_seed",
    "either_tongue",
    "first_dance_beside",
    "genre_beside_played_as",
    "instrument_beside_seeds",
    "instrument_of_genre",
    "language_of_the_genre",
    "lyrics_beside_genre",
    "mood_beside_played_as",
    "named_energy",
    "narrower_beside_broader",
    "occasion_beside_asked",
    "practice_of_a_language",
    "screen_not_genre",
    "sound_beside_genre",
    "spooky_titles",
    "voice_of_genres",
    "words_beside_named_acts",
]

INSTRUMENTS = frozenset({"guitar", "piano", "saxophone", "sax", "violin", "drums", "bass", "trumpet", "banjo"})
"""Catalog tags that name an instrument: listeners put them on its virtuosos (the guitar heroes, the pianists)."""
QUIET_MOODS = frozenset({"calm", "chill", "relaxing", "sleep", "mellow", "sad", "rainy", "cozy", "morning", "romantic"})
"""Moods beside which the guitar heroes' tag is an acoustic guitar."""
LIVELY_FLOOR = 0.5
"""A floor on energy or brightness from which a mood is lively (angry, party, happy)."""


def screen_not_genre(query: Query) -> Query:
    """'music from the guardians of the galaxy movies': a film's music is its acts' (`screen`), not the songs
    filed under 'soundtrack' that 'movies' reads as alone (Zac Efron, High School Musical)."""
    if "soundtrack" in query.genres and any(screen_title(normalize_name(t)) for t, _ in query.played_by):
        return replace(query, genres=tuple(g for g in query.genres if g != "soundtrack"))
    return query


_CINEMATIC = re.compile(r"(?i)\bcinematic\b")
_SCORE_SAID = re.compile(r"(?i)\b(?:films?|movies?|scores?|scoring|soundtracks?|composers?)\b")


def cinematic_beside_genre(query: Query, text: str) -> Query:
    """'cinematic post rock', 'cinematic hip hop': the genre's widescreen side; 'cinematic' alone is film scores
    (`screen.SCORE_WORDS`), beside a genre it was the scores in its place."""
    others = tuple(g for g in query.genres if g != FILM_SCORE)
    if not others or FILM_SCORE not in query.genres or not _CINEMATIC.search(text) or _SCORE_SAID.search(text):
        return query
    return replace(_without_played(query, {FILM_SCORE}), genres=others)


CHURCH_GENRES = ("christian", "gospel", "worship")
"""What a church plays: the worship occasion's mood tags only ranked it, and 'worship songs' led with Earth, Wind &
Fire and Daughtry (set AY)."""


def church_music(query: Query) -> Query:
    """'worship songs', 'quiet music for prayer time before service': the church's own genres, when the request
    names no genre or act of its own (a Kirk Franklin request is his, 'soul for a church wedding' is soul)."""
    if "worship" not in query.moods or query.seed_artists or query.seed_tracks or query.by_artists:
        return query
    if not set(query.genres) <= _SUNG_IN:  # a language named beside worship is no genre of the church's music
        return query
    return replace(query, genres=CHURCH_GENRES)


_SUNG_IN = frozenset({"spanish", "portuguese", "brazilian", "french", "german", "italian", "korean", "japanese"})


def voice_of_genres(query: Query) -> Query:
    """'rock songs but only women artists', 'latin pop, solo artistas femeninas': the genres sung by that voice
    ('female rock'), as 'rock by women' reads; the voice as a genre of its own beside them let Leona Lewis in."""
    for voice, tag in lx.VOICE_GENRES.items():
        others = tuple(g for g in query.genres if g != tag)
        plain = others and not any(g.startswith(("female ", "male ")) for g in others)
        if tag in query.genres and plain:
            return replace(query, genres=tuple(f"{voice} {g}" for g in others))
    return query


def sound_beside_genre(query: Query, text: str, vocab: Mapping[str, tuple[str, ...]]) -> Query:
    """'stoner rock w fuzzy riffs': a sound's genres (`sounds.SOUND_GROUPS`: riffs are hard rock and metal) stand in
    for a genre only when none is named; beside one they widened it to generic hard rock (Wind of Change)."""
    if len(query.genres) < 2:  # a sound's genres beside another genre take two: most requests stop here
        return query
    key = f" {normalize_name(text)} "
    for phrase in SOUND_GROUPS:
        group = set(vocab.get(phrase, ())) if f" {phrase} " in key else set()
        if group & set(query.genres) and any(g not in group for g in query.genres):
            query = replace(query, genres=tuple(g for g in query.genres if g not in group))
            continue
        # 'third wave ska. 90s, horns': the genre named is one of the sound's own, and the others go (funk, swing)
        rest = key.replace(f" {phrase} ", " ")
        named = {g for g in group & set(query.genres) if f" {g} " in rest}
        if named and len(named) < len(group & set(query.genres)):
            query = replace(query, genres=tuple(g for g in query.genres if g not in group or g in named))
    return query


_SEED_DESCRIBED = re.compile(
    r"(?i)\bthat ((?:[\w-]+ ){0,4})(?:riffs?|beat|sound|vibe|feel|feeling|bass ?line|groove|guitars?|voice|vocals"
    r"|energy|hook|synths?|drums?|chorus|production|bounce|swagger|attitude"
    r"|r&b|r ?n ?b|pop|rock|rap|trap|soul|funk|disco|house|techno|synthpop|synthwave|edm|noise|fuzz|jangle"
    r"|shoegaze|post ?-?punk|new wave|goth|darkwave|grunge|punk|metal|jazz|folk|country)(?!\w)"
)
"""'that slow heavy riff', 'that dreamy sound', 'that dark 80s synth r&b', 'that sweet fuzzy noise': what a song or
an act named beside it sounds like."""
_SONG_DESCRIBED = re.compile(
    r"(?i)[,.]\s*((?:[\w-]+ ){0,2})"
    r"(?:riffs?|synths?|guitars?|drums?|groove|vibe|sound|feel|production|bass ?line)(?!\w)"
)
"""', warbly synths' after a named song: its sound, said without 'that'."""
_DECADE = re.compile(r"(?i)\b(?:19|20)?\d0'?s\b")
"""A decade among the words describing a named act ('the weeknd, that dark 80s synth r&b'): the sound it recalls,
not the years its songs must come from (Anita Baker, Whitney Houston)."""
_TWIST_BEFORE = re.compile(r"(?i)\b(?:but|with|plus|more|add|less)\W*$")
"""'like drake but with that jazzy sound': a twist asked for, not the act described."""


_PLACE_OF = {**lx.PLACE_SPELLINGS, **{adj: country for country, adj in lx.COUNTRIES.items()}}
"""A nationality's place, as a place genre spells it ('cuban' -> 'cuba')."""


def described_seed(query: Query, text: str, vocab: Mapping[str, tuple[str, ...]]) -> Query:
    """'more like do i wanna know - arctic monkeys, that slow heavy riff': words after 'that' beside a named song
    describe the song, whose own sound already says them; read as asks they were hard rock and metal at full
    energy (Mötley Crüe, Slipknot for Arctic Monkeys). So beside a named act: 'like megan thee stallion, need that
    energy' asked for energy 0.87 and up (Latin pop), 'like pop smoke, that bounce' for southern hip hop."""
    found = _SEED_DESCRIBED.search(text) if query.seed_tracks or query.seed_artists else None
    if found is None and query.seed_tracks:  # 'songs like chamber of reflection by mac demarco. warbly synths'
        found = _SONG_DESCRIBED.search(text)
        if found is not None and _DECADE.search(found.group()):
            return query  # 'like blinding lights, vibe anos 80 synth': the decade's sound asked for, not the song's
    if found is None:
        return query
    if _TWIST_BEFORE.search(text[: found.start()]):
        return query
    span = f" {normalize_name(found.group())} "
    words = set(span.split())
    if query.played_by:  # 'like plastic love, that dreamy 80s tokyo heartbreak groove': the song's, not the ballads'
        # Only a feeling read as its acts ('heartbreak'); a sound's ('that dreamy bedroom pop') is what is asked for
        described = {said for said, _ in query.played_by if set(normalize_name(said).split()) <= words}
        if len(described) < len(query.played_by) or any(normalize_name(d) not in ACROSS_GENRES for d in described):
            return query
        query = _without_played(query, described)
    said = {m.label for w in words if (m := MOODS.get(w)) is not None}
    sounds = {g for phrase in SOUND_GROUPS if f" {phrase} " in span for g in vocab.get(phrase, ())}
    sounds |= {g for w, g in query.read_as if w in words} | {g for w in words for g in vocab.get(w, ())}
    unresolved = tuple(u for u in query.unresolved if not set(normalize_name(u).split()) <= words)
    decade = _DECADE.search(found.group()) is not None
    # 'that warm cuban guitar sound' beside 'Chan Chan': the place's instrument genre its words made ('cuba guitar')
    places = {_PLACE_OF.get(w, w) for w in words}
    sounds |= {g for g in query.genres if set(g.split()) <= places}
    return replace(
        query,
        read_as=tuple((w, g) for w, g in query.read_as if w not in words),
        features=tuple(f for f in query.features if not set(normalize_name(f.because).split()) <= words),
        moods=tuple(m for m in query.moods if m not in said),
        genres=tuple(g for g in query.genres if g not in sounds),
        # 'like paul kalkbrenner, that berlin calling vibe': his album's name, which his own songs say
        unresolved=unresolved,
        suggestions=query.suggestions if unresolved else (),
        ignored=tuple(w for w in query.ignored if not set(normalize_name(w).split()) <= words),
        year_min=None if decade else query.year_min,
        year_max=None if decade else query.year_max,
    )


def narrower_beside_broader(query: Query, text: str, tree: GenreTree) -> Query:
    """'classic motown soul', 'baroque classical': a genre named just before one it belongs to is that genre, not
    either of the two; read as either, soul's 2000s hits (Alicia Keys, Ne-Yo) and Bocelli led the answers."""
    if len(query.genres) < 2:  # most requests stop here
        return query
    said = f" {normalize_name(text)} "
    broad: set[str] = set()
    for narrow in query.genres:
        above = set(tree.ancestors(narrow))
        for other in query.genres:
            inside = lx.WITHIN_GENRE.get(narrow) == other or (other != narrow and tree.lookup(other) in above)
            if inside and f" {normalize_name(narrow)} {normalize_name(other)} " in said:
                broad.add(other)
    return replace(query, genres=tuple(g for g in query.genres if g not in broad)) if broad else query


def mood_beside_played_as(query: Query) -> Query:
    """'angry breakup songs': a lively mood said beside a phrase read as its acts' quiet songs ('breakup songs' as
    the heartbreak ballads' acts) leaves the acts out and both moods in (sad and angry: 'Aerials', 'Numb'); the
    ballads' acts with angry's loudness were Lewis Capaldi and EDM remixes. So does the phrase's mood said not to be
    ('breakup songs that arent sad')."""
    if not query.played_by:  # most requests stop here
        return query
    lively = {m for m in query.moods if (mood := MOODS.get(m)) is not None and _lively(mood.ranges)}
    for said, _ in query.played_by:
        key = normalize_name(said)
        quiet = PLAYED_AS.get(key)
        if quiet is None or MOODS[quiet].label in lively:
            continue
        if not lively and MOODS[quiet].label in query.moods:  # 'breakup songs that arent sad' turned it: upbeat
            continue
        return _without_played(query, {said})
    return query


def genre_beside_played_as(query: Query) -> Query:
    """'heartbreak rap', 'country heartbreak songs', 'canciones de desamor con mariachi': a phrase read as a mood's
    acts (the heartbreak ballads' Adele and Lewis Capaldi) beside a genre, a scene's acts or in another language is
    that mood in the genre: the ballads' acts led every such answer (Selena Gomez for sad rap). Only such moments
    (`ACROSS_GENRES`): the power ballads' acts are the rock they are asked beside."""
    if not query.played_by:  # most requests stop here
        return query
    moody = {said for said, _ in query.played_by if normalize_name(said) in ACROSS_GENRES}
    scenes = [said for said, _ in query.played_by if said not in moody]
    # Said in another language, the moment is that language's songs in its mood ('música pra churrasco' was the
    # American cookout's funk: Kool & The Gang, Maze), as the gym is ('canciones para el gym': reggaeton).
    abroad = query.language not in (None, "en")
    if not moody or not (query.genres or scenes or abroad):
        return query
    moods = tuple(dict.fromkeys((*query.moods, *(PLAYED_AS[normalize_name(s)] for s in moody))))
    return replace(_without_played(query, moody), moods=moods)


SPOOKY_TITLES = (
    *("halloween", "ghostbusters", "thriller", "monster", "spooky", "zombie", "ghost", "witch", "vampire"),
    *("werewolves", "werewolf", "haunted", "skeleton", "graveyard", "scream"),
)
"""Title words of a Halloween answer: listeners tagged 'halloween' on nine songs (two Bobby Brown hits, no
'Thriller'), and the catalog hears no lyrics, so spooky titles lead ('Thriller', 'Ghostbusters', 'Werewolves of
London')."""


def spooky_titles(query: Query) -> Query:
    """'halloween party songs': the spooky titles first, then the Halloween acts' songs (said as title words)."""
    halloween = any(normalize_name(s) in _HALLOWEEN_KEYS for s, _ in query.played_by) or "halloween" in query.genres
    if not halloween or query.topics:
        return query
    return replace(query, genres=tuple(g for g in query.genres if g != "halloween"), topics=SPOOKY_TITLES)


_HALLOWEEN_KEYS = frozenset(map(normalize_name, HALLOWEEN_WORDS))


_FLOOR_MOODS = frozenset({"dance", "party", "upbeat", "happy", "energetic", "bangers"})
"""Moods an occasion's floor already is: beside them the occasion is still its acts."""


def first_dance_beside(query: Query) -> Query:
    """'first dance songs for our wedding' is the first dance, not the floor's acts too; 'algo romántico en español
    para el baile de los novios' is Spanish love songs, not Ed Sheeran and John Legend (`FIRST_DANCE_PLAYED`)."""
    first = {s for s, _ in query.played_by if normalize_name(s) in FIRST_DANCE_PLAYED}
    if not first:  # most requests stop here
        return query
    floor = {s for s, _ in query.played_by if normalize_name(s) in OCCASIONS_PLAYED}
    if floor:
        query = _without_played(query, floor)
    if query.genres:  # 'a classic r&b love song' for it: the genre's love songs, not Ed Sheeran's and Dan + Shay's
        return _without_played(query, first)
    return query


def occasion_beside_asked(query: Query) -> Query:
    """'jazz for a wedding cocktail hour', 'kygo meets bob marley for a beach wedding': a wedding beside the acts, a
    genre or a mood asked for is where they play, not the floor's acts (`OCCASIONS_PLAYED`), which led both with Bruno
    Mars and Whitney Houston; alone ('songs for a wedding') it is those acts."""
    said = {s for s, _ in query.played_by if normalize_name(s) in OCCASIONS_PLAYED}
    if not said:  # most requests stop here
        return query
    acts = played_acts(said)
    typed = f" {normalize_name(query.text)} "
    keys = {a.id: normalize_name(a.name) for a in query.seed_artists}
    named = {i for i, key in keys.items() if key not in acts or f" {key} " in typed}
    others = len(query.played_by) > len(said)
    # An act typed that the occasion names is one of its own ('first dance songs like ed sheeran'): no other ask.
    other_acts = any(key not in acts for key in keys.values())
    # 'songs to dance to at a wedding' is its floor; a mood that gave way ('bangers to pack the floor right after
    # dinner') was not asked for.
    gave = {MOODS[w].label for w, _ in query.gave_way if w in MOODS}
    moods = [m for m in query.moods if m not in _FLOOR_MOODS and m not in gave]
    if query.language not in (None, "en") and not (query.genres or other_acts or query.seed_tracks):
        # 'canciones para una boda', 'chansons pour un mariage': the floor of that language's party songs (the
        # request's lean to them comes with a lively mood), not the English-speaking floor's acts
        return replace(_without_played(query, said), moods=tuple(dict.fromkeys((*query.moods, "party"))))
    if not (other_acts or others or query.seed_tracks or query.genres or moods or query.by_artists):
        return query
    # An act typed that the occasion also names stays ('mix of bruno mars and daddy yankee for a wedding').
    kept = _without_played(query, said)
    return replace(kept, seed_artists=tuple(a for a in query.seed_artists if a.id in named or a in kept.seed_artists))


def _without_played(query: Query, phrases: set[str]) -> Query:
    """The query without these phrases read as acts, nor the seeds only they named (an act another phrase still
    names stays, and so does one typed: 'similar to adele? proper heartbreak ballads' lost Adele with them)."""
    kept = [said for said, _ in query.played_by if said not in phrases]
    named = played_acts(kept)
    typed = f" {normalize_name(query.text)} "
    dropped = {key for key in played_acts(phrases) - named if f" {key} " not in typed}
    return replace(
        query,
        played_by=tuple(p for p in query.played_by if p[0] not in phrases),
        seed_artists=tuple(a for a in query.seed_artists if normalize_name(a.name) not in dropped),
    )


def _lively(ranges: tuple[FeatureRange, ...]) -> bool:
    """Whether a mood asks for energy or brightness from a floor up (angry, party, happy)."""
    return any(r.feature in ("energy", "valence") and r.low is not None and r.low >= LIVELY_FLOOR for r in ranges)


_MANNERS = VOICE_WORDS | {"theatrical"}
"""Words read by the acts known for them that beside acts named say how those acts sound."""


def instrument_beside_seeds(query: Query) -> Query:
    """'like taylor swift but with more guitar' was Hendrix, Stevie Ray Vaughan and Clapton: the instrument's tag
    (on the guitar heroes) filtered the answer to them, and the named act was only a sound to match among them.
    Beside named seeds an instrument is a colour of their sound, which the catalog cannot hear per song: the answer
    is like the acts named, and says it could not weigh the instrument (`Query.unheard`)."""
    # An era does the same ('80s songs with guitar solos' was Stevie Ray Vaughan and Clapton of other decades,
    # 'piano songs from the 70s' Fiona Apple and Jewel, '80s songs with sax' netlabel jazz): the era is the answer.
    dated = query.year_min is not None or query.year_max is not None
    # An instrument read by its players ('violin': Lindsey Stirling) is the answer alone; beside acts named, their
    # colour ('like taylor swift but with more violin' was Lindsey Stirling's own songs).
    # So is a voice ('similar to bon iver? I love that hushed, fragile falsetto' led with Frank Ocean and Prince), or
    # a manner ('similar to jacques brel ... a bit theatrical' was the Broadway cast).
    players = {p for p, _ in query.played_by if p.split()[0] in INSTRUMENTS}
    manners = {p for p, _ in query.played_by if normalize_name(p) in _MANNERS}
    if manners:  # beside an era alone, a voice is its singers ('80s songs with falsetto': Prince)
        named = _without_played(query, manners)
        players |= manners if named.seed_artists or named.seed_tracks else set()
    alone = _without_played(query, players) if players else query
    if not (alone.seed_artists or alone.seed_tracks or dated):
        return query
    unheard = tuple(g for g in query.genres if g in INSTRUMENTS)
    if len(unheard) != len(query.genres):  # beside a genre ('jazz with piano') it narrows that genre, as before
        return query
    heard_by = (phrase.split()[0] for phrase in sorted(players))
    return replace(alone, genres=(), unheard=tuple(dict.fromkeys((*query.unheard, *unheard, *heard_by))))


BROAD_SCENES = frozenset({"desi"})
"""Scenes said so broadly that beside an act named they are its colour, not the answer."""


def broad_scene_beside_seeds(query: Query) -> Query:
    """'more artists like the weeknd ... not in a desi mood', 'lean on by major lazer, that desi-ish edm sound': the
    act or song named is the answer; 'desi' read as its acts had replaced them with Punjabi and desi rap."""
    broad = {said for said, _ in query.played_by if normalize_name(said) in BROAD_SCENES}
    alone = _without_played(query, broad) if broad else query
    return alone if broad and (alone.seed_artists or alone.seed_tracks) else query


def instrument_of_genre(query: Query) -> Query:
    """'jazz with piano', 'blues guitar', 'math rock w crazy guitar tapping': an instrument beside a genre narrows
    it, the genre's songs by the acts listeners tag with the instrument ('piano jazz': Bill Evans, Herbie Hancock),
    the genre alone when it has none. Read as two genres, half the answer was the instrument's own tag (Jewel and
    Greyson Chance for piano, Santana and Clapton in math rock)."""
    if query.genres == ("guitar",) and QUIET_MOODS.intersection(query.moods):
        # 'regnerischer sonntag, was entspanntes mit gitarre': the guitar heroes' tag gave Purple Haze and
        # metalcore once the quiet moods gave way; a quiet guitar is an acoustic one
        acoustic = MOODS["acoustic guitar"]
        features = (*query.features, *acoustic.ranges_for("guitar"))
        return replace(query, genres=(), moods=(*query.moods, acoustic.label), features=features)
    if query.seed_artists or query.seed_tracks or len(query.genres) < 2:
        return query
    played = [g for g in query.genres if g in INSTRUMENTS]
    genres = [g for g in query.genres if g not in INSTRUMENTS]
    if not played or not genres:
        return query
    return replace(query, genres=tuple(f"{played[0]} {g}" for g in genres))


def acts_place_the_scene(query: Query) -> Query:
    """'funk brasileiro': a scene read as the acts that play it ('brazilian funk': Anitta, MC Fioti) needs no place
    beside them; the place left as a genre ('brazilian') kept out every song of those acts (no listener tagged them)
    and answered with Brazilian reggae and metal."""
    if not query.played_by or not query.genres:
        return query
    said = {w for typed, _ in query.played_by for w in normalize_name(typed).split()}  # words, not substrings
    kept = tuple(g for g in query.genres if not (normalize_name(g) in NATIONALITIES and normalize_name(g) in said))
    return query if kept == query.genres else replace(query, genres=kept)


def place_of_the_genre(query: Query) -> Query:
    """'Krautrock, the proper early-70s German stuff': a place beside the genre that is its own says nothing more
    (`lexicon.PLACE_GENRES`); as a genre of its own it answered German rap (Haftbefehl, Fler) beside Kraftwerk."""
    own = {lx.PLACE_GENRES.get(normalize_name(g)) for g in query.genres} - {None}
    kept = tuple(g for g in query.genres if normalize_name(g) not in own)
    return query if kept == query.genres or not kept else replace(query, genres=kept)


def lyrics_beside_genre(query: Query) -> Query:
    """'rap with good lyrics': the songwriters 'good lyrics' is read as (Dylan, Cohen, Springsteen) are no rap; beside
    a genre the phrase is said unread rather than answered with them."""
    lyrics = [(typed, acts) for typed, acts in query.played_by if normalize_name(typed) in LYRICS_PHRASES]
    if not lyrics or not query.genres:
        return query
    lyricists = {normalize_name(n) for n in PLAYED_BY[normalize_name(lyrics[0][0])]}
    return replace(
        query,
        seed_artists=tuple(a for a in query.seed_artists if normalize_name(a.name) not in lyricists),
        played_by=tuple(p for p in query.played_by if p not in lyrics),
        ignored=(*query.ignored, *(typed for typed, _ in lyrics)),
    )


PRACTICE = "language practice"
PRACTICE_AS_STUDY = "learning"
"""The word quoted when a learner's practice without a language is read as studying."""


def practice_of_a_language(query: Query) -> Query:
    """'songs to practise my spanish', 'japanese songs for learning japanese': words sung clearly in it. Without a
    language named ('music for learning', 'songs to practice guitar', 'canciones para aprender a bailar salsa') it
    is nobody's: learning is studying, and a guitarist's or a dancer's practice asks nothing of the words."""
    if PRACTICE not in query.moods:
        return query
    places = {g.partition(" ")[0] for g in query.genres} | set(query.genres)
    if query.sung_in or places & PLACE_LANGUAGES.keys():  # the language asked in is not the one learnt
        return query
    own = set(MOODS_BY_LABEL[PRACTICE].ranges)
    moods = tuple(m for m in query.moods if m != PRACTICE)
    features = tuple(f for f in query.features if replace(f, because="") not in own)
    if not (moods or query.genres or query.seed_artists or query.seed_tracks):
        focus = MOODS_BY_LABEL["focus"]
        return replace(query, moods=(focus.label,), features=features + focus.ranges_for(PRACTICE_AS_STUDY))
    return replace(query, moods=moods, features=features)


_EITHER = re.compile(r"(?i)\benglish or (?:in )?(\w+)|\b(\w+) or (?:in )?english\b")
_BOTH = re.compile(
    r"(?i)\benglish (?:and|n|&|/|\+) (?:in )?(\w+)|\b(\w+) (?:and|n|&|/|\+) (?:in )?english\b"
    r"|\bhalf english,? half (\w+)|\bhalf (\w+),? half english\b"
)
"""'a mix of english and spanish', 'half english half spanish', 'rap em ingles e portugues misturado': songs in each
language, not songs in both at once."""


def either_tongue(query: Query, text: str) -> Query:
    """'sad songs in english or spanish', 'en ingles o español': either language will do. Read word by word it was
    sung in English and the Spanish scene at once, which no song is: the sad mood gave way and reggaeton answered."""
    if query.sung_in != "en":
        return query
    both = _BOTH.search(text)
    if both is not None:  # 'bangers for my quinceañera, mix of english and spanish' was six songs: the scene, sung
        other = normalize_name(next(g for g in both.groups() if g))  # in either language (its acts sing in both)
        scene = lx.SUNG_IN_SCENES.get(other, other)  # 'portuguese' is read as Brazil's scene
        return replace(query, sung_in=None) if scene in query.genres else query
    if (found := _EITHER.search(text)) is None:
        return query
    other = normalize_name(found.group(1) or found.group(2))
    if other not in query.genres:
        return query
    either = replace(query, sung_in=None, genres=tuple(g for g in query.genres if g != other))
    # Nothing else asked ('songs in english or spanish'): a mix of either, not a reading left empty.
    steered = either.genres or either.moods or either.seed_artists or either.seed_tracks or either.year_min
    return either if steered or either.by_artists or either.year_max else replace(either, surprise=True, shuffled=True)


_AURA = frozenset({"energy"})
"""A mood word that after a named song or act says 'like it' ('bad guy energy'), not a mood of its own."""


def named_energy(query: Query, text: str) -> Query:
    """'i want bad guy energy', 'songs with kanye energy': 'energy' right after a song or an act named says 'like
    it'; read as a mood it asked for festival loudness, which none of Billie Eilish's songs has."""
    said = {f.because for f in query.features} & _AURA
    if not said or not (query.seed_tracks or query.seed_artists):
        return query
    named = {w for ref in (*query.seed_tracks, *query.seed_artists) for w in normalize_name(ref.name).split()}
    words = normalize_name(text).split()
    after = {w for k, w in enumerate(words) if k and w in said and words[k - 1] in named}
    if not after:
        return query
    labels = {MOODS[w].label for w in after if w in MOODS}
    return replace(
        query,
        features=tuple(f for f in query.features if f.because not in after),
        moods=tuple(m for m in query.moods if m not in labels),
    )


_WORDLESS = frozenset({"speechiness", "instrumentalness"})


def words_beside_named_acts(query: Query) -> Query:
    """'chill rap like mac miller and juice wrld, for doing homework': studying asks for songs without words, which
    no song of the acts named has; beside named acts it keeps its calm and leaves their words (the answer was
    netlabel beats and Ice Cube)."""
    if not query.seed_artists or query.played_by or "focus" not in query.moods:
        return query
    kept = tuple(
        f
        for f in query.features
        if f.feature not in _WORDLESS or (mood := MOODS.get(normalize_name(f.because))) is None or mood.label != "focus"
    )
    return query if len(kept) == len(query.features) else replace(query, features=kept)


def language_of_the_genre(query: Query) -> Query:
    """'canciones de reggaeton pa' perrear ... en español': a place said apart from a genre sung only in its language
    says nothing more (`places._sung_there` reads them said together). Read as the place's scene too, it led with
    Spanish pop (Paulina Rubio, Thalía)."""
    sung = {GENRE_LANGUAGES[g] for g in query.genres if g in GENRE_LANGUAGES}
    kept = tuple(g for g in query.genres if PLACE_LANGUAGES.get(g) not in sung)
    return query if kept == query.genres else replace(query, genres=kept)
