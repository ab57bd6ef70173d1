"""The thirty-sixth session's readings: genres written as one word or named by a listener tag among other words, and
requests that ask for music in everyday words ('what do you have', 'something I don't know yet', 'a good ol song')
that came back empty."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        ("madchester but not oasis", "madchester"),
        ("powerpop like big star", "power pop"),
        ("dreampop for a rainy night", "dream pop"),
        ("some darkwave for a goth night", "dark wave"),
        ("horrorpunk but not the misfits", "horror punk"),
        ("riot grrrl bands, no bikini kill", "riot grrrl"),
        ("ragtime piano for a silent film", "ragtime"),
        ("90s psytrance for a forest party", "psy-trance"),
    ],
)
def test_a_genre_tag_is_read_among_other_words(service: RecommendationService, text: str, genre: str) -> None:
    """'madchester' alone was the tag, and beside 'but not oasis' an unknown name with the tag itself suggested
    ('Did you mean madchester?'); one-word spellings ('dreampop', 'horrorpunk') were unknown in any request."""
    query = service.parse(text)
    assert genre in query.genres, query.interpretation()
    assert not query.unresolved, query.interpretation()


def test_a_genre_word_the_tree_knows_keeps_its_own_tags(service: RecommendationService) -> None:
    """'hardcore' is a genre of its own, not the spaced 'hard core' a one-word spelling stands for."""
    query = service.parse("something for the gym, thrash or hardcore")
    assert "hardcore" in query.genres, query.interpretation()
    assert "hard core" not in query.genres


@pytest.mark.parametrize(
    "text",
    [
        "What do you have that is good? I am not difficult, I like many things.",
        "whatcha got",
        "i like all kinds of music",
        "Something I don't know yet, but that I will probably like.",
    ],
)
async def test_asking_for_music_in_everyday_words_is_a_mix(service: RecommendationService, text: str) -> None:
    """Each was the help text or an unknown name ('know yet') and an empty answer."""
    answer = await service.ask(text, count=10)
    assert answer.query.surprise, answer.query.interpretation()
    assert not answer.query.unresolved
    assert len(answer.results) == 10


def test_what_you_have_like_an_act_is_the_act(service: RecommendationService) -> None:
    query = service.parse("what do you have like radiohead")
    assert [a.name for a in query.seed_artists] == ["Radiohead"], query.interpretation()
    assert not query.surprise


def test_something_not_known_yet_is_new_to_me(service: RecommendationService) -> None:
    assert service.parse("something I don't know yet").novelty == "deep"


@pytest.mark.parametrize(("text", "mood"), [("play me a good ol song", None), ("afterparty at 7am", "party")])
async def test_everyday_words_are_no_unknown_names(service: RecommendationService, text: str, mood: str | None) -> None:
    """'a good ol' and 'afterparty' were unknown names, and the answers empty."""
    answer = await service.ask(text, count=10)
    assert not answer.query.unresolved, answer.query.interpretation()
    assert mood is None or mood in answer.query.moods
    assert answer.results


def test_good_ol_songs_are_old(service: RecommendationService) -> None:
    query = service.parse("Songs by Willie Nelson, the good ol ones")
    assert query.year_max is not None, query.interpretation()
    assert query.year_max < 2000
    assert [a.name for a in query.by_artists] == ["Willie Nelson"]


def test_a_kind_said_with_sounding_is_the_kind(service: RecommendationService) -> None:
    query = service.parse("more traditional sounding country")
    assert "traditional country" in query.genres, query.interpretation()
    assert not query.unresolved


@pytest.mark.parametrize("text", ["du rock québécois le fun", "quebec rock", "chansons québécoises"])
def test_quebec_is_french_canadian(service: RecommendationService, text: str) -> None:
    """'québécois' was unread, and 'du rock' a song by The Rock (French 'du' before a genre is 'some')."""
    query = service.parse(text)
    assert not query.seed_artists, query.interpretation()
    assert any("canadian" in g for g in query.genres), query.interpretation()
    assert not query.ignored


@pytest.mark.parametrize("text", ["my kid's 8th birthday party, fun pop songs", "my daughter's 6th bday"])
def test_a_childs_birthday_is_for_kids(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert "kids" in query.moods, query.interpretation()
    assert not query.ignored


@pytest.mark.parametrize("text", ["catchy indie rock", "karaoke songs everybody knows"])
def test_catchy_is_the_songs_people_know(service: RecommendationService, text: str) -> None:
    """'catchy' and 'everybody knows' were unread words."""
    query = service.parse(text)
    assert query.novelty == "familiar", query.interpretation()
    assert not query.ignored


@pytest.mark.parametrize(
    "text",
    ["glute day playlist", "deadlifts", "hiit session songs", "tabata", "spin class songs", "boxing class music"],
)
def test_the_gym_floors_words_are_the_workout(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert "workout" in query.moods, query.interpretation()
    assert not query.ignored
    assert not query.unresolved


@pytest.mark.parametrize(
    "text", ["just 3 songs for my cooldown", "chill songs for stretching", "post-workout stretch", "yoga after hiit"]
)
def test_the_cooldown_is_calm(service: RecommendationService, text: str) -> None:
    """'cooldown' and 'stretching' were unread; 'post-workout' seeded Post Malone; 'after hiit' asked for the
    workout itself."""
    query = service.parse(text)
    assert not query.seed_artists, query.interpretation()
    assert "workout" not in query.moods
    assert {"calm", "meditation"} & set(query.moods)


def test_the_gym_beside_a_named_song_cuts_none_of_its_kind(service: RecommendationService) -> None:
    """The workout's energy floor (0.8) left out 'Sicko Mode' itself (0.73) and most songs like it; beside named
    acts or songs it ranks by energy."""
    query = service.parse("songs like 'sicko mode' travis scott for deadlifts")
    assert query.seed_tracks, query.interpretation()
    assert "workout" in query.moods
    assert all(f.low is None for f in query.features), query.interpretation()


def test_the_gym_alone_keeps_its_floors(service: RecommendationService) -> None:
    query = service.parse("workout rap")
    assert any(f.feature == "energy" and f.low is not None for f in query.features), query.interpretation()


@pytest.mark.parametrize(("text", "count"), [("5 by eminem for deadlifts", 5), ("give me 3 by drake", 3)])
def test_a_number_before_by_counts_the_acts_songs(service: RecommendationService, text: str, count: int) -> None:
    """'5 by eminem' was looked for as the song '5' (two of his songs and his neighbours answered)."""
    query = service.parse(text)
    assert query.count == count, query.interpretation()
    assert len(query.by_artists) == 1
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "song"), [("22 by taylor swift", "22 - Taylor Swift"), ("1999 by prince", "1999 - Prince")]
)
def test_a_song_titled_with_a_number_is_the_song(service: RecommendationService, text: str, song: str) -> None:
    assert [t.name for t in service.parse(text).seed_tracks] == [song]


def test_a_number_in_a_title_is_no_count(service: RecommendationService) -> None:
    assert service.parse("more songs like black no. 1 by type o negative").count != 1


@pytest.mark.parametrize("text", ["8 songs for a 30 min hiit session", "songs for 30 minutes of cardio"])
def test_the_sessions_minutes_are_no_songs_length(service: RecommendationService, text: str) -> None:
    """'a 30 min hiit session' asked for 30-minute songs, and the answer was empty."""
    query = service.parse(text)
    assert query.seconds_min is None, query.interpretation()
    assert query.seconds_max is None


def test_a_songs_length_is_still_read(service: RecommendationService) -> None:
    assert service.parse("songs under 4 minutes").seconds_max == 240


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        ("who sounds like megan thee stallion? need that energy for my glutes class", "energetic"),
        ("stuff like pop smoke, that bounce", "southern hip hop"),
    ],
)
def test_words_describing_a_named_act_are_its_own_sound(
    service: RecommendationService, text: str, not_read: str
) -> None:
    """'that energy' asked for energy 0.87 and up beside Megan Thee Stallion (Latin pop answered), 'that bounce' for
    southern hip hop beside Pop Smoke (2000s rap)."""
    query = service.parse(text)
    assert query.seed_artists, query.interpretation()
    assert not_read not in (*query.moods, *query.genres), query.interpretation()


def test_a_twist_after_but_is_still_asked(service: RecommendationService) -> None:
    query = service.parse("like drake but with that jazzy sound")
    assert query.genres, query.interpretation()


@pytest.mark.parametrize(
    "text", ["5am run on the beach before the sun comes up", "mellow acoustic stuff after a 5am class"]
)
def test_a_time_of_day_is_no_act(service: RecommendationService, text: str) -> None:
    """'5am' seeded an act named 5am; 'before the sun comes up' is first light."""
    query = service.parse(text)
    assert not query.seed_artists, query.interpretation()
    assert not query.ignored


def test_first_light_is_morning(service: RecommendationService) -> None:
    assert "morning" in service.parse("songs for before the sun comes up").moods


@pytest.mark.parametrize("text", ["música boa pra churrasco com os amigos", "canciones para un asado"])
def test_a_cookout_in_another_language_is_its_songs(service: RecommendationService, text: str) -> None:
    """'música pra churrasco' was the American cookout's funk (Kool & The Gang, Maze): in another language the
    moment is its mood, and the answer leans to songs sung in the language, as the gym's does."""
    query = service.parse(text)
    assert not query.played_by, query.interpretation()
    assert "summer" in query.moods


