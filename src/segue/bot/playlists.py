"""A member's liked tracks as a playlist file: JSPF (ListenBrainz), M3U (with the Creative Commons MP3s), CSV.

Pure functions over plain data, tested without Discord. Every title and name is untrusted text that ends up in
a file someone opens elsewhere, so each format defends itself: JSON escaping for JSPF, one line per entry in
M3U (line breaks in a title could add entries), and no live formulas in CSV (a cell starting with = + - @ is
read as a formula by spreadsheets, the "CSV injection" of OWASP; such cells get a leading apostrophe).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from segue.domain import Track
from segue.providers.links import track_links

PlaylistFormat = Literal["jspf", "m3u", "csv"]
FORMATS: tuple[PlaylistFormat, ...] = ("jspf", "m3u", "csv")
CSV_HEADER = ("title", "artist", "album", "year", "link", "mp3", "segue_id")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP's list)."""
_LINE_BREAKS = re.compile(r"[\r\n\x00-\x1f\x7f\u2028\u2029]+")


@dataclass(frozen=True, slots=True)
class Entry:
    """One liked track as every format needs it: names, where to listen, and a direct MP3 when licensed."""

    title: str
    artist: str
    album: str | None
    year: int | None
    link: str
    """The Creative Commons MP3 when there is one, else the track's Spotify link (or a Spotify search)."""
    mp3: str | None
    track_id: str


def entry(track: Track) -> Entry:
    """A catalog track as a playlist entry (links from `providers.links`, the same ones answers show)."""
    links = track_links(track)
    link = links.mp3 or links.spotify or links.youtube or ""
    return Entry(
        title=track.title,
        artist=", ".join(track.artists),
        album=track.album,
        year=track.year,
        link=link,
        mp3=links.mp3,
        track_id=track.id,
    )


def one_line(text: str) -> str:
    """Text on one line: control characters and line breaks become a space (an M3U entry is one line)."""
    return _LINE_BREAKS.sub(" ", text).strip()


def spreadsheet_safe(cell: str) -> str:
    """A cell no spreadsheet evaluates: a leading apostrophe when it starts like a formula."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def to_jspf(entries: Sequence[Entry], *, title: str, creator: str, date: datetime) -> bytes:
    """JSPF (https://xspf.org/jspf), as ListenBrainz imports it: identifiers are the tracks' links."""
    tracks = []
    for e in entries:
        track: dict[str, object] = {"title": e.title, "creator": e.artist, "identifier": [e.link]}
        if e.album:
            track["album"] = e.album
        if e.mp3:
            track["location"] = [e.mp3]
        tracks.append(track)
    doc = {"playlist": {"title": title, "creator": creator, "date": date.isoformat(), "track": tracks}}
    return json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8")


def to_m3u(entries: Sequence[Entry], *, title: str) -> bytes:
    """Extended M3U: `#EXTINF:-1,Artist - Title`, then the MP3 (Creative Commons) or the track's link."""
    lines = ["#EXTM3U", f"#PLAYLIST:{one_line(title)}"]
    for e in entries:
        lines.append(f"#EXTINF:-1,{one_line(e.artist)} - {one_line(e.title)}")
        lines.append(one_line(e.link))
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_csv(entries: Sequence[Entry]) -> bytes:
    """CSV with a header row, quoted by the csv module, every cell formula-safe; UTF-8 with a BOM for Excel."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for e in entries:
        cells = (e.title, e.artist, e.album or "", "" if e.year is None else str(e.year), e.link, e.mp3 or "")
        writer.writerow([spreadsheet_safe(c) for c in (*cells, e.track_id)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def playlist_file(
    fmt: PlaylistFormat, entries: Sequence[Entry], *, title: str, creator: str, date: datetime
) -> tuple[str, bytes]:
    """(file name, content) of the playlist in one of `FORMATS`."""
    if fmt == "jspf":
        return "segue-likes.jspf", to_jspf(entries, title=title, creator=creator, date=date)
    if fmt == "m3u":
        return "segue-likes.m3u", to_m3u(entries, title=title)
    return "segue-likes.csv", to_csv(entries)
