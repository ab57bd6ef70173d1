"""The controls under an answer and the private track panel, built from the persistent items in `views`.

Kept apart from `views` so the items never depend on the handlers (`buttons`) that use these panels.
"""

from __future__ import annotations

import discord

from segue.bot import render
from segue.bot.answers import Reply
from segue.bot.custom_ids import PAGE_MAX, FeedbackKind, valid_track_id
from segue.bot.views import (
    FEEDBACK_LOOK,
    SELECT_LABEL_MAX,
    DeeperButton,
    FeedbackButton,
    MoreButton,
    PageButton,
    TrackPicker,
    option_label,
)
from segue.domain import Novelty, Track
from segue.i18n import Speaker, retell


def answer_view(reply: Reply, say: Speaker) -> discord.ui.View | None:
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
                label=option_label(f"{pos}. {rec.track.title}"),
                value=rec.track.id,
                description=option_label(", ".join(rec.track.artists), SELECT_LABEL_MAX) if rec.track.artists else None,
            )
        )
    if options:
        view.add_item(TrackPicker(reply.key, options[:25], say=say))
    first = reply.answer.results[0].track
    if valid_track_id(first.id):
        view.add_item(MoreButton(first.id, label=say.gettext("More like #{n}", n=reply.offset + 1)))
    if reply.answer.query.novelty is not Novelty.DEEP:
        view.add_item(DeeperButton(reply.key, say=say))
    if reply.page < PAGE_MAX:
        view.add_item(PageButton(reply.key, reply.page + 1, say=say))
    return view


def track_panel(track: Track, say: Speaker, *, rated: FeedbackKind | None = None) -> discord.ui.View:
    """Private controls for one track: 👍 👎 🙋 🚫 and more like it; the rating already given shown as done."""
    view = discord.ui.View(timeout=None)
    for kind in FEEDBACK_LOOK:
        view.add_item(FeedbackButton(kind, track.id, rated=kind == rated, say=say))
    view.add_item(MoreButton(track.id, label=say.gettext("More like this")))
    return view


def present(reply: Reply, say: Speaker) -> tuple[list[discord.Embed], discord.ui.View | None]:
    """The embed and controls for one answer, in the speaker's language."""
    embed = render.answer_embed(
        reply.answer,
        title=retell(say, reply.title),
        say=say,
        page=reply.page,
        for_whom=reply.for_whom,
        first_position=reply.offset + 1,
        basis=reply.basis,
    )
    return [embed], answer_view(reply, say)
