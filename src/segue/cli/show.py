"""How `segue ask`, `segue similar` and `segue console` print an answer for a person at an 80-column terminal.

One line of what was understood, in words; a table of the picks whose cells wrap; then each link on a line of its
own (a link broken across table lines can no longer be clicked or copied). `--json` bypasses all of this.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from babel import Locale
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from segue.domain import Answer, ArtistAnswer, Recommendation
from segue.i18n import DEFAULT, N_, NOTHING_UNDERSTOOD, Speaker, reason_text, retell, understood_parts
from segue.text import clock

EXAMPLES = (
    N_("something like Daft Punk but chill"),
    N_("upbeat 80s synthpop"),
    N_("sad acoustic songs from the 70s"),
    N_("deep cuts like Radiohead"),
)
"""Offered when nothing in a request was understood: requests the parser is known to read, in the member's language
(a Portuguese request got 'Não conheço ...' and then English examples)."""
NOT_UNDERSTOOD = N_("I didn't understand any of that as music. Try, for example:")
NOVELTY_WORDS = {"familiar": "well known", "deep": "deep cuts"}


def _names(values: Any) -> list[str]:
    return [str(v) for v in values or ()]


def _era(era: Any) -> str | None:
    if not isinstance(era, Sequence) or len(era) != 2:
        return None
    low, high = era
    if low is not None and high is not None and high - low == 9 and low % 10 == 0:
        return f"the {low}s"
    if low is not None and high is not None:
        return f"{low} to {high}" if low != high else str(low)
    return f"from {low}" if low is not None else f"until {high}"


def understood_line(interp: Mapping[str, Any]) -> str | None:
    """'like Depeche Mode · synthpop · upbeat · the 1980s · not metal · without Madonna', or None for nothing."""
    parts: list[str] = []
    seeds = _names(interp.get("seed_artists")) + _names(interp.get("seed_tracks"))
    acts = _names(interp.get("seed_artists"))
    if interp.get("blend") and len(acts) > 1:  # 'something between taylor swift and the cure'
        parts.append(f"between {', '.join(acts[:-1])} and {acts[-1]}")
        seeds = _names(interp.get("seed_tracks"))
    if seeds:
        parts.append("like " + ", ".join(seeds))
    if interp.get("by_artists"):
        parts.append("by " + ", ".join(_names(interp["by_artists"])))
    parts += _names(interp.get("genres"))
    if interp.get("examples"):
        parts.append("such as " + ", ".join(_names(interp["examples"])))
    parts += _names(interp.get("moods"))
    if interp.get("topics"):
        parts.append("about " + ", ".join(_names(interp["topics"])))
    if interp.get("free_to_use"):
        parts.append("free to use (Creative Commons)")
    if interp.get("clean"):
        parts.append("clean (no swearing in the title)")
    if interp.get("exclude_topics"):
        parts.append("not about " + ", ".join(_names(interp["exclude_topics"])))
    era = _era(interp.get("era"))
    if era:
        parts.append(era)
    if interp.get("artists_from"):
        parts.append(f"artists from {interp['artists_from']} on")
    if interp.get("sung_in"):
        parts.append(f"sung in {Locale.parse(DEFAULT).languages.get(interp['sung_in'], interp['sung_in'])}")
    seconds = interp.get("seconds")
    if isinstance(seconds, Sequence) and len(seconds) == 2:
        low, high = (clock(s) if isinstance(s, int) else None for s in seconds)
        parts.append(f"{low} to {high}" if low and high else f"up to {high}" if high else f"at least {low}")
    if interp.get("exclude_genres"):
        parts.append("not " + ", ".join(_names(interp["exclude_genres"])))
    eras = interp.get("exclude_eras")
    if isinstance(eras, Sequence) and eras:
        parts.append("not " + ", ".join(f"{e[0]}-{e[1]}" for e in eras if isinstance(e, Sequence) and len(e) == 2))
    if interp.get("exclude_artists"):
        parts.append("without " + ", ".join(_names(interp["exclude_artists"])))
    if interp.get("exclude_tracks"):
        parts.append("without " + ", ".join(_names(interp["exclude_tracks"])))
    novelty = NOVELTY_WORDS.get(str(interp.get("novelty")))
    if novelty:
        parts.append(novelty)
    if interp.get("surprise"):
        parts.append("a surprise mix")
    return " · ".join(parts) or None


UNDERSTOOD, SOURCES, LISTEN = N_("Understood:"), N_("Sources:"), N_("Listen:")
TRACK, WHY = N_("Track"), N_("Why")


def _listen(rec: Recommendation) -> str | None:
    links = rec.links
    return links.mp3 or links.spotify or links.deezer or links.youtube


def _not_understood(console: Console, say: Speaker | None) -> None:
    def text(message: str) -> str:
        return say.gettext(message) if say is not None else message

    console.print(escape(text(NOT_UNDERSTOOD)))
    for example in EXAMPLES:
        console.print(f'  segue ask "{escape(text(example))}"')


def print_answer(answer: Answer, console: Console, say: Speaker | None = None) -> None:
    """What was understood, the picks as a table (title and artist, why), then one link per line; in `say`'s
    language when it is not English (names and titles are never translated)."""
    local = say if say is not None and say.locale != DEFAULT else None
    if local is None:
        line = understood_line(answer.query.interpretation())
        notes, reasons = list(answer.notes), [[r.text for r in rec.reasons] for rec in answer.results]
        word = {m: m for m in (UNDERSTOOD, SOURCES, LISTEN, TRACK, WHY, NOTHING_UNDERSTOOD)}
    else:
        line = " · ".join(understood_parts(answer.query, local)) or None
        notes = [retell(local, note) for note in answer.notes]
        reasons = [[reason_text(local, r) for r in rec.reasons] for rec in answer.results]
        word = {m: local.gettext(m) for m in (UNDERSTOOD, SOURCES, LISTEN, TRACK, WHY, NOTHING_UNDERSTOOD)}
    if line or answer.results:
        console.print(f"[bold]{escape(word[UNDERSTOOD])}[/bold] {escape(line or word[NOTHING_UNDERSTOOD])}")
    for note in notes:
        console.print(f"[yellow]{escape(note)}[/yellow]")
    sources = [f"{name} {outcome}" for name, outcome in answer.sources.items() if outcome != "disabled"]
    if sources:
        degraded = " (degraded: answered from what did answer)" if answer.degraded else ""
        console.print(f"[dim]{escape(word[SOURCES])} {escape(', '.join(sources))}{degraded}[/dim]")
    if not answer.results:
        if line is None and not answer.query.notes_say_why:  # 'like <a name I lack>' is said in its note
            _not_understood(console, local)
        return
    table = Table(show_lines=True, expand=False, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(word[TRACK], ratio=1, min_width=20)
    table.add_column(word[WHY], ratio=1, min_width=20)
    for pos, (rec, why) in enumerate(zip(answer.results, reasons, strict=True), 1):
        year = f" ({rec.track.year})" if rec.track.year else ""
        track = f"[bold]{escape(rec.track.title)}[/bold]\n{escape(', '.join(rec.track.artists))}{year}"
        table.add_row(str(pos), track, escape("\n".join(why)))
    console.print(table)
    links = [(pos, url) for pos, rec in enumerate(answer.results, 1) if (url := _listen(rec))]
    if links:
        console.print(word[LISTEN])
        for pos, url in links:
            console.print(f"{pos:>3}. {url}", soft_wrap=True, highlight=False)


def print_artists(answer: ArtistAnswer, console: Console) -> None:
    """Similar artists as a table that fits the terminal."""
    for note in answer.notes:
        console.print(f"[yellow]{escape(note)}[/yellow]")
    table = Table(title=f"Artists like {escape(answer.seed.name)}", show_lines=True, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Artist", ratio=1, min_width=16)
    table.add_column("Why", ratio=2, min_width=20)
    for pos, rec in enumerate(answer.results, 1):
        table.add_row(str(pos), escape(rec.artist.name), escape("\n".join(r.text for r in rec.reasons)))
    console.print(table)
