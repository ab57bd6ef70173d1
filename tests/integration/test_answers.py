"""Answers a music lover would trust, on the real catalog: one test per failure class issue 9 found."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from segue.catalog.store import Catalog
from segue.domain import Answer, Recommendation
from segue.engine.query.played_by import PLAYED_BY
from segue.engine.service import RecommendationService

pytestmark = pytest.mark.datasets


async def _artists(service: RecommendationService, text: str, count: int = 10) -> list[str]:
    answer = await service.ask(text, count=count)
    return [r.track.artists[0] for r in answer.results]


async def test_an_artist_newer_than_the_listening_data_is_matched_on_its_playlists_not_its_labels(
    service: RecommendationService,
) -> None:
    """Kendrick Lamar has no Last.fm listeners in 2011 data; his playlist labels ('urban contemporary') once gave
    G-Eazy, Mustard and Yo Gotti. The artists beside him on playlists are the rappers a fan would name."""
    peers = {"J. Cole", "ScHoolboy Q", "Drake", "Kanye West", "Big Sean", "Travis Scott", "A$AP Rocky", "Eminem"}
    artists = await _artists(service, "music similar to kendrick lamar")
    assert len(set(artists) & peers) >= 3, artists
    assert not {"G-Eazy", "Mustard", "Yo Gotti"} & set(artists[:3]), artists


async def test_a_label_only_seed_leads_with_the_artists_of_its_own_playlists_not_the_charts(
    service: RecommendationService,
) -> None:
    """'Urban Contemporary' holds thirty songs by The Weeknd beside Frank Ocean, SZA and Miguel; he also has a song
    or two on thirty chart playlists. Counting each playlist once, and trusting the style his chart neighbours lent
    him, answered Ed Sheeran, Camila Cabello and Charlie Puth, and no R&B act in the first five."""
    peers = {"SZA", "Drake", "Miguel", "Frank Ocean", "Majid Jordan", "PARTYNEXTDOOR", "Bryson Tiller", "6LACK"}
    artists = await _artists(service, "songs like the weeknd")
    assert len(set(artists[:5]) & peers) >= 2, artists
    assert len(set(artists) & peers) >= 4, artists


async def test_a_label_only_seed_is_explained_by_its_playlists(service: RecommendationService) -> None:
    answer = await service.ask("songs like billie eilish", count=5)
    reasons = [reason.text for r in answer.results for reason in r.reasons]
    assert any(text.startswith("often on playlists with Billie Eilish") for text in reasons), reasons
    # Playlist labels are the weakest shared tags: 'urban contemporary, r&b' is no reason to like a song.
    assert not any(text.endswith(": urban contemporary, r&b") for text in reasons), reasons


async def test_a_seed_with_listeners_keeps_its_co_listened_peers(service: RecommendationService) -> None:
    """Co-playlisting only speaks for artists listeners never co-listened: Earth, Wind & Fire keeps Stevie Wonder."""
    artists = await _artists(service, "songs like earth wind and fire")
    assert {"Stevie Wonder", "Rick James", "Minnie Riperton", "Marvin Gaye", "Kool & The Gang"} & set(artists[:5])


async def test_an_artists_line_up_is_the_artist_not_a_similar_one(service: RecommendationService) -> None:
    """'Bob Marley & The Wailers' was the top answer for 'songs like bob marley'; 'songs by' includes it."""
    like = await _artists(service, "songs like bob marley")
    assert not [a for a in like if a.startswith("Bob Marley")], like
    by = await _artists(service, "songs by bob marley", count=5)
    assert "Bob Marley & The Wailers" in by, by


async def test_an_artist_with_many_songs_leaves_room_for_others(service: RecommendationService) -> None:
    """'music like queen pls' answered six artists in ten songs: the pool held only Queen's closest few."""
    artists = await _artists(service, "music like queen pls")
    assert len(set(artists)) >= 8, artists


async def test_a_mood_before_a_genre_is_the_mood_and_the_genre_not_a_rare_tag(service: RecommendationService) -> None:
    """'melancholic rock' matched a tag two artists carry and came back empty."""
    answer = await service.ask("melancholic rock", count=10)
    assert answer.query.genres == ("rock",)
    assert "melancholic" in answer.query.moods
    assert len(answer.results) == 10


async def test_a_genre_read_as_its_nearest_tag_says_so(service: RecommendationService) -> None:
    """A genre the catalog has no tag for was answered as another genre without a word ('synthwave' -> electronic,
    before playlist names gave synthwave a tag; vaporwave has none). Bachata, read as tropical, was tropical house:
    it is read by its acts now, who have songs here (Romeo Santos, Aventura, Prince Royce)."""
    answer = await service.ask("vaporwave", count=5)
    assert dict(answer.query.read_as) == {"vaporwave": "chillwave"}
    assert any("I have no 'vaporwave' as such" in note for note in answer.notes), answer.notes
    bachata = await service.ask("bachata", count=10)
    acts = {"Romeo Santos", "Aventura", "Prince Royce"}
    assert acts <= {a.name for a in bachata.query.seed_artists}
    # They are the genre: half the answer is theirs (two of ten was, and eight of reggaeton), two each at most.
    theirs = [r.track.artists[0] for r in bachata.results if r.track.artists[0] in acts]
    assert len(theirs) >= 4, [r.track.artists[0] for r in bachata.results]
    assert max(theirs.count(a) for a in set(theirs)) <= 2


async def test_a_short_answer_never_repeats_an_artist(service: RecommendationService) -> None:
    """'3 tracks like frank ocean and sza' gave Daniel Caesar twice."""
    artists = await _artists(service, "3 tracks like frank ocean and sza", count=3)
    assert len(artists) == 3, artists
    assert len(set(artists)) == 3, artists


async def test_several_moods_combine_by_meaning(service: RecommendationService) -> None:
    """'angry music for the gym' took the best of either mood and let dance-pop in (Pitbull, MEDUZA)."""
    artists = await _artists(service, "angry music for the gym")
    assert not {"Pitbull", "MEDUZA", "Tujamo"} & set(artists), artists


async def test_a_genre_leads_with_artists_named_by_it_not_by_a_sub_genre(service: RecommendationService) -> None:
    """'punk rock' led with pop-punk and emo (Fall Out Boy, Panic! At The Disco, Plain White T's)."""
    artists = await _artists(service, "punk rock")
    assert {"The Clash", "Ramones", "Sex Pistols", "The Offspring", "blink-182", "Green Day"} & set(artists[:5])
    assert "Panic! At The Disco" not in artists[:5]


async def test_a_genre_a_playlist_names_is_answered_from_that_playlist(service: RecommendationService) -> None:
    """'japanese city pop' once gave ARASHI, 'k-pop' four songs: the catalog holds playlists named for each ('City
    Pop 1985 シティーポップ', 'K-Party Dance Mix'). ('jazz rap', once 2Pac and a salsa singer, then that playlist's
    Mac Miller and J. Cole, is read through its acts: `test_jazz_rap_is_the_acts_that_made_it`.)"""
    city = await service.ask("japanese city pop", count=10)
    assert len(city.results) == 10
    assert not city.notes, city.notes
    assert all("city pop" in r.track.genres for r in city.results), [r.track.genres for r in city.results]
    kpop = await _artists(service, "k-pop", count=10)
    assert len(kpop) == 10
    assert {"BTS", "BLACKPINK", "Red Velvet", "Mamamoo", "TWICE", "EVERGLOW", "SuperM", "ATEEZ"} & set(kpop), kpop