def test_a_cookout_in_english_is_still_its_acts(service: RecommendationService) -> None:
    assert service.parse("backyard bbq music").played_by


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("just 5 for closing", "calm"),
        ("something nice for the shop", "background"),
        ("music for my store", "background"),
    ],
)
def test_a_shops_hours_are_moods(service: RecommendationService, text: str, mood: str) -> None:
    """'just 5 for closing' was the help text; 'something nice for the shop' a mix with Motörhead in it."""
    query = service.parse(text)
    assert mood in query.moods, query.interpretation()
    assert not query.ignored


@pytest.mark.parametrize("text", ["bosanova for the morning", "bossanova"])
def test_bossa_nova_run_together_is_bossa_nova(service: RecommendationService, text: str) -> None:
    assert "bossa nova" in service.parse(text).genres


def test_slow_songs_are_soft_too(service: RecommendationService) -> None:
    """The tempo alone found trap at 75 bpm: 'slow songs' led with Travis Scott, DaBaby and Juice WRLD."""
    query = service.parse("slow songs")
    assert any(f.feature == "energy" and f.high is not None for f in query.features), query.interpretation()


def test_songs_people_recognise_are_the_known_ones(service: RecommendationService) -> None:
    assert service.parse("pop songs people recognise").novelty == "familiar"


