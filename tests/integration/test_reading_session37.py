"""The thirty-seventh session's readings: anger said the way people say it (where it came from, with whom, beside
a setting), the screamed kinds and the songs to scream along to, and the lofi channel's own words."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService


async def test_angry_without_metal_is_still_angry(service: RecommendationService) -> None:
    """Anger's listener evidence was metal's tags alone: without metal, anything loud and low-valence qualified
    (Mabel, Madeon, Julian Jordan). Punk's, hardcore's and post-hardcore's tags carry it too."""
    answer = await service.ask("something angry but not metal", count=10)
    artists = {r.track.artists[0] for r in answer.results}
    assert not artists & {"Mabel", "Madeon", "Julian Jordan", "DJ Goozo", "Post Malone"}, artists
    assert len(answer.results) == 10


@pytest.mark.parametrize(
    "text", ["angry music for when i'm pissed off at work", "frustrated at work need something loud"]
)
def test_a_feeling_at_work_is_no_music_for_work(service: RecommendationService, text: str) -> None:
    """'at work' says where the anger came from: the office's quiet background averaged it away (Khalid, Sam
    Smith); 'frustrated' was unread."""
    query = service.parse(text)
    assert "angry" in query.moods, query.interpretation()
    assert "background" not in query.moods
    assert not query.ignored


def test_music_for_work_is_still_background(service: RecommendationService) -> None:
    assert "background" in service.parse("chill music for work").moods


def test_a_setting_gives_way_to_a_feeling(service: RecommendationService) -> None:
    """'angry morning music' averaged the morning's brightness with the anger (JACKBOYS, Maluma, Cuco)."""
    query = service.parse("angry morning music")
    assert dict(query.gave_way).get("morning") == "angry", query.interpretation()
    assert all(f.because != "morning" for f in query.features)


@pytest.mark.parametrize("text", ["angry girl music", "angry girl music, like i wanna scream in the car"])
def test_angry_girl_music_is_its_singers(service: RecommendationService, text: str) -> None:
    """'girl' was unread: angry music with metal's tags (Slipknot, Disturbed)."""
    query = service.parse(text)
    assert {"Paramore", "Avril Lavigne"} <= {a.name for a in query.seed_artists}, query.interpretation()
    assert not query.ignored


@pytest.mark.parametrize("text", ["songs to scream along to", "songs to scream in the car", "songs to belt out"])
def test_songs_to_scream_are_singalongs(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert "vocal" in query.moods, query.interpretation()
    assert not query.ignored


def test_screamy_is_the_screamed_kinds(service: RecommendationService) -> None:
    """'less screamy' left out screamo alone, by a guessed spelling."""
    query = service.parse("artists like alexisonfire but a bit less screamy")
    assert {"screamo", "metalcore"} <= set(query.exclude_genres), query.interpretation()
    assert not query.meant


@pytest.mark.parametrize("text", ["chill beats to study to", "beats to study to", "some beats to chill to"])
def test_the_lofi_channels_words_are_lofi(service: RecommendationService, text: str) -> None:
    """'chill beats' was the tag 'beats', whose taggers filed DJ Antoine's house under it."""
    assert "lo-fi hip hop" in service.parse(text).genres


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Frank Ocean's Blonde album vibes", "Frank Ocean"),
        ("radiohead's ok computer", "Radiohead"),
        ("Somthing like Fleetwod Mac's Rumours album", "Fleetwood Mac"),
    ],
)
def test_an_album_said_as_its_acts_is_its_songs(service: RecommendationService, text: str, act: str) -> None:
    """ "Frank Ocean's Blonde album vibes" left 'Blonde album vibes' unused: the album was looked for in "s blonde"."""
    query = service.parse(text)
    assert query.seed_tracks, query.interpretation()
    assert [a.name for a in query.seed_artists] == [act]
    assert not query.ignored


async def test_a_thin_genre_counts_the_acts_tagged_it_lower(service: RecommendationService) -> None:
    """'americana' was four songs: Willie Nelson, Steve Earle and John Mellencamp carry the tag among their five
    strongest, Jackson Browne and The Band below 'classic rock' and 'singer-songwriter'."""
    answer = await service.ask("americana", count=10)
    artists = {r.track.artists[0] for r in answer.results}
    assert len(answer.results) == 10, answer.notes
    assert {"Jackson Browne", "The Band"} <= artists


