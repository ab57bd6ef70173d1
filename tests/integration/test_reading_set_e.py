"""Requests of set E (song and artist names misread, found by a blind fan evaluation), on the real catalog: songs
pasted with their act around a dash, a quoted title by an act spelt the other way, a famous title with a typo, a
misspelt act before one of its titles, a title of little words, notes that said unread what was read, and an act's
own songs under its line-up's name."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService

pytestmark = pytest.mark.datasets


@pytest.mark.parametrize(
    "text",
    [
        "smth like tame impala - the less i know the better",
        "tame impala - the less i know the better pls",
        "the less i know the better - tame impala",
        "the less i know the better by tame impala",
    ],
)
def test_a_song_pasted_with_its_act_around_a_dash_is_the_seed(service: RecommendationService, text: str) -> None:
    """'smth like tame impala - the less i know the better' read 'tame' as sad and 'the' as the band The The;
    'TITLE - ARTIST' cut the title's opening article and found nothing."""
    query = service.parse(text)
    assert [t.name for t in query.seed_tracks] == ["The Less I Know The Better - Tame Impala"]
    assert not query.seed_artists
    assert not query.moods
    assert not query.ignored
    assert not query.unresolved


@pytest.mark.parametrize(
    "text",
    [
        "tell me songs similar to 'sweater weather' by the neighborhood",
        "sweater weather by the neighborhood",
        "songs like 'sweater weather' the neighborhood",
    ],
)
def test_a_title_by_an_act_spelt_the_other_way_is_the_song(service: RecommendationService, text: str) -> None:
    """ "songs similar to 'sweater weather' by the neighborhood" read 'sweater' as rainy and 'the' as The The: the
    act's name stopped at its article, an exact band of little words, and the US spelling was never matched."""
    query = service.parse(text)
    assert [t.name for t in query.seed_tracks] == ["Sweater Weather - The Neighbourhood"]
    assert not query.seed_artists
    assert not query.moods
    assert not query.ignored
    assert not query.unresolved


@pytest.mark.parametrize("text", ["songs like bohemian rapsody", "bohemian rapsody vibes"])
def test_a_famous_title_with_a_slip_beats_an_act_inside_it(service: RecommendationService, text: str) -> None:
    """'songs like bohemian rapsody' answered the rapper Rapsody ('bohemian' a song of hers the catalog lacked): the
    whole run was checked as a title only when near exact, and the slip scored just under."""
    query = service.parse(text)
    assert [t.name for t in query.seed_tracks] == ["Bohemian Rhapsody - Queen"]
    assert not query.seed_artists
    assert not query.unresolved


@pytest.mark.parametrize(
    "text", ["songs like fleetwod mac dreams pls", "songs like dreams fleetwod mac", "fleetwod mac dreams"]
)
def test_a_misspelt_act_beside_one_of_its_titles_is_the_song(service: RecommendationService, text: str) -> None:
    """'songs like fleetwod mac dreams pls' answered nothing ("Did you mean Fleetwood Mac?"): the span was matched
    whole, as one name, and never as a misspelt act beside one of its titles."""
    query = service.parse(text)
    assert [t.name for t in query.seed_tracks] == ["Dreams - Fleetwood Mac"]
    assert not query.unresolved


@pytest.mark.parametrize(
    "text", ["the less i know the better", "songs like the less i know the better", "never gonna give you up"]
)
def test_a_title_holding_a_negation_word_is_the_song(service: RecommendationService, text: str) -> None:
    """'the less i know the better' answered nothing ("Not used: 'know'"): 'less' is a negation cue, and a cue ended
    every title span and barred the whole request from being read as one title."""
    query = service.parse(text)
    assert len(query.seed_tracks) == 1
    assert not query.ignored
    assert not query.unresolved
    assert not query.exclude_genres
    assert not query.exclude_artists


