"""Local scenes, read as their acts: Britain's Black music (UK rap, afroswing, UK garage, lovers rock), France's
Afro pop, the South Asian diaspora's (Punjabi, desi hip hop, Bollywood, Tamil), Texas and the border's (red dirt,
outlaw country, the two-step, tejano, norteño) and the places rock history names (the Canterbury scene, Laurel
Canyon, San Francisco's psychedelia). No catalog tag says where an act is from (Stormzy's are 'hip hop, rap'), and
the tags some of these scenes have sit on a few netlabel songs: 'uk rap' was read as rap at large (Skepta twice,
then M.I.A., Fatboy Slim and Gorillaz), 'uk garage classics' as two 2008 dubstep songs, 'the Canterbury scene' as
the band Canterbury and neo-soul, 'punjabi' was unknown and 'música tejana' Teyana Taylor (sets AU to AX in
EVALUATION.md).

A curated lexicon like `crews`, merged into `played_by.PLAYED_BY`; only the acts the catalog has count.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["FOLK_SCENES", "LOCAL_SAID", "LOCAL_SCENES", "OVER_A_STRAY_TAG", "UK_CITIES", "UK_RAP"]

UK_RAP = (
    *("Stormzy", "Dave", "Skepta", "AJ Tracey", "Aitch", "Headie One", "J Hus", "Krept & Konan", "Wiley"),
    *("D-Block Europe", "Tinie Tempah", "Loyle Carner", "Stefflon Don", "Kano", "Little Simz", "Central Cee"),
    *("Dizzee Rascal", "slowthai", "Ghetts", "Bugzy Malone", "MIST", "Not3s", "M Huncho", "Nafe Smallz"),
)
"""UK rap and grime's acts, the best known first."""
UK_CITIES = ("uk", "the uk", "british", "brit", "britain", "london", "south london", "north london", "east london")
"""Places whose rap is `UK_RAP` ('english rap' is also rap in English: left out)."""
_AFROSWING = (
    *("J Hus", "Not3s", "Kojo Funds", "MIST", "Young T & Bugsey", "Darkoo", "NSG", "MoStack", "Yxng Bane"),
    *("Belly Squad", "Tion Wayne"),
)
_UK_GARAGE = (
    *("Craig David", "Artful Dodger", "MJ Cole", "So Solid Crew", "Sweet Female Attitude", "Shanks & Bigfoot"),
    *("DJ Luck & MC Neat", "Ms. Dynamite", "Mis-Teeq", "Daniel Bedingfield", "Disclosure"),
)
_LOVERS_ROCK = (
    *("Maxi Priest", "Janet Kay", "Carroll Thompson", "Dennis Brown", "Beres Hammond", "Gregory Isaacs"),
    *("Sugar Minott", "Aswad", "UB40"),
)
_AFROSWING_WORDS = ("afroswing", "afro swing", "afrobashment", "afro bashment")
_UK_GARAGE_WORDS = ("uk garage", "ukg", "uk garage classics", "garage classics", "2 step garage", "2step garage")
_AFRO_FRENCH = ("Aya Nakamura", "Dadju", "MHD", "Maître Gims", "Tiakola", "Niska", "Franglish", "Naza", "Tayc")
_AFRO_FRENCH_WORDS = (
    *("afro french", "afro francais", "afro français", "afro trap", "afrotrap", "french afro", "french afrobeats"),
    *("afro pop francais", "afropop francais", "french afropop"),
)
_PUNJABI = (
    *("Sidhu Moose Wala", "Karan Aujla", "Diljit Dosanjh", "AP Dhillon", "Sikander Kahlon", "Amrit Maan"),
    *("Deep Jandu", "Jass Manak", "Garry Sandhu", "R. Nait", "Prem Dhillon", "Mankirt Aulakh", "Gippy Grewal"),
    *("Jasmine Sandlas", "Baani Sandhu", "Dilpreet Dhillon", "Bohemia", "Panjabi MC", "Daler Mehndi"),
)
_DESI_HIP_HOP = (
    *("DIVINE", "Prabh Deep", "Naezy", "Raftaar", "Seedhe Maut", "Emiway Bantai", "Raga", "Badshah"),
    *("Kaam Bhaari", "Raja Kumari", "Muhfaad", "Dino James", "Ranveer Singh", "KR$NA", "Ikka", "MC Stan"),
)
_BOLLYWOOD = (
    *("Arijit Singh", "Shreya Ghoshal", "A.R. Rahman", "Pritam", "Neha Kakkar", "Sohail Sen", "Sachin-Jigar"),
    *("Yash Narvekar", "Vayu", "Jasmine Sandlas", "Badshah"),
)
_TAMIL = ("A.R. Rahman", "Anirudh Ravichander", "Hiphop Tamizha", "Harihara Sudhan", "Gana Bala")
_DESI_WORDS = {
    "punjabi": _PUNJABI,
    "desi hip hop": _DESI_HIP_HOP,
    "bollywood": _BOLLYWOOD,
    "tamil": _TAMIL,
    "desi": (*_PUNJABI[:6], *_DESI_HIP_HOP[:6], *_BOLLYWOOD[:4]),
    "desi wedding": (*_PUNJABI[:8], *_BOLLYWOOD),
    "bollywood rap": ("Badshah", "Yo Yo Honey Singh"),
}
"""Each of the diaspora's scenes -> its acts: no tag here says an act is desi (Sidhu Moose Wala's are 'rap, hip
hop', the Bollywood songs' 'latin pop'; the tags 'bollywood' and 'hindi' are on no act with songs)."""
_DESI_SPELLINGS = {
    "punjabi": ("punjabi", "punjabi music", "punjabi songs", "punjabi pop", "punjabi gaane", "bhangra", "pendu"),
    "desi hip hop": (
        *("desi hip hop", "desi rap", "desi hiphop", "indian hip hop", "indian rap", "hindi rap", "hindi hip hop"),
        *("gully rap", "gully hip hop", "gully gang", "underground desi hip hop", "desi trap"),
    ),
    "bollywood": ("bollywood", "bollywood songs", "bollywood music", "hindi songs", "hindi music", "hindi gaane"),
    "tamil": ("tamil", "tamil songs", "tamil music", "kollywood", "tamil hip hop", "tamil rap"),
    "desi": ("desi", "desi music", "desi songs", "desi vibes", "desi beats"),
    "desi wedding": ("sangeet", "baraat", "shaadi", "shaadi songs", "desi wedding", "indian wedding", "mehndi night"),
    "bollywood rap": ("bollywood rap", "bollywood hip hop", "commercial desi rap"),
}
_TEXAS_COUNTRY = (
    *("Cody Johnson", "Koe Wetzel", "Randy Rogers Band", "Pat Green", "Turnpike Troubadours", "Whiskey Myers"),
    *("Cross Canadian Ragweed", "Wade Bowen", "Aaron Watson", "Parker McCollum", "Casey Donahew"),
)
_OUTLAW = (
    *("Willie Nelson", "Waylon Jennings", "Merle Haggard", "Johnny Cash", "Kris Kristofferson", "Chris Stapleton"),
    *("Sturgill Simpson", "David Allan Coe", "Jerry Jeff Walker", "Billy Joe Shaver"),
)
_TWO_STEP = (
    *("George Strait", "Brooks & Dunn", "Alan Jackson", "Garth Brooks", "Tim McGraw", "Luke Bryan", "Rascal Flatts"),
    *("Zac Brown Band", "Keith Urban", "Sam Hunt", "Whiskey Myers", "Cody Johnson", "Shania Twain", "Reba McEntire"),
)
_TEJANO = ("Selena", "Emilio Navaira", "La Mafia", "Mazz", "Bobby Pulido", "A.B. Quintanilla", "Los Kumbia Kings")
_NORTENO = (
    *("Ramón Ayala", "Los Tigres Del Norte", "Intocable", "Los Tucanes De Tijuana", "Bronco", "Pesado"),
    *("Calibre 50", "Grupo Frontera"),
)
_SOUTHWEST_SPELLINGS = {
    "texas country": ("texas country", "red dirt", "red dirt country", "texas red dirt", "red dirt music"),
    "outlaw country": ("outlaw country", "the outlaw guys", "outlaw country songs", "70s outlaw country"),
    "two-step": ("two step", "two steppin", "two stepping", "two step songs", "texas two step", "two steppin songs"),
    "tejano": ("tejano", "tejana", "musica tejana", "tejano music", "tex mex", "texmex"),
    "norteño": ("norteno", "nortena", "nortenas", "nortenos", "musica nortena", "musica norteno", "conjunto norteno"),
}
_SOUTHWEST_ACTS = {
    "texas country": _TEXAS_COUNTRY,
    "outlaw country": _OUTLAW,
    "two-step": _TWO_STEP,
    "tejano": _TEJANO,
    "norteño": _NORTENO,
}
"""Texas and the border's scenes: no tag says a country act is from Texas, and 'two-steppin songs' was club pop."""
_CANTERBURY = ("Caravan", "Camel", "Soft Machine", "Gong", "Hatfield and the North", "Robert Wyatt", "Kevin Ayers")
_CANTERBURY_WORDS = ("canterbury scene", "the canterbury scene", "canterbury sound", "canterbury prog")
_LAUREL_CANYON = (
    *("Joni Mitchell", "Crosby, Stills, Nash & Young", "Crosby, Stills & Nash", "Jackson Browne", "James Taylor"),
    *("Carole King", "The Byrds", "Eagles", "Linda Ronstadt", "Buffalo Springfield", "The Mamas & The Papas"),
)
_LAUREL_CANYON_WORDS = (
    "laurel canyon",
    "laurel canyon sound",
    "laurel canyon singer songwriters",
    "laurel canyon folk",
)
_SF_PSYCH = (
    *("Jefferson Airplane", "Grateful Dead", "Big Brother & The Holding Company", "Janis Joplin", "Santana"),
    *("Quicksilver Messenger Service", "Country Joe & The Fish", "Moby Grape", "Sly & The Family Stone"),
)
_SF_PSYCH_WORDS = (
    *("san francisco psychedelia", "san francisco psych", "san francisco sound", "sf psych", "sf psychedelia"),
    *("haight ashbury", "the fillmore", "fillmore west"),
)
_DETROIT = (
    *("Aretha Franklin", "Stevie Wonder", "Marvin Gaye", "The Temptations", "The Supremes", "J Dilla", "Big Sean"),
    *("Danny Brown", "The White Stripes", "The Stooges", "Alice Cooper", "Bob Seger", "Dwele", "Moodymann"),
    *("Martha Reeves & The Vandellas", "Royce Da 5'9\"", "Tee Grizzley", "D12", "Eminem"),
)
_DETROIT_WORDS = (
    *("artists from detroit", "bands from detroit", "acts from detroit", "musicians from detroit"),
    *("rappers from detroit", "singers from detroit", "producers from detroit", "music from detroit"),
    *("detroit music", "detroit sound", "the detroit sound", "detroit artists", "detroit bands"),
)
"""Motown, Dilla, the Stooges and Big Sean: the tag 'detroit' is on D12's two songs ('detroit artists but not
eminem' was them alone)."""
LOCAL_SCENES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        **dict.fromkeys(_AFROSWING_WORDS, _AFROSWING),
        **dict.fromkeys(_UK_GARAGE_WORDS, _UK_GARAGE),
        **dict.fromkeys(("lovers rock", "lovers rock reggae"), _LOVERS_ROCK),
        **dict.fromkeys(_AFRO_FRENCH_WORDS, _AFRO_FRENCH),
        **{spelling: _DESI_WORDS[scene] for scene, spellings in _DESI_SPELLINGS.items() for spelling in spellings},
        **{w: _SOUTHWEST_ACTS[scene] for scene, spellings in _SOUTHWEST_SPELLINGS.items() for w in spellings},
        **dict.fromkeys(_CANTERBURY_WORDS, _CANTERBURY),
        **dict.fromkeys(_LAUREL_CANYON_WORDS, _LAUREL_CANYON),
        **dict.fromkeys(_SF_PSYCH_WORDS, _SF_PSYCH),
        **dict.fromkeys(_DETROIT_WORDS, _DETROIT),
    }
)
"""Scene -> its acts."""
_SAID_AS = {"punjabi": "Punjabi", "bollywood": "Bollywood", "tamil": "Tamil"}
LOCAL_SAID: Mapping[str, str] = MappingProxyType(
    dict.fromkeys(_UK_GARAGE_WORDS, "uk garage")
    | dict.fromkeys(_AFROSWING_WORDS, "afroswing")
    | dict.fromkeys(_AFRO_FRENCH_WORDS, "Afro-French pop")
    | {spelling: _SAID_AS.get(scene, scene) for scene, spellings in _DESI_SPELLINGS.items() for spelling in spellings}
    | {w: scene for scene, spellings in _SOUTHWEST_SPELLINGS.items() for w in spellings}
    | dict.fromkeys(_CANTERBURY_WORDS, "Canterbury scene")
    | dict.fromkeys(_LAUREL_CANYON_WORDS, "Laurel Canyon")
    | dict.fromkeys(_SF_PSYCH_WORDS, "San Francisco psychedelia")
    | dict.fromkeys(_DETROIT_WORDS, "Detroit")
)
"""How each spelling is said back, and the genre its acts keep beside them ('ukg' is UK garage)."""
OVER_A_STRAY_TAG = frozenset(
    {"uk garage", "bollywood", "tamil", "punjabi", "desi", "hindi songs", "hindi music", "outlaw country", "tejano"}
    | {"texas country", "red dirt", "norteno", "tex mex", "detroit"}
)
"""Read through their acts alone although the catalog has a tag of theirs, a stray one: 'uk garage' sits on two
netlabel dubstep songs, 'bollywood' and 'hindi' on no act with songs, 'outlaw country' on a handful."""


