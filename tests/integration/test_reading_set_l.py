"""Requests of the twenty-first session's reviews, on the real catalog: a first name beside an unknown surname is
one unknown act even for a fairly known one-word act; a composer is asked for by surname; a place is no home scene
for an act listeners hear as wordless."""

from __future__ import annotations

import pytest

from segue.catalog import Catalog
from segue.engine.query.played_by import PLAYED_BY
from segue.engine.service import RecommendationService
from segue.errors import UnknownSeedError

pytestmark = pytest.mark.datasets


def test_a_fairly_known_first_name_beside_an_unknown_surname_is_one_unknown_act(
    service: RecommendationService,
) -> None:
    """'songs like joe hisaishi' was the R&B singer Joe with 'hisaishi' dropped: Dru Hill and Montell Jordan."""
    query = service.parse("songs like joe hisaishi")
    assert not query.seed_artists
    assert query.unresolved == ("joe hisaishi",)
    assert [a.name for a in service.parse("songs like joe").seed_artists] == ["Joe"]
    assert [a.name for a in service.parse("like monica and joe").seed_artists] == ["Monica", "Joe"]
    assert [a.name for a in service.parse("like drake lol").seed_artists] == ["Drake"]


@pytest.mark.parametrize(
    ("text", "composer"),
    [
        ("like rachmaninoff", "Sergei Rachmaninoff"),
        ("songs like tchaikovsky", "Pyotr Ilyich Tchaikovsky"),
        ("music like zimmer", "Hans Zimmer"),
    ],
)
def test_a_composer_known_little_in_2011_is_asked_for_by_surname(
    service: RecommendationService, text: str, composer: str
) -> None:
    """'like rachmaninoff' answered nothing ('Did you mean Sergei Rachmaninoff?'); Hans Zimmer is filed 'composer'
    and 'soundtrack' more than 'classical'."""
    assert [a.name for a in service.parse(text).seed_artists] == [composer]


async def test_an_instrumental_act_has_no_home_scene(service: RecommendationService, built_catalog: Catalog) -> None:
    """Nujabes is tagged 'japanese' and mostly 'instrumental hip-hop': 'like nujabes but with vocals' led with
    J-pop (ARASHI, DREAMS COME TRUE) for the place alone."""
    answer = await service.ask("something like nujabes but with vocals", count=10)
    genres = [
        built_catalog.artist(built_catalog.artist_index(r.track.artist_ids[0]) or 0).genres for r in answer.results
    ]
    assert len(answer.results) == 10
    assert not [g for g in genres if "j-pop" in g], genres
    # 'with vocals' only filters beside a named act: every song's reasons opened with 'with vocals (instrumental 0.00)'
    assert not [r for rec in answer.results for r in rec.reasons if r.kind == "mood"]


async def test_bangers_beside_named_acts_keep_the_acts_own_hits(
    service: RecommendationService, built_catalog: Catalog
) -> None:
    """'2010s indie bangers like foster the people' ruled out every Foster the People song (Pumped Up Kicks has
    energy 0.71) under the genre-wide floor; a genre alone keeps it ('rock bangers' are loud hits)."""
    seeded = service.parse("indie bangers like foster the people")
    energy = [f for f in seeded.features if f.feature == "energy"]
    assert [f.low for f in energy] == [0.65]
    alone = [f for f in service.parse("rock bangers").features if f.feature == "energy"]
    assert [f.low for f in alone] == [0.82]
    answer = await service.ask("trap bangers like migos and travis scott", count=10)
    assert len(answer.results) == 10


def test_thrash_alone_is_thrash_metal(service: RecommendationService) -> None:
    """'old school thrash like metalica kill em all era' left 'thrash' unused ('I don't know it yet')."""
    query = service.parse("old school thrash like metallica kill em all era")
    assert query.genres == ("thrash metal",)
    assert not query.ignored


