"""The embed builder and escaping: every Discord limit holds and no untrusted string can ping or format."""

from __future__ import annotations

import re
from dataclasses import replace

import discord
import pytest
from discord.utils import escape_mentions
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from segue.bot import render
from segue.domain import Answer, EntityRef, Links, Novelty, Query, Reason, Recommendation, Track
from segue.i18n import NOTHING_UNDERSTOOD
from support.bot import speaker

PING = re.compile(r"@(everyone|here)|<@[!&]?\d+>", re.IGNORECASE)

# Text that hits the dangerous cases often: mentions, markdown, long runs, odd unicode.
nasty = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(list("@everyonehr<>&!0123456789*_~`|[]()#-> \n\\")), max_size=400),
    st.sampled_from(
        ["@everyone", "@here", "<@&123456789012345678>", "<@&5>", "<@!42>", "@EVERYONE", "@\u200beveryone"]
    ),
    st.builds(lambda a, b: a * 50 + b, st.sampled_from(["x", "é", "🎵", "𝄞", "@everyone "]), st.text(max_size=50)),
)


def limits_hold(embed: discord.Embed) -> None:
    data = embed.to_dict()
    assert len(data.get("title", "")) <= render.TITLE_MAX
    assert len(data.get("description", "")) <= render.DESCRIPTION_MAX
    assert len(data.get("fields", [])) <= render.FIELDS_MAX
    for f in data.get("fields", []):
        assert 0 < len(f["name"]) <= render.FIELD_NAME_MAX
        assert 0 < len(f["value"]) <= render.FIELD_VALUE_MAX
    assert len(data.get("footer", {}).get("text", "")) <= render.FOOTER_MAX
    assert len(data.get("author", {}).get("name", "")) <= render.AUTHOR_MAX
    assert render.embed_size(embed) <= render.TOTAL_MAX


def all_text(embed: discord.Embed) -> str:
    data = embed.to_dict()
    parts = [data.get("title", ""), data.get("description", ""), data.get("footer", {}).get("text", "")]
    parts.append(data.get("author", {}).get("name", ""))
    for f in data.get("fields", []):
        parts += [f["name"], f["value"]]
    return "\n".join(parts)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=nasty,
    description=nasty,
    footer=nasty,
    author=nasty,
    fields=st.lists(st.tuples(nasty, nasty), max_size=40),
    repeat=st.integers(min_value=1, max_value=20),
)
def test_builder_never_makes_an_invalid_or_pinging_embed(
    title: str, description: str, footer: str, author: str, fields: list[tuple[str, str]], repeat: int
) -> None:
    builder = render.EmbedBuilder(
        title=render.safe(title), description=render.safe(description) * repeat, footer=footer, author=author
    )
    for name, value in fields:
        builder.add_field(render.safe(name), value * repeat)
    embed = builder.build()
    limits_hold(embed)
    assert PING.search(all_text(embed)) is None


@given(text=nasty)
def test_safe_text_is_inert(text: str) -> None:
    out = render.safe(text)
    assert PING.search(out) is None
    assert "\n" not in out
    # No markdown control character survives unescaped.
    assert re.search(r"(?<!\\)[*_`~|]", out.replace("\\\\", "")) is None


def test_safe_escapes_markdown_and_links() -> None:
    assert render.safe("**bold** _it_ `code`") == r"\*\*bold\*\* \_it\_ \`code\`"
    assert render.safe("[click](https://evil.example)").startswith("\\[")
    assert render.safe("# heading") == r"\# heading"
    assert render.safe("a\nb\tc") == "a b c"


@pytest.mark.parametrize("text", ["@everyone", "@here", "<@&1234>", "<@!99>", "<@123456789012345678>", "@Everyone"])
def test_neutralize_breaks_every_mention(text: str) -> None:
    assert PING.search(render.neutralize(text)) is None
    assert render.neutralize(render.neutralize(text)) == render.neutralize(text)


@given(text=nasty)
def test_neutralize_covers_everything_discordpy_escapes(text: str) -> None:
    """One pass of our own pattern; discord.py's `escape_mentions` first would change nothing."""
    assert render.neutralize(text) == render.neutralize(escape_mentions(text))


