"""Persistent buttons and menus (`discord.ui.DynamicItem`): the state rides in the custom_id, so they survive restarts.

Under an answer: a menu to pick one track (which opens a private panel with 👍 👎 🙋 🚫 and "more like this"),
then "More like #1", "Less mainstream" and "Next page". Each item only parses its id and hands over to
`ButtonActions` (buttons.py), which answers within Discord's 3 s and routes errors to the one error handler.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Protocol, Self, cast

import discord

from segue.bot import render
from segue.bot.answers import Reply
from segue.bot.custom_ids import (
    DEEPER_TEMPLATE,
    FEEDBACK_TEMPLATE,
    MORE_TEMPLATE,
    PAGE_MAX,
    PAGE_TEMPLATE,
    PICK_TEMPLATE,
    DeeperId,
    FeedbackId,
    FeedbackKind,
    MoreId,
    PageId,
    PickId,
    valid_track_id,
)
from segue.bot.render import clip, neutralize
from segue.domain import Novelty, Track
from segue.text import strip_control

if TYPE_CHECKING:
    from segue.bot.buttons import ButtonActions

SELECT_LABEL_MAX = 100
FEEDBACK_LOOK: dict[FeedbackKind, tuple[str, str, discord.ButtonStyle]] = {
    "like": ("Like", "👍", discord.ButtonStyle.success),
    "dislike": ("Not for me", "👎", discord.ButtonStyle.secondary),
    "known": ("Know it", "🙋", discord.ButtonStyle.secondary),
    "block": ("Never this artist", "🚫", discord.ButtonStyle.danger),
}


class _Host(Protocol):
    buttons: ButtonActions


def _actions(interaction: discord.Interaction[Any]) -> ButtonActions:
    return cast(_Host, interaction.client).buttons


def _label(text: str, limit: int = SELECT_LABEL_MAX) -> str:
    """Plain text for a select option (no markdown is rendered there; mentions still neutralized)."""
    return clip(neutralize(" ".join(strip_control(text).split())), limit) or "?"


class FeedbackButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=FEEDBACK_TEMPLATE):
    """👍 / 👎 / 🙋 / 🚫 for one track."""

    def __init__(self, kind: FeedbackKind, track_id: str) -> None:
        label, emoji, style = FEEDBACK_LOOK[kind]
        super().__init__(
            discord.ui.Button(label=label, emoji=emoji, style=style, custom_id=FeedbackId(kind, track_id).render())
        )
        self.kind: FeedbackKind = kind
        self.track_id = track_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Self:
        kind = match["kind"]
        return cls(cast(FeedbackKind, kind), match["track"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await _actions(interaction).feedback(interaction, self.kind, self.track_id)


class MoreButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=MORE_TEMPLATE):
    """More like one track."""

    def __init__(self, track_id: str, label: str = "More like this") -> None:
        super().__init__(
            discord.ui.Button(
                label=label, emoji="🔁", style=discord.ButtonStyle.primary, custom_id=MoreId(track_id).render()
            )
        )
        self.track_id = track_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Self:
        return cls(match["track"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await _actions(interaction).more_like(interaction, self.track_id)


class DeeperButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=DEEPER_TEMPLATE):
    """The same request, less mainstream."""

    def __init__(self, key: str) -> None:
        super().__init__(
            discord.ui.Button(
                label="Less mainstream",
                emoji="🧭",
                style=discord.ButtonStyle.secondary,
                custom_id=DeeperId(key).render(),
            )
        )
        self.key = key

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Self:
        return cls(match["key"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await _actions(interaction).deeper(interaction, self.key)


class PageButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=PAGE_TEMPLATE):
    """The next page of a saved answer."""

    def __init__(self, key: str, page: int) -> None:
        super().__init__(
            discord.ui.Button(
                label="Next page", emoji="➡️", style=discord.ButtonStyle.secondary, custom_id=PageId(key, page).render()
            )
        )
        self.key = key
        self.page = page

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Self:
        return cls(match["key"], int(match["page"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await _actions(interaction).next_page(interaction, self.key, self.page)


class TrackPicker(discord.ui.DynamicItem[discord.ui.Select[Any]], template=PICK_TEMPLATE):
    """Choose a track of this answer to rate it or hear more like it."""

    def __init__(self, key: str, options: list[discord.SelectOption]) -> None:
        super().__init__(
            discord.ui.Select(
                custom_id=PickId(key).render(),
                placeholder="Rate a track, or get more like it…",
                min_values=1,
                max_values=1,
                options=options or [discord.SelectOption(label="(nothing to pick)", value="-")],
            )
        )
        self.key = key

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Self:
        options = list(item.options) if isinstance(item, discord.ui.Select) else []
        return cls(match["key"], options)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        values = self.item.values
        await _actions(interaction).pick(interaction, self.key, values[0] if values else "")


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (
    FeedbackButton,
    MoreButton,
    DeeperButton,
    PageButton,
    TrackPicker,
)
"""Registered with `client.add_dynamic_items` at start-up; any message ever sent with these keeps working."""


def answer_view(reply: Reply) -> discord.ui.View | None:
    """The controls under an answer, or None when there is nothing to act on."""
    if reply.key is None or not reply.answer.results:
        return None
    view = discord.ui.View(timeout=None)
    options = []
    for pos, rec in enumerate(reply.answer.results, reply.offset + 1):
        if not valid_track_id(rec.track.id):
            continue
        options.append(
            discord.SelectOption(
                label=_label(f"{pos}. {rec.track.title}"),
                value=rec.track.id,
                description=_label(", ".join(rec.track.artists), SELECT_LABEL_MAX) if rec.track.artists else None,
            )
        )
    if options:
        view.add_item(TrackPicker(reply.key, options[:25]))
    first = reply.answer.results[0].track
    if valid_track_id(first.id):
        view.add_item(MoreButton(first.id, label=f"More like #{reply.offset + 1}"))
    if reply.answer.query.novelty is not Novelty.DEEP:
        view.add_item(DeeperButton(reply.key))
    if reply.page < PAGE_MAX:
        view.add_item(PageButton(reply.key, reply.page + 1))
    return view


def track_panel(track: Track) -> discord.ui.View:
    """Private controls for one track: 👍 👎 🙋 🚫 and more like it."""
    view = discord.ui.View(timeout=None)
    for kind in FEEDBACK_LOOK:
        view.add_item(FeedbackButton(kind, track.id))
    view.add_item(MoreButton(track.id))
    return view


def present(reply: Reply) -> tuple[list[discord.Embed], discord.ui.View | None]:
    """The embed and controls for one answer."""
    embed = render.answer_embed(
        reply.answer, title=reply.title, page=reply.page, for_whom=reply.for_whom, first_position=reply.offset + 1
    )
    return [embed], answer_view(reply)
