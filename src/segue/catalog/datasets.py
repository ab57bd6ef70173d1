"""The open music datasets Segue knows: where each file comes from, its checksum, size and license.

The registry is the single source of truth for `segue catalog download` and for the importers: a file is only
ever used if its bytes match the sha256 recorded here, so an upstream change is caught instead of silently
changing the catalog. Checksums and sizes were computed from the reference copies in the shared data mirror.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import MappingProxyType

from segue.errors import UserInputError


@dataclass(frozen=True, slots=True)
class DatasetFile:
    """One file of a dataset, as it lies in `<root>/<dataset folder>/<path>`.

    `url` is the official download; when `member` is set, `url` is an archive and `member` the name of this file
    inside it.
    """

    path: str
    url: str
    sha256: str
    size: int
    member: str | None = None

    def __post_init__(self) -> None:
        pure = PurePosixPath(self.path)
        # Paths come from this module only, but a `..` here would let a download write outside its folder.
        if pure.is_absolute() or ".." in pure.parts or not self.path:
            raise ValueError(f"dataset file path must be relative and inside its folder: {self.path!r}")
        if len(self.sha256) != 64:
            raise ValueError(f"{self.path}: sha256 must be 64 hex digits")

    def local_path(self, folder: Path) -> Path:
        """Where this file lives under a dataset folder."""
        return folder.joinpath(*PurePosixPath(self.path).parts)


@dataclass(frozen=True, slots=True)
class Dataset:
    """A known open dataset: its files plus the license and attribution owed to its authors."""

    name: str
    folder: str
    title: str
    files: tuple[DatasetFile, ...]
    license: str
    attribution: str
    homepage: str

    def folder_in(self, root: Path) -> Path:
        """This dataset's directory under a mirror or download root."""
        return root / self.folder

    def file(self, path: str) -> DatasetFile:
        """The registry entry for one relative path (KeyError when the dataset has no such file)."""
        for entry in self.files:
            if entry.path == path:
                return entry
        raise KeyError(f"{self.name} has no file {path!r}")


@dataclass(frozen=True, slots=True)
class MirrorLookup:
    """Which files of a dataset a local mirror holds (by presence only; checksums are checked on copy)."""

    dataset: Dataset
    folder: Path
    found: tuple[tuple[DatasetFile, Path], ...]
    missing: tuple[DatasetFile, ...]

    @property
    def complete(self) -> bool:
        """True when every file of the dataset is present."""
        return not self.missing


class UnknownDatasetError(UserInputError):
    """A dataset name is not in the registry; carries the known names so the caller can list them."""

    def __init__(self, unknown: Iterable[str], known: Iterable[str]) -> None:
        self.unknown = tuple(unknown)
        self.known = tuple(known)
        names = ", ".join(self.unknown)
        super().__init__(
            f"unknown dataset(s): {names}",
            user_message=f"Unknown dataset: {names}. Known datasets: {', '.join(self.known)}.",
        )


def find_in_mirror(dataset: Dataset, mirror: Path) -> MirrorLookup:
    """Look for a dataset's files at `<mirror>/<folder>/<path>` and report which are missing."""
    folder = dataset.folder_in(mirror)
    found: list[tuple[DatasetFile, Path]] = []
    missing: list[DatasetFile] = []
    for entry in dataset.files:
        path = entry.local_path(folder)
        if path.is_file():
            found.append((entry, path))
        else:
            missing.append(entry)
    return MirrorLookup(dataset=dataset, folder=folder, found=tuple(found), missing=tuple(missing))


def get_dataset(name: str) -> Dataset:
    """One dataset by name; raises `UnknownDatasetError` listing the known names."""
    return resolve_datasets([name])[0]


def resolve_datasets(names: Iterable[str] | None) -> tuple[Dataset, ...]:
    """The datasets for a list of names (all of them when empty or None), rejecting unknown names at once."""
    wanted = list(dict.fromkeys(names or ()))
    if not wanted:
        return tuple(DATASETS.values())
    unknown = [name for name in wanted if name not in DATASETS]
    if unknown:
        raise UnknownDatasetError(unknown, DATASETS)
    return tuple(DATASETS[name] for name in wanted)


