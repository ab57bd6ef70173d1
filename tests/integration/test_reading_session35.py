"""The thirty-fifth session's readings: an indie kid's requests (set AL, `tests/data/fan_requests_al.json`) and what
they showed of every member's: a ride that is no band, a misspelt name through a little word, a missing song's
words that are no mood, a list of acts without a cue, albums named the way fans name them, a song described, and
requests in Japanese."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService


@pytest.mark.parametrize(
    ("text", "moods"),
    [
        ("late-night train home, headphones on, staring out the window", {"night drive", "travel"}),
        ("the train home, headphones on", {"travel"}),
        ("rainy melbourne tram ride music", {"rainy", "travel"}),
    ],
)
def test_a_ride_home_is_no_band(service: RecommendationService, text: str, moods: set[str]) -> None:
    """'late-night train home' seeded the band Train (Goo Goo Dolls, Daughtry): a word a famous act is called, after
    a mood that could describe it, is the act only where the name ends what it is said in."""
    query = service.parse(text)
    assert not query.seed_artists, query.interpretation()
    assert moods <= set(query.moods)


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("late-night train", "Train"),
        ("upbeat madness ska", "Madness"),
        ("late night the national", "The National"),
        ("beach boys type music", "The Beach Boys"),
        ("like clairo meets the strokes", "The Strokes"),
    ],
)
def test_a_described_or_everyday_named_act_is_still_the_act(
    service: RecommendationService, text: str, act: str
) -> None:
    query = service.parse(text)
    assert act in {a.name for a in query.seed_artists}, query.interpretation()
    assert not query.ignored, query.interpretation()


def test_a_shop_is_no_pet_shop_boys(service: RecommendationService) -> None:
    """'op shop browsing on a saturday morning' seeded Pet Shop Boys ('shop' as the short name of a famous act)."""
    query = service.parse("op shop browsing on a saturday morning vibes")
    assert not query.seed_artists, query.interpretation()
    assert "morning" in query.moods


def test_a_misspelt_name_runs_through_its_little_word(service: RecommendationService) -> None:
    """'cigarettes after sx': the span stopped at 'after' and found Stormzy's 'Cigarettes & Cush', 'sx' unused."""
    query = service.parse("somthing like cigarettes after sx")
    assert [a.name for a in query.seed_artists] == ["Cigarettes After Sex"], query.interpretation()
    assert not query.seed_tracks
    assert not query.ignored


def test_a_band_named_like_a_listener_tag_is_the_band(service: RecommendationService) -> None:
    """'panic at the disco' is a listener tag too; read as a genre, the band was never a seed."""
    query = service.parse("songs like panic at the disco")
    assert [a.name for a in query.seed_artists] == ["Panic! At The Disco"], query.interpretation()
    assert not query.genres


def test_a_missing_songs_words_are_no_mood(service: RecommendationService) -> None:
    """'just heard apocalypse by cigarettes after sex': the song is not here, so its act stood in, and then the word
    'cigarettes' of the act's name was read by meaning as a party mood (Hoodie Allen, Elderbrook)."""
    query = service.parse("just heard 'apocalypse' by cigarettes after sex and need more like it")
    assert [a.name for a in query.seed_artists] == ["Cigarettes After Sex"]
    assert not query.moods, query.interpretation()
    assert not query.meant
    assert query.missing_songs(), query.interpretation()
    assert not query.ignored  # 'heard' says nothing


def test_a_song_by_an_unknown_act_is_still_read_for_what_it_can_say(service: RecommendationService) -> None:
    """Where no act stands in ('hype boy by newjeans'), the words are still read: an empty answer helps nobody."""
    query = service.parse("songs like 'hype boy' by newjeans")
    assert query.moods or query.unresolved


@pytest.mark.parametrize(
    "text", ["deep cuts similar to clairo, not the tiktok ones", "clairo but not the tiktok songs", "no viral songs"]
)
def test_not_the_tiktok_ones_asks_for_the_lesser_known(service: RecommendationService, text: str) -> None:
    """'not the tiktok ones' read 'tiktok' as the last two years ('My songs run up to 2020'); it asks for the songs
    fewer people know, of any year."""
    query = service.parse(text)
    assert (query.year_min, query.year_max) == (None, None), query.interpretation()
    assert query.novelty.value == "deep"


