"""Genres and uses a Spotify playlist's own name states: a curator's label for every song in it.

The dataset files each playlist under one of six genres and a subgenre ('rap', 'hip hop'), yet its name often says
more: "Saxophone in Hip Hop - R&B Lounge - Jazz Rap", "City Pop 1985 シティーポップ", "K-Party Dance Mix", "Sad
Trap". Without them "jazz rap" found rap and "k-pop" four songs while the catalog held a hundred of each. Only the
phrases below count, matched as whole words in the normalized name: a curated list, because most of a name is
mood, year or branding ("Todo Éxitos", "Big Room Beast"). Genres the dataset's own subgenre field already gives
(trap, reggaeton, neo soul, gangster rap, new jack swing) are left to it, so they are not counted twice. A
country in a name ('Trapperz Brasil', 'Gangster Rap Deutsch') is left out too: it made trap the answer to "relaxing
Brazilian songs" over the MPB listeners call Brazilian. Japan is the exception, because nothing else in the data
says a J-pop or city pop song is Japanese.
"""

from __future__ import annotations

import re

from segue.text import normalize_name

PHRASES: dict[str, str] = {
    phrase.strip(): tag.strip()
    for line in """
    city pop=city pop|jazz rap=jazz rap|sad trap=sad trap|electro swing=electro swing|lofi=lo-fi|lo fi=lo-fi|
    lofi hip hop=lo-fi hip hop|alternative hip hop=alternative hip hop|smooth hip hop=jazzy hip hop|
    chicano rap=chicano rap|dirty south=dirty south|crunk=crunk|synthwave=synthwave|
    synth pop=synth pop|new wave=new wave|futurepop=futurepop|ebm=ebm|gothic=gothic|industrial=industrial|
    post hardcore=post-hardcore|pop punk=pop punk|grunge=grunge|britpop=britpop|garage rock=garage rock|
    blues rock=blues rock|soft rock=soft rock|progressive rock=progressive rock|progressive metal=progressive metal|
    rock ballads=rock ballad|tropical house=tropical house|vocal house=vocal house|deep house=deep house|
    tech house=tech house|future house=future house|melbourne bounce=melbourne bounce|trance=trance|
    freestyle=freestyle|disco=disco|funk=funk|soul=soul|gospel=gospel|christian=christian|
    christmas=christmas|bluegrass=bluegrass|sertanejo=sertanejo|dancehall=dancehall|soca=soca|lounge=lounge|
    modern jazz=modern jazz|acid jazz=acid jazz
    """.replace("\n", "").split("|")
    if "=" in line
    for phrase, tag in [line.split("=", 1)]
}
"""Normalized phrase in a playlist name -> the tag its songs get."""

USES: dict[str, str] = {
    phrase.strip(): tag.strip()
    for line in """
    workout=workout|workouts=workout|gym=workout|cardio=workout|fitness=workout|warmup=workout|warm up=workout|
    drive=road trip|road trip=road trip|party=party|love songs=love songs|ballads=love songs|
    summer=summer|morning=morning|chill=chill|chillout=chill|
    sing alongs=sing along|singalong=sing along|sing along=sing along
    """.replace("\n", "").split("|")
    if "=" in line
    for phrase, tag in [line.split("=", 1)]
}
"""Normalized phrase -> the mood or activity tag a playlist name gives its songs ('Hard Rock Workout', 'Classic
Rock Drive', 'Sad Trap'): a curator's word that the song is *used* that way, which the
Last.fm tags of 2011 hold for few of today's artists. The tags are the mood words `engine.mood_tags` reads."""

MAX_USE_WORDS = 10
"""A name with more words than this is a keyword list ('Charts 2020 🔥Top 2020🔥Hits 2020🔥Summer 2020🔥...Sing
Alongs'): its 'summer' and 'sing alongs' are search bait, not what the songs are for."""

_SCRIPT = {"シティーポップ": "city pop"}
"""Phrases in other scripts, matched in the raw name (normalization transliterates nothing)."""

_KANA = re.compile(r"[\u3040-\u30ff]")
"""Hiragana or katakana in a name: a Japanese playlist ('City Pop 1985 シティーポップ')."""
_HANGUL = re.compile(r"[\uac00-\ud7af]")
"""Hangul in a name: a Korean playlist."""

_K_PREFIX = re.compile(r"(?<![\w-])K-(?!pop\b)[A-Za-z]+")
"""'K-Party', 'K-Crazy': the K- prefix names Korean pop (K-pop itself matches as a phrase)."""

_ORIGIN = re.compile(r"(?i)\bjapan(?:ese)?\b")
"""'Dance Pop: Japan', 'Japanese Funk/Soul/...': where the songs come from, not one more genre in a list."""

MAX_LISTED = 2
"""A name listing more genres ('House/Electro/Progressive/Disco/Lofi/Synthwave', 'Hot Latino Mix (Latin, Hip Hop,
Rap, RnB, Dancehall, Reggeaton, Afro)') files no song under each: Luther Vandross's 'Never Too Much' came first for
"synthwave", Pitbull for "danceable afrobeat". Such names state no genre (where their songs come from still counts)."""

_PATTERN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, PHRASES), key=len, reverse=True)) + r")\b")
_USE_PATTERN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, USES), key=len, reverse=True)) + r")\b")


def _unglued(name: str) -> str:
    """'HipHop', 'Hip-Hop' and 'Lo-Fi' as separate words before normalizing."""
    return re.sub(r"(?i)hip[\s-]?hop", "hip hop", name).replace("-", " ")


def name_genres(name: str) -> list[str]:
    """The tags a playlist name states, each once, in the order they appear."""
    found: list[str] = []
    for phrase, tag in _SCRIPT.items():
        if phrase in name:
            found.append(tag)
    if _KANA.search(name) or _ORIGIN.search(name):
        found.append("japanese")
    if _HANGUL.search(name):
        found.append("korean")
    if _K_PREFIX.search(name) or re.search(r"(?i)\bk-?pop\b", name):
        found.append("k-pop")
    listed = list(dict.fromkeys(PHRASES[m.group(1)] for m in _PATTERN.finditer(normalize_name(_unglued(name)))))
    items = [part for part in re.split(r"[,/|]+", name) if part.strip()]
    if len(listed) <= MAX_LISTED and len(items) <= MAX_LISTED:
        found += listed
    return list(dict.fromkeys(found))


def name_uses(name: str) -> list[str]:
    """The moods and uses a playlist name states ('Rap Workout' -> workout), each once, in the order they appear."""
    text = normalize_name(_unglued(name))
    if sum(word.isalpha() for word in text.split()) > MAX_USE_WORDS:
        return []
    return list(dict.fromkeys(USES[m.group(1)] for m in _USE_PATTERN.finditer(text)))