async def test_a_stray_tag_far_from_the_genre_stays_out(service: RecommendationService) -> None:
    """One listener's 'anime' on Michelle Branch and Gloria Estefan: their other tags are nothing like the anime
    acts', so widening the thin genre leaves them out."""
    answer = await service.ask("10 anime songs i can sing in the shower", count=10)
    artists = {r.track.artists[0] for r in answer.results}
    assert not artists & {"Michelle Branch", "Gloria Estefan"}, artists


@pytest.mark.parametrize("text", ["metal for people who don't like metal", "jazz for someone who hates jazz"])
def test_a_kind_for_those_not_into_it_is_the_kind(service: RecommendationService, text: str) -> None:
    """The kind was left out and a mix across genres came back."""
    query = service.parse(text)
    assert query.genres, query.interpretation()
    assert not query.exclude_genres
    assert not query.surprise


def test_not_into_another_kind_still_leaves_it_out(service: RecommendationService) -> None:
    assert "rap" in service.parse("songs for my gf who doesn't like rap").exclude_genres


@pytest.mark.parametrize(
    "text",
    ["what should i listen to if i like the smiths and joy division", "what to listen to if you like radiohead"],
)
def test_listen_to_if_i_like_is_music_like_them(service: RecommendationService, text: str) -> None:
    """'listen to' made the acts the ones to play: ten songs of their own."""
    query = service.parse(text)
    assert query.seed_artists, query.interpretation()
    assert not query.by_artists


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("überrasch mich", "surprise"),
        ("gib mir 15 songs fürs vorglühen", "party"),
        ("irgendwas zum mitgrölen", "vocal"),
        ("vorglühen in der wg, wir brauchen bangers", "party"),
    ],
)
def test_a_german_students_words_are_read(service: RecommendationService, text: str, expected: str) -> None:
    """Each was unread: 'überrasch mich' an empty answer, 'vorglühen' (the pregame) and 'mitgrölen' (singing along
    at the top of one's voice) a mix of whatever the German lean found."""
    query = service.parse(text)
    assert query.surprise if expected == "surprise" else expected in query.moods, query.interpretation()
    assert not query.unresolved
    assert not query.ignored


def test_a_break_from_a_kind_leaves_it_out(service: RecommendationService) -> None:
    """'rap but not german, i need a break from deutschrap' asked for German rap (eight rejected acts of ten)."""
    query = service.parse("rap but not german, i need a break from deutschrap")
    assert "german hip hop" in query.exclude_genres, query.interpretation()
    assert "german hip hop" not in query.genres


@pytest.mark.parametrize(
    "text", ["was gibts gutes aus österreich? so falco, raf camora und so", "good stuff from austria"]
)
def test_something_good_from_a_country_is_its_scene(service: RecommendationService, text: str) -> None:
    """'österreich' was an unknown name ('Astra?'); 'good stuff from austria' the song 'Good Stuff' by Kelis."""
    query = service.parse(text)
    assert "austrian" in query.genres, query.interpretation()
    assert not query.unresolved
    assert not query.seed_tracks


@pytest.mark.parametrize("text", ["englische songs zum lernen, bitte nix deutsches", "songs with lyrics for studying"])
def test_sung_songs_to_study_to_are_no_instrumentals(service: RecommendationService, text: str) -> None:
    """Study leans to instrumentals; English songs or songs with lyrics asked beside it are sung (they were Yo La
    Tengo's and Röyksopp's instrumentals)."""
    query = service.parse(text)
    assert not any(f.feature == "instrumentalness" and (f.low or f.target) for f in query.features), query.features
    assert "focus" not in query.moods


def test_study_alone_still_leans_to_instrumentals(service: RecommendationService) -> None:
    query = service.parse("study music")
    assert any(f.feature == "instrumentalness" and f.target for f in query.features), query.features


@pytest.mark.parametrize(
    "text",
    [
        "My grandson told me to type something here... so, some music please? Thank you.",
        "my son set up this bot, something like the beatles please",
    ],
)
async def test_how_the_request_came_is_no_name(service: RecommendationService, text: str) -> None:
    """'grandson told me to type' was an unknown name and an empty answer; 'set up' seeded Set It Off."""
    answer = await service.ask(text, count=10)
    assert not answer.query.unresolved, answer.query.interpretation()
    assert "Set It Off" not in {a.name for a in answer.query.seed_artists}
    assert len(answer.results) == 10


