"""Japanese requests, written without spaces: the segmenter cuts a run of kana and kanji into the table's words
('シティポップが聴きたい' was one unknown name), moods, genres, decades ('80年代'), exclusions said after what they
leave out ('ロック以外'), 'X みたいな曲' after a name, and a name the table does not know kept whole."""

from __future__ import annotations

import pytest

from segue.engine.query.lang.ja import segment
from segue.engine.query.parser import QueryParser


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("シティポップが聴きたい", "シティポップ が 聴きたい"),
        ("インディーロックのおすすめある？", "インディーロック の おすすめ ある ？"),
        ("米津玄師みたいな曲", "米津玄師 みたいな曲"),  # the name the table lacks stays one piece
        ("ロック以外", "以外 ロック"),  # said before what it leaves out, as English says it
        ("80年代の洋楽", "80s の 洋楽"),
        ("sad songs", "sad songs"),  # no Japanese: untouched
        ("有没有像 keshi 那种的歌", "有没有像 keshi 那种的歌"),  # kanji without kana is as likely Chinese: untouched
    ],
)
def test_a_run_of_japanese_is_cut_into_the_tables_words(text: str, cut: str) -> None:
    assert segment(text) == cut


@pytest.mark.parametrize(
    ("text", "genres", "moods"),
    [
        ("シティポップが聴きたい", ["city pop"], []),
        ("インディーロックのおすすめある？", ["indie rock"], []),
        ("悲しい曲", [], ["sad"]),
        ("雨の日に聴きたいジャズ", ["jazz"], ["rainy"]),
        ("作業用のローファイ", ["lo-fi hip hop"], ["focus"]),
    ],
)
def test_genres_and_moods(parser: QueryParser, text: str, genres: list[str], moods: list[str]) -> None:
    query = parser.parse(text)
    assert list(query.genres) == genres
    assert list(query.moods) == moods
    assert query.language == "ja"
    assert not query.ignored
    assert not query.unresolved


def test_a_decade_and_an_exclusion(parser: QueryParser) -> None:
    query = parser.parse("1990年代のヒップホップ")
    assert (query.year_min, query.year_max) == (1990, 1999)
    assert list(query.genres) == ["hip hop"]
    assert list(parser.parse("ジャズ以外の曲").exclude_genres) == ["jazz"]
    rock = parser.parse("メタル以外のロック")  # rock except metal: what it is left out of comes first in English
    assert (list(rock.genres), list(rock.exclude_genres)) == (["rock"], ["metal"])
    since = parser.parse("2015年以降のEDM")
    assert (since.year_min, since.year_max) == (2015, None)


def test_a_katakana_name_the_table_lacks_is_not_cut_by_its_voicing() -> None:
    """The table's keys drop voicing marks, so 'トライブ' (tribe) of a band's name would match 'ドライブ' (drive):
    the cut matches the words as written."""
    assert segment("オメガトライブっぽい曲") == "オメガトライブ っぽい 曲"


def test_a_name_before_mitaina_is_a_seed(parser: QueryParser) -> None:
    """'X みたいな曲' (songs like X): the name comes first, as in 'X vibes'."""
    query = parser.parse("Daft Punkみたいな曲")
    assert [a.name for a in query.seed_artists] == ["Daft Punk"]
    unknown = parser.parse("米津玄師みたいな曲")
    assert list(unknown.unresolved) == ["米津玄師"]  # said unknown, whole, not cut into characters


def test_jazzy_is_read(parser: QueryParser) -> None:
    """'ジャジー' (jazzy) was said unused: 'nujabesみたいなジャジーなヒップホップ'."""
    query = parser.parse("ジャジーなヒップホップ教えて")
    assert "ジャジー" not in " ".join(query.ignored)
    assert query.genres
