"""Genre names to tag columns: inclusion precise, exclusion broad one way ('no rap' keeps out trap, not back)."""

from __future__ import annotations

from pathlib import Path

from segue.engine.query.genre_columns import GenreColumns
from segue.engine.query.genres import GenreTree

TAGS = ["rap", "hip hop", "trap", "gangster rap", "rock", "indie rock", "sad trap"]


def _columns(datasets_dir: Path) -> GenreColumns:
    tree = GenreTree.from_csv(datasets_dir / "lastfm-folds" / "props_hierarchy_wikidata_lastfm_small.csv")
    return GenreColumns(tree, TAGS)


def test_leaving_out_rap_leaves_out_its_whole_family(datasets_dir: Path) -> None:
    names = {TAGS[c] for c in _columns(datasets_dir).exclude("rap")}
    assert {"rap", "hip hop", "trap", "gangster rap"} <= names
    assert "rock" not in names


def test_leaving_out_trap_keeps_hip_hop(datasets_dir: Path) -> None:
    """'chill hip hop no trap' came back empty: 'no trap' excluded rap and hip hop as well."""
    names = {TAGS[c] for c in _columns(datasets_dir).exclude("trap")}
    assert "trap" in names
    assert "sad trap" in names
    assert not {"rap", "hip hop"} & names


def test_a_sub_genre_spelt_like_a_mood_is_not_the_genre(datasets_dir: Path) -> None:
    """The tree puts 'romantic' (the era) under classical; on Last.fm it is the mood on Bryan Adams and Howie Day,
    so "relaxing classical music" answered with acoustic pop. 'rave' is both and stays electronic."""
    tree = GenreTree.from_csv(datasets_dir / "lastfm-folds" / "props_hierarchy_wikidata_lastfm_small.csv")
    tags = ["classical", "romantic", "opera", "electronic", "rave"]
    assert "romantic" in tree.catalog_expansion("classical", tags)  # the tree's reading, which this guards against
    columns = GenreColumns(tree, tags)
    assert {tags[c] for c in columns.include("classical")} == {"classical", "opera"}
    assert "rave" in {tags[c] for c in columns.include("electronic")}
    assert [tags[c] for c in columns.include("romantic")] == ["romantic"]  # asked for by name, it is itself
