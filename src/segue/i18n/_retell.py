"""The engine's English sentences (notes, errors) said again in a speaker's language.

The engine stays English (`segue ask` prints it). Its sentences follow fixed templates; `retell` matches a
sentence against them and says it from the catalog, filling the same variable parts. A fixed sentence marked `N_`
anywhere is found by itself; a sentence that matches nothing is shown as it came, never dropped.
"""

from __future__ import annotations

import re
from functools import cached_property

from ._genres import genre_names, quoted
from ._locales import DEFAULT
from ._speaker import N_, Speaker

FEW_FIT = N_("Few tracks fit {words} as well, so the rest match the request without it.")
"""Its {words} are the quoted moods (or measures) the answer let go: "'calm', 'party'", else 'the sound'."""
THE_SOUND = N_("the sound")
GENRE_SLOTS = frozenset({"asked", "excluded", "genres", "tag", "wider"})
"""Slots that hold catalog genre names, comma-joined ('I have little {asked}; ... ({wider})'); a number in one
('{found} of the {asked} you asked for') has no entry and stays as it is."""

ENGINE_TEMPLATES = (
    N_("That's all I have for this: {found} of the {asked} you asked for."),
    N_("Not used: {words} (I don't know it yet)."),
    N_("I show up to {n} tracks at a time (you asked for {asked}); Next page has more."),
    N_("You didn't name anything, so here's a mix across genres; tell me an artist, a song or a mood to steer it."),
    N_("Here's a mix across genres that keeps to what you asked; name an artist, a song or a mood to steer it."),
    N_(
        "I have no recent answer of yours here to go on from: reply to one of my answers, use the buttons under it "
        "(More like this, Less mainstream, Next page), or name the song or artist."
    ),
    N_(
        "Only Creative Commons releases: most ask for credit and no commercial use, so check each track's license "
        "before you play it on a stream or in a video."
    ),
    N_(
        "I can't hear lyrics yet, so I can't promise clean versions; I left out songs with swearing in the title. "
        "Check each one before you play it."
    ),
    N_("{names} is not in my catalog yet; these come from live music sources."),
    N_("I know this artist but not who sounds like them yet."),
    N_("Like a few tracks first (the 👍 button under any answer), then I can discover for you."),
    N_("Tell me what you'd like to hear."),
    N_("That request is too long; please keep it under {n} characters."),
    N_("I don't know the artist '{name}'."),
    N_("I don't know the track '{name}'."),
    N_("I don't know the genre '{name}'."),
    N_("I don't know the artist '{name}'. Did you mean {options}?"),
    N_("I don't know the track '{name}'. Did you mean {options}?"),
    N_("I don't know the genre '{name}'. Did you mean {options}?"),
    N_("Please give me a artist name."),
    N_("Please give me a track name."),
    N_("Please give me a genre name."),
    N_("That artist name is too long (200 max)."),
    N_("That track name is too long (200 max)."),
    N_("You're going a bit fast. Try again in {seconds} s."),
    N_("The default count must be a whole number from {low} to {high}."),
    N_("A rate limit must be a whole number from {low} to {high}."),
    N_("I can only switch off these commands: {names}."),
    N_("Language must be one of {names}."),
    N_("Something went wrong on our side. Please try again in a moment."),
    N_("I could not understand that request."),
    N_("The music catalog is not available right now."),
    N_("A music source is not answering right now; showing what I have."),
    N_("I could not save that right now. Please try again."),
    N_("You need the Manage Server permission to use this command."),
    N_("The database is not reachable right now; try again soon."),
    N_(
        "Tell me an artist, a song, a genre, a mood or an era, for example "
        "'something like Daft Punk but chill' or '80s synth-pop'."
    ),
    N_("Nothing in the catalog matches all of that. Try fewer constraints."),
    N_("I read '{name}' as {artist}; give me the exact name if you meant someone else."),
    N_("I read '{name}' as the song {track}; give me the exact title if you meant another."),
    N_("I read '{name}' as the album {album} by {artist}; give me the exact title if you meant another."),
    N_("I took '{title}' to be the song by {artist}; add the artist if you meant another one."),
    N_("I couldn't read '{words}…'. Try naming an artist, a song, a genre or a mood."),
    N_("I don't know {names}."),
    N_("I don't have the song '{title}' by {artist}; here is music like theirs."),
    N_("I don't have the song '{title}' by {artist}; here are a few of theirs and music like theirs."),
    N_("I don't know {names}. Did you mean {options}?"),
    FEW_FIT,
    N_("Some are from just outside the era you asked."),
    N_("Some are from outside the era you asked."),
    N_("Few newer acts fit all of that, so some began earlier."),
    N_("I have none of this from the era you asked, so these are from other years."),
    N_("I have little of this from the era you asked ({found} of these {total}); the rest are from other years."),
    N_("My songs run up to {year}, so these are the newest I have."),
    N_("I have little {asked}; the rest is the nearest broader genre ({wider})."),
    N_("I have little {asked}; the rest are like {names}."),
    N_("Few acts fit all of that, so some have several songs here."),
    N_("Leaving out {excluded} would leave no {asked}, so I kept it."),
    N_("I have only a few songs by {names}; the rest are like them."),
    N_("I have no songs by {names}; these are like them."),
    N_("Few songs by {names} are {genres}; the rest are like them."),
    N_("Few songs by {names} are from those years; the rest are like them."),
    N_("Few of the songs I have by {names} are little known, so some are their better-known ones."),
    N_("Few of the {genres} songs I have are little known, so some are better-known ones."),
    N_("I have no {genres} songs as such; these are like the artists listeners file under it: {names}."),
    N_("I have no {genres} songs as such; these are by and like the artists listeners file under it: {names}."),
    N_("I have no {genres} songs as such; these are like the artists known for them: {names}."),
    N_("I have no {genres} songs as such; these are by and like the artists known for them: {names}."),
    N_("I can't play the music of {title} itself; these are like the artists on it: {names}."),
    N_("I can't play the music of {title} itself; these are by and like the artists on it: {names}."),
    N_("Please type what you'd like to hear."),
    N_("That request is too long ({length} characters); keep it under {n}."),
    N_("Tell me what you'd like to hear, e.g. 'chill songs like Nujabes'."),
    N_("I have no '{typed}' as such; I read it as the nearest genre I have: {tag}."),
    N_("I don't know the word '{word}'; I took it to mean {mood}."),
    N_("These suit the '{kept}'; '{word}' on its own asks for a different sound."),
    N_("I can't yet hear how much {words} a song has; these are like the acts you named."),
    N_("I can't yet hear how much {words} a song has; these are from the years you asked."),
    N_("I can't hear lyrics yet, so songs with {words} in the title come first."),
    N_("I can't hear lyrics yet, and none of these has {words} in its title."),
    N_("I can't hear lyrics yet, so I left out songs with {words} in the title."),
    N_("{source}: similar to {name}"),
    N_("{source}: a top '{tag}' track"),
    N_("{source}: on the radio from {name}"),
    N_("I don't have the song that Spotify link points to; tell me its title and artist instead."),
    N_("I can't open links ({sites}); tell me the song's title and artist instead."),
    N_("Blend for {names}"),
    N_("Recommendations · page {page}"),
    N_("A blend needs {low} to {high} different members."),
    N_("No likes yet from {names}, so the blend leans on the others. 👍 a few tracks!"),
    N_("Not in this server: {names}. I only compare and blend the tastes of its members."),
    N_("{name} keeps their taste private, so I can't compare it with yours."),
    N_("{names} keeps their taste private, so it stays out of blends. Try the blend without them."),
    N_("{names} keep their tastes private, so they stay out of blends. Try the blend without them."),
)
"""English sentences with variable parts (named) that the engine, the state store, the error tree and
`bot.answers` produce. A fixed sentence marked `N_` anywhere is found by itself; a sentence that matches
nothing is shown as it came (English), never dropped."""