async def test_who_sings_narrows_the_genre(service: RecommendationService, built_catalog: Catalog) -> None:
    """'female rappers' was not understood and 'rock bands with female vocals' gave Blur and U2."""
    from segue.engine.scenes import VOICE_TAGS

    async def female(text: str) -> list[bool]:
        answer = await service.ask(text, count=10)
        artists = [built_catalog.artist_index(r.track.artist_ids[0]) for r in answer.results]
        return [bool(set(VOICE_TAGS["female"]) & set(built_catalog.artist(a).genres)) for a in artists if a is not None]

    rock = await female("rock bands with female vocals")
    assert len(rock) == 10
    assert all(rock), rock
    found = await female("female rappers")
    assert len(found) == 10
    assert sum(found) >= 8, found
    rap = await _artists(service, "female rappers")
    assert {"Missy Elliott", "Eve", "Khia", "M.I.A.", "Gangsta Boo"} & set(rap[:5]), rap
    assert not {"Selena", "Celia Cruz", "Christina Perri"} & set(rap), rap  # female, in 'latin hip hop' playlists


async def test_asking_with_nothing_named_gets_songs_worth_hearing(service: RecommendationService) -> None:
    """'what should i listen to' came back empty; a surprise once led with zero-popularity netlabel tracks. The mix
    draws its genres at random (asking twice is a new surprise): the draw is fixed here, since one draw in about
    fifty has only seven songs at 50 and up (measured over 80 draws at the session's start and end alike)."""
    random.seed(2026)
    answer = await service.ask("what should i listen to", count=10)
    assert len(answer.results) == 10
    assert answer.notes
    assert sum((r.track.popularity or 0) >= 50 for r in answer.results) >= 8, [r.track for r in answer.results]


async def test_a_use_a_playlist_names_is_answered_from_those_playlists(service: RecommendationService) -> None:
    """'road trip singalongs' gave Dua Lipa, DaBaby and SuperM: any bright energetic song passed, and the rare
    'sing along' tag, averaged in, halved the evidence of every road-trip song. Playlists named '... Drive' have
    them."""
    trip = await _artists(service, "road trip singalongs")
    assert len(trip) == 10
    assert not {"Dua Lipa", "DaBaby", "SuperM", "Post Malone"} & set(trip), trip
    classic = {"Tom Petty and the Heartbreakers", "John Mellencamp", "Eagles", "Neil Young", "Christopher Cross"}
    assert len(classic & set(trip)) >= 3, trip


async def test_a_word_no_list_knows_is_read_by_meaning_and_said(service: RecommendationService) -> None:
    """'music for a thunderstorm' came back empty with "I don't know 'thunderstorm'"."""
    answer = await service.ask("music for a thunderstorm", count=10)
    assert len(answer.results) == 10
    assert any("thunderstorm" in note and "rainy" in note for note in answer.notes), answer.notes
    assert answer.query.moods == ("rainy",)


@pytest.mark.parametrize(
    ("text", "artist"),
    [
        ("more like bieber", "Justin Bieber"),
        ("something like gaga", "Lady Gaga"),
        ("songs like kendrick", "Kendrick Lamar"),
        ("like bowie", "David Bowie"),
        ("like floyd", "Pink Floyd"),
        ("like chili peppers", "Red Hot Chili Peppers"),
    ],
)
async def test_a_famous_artist_is_found_by_part_of_the_name(
    service: RecommendationService, text: str, artist: str
) -> None:
    """'more like bieber' seeded Bebe, 'like bowie' Bolier, 'like floyd' Løyd, 'something like gaga' the artist GAGA,
    'songs like kendrick' nothing at all."""
    answer = await service.ask(text, count=5)
    assert [a.name for a in answer.query.seed_artists] == [artist]
    assert len(answer.results) == 5


def test_similar_takes_a_famous_artist_by_part_of_the_name(service: RecommendationService) -> None:
    """'/similar bowie' answered for Bolier."""
    assert service.resolve_artist("bowie").name == "David Bowie"
    assert service.resolve_artist("Radiohead").name == "Radiohead"


async def test_one_word_is_the_famous_artist_the_famous_song_or_a_tag_in_use(service: RecommendationService) -> None:
    """'kanye' was The Chainsmokers' song 'Kanye'; 'creep' the tag on eight artists without a song here (an empty
    answer); 'halloween' is Halloween, not the band Helloween (its acts and spooky titles, since the tag's nine songs
    led with Bobby Brown)."""
    kanye = await service.ask("kanye", count=3)
    assert [a.name for a in kanye.query.seed_artists] == ["Kanye West"]
    creep = await service.ask("creep", count=3)
    assert [t.name for t in creep.query.seed_tracks] == ["Creep - Radiohead"]
    assert len(creep.results) == 3
    halloween = await service.ask("halloween playlist", count=3)
    assert "Helloween" not in {a.name for a in halloween.query.seed_artists}
    assert dict(halloween.query.played_by).keys() == {"Halloween"}


async def test_a_part_of_a_name_never_takes_a_word_or_a_song(service: RecommendationService) -> None:
    """'weekend' is part of Vampire Weekend's name and 'satellite' of FSK SATELLITE's: neither takes the request."""
    weeknd = await service.ask("songs like the weekend", count=3)
    assert [a.name for a in weeknd.query.seed_artists] == ["The Weeknd"]
    song = await service.ask("like satellite", count=3)
    assert [t.name.split(" - ")[0] for t in song.query.seed_tracks] == ["Satellite"]


async def test_songs_about_a_thing_lead_with_that_thing_in_the_title(service: RecommendationService) -> None:
    """'songs about trains' seeded Porcupine Tree's 'Trains', 'songs about trucks' the band The Trucks. Lyrics are
    not in the catalog; titles are, and the answer says which it used."""
    answer = await service.ask("songs about trains", count=5)
    assert len(answer.results) == 5
    assert all("train" in r.track.title.lower() for r in answer.results), [r.track.title for r in answer.results]
    assert all(r.reasons[0].text == "'train' in the title" for r in answer.results), [r.reasons for r in answer.results]
    assert any("lyrics" in note for note in answer.notes), answer.notes
    trucks = await service.ask("songs about trucks", count=5)
    assert not trucks.query.seed_artists
    assert sum("truck" in r.track.title.lower() for r in trucks.results) >= 4


async def test_a_genre_that_shifts_a_seed_is_the_genre_listeners_hear(service: RecommendationService) -> None:
    """'like Radiohead but more electronic' gave Coldplay's 'Viva La Vida' and 'Fix You': songs on playlists
    labelled 'electropop' passed as electronic."""
    artists = await _artists(service, "artists like Radiohead but more electronic")
    assert len(artists) == 10
    assert "Coldplay" not in artists, artists
    assert {"Thom Yorke", "Björk", "Massive Attack", "Portishead", "Depeche Mode"} & set(artists[:3]), artists


