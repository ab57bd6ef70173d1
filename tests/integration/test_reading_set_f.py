"""Requests of set F (64 untuned requests in Spanish, French, German and Brazilian Portuguese read by a fan,
eighteenth session) that were misread, on the real catalog: the language of a request made of names, words of
the four tables the bot did not know, a language's preference outvoting the mood, sung songs asked without lyrics."""

from __future__ import annotations

import math

import pytest

from segue.cli.show import EXAMPLES
from segue.domain import Answer, Novelty
from segue.engine.query.moods import WORDLESS_LEAST
from segue.engine.service import RecommendationService
from support.bot import speaker

pytestmark = pytest.mark.datasets


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("algo como mana o juanes", "es"),  # 'o' is Spanish for 'or' (Portuguese 'ou')
        ("mpb tipo caetano veloso e gilberto gil", "pt-BR"),  # 'e' is Portuguese for 'and' (Spanish 'y')
        ("des chanteurs québécois genre celine dion", "fr"),  # was German, for 'des'
    ],
)
def test_a_request_of_names_speaks_the_language_of_its_small_words(
    service: RecommendationService, text: str, language: str
) -> None:
    """Cue words two languages share ('algo como', 'tipo') left the language unknown and the answer in English."""
    assert service.parse(text).language == language


@pytest.mark.parametrize(
    ("text", "moods"),
    [
        ("des sons tristes pour une soirée pluvieuse", {"sad", "rainy"}),  # 'soirée' was a party
        ("regnerischer sonntag, was entspanntes", {"rainy"}),
        ("musica pra academia, bem pesada", {"workout", "aggressive"}),
        ("musica para un roadtrip por la costa, algo con buena vibra", {"driving", "happy"}),
        ("musik zum einschlafen, ganz ruhig bitte", {"sleep", "calm"}),
    ],
)
def test_words_of_the_tables_are_read(service: RecommendationService, text: str, moods: set[str]) -> None:
    """'pluvieuse', 'regnerischer', 'pesada', 'vibra', 'ganz' were said unused; 'soirée pluvieuse' answered club
    songs for a rainy evening."""
    query = service.parse(text)
    assert moods <= set(query.moods)
    assert "party" not in query.moods
    assert not {"pluvieuse", "regnerischer", "pesada", "vibra", "buena vibra", "ganz"} & set(query.ignored)


@pytest.mark.parametrize(
    "text",
    [
        "unbekannte indie bands, nix mainstream",
        "salsa buena pero nada de lo q suena en la radio",
        "salsa but nothing they play on the radio",
    ],
)
def test_nothing_from_the_radio_asks_for_lesser_known_songs(service: RecommendationService, text: str) -> None:
    """'nix mainstream' read 'mainstream' alone (the hits); 'lo q suena en la radio' seeded the song 'Suena'."""
    query = service.parse(text)
    assert query.novelty is Novelty.DEEP
    assert not query.seed_tracks


def test_either_language_asks_for_neither_alone(service: RecommendationService) -> None:
    """'en ingles o español' was sung in English and the Spanish scene at once: the sad mood gave way to
    reggaeton."""
    for text in ("canciones tristes para llorar un rato en ingles o español", "sad songs in english or spanish"):
        query = service.parse(text)
        assert query.sung_in is None
        assert "spanish" not in query.genres
        assert "sad" in query.moods
    assert service.parse("sad songs in english").sung_in == "en"


def test_a_mood_read_through_a_table_is_named_by_its_label(service: RecommendationService) -> None:
    """The reason beside each song quoted the table's English ('studying (hablado 0,04)'), which no catalog
    translates; the mood's label is translated ('foco')."""
    query = service.parse("musica pa estudiar sin letra porfa")
    assert {f.because for f in query.features} == {"focus", "instrumental"}
    assert {f.because for f in service.parse("music to study to").features} == {"study"}  # English keeps its word


async def test_the_request_language_does_not_outvote_how_songs_are_heard(service: RecommendationService) -> None:
    """'algo para el gym, pero sin reggaeton' answered Luis Miguel and Alejandro Sanz ballads (the Spanish scene
    without reggaeton), where the English request answers songs listeners play at the gym."""
    spanish = await service.ask("algo para el gym, pero sin reggaeton", count=10)
    english = await service.ask("something for the gym, but no reggaeton", count=10)
    shared = {r.track.id for r in spanish.results} & {r.track.id for r in english.results}
    assert len(shared) >= 5


async def test_no_lyrics_keeps_out_songs_the_analysis_half_doubts(service: RecommendationService) -> None:
    """'study music no lyrics' led with Yo La Tengo's sung 'Autumn Sweater' (instrumentalness 0.69)."""
    answer = await service.ask("study music no lyrics", count=10)
    values = [r.track.features.instrumentalness for r in answer.results]
    measured = [v for v in values if v is not None and not math.isnan(v)]
    assert measured
    assert min(measured) >= WORDLESS_LEAST