_SLOT = re.compile(r"\\\{(\w+)\\\}")
_SLOT_TEXT = re.compile(r"\{\w+\}")


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile("^" + _SLOT.sub(lambda m: f"(?P<{m[1]}>.+?)", re.escape(template)) + "$", re.DOTALL)


class Retelling:
    """Matches an English sentence against the templates and says it in a speaker's language."""

    def __init__(self, templates: tuple[str, ...] = ENGINE_TEMPLATES) -> None:
        self._templates = templates

    @cached_property
    def _patterns(self) -> list[tuple[str, re.Pattern[str]]]:
        """Compiled on the first sentence retold, not at import: ~70 patterns every `segue` command would pay."""
        # The most literal template first: "I don't know {names}." also matches "I don't know the word 'X'; I took
        # it to mean Y.", which then came out half translated ("Não conheço the word 'X'; I took it...").
        ordered = sorted(self._templates, key=lambda t: -len(_SLOT_TEXT.sub("", t)))
        return [(template, _pattern(template)) for template in ordered]

    def __call__(self, say: Speaker, text: str) -> str:
        named = say.commands or _as_is  # the commands a sentence names, as the reader's client lists them
        if say.locale == DEFAULT:
            return named(text)
        exact = say.translations.gettext(text)
        if exact != text:
            return named(exact)
        for template, pattern in self._patterns:
            found = pattern.match(text)
            if found is not None:
                return say.gettext(template, **_said_slots(say, template, found.groupdict()))
        return named(text)


def _said_slots(say: Speaker, template: str, slots: dict[str, str]) -> dict[str, str]:
    """The variable parts said as the member says them: mood labels ('rainy'), genre names ('spanish indie' ->
    'indie español'), the moods a note quotes; names and the member's own words stay as they came."""
    if "mood" in slots:
        slots["mood"] = say.pgettext("mood", slots["mood"])
    for slot in GENRE_SLOTS & slots.keys():
        slots[slot] = genre_names(say, slots[slot])
    if template == FEW_FIT:
        slots["words"] = _moods_quoted(say, slots["words"])
    return slots


def _moods_quoted(say: Speaker, words: str) -> str:
    """Quoted moods: "'calm', 'party'" -> "«tranquilo» y «fiesta»"; 'the sound' said in the language."""
    if words == THE_SOUND:
        return say.gettext(THE_SOUND)
    labels = [w.strip().strip("'") for w in words.split("', '")]
    return say.join(quoted(say, say.pgettext("mood", label)) for label in labels)


def _as_is(text: str) -> str:
    return text


retell = Retelling()
"""The one retelling of English sentences (a table of patterns, compiled on first use; no other state)."""