async def test_words_i_do_not_know_still_get_an_answer_and_say_so(service: RecommendationService) -> None:
    """'songs for a long flight' came back empty (it is a chill situation now): unknown words and no name are a mix,
    with the words named."""
    answer = await service.ask("songs for a long wait", count=5)
    assert len(answer.results) == 5
    assert any("long wait" in note for note in answer.notes), answer.notes
    gibberish = await service.ask("asdkjh qwerty", count=5)
    assert not gibberish.results  # a name-like string nobody knows is reported, not answered at random
    assert gibberish.notes


async def test_leaving_out_a_playlist_label_leaves_out_its_songs_not_every_artist_on_it(
    service: RecommendationService,
) -> None:
    """'chill hip hop no trap' came back empty: every rapper carried the 'trap' label of some playlist."""
    answer = await service.ask("chill hip hop no trap", count=6)
    assert len(answer.results) == 6
    assert all("trap" not in r.track.genres for r in answer.results), [r.track.genres for r in answer.results]


async def test_tags_alone_of_an_artist_no_one_listens_to_are_weak_likeness(service: RecommendationService) -> None:
    """'like Frank Sinatra' led with two netlabel acts filed 'jazz, easy listening' before Michael Bublé."""
    artists = await _artists(service, "like frank sinatra")
    netlabel = [artists.index(a) for a in ("Stephan Siebert", "F.S. Blumm / Lucrecia Dalt") if a in artists]
    assert "Michael Bublé" in artists
    assert all(artists.index("Michael Bublé") < i for i in netlabel), artists


async def test_a_shared_tags_reason_names_the_seeds_own_tags(service: RecommendationService) -> None:
    """'shares tags with The Weeknd: pop rock, ballad': tags The Weeknd only borrows from his playlist neighbours."""
    answer = await service.ask("songs like the weeknd", count=10)
    texts = [reason.text for r in answer.results for reason in r.reasons]
    assert texts
    assert not [t for t in texts if "shares tags with The Weeknd" in t and ("pop rock" in t or "ballad" in t)], texts


async def test_love_songs_are_ballads_and_slow_jams_are_their_own_mood(service: RecommendationService) -> None:
    """'wedding first dance songs' gave Beyoncé's 'Hold Up' and 'Mirrors': 'romantic' asked for danceable songs and
    counted 'sexy' and r&b as love. Love songs are slow and tender; 'sexy slow jams' is a mood of its own."""
    wedding = await service.ask("wedding first dance songs", count=10)
    assert wedding.query.moods == ("romantic",)
    assert all((r.track.features.energy or 0.0) <= 0.6 for r in wedding.results)
    assert not {"Hold Up", "Mirrors"} & {r.track.title for r in wedding.results}
    jams = await service.ask("sexy slow jams", count=10)
    assert jams.query.moods == ("sensual",)
    soulful = [r for r in jams.results if {"r&b", "soul", "neo soul", "urban contemporary"} & set(r.track.genres)]
    assert len(soulful) >= 7, [(r.track.title, r.track.genres) for r in jams.results]


async def test_a_song_the_catalog_lacks_by_an_artist_it_has_is_said_plainly(service: RecommendationService) -> None:
    """'I don't know 'September by Earth, Wind & Fire'' while answering for Earth, Wind & Fire: the song is missing,
    the artist is not."""
    answer = await service.ask("songs like September by Earth, Wind & Fire", count=5)
    assert [a.name for a in answer.query.seed_artists] == ["Earth, Wind & Fire"]
    assert len(answer.results) == 5
    assert any("'September' by Earth, Wind & Fire" in note for note in answer.notes), answer.notes
    assert not any(note.startswith("I don't know") for note in answer.notes), answer.notes


async def test_an_artist_with_few_songs_here_is_filled_with_songs_like_theirs(service: RecommendationService) -> None:
    """'abba songs' and 'songs by abba' gave one song and 'That's all I have': ABBA has only 'Dancing Queen' here."""
    answer = await service.ask("abba songs", count=5)
    assert len(answer.results) == 5
    assert answer.results[0].track.artists[0] == "ABBA"
    assert any("only a few songs by ABBA" in note for note in answer.notes), answer.notes


async def test_a_thin_genre_is_never_filled_from_the_chart(service: RecommendationService) -> None:
    """'bossa nova' has three songs: widened to its tree parent's playlist label 'latin' it ended in Daddy Yankee."""
    answer = await service.ask("bossa nova", count=5)
    assert answer.notes, "a short or widened answer says so"
    assert not {"Daddy Yankee", "Reik", "Shakira"} & {r.track.artists[0] for r in answer.results}
    assert all("bossa nova" in r.reasons[0].text for r in answer.results[:3]), [r.reasons for r in answer.results]


async def test_a_song_and_its_remix_are_one_song_in_an_answer(service: RecommendationService) -> None:
    """'songs like hozier' held Gotye's 'Somebody That I Used To Know' and its 4FRNT Remix."""
    answer = await service.ask("songs like hozier", count=10)
    titles = [r.track.title.split(" - ")[0].split(" (")[0].casefold() for r in answer.results]
    assert len(titles) == len(set(titles)), titles
    reasons = [reason.text for r in answer.results for reason in r.reasons]
    assert not [t for t in reasons if t.startswith("same style:") and "latin" in t], reasons


async def test_less_mainstream_means_less_known_artists_not_b_sides(service: RecommendationService) -> None:
    """'like coldplay but less mainstream' gave Keane and Radiohead B-sides, 'hidden gems like radiohead' Coldplay,
    Blur and The Beatles: artists better known than or as known as the seed."""
    for text, famous in (
        ("like coldplay but less mainstream", {"Radiohead", "Keane", "Muse", "The Beatles", "Snow Patrol"}),
        ("hidden gems like radiohead", {"Coldplay", "Blur", "The Beatles", "Muse", "Placebo"}),
    ):
        artists = await _artists(service, text)
        assert len(artists) == 10, artists
        assert not famous & set(artists), (text, artists)
    deep = await _artists(service, "deep cuts by radiohead", count=5)
    assert set(deep) == {"Radiohead"}, deep


async def test_christmas_songs_answer_christmas_and_nothing_else(service: RecommendationService) -> None:
    """'more songs like Superstition' gave 'Someday at Christmas' and 'Santa Claus Is Coming To Town'; 'songs for a
    christmas party' gave TLC's 'New Boyfriend' and 'One Week' as Christmas songs."""
    like = await service.ask("more songs like Superstition by Stevie Wonder", count=10)
    assert not [r.track.title for r in like.results if "Christmas" in r.track.title or "Santa" in r.track.title]
    party = await service.ask("songs for a christmas party", count=5)
    assert len(party.results) == 5
    titles = [r.track.title for r in party.results]
    assert not {"One Week", "New Boyfriend", "Bump, Bump, Bump"} & set(titles), titles
    by = await _artists(service, "songs by mariah carey", count=10)
    assert set(by) == {"Mariah Carey"}


async def test_a_song_found_by_its_title_alone_says_whose_it_took(service: RecommendationService) -> None:
    """'songs like Levitating' silently seeded a lo-fi producer's song of that name (Dua Lipa's is not here)."""
    answer = await service.ask("songs like Levitating", count=5)
    assert any("I took 'Levitating' to be the song by invention_" in note for note in answer.notes), answer.notes
    for text in ("songs like Stairway to Heaven", "songs like levitating by invention_"):
        assert not [n for n in (await service.ask(text, count=5)).notes if n.startswith("I took")], text


