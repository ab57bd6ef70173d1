"""Requests of set K (a blind fan evaluation of 'like X' for acts few people co-listened), on the real catalog: a
co-listening row three listeners made cedes to the act's playlists; a first name beside an unknown surname is one
unknown act; an act's name is no genre's plural; a song title the language reading reworded; 'X vibes' names no
song; genre words the requests used ('game music', 'mittelalter rock')."""

from __future__ import annotations

import pytest

from segue.catalog import Catalog
from segue.engine.service import RecommendationService

pytestmark = pytest.mark.datasets


def _row(catalog: Catalog, ids: object, artist: int) -> set[str]:
    return {catalog.artist(int(b)).name for b in ids[artist] if b >= 0}  # type: ignore[index]


@pytest.mark.parametrize("text", ["songs like mac miller", "songs like tyler the creator"])
async def test_thin_co_listening_cedes_to_the_acts_playlists(
    service: RecommendationService, built_catalog: Catalog, text: str
) -> None:
    """Three HetRec listeners gave Mac Miller Super Junior M, Pavarotti and Chingy; twelve playlists put him beside J.
    Cole and Joey Bada$$. The answer now leans on the playlists."""
    query = service.parse(text)
    seed = query.seed_artists[0].index
    assert 0 < built_catalog.artist_listeners[seed] < 10
    playlists = _row(built_catalog, built_catalog.artist_playlist_neighbors, seed)
    colistened = _row(built_catalog, built_catalog.artist_neighbors, seed) - playlists
    answer = await service.ask(text, count=10)
    acts = [r.track.artists[0] for r in answer.results]
    assert sum(a in playlists for a in acts) > 2 * sum(a in colistened for a in acts), acts


@pytest.mark.parametrize("text", ["songs like melanie martinez", "melanie martinez"])
def test_a_first_name_beside_an_unknown_surname_is_one_unknown_act(service: RecommendationService, text: str) -> None:
    """'MELANIE?' is an act here, and 'melanie' begins Melanie C and Melanie Fiona: Melanie Martinez is not in the
    catalog, so say so instead of playing MELANIE?'s netlabel neighbours."""
    query = service.parse(text)
    assert not query.seed_artists
    assert query.unresolved == ("melanie martinez",)
    assert query.named == text.startswith("songs like")  # asked for by a cue: not 'not understood as music'


def test_a_known_act_is_not_a_genres_plural(service: RecommendationService) -> None:
    """'artists like grimes' asked for grime (Tinie Tempah, Skepta)."""
    assert [a.name for a in service.parse("artists like grimes").seed_artists] == ["Grimes"]
    assert service.parse("artists like grimes").genres == ()
    assert "ballad" in service.parse("sad ballads").genres  # a plural no act is called still reads


def test_a_song_by_its_artist_keeps_the_words_a_language_reading_dropped(service: RecommendationService) -> None:
    """'bien' is a Spanish filler to the language reading: 'me haces bien by jorge drexler' lost its song."""
    query = service.parse("songs like me haces bien by jorge drexler")
    assert [t.name for t in query.seed_tracks] == ["Me haces bien - Jorge Drexler"]
    assert query.unresolved == ()


def test_a_style_word_after_a_run_names_no_song(service: RecommendationService) -> None:
    """'surf + horror vibes' seeded the netlabel song 'Horror'; 'creep but slower' still names Creep."""
    assert service.parse("bands like messer chups?? surf + horror vibes").seed_tracks == ()
    assert [t.name for t in service.parse("creep but slower").seed_tracks] == ["Creep - Radiohead"]


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        ("bands like machinae supremacy (sid metal / game music metal)", "video game music"),
        ("bands like subway to sally (mittelalter rock)", "folk metal"),
    ],
)
def test_genre_words_the_requests_used(service: RecommendationService, text: str, genre: str) -> None:
    """'game music' seeded the rapper The Game; 'mittelalter' was left unread."""
    query = service.parse(text)
    assert genre in query.genres
    assert "The Game" not in {a.name for a in query.seed_artists}
    assert query.ignored == ()


@pytest.mark.parametrize("text", ["songs like nas", "rap like nas", "golden era rap like nas"])
def test_an_act_spelt_as_a_foreign_word_after_an_english_cue(service: RecommendationService, text: str) -> None:
    """'nas' is Portuguese for 'in the': 'songs like nas' was read as nothing and 'rap like nas' as Portuguese rap."""
    query = service.parse(text)
    assert [a.name for a in query.seed_artists] == ["Nas"]
    assert query.language == "en"


def test_without_an_english_cue_the_foreign_reading_stands(service: RecommendationService) -> None:
    """Only an English cue reads a foreign word as an act: 'so was wie neu' is German for 'as good as new'."""
    assert service.parse("so was wie neu").seed_artists == ()


@pytest.mark.parametrize("text", ["golden era hip hop", "golden age hip hop", "rap from the golden age"])
def test_hip_hops_golden_era_is_its_years(service: RecommendationService, text: str) -> None:
    """'golden era' was left unread and 'golden age hip hop' seeded a netlabel song called 'Golden Age'."""
    query = service.parse(text)
    assert (query.year_min, query.year_max) == (1986, 1997)
    assert query.seed_tracks == ()
    assert service.parse("golden age of jazz").year_min is None  # another genre's golden age is not these years


def test_folklore_is_folk_not_a_guess_by_meaning(service: RecommendationService) -> None:
    """'taylor swift folklore vibes' took 'folklore' to mean romantic (Wrecking Ball, Dark Horse); it is folk, as
    Taylor Swift's album of that name is and as Spanish and Portuguese 'folclore' is."""
    query = service.parse("taylor swift folklore vibes")
    assert [a.name for a in query.seed_artists] == ["Taylor Swift"]
    assert query.genres == ("folk",)
    assert query.moods == ()


@pytest.mark.parametrize(
    ("text", "genre"), [("musica folclorica argentina", "argentina folk"), ("canciones folclóricas", "folk")]
)
def test_folk_in_spanish_and_portuguese(service: RecommendationService, text: str, genre: str) -> None:
    """'folclórica' was left unread ('musica folclorica argentina' answered Argentina at large)."""
    query = service.parse(text)
    assert query.genres == (genre,)
    assert query.ignored == ()
