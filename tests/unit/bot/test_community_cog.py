"""/trending's embed: the server's week in the reader's language."""

from __future__ import annotations

import pytest

from segue.bot.cogs.community import trending_embed
from segue.bot.taste import NamedTrending
from segue.i18n import LOCALES, mood_name
from segue.state.records import Ranked
from support.bot import speaker

MOODS = ("upbeat", "sad", "calm")


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != "en"])
def test_trending_moods_are_named_in_the_readers_language(locale: str) -> None:
    """'Climas mais pedidos' listed upbeat, sad, calm: the parser's English labels, as stored."""
    say = speaker(locale)
    week = NamedTrending((), tuple(Ranked(m, 3 - i) for i, m in enumerate(MOODS)), (), ())
    (field,) = [f for f in trending_embed(week, "Town", say).fields if f.name == say.gettext("Most requested moods")]
    lines = (field.value or "").splitlines()
    assert len(lines) == len(MOODS)
    for line, mood in zip(lines, MOODS, strict=True):
        assert mood_name(say, mood) != mood
        assert mood_name(say, mood) in line
        assert f" {mood} " not in f" {line} "