async def test_reasons_do_not_state_guesses_or_tags_the_seed_lacks(service: RecommendationService) -> None:
    """'something like Soda Stereo' gave ONE OK ROCK 'same style: japanese' and a deep-cut dial quoted the guessed
    popularity of songs nobody measured."""
    answer = await service.ask("something like Soda Stereo", count=10)
    texts = [reason.text for r in answer.results for reason in r.reasons]
    assert "same style: japanese" not in texts, texts
    deep = await service.ask("hidden gems like radiohead", count=10)
    for r in deep.results:
        if r.track.popularity is None:
            assert not [x for x in r.reasons if x.kind == "popularity"] or len(r.reasons) == 1, r.reasons


async def test_a_thin_tag_outside_the_tree_widens_to_the_genre_it_names(service: RecommendationService) -> None:
    """'list 12 classic soul songs' gave 3: 'classic soul' is a tag of its own that the genre tree does not hold."""
    answer = await service.ask("list 12 classic soul songs", count=10)
    assert len(answer.results) == 10
    assert any("nearest broader genre (soul)" in note for note in answer.notes), answer.notes


@pytest.mark.parametrize(
    ("text", "title", "artist"),
    [
        ("songs like hey jude", "Hey Jude", "The Beatles"),
        ("something like Hey Jude", "Hey Jude", "The Beatles"),
        ("like take on me", "Take on Me", "a-ha"),
        ("hey jude", "Hey Jude", "The Beatles"),
        ("Hey Jude", "Hey Jude", "The Beatles"),
        ("take on me", "Take on Me", "a-ha"),
        ("similar to: Hey Jude", "Hey Jude", "The Beatles"),
        ("more like this: Wonderwall", "Wonderwall", "Oasis"),
    ],
)
async def test_a_title_opening_with_a_little_word_is_the_song(
    service: RecommendationService, text: str, title: str, artist: str
) -> None:
    """'hey jude' lost its 'hey' to the span trim and found nothing; capitalized, 'Hey' became the Polish band Hey
    and 'Jude' was ignored. Asked alone ('hey jude', 'take on me') or after a cue and a colon ('more like this:
    Wonderwall') the answer was empty. The seed is named as people say it, without the reissue label."""
    answer = await service.ask(text, count=5)
    assert [t.name for t in answer.query.seed_tracks] == [f"{title} - {artist}"]
    assert not answer.query.seed_artists
    assert not answer.query.ignored
    assert answer.results


@pytest.mark.parametrize(
    ("text", "artist"),
    [("something like dave brubeck", "The Dave Brubeck Quartet"), ("songs like oscar peterson", "Oscar Peterson Trio")],
)
async def test_an_ensemble_is_found_by_its_leader(service: RecommendationService, text: str, artist: str) -> None:
    """'dave brubeck' became the rapper Dave and an ignored 'brubeck': the Quartet's name matched only 75 of 100."""
    answer = await service.ask(text, count=5)
    assert [a.name for a in answer.query.seed_artists] == [artist]
    assert not answer.query.ignored


async def test_a_filled_answer_keeps_the_per_artist_cap(
    service: RecommendationService,
) -> None:
    """Each relaxed pass diversified only itself: "90s french house" showed three Daft Punk songs in six."""
    answer = await service.ask("90s french house", count=6)
    artists = [r.track.artists[0] for r in answer.results]
    assert len(artists) == 6
    assert max(artists.count(a) for a in artists) <= 2, artists
    assert any("era you asked" in note for note in answer.notes), answer.notes


async def test_a_genre_with_no_songs_of_its_own_is_answered_like_the_artists_filed_under_it(
    service: RecommendationService,
) -> None:
    """'forró' and 'something with saxophone' came back empty: listeners tag artists with them (Calcinha Preta,
    Charlie Parker) but none of those artists has a song here. The answer is now like those artists, said so, and
    only in their style: forró fans also play One Direction, which is no reason to call it forró."""
    sax = await service.ask("something with saxophone", count=5)
    assert sax.results, sax.notes
    said = "no saxophone songs as such; these are like the artists listeners file under it: "
    assert any(said in n and "Charlie Parker" in n for n in sax.notes), sax.notes
    assert all(any(x.kind == "tag" for x in r.reasons) for r in sax.results), [r.reasons for r in sax.results]
    forro = await service.ask("forró", count=5)
    artists = {r.track.artists[0] for r in forro.results}
    assert artists, forro.notes
    assert artists <= {"Emicida", "Luisa Mandou um Beijo", "Gilberto Gil", "Maria Gadú"}, artists
    assert not {"One Direction", "Justin Bieber"} & artists
    tango = await service.ask("tango", count=8)  # a few songs of its own are its answer, not Ricky Martin
    assert tango.results, tango.notes
    assert not any("listeners file under it" in n for n in tango.notes), tango.notes


async def test_words_listeners_use_for_a_kind_of_music_are_read_as_it(service: RecommendationService) -> None:
    """Each was misread: 'yacht rock' as rock plus the artist YACHT, 'bedroom pop' as pop plus the mood 'sensual',
    'songs about breakups' as songs titled 'breakups' then the chart, 'but older' not at all, 'sax' as 'vocal',
    'songs from movies' as nothing, 'X deep cuts' as other artists' songs."""
    yacht = service.parse("yacht rock")  # then soft rock without Steely Dan (set N): now by the acts that made it
    assert (yacht.genres, yacht.read_as) == ((), ())
    assert "Steely Dan" in {a.name for a in yacht.seed_artists}
    bedroom = service.parse("bedroom pop")  # as indie pop it was Christina Perri's 'A Thousand Years' (set H)
    assert (bedroom.genres, bedroom.moods) == ((), ())
    assert {"Clairo", "Rex Orange County", "Cuco"} <= {a.name for a in bedroom.seed_artists}
    breakups = service.parse("songs about breakups")
    assert (breakups.moods, breakups.topics) == (("sad",), ())
    assert service.parse("sad blues").genres == ("blues",), "a plural that is a genre stays the genre"
    older = service.parse("something like Arctic Monkeys but older")
    assert older.year_max is not None, older
    assert older.year_max <= 2005, older
    assert [s.name for s in older.seed_artists] == ["Arctic Monkeys"]
    assert service.parse("sax").genres == ("saxophone",)
    for text in ("songs from movies", "movie soundtracks"):
        assert "soundtrack" in service.parse(text).genres, text
    assert "film score" in service.parse("film music").genres  # its composers and the tag's songs (set AT)
    argentine = await service.ask("rock argentino", count=5)  # was rock, with 'argentino' unused: the Eagles
    assert argentine.query.genres == ("argentina rock",)
    assert argentine.results[0].track.artists[0] == "Soda Stereo"
    for text in ("rock nacional", "rock nacional argentino de los 80"):  # was Spain's rock; 'argentino' unused
        nacional = service.parse(text)
        assert (nacional.genres, nacional.ignored) == (("argentina rock",), ()), text
    beats = await _artists(service, "chill beats", count=5)  # 'beats' was unused: chill pop and soft rock
    assert "lo-fi hip hop" in service.parse("chill beats").genres, "the lofi channel's words (thirty-seventh session)"
    assert beats, beats
    assert "DJ Antoine" not in beats, beats  # the tag 'beats' alone: his house
    deep = service.parse("kendrick lamar deep cuts")  # their own lesser-known songs, not Migos and Lil Pump
    assert [a.name for a in deep.by_artists] == ["Kendrick Lamar"]
    answer = await service.ask("yacht rock", count=5)
    assert "YACHT" not in {r.track.artists[0] for r in answer.results}
    assert any("yacht rock" in note for note in answer.notes), answer.notes  # said, as read by its acts