@pytest.mark.parametrize("text", ["kpop girl groups", "kpop boy groups"])
async def test_a_scene_read_through_its_acts_is_filled_by_all_of_them(
    service: RecommendationService, text: str
) -> None:
    """The note names three acts, and only those three filled the answer: 'kpop girl groups' stopped at eight songs
    ('That's all I have') while TWICE and ITZY have songs here; 'kpop boy groups' had ten songs and still said
    'Nothing in the catalog matches all of that'."""
    answer = await service.ask(text, count=10)
    acts = {r.track.artists[0] for r in answer.results}
    assert len(answer.results) == 10
    assert len(acts) >= 6, acts
    assert not [n for n in answer.notes if "That's all I have" in n or n.startswith("Nothing in the catalog")]


async def test_a_pasted_spotify_link_is_its_song_and_other_links_are_said(
    service: RecommendationService, built_catalog: Catalog
) -> None:
    """'/recommend query:https://open.spotify.com/track/...' answered an empty 'Recommendations' with the hint said
    twice; a YouTube link was read as words ('youtu' an act)."""
    song = built_catalog.track(built_catalog.search_tracks("blinding lights the weeknd", 1)[0].index)
    link = f"https://open.spotify.com/track/{song.external_id}?si=0123abcd"
    query = service.parse(f"songs like {link} but chill")
    assert [t.name for t in query.seed_tracks] == ["Blinding Lights - The Weeknd"]
    assert query.moods == ("chill",)
    assert not query.links
    answer = await service.ask(link, count=5)
    assert len(answer.results) == 5
    video = await service.ask("like this https://youtu.be/dQw4w9WgXcQ pls", count=5)
    assert video.query.links == ("youtu.be",)
    assert video.notes == ("I can't open links (youtu.be); tell me the song's title and artist instead.",)
    missing = service.parse("https://open.spotify.com/track/AAAAAAAAAAAAAAAAAAAAAA")
    assert missing.links == ("spotify",)


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        (
            "gimme some indie like foster the people, mgmt, two door",
            ["Foster The People", "MGMT", "Two Door Cinema Club"],
        ),
        ("old school country like johnny cash, waylon n willie", ["Johnny Cash", "Waylon Jennings", "Willie Nelson"]),
        ("old school thrash like metalica kill em all era", ["Metallica"]),
    ],
)
def test_acts_named_the_way_fans_name_them(service: RecommendationService, text: str, acts: list[str]) -> None:
    """Set L: 'two door' was a count of two and an unused 'door'; 'waylon n willie' one unknown name; 'metalica kill
    em all era' one unknown name of three words, though 'like metalica' alone is Metallica."""
    query = service.parse(text)
    assert [a.name for a in query.seed_artists] == acts
    assert not query.ignored
    assert not query.unresolved


def test_an_aesthetic_is_no_mood(service: RecommendationService) -> None:
    """'vaporwave / city pop aesthetic' read 'aesthetic' by its vector as spoken word (rapped songs)."""
    query = service.parse("vaporwave / city pop aesthetic")
    assert not query.moods
    assert not query.meant


@pytest.mark.parametrize(("text", "latest"), [("reggaeton viejo", 2010), ("old school dubstep", 2013)])
def test_old_school_of_a_young_genre_is_its_own_early_years(
    service: RecommendationService, text: str, latest: int
) -> None:
    """'reggaeton viejo tipo daddy yankee' was reggaeton up to 1999 (El General, Elvis Crespo's merengue), losing
    Gasolina; 'old school hip hop' stays up to 1999."""
    assert service.parse(text).year_max == latest
    assert service.parse("old school hip hop").year_max == 1999


def test_a_spaced_slash_lists_names_like_a_comma(service: RecommendationService) -> None:
    """'like black sabbath / electric wizzard' read Electric Light Orchestra from 'electric' and left 'wizzard'."""
    query = service.parse("doom metal, slow n heavy like black sabbath / electric wizzard")
    assert [a.name for a in query.seed_artists] == ["Black Sabbath", "Electric Wizard"]
    assert [a.name for a in service.parse("like ac/dc").seed_artists] == ["AC/DC"]


@pytest.mark.parametrize(
    ("text", "genre"), [("🎸🔥", "rock"), ("🤘🤘", "metal"), ("🇧🇷 hits", "brazilian"), ("🤠 songs", "country")]
)
def test_an_emoji_of_a_genre_or_a_place_is_read(service: RecommendationService, text: str, genre: str) -> None:
    """'🎸🔥' was bangers alone (reggaeton and Lizzo): the guitar was dropped."""
    assert genre in service.parse(text).genres


