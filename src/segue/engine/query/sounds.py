"""Words for a sound, a voice or a scene no catalog tag names: read as the genres built on it or the acts known for
it ('songs with horns' as funk, soul and ska; 'songs with falsetto' by and like the Bee Gees and Prince).

Apart from the genre vocabulary because these are a curated lexicon, not the genre tree: each entry was a request
that came back misread or empty (set O, set P in EVALUATION.md), and each is merged into `genres.GROUPS` or
`played_by.PLAYED_BY`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["SOUND_ACTS", "SOUND_GROUPS", "VOICE_WORDS"]

_BASSLINE_WORDS = (
    *("bass line", "sick bassline", "funky bassline", "groovy bassline", "slap bass", "funky bass", "groovy bass"),
    *("a sick bassline", "a funky bassline", "bass guitar", "killer bassline", "a killer bassline", "good bassline"),
    *("a good bassline", "great bassline", "a great bassline", "catchy bassline", "a catchy bassline"),
)
"""A bass line to play along to (plurals are the dance mood's: 'funk with sick basslines'; 'bassline' alone is the
UK garage style)."""
_BASS_HEAVY_WORDS = ("bass heavy", "bass boosted", "heavy bass", "bass-heavy", "lots of bass", "bass drops")
"""Bass to feel in a car or a club ('bass heavy songs' was metal, 'bass' unread)."""
_DUSTY_WORDS = (
    *("dusty", "something dusty", "dusty samples", "dusty records", "dusty loops", "dusty breaks", "dusty soul"),
    *("dusty vinyl", "crate digging", "crate digger", "crate diggers", "could sample", "sample flips"),
    *("something to sample", "records to sample", "songs to sample", "stuff to sample", "something i could sample"),
)
"""A producer's 'dusty': old soul, funk and jazz records to chop ('got anything dusty?' had 'dusty' unread)."""
_FREESTYLE_WORDS = (
    *("beats to freestyle over", "beats to freestyle to", "freestyle beats", "cypher beats", "beats to rap over"),
    *("instrumentals to rap over", "instrumentals to freestyle over", "for a cypher", "cypher", "to freestyle over"),
    *("to freestyle to", "to rap over"),
)
"""Beats to rap over: 'cypher beats' was 'beats' with 'cypher' unread, 'beats to freestyle over' freestyle (the
80s Latin dance genre)."""
_HORN_WORDS = ("horns", "horn section", "brass", "brass section", "horns section", "trumpets and saxophones")
_CHOIR_WORDS = ("choir", "choirs", "gospel choir", "church choir", "a choir", "choral", "choir vocals")
_SOLO_WORDS = ("guitar solo", "guitar solos", "guitar shredding", "shredding", "shred", "face melting solos")
_RIFF_WORDS = ("riffs", "riff", "heavy riffs", "guitar riffs", "big riffs", "sick riffs", "riffy", "chunky riffs")
_STRING_WORDS = (
    *("strings", "string section", "violins", "orchestral strings", "lush strings", "with strings", "a violin"),
    *("cellos", "a cello"),
)
_BANJO_WORDS = ("banjos", "a banjo", "fiddle", "a fiddle", "fiddles")
_BANJO_ALONE = ("banjo", "banjo music", "banjo songs", "banjo stuff")
"""The instrument said alone: the tag 'banjo' is on one act here ('music with banjo' was two songs and a note)."""
_BANJO_PLAYERS = ("Mumford & Sons", "Old Crow Medicine Show", "Punch Brothers", "Alison Krauss", "Sufjan Stevens")
_VIOLIN_ALONE = ("violin", "violin music", "violin songs", "violin covers", "violinist", "violinists")
"""Said alone, the violin as its players play it for listeners today ('violin covers' was two songs and a note)."""
_BAGPIPE_WORDS = ("bagpipes", "bagpipe", "the bagpipes", "tin whistle")
_SKATE_WORDS = ("skate video", "skate videos", "skateboarding", "skate park", "skatepark", "skater music")
_WESTERN_WORDS = (
    *("western vibes", "wild west", "cowboy vibes", "cowboy music", "western movie", "desert vibes"),
    *("through the desert", "in the desert", "desert drive", "desert road trip"),
)
_ISLAND_WORDS = ("caribbean vibes", "caribbean vibe", "caribbean feel", "caribbean sound")
"""'sunny, soft, a little island feel' (`rewording`): the Caribbean's sound."""
_COMING_OF_AGE_WORDS = ("coming of age", "coming of age movie", "coming of age film", "indie movie")
_ODD_TIME_WORDS = (
    *("odd time signatures", "weird time signatures", "time signatures", "odd time", "odd meters", "polyrhythms"),
    *("complex rhythms", "weird rhythms"),
)
SOUND_GROUPS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        # Instruments and playing no tag names on a song: the genres built on them ('songs with a sick bassline'
        # was UK garage, 'songs with horns' loud 2019 pop, 'songs with a choir' a remix titled 'Choir').
        **dict.fromkeys(_BASSLINE_WORDS, ("funk", "disco", "funk rock")),
        **dict.fromkeys(_BASS_HEAVY_WORDS, ("trap", "bass music", "dubstep", "crunk")),
        **dict.fromkeys(_DUSTY_WORDS, ("classic soul", "motown", "funk soul", "rhythm and blues")),
        **dict.fromkeys(_FREESTYLE_WORDS, ("instrumental hip-hop", "jazzy hip hop", "abstract hip hop")),
        **dict.fromkeys(_HORN_WORDS, ("funk", "soul", "ska", "big band", "swing")),
        **dict.fromkeys(_CHOIR_WORDS, ("gospel", "choral")),
        **dict.fromkeys(_SOLO_WORDS, ("guitar",)),
        **dict.fromkeys(_ODD_TIME_WORDS, ("math rock", "progressive metal", "mathcore")),
        **dict.fromkeys(_STRING_WORDS, ("orchestral", "chamber pop", "baroque pop")),
        **dict.fromkeys(_RIFF_WORDS, ("hard rock", "heavy metal")),
        # 'songs with a banjo', 'songs with violin' were two songs each; 'songs with bagpipes' a netlabel song
        # titled 'Bagpipes'
        **dict.fromkeys(_BANJO_WORDS, ("bluegrass", "americana", "folk")),
        **dict.fromkeys(_BAGPIPE_WORDS, ("celtic punk", "celtic", "folk punk")),
        # Scenes a film or a game made ('songs that sound like a 2000s skate video', 'kinda western vibes').
        **dict.fromkeys(_SKATE_WORDS, ("skate punk", "pop punk", "punk rock")),
        **dict.fromkeys(_WESTERN_WORDS, ("americana", "desert rock", "spaghetti western")),
        **dict.fromkeys(_COMING_OF_AGE_WORDS, ("indie pop", "indie rock", "indie folk")),
        **dict.fromkeys(_ISLAND_WORDS, ("reggae", "roots reggae", "lovers rock", "calypso")),
    }
)
"""Word -> the genres built on the sound it names (a word the catalog tags, such as 'violin' or 'banjo', stays
that tag)."""