def test_normal_chart_pop_is_no_act(service: RecommendationService) -> None:
    """'like normal chart jpop' seeded the act Normal, and the answer was empty."""
    query = service.parse("jpop w/o anime songs, like normal chart jpop")
    assert not query.seed_artists, query.interpretation()
    assert "j-pop" in query.genres


def test_a_decade_describing_a_named_act_is_no_era(service: RecommendationService) -> None:
    """'that dark 80s synth r&b' describes The Weeknd's sound: read as the years, it answered Anita Baker and
    Whitney Houston."""
    query = service.parse("similar artists to the weeknd pls, that dark 80s synth r&b")
    assert [a.name for a in query.seed_artists] == ["The Weeknd"], query.interpretation()
    assert (query.year_min, query.year_max) == (None, None)


def test_an_album_describing_a_named_act_is_no_unknown_name(service: RecommendationService) -> None:
    """'that berlin calling vibe' (his album) was an unknown name with 6LACK's 'Ex Calling' suggested."""
    query = service.parse("artists like paul kalkbrenner, that berlin calling vibe")
    assert not query.unresolved, query.interpretation()
    assert not query.suggestions


def test_the_drive_home_is_driving(service: RecommendationService) -> None:
    query = service.parse("songs like 'blinding lights' by the weeknd for my drive home")
    assert "driving" in query.moods, query.interpretation()
    assert not query.ignored


async def test_a_techno_acts_home_country_is_no_scene(service: RecommendationService) -> None:
    """Paul Kalkbrenner's 'german' made German rap his home scene: Bushido came with Booka Shade."""
    answer = await service.ask("like paul kalkbrenner", count=10)
    assert "Bushido" not in {r.track.artists[0] for r in answer.results}


def test_like_that_one_by_an_act_is_like_the_act(service: RecommendationService) -> None:
    """'by' made The Killers the act to play: four of their songs led."""
    query = service.parse("songs like that one by the killers")
    assert [a.name for a in query.seed_artists] == ["The Killers"], query.interpretation()
    assert not query.by_artists


def test_but_modern_is_newer_acts(service: RecommendationService) -> None:
    """'fleetwood mac but modern' asked for songs dated 2012 on: their peers' reissues (Rod Stewart, Van Morrison)."""
    query = service.parse("something like fleetwood mac but modern")
    assert query.artists_from is not None, query.interpretation()
    assert query.year_min is None


def test_a_subject_studied_is_no_study_music(service: RecommendationService) -> None:
    """'we're studying the decade in history' asked for the study mood's instrumentals (The Ventures, Booker T.)."""
    query = service.parse("Give me 7 upbeat 60s songs for my class, we're studying the decade in history.")
    assert "focus" not in query.moods, query.interpretation()
    assert "upbeat" in query.moods


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("Musique classique please, something by Chopain or Debusy.", {"Frédéric Chopin", "Claude Debussy"}),
        ("something like rachmaninof", {"Sergei Rachmaninoff"}),
        ("songs like sheran", {"Ed Sheeran"}),
    ],
)
def test_a_famous_short_name_typed_with_a_slip_is_the_act(
    service: RecommendationService, text: str, acts: set[str]
) -> None:
    """'Chopain', 'Debusy' were unknown names (Hopsin and dEUS suggested) and the answer empty."""
    query = service.parse(text)
    assert {a.name for a in query.seed_artists} == acts, query.interpretation()
    assert not query.unresolved


@pytest.mark.parametrize("text", ["the wekend e dua lipa pra dançar", "my wife and I love musicals"])
def test_a_slip_of_a_word_is_no_act(service: RecommendationService, text: str) -> None:
    """'weekend' is Vampire Weekend's short name and a word; 'musicals' a word, one letter from 'musical'."""
    names = {a.name for a in service.parse(text).seed_artists}
    assert not names & {"Vampire Weekend", "High School Musical Cast"}, names