async def test_a_mood_keeps_a_genre_whose_name_is_also_a_playlist_label(service: RecommendationService) -> None:
    """'classic rock' names a Spotify playlist label and a listener tag in one column: when a mood let only the
    listener tags vouch for artists, "classic rock road trip" lost Led Zeppelin and the Eagles and gave Ghanaian
    highlife and Filipino rock from netlabels."""
    canon = {
        "John Mellencamp", "Derek & The Dominos", "Rush", "The Black Crowes", "Neil Young", "The Rolling Stones",
        "Tom Petty and the Heartbreakers", "Led Zeppelin", "Eagles", "AC/DC", "Lynyrd Skynyrd", "Boston", "Queen",
        "Creedence Clearwater Revival", "Aerosmith", "Bob Seger", "Bruce Springsteen", "The Doobie Brothers",
        "Steppenwolf", "Fleetwood Mac", "The Who", "ZZ Top", "Deep Purple", "Dire Straits", "Van Halen", "Kansas",
    }  # fmt: skip
    artists = await _artists(service, "classic rock road trip", count=8)
    assert len(set(artists) & canon) >= 5, artists


async def test_an_unknown_genre_word_is_not_guessed_as_a_band(service: RecommendationService) -> None:
    """'hyperpop' was read as the band Hypernova and answered with Interpol: a word ending in a genre's last word is
    a genre the catalog lacks (now read by its acts, and said so); a misspelt artist ('eminen') is still read as the
    artist."""
    answer = await service.ask("hyperpop", count=5)
    assert {a.name for a in answer.query.seed_artists} <= {"Charli XCX", "Rina Sawayama", "100 gecs", "SOPHIE"}
    assert "Interpol" not in {r.track.artists[0] for r in answer.results}
    assert any("hyperpop" in note for note in answer.notes), answer.notes
    eminem = await service.ask("eminen", count=5)
    assert [a.name for a in eminem.query.seed_artists] == ["Eminem"]
    beatles = await service.ask("the beetles", count=5)  # an everyday word alone is still offered as a name
    assert [a.name for a in beatles.query.seed_artists] == ["The Beatles"]


async def test_a_lively_spanish_request_leans_to_the_spanish_dance_genres(service: RecommendationService) -> None:
    """'canciones para el gym' led with Luis Miguel's and Alejandro Sanz's ballads (the scenes Spanish listeners tag)
    while Daddy Yankee, Bad Bunny and Ozuna had no part in the lean: reggaeton is sung in Spanish whoever plays it.
    A sad request keeps the ballads listeners call sad."""

    def reggaeton(answer: Answer) -> int:
        genres = service.catalog.artist_genres
        return sum("reggaeton" in genres(service.catalog.track_artist[i]) for i in _indices(answer))

    def _indices(answer: Answer) -> list[int]:
        return [i for r in answer.results if (i := service.catalog.track_index(r.track.id)) is not None]

    gym = await service.ask("canciones para el gym", count=10)
    assert reggaeton(gym) >= 6, [r.track.artists for r in gym.results]
    sad = await service.ask("canciones tristes", count=10)
    assert reggaeton(sad) <= 2, [r.track.artists for r in sad.results]


async def test_a_late_remaster_answers_no_era(service: RecommendationService) -> None:
    """'2000s rock' led with Van Halen's 'Jump - 2004 Remaster', ZZ Top and New Order, and '70s classic rock' could
    hold 'Panama - 2004 Remaster' of 1984 only by a guess: a reissue's release date is not the song's."""
    for text in ("2000s rock", "2010s pop"):
        answer = await service.ask(text, count=10)
        assert answer.results
        titles = [r.track.title for r in answer.results]
        assert not any("remaster" in t.casefold() for t in titles), titles


async def test_a_time_of_day_gives_way_to_the_activity_it_is_for(service: RecommendationService) -> None:
    """'need smth upbeat for my morning run' asked a morning's gentle energy (0.3-0.7) beside a run's (>= 0.7): a band
    between them held half-time ballads measured at 160 BPM (Frank Ocean's 'In My Room'). The run sets the sound."""
    answer = await service.ask("need smth upbeat for my morning run", count=10)
    assert "morning" not in {f.because for f in answer.query.features}
    assert answer.query.gave_way == (("morning", "run"),)
    assert any("'morning'" in note for note in answer.notes), answer.notes
    energies = [r.track.features.energy for r in answer.results]
    assert answer.results
    assert all(e is None or e >= 0.7 for e in energies), energies


async def test_a_short_unknown_word_is_guessed_only_as_a_well_known_artist(service: RecommendationService) -> None:
    """'rolas para la peda' (Mexican slang: songs for the party) was answered as songs like the obscure band Pedra, one
    letter from 'peda'; a four-letter word is one letter from many names by chance. 'adel' is still Adele."""
    for word in ("keza", "tamo"):  # EZA and TaiMO: near, and little known
        answer = await service.ask(word, count=5)
        assert not answer.query.seed_artists, (word, answer.query.seed_artists)
        assert not any("I read" in note for note in answer.notes), answer.notes
    adele = await service.ask("adel", count=5)
    assert [a.name for a in adele.query.seed_artists] == ["Adele"]
    party = await service.ask("rolas para la peda", count=5)
    assert not party.query.seed_artists
    assert party.query.moods == ("party",)


@pytest.mark.parametrize(
    ("text", "outsider"),
    [("old school hip hop from the 80s", "George Strait"), ("90s hip hop but no gangsta rap", "Edwyn Collins")],
)
async def test_a_song_a_playlist_label_alone_files_under_a_genre_needs_its_artist_to_be_heard_there(
    service: RecommendationService, text: str, outsider: str
) -> None:
    """A country and a britpop song sat on hip hop playlists and answered hip hop requests; a song a playlist's
    own name files there keeps its place (`test_a_genre_a_playlist_names_is_answered_from_that_playlist`)."""
    artists = await _artists(service, text)
    assert outsider not in artists, artists
    assert len(artists) == 10


async def test_an_artist_whose_style_is_borrowed_does_not_pass_for_a_seeds_peer(
    service: RecommendationService,
) -> None:
    """PRETTYMUCH (a boy band) and Hues Corporation answered 'similar to Dolly Parton' on a style lent to them by
    the country acts beside them on playlists; artists listeners filed under country lead."""
    artists = await _artists(service, "similar to Dolly Parton")
    assert "PRETTYMUCH" not in artists[:8], artists
    assert "Hues Corporation" not in artists, artists
    assert {"Willie Nelson", "George Strait", "Carrie Underwood"} <= set(artists), artists


