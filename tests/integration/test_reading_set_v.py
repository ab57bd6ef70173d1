"""Set V (`tests/data/fan_requests_v.json`): a 52-year-old parent's requests, typed as whole sentences that tell a
story around what they ask. Each test is a dev request's misreading (or its class) on the start tree."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService

pytestmark = pytest.mark.asyncio


@pytest.mark.parametrize(
    ("text", "seed"),
    [
        ("My son has been playing me Arctic Monkeys in the car. I actually like it! Who else is like them?",
         "Arctic Monkeys"),
        ("My daughter loves Taylor Swift, what older artists would she like?", "Taylor Swift"),
        ("my teenage daughter keeps playing billie eilish, anything similar?", "Billie Eilish"),
    ],
)  # fmt: skip
async def test_a_person_in_the_story_is_no_genre_act_or_mood(
    service: RecommendationService, text: str, seed: str
) -> None:
    """'My son has been playing me Arctic Monkeys in the car' read the Cuban genre son and a driving mood: Suzanne
    Vega's 'Luka' and 'Born in the U.S.A.' came back; 'my daughter' was said unused."""
    query = service.parse(text)
    assert [a.name for a in query.seed_artists] == [seed]
    assert not query.genres
    assert not query.moods
    assert not query.ignored
    assert not query.read_as


async def test_a_habit_is_not_the_band_the_used(service: RecommendationService) -> None:
    """'Can you recommend some doo-wop? My dad used to sing it in the car.' was The Used (My Chemical Romance, AFI)
    and 'doo wop' said unknown."""
    answer = await service.ask("Can you recommend some doo-wop? My dad used to sing it in the car.", count=5)
    seeds = {a.name for a in answer.query.seed_artists}
    assert "The Used" not in seeds
    assert {"The Five Satins", "The Shirelles"} & seeds
    artists = [r.track.artists[0] for r in answer.results]
    assert {"The Five Satins", "The Shirelles", "The Drifters"} & set(artists), artists
    assert not answer.query.moods
    # 'Somebody That I Used To Know' keeps its words
    songs = [t.name for t in service.parse("somebody that i used to know by gotye").seed_tracks]
    assert songs
    assert songs[0].startswith("Somebody That I Used To Know")


async def test_a_childhood_beside_an_act_is_when_it_was_heard(service: RecommendationService) -> None:
    """'songs similar to The Supremes? My mother played them constantly when I was little.' answered from the 2000s
    (a chat-age member's childhood): Fantasia, John Legend, Jody Watley."""
    text = "Can you recommend some songs similar to The Supremes? My mother played them constantly when I was little."
    query = service.parse(text)
    assert [a.name for a in query.seed_artists] == ["The Supremes"]
    assert query.year_min is None
    assert query.year_max is None
    assert query.artists_from is None
    assert not query.ignored
    assert service.parse("songs from when i was little").year_min is not None  # alone, it is the era asked


async def test_the_song_the_story_names_is_the_seed(service: RecommendationService) -> None:
    """'My husband keeps humming that song Baker Street, the one with the saxophone' read 'humming' as loud, the
    saxophone as a genre, and said 'Baker Street' unused."""
    text = (
        "My husband keeps humming that song Baker Street, the one with the saxophone. "
        "Can you find more songs like that?"
    )
    query = service.parse(text)
    assert [t.name for t in query.seed_tracks] == ["Baker Street - Gerry Rafferty"]
    assert not query.genres
    assert not query.moods
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "seed"),
    [
        ("Who sounds like Joni Mitchell? I've worn out my copy of Blue.", "Joni Mitchell"),
        ("My son got me into Kendrick Lamar, but I grew up on soul. Who connects the two?", "Kendrick Lamar"),
    ],
)
async def test_what_the_story_says_asks_for_nothing(service: RecommendationService, text: str, seed: str) -> None:
    """'my copy of Blue' was the boy band Blue (*NSYNC, Backstreet Boys beside Joni Mitchell); 'connects' was read by
    meaning as driving ('Milkshake', 'Yeah!'), and 'son' as the Latin genre."""
    query = service.parse(text)
    assert [a.name for a in query.seed_artists] == [seed]
    assert not query.moods
    assert not query.ignored
    assert not query.meant
    assert set(query.genres) <= {"soul"}


async def test_not_knowing_what_one_wants_is_no_song(service: RecommendationService) -> None:
    """'I don't really know what I want. Something to put on while I cook dinner.' seeded the song 'Know What I
    Want' by August Wahh."""
    query = service.parse("I don't really know what I want. Something to put on while I cook dinner.")
    assert not query.seed_tracks
    assert not query.seed_artists
    assert query.moods


@pytest.mark.parametrize("text", ["I'd like some soul", "I'd love some soul please", "it'd be nice to hear soul"])
async def test_i_would_is_english(service: RecommendationService, text: str) -> None:
    """'I'd like some soul' read the 'd' through the French table ('I'of') and said "Not used: 'I'd'"; 'I'd love'
    asked for love songs."""
    query = service.parse(text)
    assert query.genres == ("soul",)
    assert not query.ignored
    assert not query.moods


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("I'd love some Philly soul, the O'Jays and Harold Melvin sound.", {"The O'Jays", "The Spinners"}),
        ("What would you suggest for a quiet storm playlist? Late night, candles, that kind of thing.",
         {"Anita Baker", "Luther Vandross", "Sade", "Smokey Robinson", "Freddie Jackson"}),
        ("somethign like creedance clearwater revival please, that swampy rock sound",
         {"Creedence Clearwater Revival", "The Band", "Little Feat"}),
    ],
)  # fmt: skip
async def test_a_scene_no_tag_names_is_its_acts(service: RecommendationService, text: str, acts: set[str]) -> None:
    """Philly soul was soul at large (Fantasia, Chaka Khan), quiet storm R&B with a night drive's energy (SZA,
    Noah Kahan, an Italian rap song), swamp rock roots rock cut to three songs (Chris Isaak twice)."""
    answer = await service.ask(text, count=5)
    artists = [r.track.artists[0] for r in answer.results]
    assert len(artists) == 5
    assert acts & set(artists[:2]), artists
    assert not any("Christmas" in r.track.title for r in answer.results), [r.track.title for r in answer.results]


