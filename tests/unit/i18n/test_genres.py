"""Genre and scene names in the member's language (issue 15): one naming function for the understood line, the
notes and the reasons; names the same everywhere stay, the rest come from the `genres` catalogs, and a place scene
is composed in each language's word order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from segue.domain import Query, Reason
from segue.engine import explain
from segue.engine.query import lexicon as lx
from segue.engine.query.lang import load_languages
from segue.engine.scenes import NATIONALITIES
from segue.i18n import (
    LOCALES,
    catalog_dir,
    genre_name,
    genre_names,
    problems,
    reason_text,
    retell,
    understood_parts,
)
from segue.i18n._check import fields
from segue.i18n._genre_names import FEMININE_GENRES, FEMININE_SCENES, GENRES, SCENES
from segue.text import normalize_name
from support.bot import speaker

NAMES = ("spanish indie", "french rap", "brazilian funk", "german rap", "latin pop", "classical", "brazilian")


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("en", NAMES),
        ("es", ("indie español", "rap francés", "funk brasileño", "rap alemán", "pop latino", "música clásica",
                "música brasileña")),
        ("fr", ("indie espagnol", "rap français", "funk brésilien", "rap allemand", "pop latine", "musique classique",
                "musique brésilienne")),
        ("de", ("Indie aus Spanien", "Rap aus Frankreich", "Baile Funk", "Deutschrap", "Latin-Pop", "Klassik",
                "Musik aus Brasilien")),
        ("pt_BR", ("indie espanhol", "rap francês", "funk brasileiro", "rap alemão", "pop latino", "música clássica",
                   "música brasileira")),
    ],
)  # fmt: skip
def test_scenes_and_genres_are_said_in_each_language(locale: str, said: tuple[str, ...]) -> None:
    say = speaker(locale)
    assert tuple(genre_name(say, n) for n in NAMES) == said


@pytest.mark.parametrize("locale", LOCALES)
def test_names_the_same_everywhere_stay_as_they_are(locale: str) -> None:
    say = speaker(locale)
    for name in ("techno", "k-pop", "r&b", "edm", "vaporwave", "Daft Punk", ""):
        assert genre_name(say, name) in (name, name.title(), name.capitalize())  # German writes nouns capitalised
    assert genre_name(say, "techno") == ("Techno" if locale == "de" else "techno")


def test_a_feminine_genre_takes_the_feminine_place() -> None:
    """'pop' is feminine in French ('pop française'), 'música' in Spanish and Portuguese; German says 'aus'."""
    assert genre_name(speaker("fr"), "italian pop") == "pop italienne"
    assert genre_name(speaker("fr"), "italian rock") == "rock italien"
    assert genre_name(speaker("es"), "turkish classical") == "música clásica turca"
    assert genre_name(speaker("pt_BR"), "brazilian music") == "música brasileira"
    assert genre_name(speaker("de"), "turkish classical") == "Klassik aus der Türkei"
    assert genre_name(speaker("es"), "spanish indie pop") == "pop indie español"


def test_a_whole_names_entry_wins_over_the_composition() -> None:
    """'british invasion' is no British genre called 'invasion'; 'german rap' is Deutschrap."""
    assert genre_name(speaker("es"), "british invasion") == "invasión británica"
    assert genre_name(speaker("de"), "german rap") == "Deutschrap"
    assert genre_name(speaker("pt_BR"), "brazilian country") == "sertanejo"


def test_the_engines_comma_joined_names_are_said_one_by_one() -> None:
    assert genre_names(speaker("es"), "spanish indie, classical") == "indie español, música clásica"
    assert genre_names(speaker("de"), ["piano", "southern hip hop"]) == "Klavier, Southern Hip-Hop"


def _template() -> dict[tuple[str | None, str], object]:
    with (catalog_dir() / "genres.pot").open("rb") as handle:
        return {(m.context, str(m.id)): m for m in read_po(handle) if m.id}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_genre_entry_keeps_its_placeholders(locale: str) -> None:
    """A scene's translation has its {genre} exactly once; a genre's and the grammar list have none."""
    path = catalog_dir() / locale / "LC_MESSAGES" / "genres.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    template = _template()
    for message in catalog:
        if not message.id or not message.string:
            continue
        assert (message.context, message.id) in template
        said = str(message.string)
        assert fields(said) == fields(str(message.id)), (locale, message.id, said)
        if message.context in ("scene", "scene feminine"):
            assert said.count("{genre}") == 1, (locale, message.id, said)


def test_the_genres_template_is_what_the_code_marks() -> None:
    """`pybabel extract -k GP_:1c,2` over `_genre_names.py` gives exactly genres.pot (docs/TRANSLATING.md)."""
    source = Path(__file__).resolve().parents[3] / "src" / "segue" / "i18n" / "_genre_names.py"
    marked = {(c, str(m)) for _, m, _, c in extract_from_file("python", source, keywords={"GP_": ((1, "c"), 2)})}
    assert marked == set(_template())
    assert len(marked) == len(GENRES) + len(SCENES) + len(FEMININE_SCENES) + 1
    assert ("grammar", FEMININE_GENRES) in marked


def test_every_place_the_parser_reads_has_a_scene() -> None:
    """The parser's nationalities (or the place tag it reads them as: 'cuban' is 'cuba') can each lead a scene."""
    places = {name.split()[0] for name in SCENES}
    spelled = {**{adj: country for country, adj in lx.COUNTRIES.items()}, **lx.PLACE_SPELLINGS}
    missing = {n for n in NATIONALITIES if n not in places and spelled.get(n) not in places}
    assert missing == set()