def test_clip_marks_the_cut_and_never_ends_in_a_backslash() -> None:
    assert render.clip("short", 10) == "short"
    cut = render.clip("abc\\" * 10, 9)
    assert len(cut) <= 9
    assert cut.endswith(render.ELLIPSIS)
    assert not cut[:-1].endswith("\\")


def test_builder_drops_fields_past_25_and_says_so() -> None:
    builder = render.EmbedBuilder(title="t", footer="f")
    for i in range(40):
        builder.add_field(f"n{i}", "v")
    embed = builder.build()
    assert len(embed.fields) == 25
    assert "15 more not shown" in (embed.footer.text or "")


def test_builder_keeps_the_total_under_6000() -> None:
    builder = render.EmbedBuilder(title="t" * 300, description="d" * 5000, footer="f" * 3000, author="a" * 300)
    for _ in range(25):
        builder.add_field("n" * 300, "v" * 2000)
    embed = builder.build()
    limits_hold(embed)
    assert embed.title is not None
    assert len(embed.title) == render.TITLE_MAX


def test_fit_embeds_caps_count_and_total() -> None:
    big = render.EmbedBuilder(description="x" * 4000).build()
    small = render.EmbedBuilder(description="y").build()
    assert len(render.fit_embeds([small] * 12)) == 10
    assert len(render.fit_embeds([big, big])) == 1


def _rec(title: str, artist: str, *, year: int | None = 1999) -> Recommendation:
    track = Track(id="t1", title=title, artists=(artist,), artist_ids=("a1",), year=year)
    links = Links(spotify="https://open.spotify.com/search/x", youtube="https://www.youtube.com/results?q=x")
    return Recommendation(track=track, score=1.0, reasons=(Reason("tag", f"like {artist}"),), links=links)


def test_answer_embed_shows_understanding_tracks_reasons_links_and_escapes_catalog_text() -> None:
    query = Query(
        text="x",
        seed_artists=(EntityRef(0, "a0", "@everyone"),),
        genres=("house",),
        moods=("chill",),
        year_min=1980,
        year_max=1989,
        novelty=Novelty.DEEP,
    )
    answer = Answer(
        query=query, results=(_rec("**Loud** <@&123456789012345678>", "@here"),), notes=("I don't know 'Zz'.",)
    )
    embed = render.answer_embed(answer, say=speaker(), title="Recommendations")
    limits_hold(embed)
    text = all_text(embed)
    assert PING.search(text) is None
    assert embed.description is not None
    assert "like @\u200beveryone" in embed.description
    assert "genre: house" in embed.description
    assert "mood: chill" in embed.description
    assert "era: 1980-1989" in embed.description
    assert "deep cuts" in embed.description
    assert "I don't know" in embed.description
    field = embed.fields[0]
    assert field.name is not None
    assert field.name.startswith("1. \\*\\*Loud\\*\\*")
    assert "(1999)" in field.name
    assert field.value is not None
    assert "[Spotify](https://open.spotify.com/search/x)" in field.value
    assert "[YouTube](" in field.value
    assert "like @\u200bhere" in field.value


def test_answer_embed_omits_links_too_long_to_show_whole() -> None:
    rec = _rec("t", "a")
    rec = replace(rec, links=Links(spotify="https://x/" + "a" * 600, youtube="https://y/ok"))
    embed = render.answer_embed(Answer(query=Query(), results=(rec,)), say=speaker(), title="t")
    value = embed.fields[0].value or ""
    assert "https://x/" not in value
    assert "https://y/ok" in value


def test_blend_names_who_each_pick_is_for() -> None:
    answer = Answer(query=Query(text="blend"), results=(_rec("a", "b"), _rec("c", "d")))
    embed = render.answer_embed(answer, say=speaker(), title="Blend", for_whom=["alice", "bob & @everyone"])
    assert "for **alice**" in (embed.fields[0].value or "")
    assert "for **bob & @\u200beveryone**" in (embed.fields[1].value or "")


def test_understood_says_nothing_specific_for_an_empty_query() -> None:
    assert render.understood(Query(), speaker()) == "nothing specific"


def test_understood_says_what_the_songs_are_about() -> None:
    """'songs about trains' was shown as 'nothing specific' (and in the CLI as a surprise mix)."""
    assert render.understood(Query(topics=("trains",)), speaker()) == "about: trains"
    left_out = Query(genres=("rap",), exclude_topics=("money", "cars"))
    assert render.understood(left_out, speaker()) == "genre: rap · not about: money, cars"
    assert render.understood(left_out, speaker("es")) == "género: rap · no sobre: money, cars"