_FALSETTO_WORDS = ("falsetto", "falsettos", "high falsetto", "falsetto vocals", "falsetto voice", "falsetto singing")
_RASPY_WORDS = (
    *("raspy", "raspy vocals", "raspy voice", "raspy voices", "gravelly voice", "gravelly vocals", "gritty vocals"),
    *("husky voice", "whiskey voice", "raspy singing", "rough voice"),
)
_AUTOTUNE_WORDS = ("autotune", "auto tune", "autotuned", "auto tuned", "autotune heavy", "heavy autotune")
_CROONER_WORDS = ("crooner", "crooners", "old crooners", "crooning", "crooner music", "rat pack")
_UKULELE_WORDS = ("ukulele", "ukelele", "ukuleles")
_NOISE_WORDS = (
    *("white noise", "brown noise", "pink noise", "rain sounds", "nature sounds", "sounds of rain", "rain noise"),
    *("ocean sounds", "ocean waves sounds", "thunderstorm sounds", "thunder sounds", "sleep sounds", "forest sounds"),
)
"""Sounds to sleep or study to, not music: 'white noise for sleeping' was noise rock (HEALTH, dälek) with
'white' unread."""
VOICE_WORDS = frozenset((*_FALSETTO_WORDS, *_RASPY_WORDS, *_AUTOTUNE_WORDS))
"""A voice read by the acts known for it: beside acts named it is how they sing, not more acts to play."""
SOUND_ACTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        # Voices and instruments no tag names, read by the acts known for them ('songs with falsetto' was an unknown
        # word and an empty answer, 'raspy male vocals' Jay Sean, 'autotune heavy tracks' metalcore).
        **dict.fromkeys(_FALSETTO_WORDS, ("Bee Gees", "Prince", "Frank Ocean", "Justin Timberlake", "Jeff Buckley")),
        **dict.fromkeys(_RASPY_WORDS, ("Tom Waits", "Joe Cocker", "Rod Stewart", "Janis Joplin", "Bonnie Tyler")),
        **dict.fromkeys(_AUTOTUNE_WORDS, ("T-Pain", "Future", "Travis Scott", "Young Thug", "Lil Wayne")),
        **dict.fromkeys(_UKULELE_WORDS, ("Jason Mraz", "Vance Joy", "Grace VanderWaal")),
        **dict.fromkeys(_BANJO_ALONE, _BANJO_PLAYERS),
        **dict.fromkeys(_VIOLIN_ALONE, ("Lindsey Stirling", "Andrew Bird", "Emilie Autumn")),
        **dict.fromkeys(
            _CROONER_WORDS, ("Frank Sinatra", "Dean Martin", "Michael Bublé", "Nat King Cole", "Paul Anka")
        ),
        **dict.fromkeys(
            _NOISE_WORDS,
            ("Mother Nature Sound FX", "Nature Sounds", "Nature Sounds Nature Music", "Rain Sounds FX"),
        ),
    }
)
"""Word -> the acts known for the voice or instrument it names."""
