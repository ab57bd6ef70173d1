"""Reading requests in other languages (issue 15): which language a request is in, English left alone, names kept,
unknown languages falling back to the English reading and name matching, and a new language as one table."""

from __future__ import annotations

from pathlib import Path

import pytest

from segue.engine.query.genres import GenreTree
from segue.engine.query.lang import Language, Languages, load_languages, table, words
from segue.engine.query.parser import QueryParser
from support.names import FakeNames, load_fake


@pytest.fixture(scope="module")
def tree(datasets_dir: Path) -> GenreTree:
    return GenreTree.from_csv(datasets_dir / "lastfm-folds" / "props_hierarchy_wikidata_lastfm_small.csv")


@pytest.fixture(scope="module")
def names(datasets_dir: Path) -> FakeNames:
    return load_fake(datasets_dir)


@pytest.fixture(scope="module")
def parser(names: FakeNames, tree: GenreTree) -> QueryParser:
    return QueryParser(names, tree, reference_year=2020)


def test_every_language_module_is_found() -> None:
    assert set(load_languages().by_code) >= {"es", "fr", "de", "pt-BR", "it", "tl", "ko", "ja"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("canciones tristes", "es"),
        ("musique calme pour dormir", "fr"),
        ("traurige Lieder", "de"),
        ("músicas tristes", "pt-BR"),
        ("canzoni italiane anni 80", "it"),
        ("pa-recommend naman ng mga kanta", "tl"),
        ("슬픈 노래 추천해줘", "ko"),
        ("シティポップが聴きたい", "ja"),
        ("yung lean type beat", None),  # 'yung' is a Tagalog word and a name's first word: no evidence
        ("sad songs", "en"),
        ("songs like Die Antwoord", "en"),
        ("rock pour some sugar on me", "en"),
        ("bossa nova", None),
        ("Daft Punk", None),
        ("chanson française", "fr"),
    ],
)
def test_the_language_is_detected(parser: QueryParser, text: str, language: str | None) -> None:
    assert parser.parse(text).language == language
    assert parser.parse(text).interpretation()["language"] == language


def test_an_english_request_borrowing_a_word_stays_english(parser: QueryParser) -> None:
    """'fiesta' is read as 'party', but 'songs for a' says the request is English (and 'a' is not Spanish 'to')."""
    query = parser.parse("songs for a fiesta")
    assert list(query.moods) == ["party"]
    assert query.language == "en"
    assert parser.parse("chill canciones like Bad Bunny").language == "es"


def test_words_two_languages_share_are_read_but_the_language_is_not_guessed(parser: QueryParser) -> None:
    """'música instrumental' is Spanish and Portuguese alike: read, and no language claimed."""
    query = parser.parse("música instrumental")
    assert list(query.moods) == ["instrumental"]
    assert query.language is None
    assert set(query.tongues) == {"es", "pt-BR"}  # not Italian, which never writes 'ú'
    assert "it" in parser.parse("musica triste").tongues  # without the accent, Italian fits as well
    assert parser.parse("canciones tristes").tongues == ()  # one language: no tie to keep


def test_a_letter_only_one_of_the_tied_languages_writes_settles_it(parser: QueryParser) -> None:
    """'musica romântica' tied Spanish, Italian and Portuguese and was answered in English; neither Spanish nor
    Italian writes 'â'. 'música romántica' ('á': both Spanish and Portuguese) stays a tie."""
    assert parser.parse("musica romântica").language == "pt-BR"
    assert parser.parse("musica para dançar").language == "pt-BR"
    assert set(parser.parse("música romántica").tongues) == {"es", "pt-BR"}


def test_a_given_language_overrides_detection(parser: QueryParser) -> None:
    assert parser.parse("música instrumental", language="pt-BR").language == "pt-BR"
    assert parser.parse("música instrumental", language="es-ES").language == "es"
    assert parser.parse("música instrumental", language="pt_BR").language == "pt-BR"
    assert parser.parse("música instrumental", language="fi").language is None  # not one Segue reads: detected
    english = parser.parse("Die Antwoord", language="en")
    assert [a.name for a in english.seed_artists] == ["Die Antwoord"]


def test_the_quick_path_reads_the_same_as_trying_every_table(names: FakeNames, tree: GenreTree) -> None:
    """Skipping the tables for a request with no telling word must not change any reading."""
    parser = QueryParser(names, tree, reference_year=2020)
    slow = QueryParser(names, tree, reference_year=2020)
    slow.languages._telling = frozenset(slow.languages._telling | {"songs", "a", "no", "in", "the", "me"})
    for text in ("songs for a party in the 80s", "no rap please", "sad songs", "canciones tristes", "80er Pop"):
        assert parser.parse(text) == slow.parse(text), text


def test_english_requests_are_read_exactly_as_before(parser: QueryParser) -> None:
    """A request with no foreign evidence is not rewritten at all: the English scan sees the typed text."""
    for text in ("20 upbeat disco tracks", "sad songs from the 80s", "something like Daft Punk but chill"):
        reading = parser.languages.read(text, parser._is_name)
        assert reading.text == text
        assert reading.language == "en"


@pytest.mark.parametrize(
    ("text", "artist", "genre"),
    [
        ("liedjes zoals Daft Punk", "Daft Punk", None),
        ("låtar som Vasco Rossi", "Vasco Rossi", None),
        ("jazz muziek", None, "jazz"),
    ],
)
def test_an_unknown_language_falls_back_to_english_and_names(
    parser: QueryParser, text: str, artist: str | None, genre: str | None
) -> None:
    query = parser.parse(text)
    assert not query.is_empty
    if artist is not None:
        assert [a.name for a in query.seed_artists] == [artist]
    if genre is not None:
        assert genre in query.genres


