"""Everything the bot shows goes through here: one embed builder that enforces Discord's limits, and one escaper.

Catalog titles and user text are untrusted: a track called "@everyone" or "**[click](evil)**" must render as the
literal text and ping nobody. `safe()` escapes markdown and neutralizes mentions in every such string; the
builder then clips each part to Discord's limits (title 256, description 4096, 25 fields, field name 256, field
value 1024, footer 2048, author 256, 6000 in total per message, 10 embeds) so a send never fails with 50035.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from gettext import NullTranslations

import discord

from segue.domain import Answer, ArtistAnswer, Links, Query, Recommendation
from segue.i18n import (
    N_,
    NOTHING_UNDERSTOOD,
    NOVELTY_LABEL,
    Speaker,
    genre_name,
    reason_text,
    retell,
    understood_parts,
)
from segue.text import strip_control

TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
AUTHOR_MAX = 256
TOTAL_MAX = 6000
EMBEDS_MAX = 10
CONTENT_MAX = 2000
URL_MAX = 512
"""Longer links (search URLs of very long titles) are left out rather than cut mid-URL."""

ELLIPSIS = "…"
ZWSP = "\u200b"
COLOR = 0x1DB954
ERROR_COLOR = 0xE0533D

_SPACES = re.compile(r"\s+")
# Inline markup anywhere; block markup (quote, heading, list, subtext) where a line starts.
_MARKUP = re.compile(r"[\\*_~|`\[]|^[>#-]", re.MULTILINE)
# Anything Discord could read as a ping: @everyone / @here in any case, <@id>, <@!id>, <@&id> with any digit count
# (a superset of discord.py's `escape_mentions`, which covers only 17-20 digit ids and lower case).
_PING = re.compile(r"@(?=(?:everyone|here)|[!&]?\d)", re.IGNORECASE)
SAFE_MEMO = 16_384
"""Display strings `safe` keeps (titles, names and reasons recur from answer to answer; BENCHMARKS.md, bot)."""


def neutralize(text: str) -> str:
    """Break every mention pattern with a zero-width space; idempotent, never lengthens by more than 1 per '@'."""
    return _PING.sub("@" + ZWSP, text) if "@" in text else text


def escape(text: str) -> str:
    """Escape every markdown control character, wherever it stands.

    discord.py's `escape_markdown` escapes a '*' only when another follows and takes a masked link greedily up to
    the last ')', so two escaped strings joined in one message can turn live again ('**' + '[x](url)'). Escaping
    each character on its own composes: `escape(a) + escape(b)` is as inert as each part.
    """
    return _MARKUP.sub(r"\\\g<0>", text)


def safe(text: object, limit: int | None = None) -> str:
    """An untrusted string as inert, single-line display text: no markdown, no mentions, no control chars."""
    return _safe(str(text), limit)


@functools.lru_cache(maxsize=SAFE_MEMO)
def _safe(text: str, limit: int | None) -> str:
    clean = _SPACES.sub(" ", strip_control(text)).strip()
    out = neutralize(escape(clean))
    return clip(out, limit) if limit is not None else out


def clip(text: str, limit: int) -> str:
    """At most `limit` characters; a cut ends in an ellipsis, never in a dangling escape backslash."""
    if len(text) <= limit:
        return text
    if limit <= 1:
        return text[:limit]
    cut = text[: limit - 1]
    # Prefer the last line break in the final quarter, so a link or a bold run is not cut in half.
    newline = cut.rfind("\n")
    if newline >= limit * 3 // 4:
        cut = cut[:newline]
    return cut.rstrip("\\ ") + ELLIPSIS


@dataclass(slots=True)
class EmbedBuilder:
    """Collects parts as display text (already `safe()` where untrusted) and builds a valid `discord.Embed`."""

    title: str = ""
    description: str = ""
    color: int = COLOR
    url: str | None = None
    footer: str = ""
    author: str = ""
    fields: list[tuple[str, str, bool]] = field(default_factory=list)
    say: Speaker | None = None
    """Who speaks the builder's own words (the note on fields left out); English when None."""

    def add_field(self, name: str, value: str, *, inline: bool = False) -> EmbedBuilder:
        self.fields.append((name, value, inline))
        return self

    def size(self) -> int:
        return len(self.title) + len(self.description) + len(self.footer) + len(self.author)

    def build(self, budget: int = TOTAL_MAX) -> discord.Embed:
        """The embed, clipped so every part and the whole fit; fields that do not fit are dropped with a note."""
        budget = min(budget, TOTAL_MAX)
        title = clip(neutralize(self.title), min(TITLE_MAX, max(0, budget)))
        budget -= len(title)
        author = clip(neutralize(self.author), min(AUTHOR_MAX, max(0, budget)))
        budget -= len(author)
        footer = clip(neutralize(self.footer), min(FOOTER_MAX, max(0, budget)))
        budget -= len(footer)
        description = clip(neutralize(self.description), min(DESCRIPTION_MAX, max(0, budget)))
        budget -= len(description)
        embed = discord.Embed(
            title=title or None, description=description or None, color=self.color, url=self.url or None
        )
        if author:
            embed.set_author(name=author)
        if footer:
            embed.set_footer(text=footer)
        kept = 0
        for name, value, inline in self.fields[:FIELDS_MAX]:
            name_text = clip(neutralize(name), FIELD_NAME_MAX) or ZWSP
            room = budget - len(name_text)
            if room < 16:
                break
            value_text = clip(neutralize(value), min(FIELD_VALUE_MAX, room)) or ZWSP
            embed.add_field(name=name_text, value=value_text, inline=inline)
            budget -= len(name_text) + len(value_text)
            kept += 1
        dropped = len(self.fields) - kept
        if dropped and embed.footer.text is not None and budget > 40:
            said = self.say or Speaker("en", NullTranslations())
            note = " · " + said.ngettext("{n} more not shown", "{n} more not shown", dropped)
            embed.set_footer(text=clip(embed.footer.text + note, min(FOOTER_MAX, len(embed.footer.text) + budget)))
        return embed