@pytest.mark.parametrize(
    ("text", "composer"),
    [
        ("beethoven piano", "Ludwig van Beethoven"),
        ("chopin nocturnes", "Frédéric Chopin"),
        ("mozart symphonies", "Wolfgang Amadeus Mozart"),
    ],
)
def test_a_composer_beside_a_form_is_the_composer(service: RecommendationService, text: str, composer: str) -> None:
    """A composer's surname before a form or an instrument was unused ('beethoven piano'), or one unknown name
    with it ('chopin nocturnes')."""
    query = service.parse(text)
    assert composer in {a.name for a in query.seed_artists}, query.interpretation()
    assert not query.unresolved
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("grown folks music", "Anita Baker"),
        ("who else sounds like brent faiyaz? that toxic r&b that slaps", "PARTYNEXTDOOR"),
        ("15 songs for girls night", "Destiny's Child"),
    ],
)
def test_an_rnb_lovers_words_are_their_acts(service: RecommendationService, text: str, act: str) -> None:
    """'grown folks music' was the folk genre (Cat Power, David Gray), 'toxic' an act of that name, 'girls night'
    any party song (Eiffel 65, The Smashing Pumpkins)."""
    query = service.parse(text)
    assert act in {a.name for a in query.seed_artists}, query.interpretation()
    assert "folk" not in query.genres
    assert "Toxic" not in {a.name for a in query.seed_artists}


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("something to get me through this shift", "energetic"),
        ("just got off a 12 hour night shift, need something soft and soothing", "relaxing"),
    ],
)
async def test_a_shift_is_the_working_day(service: RecommendationService, text: str, mood: str) -> None:
    """'shift' was an unknown name: 'something to get me through this shift' came back empty."""
    answer = await service.ask(text, count=10)
    assert mood in answer.query.moods, answer.query.interpretation()
    assert not answer.query.unresolved
    assert answer.results


def test_for_the_culture_is_no_act(service: RecommendationService) -> None:
    """'for the culture' seeded the reggae band Culture."""
    assert not service.parse("something for the culture").seed_artists


def test_an_attitudes_energy_is_no_loudness(service: RecommendationService) -> None:
    query = service.parse("confident boss energy r&b bops, feeling myself today")
    assert "energetic" not in query.moods, query.interpretation()
    assert not query.ignored


def test_new_names_are_new_to_me(service: RecommendationService) -> None:
    """'i need new names' asked for songs of 2016 on (Eric Church, David Gray under 'neo soul')."""
    query = service.parse("neo soul without erykah, i love her but i need new names")
    assert query.year_min is None, query.interpretation()
    assert query.novelty == "deep"


def test_a_first_dance_in_a_genre_is_the_genres_love_songs(service: RecommendationService) -> None:
    """'wedding first dance, a classic r&b love song' led with Ed Sheeran, Dan + Shay and Chris Stapleton."""
    query = service.parse("wedding first dance, a classic r&b love song")
    assert "r&b" in query.genres, query.interpretation()
    assert not query.played_by
    assert "romantic" in query.moods


def test_frankie_beverly_is_maze(service: RecommendationService) -> None:
    query = service.parse("more like 'before i let go' frankie beverly and maze")
    assert not query.ignored, query.interpretation()


async def test_a_labels_roster_is_not_widened(service: RecommendationService) -> None:
    """Listeners tag Aretha Franklin and Curtis Mayfield 'motown'; the label never signed them."""
    answer = await service.ask("classic motown songs", count=10)
    artists = {r.track.artists[0] for r in answer.results}
    assert not artists & {"Aretha Franklin", "Curtis Mayfield"}, artists


async def test_heavy_music_without_screaming_is_metal_sung_clean(service: RecommendationService) -> None:
    """As the aggressive mood alone, leaving out the screamed kinds let untagged EDM in (Marshmello, Lizzo)."""
    answer = await service.ask("heavy music but no screaming", count=10)
    assert "metal" in answer.query.genres, answer.query.interpretation()
    artists = {r.track.artists[0] for r in answer.results}
    assert not artists & {"Marshmello", "Lizzo", "Dimitri Vegas & Like Mike"}, artists


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("20 old school r&b slow jams for the drive", 20),
        ("15 old school hip hop songs", 15),
        ("hit me with 7 alt r&b songs", 7),
    ],
)
def test_a_number_several_words_before_its_noun_is_a_count(
    service: RecommendationService, text: str, asked: int
) -> None:
    """The noun was looked for in the next four words: '15 old school hip hop songs' answered the default five
    without a word about the fifteen asked."""
    query = service.parse(text)
    assert (query.asked_count or query.count) == asked, query.interpretation()


@pytest.mark.parametrize(
    "text",
    [
        "ik zoek oude gabber en hardcore, rotterdam jaren 90, maar niet de foute hits",
        "been drivin for 10 hrs straight, play some upbeat songs",
    ],
)
def test_a_number_across_a_clause_or_of_hours_is_no_count(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert query.count is None, query.interpretation()