async def test_lesser_known_songs_of_an_artist_include_theirs_before_songs_like_theirs(
    service: RecommendationService,
) -> None:
    """'the most underrated Kate Bush songs' said "I have only a few songs by Kate Bush" over eight songs by others:
    her one song here is a hit, which 'underrated' had left out."""
    answer = await service.ask("the most underrated Kate Bush songs", count=8)
    assert answer.results[0].track.artists[0] == "Kate Bush"
    assert any("little known" in note for note in answer.notes), answer.notes


async def test_a_misspelt_song_and_artist_typed_alone_is_read_as_the_song_and_said(
    service: RecommendationService,
) -> None:
    """'rolling in the deep adelle' answered nothing beside "Did you mean Rolling in the Deep - Adele?"; it is read
    as a misspelt act beside one of its titles (the answer's first line names the song, as for any name corrected),
    or else guessed and said. A close title alone ('long wait': 'Long Way') is still no guess."""
    answer = await service.ask("rolling in the deep adelle", count=5)
    assert [t.name for t in answer.query.seed_tracks] == ["Rolling in the Deep - Adele"]
    assert len(answer.results) == 5
    assert not answer.query.unresolved
    alone = await service.ask("long wait", count=5)
    assert not alone.query.seed_tracks


@pytest.mark.parametrize(
    "text", ["no copyright music for my stream", "chill lofi for my twitch stream, copyright free"]
)
async def test_music_for_a_stream_is_creative_commons_only_and_says_so(
    service: RecommendationService, text: str
) -> None:
    """'free music no copyright' excluded the band The Copyrights and answered chart songs a stream may not play,
    and 'for my twitch stream' seeded the artist Stream."""
    answer = await service.ask(text, count=8)
    assert answer.query.free_to_use
    assert not answer.query.seed_artists
    assert len(answer.results) == 8
    assert all(r.track.license or r.track.mp3_url for r in answer.results), [r.track.display for r in answer.results]
    assert any("Creative Commons" in note for note in answer.notes), answer.notes


async def test_an_era_after_the_catalog_gets_its_newest_songs_and_says_so(service: RecommendationService) -> None:
    """'songs from 2024' said "Some are from just outside the era you asked" of songs four years older."""
    newest = service.newest_year
    assert newest is not None
    answer = await service.ask(f"rock from {newest + 4}", count=5)
    assert len(answer.results) == 5
    assert all(r.track.year is not None and r.track.year >= newest - 1 for r in answer.results)
    assert f"My songs run up to {newest}, so these are the newest I have." in answer.notes
    assert not any("outside the era" in note for note in answer.notes), answer.notes
    within = await service.ask(f"rock from {newest}", count=5)
    assert not any("My songs run up to" in note for note in within.notes)


async def test_a_missing_song_leads_with_a_few_of_its_artists_own(service: RecommendationService) -> None:
    """'i love heat waves by glass animals, give me more like it' (the song is not here) had no Glass Animals at
    all once the band stood in for the song; a fan wants a few of theirs before music like theirs."""
    answer = await service.ask("i love heat waves by glass animals, give me more like it", count=6)
    by = [r.track.artists[0] for r in answer.results]
    assert by[:2] == ["Glass Animals", "Glass Animals"]
    assert len(by) == 6
    assert set(by[2:]) - {"Glass Animals"}
    assert any("here are a few of theirs and music like theirs" in note for note in answer.notes), answer.notes
    absent = await service.ask("angel by massive attack", count=5)  # no song of theirs here at all
    assert any("here is music like theirs" in note for note in absent.notes), absent.notes


async def test_a_genre_reason_names_what_listeners_call_it_not_a_playlist_label(service: RecommendationService) -> None:
    """'old school hip hop' gave Public Enemy and the Beastie Boys as '90s southern hip hop': the playlist a song
    sat in, not its genre. A label under the asked genre gives way to the asked genre's own name."""
    answer = await service.ask("old school hip hop pls", count=10)
    genres = [r.facts["genre"] for t in answer.results for r in t.reasons if r.kind == "genre"]
    assert len(genres) == 10
    assert "southern hip hop" not in genres
    assert genres.count("hip hop") >= 8


async def test_a_genre_without_songs_asked_with_a_mood_is_not_empty(service: RecommendationService) -> None:
    """'forró pra dançar junino' read forró (was unused: dance pop) and then answered nothing: no song like the
    forró bands is also danceable. Their style comes first, the mood is dropped, and both are said."""
    answer = await service.ask("forró pra dançar junino", count=5)
    assert answer.query.genres == ("forro",)
    assert answer.results
    assert any("listeners file under it" in n for n in answer.notes), answer.notes
    assert any(n.startswith("Few tracks fit") for n in answer.notes), answer.notes


@pytest.mark.parametrize(("text", "outsider"), [("french rap", "David Guetta"), ("german rap", "Camouflage")])
async def test_a_scene_is_not_filled_by_a_playlist_label(
    service: RecommendationService, text: str, outsider: str
) -> None:
    """'french rap' led with David Guetta and 'german rap' held Camouflage's synth-pop: French and German artists
    whose songs sat on hip hop playlists. A scene's head genre must be one listeners file the artist under."""
    answer = await service.ask(text, count=10)
    assert answer.results
    assert outsider not in {r.track.artists[0] for r in answer.results}


async def test_a_comparative_beside_an_artist_is_relative_to_the_artist(service: RecommendationService) -> None:
    """'rammstein aber weniger hart' capped energy at 0.9, which such bands' own songs pass: the answer was as hard
    as they are (Korn with Skrillex, SOAD). 'Less hard' is now less than the band's own average (Metallica's ten
    songs here; one song, as for Rammstein, is no average: the band is heard with its nearest artists' songs)."""
    answer = await service.ask("metallica aber weniger hart", count=8)
    energies = [r.track.features.energy for r in answer.results]
    assert len(energies) == 8
    assert all(e is not None and e < 0.8 for e in energies), energies
    assert all(f.high is not None and f.high < 0.8 for f in answer.query.features if f.feature == "energy")
    one_song = await service.ask("rammstein aber weniger hart", count=3)
    ceilings = [f.high for f in one_song.query.features if f.feature == "energy"]
    assert ceilings
    assert all(h is not None and h < 0.85 for h in ceilings), ceilings


@pytest.mark.parametrize("text", ["hidden gems pls", "obscure jazz"])
async def test_gems_are_songs_of_artists_listeners_know(service: RecommendationService, text: str) -> None:
    """'hidden gems' and 'deep cuts' alone were ten netlabel tracks at popularity 0 that nobody played: a gem is a
    little-known song by an artist listeners know (and naming nothing else is a mix, said)."""
    answer = await service.ask(text, count=8)
    sig = service.recommender.signals
    indices = [service.catalog.track_index(r.track.id) for r in answer.results]
    artists = [int(sig.track_artist[i]) for i in indices if i is not None]
    assert len(artists) == 8
    assert all(sig.listener_tagged[a] and sig.has_colisten[a] for a in artists), [
        r.track.display for r in answer.results
    ]


