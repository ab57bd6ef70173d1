"""The dataset registry: every registered file matches the shared mirror byte for byte, and lookups behave."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from segue.catalog.datasets import (
    DATASETS,
    HETREC_LASTFM_2K,
    LASTFM_FOLDS,
    Dataset,
    DatasetFile,
    UnknownDatasetError,
    find_in_mirror,
    get_dataset,
    resolve_datasets,
)
from segue.errors import UserInputError

ALL_FILES = [pytest.param(d, f, id=f"{d.name}:{f.path}") for d in DATASETS.values() for f in d.files]


@pytest.mark.datasets
@pytest.mark.parametrize(("dataset", "entry"), ALL_FILES)
def test_registered_file_matches_the_mirror(datasets_dir: Path, dataset: Dataset, entry: DatasetFile) -> None:
    path = entry.local_path(dataset.folder_in(datasets_dir))
    assert path.is_file(), f"{path} is missing from the mirror"
    data = path.read_bytes()
    assert len(data) == entry.size
    assert hashlib.sha256(data).hexdigest() == entry.sha256


@pytest.mark.datasets
def test_the_shared_mirror_is_complete(datasets_dir: Path) -> None:
    for dataset in DATASETS.values():
        lookup = find_in_mirror(dataset, datasets_dir)
        assert lookup.complete, f"{dataset.name}: missing {[e.path for e in lookup.missing]}"
        assert [entry for entry, _ in lookup.found] == list(dataset.files)


def test_find_in_mirror_reports_missing_files(tmp_path: Path) -> None:
    folder = tmp_path / "lastfm-folds"
    (folder / "folds" / "3").mkdir(parents=True)
    (folder / "interactions.csv").write_text("1,2,3\n")
    (folder / "folds" / "3" / "train.dat").write_text("1,2,1\n")
    lookup = find_in_mirror(LASTFM_FOLDS, tmp_path)
    assert not lookup.complete
    assert lookup.folder == folder
    assert {entry.path for entry, _ in lookup.found} == {"interactions.csv", "folds/3/train.dat"}
    assert dict(lookup.found)[LASTFM_FOLDS.file("folds/3/train.dat")] == folder / "folds" / "3" / "train.dat"
    assert len(lookup.missing) == len(LASTFM_FOLDS.files) - 2
    assert LASTFM_FOLDS.file("folds/3/test.dat") in lookup.missing


def test_registry_names_folders_and_paths_are_unique() -> None:
    assert list(DATASETS) == ["spotify-songs", "freemusicc", "hetrec-lastfm-2k", "lastfm-folds"]
    assert len({d.folder for d in DATASETS.values()}) == len(DATASETS)
    assert HETREC_LASTFM_2K.folder == "hetrec2011-lastfm-2k"
    for dataset in DATASETS.values():
        assert len({f.path for f in dataset.files}) == len(dataset.files), dataset.name
        assert dataset.license
        assert dataset.attribution
        assert dataset.homepage.startswith("https://")
        for entry in dataset.files:
            assert entry.url.startswith("https://"), entry.url
            int(entry.sha256, 16)


def test_folds_cover_k_zero_to_four() -> None:
    paths = {f.path for f in LASTFM_FOLDS.files}
    for k in range(5):
        assert {f"folds/{k}/train.dat", f"folds/{k}/test.dat"} <= paths
    assert "folds/5/train.dat" not in paths


def test_hetrec_is_one_archive_with_named_members() -> None:
    urls = {f.url for f in HETREC_LASTFM_2K.files}
    assert urls == {"https://files.grouplens.org/datasets/hetrec2011/hetrec2011-lastfm-2k.zip"}
    assert all(f.member == f.path for f in HETREC_LASTFM_2K.files)
    assert "Cantador" in HETREC_LASTFM_2K.attribution
    assert "non-commercial" in HETREC_LASTFM_2K.license.lower()


def test_resolve_datasets_defaults_to_all_and_keeps_order() -> None:
    assert resolve_datasets(None) == tuple(DATASETS.values())
    assert resolve_datasets([]) == tuple(DATASETS.values())
    assert resolve_datasets(["lastfm-folds", "freemusicc", "lastfm-folds"]) == (
        DATASETS["lastfm-folds"],
        DATASETS["freemusicc"],
    )
    assert get_dataset("spotify-songs").folder == "spotify-songs"


def test_unknown_dataset_lists_the_known_ones() -> None:
    with pytest.raises(UnknownDatasetError) as info:
        resolve_datasets(["freemusicc", "napster", "hetrec2011-lastfm-2k"])
    err = info.value
    assert isinstance(err, UserInputError)
    assert err.unknown == ("napster", "hetrec2011-lastfm-2k")
    assert "napster" in err.user_message
    for name in DATASETS:
        assert name in err.user_message


@pytest.mark.parametrize("path", ["../escape.csv", "/etc/passwd", "folds/../../x", ""])
def test_file_paths_must_stay_inside_the_folder(path: str) -> None:
    with pytest.raises(ValueError, match="relative"):
        DatasetFile(path, "https://example.org/x", "0" * 64, 1)


def test_dataset_file_lookup() -> None:
    assert LASTFM_FOLDS.file("folds/0/test.dat").size == 91231
    with pytest.raises(KeyError):
        LASTFM_FOLDS.file("folds/9/test.dat")
