"""Hip hop's crews, labels and local scenes, read as their acts: fans name a camp ('ysl era bangers', 'cash money /
no limit era stuff', 'wu tang members solo stuff') or a city's sound ('bay area hyphy', 'brooklyn drill') where no
catalog tag says who belongs (set AB in EVALUATION.md: each was an unknown word, an act Orleans, or 'tang' as vocal).

A curated lexicon like `sounds`, merged into `played_by.PLAYED_BY`; only the acts the catalog has count.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["CITY_RAP", "CREW_ACTS", "CREW_SAID"]

_CASH_MONEY = ("Lil Wayne", "Birdman", "Juvenile", "Hot Boys", "Big Tymers", "Mannie Fresh")
_NO_LIMIT = ("Master P", "Silkk The Shocker", "C-Murder", "Mystikal", "Mia X")
_WU_SOLO = ("Method Man", "Raekwon", "Ghostface Killah", "GZA", "Ol' Dirty Bastard")
_BAY = ("E-40", "Too $hort", "G-Eazy", "Saweetie")
_NOLA = (*_CASH_MONEY[:5], "Master P", "Mystikal", "Curren$y", "Kevin Gates")
_BK_DRILL = ("Pop Smoke", "Fivio Foreign")
_CHI_DRILL = ("Chief Keef", "G Herbo", "Lil Bibby", "Lil Reese", "Polo G")

_CREWS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("cash money", "cash money records", "ymcmb", "young money cash money"): _CASH_MONEY,
    ("no limit", "no limit records", "no limit soldiers"): _NO_LIMIT,
    ("ysl", "ysl records", "young stoner life", "slime season"): ("Young Thug", "Gunna"),
    ("tde", "top dawg", "top dawg entertainment", "black hippy"): (
        *("Kendrick Lamar", "ScHoolboy Q", "SZA", "Ab-Soul", "Jay Rock"),
    ),
    ("ovo", "ovo sound"): ("Drake", "PARTYNEXTDOOR", "Majid Jordan"),
    ("odd future", "ofwgkta"): ("Tyler, The Creator", "Frank Ocean", "Earl Sweatshirt"),
    ("g unit",): ("50 Cent", "Lloyd Banks", "Young Buck", "Tony Yayo"),
    ("dipset", "diplomats"): ("Cam'ron",),
    ("roc a fella", "rocafella", "roc a fella records"): ("JAY-Z", "Kanye West", "Beanie Sigel", "Memphis Bleek"),
    ("death row", "death row records"): ("Dr. Dre", "Snoop Dogg", "2Pac", "Tha Dogg Pound", "Nate Dogg"),
    ("bad boy", "bad boy records"): ("The Notorious B.I.G.", "Diddy", "Mase", "Faith Evans", "112"),
    ("asap mob", "a ap mob"): ("A$AP Rocky", "A$AP Ferg"),
    (
        *("wu tang members", "wu tang members solo", "wu members", "wu tang solo", "wu tang affiliates"),
        *("wu tang clan members", "wu tang clan solo", "wu tang solo albums", "wu tang clan solo albums"),
    ): _WU_SOLO,
    # Scenes of one city whose sound has a name of its own.
    ("hyphy", "bay area hyphy", "hyphy movement"): _BAY,
    ("new orleans bounce", "nola bounce", "bounce music"): _NOLA,  # 'bounce' alone stays southern hip hop
    ("brooklyn drill", "ny drill", "nyc drill", "new york drill", "bronx drill", "bk drill"): _BK_DRILL,
    ("chicago drill", "chiraq drill", "chi town drill", "chiraq"): _CHI_DRILL,
    # The South as a whole: its tag is on six acts ('2000s southern rap' was three songs), the playlists'
    # 'southern hip hop' on Jurassic 5 and Black Stone Cherry.
    ("southern rap", "dirty south", "dirty south rap", "down south rap", "rap from the south"): (
        *("OutKast", "UGK", "T.I.", "Ludacris", "Three 6 Mafia", "Juvenile", "Scarface", "Goodie Mob"),
        *("8Ball & MJG", "Pastor Troy", "Field Mob", "Killer Mike", "Big K.R.I.T.", "Nappy Roots", "Jeezy"),
        *("Gucci Mane", "Bun B", "Paul Wall", "Trick Daddy", "David Banner", "Lil Jon"),
    ),
}
CREW_ACTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {phrase: acts for phrases, acts in _CREWS.items() for phrase in phrases}
)
"""A crew's, label's or city scene's name -> its acts."""
CREW_SAID: Mapping[str, str] = MappingProxyType(
    {phrase: phrases[0] for phrases in _CREWS for phrase in phrases if phrase != phrases[0]}
)
"""How each spelling is said back: its first ('no limit soldiers' is said 'no limit')."""

CITY_RAP: Mapping[tuple[str, ...], tuple[str, ...]] = MappingProxyType(
    {
        ("bay area", "the bay", "oakland"): _BAY,
        ("new orleans", "nola"): _NOLA,
        ("chicago", "chi town", "chitown"): (
            *("Kanye West", "Common", "Chief Keef", "Lupe Fiasco", "Chance the Rapper", "Twista", "G Herbo"),
            *("Polo G", "Juice WRLD", "Lil Bibby"),
        ),
        ("detroit",): ("Eminem", "Big Sean", "J Dilla", "Danny Brown", "Tee Grizzley", "D12"),
        ("toronto",): ("Drake", "PARTYNEXTDOOR", "Tory Lanez", "NAV", "Majid Jordan"),
    }
)
"""More cities for `played_by`'s city rap: no catalog tag says where an act is from."""