async def test_a_thin_voice_scene_is_not_filled_with_the_other_voice(service: RecommendationService) -> None:
    """'kpop girl groups' ran out after five songs and was filled from k-pop at large: SHINee, Rain, Block B. Who
    sings is kept; the scene's own acts fill it."""
    answer = await service.ask("kpop girl groups", count=10)
    artists = {r.track.artists[0] for r in answer.results}
    assert artists
    assert not artists & {"SHINee", "Rain", "SEUNGRI", "Block B - BASTARZ", "BTS"}, artists
    assert len(answer.results) == 10  # the girl groups' own songs fill it (all ten acts of the reading, not three)


async def test_newer_beside_an_act_asks_for_artists_who_began_later(service: RecommendationService) -> None:
    """'stuff like metallica but newer' kept songs released from 2012 on: Black Sabbath's 'Changes' (a 2016
    reissue), Judas Priest live, Ozzy. Newer beside an act is about artists, not release dates."""
    answer = await service.ask("like nirvana but newer bands", count=10)
    assert answer.query.year_min is None
    assert answer.query.artists_from is not None
    assert answer.query.artists_from >= 1999, answer.query.artists_from
    artists = {r.track.artists[0] for r in answer.results}
    assert len(answer.results) == 10
    assert not {"Foo Fighters", "Pearl Jam", "Red Hot Chili Peppers", "Pixies", "Soundgarden"} & artists, artists
    song = service.parse("songs like bohemian rhapsody but newer")  # newer than the song's act
    assert song.year_min is None
    assert song.artists_from is not None
    assert song.artists_from >= 1983
    later = await service.ask("songs like take on me but newer", count=10)
    acts = {r.track.artists[0] for r in later.results}
    assert len(later.results) == 10
    # 80s acts whose songs here are reissues (Belinda Carlisle 2013, ICEHOUSE 2011) are not newer than a-ha.
    assert not {"Belinda Carlisle", "Laura Branigan", "ICEHOUSE", "Berlin", "The Fixx"} & acts, acts
    alone = service.parse("new songs like drake")  # not a comparative: recent songs, as before
    assert alone.year_min is not None
    assert alone.artists_from is None


async def test_songs_to_cry_to_are_ballads_not_any_low_positivity_song(service: RecommendationService) -> None:
    """Low positivity alone led 'songs to cry to' with 'I'll Make Love To You', 'Sister Christian' and 'No
    Guidance'; the ballads people cry to are acoustic. Beside a genre the genre's own sound stays: 'sad rap' ranked
    by acousticness was acoustic netlabel rap."""
    answer = await service.ask("songs to cry to", count=10)
    titles = {r.track.title for r in answer.results}
    assert not {"I'll Make Love To You", "Sister Christian", "No Guidance (feat. Drake)"} & titles, titles
    assert sum(r.track.features.acousticness or 0.0 for r in answer.results) / len(answer.results) >= 0.6
    autumn = {r.track.title for r in (await service.ask("music that sounds like autumn", count=10)).results}
    assert not {"Bleeding Love", "I'll Make Love To You", "Back At One"} & autumn, autumn
    rap = await _artists(service, "sad rap")  # its canon now (set AB): as rap with sad bounds, Lil Baby first
    assert len({"Juice WRLD", "XXXTENTACION", "Kid Cudi", "Lil Peep", "Mac Miller", "Trippie Redd"} & set(rap)) >= 3, (
        rap
    )


async def test_a_scene_is_found_under_the_tags_listeners_file_it_under(service: RecommendationService) -> None:
    """'rock en español de los 80s' missed Caifanes ('rock en espanol', 1988): the scene was only 'spanish' x
    'rock', and troll-tagged pop stars led."""
    artists = await _artists(service, "rock en español de los 80s")
    assert "Caifanes" in artists[:3], artists


async def test_not_too_mainstream_is_lesser_known_songs_not_a_netlabel_namesake(service: RecommendationService) -> None:
    """'rock music but not too mainstream' answered with netlabel releases by acts that share a known band's name
    (The Search, Sway, The Heavens: Last.fm's band, a netlabel's songs): songs a chart measured now."""
    answer = await service.ask("rock music but not too mainstream", count=10)
    assert len(answer.results) == 10
    assert all(r.track.popularity is not None for r in answer.results), [r.track.artists[0] for r in answer.results]


async def test_songs_asked_in_english_leave_other_languages_scenes_out(
    service: RecommendationService, built_catalog: Catalog
) -> None:
    """'canciones tristes en inglés' leaned to Spanish-language scenes (the request's language) and read 'inglés'
    as the tag 'english': Craig David, When In Rome. Now sad songs, none from another language's scene."""
    scenes = [built_catalog.tag_index(t) for t in ("spanish", "latino", "mexican", "french", "german", "brazilian")]
    columns = [c for c in scenes if c is not None]

    def of_a_scene(rec: Recommendation) -> bool:
        artist = built_catalog.artist_index(rec.track.artist_ids[0])
        return (
            artist is not None
            and float(built_catalog.artist_tags.to_scipy()[artist].toarray().ravel()[columns].max()) >= 0.3
        )

    answer = await service.ask("canciones tristes en inglés", count=10)
    assert answer.query.sung_in == "en"
    assert not answer.query.genres
    assert "sad" in answer.query.moods
    assert len(answer.results) == 10
    assert not [r.track.artists for r in answer.results if of_a_scene(r)]
    spanish = await service.ask("canciones tristes", count=10)  # without it, the request's language leans
    assert any(of_a_scene(r) for r in spanish.results)


async def test_a_voice_over_a_genre_keeps_the_voice_when_the_genre_is_thin(service: RecommendationService) -> None:
    """'female vocals over jazzy hip hop beats' took three genres, any of them (Vanessa Carlton); read as one voiced
    scene it had no song, and 'jazz rap with female vocals' was empty. The genre widens, the voice stays."""
    for text in ("female vocals over jazzy hip hop beats", "jazz rap with female vocals"):
        answer = await service.ask(text, count=10)
        assert len(answer.query.genres) == 1, text
        assert answer.query.genres[0].startswith("female "), text
        assert len(answer.results) == 10, text
        assert "Eve" in {r.track.artists[0] for r in answer.results} or "Missy Elliott" in {
            r.track.artists[0] for r in answer.results
        }


async def test_a_plain_genre_leads_with_the_bands_listeners_call_by_it(service: RecommendationService) -> None:
    """'metal' was six netlabel tracks (Machinae Supremacy's chiptune metal, MOLECUL, Ray) before Metallica or Iron
    Maiden: the charts' metal songs carry only playlist labels ('rock', 'hard rock'), so only the netlabel's were
    filed under 'metal'. A song by a band listeners call metal now counts as metal."""
    metal = await _artists(service, "metal", count=10)
    known = {"Metallica", "Iron Maiden", "Black Sabbath", "System Of A Down", "Slipknot", "Pantera", "Ozzy Osbourne"}
    known |= {"Disturbed", "Rage Against The Machine", "Judas Priest", "Megadeth", "Slayer", "Korn", "In Flames"}
    assert len([a for a in metal if a in known]) >= 5, metal
    assert "Machinae Supremacy" not in metal
    clean = await service.ask("metal but no screaming", count=10)  # 'screaming' was an unknown word
    assert {"screamo", "metalcore", "death metal"} <= set(clean.query.exclude_genres)
    assert not clean.query.ignored


