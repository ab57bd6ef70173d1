"""Music of films, series and games, read by the acts on their soundtracks ('songs like the stranger things
soundtrack', 'music from gta san andreas radio').

The catalog files no song under a film, so 'soundtrack' alone answered every such request with one stock list
(Zac Efron, Rakim, High School Musical). A soundtrack is read like a genre only its acts stand for
(`played_by.PLAYED_BY`): songs by and like them. Only titles a listener names unambiguously are here; a one-word title
that is also a word ('drive', 'twilight') counts only beside a word saying it is a film.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from types import MappingProxyType

__all__ = [
    "FILM_SCORE",
    "GAMING_ACTS",
    "GAMING_WORDS",
    "SCORE_ACTS",
    "SCORE_TITLES",
    "SCORE_WORDS",
    "SCREEN_MUSIC",
    "STAGE_MUSIC",
    "screen_title",
]

_TITLES: dict[str, tuple[str, ...]] = {
    "guardians of the galaxy": ("Blue Swede", "Redbone", "10cc", "Electric Light Orchestra", "The Jackson 5"),
    "stranger things": ("Kate Bush", "The Clash", "Tears For Fears", "Journey", "Echo & the Bunnymen"),
    "gta san andreas": ("Dr. Dre", "2Pac", "Ice Cube", "Eazy-E", "N.W.A.", "Cypress Hill"),
    "gta vice city": ("Michael Jackson", "Blondie", "Run-D.M.C.", "TOTO", "Judas Priest"),
    "hotline miami": ("Perturbator", "Carpenter Brut", "M|O|O|N", "Kavinsky"),
    "pulp fiction": ("Stealers Wheel", "Chuck Berry", "Dusty Springfield", "Kool & The Gang"),
    "tarantino": ("Stealers Wheel", "Chuck Berry", "Nancy Sinatra", "Dusty Springfield"),
    "quentin tarantino": ("Stealers Wheel", "Chuck Berry", "Nancy Sinatra", "Dusty Springfield"),
    "baby driver": ("Queen", "T. Rex", "Simon & Garfunkel", "The Commodores", "Blur"),
    "trainspotting": ("Iggy Pop", "Underworld", "Blur", "Pulp", "New Order", "Lou Reed"),
    "peaky blinders": ("Nick Cave & The Bad Seeds", "Arctic Monkeys", "PJ Harvey", "The White Stripes", "Radiohead"),
    "john hughes": ("Simple Minds", "The Psychedelic Furs", "Orchestral Manoeuvres In The Dark", "The Smiths"),
    "saturday night fever": ("Bee Gees", "Kool & The Gang", "The Trammps"),
    "top gun": ("Kenny Loggins", "Berlin", "Cheap Trick"),
    "dirty dancing": ("Bill Medley", "Otis Redding", "The Contours"),
    "the matrix": ("The Prodigy", "Rammstein", "Rage Against The Machine", "Marilyn Manson", "Rob Zombie"),
    "twilight": ("Muse", "Paramore", "Florence + the Machine", "Iron & Wine", "Death Cab for Cutie"),
    "drive": ("Kavinsky", "Chromatics", "Electric Youth"),
}
_AMBIGUOUS = frozenset({"the matrix", "twilight", "drive", "john hughes"})
"""Titles that are also words or names: read only with a word saying it is a film's music ('twilight soundtrack')."""
_DIRECTORS = frozenset({"tarantino", "quentin tarantino", "john hughes"})
"""Names whose films, not a film, are the music's ('movies by tarantino')."""
_AFTER = ("soundtrack", "soundtracks", "ost", "movie", "movies", "film", "films", "series", "show", "game", "radio")
_BEFORE = ("the", "a")


_SCORES = (
    *("interstellar", "inception", "the dark knight", "dune", "gladiator", "oppenheimer", "dunkirk", "avatar"),
    *("lord of the rings", "lotr", "the hobbit", "star wars", "harry potter", "jurassic park", "game of thrones"),
    *("pirates of the caribbean", "house of the dragon", "the witcher", "witcher", "witcher 3", "skyrim"),
    *("elden ring", "dark souls", "zelda", "breath of the wild", "final fantasy", "the last of us", "god of war"),
    *("red dead redemption", "red dead redemption 2", "rdr2", "halo", "assassins creed", "hans zimmer"),
)
"""Films, series and games whose music is their orchestral score ('music like the interstellar soundtrack' read
the genre soundtrack: Zac Efron and Huey Lewis; 'the witcher soundtrack' seeded a name with no songs whose
listeners play metal): read as film scores (`SCORE_ACTS`). Those that are words or other names too ('dune', 'halo',
'avatar') count only beside a word saying it is a film's music."""


def _phrases(
    titles: Iterable[str] = _TITLES, ambiguous: Container[str] = _AMBIGUOUS, after: tuple[str, ...] = _AFTER
) -> dict[str, str]:
    """Every way of typing a title -> the title."""
    out: dict[str, str] = {}
    for title in titles:
        for lead in ("", *_BEFORE):
            named = f"{lead} {title}".strip()
            if title not in ambiguous:
                out[named] = title
            for word in after:
                out[f"{named} {word}"] = title
        if title in _DIRECTORS:  # 'movies by tarantino'
            out[f"movies by {title}"] = out[f"films by {title}"] = title
        for word in ("soundtrack", "the soundtrack", "ost", "the ost"):
            for link in ("of", "from", "in", "by"):  # 'la banda sonora de stranger things': 'the soundtrack of ...'
                out[f"{word} {link} {title}"] = out[f"{word} {link} the {title}"] = title
    return out