def test_unused_words_are_reported_as_typed(parser: QueryParser) -> None:
    """'década' was read as 'decade' and not used: the note quotes what the user wrote."""
    query = parser.parse("canciones tristes de otra década")
    assert list(query.moods) == ["sad"]
    assert list(query.ignored) == ["otra década"]
    assert query.text == "canciones tristes de otra década"


def test_a_new_language_is_one_table(names: FakeNames, tree: GenreTree) -> None:
    italian = Language(
        code="it",
        phrases=table("canzoni=songs tristi=sad come=like senza=without anni=  per=for dormire=sleep"),
        weak=words("come per"),
        decade_leads=words("anni"),
    )
    parser = QueryParser(names, tree, reference_year=2020, languages=Languages([italian]))
    query = parser.parse("canzoni tristi anni 80 senza rap")
    assert list(query.moods) == ["sad"]
    assert (query.year_min, query.year_max) == (1980, 1989)
    assert list(query.exclude_genres) == ["rap"]
    assert query.language == "it"
    assert [a.name for a in parser.parse("canzoni come Vasco Rossi").seed_artists] == ["Vasco Rossi"]


@pytest.mark.parametrize(
    ("text", "artist"),
    [
        ("algo parecido a La Oreja de Van Gogh", "La Oreja de Van Gogh"),
        ("musica de Los Angeles Azules", "Los Angeles Azules"),
        ("canciones como Sin Bandera", "Sin Bandera"),
        ("Lieder wie Die Ärzte", "Die Ärzte"),
    ],
)
def test_a_phrase_never_takes_a_word_of_a_name(parser: QueryParser, text: str, artist: str) -> None:
    """'a la' (German 'à la') or 'de los' must not swallow the first word of 'La Oreja...' or 'Los Angeles...'."""
    assert [a.name for a in parser.parse(text).seed_artists] == [artist]


def test_links_and_mentions_are_never_rewritten(parser: QueryParser) -> None:
    """'del' inside a link must stay 'del': rewriting it to 'of the' would cut the link in two."""
    text = "canciones de los 80 como https://example.com/del-los <@123>"
    reading = parser.languages.read(text, parser._is_name)
    assert "https://example.com/del-los <@123>" in reading.text
    query = parser.parse(text)
    assert (query.year_min, query.year_max) == (1980, 1989)


@pytest.mark.parametrize(
    ("text", "artist"),
    [
        ("música como la de shakira pero más vieja", "Shakira"),
        ("músicas como as do legião urbana", "Legião Urbana"),
        ("des chansons comme celles de stromae", "Stromae"),
        ("lieder wie die von nena", "Nena"),
    ],
)
def test_like_the_songs_of_an_artist_in_each_language(parser: QueryParser, text: str, artist: str) -> None:
    """'como la de shakira' left 'la de shakira' unknown and answered old chart songs."""
    query = parser.parse(text)
    assert [a.name for a in query.seed_artists] == [artist]
    assert not query.unresolved
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("más como la tercera", "es"),
        ("como el último", "es"),
        ("otra página", "es"),
        ("plus comme la troisième", "fr"),
        ("page suivante", "fr"),
        ("mehr wie das dritte", "de"),
        ("nächste Seite", "de"),
        ("mais como a terceira", "pt-BR"),
        ("próxima página", "pt-BR"),
        ("another page", "en"),
    ],
)
def test_pointing_back_at_an_answer_is_read_in_every_language(parser: QueryParser, text: str, language: str) -> None:
    """'más como la tercera' was 'I don't know la tercera. Did you mean Mercer?'; like 'more like the 3rd one', it
    is now read as pointing at an earlier answer (the bot acts on that answer, or says how to)."""
    query = parser.parse(text)
    assert query.follow_up
    assert query.language == language
    assert not query.unresolved
    assert not query.seed_artists
    assert not query.seed_tracks


def test_a_title_in_capitals_before_its_act_is_kept_as_typed(parser: QueryParser) -> None:
    """'De Música Ligera de Soda Stereo' read 'of music Ligera by Soda Stereo' and missed the song; a title of the
    table's words alone ('Música de Soda Stereo') is still read as words."""
    reading = parser.languages.read("temas parecidos a De Música Ligera de Soda Stereo", parser._is_name)
    assert "De Música Ligera by Soda Stereo" in reading.text
    assert parser.languages.read("Música de Soda Stereo", parser._is_name).text.lower().startswith("music")


def test_korean_particles_on_latin_words_and_like_after_a_name(parser: QueryParser) -> None:
    """'chill한 노래' left 'chill' unread; 'crush 같은 느낌' ('a feel like Crush') read 'crush like vibe', the
    song Vibe; 'BTS 말고' (not BTS) asked for BTS; a phrase in English the Korean table knows ('girl groups') is no
    evidence that an English request is Korean."""
    reading = parser.languages.read("한국 R&B 중에 chill한 노래 있어? DEAN이나 crush 같은 느낌으로", parser._is_name)
    assert "chill" in reading.text.split()
    assert "like crush" in reading.text
    assert parser.languages.read("BTS 말고 다른 boy group", parser._is_name).text.startswith("except BTS")
    assert parser.languages.read("90s r&b girl groups, swv en vogue xscape type", parser._is_name).language != "ko"