async def test_a_note_ends_once_after_a_name_ending_in_a_stop(service: RecommendationService) -> None:
    """'... the artists known for them: Lin-Manuel Miranda, Zac Efron, Leslie Odom Jr..'"""
    answer = await service.ask("broadway showtunes", count=5)
    assert answer.results
    assert answer.notes
    assert not any(n.endswith("..") for n in answer.notes), answer.notes


@pytest.mark.parametrize(
    ("text", "song"),
    [
        ("Something like Don't Stop Believin' for a karaoke night with the teachers.", "Don't Stop Believin'"),
        ("Anything like Ain't No Mountain High Enough, the Marvin and Tammi version?", "Ain't No Mountain High Enough"),
        ("songs like no woman no cry", "No Woman, No Cry"),
    ],
)
async def test_a_title_holding_a_negation_is_the_song(service: RecommendationService, text: str, song: str) -> None:
    """'Don't Stop Believin'' beside an occasion was "I don't know 'Stop Believin'" (its 'don't' read as leaving
    out) and Coolio for karaoke; 'Ain't No Mountain High Enough' seeded the act AINT and left the band Mountain out."""
    query = service.parse(text)
    assert [t.name.split(" - ")[0] for t in query.seed_tracks] == [song]
    assert not query.exclude_artists
    assert not query.unresolved
    for kept in ("songs like drake but not drake", "something like radiohead not creep"):
        assert service.parse(kept).exclude_artists or service.parse(kept).exclude_tracks


async def test_thinking_about_life_is_a_mood_not_a_topic(service: RecommendationService) -> None:
    """'a long drive alone at night, just thinking about life' led with 'Life in the Fast Lane' and club remixes
    whose titles hold 'life'."""
    query = service.parse("What's good for a long drive alone at night, just thinking about life?")
    assert not query.topics
    assert "melancholic" in query.moods
    assert service.parse("songs about life").topics == ("life",)


async def test_a_slow_dance_at_a_party_is_no_dance_floor(service: RecommendationService) -> None:
    """'4 good songs for a slow dance at my parents' 50th wedding anniversary party' read the party's danceability
    floor beside the slow dance: SZA's 'Love Galore' with Travis Scott, TLC."""
    text = "Can you give me 4 good songs for a slow dance at my parents' 50th wedding anniversary party?"
    query = service.parse(text)
    assert "party" not in query.moods
    assert not any(f.feature == "danceability" and f.low is not None for f in query.features)
    assert "party" in service.parse("house party").moods


@pytest.mark.parametrize("text", ["somethin like Whitny Houston, the big voice ballads", "singers with big voices"])
async def test_a_big_voice_is_its_singers(service: RecommendationService, text: str) -> None:
    """'the big voice ballads' was said unused beside Whitney Houston: a Céline Dion dance remix, Jamie Foxx."""
    answer = await service.ask(text, count=5)
    assert not answer.query.ignored
    artists = [r.track.artists[0] for r in answer.results]
    assert len({"Whitney Houston", "Aretha Franklin", "Mariah Carey", "Adele", "Kelly Clarkson"} & set(artists)) >= 2


@pytest.mark.parametrize(
    ("text", "seed"),
    [
        ("my brother keeps playing metallica in the kitchen, anything heavier?", "Metallica"),
        ("My grandson showed me Billie Eilish last week. Anything calmer like that?", "Billie Eilish"),
        ("mi hija escucha a Shakira todo el día, ¿algo parecido?", "Shakira"),
        ("minha filha ouve Anitta o dia todo", "Anitta"),
        ("meine Tochter hört Rammstein, was ähnliches?", "Rammstein"),
    ],
)
async def test_what_the_person_in_the_story_plays_is_the_seed(
    service: RecommendationService, text: str, seed: str
) -> None:
    """Tried after the set's fixes, untuned: 'keeps playing metallica' was said unused; 'mi hija escucha a Shakira
    todo el día' was an unknown 'hija escucha' and 'Shakira todo' and no answer at all."""
    query = service.parse(text)
    assert [a.name for a in query.seed_artists] == [seed]
    assert not query.ignored
    assert not query.meant


async def test_a_setting_in_the_story_is_no_genre_and_newer_acts_give_way(service: RecommendationService) -> None:
    """Tried untuned after the set: 'my dad keeps blasting AC/DC in the garage, anything similar but newer?' read
    UK garage beside AC/DC and acts begun after 2000, and said "Nothing in the catalog matches all of that"."""
    text = "my dad keeps blasting AC/DC in the garage, anything similar but newer?"
    query = service.parse(text)
    assert [a.name for a in query.seed_artists] == ["AC/DC"]
    assert not query.genres
    assert query.artists_from is not None
    answer = await service.ask(text, count=5)
    assert len(answer.results) == 5
    # where too few newer acts fit, the bound gives way and says so, rather than answering nothing
    thin = await service.ask("garage like AC/DC but newer", count=5)
    assert thin.results
    assert "Few newer acts fit all of that, so some began earlier." in thin.notes
