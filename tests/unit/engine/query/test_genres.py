"""The genre tree: which Wikidata classes are genres, their links, and the mapping onto catalog tags."""

from __future__ import annotations

from pathlib import Path

import pytest

from segue.engine.query.genres import GenreTree, canonical_key
from segue.errors import DatasetError

# A hand-made slice of the Wikidata file, including the kinds of noise it carries.
EDGES = [
    ("popular music", "music"),
    ("rock music", "popular music"),
    ("metal", "rock music"),
    ("extreme metal", "metal"),
    ("black metal", "extreme metal"),
    ("death metal", "extreme metal"),
    ("alternative rock", "rock music"),
    ("shoegaze", "alternative rock"),
    ("pop music", "popular music"),
    ("electronic music", "music"),
    ("electronic pop", "electronic music"),
    ("electronic pop", "pop music"),
    ("synth-pop", "electronic pop"),
    ("bass", "musical instrument"),
    ("bass", "bass music"),
    ("bass music", "electronic music"),
    ("bass guitar", "bass"),
    ("songwriting", "music composing"),
    ("music composing", "music"),
    ("music composing", "composing"),
    ("German", "West Germanic"),
    ("painter", "visual artist"),
]


@pytest.fixture
def tree() -> GenreTree:
    return GenreTree(EDGES)


def test_only_music_classes_that_are_not_instruments_or_crafts_are_genres(tree: GenreTree) -> None:
    assert {"rock music", "black metal", "synth-pop", "bass music"} <= tree.genres
    for not_genre in ("music", "popular music", "bass", "bass guitar", "songwriting", "German", "painter"):
        assert not_genre not in tree.genres


def test_lookup_accepts_user_spellings(tree: GenreTree) -> None:
    assert tree.lookup("rock") == "rock music"
    assert tree.lookup("Synth Pop") == "synth-pop"
    assert tree.lookup("synthpop") == "synth-pop"
    assert tree.lookup("Black-Metal") == "black metal"
    assert tree.lookup("German") is None
    assert tree.lookup("popular") is None  # an umbrella class, and a novelty word


def test_ancestors_and_descendants_nearest_first(tree: GenreTree) -> None:
    assert tree.ancestors("black metal") == ["extreme metal", "metal", "rock music"]
    assert tree.descendants("metal") == ["extreme metal", "black metal", "death metal"]
    assert tree.ancestors("German") == []


def test_related_catalog_tags_prefers_itself_then_broader_then_narrower(tree: GenreTree) -> None:
    tags = ["rock", "pop", "metal", "shoegaze"]
    assert tree.related_catalog_tags("shoegaze", tags) == ["shoegaze"]
    assert tree.related_catalog_tags("black metal", tags) == ["metal"]
    assert tree.related_catalog_tags("synth-pop", tags) == ["pop"]
    assert tree.related_catalog_tags("electronic music", ["black metal", "synthpop"]) == ["synthpop"]
    assert tree.related_catalog_tags("German", tags) == []


def test_related_catalog_tags_fall_back_to_a_near_spelling_only(tree: GenreTree) -> None:
    assert tree.related_catalog_tags("shoegazer", ["shoegaze", "rock"]) == ["shoegaze"]
    assert tree.related_catalog_tags("jazz", ["shoegaze", "rock"]) == []


def test_catalog_expansion_widens_to_subgenres(tree: GenreTree) -> None:
    tags = ["rock", "metal", "death metal", "shoegaze", "pop"]
    assert tree.catalog_expansion("rock", tags) == ["rock", "metal", "shoegaze", "death metal"]
    assert tree.catalog_expansion("metal", tags) == ["metal", "death metal"]


def test_canonical_key_folds_spellings() -> None:
    assert canonical_key("Hip-Hop") == "hip hop"
    assert canonical_key("RnB") == "r and b"
    assert canonical_key("R&B") == "r and b"
    assert canonical_key("Drum n Bass") == "drum and bass"


def test_empty_tree_knows_nothing() -> None:
    tree = GenreTree.empty()
    assert tree.genres == frozenset()
    assert tree.related_catalog_tags("rock", ["rock"]) == ["rock"]
    assert tree.related_catalog_tags("metal", ["rock"]) == []


def test_missing_file_is_a_dataset_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="genre tree"):
        GenreTree.from_csv(tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\nx,y\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="obj,super_obj"):
        GenreTree.from_csv(bad)


def test_real_wikidata_file(datasets_dir: Path) -> None:
    tree = GenreTree.from_csv(datasets_dir / "lastfm-folds" / "props_hierarchy_wikidata_lastfm_small.csv")
    assert 600 <= len(tree.genres) <= 800
    for genre in ("rock music", "black metal", "synth-pop", "trip hop", "bossa nova", "glitch", "hip hop music"):
        assert genre in tree.genres
    # Languages, professions, instruments, homonyms and umbrella classes are in the file but are not genres.
    for other in ("German", "painter", "bass guitar", "New York", "music", "songwriting", "popular music", "song"):
        assert other not in tree.genres
    assert tree.lookup("hip-hop") == "hip hop music"
    assert tree.lookup("rap") == "hip hop music"
    assert "extreme metal" in tree.ancestors("black metal")
    assert tree.related_catalog_tags("bossa nova", ["latin", "rock", "pop"]) == ["latin"]
    assert tree.related_catalog_tags("trip hop", ["chillout", "rock"]) == ["chillout"]