def test_tiktok_songs_are_still_the_last_two_years(service: RecommendationService) -> None:
    assert service.parse("tiktok songs").year_min is not None


def test_no_kind_that_is_all_noise_leaves_that_kind_out(service: RecommendationService) -> None:
    """'shoegaze but no shoegaze that's all noise, the prettier stuff' left shoegaze out and asked for noise."""
    query = service.parse("shoegaze but no shoegaze that's all noise, the prettier stuff")
    assert list(query.genres) == ["shoegaze"], query.interpretation()
    assert "noise" in query.exclude_genres
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("phoebe bridgers + big thief + bon iver playlist", {"Phoebe Bridgers", "Big Thief", "Bon Iver"}),
        ("phoebe bridgers, big thief, bon iver playlist", {"Phoebe Bridgers", "Big Thief", "Bon Iver"}),
        ("steve lacy / rex orange county / dominic fike playlist", {"Steve Lacy", "Rex Orange County", "Dominic Fike"}),
    ],
)
def test_a_playlist_of_listed_acts_is_like_all_of_them(
    service: RecommendationService, text: str, acts: set[str]
) -> None:
    """'... + bon iver playlist' asked for Bon Iver's own songs (three of them led), and with commas 'big thief' was
    said unused: a list's last act is no more asked for than the others, and each item of a list is a name."""
    query = service.parse(text)
    assert {a.name for a in query.seed_artists} == acts, query.interpretation()
    assert not query.by_artists
    assert not query.ignored


async def test_a_playlist_of_listed_acts_leads_with_their_own_songs(service: RecommendationService) -> None:
    """'phoebe bridgers + big thief + bon iver playlist' was three Bon Iver songs and music like him; read as like
    all three it held none of theirs: a few of each act's own songs lead, music like theirs follows."""
    answer = await service.ask("phoebe bridgers + big thief + bon iver playlist", count=10)
    lead = {r.track.artists[0] for r in answer.results[:5]}
    assert lead == {"Phoebe Bridgers", "Big Thief", "Bon Iver"}, lead
    assert len({r.track.artists[0] for r in answer.results}) >= 6


def test_a_name_in_a_list_must_be_the_whole_item(service: RecommendationService) -> None:
    """'luke combs' (not here) is no Luke Bryan with 'combs' said unused."""
    query = service.parse("taylor swift and luke combs, country pop for the bride")
    assert [a.name for a in query.seed_artists] == ["Taylor Swift"], query.interpretation()


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("songs like tame impla currents", "Tame Impala"),
        ("like the album currents by tame impala", "Tame Impala"),
        ("like flower boy meets rex orange county", "Tyler, The Creator"),
        ("something like in rainbows era radiohead", "Radiohead"),
    ],
)
def test_an_album_named_as_fans_name_it(service: RecommendationService, text: str, act: str) -> None:
    """'tame impla currents' read 'currents' as a dreamy mood (the misspelt act hid the album), 'the album currents
    by tame impala' missed it for the band Currents, 'flower boy meets ...' was one unknown name, and 'in rainbows
    era radiohead' said 'by Radiohead' unused."""
    query = service.parse(text)
    assert act in {a.name for a in query.seed_artists}, query.interpretation()
    assert query.seed_tracks
    assert all(t.name.endswith(act) for t in query.seed_tracks)
    assert not query.moods, query.interpretation()
    assert not query.ignored, query.interpretation()
    assert not query.unresolved, query.interpretation()


def test_a_song_described_after_it_is_its_own_sound(service: RecommendationService) -> None:
    """'more like do i wanna know - arctic monkeys, that slow heavy riff' asked for hard rock and metal at full energy
    (Mötley Crüe, Slipknot): the words describe the song, whose own sound already says them."""
    query = service.parse("more like 'do i wanna know' - arctic monkeys, that slow heavy riff")
    assert [t.name for t in query.seed_tracks] == ["Do I Wanna Know? - Arctic Monkeys"]
    assert not query.genres, query.interpretation()
    assert not query.moods, query.interpretation()
    assert not query.features, query.interpretation()


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        ("インディーロックのおすすめある？", "indie rock"),
        ("シティポップが聴きたい", "city pop"),
        ("aussie rock", "australian rock"),
    ],
)
def test_a_genre_asked_without_spaces_or_in_slang(service: RecommendationService, text: str, genre: str) -> None:
    """Both Japanese requests were one unknown word and an empty answer; 'aussie' was said unused."""
    query = service.parse(text)
    assert list(query.genres) == [genre], query.interpretation()
    assert not query.unresolved
    assert not query.ignored