async def test_leaving_out_a_genre_that_names_part_of_the_asked_one_is_said_not_done(
    service: RecommendationService,
) -> None:
    """'kpop but not too poppy' was empty ("Try fewer constraints"): every k-pop act is also tagged pop."""
    answer = await service.ask("kpop but not too poppy", count=10)
    assert len(answer.results) == 10
    assert any(note.startswith("Leaving out pop would leave no k-pop") for note in answer.notes), answer.notes
    metal = await service.ask("rock but no metal", count=10)  # a genre beside, not inside: still left out
    assert not any(note.startswith("Leaving out") for note in metal.notes)


async def test_a_thin_genre_beside_named_acts_is_filled_with_music_like_them(service: RecommendationService) -> None:
    """'krautrock like Neu!' was one song ("That's all I have"): the catalog has one krautrock song and no
    broader genre to widen to, but the act named says the style."""
    answer = await service.ask("krautrock like Neu!", count=10)
    assert len(answer.results) == 10
    assert "I have little krautrock; the rest are like Neu!." in answer.notes
    assert answer.results[0].track.artists[0] == "Kraftwerk"  # the genre's own song first
    # Only acts filed under the genre say its style: a name misread beside one ('moda de viola' as an act Viola)
    # filled 'sertanejo raiz' with Ariana Grande.
    raiz = await service.ask("sertanejo raiz, moda de viola", count=10)
    assert not [note for note in raiz.notes if "the rest are like" in note]
    sertanejo = {"Chitãozinho & Xororó", "Zé Neto & Cristiano", *PLAYED_BY["sertanejo"]}  # its own acts only
    assert {r.track.artists[0] for r in raiz.results} <= sertanejo


async def test_a_genre_of_an_era_with_few_acts_takes_more_of_their_songs_before_leaving_the_era(
    service: RecommendationService,
) -> None:
    """'japanese city pop from the 80s' was one 80s song and nine from 1998-2017 (an anime theme among them): two
    songs per act, then the era loosened. The catalog has 21 80s songs by Omega Tribe and Kiyotaka Sugiyama."""
    answer = await service.ask("japanese city pop from the 80s", count=10)
    assert len(answer.results) == 10
    assert all(1980 <= (r.track.year or 0) <= 1989 for r in answer.results)
    assert "Few acts fit all of that, so some have several songs here." in answer.notes
    plain = await service.ask("russian rock", count=10)  # no era: a thin genre's acts are not taken four times
    assert max(Counter(r.track.artists[0] for r in plain.results).values()) <= 2


async def test_no_pop_leaves_out_acts_listeners_call_pop(service: RecommendationService) -> None:
    """'pop' is also a playlist label, and a label excluded only artists it weighs 0.25 on: Justin Bieber (0.20)
    and Beyoncé (0.22) answered 'billie eilish but less pop' though listeners call both 'pop' first or second."""
    artists = await _artists(service, "something like billie eilish but no pop")
    assert not {"Justin Bieber", "Beyoncé", "Rihanna", "Katy Perry"} & set(artists), artists


async def test_a_twist_on_a_seed_with_few_songs_stays_in_its_scene(service: RecommendationService) -> None:
    """Mitski has two measured songs: 'like mitski but more energetic' kept the absolute energy floor (0.87) and
    answered with Death Grips, Grimes and Caribou. Heard with her nearest artists, the floor is theirs plus a step."""
    answer = await service.ask("like mitski but more energetic", count=10)
    floor = [f.low for f in answer.query.features if f.feature == "energy" and f.low is not None]
    assert floor
    assert floor[0] < 0.8, floor
    scene = {"Alvvays", "The War On Drugs", "Purple Mountains", "Father John Misty", "Blood Orange", "Snail Mail"}
    artists = [r.track.artists[0] for r in answer.results]
    assert len(set(artists[:5]) & scene) >= 2, artists


async def test_a_male_singer_like_a_trip_hop_band(service: RecommendationService) -> None:
    """'like portishead but with a male singer' was James Blunt, Jay Sean and David Archuleta."""
    artists = await _artists(service, "like portishead but with a male singer")
    assert not {"James Blunt", "Jay Sean", "David Archuleta", "Björk", "Goldfrapp", "Morcheeba"} & set(artists)
    assert len({"Thievery Corporation", "Moby", "Radiohead", "Röyksopp", "DJ Shadow", "Gorillaz"} & set(artists)) >= 2


async def test_less_mainstream_than_a_star_is_less_known_than_the_stars_peers(service: RecommendationService) -> None:
    """'like the weeknd but less mainstream' answered with Shawn Mendes, Jason Derulo and John Legend: less known
    than The Weeknd (0.98), as every peer of a star is. Now less known than his peers' median too."""
    artists = await _artists(service, "like the weeknd but less mainstream")
    assert not {"Shawn Mendes", "Jason Derulo", "John Legend"} & set(artists), artists
    assert {"Frank Ocean", "Daniel Caesar", "SZA", "Brent Faiyaz", "PARTYNEXTDOOR"} & set(artists), artists


async def test_more_popular_than_a_seed_is_its_better_known_neighbours(service: RecommendationService) -> None:
    """'like john coltrane but more popular' (and '... more accessible') answered with The Weeknd, Roddy Ricch and
    Maroon 5: chart popularity outweighed a seed whose neighbours have few songs here."""
    charts = {"The Weeknd", "Roddy Ricch", "Maroon 5", "Billie Eilish", "Arizona Zervas"}
    for text in ("like john coltrane but more popular", "like john coltrane but more accessible"):
        artists = await _artists(service, text)
        assert not charts & set(artists), (text, artists)
        assert "Bill Evans" in artists, (text, artists)


async def test_timeless_classics_are_not_this_years_charts(service: RecommendationService) -> None:
    answer = await service.ask("timeless classics", count=10)
    years = [r.track.year or 0 for r in answer.results]
    assert len(years) == 10
    assert max(years) <= 2010, [r.track.display for r in answer.results]
    assert {"Queen", "TOTO", "a-ha", "Michael Jackson", "The Police"} & {r.track.artists[0] for r in answer.results}


async def test_a_decades_best_songs_come_from_across_it(service: RecommendationService) -> None:
    """'best songs of the 2010s' was ten songs of 2019 (Dance Monkey, The Box): the 2020 charts hold a decade's last
    year highest, so a decade's best-known songs are ranked within their year."""
    answer = await service.ask("best songs of the 2010s", count=10)
    years = {r.track.year for r in answer.results}
    assert len(years) >= 4, years
    assert sum(1 for r in answer.results if r.track.year == 2019) <= 5


async def test_a_genre_left_out_lets_the_seeds_playlist_neighbours_speak(service: RecommendationService) -> None:
    """'like drake but no rap' left his 2011 co-listened artists of R&B, too few to fill ten (Mýa, Floetry, Jamie
    Foxx): his co-playlisted singers (The Weeknd, Rihanna) were never asked, co-listening having spoken for him."""
    artists = await _artists(service, "like drake but no rap")
    assert {"The Weeknd", "Rihanna"} <= set(artists), artists