async def test_names_of_acts_already_seeded_are_not_said_unknown(service: RecommendationService) -> None:
    """'outlaw country recs, waylon willie that kinda vibe' said "I don't know 'waylon willie'" while Waylon
    Jennings and Willie Nelson seeded the answer (read for outlaw country)."""
    answer = await service.ask("outlaw country recs, waylon willie that kinda vibe", count=5)
    names = {a.name for a in answer.query.seed_artists}
    assert {"Waylon Jennings", "Willie Nelson"} <= names
    assert not answer.query.unresolved
    assert not answer.query.ignored
    assert not any("don't know" in note or "Not used" in note for note in answer.notes)


async def test_famous_acts_listed_without_a_cue_are_read(service: RecommendationService) -> None:
    """'britpop from the 90s pls, oasis blur pulp' said "Not used: 'oasis blur pulp'" while the answer played all
    three: each name is an everyday word, and no cue was there to say they were names. Beside the genre they are
    its examples, kept in its answer (as seeds they were left out of it)."""
    answer = await service.ask("britpop from the 90s pls, oasis blur pulp", count=10)
    assert answer.query.genres == ("britpop",)
    assert not answer.query.ignored
    assert not answer.query.seed_artists
    assert {"Oasis", "Blur", "Pulp"} <= {r.track.artists[0] for r in answer.results}
    assert not any("Not used" in note for note in answer.notes)


@pytest.mark.parametrize("text", ["songs by bob marley", "bob marley songs"])
async def test_an_acts_own_songs_include_its_line_up(service: RecommendationService, text: str) -> None:
    """'songs by bob marley' said "I have no songs by Bob Marley" above two of his songs: the catalog files them under
    Bob Marley & The Wailers, and the note counted the songs filed under his name alone."""
    answer = await service.ask(text, count=5)
    assert [a.name for a in answer.query.by_artists] == ["Bob Marley"]
    assert answer.results[0].track.artists == ("Bob Marley & The Wailers",)
    assert not any("no songs" in note for note in answer.notes)


def test_an_initial_typed_in_lower_case_is_no_sentence_end(service: RecommendationService) -> None:
    """'songs like j. cole' said "I don't know 'j'" and 'cole' unused: the full stop after a lower-case letter
    ended the sentence."""
    assert [a.name for a in service.parse("songs like j. cole").seed_artists] == ["J. Cole"]


@pytest.mark.parametrize(
    ("text", "genre", "strays"),
    [
        ("jazz with piano", "piano jazz", {"Jewel", "Greyson Chance", "Peter Broderick"}),
        ("math rock w crazy guitar tapping", "guitar math rock", {"Santana", "Jimi Hendrix", "Eric Clapton"}),
        ("blues guitar", "guitar blues", {"Van Morrison", "Joe Cocker", "Greyson Chance"}),
    ],
)
async def test_an_instrument_beside_a_genre_narrows_it(
    service: RecommendationService, text: str, genre: str, strays: set[str]
) -> None:
    """'math rock w crazy guitar tapping' was math rock and the guitar heroes' tag at once: Santana, Hendrix and
    Clapton took half the answer; 'jazz with piano' half Jewel and Greyson Chance."""
    answer = await service.ask(text, count=10)
    assert answer.query.genres == (genre,)
    assert answer.results
    assert not strays & {r.track.artists[0] for r in answer.results}


def test_smoky_is_a_sound_not_an_act(service: RecommendationService) -> None:
    """'jazz for a late night, something smoky' seeded the act Smoky and read jazz as jazz rap (the act's genre)."""
    query = service.parse("jazz for a late night, something smoky")
    assert not query.seed_artists
    assert query.genres == ("jazz",)
    assert "sensual" in query.moods


async def test_lesser_known_songs_by_an_act_fill_with_its_better_known_before_others(
    service: RecommendationService,
) -> None:
    """'songs by the beatles but not the super famous ones' showed three of theirs, then the Byrds and Traffic: the
    fill of their better-known songs stopped at the per-artist cap of a mixed answer."""
    answer = await service.ask("songs by the beatles but not the super famous ones", count=10)
    assert [r.track.artists[0] for r in answer.results] == ["The Beatles"] * 10
    assert any("better-known ones" in note for note in answer.notes), answer.notes