async def test_a_described_song_is_answered_with_songs_like_it(service: RecommendationService) -> None:
    answer = await service.ask("more like 'do i wanna know' - arctic monkeys, that slow heavy riff", count=10)
    acts = {a for r in answer.results for a in r.track.artists}
    assert not acts & {"Mötley Crüe", "Slipknot", "Papa Roach", "Bullet For My Valentine"}, acts
    assert len(answer.results) == 10


@pytest.mark.parametrize("text", ["インディーロックのおすすめある？", "シティポップが聴きたい"])
async def test_a_japanese_request_is_answered(service: RecommendationService, text: str) -> None:
    answer = await service.ask(text, count=10)
    assert len(answer.results) == 10
    assert answer.query.language == "ja"


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("stevie ray vaughn and other texas blues guitar slingers", {"Stevie Ray Vaughan"}),
        ("emmy lou harris and gram parsons stuff, that cosmic american music", {"Emmylou Harris", "Gram Parsons"}),
    ],
)
def test_a_misspelt_name_opening_the_request_is_the_act(
    service: RecommendationService, text: str, acts: set[str]
) -> None:
    """'stevie ray vaughn and other texas blues' read 'stevie' by meaning as vocal music and left 'ray vaughn' unused;
    'emmy lou harris and gram parsons' seeded Calvin Harris and Cosmic Gate."""
    query = service.parse(text)
    assert {a.name for a in query.seed_artists} == acts, query.interpretation()
    assert not query.meant


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("blues but nothin too slow, I need somethin with a shuffle to keep me movin down the interstate", "movin"),
        ("somethin calm and spiritual for sunday mornin before church", "mornin"),
    ],
)
def test_a_dropped_g_is_the_word_as_it_is_said(service: RecommendationService, text: str, word: str) -> None:
    """'movin' was read as a misspelt 'movie', and every 'mornin' was answered "I don't know the word 'mornin'"."""
    query = service.parse(text)
    assert word not in dict(query.meant), query.interpretation()


@pytest.mark.parametrize(("text", "word"), [("music that sings", "sings"), ("fish fry songs", "fry")])
def test_words_of_singing_are_not_read_as_a_mood(service: RecommendationService, text: str, word: str) -> None:
    """'sings', 'sang' were taken to mean vocal music, 'fry' (a fish fry) background music."""
    query = service.parse(text)
    assert word not in dict(query.meant), query.interpretation()
    assert not query.moods


@pytest.mark.parametrize(
    "text",
    ["songs that sound like driving through tokyo at night", "driving late at night", "a long drive alone at night"],
)
def test_a_drive_at_night_is_one_night_drive(service: RecommendationService, text: str) -> None:
    """The night gave way to the drive (80s rock: R.E.M., Tears For Fears), or the two were averaged (80s synthpop):
    a drive said with its night is the night drive."""
    query = service.parse(text)
    assert "night drive" in query.moods, query.interpretation()
    assert "driving" not in query.moods
    assert not query.gave_way


def test_an_hour_beside_a_drive_keeps_the_drive(service: RecommendationService) -> None:
    query = service.parse("something to keep me awake at 4am on shift, proper driving energy")
    assert "driving" in query.moods, query.interpretation()


@pytest.mark.parametrize(
    ("text", "mood"), [("upbeat indie for a spring walk", "morning"), ("spring break songs", "party")]
)
def test_spring(service: RecommendationService, text: str, mood: str) -> None:
    """The season was said unused; its break is a party."""
    query = service.parse(text)
    assert mood in query.moods, query.interpretation()
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "moods", "era"),
    [
        ("songs my grandma would dance to", {"dance"}, (1950, 1975)),
        ("something to blast in the car with the windows down", {"loud", "driving"}, (None, None)),
        ("i need a new favorite band, i like arctic monkeys and the 1975", set(), (None, None)),
        ("a blast from the past", set(), (None, 2012)),
    ],
)
def test_everyday_phrases(
    service: RecommendationService, text: str, moods: set[str], era: tuple[int | None, int | None]
) -> None:
    """'would dance to' went with grandma's generation and no dance was asked; 'blast' and 'windows' were unused; a
    new favourite band asked for 2016 on; 'a blast from the past' was the rapper PAST's own songs."""
    query = service.parse(text)
    assert set(query.moods) == moods, query.interpretation()
    assert (query.year_min, query.year_max) == era
    assert not query.ignored
    assert all(a.name != "PAST" for a in query.seed_artists)