FOLK_SCENES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        # a session fiddler's trad (set BC): 'jigs and reels', 'pipes, fiddles, bodhrán' were unread or party pop
        **dict.fromkeys(
            (
                *("irish trad", "trad", "irish traditional", "irish folk", "trad session", "session tunes", "jigs"),
                *("reels", "jigs and reels", "reels and jigs", "bodhran", "bodhrán", "uilleann pipes", "ceili"),
                *("céilí", "ceilidh", "sean nos", "sean-nós", "slow airs", "irish session", "real trad"),
            ),
            ("Niamh De Barra", "Wooden Legs", "Cam Butler", "Menhirs Of Er Grah"),
        ),
        **dict.fromkeys(
            ("celtic punk", "irish punk", "paddy punk", "celtic rock"),
            ("Dropkick Murphys", "The Pogues", "Flogging Molly", "Thin Lizzy"),
        ),
        **dict.fromkeys(
            ("sea shanty", "sea shanties", "shanties", "shanty", "sea songs"),
            ("Wellington Sea Shanty Society", "The Longest Johns", "The Dubliners"),
        ),
        # a yoga teacher's 'desert blues and malian guitar' was the blues (Clapton, Muddy Waters)
        **dict.fromkeys(
            ("desert blues", "tuareg", "tuareg rock", "tuareg guitar", "malian guitar", "mali blues", "malian blues"),
            ("Tinariwen", "Vieux Farka Touré", "Songhoy Blues", "Ali Farka Touré", "Salif Keita"),
        ),
    }
)
"""Folk scenes by their acts: Irish trad, celtic punk, sea shanties (set BC), the Sahara's desert blues (set BB)."""