_TIDYTUESDAY = "https://raw.githubusercontent.com/rfordatascience/tidytuesday/master/data/2020/2020-01-21"
# SOURCE.txt gives the master branch; the repository's last commit (47098ed, 2017-03-27) is what the checksums
# describe, so a future push to master shows up as a checksum mismatch rather than a silently different catalog.
_FREEMUSICC = "https://raw.githubusercontent.com/ojdo/freemusi.cc-database/master"
_HETREC_ZIP = "https://files.grouplens.org/datasets/hetrec2011/hetrec2011-lastfm-2k.zip"
# Pinned to the commit the shared copies were taken from; paths as laid out in that repository.
_LOD = (
    "https://raw.githubusercontent.com/andlzanon/lod-personalized-recommender/425fcc0c3b2946e081ba0b4ef0c101adc93e0ba1"
)
_LOD_FOLDS = f"{_LOD}/datasets/hetrec2011-lastfm-2k/folds"
_LOD_WIKIDATA = f"{_LOD}/generated_files/wikidata/last-fm"

# (train sha256, train size, test sha256, test size) per fold; only folds 0-4 are mirrored and registered.
_FOLDS: tuple[tuple[str, int, str, int], ...] = (
    (
        "e40c97e2269eb9ff169513c76d906ab1f671369c1323afbd3b742ea8f0859028",
        821745,
        "092085dcc5448e27c10873fb42a89285938e493c646e7f241b973633866230cb",
        91231,
    ),
    (
        "83c22db1b4f4ba4cfd4377851f71618bc88539287feaf98b7a8726d0177d2790",
        821729,
        "4a3c3af19b1a5f0f680b9dbbf1c084542f106f7391669de3d5ca641aee3194b6",
        91247,
    ),
    (
        "33637a6094e685de11a2cd175038c756f198bb418b5d3f1866922b23c5dad4bd",
        821806,
        "4d5359cff07863589607ab30457ccfa4649ad6f2184f793268fdf4e734a7496f",
        91170,
    ),
    (
        "711e2493ea847d66489b95275d170eebd86aa7066ed7ede0df141aa1138a1c46",
        821517,
        "795d303a6396269c1222c0a7d0480e825b5cd4c607f7228eff9f808f30f14801",
        91459,
    ),
    (
        "62b2475ce2c61c6e1a2acc564c1688e41aa4c5f155de7b3f5036277f3ee9d161",
        821728,
        "3ee823500f7ca261648c86a540585941de2756382ed8cb930750d3a8dbcd5244",
        91248,
    ),
)


def _fold_files() -> tuple[DatasetFile, ...]:
    files: list[DatasetFile] = []
    for k, (train_sha, train_size, test_sha, test_size) in enumerate(_FOLDS):
        files.append(DatasetFile(f"folds/{k}/train.dat", f"{_LOD_FOLDS}/{k}/train.dat", train_sha, train_size))
        files.append(DatasetFile(f"folds/{k}/test.dat", f"{_LOD_FOLDS}/{k}/test.dat", test_sha, test_size))
    return tuple(files)


def _hetrec_member(name: str, sha256: str, size: int) -> DatasetFile:
    # We know no published checksum for the zip itself (GroupLens publishes none, and a re-zip would change it),
    # so only the extracted members are verified; that is what the catalog reads anyway.
    return DatasetFile(name, _HETREC_ZIP, sha256, size, member=name)


SPOTIFY_SONGS = Dataset(
    name="spotify-songs",
    folder="spotify-songs",
    title='TidyTuesday 2020-01-21 "Spotify Songs" (32,833 playlist tracks with audio features)',
    files=(
        DatasetFile(
            "spotify_songs.csv",
            f"{_TIDYTUESDAY}/spotify_songs.csv",
            "9902920cfe4940f0914ebb6716801a42f7f19ac88fbd6693eaae7e2822b16845",
            7971379,
        ),
    ),
    license="MIT (rfordatascience/tidytuesday); values come from the Spotify Web API, whose terms apply: "
    "import, do not republish",
    attribution="TidyTuesday 2020-01-21, collected with the spotifyr R package by Kaylin Pavlik",
    homepage="https://github.com/rfordatascience/tidytuesday/tree/master/data/2020/2020-01-21",
)