@pytest.mark.parametrize(
    ("text", "acts"),
    [("k-pop for working out but no boy groups", {"SEVENTEEN", "BTS"}), ("kpop without girl groups", {"BLACKPINK"})],
)
async def test_kpop_without_one_kind_of_group_is_the_other(
    service: RecommendationService, text: str, acts: set[str]
) -> None:
    """'but no boy groups' left the boy-band tag out, which no K-pop act carries: X1 and SEVENTEEN answered it."""
    answer = await service.ask(text, count=10)
    heard = {a for r in answer.results for a in r.track.artists}
    assert not heard & acts, heard
    assert len(answer.results) == 10


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("songs like brand new", {"Brand New"}),
        ("songs for fans of both brand new and death cab", {"Brand New", "Death Cab for Cutie"}),
    ],
)
def test_an_act_named_like_an_era_after_a_cue(service: RecommendationService, text: str, acts: set[str]) -> None:
    """'songs like brand new' asked for the last two years; with 'both' a little word, 'both brand new' did too (the
    band had been a missing song 'both' by Brand New) and 'death cab' was The Cab and Death."""
    query = service.parse(text)
    assert {a.name for a in query.seed_artists} == acts, query.interpretation()
    assert query.year_min is None


def test_no_before_an_act_leaves_it_out_even_when_an_act_is_called_no_something(
    service: RecommendationService,
) -> None:
    """'pero nada de maná' (read as 'no maná') seeded the act No Mana, and Maná answered."""
    query = service.parse("canciones de rock en español de los 90 pero nada de maná")
    assert [a.name for a in query.exclude_artists] == ["Maná"], query.interpretation()
    assert not query.seed_artists
    assert [a.name for a in service.parse("songs like no doubt").seed_artists] == ["No Doubt"]


def test_emo_night_is_a_singalong_not_a_night_drive(service: RecommendationService) -> None:
    query = service.parse("emo songs for emo night")
    assert "night drive" not in query.moods, query.interpretation()
    assert "emo" in query.genres


def test_a_song_by_an_act_called_by_its_short_name(service: RecommendationService) -> None:
    """'songs like welcome to the black parade by mcr' was one unknown name and an empty answer."""
    query = service.parse("songs like 'welcome to the black parade' by mcr")
    assert [t.name for t in query.seed_tracks] == ["Welcome to the Black Parade - My Chemical Romance"]
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("pop punk but not blink again", "blink-182"),
        ("sad indie like death cab but not death cab", "Death Cab for Cutie"),
    ],
)
def test_an_act_left_out_by_the_name_fans_use(service: RecommendationService, text: str, left_out: str) -> None:
    """'not blink again' was an unknown 'blink again' (blink-182 answered); 'not death cab' left out the band Death
    and seeded The Cab."""
    query = service.parse(text)
    assert [a.name for a in query.exclude_artists] == [left_out], query.interpretation()
    assert not query.unresolved
    assert "The Cab" not in {a.name for a in query.seed_artists}


@pytest.mark.parametrize(
    ("text", "act"),
    [("warped tour lineup please", "Paramore"), ("scene kid era music", "3OH!3")],
)
def test_a_scene_of_the_2000s_is_its_acts(service: RecommendationService, text: str, act: str) -> None:
    query = service.parse(text)
    assert act in {a.name for a in query.seed_artists}, query.interpretation()
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "moods", "acts"),
    [
        ("music for when the kids are finally asleep", {"relaxing"}, set()),
        ("du bon pop-punk pour le char, genre simple plan", {"driving"}, {"Simple Plan"}),
    ],
)
def test_a_parents_words(service: RecommendationService, text: str, moods: set[str], acts: set[str]) -> None:
    """The kids asleep asked for kids' music; the French 'du bon' (good) seeded Bon Jovi."""
    query = service.parse(text)
    assert set(query.moods) == moods, query.interpretation()
    assert {a.name for a in query.seed_artists} == acts