def test_understood_says_seeds_asked_for_together_are_between_them() -> None:
    """'something between taylor swift and the cure' read the two as 'like Taylor Swift, The Cure', as if in turn."""
    acts = (EntityRef(0, "a0", "Taylor Swift"), EntityRef(1, "a1", "The Cure"), EntityRef(2, "a2", "ABBA"))
    together = Query(seed_artists=acts[:2], blend=True)
    assert render.understood(together, speaker()) == "between Taylor Swift and The Cure"
    assert render.understood(together, speaker("es")) == "entre Taylor Swift y The Cure"
    assert render.understood(Query(seed_artists=acts, blend=True), speaker("de")) == (
        "zwischen Taylor Swift, The Cure und ABBA"
    )
    assert render.understood(Query(seed_artists=acts[:2]), speaker()) == "like Taylor Swift, The Cure"


def test_understood_names_whose_songs_were_asked_for_and_a_surprise() -> None:
    # 'anything by Fleetwood Mac' was shown as 'nothing specific' in Discord while `segue ask` said 'by Fleetwood Mac'.
    by = Query(by_artists=(EntityRef(0, "a0", "Fleetwood Mac"),))
    assert render.understood(by, speaker()) == "by Fleetwood Mac"
    assert render.understood(by, speaker("de")) == "von Fleetwood Mac"
    assert render.understood(Query(surprise=True), speaker("es")) == "una mezcla sorpresa"


def test_understood_says_the_length_asked_for() -> None:
    assert render.understood(Query(seconds_max=180), speaker()) == "length: up to 3:00"
    assert render.understood(Query(seconds_min=120, seconds_max=240), speaker("fr")) == "durée : de 2:00 à 4:00"
    assert render.understood(Query(seconds_min=360), speaker("de")) == "Länge: mindestens 6:00"


def test_understood_says_newer_artists_asked_for() -> None:
    like = Query(seed_artists=(EntityRef(0, "a0", "Nirvana"),), artists_from=2001)
    assert render.understood(like, speaker()) == "like Nirvana · artists from 2001 on"
    assert render.understood(like, speaker("pt-BR")) == "como Nirvana · artistas a partir de 2001"


@pytest.mark.parametrize("locale", ["en", "es", "fr", "de", "pt-BR"])
def test_an_open_ended_era_is_said_in_words_not_with_a_dangling_dash(locale: str) -> None:
    """'older' was shown as 'era: -2005', 'early queen' as 'Zeit: -1978': the bounds are years included."""
    say = speaker(locale)
    before, after = render.understood(Query(year_max=2005), say), render.understood(Query(year_min=2010), say)
    assert "2005" in before
    assert "-2005" not in before
    assert "2010" in after
    assert "2010-" not in after
    assert before.replace("2005", "") != after.replace("2010", "")  # 'up to' is not 'from'
    assert render.understood(Query(year_min=1980, year_max=1989), say).endswith("1980-1989")
    assert render.understood(Query(year_min=1999, year_max=1999), say).count("1999") == 1


def test_an_open_ended_era_reads_as_its_bounds_in_english() -> None:
    assert render.understood(Query(year_max=2005), speaker()) == "era: up to 2005"
    assert render.understood(Query(year_min=2010), speaker()) == "era: from 2010 on"


def test_understood_says_the_language_songs_are_sung_in() -> None:
    sad = Query(moods=("sad",), sung_in="en")
    assert render.understood(sad, speaker()).endswith("sung in English")
    assert render.understood(sad, speaker("fr")).endswith("chantées en anglais")
    assert render.understood(sad, speaker("de")).endswith("gesungen auf Englisch")