_TYPED = MappingProxyType(_phrases())
_SCORE_AFTER = (*("soundtrack", "soundtracks", "ost", "osts", "score", "music", "theme", "movie", "movies"), "game")
_SCORE_WORDS_TOO = frozenset({"inception", "dune", "gladiator", "avatar", "zelda", "halo", "hans zimmer", "witcher"})
_SCORED = MappingProxyType(_phrases(_SCORES, _SCORE_WORDS_TOO, _SCORE_AFTER))
SCORE_TITLES = tuple(_SCORED)
"""Every way of typing a scored title ('the interstellar soundtrack', 'skyrim music'): read as `FILM_SCORE`."""
SCREEN_MUSIC: Mapping[str, tuple[str, ...]] = MappingProxyType({k: _TITLES[t] for k, t in _TYPED.items()})
"""A film's, series' or game's name as typed (with or without 'soundtrack') -> acts on its soundtrack."""


def screen_title(phrase: str) -> str | None:
    """The film, series or game a phrase read by its acts names ('the stranger things soundtrack' -> 'stranger
    things'), or None for a genre ('synthwave')."""
    return _TYPED.get(phrase)


SCORE_ACTS = (
    *("Alan Silvestri", "Mark Isham", "Jóhann Jóhannsson", "Trent Reznor and Atticus Ross", "Jan Morgenstern"),
    *("Epic Soul Factory", "Roger Subirana Mata", "Celestial Aeon Project"),
)
"""Film scores: listeners' 'soundtrack' is on a film's songs as much as its score ('film music' led with Zac Efron,
Huey Lewis and the High School Musical cast); its composers here, and the netlabels' film and game scores."""
SCORE_WORDS = (
    *("film score", "film scores", "movie score", "movie scores", "film music", "cinematic", "cinematic music"),
    *("orchestral soundtrack", "orchestral soundtracks", "film composers", "movie composers", "score music"),
    *("soundtrack composers", "film scoring"),
)
GAMING_ACTS = (
    *("Alan Walker", "Martin Garrix", "Skrillex", "Marshmello", "Pegboard Nerds", "Knife Party", "TheFatRat"),
    *("K-391", "Vicetone", "Linkin Park", "Disturbed", "Imagine Dragons", "Carpenter Brut"),
)
"""What plays while gaming: the streams' and game channels' EDM, dubstep and rock ('music for gaming', read as the
energetic mood, was Dire Straits' 'Walk of Life' and Bon Jovi)."""
GAMING_WORDS = (
    *("gaming", "gaming music", "music for gaming", "for gaming", "gaming songs", "gaming playlist", "while gaming"),
    *("gaming session", "gaming sessions", "gaming mix", "gamer music", "songs for gaming"),
    *("valorant", "fortnite", "csgo", "cs go", "apex legends", "warzone", "rocket league", "overwatch"),
)
FILM_SCORE = "film score"
"""How `SCORE_WORDS` are said back, and the genre read beside their acts (`played_by.OVER_THEIR_TAG`)."""


STAGE_MUSIC: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        **dict.fromkeys(
            (
                *("show tunes", "showtunes", "broadway", "broadway musicals", "broadway songs", "musical theatre"),
                # a theatre kid's words (set BD): 'theatrical' was an unknown word, 'hamilton' Anthony Hamilton's
                *("musical theater", "musicals", "theatrical", "west end", "cast recording", "cast recordings"),
                *("cast album", "cast albums"),
            ),
            ("Lin-Manuel Miranda", "Leslie Odom Jr.", "Idina Menzel", "Keala Settle", "Ben Platt", "Zac Efron"),
        ),
        **dict.fromkeys(("dear evan hansen", "dear evan hanson", "waving through a window"), ("Ben Platt",)),
        # 'disney singalong night!! frozen, moana, encanto' read nothing ('Disney' is an act with no songs here)
        **dict.fromkeys(
            (
                *("disney", "disney songs", "disney music", "disney channel", "disney musicals", "disney movies"),
                *("disney soundtracks", "moana", "encanto", "the lion king"),
                *("lion king", "hsm", "descendants", "disney channel stars"),
            ),
            (
                *("Idina Menzel", "High School Musical Cast", "Hannah Montana", "Dove Cameron", "Jordan Fisher"),
                *("The Cheetah Girls", "Lin-Manuel Miranda", "Elton John", "Phil Collins"),
            ),
        ),
        **dict.fromkeys(
            ("hamilton", "hamilton musical", "hamilton soundtrack", "hamilton cast"),
            ("Lin-Manuel Miranda", "Leslie Odom Jr."),
        ),
    }
)
"""Musicals, the West End and Disney by the acts of their songs here ('something theatrical pls?' was an unknown
word and an empty answer, 'hamilton' Anthony Hamilton's album)."""