def embed_size(embed: discord.Embed) -> int:
    """Characters Discord counts toward the 6000 limit."""
    size = len(embed.title or "") + len(embed.description or "")
    size += len(embed.footer.text or "") + len(embed.author.name or "")
    return size + sum(len(f.name or "") + len(f.value or "") for f in embed.fields)


def fit_embeds(embeds: Sequence[discord.Embed]) -> list[discord.Embed]:
    """At most 10 embeds and 6000 characters over all of them (Discord's per-message rule)."""
    out: list[discord.Embed] = []
    total = 0
    for embed in embeds[:EMBEDS_MAX]:
        size = embed_size(embed)
        if total + size > TOTAL_MAX:
            break
        out.append(embed)
        total += size
    return out


def content(text: str) -> str:
    """Plain message content from trusted text: mentions neutralized and clipped to 2000."""
    return clip(neutralize(text), CONTENT_MAX)


# -- answers ------------------------------------------------------------------------------------------------------


def understood(query: Query, say: Speaker) -> str:
    """How a request was understood, compactly: 'like Volt · genre: house · mood: chill · era: 1980-1989'."""
    return " · ".join(understood_parts(query, say, safe)) or say.gettext(NOTHING_UNDERSTOOD)


NOT_UNDERSTOOD = N_(
    "I didn't understand that as music. Try, for example: *something like Daft Punk but chill*, "
    "*upbeat 80s synthpop* or *sad acoustic songs from the 70s*."
)
"""Said under an empty answer to a request none of whose words were understood, instead of guessing."""


SOURCE_LABEL = {
    "local": "Segue",
    "lastfm": "Last.fm",
    "listenbrainz": "ListenBrainz",
    "deezer": "Deezer",
    "musicbrainz": "MusicBrainz",
    "spotify": "Spotify",
    "llm": "LLM",
    "community": N_("Segue members"),
}


def source_label(source: str, say: Speaker) -> str:
    """'lastfm+local' -> 'Last.fm + Segue' (provenance shown under a track that live sources found)."""
    return " + ".join(say.gettext(SOURCE_LABEL.get(part, part)) for part in source.split("+") if part)


def sources_line(answer: Answer, say: Speaker) -> str:
    """Footer note on live sources: which answered, and a plain word when the answer is degraded."""
    used = [
        say.gettext(SOURCE_LABEL.get(name, name))
        for name, outcome in answer.sources.items()
        if outcome in {"ok", "cached"}
    ]
    if answer.degraded:
        return say.gettext("some music sources are slow right now; answered from Segue's own catalog")
    return say.gettext("with {names}", names=say.join(used)) if used else ""


def links_line(links: Links, say: Speaker) -> str:
    pairs = (
        ("Spotify", links.spotify),
        ("YouTube", links.youtube),
        ("Deezer", links.deezer),
        ("MP3", links.mp3),
        (say.gettext("30 s preview"), links.preview),
    )
    shown = [f"[{label}]({url})" for label, url in pairs if url and len(url) <= URL_MAX and url.startswith("http")]
    return " · ".join(shown)


