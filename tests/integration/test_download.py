"""`segue catalog download` against a local HTTP server that serves the shared dataset files.

The server is a few lines of raw asyncio so a test can make it misbehave exactly: send a corrupted body, close the
connection half-way (with or without a Content-Length), answer 404/500/503, or serve a zip built in the test.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import io
import socket
import threading
import zipfile
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pytest
from rich.console import Console
from rich.progress import Progress
from typer.testing import CliRunner

from segue.catalog.datasets import FREEMUSICC, HETREC_LASTFM_2K, LASTFM_FOLDS, Dataset
from segue.catalog.download import RetryPolicy, download, download_datasets, make_progress, rebase_url
from segue.cli import app
from segue.errors import ChecksumMismatchError, DatasetError

pytestmark = pytest.mark.datasets

# No sleeping between attempts: the behaviour under test is the count and the outcome, not the timing.
FAST = RetryPolicy(attempts=3, backoff=0.0, max_backoff=0.0)


@dataclass
class Route:
    """What the server answers for one path; the first `drops` hits close the connection after half the body."""

    body: bytes
    status: int = 200
    drops: int = 0
    content_length: bool = True
    stall: bool = False
    headers: dict[str, str] = field(default_factory=dict)


class FileServer:
    """A tiny HTTP/1.1 server on 127.0.0.1 (port 0) that answers each request and closes the connection."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.base_url = ""
        self.stalled = asyncio.Event()
        self._release = asyncio.Event()
        self._server: asyncio.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}"

    async def close(self) -> None:
        self._release.set()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    def path_for(self, url: str) -> str:
        """The path under which a rebased official URL arrives here."""
        return urlsplit(rebase_url(url, self.base_url)).path

    def serve(self, url: str, body: bytes, **options: object) -> str:
        path = self.path_for(url)
        self.routes[path] = Route(body, **options)  # type: ignore[arg-type]
        return path

    def serve_dataset(self, dataset: Dataset, mirror: Path) -> None:
        for entry in dataset.files:
            self.serve(entry.url, entry.local_path(dataset.folder_in(mirror)).read_bytes())

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            path = head.split(b" ", 2)[1].decode()
            self.hits[path] += 1
            route = self.routes.get(path, Route(b"no such file", status=404))
            reason = {200: "OK", 404: "Not Found", 500: "Internal Server Error", 503: "Service Unavailable"}
            lines = [f"HTTP/1.1 {route.status} {reason.get(route.status, 'Status')}", "Connection: close"]
            if route.content_length:
                lines.append(f"Content-Length: {len(route.body)}")
            lines += [f"{k}: {v}" for k, v in route.headers.items()]
            writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
            dropping = self.hits[path] <= route.drops or route.stall
            writer.write(route.body[: len(route.body) // 2] if dropping else route.body)
            await writer.drain()
            if route.stall:
                self.stalled.set()
                await self._release.wait()
        finally:
            writer.close()
            # A client that gave up first resets the socket; that is fine here.
            await asyncio.gather(writer.wait_closed(), return_exceptions=True)


@pytest.fixture
async def server() -> AsyncIterator[FileServer]:
    srv = FileServer()
    await srv.start()
    yield srv
    await srv.close()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client:
        yield client


def listing(folder: Path) -> set[str]:
    """Every file under `folder` (relative, hidden temporaries included)."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def corrupt(data: bytes) -> bytes:
    """Same length, one byte flipped in the middle: only the checksum can tell."""
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]


def hetrec_zip(mirror: Path, *, top_folder: str = "", replace: dict[str, bytes] | None = None) -> bytes:
    """The upstream zip rebuilt from the shared files, plus a member we do not register."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for entry in HETREC_LASTFM_2K.files:
            data = (replace or {}).get(entry.path) or entry.local_path(mirror / HETREC_LASTFM_2K.folder).read_bytes()
            bundle.writestr(top_folder + entry.path, data)
        bundle.writestr(top_folder + "user_taggedartists-timestamps.dat", b"userID\ttagID\n")
    return buffer.getvalue()


def assert_same_as_mirror(dataset: Dataset, dest: Path, mirror: Path) -> None:
    for entry in dataset.files:
        got = entry.local_path(dataset.folder_in(dest)).read_bytes()
        assert got == entry.local_path(dataset.folder_in(mirror)).read_bytes(), entry.path


async def test_good_download_then_idempotent_rerun(
    server: FileServer, session: aiohttp.ClientSession, datasets_dir: Path, tmp_path: Path
) -> None:
    server.serve_dataset(FREEMUSICC, datasets_dir)
    result = await download(FREEMUSICC, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    assert result.path == tmp_path / "freemusicc"
    assert result.fetched == ("tracks.csv", "releases.csv")
    assert listing(result.path) == {"tracks.csv", "releases.csv"}
    assert_same_as_mirror(FREEMUSICC, tmp_path, datasets_dir)
    assert sum(server.hits.values()) == 2

    again = await download(FREEMUSICC, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    assert again.fetched == ()
    assert again.present == ("tracks.csv", "releases.csv")
    assert sum(server.hits.values()) == 2, "a verified file must not be fetched again"


async def test_gzip_content_encoding_is_verified_after_decoding(
    server: FileServer, session: aiohttp.ClientSession, datasets_dir: Path, tmp_path: Path
) -> None:
    # raw.githubusercontent.com compresses CSVs: Content-Length is then the compressed size, not the file's.
    for entry in FREEMUSICC.files:
        data = entry.local_path(datasets_dir / "freemusicc").read_bytes()
        server.serve(entry.url, gzip.compress(data), headers={"Content-Encoding": "gzip"})
    result = await download(FREEMUSICC, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    assert result.fetched == ("tracks.csv", "releases.csv")
    assert_same_as_mirror(FREEMUSICC, tmp_path, datasets_dir)


async def test_nested_paths_and_only_missing_files_are_fetched(
    server: FileServer, session: aiohttp.ClientSession, datasets_dir: Path, tmp_path: Path
) -> None:
    server.serve_dataset(LASTFM_FOLDS, datasets_dir)
    first = await download(LASTFM_FOLDS, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    assert len(first.fetched) == len(LASTFM_FOLDS.files)
    assert "folds/4/test.dat" in listing(first.path)

    (first.path / "folds" / "2" / "train.dat").unlink()
    (first.path / "interactions.csv").write_bytes(b"stale\n")
    second = await download(LASTFM_FOLDS, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    assert set(second.fetched) == {"folds/2/train.dat", "interactions.csv"}
    assert len(second.present) == len(LASTFM_FOLDS.files) - 2
    assert_same_as_mirror(LASTFM_FOLDS, tmp_path, datasets_dir)


async def test_corrupt_body_raises_checksum_error_and_leaves_nothing(
    server: FileServer, session: aiohttp.ClientSession, datasets_dir: Path, tmp_path: Path
) -> None:
    server.serve_dataset(FREEMUSICC, datasets_dir)
    releases = FREEMUSICC.file("releases.csv")
    bad = corrupt(releases.local_path(datasets_dir / "freemusicc").read_bytes())
    path = server.serve(releases.url, bad)

    with pytest.raises(ChecksumMismatchError) as info:
        await download(FREEMUSICC, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    message = str(info.value)
    assert "freemusicc/releases.csv" in message
    assert releases.sha256 in message
    assert hashlib.sha256(bad).hexdigest() in message
    assert info.value.user_message == message
    # tracks.csv came first and is verified; of releases.csv nothing remains, not even a temporary file.
    assert listing(tmp_path / "freemusicc") == {"tracks.csv"}
    assert server.hits[path] == 1, "a checksum mismatch is not a transient failure"


async def test_wrong_announced_size_fails_before_reading(
    server: FileServer, session: aiohttp.ClientSession, datasets_dir: Path, tmp_path: Path
) -> None:
    server.serve_dataset(FREEMUSICC, datasets_dir)
    tracks = server.serve(FREEMUSICC.file("tracks.csv").url, b"tiny")
    with pytest.raises(ChecksumMismatchError, match=r"freemusicc/tracks\.csv: .* announces 4 bytes, expected"):
        await download(FREEMUSICC, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    assert listing(tmp_path / "freemusicc") == set()
    assert server.hits[tracks] == 1
    assert server.hits[server.path_for(FREEMUSICC.file("releases.csv").url)] == 0, "stops at the first failure"


@pytest.mark.parametrize("content_length", [True, False], ids=["content-length", "close-delimited"])
async def test_dropped_connection_is_retried_then_reported(
    server: FileServer, session: aiohttp.ClientSession, datasets_dir: Path, tmp_path: Path, content_length: bool
) -> None:
    server.serve_dataset(FREEMUSICC, datasets_dir)
    entry = FREEMUSICC.file("releases.csv")
    data = entry.local_path(datasets_dir / "freemusicc").read_bytes()
    path = server.serve(entry.url, data, drops=99, content_length=content_length)

    with pytest.raises(DatasetError) as info:
        await download(FREEMUSICC, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    message = str(info.value)
    assert not isinstance(info.value, ChecksumMismatchError)
    assert "freemusicc/releases.csv" in message
    assert "after 3 attempts" in message
    assert ("dropped" if content_length else "closed") in message
    assert f"{len(data) // 2} " in message, "the message says how far the transfer got"
    assert server.hits[path] == 3
    assert listing(tmp_path / "freemusicc") == {"tracks.csv"}


async def test_dropped_connection_recovers_on_retry(
    server: FileServer, session: aiohttp.ClientSession, datasets_dir: Path, tmp_path: Path
) -> None:
    server.serve_dataset(FREEMUSICC, datasets_dir)
    tracks = FREEMUSICC.file("tracks.csv")
    path = server.serve(tracks.url, tracks.local_path(datasets_dir / "freemusicc").read_bytes(), drops=2)
    output = io.StringIO()
    progress = Progress(console=Console(file=output, force_terminal=False))
    with progress:
        result = await download(
            FREEMUSICC, tmp_path, session=session, base_url=server.base_url, retry=FAST, progress=progress
        )
    assert result.fetched == ("tracks.csv", "releases.csv")
    assert server.hits[path] == 3
    assert_same_as_mirror(FREEMUSICC, tmp_path, datasets_dir)
    assert listing(result.path) == {"tracks.csv", "releases.csv"}
    # The bar restarts on each retry, so it ends at exactly the file's size.
    done = {task.description: (task.completed, task.total) for task in progress.tasks}
    assert done["freemusicc/tracks.csv"] == (tracks.size, tracks.size)


async def test_cancelled_download_leaves_nothing(
    server: FileServer, session: aiohttp.ClientSession, datasets_dir: Path, tmp_path: Path
) -> None:
    tracks = FREEMUSICC.file("tracks.csv")
    server.serve(tracks.url, tracks.local_path(datasets_dir / "freemusicc").read_bytes(), stall=True)
    task = asyncio.create_task(download(FREEMUSICC, tmp_path, session=session, base_url=server.base_url, retry=FAST))
    await server.stalled.wait()
    # The temporary file exists while the body is half-way (that is what must not survive the interruption).
    assert any(name.startswith(".tracks.csv.") for name in listing(tmp_path / "freemusicc"))
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert listing(tmp_path / "freemusicc") == set()


async def test_http_404_is_not_retried(server: FileServer, session: aiohttp.ClientSession, tmp_path: Path) -> None:
    path = server.path_for(FREEMUSICC.file("tracks.csv").url)
    with pytest.raises(DatasetError, match=r"freemusicc/tracks\.csv: HTTP 404 Not Found from http://127\.0\.0\.1"):
        await download(FREEMUSICC, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    assert server.hits[path] == 1
    assert listing(tmp_path / "freemusicc") == set()


async def test_http_500_is_retried_then_reported(
    server: FileServer, session: aiohttp.ClientSession, tmp_path: Path
) -> None:
    path = server.serve(FREEMUSICC.file("tracks.csv").url, b"oops", status=500)
    with pytest.raises(DatasetError, match=r"tracks\.csv: HTTP 500 Internal Server Error .*after 3 attempts"):
        await download(FREEMUSICC, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    assert server.hits[path] == 3
    assert listing(tmp_path / "freemusicc") == set()


async def test_retry_after_beyond_the_cap_ends_retries(
    server: FileServer, session: aiohttp.ClientSession, tmp_path: Path
) -> None:
    url = FREEMUSICC.file("tracks.csv").url
    path = server.serve(url, b"busy", status=503, headers={"Retry-After": "3600"})
    with pytest.raises(DatasetError, match=r"HTTP 503 Service Unavailable .*after 1 attempt\)"):
        await download(FREEMUSICC, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    assert server.hits[path] == 1


async def test_refused_connection_is_reported(session: aiohttp.ClientSession, tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Nothing listens on `port` any more, so every attempt is refused.
    with pytest.raises(DatasetError, match=r"tracks\.csv: could not connect .*after 2 attempts"):
        await download(
            FREEMUSICC,
            tmp_path,
            session=session,
            base_url=f"http://127.0.0.1:{port}",
            retry=RetryPolicy(attempts=2, backoff=0.0),
        )
    assert listing(tmp_path / "freemusicc") == set()


async def test_archive_members_are_extracted_and_verified(
    server: FileServer, session: aiohttp.ClientSession, datasets_dir: Path, tmp_path: Path
) -> None:
    zip_url = HETREC_LASTFM_2K.files[0].url
    path = server.serve(zip_url, hetrec_zip(datasets_dir))
    result = await download(HETREC_LASTFM_2K, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    assert result.path == tmp_path / "hetrec2011-lastfm-2k"
    assert set(result.fetched) == {f.path for f in HETREC_LASTFM_2K.files}
    # Only the registered members, and the archive itself is gone.
    assert listing(result.path) == {f.path for f in HETREC_LASTFM_2K.files}
    assert_same_as_mirror(HETREC_LASTFM_2K, tmp_path, datasets_dir)
    assert server.hits[path] == 1

    (result.path / "tags.dat").unlink()
    again = await download(HETREC_LASTFM_2K, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    assert again.fetched == ("tags.dat",)
    assert server.hits[path] == 2


async def test_archive_with_a_top_level_folder_is_accepted(
    server: FileServer, session: aiohttp.ClientSession, datasets_dir: Path, tmp_path: Path
) -> None:
    server.serve(HETREC_LASTFM_2K.files[0].url, hetrec_zip(datasets_dir, top_folder="hetrec2011-lastfm-2k/"))
    result = await download(HETREC_LASTFM_2K, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    assert_same_as_mirror(HETREC_LASTFM_2K, tmp_path, datasets_dir)
    assert listing(result.path) == {f.path for f in HETREC_LASTFM_2K.files}


async def test_archive_with_a_corrupt_member(
    server: FileServer, session: aiohttp.ClientSession, datasets_dir: Path, tmp_path: Path
) -> None:
    tags = HETREC_LASTFM_2K.file("tags.dat")
    bad = corrupt(tags.local_path(datasets_dir / HETREC_LASTFM_2K.folder).read_bytes())
    server.serve(HETREC_LASTFM_2K.files[0].url, hetrec_zip(datasets_dir, replace={"tags.dat": bad}))
    with pytest.raises(ChecksumMismatchError) as info:
        await download(HETREC_LASTFM_2K, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    assert "hetrec2011-lastfm-2k/tags.dat" in str(info.value)
    assert tags.sha256 in str(info.value)
    # artists.dat precedes tags.dat and verified; nothing of tags.dat, the archive or any temporary is left.
    assert listing(tmp_path / HETREC_LASTFM_2K.folder) == {"artists.dat"}


async def test_archive_that_is_not_a_zip(server: FileServer, session: aiohttp.ClientSession, tmp_path: Path) -> None:
    server.serve(HETREC_LASTFM_2K.files[0].url, b"<html>maintenance</html>")
    with pytest.raises(DatasetError, match=r"hetrec2011-lastfm-2k\.zip: not a valid zip archive"):
        await download(HETREC_LASTFM_2K, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    assert listing(tmp_path / HETREC_LASTFM_2K.folder) == set()


async def test_archive_missing_a_member(
    server: FileServer, session: aiohttp.ClientSession, datasets_dir: Path, tmp_path: Path
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        bundle.writestr("readme.txt", b"hello")
    server.serve(HETREC_LASTFM_2K.files[0].url, buffer.getvalue())
    with pytest.raises(DatasetError, match=r"artists\.dat: .*has no member 'artists\.dat'"):
        await download(HETREC_LASTFM_2K, tmp_path, session=session, base_url=server.base_url, retry=FAST)
    assert listing(tmp_path / HETREC_LASTFM_2K.folder) == set()


async def test_mirror_copy_verifies_and_is_idempotent(datasets_dir: Path, tmp_path: Path) -> None:
    result = await download(LASTFM_FOLDS, tmp_path, mirror=datasets_dir)
    assert set(result.copied) == {f.path for f in LASTFM_FOLDS.files}
    assert listing(result.path) == {f.path for f in LASTFM_FOLDS.files}
    assert_same_as_mirror(LASTFM_FOLDS, tmp_path, datasets_dir)
    again = await download(LASTFM_FOLDS, tmp_path, mirror=datasets_dir)
    assert again.copied == ()
    assert len(again.present) == len(LASTFM_FOLDS.files)


async def test_mirror_with_missing_or_corrupt_files(datasets_dir: Path, tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    (mirror / "freemusicc").mkdir(parents=True)
    source = datasets_dir / "freemusicc"
    (mirror / "freemusicc" / "tracks.csv").write_bytes(corrupt((source / "tracks.csv").read_bytes()))
    dest = tmp_path / "dest"

    with pytest.raises(DatasetError, match=r"missing from the mirror .*: releases\.csv") as info:
        await download(FREEMUSICC, dest, mirror=mirror)
    assert not isinstance(info.value, ChecksumMismatchError)

    (mirror / "freemusicc" / "releases.csv").write_bytes((source / "releases.csv").read_bytes())
    with pytest.raises(ChecksumMismatchError, match=r"freemusicc/tracks\.csv: checksum mismatch from the mirror"):
        await download(FREEMUSICC, dest, mirror=mirror)
    assert listing(dest / "freemusicc") == set()


def test_download_datasets_with_mirror_needs_no_network(datasets_dir: Path, tmp_path: Path) -> None:
    results = download_datasets([FREEMUSICC, HETREC_LASTFM_2K], tmp_path, mirror=datasets_dir, show_progress=False)
    assert [r.dataset for r in results] == [FREEMUSICC, HETREC_LASTFM_2K]
    assert "freemusicc: 2 copied from mirror" in results[0].summary()
    assert_same_as_mirror(HETREC_LASTFM_2K, tmp_path, datasets_dir)


def test_download_datasets_over_http(datasets_dir: Path, tmp_path: Path) -> None:
    with server_in_thread() as srv:
        srv.serve_dataset(FREEMUSICC, datasets_dir)
        results = download_datasets([FREEMUSICC], tmp_path, base_url=srv.base_url, retry=FAST, show_progress=False)
    assert [r.summary() for r in results] == [f"freemusicc: 2 downloaded -> {tmp_path / 'freemusicc'}"]
    assert_same_as_mirror(FREEMUSICC, tmp_path, datasets_dir)


@contextmanager
def server_in_thread() -> Iterator[FileServer]:
    """A `FileServer` on its own loop in a thread, for the blocking wrapper that runs its own loop."""
    loop = asyncio.new_event_loop()
    srv = FileServer()
    loop.run_until_complete(srv.start())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.run_until_complete(srv.close())
        loop.close()


def test_rebase_url_keeps_host_and_path() -> None:
    url = "https://raw.githubusercontent.com/o/r/master/a%20b.csv?raw=1"
    assert (
        rebase_url(url, "http://127.0.0.1:9/")
        == "http://127.0.0.1:9/raw.githubusercontent.com/o/r/master/a%20b.csv?raw=1"
    )


def test_retry_policy_bounds() -> None:
    policy = RetryPolicy(attempts=3, backoff=1.0, max_backoff=1.5)
    for _ in range(50):
        first = policy.delay(1)
        second = policy.delay(2)
        assert first is not None
        assert 0.0 <= first <= 1.0
        assert second is not None
        assert 0.0 <= second <= 1.5
    assert policy.delay(3) is None
    assert policy.delay(1, retry_after=1.5) == 1.5
    assert policy.delay(1, retry_after=1.6) is None


def test_progress_only_on_a_terminal_unless_asked() -> None:
    assert make_progress(False) is None
    assert isinstance(make_progress(True), Progress)


class TestCli:
    runner = CliRunner()

    def test_unknown_dataset_exits_2_and_lists_known(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        result = self.runner.invoke(app, ["catalog", "download", "freemusicc", "napster"])
        assert result.exit_code == 2
        assert "napster" in result.output
        for known in ("spotify-songs", "freemusicc", "hetrec-lastfm-2k", "lastfm-folds"):
            assert known in result.output

    def test_from_mirror_into_the_data_dir(
        self, datasets_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("SEGUE_DATA_DIR", str(tmp_path / "data"))
        monkeypatch.delenv("SEGUE_DATASETS_DIR", raising=False)
        result = self.runner.invoke(app, ["catalog", "download", "freemusicc", "--from", str(datasets_dir)])
        assert result.exit_code == 0, result.output
        assert "freemusicc: 2 copied from mirror" in result.output
        assert (tmp_path / "data" / "datasets" / "freemusicc" / "releases.csv").is_file()

    def test_mirror_defaults_to_the_setting_and_failure_exits_1(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("SEGUE_DATA_DIR", str(tmp_path / "data"))
        monkeypatch.setenv("SEGUE_DATASETS_DIR", str(tmp_path / "empty-mirror"))
        result = self.runner.invoke(app, ["catalog", "download", "spotify-songs"])
        assert result.exit_code == 1
        assert "error: spotify-songs: missing from the mirror" in result.output
        assert "spotify_songs.csv" in result.output
        assert "Traceback" not in result.output
        assert not (tmp_path / "data" / "datasets" / "spotify-songs" / "spotify_songs.csv").exists()
