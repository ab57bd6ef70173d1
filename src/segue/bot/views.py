"""Persistent buttons and menus (`discord.ui.DynamicItem`): the state rides in the custom_id, so they survive restarts.

Under an answer (laid out by `panels.py`): a menu to pick one track (which opens a private panel with 👍 👎 🙋 🚫
and "more like this"), then "More like #1", "Less mainstream" and "Next page". Each item only parses its id and
hands over to the `ButtonHandlers` (`buttons.ButtonActions`), which answer within Discord's 3 s and route errors to
the one error handler.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Protocol, Self, cast

import discord

from segue.bot.custom_ids import (
    DEEPER_TEMPLATE,
    FEEDBACK_TEMPLATE,
    FORGET_TEMPLATE,
    MORE_TEMPLATE,
    PAGE_TEMPLATE,
    PICK_TEMPLATE,
    DeeperId,
    FeedbackId,
    FeedbackKind,
    ForgetId,
    MoreId,
    PageId,
    PickId,
)
from segue.bot.render import SAFE_MEMO, clip, neutralize
from segue.i18n import N_, Speaker
from segue.text import strip_control

SELECT_LABEL_MAX = 100
PICK_PLACEHOLDER = N_("Rate a track, or get more like it…")
"""The track menu's prompt, in the reader's language (a literal passed to `gettext` is never extracted)."""
NOTHING_TO_PICK = N_("(nothing to pick)")
FEEDBACK_LOOK: dict[FeedbackKind, tuple[str, str, discord.ButtonStyle]] = {
    "like": (N_("Like"), "👍", discord.ButtonStyle.success),
    "dislike": (N_("Not for me"), "👎", discord.ButtonStyle.secondary),
    "known": (N_("Know it"), "🙋", discord.ButtonStyle.secondary),
    "block": (N_("Never this artist"), "🚫", discord.ButtonStyle.danger),
}


class ButtonHandlers(Protocol):
    """What the items hand over to (`buttons.ButtonActions`); a Protocol, so this module never imports it."""

    async def feedback(self, interaction: discord.Interaction[Any], kind: FeedbackKind, track_id: str) -> None: ...

    async def more_like(self, interaction: discord.Interaction[Any], track_id: str) -> None: ...

    async def deeper(self, interaction: discord.Interaction[Any], key: str) -> None: ...

    async def next_page(self, interaction: discord.Interaction[Any], key: str, page: int) -> None: ...

    async def pick(self, interaction: discord.Interaction[Any], key: str, track_id: str) -> None: ...

    async def forget(self, interaction: discord.Interaction[Any], user_id: str) -> None: ...


class _Host(Protocol):
    buttons: ButtonHandlers


def _actions(interaction: discord.Interaction[Any]) -> ButtonHandlers:
    return cast(_Host, interaction.client).buttons


@functools.lru_cache(maxsize=SAFE_MEMO)
def option_label(text: str, limit: int = SELECT_LABEL_MAX) -> str:
    """Plain text for a select option (no markdown is rendered there; mentions still neutralized)."""
    return clip(neutralize(" ".join(strip_control(text).split())), limit) or "?"


class FeedbackButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=FEEDBACK_TEMPLATE):
    """👍 / 👎 / 🙋 / 🚫 for one track; `rated` shows the choice made (ticked and disabled, so it is not sent twice)."""

    def __init__(self, kind: FeedbackKind, track_id: str, *, rated: bool = False, say: Speaker | None = None) -> None:
        label, emoji, style = FEEDBACK_LOOK[kind]
        label = say.gettext(label) if say is not None else label
        super().__init__(
            discord.ui.Button(
                label=f"{label} ✓" if rated else label,
                emoji=emoji,
                style=style,
                custom_id=FeedbackId(kind, track_id).render(),
                disabled=rated,
            )
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

    def __init__(self, key: str, *, say: Speaker | None = None) -> None:
        super().__init__(
            discord.ui.Button(
                label=say.gettext("Less mainstream") if say is not None else "Less mainstream",
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

    def __init__(self, key: str, page: int, *, say: Speaker | None = None) -> None:
        super().__init__(
            discord.ui.Button(
                label=say.gettext("Next page") if say is not None else "Next page",
                emoji="➡️",
                style=discord.ButtonStyle.secondary,
                custom_id=PageId(key, page).render(),
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

    def __init__(self, key: str, options: list[discord.SelectOption], *, say: Speaker | None = None) -> None:
        nothing = say.gettext(NOTHING_TO_PICK) if say is not None else NOTHING_TO_PICK
        super().__init__(
            discord.ui.Select(
                custom_id=PickId(key).render(),
                placeholder=say.gettext(PICK_PLACEHOLDER) if say is not None else PICK_PLACEHOLDER,
                min_values=1,
                max_values=1,
                options=options or [discord.SelectOption(label=nothing, value="-")],
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


class ForgetButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=FORGET_TEMPLATE):
    """/privacy delete's confirmation: the only way anything is deleted."""

    def __init__(self, user_id: str, *, say: Speaker | None = None) -> None:
        super().__init__(
            discord.ui.Button(
                label=say.gettext("Delete everything") if say is not None else "Delete everything",
                emoji="🗑️",
                style=discord.ButtonStyle.danger,
                custom_id=ForgetId(user_id).render(),
            )
        )
        self.user_id = user_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Self:
        return cls(match["user"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await _actions(interaction).forget(interaction, self.user_id)


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (
    FeedbackButton,
    MoreButton,
    DeeperButton,
    PageButton,
    TrackPicker,
    ForgetButton,
)
"""Registered with `client.add_dynamic_items` at start-up; any message ever sent with these keeps working."""