@pytest.mark.parametrize("text", ["erika badu vibes", "Erika Badu"])
def test_a_misspelt_first_name_before_an_exact_surname_is_the_act(service: RecommendationService, text: str) -> None:
    """'erika badu' scored under the fuzzy floor against Erykah Badu, and the act Erika took the request."""
    query = service.parse(text)
    assert [a.name for a in query.seed_artists] == ["Erykah Badu"], query.interpretation()
    assert not query.ignored


def test_not_loud_is_quieter_than_just_under_loud(service: RecommendationService) -> None:
    """'without being loud' kept everything under loud's -4.2 dB ('Song 2', 'Formation')."""
    query = service.parse("happy songs but not loud")
    ceiling = [f.high for f in query.features if f.feature == "loudness"]
    assert ceiling, query.interpretation()
    assert ceiling[0] is not None
    assert ceiling[0] <= -7.0


def test_a_listening_night_is_no_night_drive(service: RecommendationService) -> None:
    query = service.parse("vinyl listening night, classic albums that sound great on a record")
    assert "night drive" not in query.moods, query.interpretation()


@pytest.mark.parametrize("text", ["música portuguesa para uma tarde de domingo", "música tranquila para la tarde"])
def test_the_afternoon_is_read_in_portuguese_and_spanish(service: RecommendationService, text: str) -> None:
    assert "tarde" not in " ".join(service.parse(text).ignored)


@pytest.mark.parametrize(
    ("text", "act"),
    [("melodic bass for the drive home", "ILLENIUM"), ("melodic dubstep", "Seven Lions"), ("brostep era", "Skrillex")],
)
def test_the_festivals_bass_styles_are_their_acts(service: RecommendationService, text: str, act: str) -> None:
    """'melodic bass' was sad acoustic ballads; 'brostep' an unread word."""
    assert act in {a.name for a in service.parse(text).seed_artists}


def test_before_a_style_leaves_it_out(service: RecommendationService) -> None:
    """'2008 dubstep, before brostep' would have seeded Skrillex once 'brostep' was read."""
    query = service.parse("2008 dubstep, the dmz/tempa era, before brostep")
    assert "Skrillex" in {a.name for a in query.exclude_artists}, query.interpretation()
    assert not query.seed_artists


@pytest.mark.parametrize("text", ["edc pregame", "tomorrowland vibes"])
def test_a_festival_by_name_is_edm(service: RecommendationService, text: str) -> None:
    """'edc' was an unknown name and an empty answer."""
    query = service.parse(text)
    assert "edm" in query.genres, query.interpretation()
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "not_seeded"), [("post-festival depression songs", "Post Malone"), ("sunrise set vibes", "Set It Off")]
)
def test_festival_moments_are_no_acts(service: RecommendationService, text: str, not_seeded: str) -> None:
    query = service.parse(text)
    assert not_seeded not in {a.name for a in query.seed_artists}, query.interpretation()
    assert query.moods


def test_drops_are_counted(service: RecommendationService) -> None:
    assert service.parse("15 drops for the pregame").asked_count == 15


@pytest.mark.parametrize(
    "text",
    [
        "stuff like rufus du sol for a sunrise set",
        "songs like the weeknd for a night drive",
        "like sade for the morning",
    ],
)
def test_a_moment_beside_a_named_act_ranks_and_cuts_nothing(service: RecommendationService, text: str) -> None:
    """A time or place beside named acts says when the music plays, not what it sounds like: its bounds had cut the
    acts' own songs ('like innerbloom rufus du sol, for when the sun comes up' answered Luther Vandross)."""
    query = service.parse(text)
    assert query.seed_artists, query.interpretation()
    assert query.moods
    assert all(f.low is None and f.high is None for f in query.features), query.interpretation()