FREEMUSICC = Dataset(
    name="freemusicc",
    folder="freemusicc",
    title="freemusi.cc database (21,502 Creative-Commons netlabel tracks in 2,289 releases)",
    files=(
        DatasetFile(
            "tracks.csv",
            f"{_FREEMUSICC}/tracks.csv",
            "47e27a3d9dcfc44154621e1d93a5e42ba0d69f7a2b15e8c46db8a68beb2305e6",
            3032932,
        ),
        DatasetFile(
            "releases.csv",
            f"{_FREEMUSICC}/releases.csv",
            "377944de351f0f463a6f701187778ae1d55adeaf4f758f85cf3c87e98a4cdbb3",
            470306,
        ),
    ),
    license="CC BY-SA 4.0; each release's audio is under its own Creative Commons license (releases.csv licenseurl)",
    attribution="freemusi.cc database by ojdo (github.com/ojdo/freemusi.cc-database)",
    homepage="https://github.com/ojdo/freemusi.cc-database",
)

HETREC_LASTFM_2K = Dataset(
    name="hetrec-lastfm-2k",
    folder="hetrec2011-lastfm-2k",
    title="HetRec 2011 Last.fm 2K (1,892 users, 17,632 artists, play counts, tags, friends)",
    files=(
        _hetrec_member("artists.dat", "c173881362c6b28551368fecb3c0be5a6a30a6cd859e1f5775413dfe46d48648", 1925879),
        _hetrec_member("tags.dat", "c815d7216101fd0ba9b9c59fa2a011998d2fd076e0064d281ec4153d95ae8095", 222521),
        _hetrec_member("user_artists.dat", "254272fa721c3935e8be286d28c051b206844307128698ab4eaa41d483379416", 1203620),
        _hetrec_member("user_friends.dat", "0360883a3557776e04fdebda851f2e5dd23e796cad7059b968acdebd528d13fa", 226130),
        _hetrec_member(
            "user_taggedartists.dat", "c4a9ffae9ab47a9f9b2f0678ab1f7e5c1db4ca818837d8cddd1f5699c5bbf048", 4180216
        ),
    ),
    license="Non-commercial use only (GroupLens HetRec 2011 readme.txt)",
    attribution="Iván Cantador, Peter Brusilovsky, Tsvi Kuflik: 2nd Workshop on Information Heterogeneity and "
    "Fusion in Recommender Systems (HetRec 2011), RecSys 2011; data from Last.fm",
    homepage="https://grouplens.org/datasets/hetrec-2011/",
)

LASTFM_FOLDS = Dataset(
    name="lastfm-folds",
    folder="lastfm-folds",
    title="Zanon et al. 2022 folds of HetRec Last.fm 2K restricted to artists with Wikidata metadata (folds 0-4)",
    files=(
        DatasetFile(
            "interactions.csv",
            f"{_LOD}/datasets/hetrec2011-lastfm-2k/interactions.csv",
            "a47b9443050605f8577497c94815f55c5e2289baf07e9c8d964df36ce2b66a98",
            1071514,
        ),
        DatasetFile(
            "final_artists_wiki_id.csv",
            f"{_LOD_WIKIDATA}/final_artists_wiki_id.csv",
            "6c78dd946d2c12e9aafec01326474f86cbbee1ffeba3e3192376dfef4aadebfd",
            191818,
        ),
        DatasetFile(
            "props_hierarchy_wikidata_lastfm_small.csv",
            f"{_LOD_WIKIDATA}/props_hierarchy_wikidata_lastfm_small.csv",
            "a5988dc011f66f366e2857f1cdf30d7f45dab0dc817c85224a6dac8d60b7d2b7",
            157990,
        ),
        *_fold_files(),
    ),
    license="MIT (andlzanon/lod-personalized-recommender); the interactions derive from HetRec 2011 Last.fm 2K, "
    "non-commercial use only; Wikidata class tree CC0",
    attribution="André Levi Zanon, Leonardo Chaves Dutra da Rocha, Marcelo Garcia Manzato: Balancing the trade-off "
    "between accuracy and diversity in recommender systems with personalized explanations based on Linked Open "
    "Data, Knowledge-Based Systems, 2022",
    homepage="https://github.com/andlzanon/lod-personalized-recommender",
)

DATASETS: Mapping[str, Dataset] = MappingProxyType(
    {d.name: d for d in (SPOTIFY_SONGS, FREEMUSICC, HETREC_LASTFM_2K, LASTFM_FOLDS)}
)
"""Every known dataset by name, in the order `segue catalog download` fetches them."""