def test_live_sources_provenance_preview_and_degraded_footer() -> None:
    track = Track(id="t1", title="Song", artists=("Artist",), artist_ids=("a1",))
    found_live = Recommendation(
        track=track,
        score=1.0,
        reasons=(Reason("source", "similar on Last.fm"),),
        links=Links(spotify="https://open.spotify.com/search/x", preview="https://cdn.example/preview.mp3"),
        source="lastfm+local",
    )
    healthy = Answer(query=Query(text="x"), results=(found_live,), sources={"lastfm": "ok", "deezer": "cached"})
    embed = render.answer_embed(healthy, say=speaker(), title="Songs")
    body = embed.fields[0].value or ""
    assert "via Last.fm + Segue" in body
    assert "[30 s preview](https://cdn.example/preview.mp3)" in body
    assert "with Last.fm and Deezer" in (embed.footer.text or "")
    degraded = replace(healthy, sources={"lastfm": "timeout"}, degraded=True)
    assert "answered from Segue's own catalog" in (
        render.answer_embed(degraded, say=speaker(), title="Songs").footer.text or ""
    )
    local = replace(healthy, results=(replace(found_live, source="local"),), sources={"lastfm": "disabled"})
    local_embed = render.answer_embed(local, say=speaker(), title="Songs")
    assert "via" not in (local_embed.fields[0].value or "")
    assert "with" not in (local_embed.footer.text or "")


def test_similar_artists_do_not_list_a_tag_twice() -> None:
    """Issue 13: 'shares tags with WILLOW: neo soul, r&b' was followed by '*neo soul, r&b, soul*'."""
    from segue.domain import Artist, ArtistAnswer, ArtistRecommendation

    seed = Artist("a0", "WILLOW", ("neo soul",))
    rec = ArtistRecommendation(
        Artist("a1", "Darlene Love", ("neo soul", "r&b", "soul")),
        1.0,
        (Reason("tag", "shares tags with WILLOW: neo soul, r&b"),),
        Links(),
    )
    (field,) = render.artists_embed(ArtistAnswer(seed, (rec,)), speaker()).fields
    assert field.value is not None
    assert field.value.count("neo soul") == 1
    assert field.value.count("r&b") == 1
    assert "*soul*" in field.value  # the tag no reason named is still shown


def test_a_request_nothing_in_which_was_understood_gets_examples() -> None:
    """Issue 13: gibberish is said to be not understood, with requests to copy, rather than answered anyway."""
    nothing = Answer(query=Query(text="qwzzp blorf vrrk", unresolved=("qwzzp blorf vrrk",)), results=())
    text = render.answer_embed(nothing, say=speaker(), title="Recommendations").description or ""
    assert render.NOT_UNDERSTOOD in text
    assert "deep" not in text.replace(render.NOT_UNDERSTOOD, "")


def test_an_unknown_name_asked_for_by_a_cue_is_not_said_to_be_not_music() -> None:
    """'songs like melanie martinez' was told 'I don't know ...' and then that it was not understood as music."""
    unknown = Query(text="songs like melanie martinez", unresolved=("melanie martinez",), named=True)
    answer = Answer(query=unknown, results=(), notes=("I don't know 'melanie martinez'.",))
    text = render.answer_embed(answer, say=speaker(), title="Recommendations").description or ""
    assert "I don't know 'melanie martinez'." in text
    assert render.NOT_UNDERSTOOD not in text


def test_a_follow_up_gets_its_own_note_not_the_not_understood_examples() -> None:
    """'more like the 3rd one' was told both how to go on from an answer and that it was not understood as music."""
    back = Answer(query=Query(text="more like the 3rd one", follow_up=True), results=(), notes=("Use the buttons.",))
    text = render.answer_embed(back, say=speaker(), title="Recommendations").description or ""
    assert "Use the buttons." in text
    assert render.NOT_UNDERSTOOD not in text


def test_an_answer_to_no_request_claims_no_reading() -> None:
    """/discover and /blend (and their pages) said 'Understood as: nothing specific' above their tracks."""
    say = speaker()
    nothing = say.gettext("*Understood as:* {said}", said=say.gettext(NOTHING_UNDERSTOOD))
    tracks = Answer(query=Query(text="discover"), results=(_rec("a", "b"),))
    assert nothing not in (render.answer_embed(tracks, say=say, title="t").description or "")
    based = render.answer_embed(tracks, say=say, title="t", basis="*From your likes*").description or ""
    assert based.startswith("*From your likes*")
    none_liked = Answer(query=Query(text="blend"), results=(), notes=("None of you has liked a track yet.",))
    told = render.answer_embed(none_liked, say=say, title="t", basis="*From everyone's likes*").description or ""
    assert nothing not in told
    assert render.NOT_UNDERSTOOD not in told  # the note says why
    assert "None of you has liked a track yet." in told