@pytest.mark.parametrize("locale", ["es", "fr", "de", "pt_BR"])
def test_the_examples_offered_in_a_language_are_read_in_it(service: RecommendationService, locale: str) -> None:
    """The requests `segue ask` offers when it understood nothing are ones it understands, in that language."""
    say = speaker(locale)
    for example in EXAMPLES:
        query = service.parse(say.gettext(example))
        assert query.language == locale.replace("_", "-")
        assert not query.ignored
        assert not query.unresolved
        assert query.seed_artists or query.genres or query.moods


async def test_k_pop_girl_groups_are_its_acts_within_the_voice(service: RecommendationService) -> None:
    """Set E: 'k-pop girl groups' was five songs and "That's all I have" (no listener tag says BLACKPINK, Red Velvet
    or TWICE are women): the acts that stand for it lead, the rest keeps to the voice."""
    answer = await service.ask("k-pop girl groups", count=10)
    artists = [r.track.artists[0] for r in answer.results]
    assert len(artists) >= 8
    assert {"BLACKPINK", "Red Velvet"} <= set(artists)
    assert not set(artists) & {"BTS", "SEVENTEEN", "GOT7", "SHINee", "Stray Kids", "NCT 127"}


def test_latin_reggaeton_is_reggaeton(service: RecommendationService) -> None:
    """Set E: 'latin reggaeton for the pregame' was 'latin' and 'reggaeton' at once, led by the chart's 'latin'
    playlists (Jason Derulo, Sean Paul)."""
    assert service.parse("latin reggaeton for the pregame").genres == ("reggaeton",)


async def test_songs_by_several_acts_share_the_answer(service: RecommendationService) -> None:
    """Songs by several acts: each its share, and an act with fewer songs (ABBA has one here) leaves the rest to the
    others, not to an act nobody asked for (a Bowie song filled it while each share was a third)."""
    answer = await service.ask("songs by queen, abba and the beatles", count=10)
    counts = {a: sum(1 for r in answer.results if r.track.artists[0] == a) for a in ("Queen", "ABBA", "The Beatles")}
    assert sum(counts.values()) == 10
    assert max(counts.values()) <= 5, counts


async def test_an_act_of_the_request_languages_scene_is_heard_beside_its_peers(
    service: RecommendationService,
) -> None:
    """'algo tipo shakira pero mas tranqui' answered Rihanna, Beyoncé, Alicia Keys and Taylor Swift, Shakira's
    listeners' other stars, with one Latin ballad in ten; 'algo como radiohead' keeps Radiohead's own peers."""
    catalog = service.catalog

    def placed(answer: Answer) -> int:
        acts = [catalog.artist_index(r.track.artist_ids[0]) for r in answer.results]
        return sum(1 for a in acts if a is not None and {"spanish", "latin"} & set(catalog.artist(a).genres[:8]))

    assert placed(await service.ask("algo tipo shakira pero mas tranqui", count=10)) >= 6
    assert placed(await service.ask("algo como radiohead", count=10)) == 0


async def test_less_known_acts_like_a_star_are_less_known_than_its_peers(service: RecommendationService) -> None:
    """'busco bandas poco conocidas parecidas a radiohead' answered The Verve, Weezer, Beck and Kasabian: less known
    than Radiohead, but as known as its typical neighbour."""
    answer = await service.ask("busco bandas poco conocidas parecidas a radiohead", count=10)
    assert answer.results
    assert not {"The Verve", "Weezer", "Beck"} & {r.track.artists[0] for r in answer.results}


async def test_a_thin_genres_lesser_known_few_are_filled_with_its_better_known(service: RecommendationService) -> None:
    """'salsa buena pero nada de lo q suena en la radio' was two songs and "That's all I have" with eight salsa
    songs more in the catalog: past the little-known few come the better-known ones, said."""
    answer = await service.ask("salsa buena pero nada de lo q suena en la radio", count=8)
    assert len(answer.results) == 8
    assert any("little known, so some are better-known" in note for note in answer.notes), answer.notes


async def test_a_quiet_guitar_is_an_acoustic_one(service: RecommendationService) -> None:
    """'regnerischer sonntag, was entspanntes mit gitarre' answered the guitar heroes' tag once the quiet moods gave
    way: Purple Haze, Stevie Ray Vaughan and a metalcore song."""
    answer = await service.ask("regnerischer sonntag, was entspanntes mit gitarre", count=10)
    assert "guitar" not in answer.query.genres
    assert not {"Jimi Hendrix", "Memphis May Fire", "Stevie Ray Vaughan"} & {r.track.artists[0] for r in answer.results}


async def test_two_words_of_one_mood_give_each_range_once(service: RecommendationService) -> None:
    """Blind judges of the held-out set saw 'sombre (positivity 0.10, positivity 0.10, positivity 0.10)': 'traurige
    lieder nach trennung' asks for sadness twice, and once both were named by the mood's label their ranges
    doubled."""
    answer = await service.ask("traurige lieder nach trennung", count=5)
    assert len(answer.query.features) == len(set(answer.query.features))
    for r in answer.results:
        for reason in r.reasons:
            words = [w.strip() for w in reason.text.partition("(")[2].rstrip(")").split(",") if w.strip()]
            assert len(words) == len(set(words)), reason.text