async def test_dancehall_is_its_acts_not_one_listeners_tag(service: RecommendationService) -> None:
    """'dancehall' was two Stromae songs (one listener's tag outweighed Sean Paul's); 'dancehall riddims like vybz
    kartel' too, with 'riddims' unused."""
    answer = await service.ask("dancehall riddims like vybz kartel", count=10)
    acts = {r.track.artists[0] for r in answer.results}
    assert len(answer.results) == 10
    assert {"Sean Paul", "Beenie Man", "Vybz Kartel"} <= acts
    assert not answer.query.ignored


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("eminen", "Eminem"), ("the weekend", "The Weeknd"), ("gaga", "Lady Gaga"), ("bowie", "David Bowie")],
)
def test_an_artist_option_takes_the_act_meant(service: RecommendationService, typed: str, meant: str) -> None:
    """'/similar eminen' was Eminence (one point closer than Eminem), 'the weekend' Vampire Weekend."""
    assert service.resolve_artist(typed).name == meant


def test_a_mention_typed_as_an_artist_is_asked_about(service: RecommendationService) -> None:
    """'/recommend artist:@everyone' answered 'like Evernone' without a word."""
    with pytest.raises(UnknownSeedError):
        service.resolve_artist("@everyone")


def test_a_missing_song_of_little_words_is_said_missing(service: RecommendationService) -> None:
    """'songs like as it was harry styles' dropped 'as it was' without a word (the song is newer than the catalog)."""
    query = service.parse("songs like as it was harry styles")
    assert [a.name for a in query.seed_artists] == ["Harry Styles"]
    assert query.unresolved == ("as it was by Harry Styles",)
    assert service.parse("like some more harry styles").unresolved == ()


@pytest.mark.parametrize(
    ("text", "genres", "moods"),
    [
        ("perreo pa la disco pero sin bad bunny", ("reggaeton",), ("party",)),  # 'disco' was the genre
        ("Neue Deutsche Härte, aber nicht Rammstein", ("german industrial metal",), ()),  # 'Härte' unknown
        ("des chansons qui donnent la pêche, sans rap svp", (), ("upbeat",)),  # 'pêche' unused
        ("anos 90 brasileiro, axé e tal", ("brazilian",), ()),  # 'brazilian brazilian'
        ("musicas sertanejas", ("sertanejo",), ()),  # 'sertanejas' unknown
        ("salsa romantica de la vieja escuela", ("salsa",), ("romantic",)),  # 'escuela' unused, no language read
        ("french touch", ("french house",), ()),
    ],
)
def test_set_m_local_words_are_read(
    service: RecommendationService, text: str, genres: tuple[str, ...], moods: tuple[str, ...]
) -> None:
    """Set M (requests in Spanish, Portuguese, French and German as typed on Discord)."""
    query = service.parse(text)
    assert query.genres == genres
    assert query.moods == moods
    assert not query.ignored
    assert not query.unresolved


def test_set_m_a_genre_left_out_that_only_stands_in_leaves_nothing_out(service: RecommendationService) -> None:
    """'ohne Schlager': no schlager here, and its stand-in (pop) left out nearly everything; 'mit Freunden, aber'
    seeded Marshmello's 'FRIENDS'."""
    query = service.parse("gib mir 5 Songs zum Grillen mit Freunden, aber ohne Schlager")
    assert not query.exclude_genres
    assert not query.seed_tracks
    assert [t.name for t in service.parse("yellow, but sadder").seed_tracks] == ["Yellow - Coldplay"]


async def test_set_m_sertanejo_is_its_acts_songs(service: RecommendationService) -> None:
    """'sertanejo' was two Gusttavo Lima songs: the duos' songs here are filed under playlist labels."""
    answer = await service.ask("sertanejo", count=10)
    assert len(answer.results) == 10
    assert {r.track.artists[0] for r in answer.results} <= set(PLAYED_BY["sertanejo"])
    assert len(answer.notes) == 1
