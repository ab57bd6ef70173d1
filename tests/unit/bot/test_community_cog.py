"""/trending's and /taste's embeds: the server's week and two members' overlap, in the reader's language."""

from __future__ import annotations

import pytest

from segue.bot.cogs.community import NONE_SHARED, taste_embed, trending_embed
from segue.bot.taste import NamedTrending, TasteMatch
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


@pytest.mark.parametrize(
    ("score", "said"),
    [
        (50, "None yet, though your likes lead to many of the same artists."),
        (10, "None yet; your likes lead to a few of the same artists."),
        (0, "None yet, and your likes lead to different artists so far."),
    ],
)
def test_taste_says_what_its_overlap_measures_and_no_artist_liked_by_both_agrees_with_it(score: int, said: str) -> None:
    """'**50%** overlap' stood above 'Artists you share: none yet: your tastes are far apart'."""
    embed = taste_embed(TasteMatch(score, (), None, None, 3, 2), "alice", speaker())
    assert embed.description == (
        f"**{score}%** of the artists your likes and theirs lead to are the same for both of you "
        "(from your 3 and their 2 likes)."
    )
    (field,) = embed.fields
    assert (field.name, field.value) == ("Artists you both liked", said)
    named = taste_embed(TasteMatch(score, ("Air", "Björk"), None, None, 3, 2), "alice", speaker())
    assert named.fields[0].value == "Air, Björk"


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != "en"])
def test_taste_is_said_in_the_readers_language(locale: str) -> None:
    say = speaker(locale)
    embed = taste_embed(TasteMatch(40, (), None, None, 3, 2), "alice", say)
    field = embed.fields[0]
    assert field.name == say.gettext("Artists you both liked") != "Artists you both liked"
    assert field.value == say.gettext(NONE_SHARED[0][1]) != NONE_SHARED[0][1]