async def test_a_scenes_acts_lead_its_mood_with_their_own_songs(service: RecommendationService) -> None:
    """'afrobeats party mix' led with one Burna Boy song: the others' grooves sit under party's energy bound,
    which the acts' own songs now aim at instead of meeting (their scene is what was asked)."""
    answer = await service.ask("afrobeats party mix", count=10)
    acts = {"Burna Boy", "WizKid", "Tiwa Savage", "Mr Eazi", "Rema"}
    assert sum(1 for r in answer.results[:5] if r.track.artists[0] in acts) >= 4


def test_acts_listed_by_the_words_they_go_by_are_read(service: RecommendationService) -> None:
    """Held-out set E: 'female rappers pls, nicki megan doja cardi etc' spelt 'cardi' into cardio (a workout mood)
    once 'etc' no longer seeded an act 'etc.': famous acts listed by the one word they go by are read as acts."""
    query = service.parse("female rappers pls, nicki megan doja cardi etc")
    assert "workout" not in query.moods
    assert not query.ignored
    assert not query.meant


async def test_examples_named_beside_a_genre_lead_with_their_songs(service: RecommendationService) -> None:
    """Held-out set E, after the fix above: the three were read as the genre's examples and none played (no tag
    files Doja Cat or Cardi B under female rap); a genre's answer that holds none of its named examples now leads
    with a few of their songs, and one that holds them ('britpop ..., oasis blur pulp') is left as it was."""
    answer = await service.ask("female rappers pls, nicki megan doja cardi etc", count=10)
    assert {a.name for a in answer.query.examples} == {"Megan Thee Stallion", "Doja Cat", "Cardi B"}
    assert {"Megan Thee Stallion", "Doja Cat", "Cardi B"} <= {r.track.artists[0] for r in answer.results[:5]}
    britpop = await service.ask("britpop from the 90s pls, oasis blur pulp", count=10)
    assert [r.track.artists[0] for r in britpop.results[:2]] == ["Oasis", "Blur"]


def test_the_answer_says_the_examples_it_read(service: RecommendationService) -> None:
    """The first line of the answer names the examples whose songs lead it, in the member's language."""
    from segue.cli.show import understood_line
    from segue.i18n import understood_parts
    from support.bot import speaker

    query = service.parse("female rappers pls, nicki megan doja cardi etc")
    assert "such as Megan Thee Stallion, Doja Cat, Cardi B" in (understood_line(query.interpretation()) or "")
    assert "por ejemplo Megan Thee Stallion, Doja Cat, Cardi B" in understood_parts(query, speaker("es"))


async def test_an_album_named_alone_seeds_the_answer_with_its_songs(service: RecommendationService) -> None:
    """Set H: "what should i listen to if i loved 'in rainbows'" answered nothing ("I don't know 'in rainbows'"):
    an album named alone is read as its songs here and its act, said; a single that shares a famous album's name
    by a little-known act is no such album."""
    answer = await service.ask("what should i listen to if i loved 'in rainbows'", count=5)
    assert [a.name for a in answer.query.seed_artists] == ["Radiohead"]
    assert answer.query.seed_tracks
    assert answer.results
    assert any("as the album In Rainbows by Radiohead" in note for note in answer.notes), answer.notes


async def test_uk_garage_widens_to_its_kin_not_to_garage_rock(service: RecommendationService) -> None:
    """Held-back set E: 'underground uk garage and 2 step' filled its two UK garage songs with Messer Chups' surf
    rock, 'garage' (its last word) being garage rock here."""
    answer = await service.ask("underground uk garage and 2 step", count=10)
    assert len(answer.results) == 10
    assert "Messer Chups" not in {r.track.artists[0] for r in answer.results}
    assert any("garage house" in note or "house" in note for note in answer.notes), answer.notes