@pytest.mark.parametrize(("locale", "code"), [("es", "es"), ("fr", "fr"), ("pt_BR", "pt-BR")])
def test_a_scene_said_reads_back_as_the_same_place(locale: str, code: str) -> None:
    """Each place as a scene names it ('{genre} español') is a word the parser's table for that language reads
    as the same place, where the table knows the word: what a member is shown, typed back, is the same scene."""
    table = load_languages().by_code[code].phrases
    spelled = {**lx.PLACE_SPELLINGS, **{adj: country for country, adj in lx.COUNTRIES.items()}}
    say = speaker(locale)
    checked = 0
    for scene in SCENES:
        place = scene.split()[0]
        word = say.pgettext("scene", scene).replace("{genre}", "").strip()
        english = table.get(normalize_name(word))
        if english is None:
            continue
        checked += 1
        assert english == place or spelled.get(english) == place, (word, english, place)
    assert checked >= 8


def test_the_understood_line_says_genres_in_the_language() -> None:
    query = Query(text="indie español tranquilo", genres=("spanish indie",), moods=("calm",), exclude_genres=("pop",))
    assert understood_parts(query, speaker("es")) == ["género: indie español", "ánimo: tranquilo", "sin pop"]
    assert understood_parts(query, speaker("de"))[0] == "Genre: Indie aus Spanien"
    assert understood_parts(query, speaker("en"))[0] == "genre: spanish indie"


@pytest.mark.parametrize(
    ("locale", "broader", "few"),
    [
        ("es", "Tengo pocas canciones de indie español; el resto es del género más amplio más cercano (indie).",
         "Pocas canciones encajan también con «tranquilo» y «fiesta», así que el resto cumple la petición sin eso."),
        ("fr", "J'ai peu de choses en rap français ; le reste vient du genre plus large le plus proche (rap).",
         "Peu de morceaux collent aussi à « calme » et « fête » : le reste répond à la demande sans cela."),
        ("de", "Ich habe wenig Rap aus Frankreich; der Rest ist das nächste übergeordnete Genre (Rap).",
         "Nur wenige Songs passen auch zu „ruhig“ und „Party“, der Rest erfüllt die Anfrage ohne das."),
        ("pt_BR", "Tenho poucas músicas de funk brasileiro; o resto é do gênero mais amplo mais próximo (funk).",
         "Poucas músicas combinam também com “calmo” e “festa”, então o resto atende ao pedido sem isso."),
    ],
)  # fmt: skip
def test_notes_say_genres_and_moods_in_the_language(locale: str, broader: str, few: str) -> None:
    say = speaker(locale)
    asked = {"es": "spanish indie", "fr": "french rap", "de": "french rap", "pt_BR": "brazilian funk"}[locale]
    wider = asked.split()[1]
    assert retell(say, f"I have little {asked}; the rest is the nearest broader genre ({wider}).") == broader
    assert retell(say, "Few tracks fit 'calm', 'party' as well, so the rest match the request without it.") == few


def test_a_notes_numbers_and_names_are_not_genres() -> None:
    say = speaker("es")
    said = retell(say, "That's all I have for this: 3 of the 10 you asked for.")
    assert "3" in said
    assert "10" in said
    assert "Daft Punk" in retell(say, "I have little french house; the rest are like Daft Punk.")
    assert retell(say, "Few tracks fit the sound as well, so the rest match the request without it.").startswith(
        "Pocas canciones encajan también con ese sonido"
    )


def test_reasons_name_genres_and_tags_in_the_language() -> None:
    de, es = speaker("de"), speaker("es")
    assert reason_text(de, explain.style_reason(["piano", "southern hip hop"], 0.1)) == (
        "gleicher Stil: Klavier, Southern Hip-Hop"
    )
    assert reason_text(es, explain.genre_reason("classical", 1983, True)) == "música clásica de los 80 (1983)"
    heard = Reason(kind="heard", text="sad: tagged piano", weight=0.1, facts={"mood": "sad", "tags": ["piano"]})
    assert reason_text(de, heard).endswith("getaggt Klavier")


def test_the_check_allows_a_name_left_as_in_english_but_not_a_dropped_place(tmp_path: Path) -> None:
    copy = tmp_path / "locales"
    shutil.copytree(catalog_dir(), copy)
    po = copy / "es" / "LC_MESSAGES" / "genres.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "{genre} español"', 'msgstr "español"', 1), encoding="utf-8")
    found = problems(copy)
    assert len(found) == 1, found  # the many empty entries are no problem
    assert "drops ['genre']" in found[0]


def test_a_request_not_read_is_said_in_the_language() -> None:
    note = "I couldn't read 'Cerddoriaeth i godi calon i'r dosbarth…'. Try naming an artist, a song, a genre or a mood."
    said = retell(speaker("es"), note)
    assert said.startswith("No pude leer «Cerddoriaeth i godi calon i'r dosbarth…»"), said
