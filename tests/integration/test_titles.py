"""'TITLE by ARTIST' on the real catalog when the title is an everyday word or the artist is typed short."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService

pytestmark = pytest.mark.datasets


@pytest.mark.parametrize(
    ("text", "song"),
    [
        ("kids by mgmt", "Kids - MGMT"),  # was the kids' occasion beside MGMT: "Few tracks fit 'kids'"
        ("something like kids by mgmt", "Kids - MGMT"),
        ("happy by pharrell", "Happy"),  # the act 'Pharrell' has no songs here; Pharrell Williams has Happy
    ],
)
async def test_an_everyday_title_by_its_artist_is_the_song(
    service: RecommendationService, text: str, song: str
) -> None:
    answer = await service.ask(text, count=10)
    assert [t.name.split(" - ")[0] for t in answer.query.seed_tracks] == [song.split(" - ")[0]], answer.query
    assert answer.query.seed_tracks[0].name.startswith(song)
    assert not answer.query.moods
    assert not answer.query.unresolved
    assert len(answer.results) == 10


async def test_a_missing_song_is_said_with_the_artists_own_spelling(service: RecommendationService) -> None:
    """'party by beyonce' said "I don't know 'party by beyonce'" while seeding Beyoncé: the note did not know her."""
    answer = await service.ask("party by beyonce", count=10)
    assert [a.name for a in answer.query.seed_artists] == ["Beyoncé"]
    assert any(n.startswith("I don't have the song 'party' by Beyoncé") for n in answer.notes), answer.notes


@pytest.mark.parametrize("text", ["songs by mgmt", "more by radiohead", "stuff by the strokes"])
async def test_songs_by_an_act_stay_its_songs(service: RecommendationService, text: str) -> None:
    answer = await service.ask(text, count=10)
    assert answer.query.by_artists
    assert not answer.query.seed_tracks
    assert not answer.query.unresolved


@pytest.mark.parametrize(
    ("text", "song"),
    [
        ("Ain't No Sunshine", "Ain't No Sunshine - Bill Withers"),  # chart songs 'not sunshine'
        ("no scrubs", "No Scrubs - TLC"),  # a mix across genres without the band Scrubb
        ("No Woman No Cry", "No Woman, No Cry"),  # 'not cry' and 'Woman' said unused
        ("Don't Stop Believin", "Don't Stop Believin' - Journey"),  # "I don't know 'Stop Believin'"
        ("No Scrubs by TLC", "No Scrubs - TLC"),  # TLC's own songs, Scrubb left out
        ("don't speak by no doubt", "Don't Speak - No Doubt"),
    ],
)
async def test_a_title_opening_on_a_negation_is_the_song(service: RecommendationService, text: str, song: str) -> None:
    """A request that is a song's title holding 'no', 'ain't' or 'don't' read them as what to leave out."""
    query = service.parse(text)
    assert query.seed_tracks, query
    assert query.seed_tracks[0].name.startswith(song)
    assert not query.exclude_artists
    assert not query.features
    assert not query.ignored


async def test_a_missing_song_opening_on_a_clause_word_keeps_its_artist(service: RecommendationService) -> None:
    """'Ain't No Mountain High Enough by Marvin Gaye' left the band Mountain out and asked for Marvin Gaye's songs;
    "What's Going On by Marvin Gaye" said 'Going On by Marvin Gaye' unknown."""
    for text in ("Ain't No Mountain High Enough by Marvin Gaye", "What's Going On by Marvin Gaye"):
        query = service.parse(text)
        assert [a.name for a in query.seed_artists] == ["Marvin Gaye"], query
        assert query.unresolved == (f"{text.rsplit(' by ', 1)[0]} by Marvin Gaye",)
        assert not query.exclude_artists
        assert not query.ignored


async def test_a_missing_song_opening_on_a_negation_is_said_missing(service: RecommendationService) -> None:
    """'something like ain't nobody by chaka khan' asked for Chaka Khan's own songs, the title lost without a word;
    'no rap by drake' still leaves rap out of Drake's."""
    query = service.parse("something like ain't nobody by chaka khan")
    assert query.unresolved == ("ain't nobody by Chaka Khan",), query
    assert not query.by_artists
    drake = service.parse("no rap by drake")
    assert drake.exclude_genres == ("rap",)
    assert not drake.unresolved


@pytest.mark.parametrize("text", ["no rap", "nothing sad", "not too loud", "no country please"])
async def test_a_negation_alone_still_leaves_things_out(service: RecommendationService, text: str) -> None:
    """The title reading above must not take a plain refinement for a namesake song."""
    query = service.parse(text)
    assert not query.seed_tracks
    assert query.exclude_genres or query.features, query


async def test_a_family_possessive_is_a_person_not_a_band(service: RecommendationService) -> None:
    """ "my mum's 80th birthday party" seeded the band múm and said '80th birthday party' unused; "my brother's
    band" the band Brothers."""
    query = service.parse("songs for my mum's 80th birthday party")
    assert not query.seed_artists
    assert (query.year_min, query.year_max) == (1955, 1970), query  # the youth of someone turning 80
    assert "party" in query.moods
    assert not query.ignored
    assert [a.name for a in service.parse("mum's favourite songs").seed_artists] == []
    assert [a.name for a in service.parse("my brother's band sounds like the strokes").seed_artists] == ["The Strokes"]
    # found trying untuned requests: the band Girlfriends was seeded
    girlfriend = service.parse("my girlfriend's birthday, she loves harry styles")
    assert [a.name for a in girlfriend.seed_artists] == ["Harry Styles"]
    assert [a.name for a in service.parse("queen's greatest hits").by_artists] == ["Queen"]  # an act's, still
