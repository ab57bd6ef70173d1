"""The controls under an answer: every label and prompt a member reads is in their language."""

from __future__ import annotations

import pytest

from segue.bot.answers import Reply
from segue.bot.panels import answer_view
from segue.bot.views import TrackPicker
from segue.domain import Answer, Links, Query, Recommendation, Track
from segue.i18n import LOCALES
from support.bot import speaker

OTHER_LOCALES = [loc for loc in LOCALES if loc != "en"]


def _reply() -> Reply:
    track = Track(id="t1", title="Song", artists=("Act",), artist_ids=("a1",))
    answer = Answer(query=Query(text="x"), results=(Recommendation(track, 1.0, (), Links()),))
    return Reply(answer, "Recommendations", "7", key="0123456789abcdef")


@pytest.mark.parametrize("locale", OTHER_LOCALES)
def test_the_track_menus_prompt_speaks_the_members_language(locale: str) -> None:
    """The menu's placeholder was English in every language (a literal the extractor never saw)."""
    shown, english = _prompt(locale), _prompt("en")
    assert shown
    assert shown != english


def _prompt(locale: str) -> str | None:
    view = answer_view(_reply(), speaker(locale))
    assert view is not None
    (menu,) = [item.item for item in view.children if isinstance(item, TrackPicker)]
    return menu.placeholder
