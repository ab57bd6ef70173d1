"""Britain's Black music scenes, read as their acts: UK rap, afroswing, UK garage and lovers rock. No catalog tag
says an act is British (Stormzy's are 'hip hop, rap'), and the tags these scenes have sit on a few netlabel songs,
so 'uk rap' was read as rap at large (Skepta twice, then M.I.A., Fatboy Slim and Gorillaz) and 'uk garage classics'
as two 2008 dubstep songs (set AU in EVALUATION.md).

A curated lexicon like `crews`, merged into `played_by.PLAYED_BY`; only the acts the catalog has count.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["UK_CITIES", "UK_RAP", "UK_SAID", "UK_SCENES", "UK_SCENES_OVER_A_STRAY_TAG"]

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
UK_SCENES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        **dict.fromkeys(_AFROSWING_WORDS, _AFROSWING),
        **dict.fromkeys(_UK_GARAGE_WORDS, _UK_GARAGE),
        **dict.fromkeys(("lovers rock", "lovers rock reggae"), _LOVERS_ROCK),
    }
)
"""Scene -> its acts."""
UK_SAID: Mapping[str, str] = MappingProxyType(
    dict.fromkeys(_UK_GARAGE_WORDS, "uk garage") | dict.fromkeys(_AFROSWING_WORDS, "afroswing")
)
"""How each spelling is said back, and the genre its acts keep beside them ('ukg' is UK garage)."""
UK_SCENES_OVER_A_STRAY_TAG = frozenset({"uk garage"})
"""Read through their acts alone although the catalog has a tag of theirs, a stray one: 'uk garage' sits on two
netlabel dubstep songs."""
