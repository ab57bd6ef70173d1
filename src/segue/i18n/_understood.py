"""How a request was understood, in the listener's language: one list of parts that the bot's answers and
`segue ask` both show ('like Volt · genre: house · mood: chill · era: 1980-1989')."""

from __future__ import annotations

from collections.abc import Callable

from segue.domain import Novelty, Query
from segue.text import clock

from ._genres import genre_name
from ._reasons import mood_name
from ._speaker import N_, Speaker

NOVELTY_LABEL = {Novelty.FAMILIAR: N_("familiar"), Novelty.BALANCED: N_("balanced"), Novelty.DEEP: N_("deep cuts")}
NOTHING_UNDERSTOOD = N_("nothing specific")

Clean = Callable[[str, int], str]
"""Makes a name fit to show, at most so many characters (Discord escapes and clips; a terminal shows it as is)."""


def _as_is(text: str, _limit: int) -> str:
    return text


def _range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{low:g}-{high:g}"
    if low is not None:
        return f">={low:g}"
    if high is not None:
        return f"<={high:g}"
    return ""


def _length(say: Speaker, low: int | None, high: int | None) -> str:
    """'length: up to 3:00', 'length: 2:00 to 4:00'."""
    if low is not None and high is not None:
        return say.gettext("length: {low} to {high}", low=clock(low), high=clock(high))
    if high is not None:
        return say.gettext("length: up to {time}", time=clock(high))
    return say.gettext("length: at least {time}", time=clock(low or 0))


def _era(say: Speaker, low: int | None, high: int | None) -> str:
    """'era: 1980-1989', 'era: up to 2005', 'era: from 2010 on': both bounds are years included (the engine keeps
    songs with `year_min <= year <= year_max`), so an open end reads as words, not as a dangling dash."""
    if low is not None and high is not None:
        if low == high:
            return say.gettext("era: {year}", year=str(low))
        return say.gettext("era: {low}-{high}", low=str(low), high=str(high))
    if high is not None:
        return say.gettext("era: up to {year}", year=str(high))
    return say.gettext("era: from {year} on", year=str(low))


def understood_parts(query: Query, say: Speaker, clean: Clean = _as_is) -> list[str]:
    """Each part of the reading, in `say`'s language; names pass through `clean`. Artist and track names are never
    translated; genre names are said as the language says them (`genre_name`)."""
    parts: list[str] = []
    if query.blend and len(query.seed_artists) > 1:  # 'something between taylor swift and the cure'
        acts = [clean(a.name, 80) for a in query.seed_artists[:5]]
        parts.append(say.gettext("between {first} and {last}", first=", ".join(acts[:-1]), last=acts[-1]))
    elif query.seed_artists:
        parts.append(say.gettext("like {names}", names=", ".join(clean(a.name, 80) for a in query.seed_artists[:5])))
    if query.seed_tracks:
        parts.append(say.gettext("like {names}", names=", ".join(clean(t.name, 120) for t in query.seed_tracks[:3])))
    if query.by_artists:  # 'anything by Fleetwood Mac': their own songs, not music like theirs
        parts.append(say.gettext("by {names}", names=", ".join(clean(a.name, 80) for a in query.by_artists[:5])))
    if query.genres:
        names = ", ".join(clean(genre_name(say, g), 60) for g in query.genres[:5])
        parts.append(say.gettext("genre: {names}", names=names))
    if query.examples:  # 'female rappers pls, nicki megan doja cardi': the genre's examples, whose songs may lead
        names = ", ".join(clean(a.name, 80) for a in query.examples[:5])
        parts.append(say.gettext("such as {names}", names=names))
    if query.moods:
        moods = ", ".join(clean(mood_name(say, m), 40) for m in query.moods[:5])
        parts.append(say.gettext("mood: {names}", names=moods))
    elif query.features:
        feats = [f"{clean(f.feature, 20)} {_range(f.low, f.high)}".strip() for f in query.features[:4]]
        parts.append(say.gettext("sound: {names}", names=", ".join(feats)))
    if query.topics:
        parts.append(say.gettext("about: {names}", names=", ".join(clean(t, 40) for t in query.topics[:3])))
    if query.free_to_use:
        parts.append(say.gettext("free to use (Creative Commons)"))
    if query.clean:
        parts.append(say.gettext("clean (no swearing in the title)"))
    if query.exclude_topics:
        topics = ", ".join(clean(t, 40) for t in query.exclude_topics[:3])
        parts.append(say.gettext("not about: {names}", names=topics))
    if query.year_min is not None or query.year_max is not None:
        parts.append(_era(say, query.year_min, query.year_max))
    if query.seconds_min is not None or query.seconds_max is not None:
        parts.append(_length(say, query.seconds_min, query.seconds_max))
    if query.artists_from is not None:
        parts.append(say.gettext("artists from {year} on", year=str(query.artists_from)))
    if query.sung_in is not None:
        parts.append(say.gettext("sung in {language}", language=say.language(query.sung_in)))
    if query.exclude_genres:
        names = ", ".join(clean(genre_name(say, g), 60) for g in query.exclude_genres[:3])
        parts.append(say.gettext("not {names}", names=names))
    if query.exclude_eras:  # years are said as numbers in every language
        parts.append(say.gettext("not {names}", names=", ".join(f"{lo}-{hi}" for lo, hi in query.exclude_eras[:3])))
    left_out = [*query.exclude_artists[:3], *query.exclude_tracks[:3]]
    if left_out:
        names = ", ".join(clean(ref.name, 60) for ref in left_out)
        parts.append(say.gettext("without {names}", names=names))
    if query.novelty is not Novelty.BALANCED:
        parts.append(say.gettext(NOVELTY_LABEL[query.novelty]))
    if query.surprise:
        parts.append(say.gettext("a surprise mix"))
    return parts