def track_heading(position: int, rec: Recommendation) -> str:
    track = rec.track
    year = f" ({track.year})" if track.year else ""
    return f"{position}. {safe(track.title, 150)} — {safe(', '.join(track.artists), 80)}{year}"


def track_body(rec: Recommendation, say: Speaker, *, for_whom: str | None = None) -> str:
    reasons = "; ".join(safe(reason_text(say, r), 200) for r in rec.reasons[:3]) or say.gettext("a good match")
    if rec.source not in {"", "local"}:
        reasons += " · " + say.gettext("via {source}", source=source_label(rec.source, say))
    lines = [say.gettext("for **{who}** · {reasons}", who=safe(for_whom, 80), reasons=reasons) if for_whom else reasons]
    links = links_line(rec.links, say)
    if links:
        lines.append(links)
    return "\n".join(lines)


def heading(answer: Answer, say: Speaker, basis: str | None = None) -> list[str]:
    """The lines above an answer's tracks: how the request was read, its notes, and the examples when nothing in
    it was music. /discover and /blend read no request: `basis` says what they come from instead, and an answer
    whose reading is empty but which has tracks (a page of one) claims no reading at all."""
    said = understood(answer.query, say)
    read = said != say.gettext(NOTHING_UNDERSTOOD)
    if basis is not None:
        lines = [say.gettext(basis)]
    elif read or not answer.results:
        lines = [say.gettext("*Understood as:* {said}", said=said)]
    else:
        lines = []
    lines += [f"> {safe(retell(say, note), 400)}" for note in answer.notes if note]
    asked = answer.query.notes_say_why or basis is not None
    if not answer.results and not read and not asked:
        lines.append(say.gettext(NOT_UNDERSTOOD))
    return lines


def answer_embed(
    answer: Answer,
    *,
    title: str,
    say: Speaker,
    page: int = 0,
    for_whom: Sequence[str] | None = None,
    first_position: int = 1,
    basis: str | None = None,
) -> discord.Embed:
    """An answer: what was understood (or `basis`, what an answer to no request comes from: '*From your likes*'),
    notes, then one field per track (title, artists, year, reason, links)."""
    lines = heading(answer, say, basis)
    builder = EmbedBuilder(title=safe(title, TITLE_MAX), description="\n".join(lines), say=say)
    for offset, rec in enumerate(answer.results):
        who = for_whom[offset] if for_whom is not None and offset < len(for_whom) else None
        builder.add_field(track_heading(first_position + offset, rec), track_body(rec, say, for_whom=who))
    novelty = say.gettext(NOVELTY_LABEL[answer.query.novelty])
    builder.footer = say.gettext(
        "Page {page} · {novelty} · pick a track below to rate it", page=page + 1, novelty=novelty
    )
    if not answer.results:
        builder.footer = f"{novelty} · Segue"
    live = sources_line(answer, say)
    if live:
        builder.footer += f" · {live}"
    return builder.build()


def artists_embed(answer: ArtistAnswer, say: Speaker) -> discord.Embed:
    """Artists similar to a seed artist, with reasons and links."""
    builder = EmbedBuilder(
        title=clip(say.gettext("Artists like {name}", name=safe(answer.seed.name, 200)), TITLE_MAX),
        description="\n".join(f"> {safe(retell(say, n), 400)}" for n in answer.notes),
        say=say,
    )
    for pos, rec in enumerate(answer.results, 1):
        # Tags a reason already names ("shares tags with X: neo soul, r&b") are not listed again under it.
        said = {part.strip() for r in rec.reasons[:2] for part in re.split(r"[:;,(]", r.text.lower())}
        genres = ", ".join(safe(genre_name(say, g), 40) for g in rec.artist.genres[:3] if g.lower() not in said)
        shown = "; ".join(safe(reason_text(say, r), 200) for r in rec.reasons[:2])
        reasons = shown or say.gettext("similar listeners")
        body = "\n".join(x for x in (reasons, f"*{genres}*" if genres else "", links_line(rec.links, say)) if x)
        builder.add_field(f"{pos}. {safe(rec.artist.name, 200)}", body)
    builder.footer = say.gettext("Segue · /recommend artist:<name> for tracks")
    return builder.build()


def notice_embed(title: str, text: str, *, error: bool = False) -> discord.Embed:
    """A short message (help, errors, admin output) from trusted text."""
    return EmbedBuilder(title=title, description=text, color=ERROR_COLOR if error else COLOR).build()


def table(rows: Iterable[tuple[str, object]]) -> str:
    """`key: value` lines for status output (values made safe)."""
    return "\n".join(f"**{key}:** {safe(value, 300)}" for key, value in rows)
