"""Fetch the registered datasets into the data directory, verified, atomically and idempotently.

Every file ends up at `<dest_root>/<folder>/<path>` only after its sha256 matched the registry: bytes are streamed
into a temporary file beside the target and moved into place with `os.replace`, so an interrupted, truncated or
corrupt download never leaves a half-written file (nor the temporary one). Files already present with the right
checksum are skipped, so a second run costs one hash per file and no network.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import random
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Self
from urllib.parse import urlsplit

import aiohttp
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Column

from segue import __version__
from segue.catalog.datasets import Dataset, DatasetFile, find_in_mirror
from segue.catalog.layout import DATASET_FOLDERS
from segue.errors import ChecksumMismatchError, DatasetError

log = logging.getLogger(__name__)

CHUNK_SIZE = 1 << 16
# No total timeout: a 8 MB file on a slow link may rightly take minutes. A stalled socket is what we guard against.
DEFAULT_TIMEOUT = aiohttp.ClientTimeout(total=None, connect=30, sock_connect=30, sock_read=60)
_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Bounded retries for transient failures: `attempts` tries in all, full-jitter exponential backoff.

    Each wait is capped at `max_backoff`, so the whole schedule is bounded in time as well as in attempts; a
    `Retry-After` longer than the cap ends the retries instead of being ignored.
    """

    attempts: int = 4
    backoff: float = 1.0
    max_backoff: float = 20.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float | None:
        """Seconds to wait after failed try number `attempt` (1-based); None when no retry is left or allowed."""
        if attempt >= self.attempts:
            return None
        if retry_after is not None:
            return retry_after if retry_after <= self.max_backoff else None
        return random.uniform(0, min(self.max_backoff, self.backoff * 2 ** (attempt - 1)))


@dataclass(frozen=True, slots=True)
class DownloadResult:
    """What one dataset download did, file by file (relative paths)."""

    dataset: Dataset
    path: Path
    fetched: tuple[str, ...] = ()
    copied: tuple[str, ...] = ()
    present: tuple[str, ...] = ()

    def summary(self) -> str:
        """One line for the command line."""
        parts = [f"{len(self.fetched)} downloaded"] if self.fetched else []
        parts += [f"{len(self.copied)} copied from mirror"] if self.copied else []
        parts += [f"{len(self.present)} already present"] if self.present else []
        return f"{self.dataset.name}: {', '.join(parts) or 'no files'} -> {self.path}"


def rebase_url(url: str, base_url: str) -> str:
    """Map an official URL onto another server: `https://host/p?q` -> `<base_url>/host/p?q`.

    Used for tests and HTTP mirrors; the checksums stay those of the registry, so a rebased source must serve the
    very same bytes.
    """
    parts = urlsplit(url)
    query = f"?{parts.query}" if parts.query else ""
    return f"{base_url.rstrip('/')}/{parts.netloc}{parts.path}{query}"


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_SIZE):
            digest.update(chunk)
    return digest.hexdigest()


def is_current(path: Path, entry: DatasetFile) -> bool:
    """True when `path` holds exactly the registered bytes (size first: it is free and catches most changes)."""
    try:
        if path.stat().st_size != entry.size:
            return False
    except FileNotFoundError:
        return False
    return sha256_of(path) == entry.sha256


def make_progress(enabled: bool | None = None) -> Progress | None:
    """A rich progress display on stderr; by default only when stderr is a terminal (never in logs or CI)."""
    console = Console(stderr=True)
    if enabled is False or (enabled is None and not console.is_terminal):
        return None
    # Long file names give way (ellipsis) before the figures do, so the bar stays readable in 80 columns.
    fixed = Column(no_wrap=True)
    return Progress(
        TextColumn("{task.description}", table_column=Column(no_wrap=True, overflow="ellipsis", min_width=16)),
        BarColumn(bar_width=20),
        DownloadColumn(table_column=fixed),
        TransferSpeedColumn(table_column=fixed),
        TimeRemainingColumn(table_column=fixed),
        console=console,
    )


async def download(
    dataset: Dataset,
    dest_root: Path,
    *,
    session: aiohttp.ClientSession | None = None,
    mirror: Path | None = None,
    base_url: str | None = None,
    progress: Progress | None = None,
    retry: RetryPolicy = RetryPolicy(),
    http_timeout: aiohttp.ClientTimeout = DEFAULT_TIMEOUT,
) -> DownloadResult:
    """Make `<dest_root>/<folder>` hold every file of `dataset`, verified; returns what was done.

    With `mirror`, files are copied from `<mirror>/<folder>/` (and the network is never used); otherwise they are
    fetched with `session` from the official URLs, or from `base_url` laid out as `rebase_url` says. Raises
    `DatasetError` (or `ChecksumMismatchError`) naming the file and the reason.
    """
    folder = dataset.folder_in(dest_root)
    folder.mkdir(parents=True, exist_ok=True)
    present, todo = await asyncio.to_thread(_split_present, dataset, folder)
    if not todo:
        return DownloadResult(dataset, folder, present=present)
    if mirror is not None:
        copied = await asyncio.to_thread(_copy_from_mirror, dataset, todo, folder, mirror, progress)
        return DownloadResult(dataset, folder, copied=copied, present=present)
    if session is None:
        raise _error(DatasetError, f"{dataset.name}: no mirror given and no HTTP session to download with")
    fetcher = _Fetcher(session, base_url=base_url, progress=progress, retry=retry, timeout=http_timeout)
    fetched: list[str] = []
    for entry in (e for e in todo if e.member is None):
        await fetcher.fetch_file(entry, folder, _label(dataset, entry))
        fetched.append(entry.path)
    for url, members in _group_by_archive(todo).items():
        await fetcher.fetch_archive(url, members, folder, dataset)
        fetched.extend(entry.path for entry in members)
    return DownloadResult(dataset, folder, fetched=tuple(fetched), present=present)


def download_datasets(
    datasets: Iterable[Dataset],
    dest_root: Path,
    *,
    mirror: Path | None = None,
    base_url: str | None = None,
    show_progress: bool | None = None,
    retry: RetryPolicy = RetryPolicy(),
    http_timeout: aiohttp.ClientTimeout = DEFAULT_TIMEOUT,
) -> list[DownloadResult]:
    """Blocking entry point for the command line: one HTTP session for all datasets, stops at the first error."""

    async def run() -> list[DownloadResult]:
        results: list[DownloadResult] = []
        progress = make_progress(show_progress)
        async with contextlib.AsyncExitStack() as stack:
            if progress is not None:
                stack.enter_context(progress)
            session = None
            if mirror is None:
                headers = {"User-Agent": f"segue/{__version__} (dataset download)"}
                session = await stack.enter_async_context(aiohttp.ClientSession(headers=headers))
            for dataset in datasets:
                results.append(
                    await download(
                        dataset,
                        dest_root,
                        session=session,
                        mirror=mirror,
                        base_url=base_url,
                        progress=progress,
                        retry=retry,
                        http_timeout=http_timeout,
                    )
                )
        return results

    try:
        return asyncio.run(run())
    except DatasetError as exc:
        if mirror is not None:
            raise
        raise type(exc)(str(exc), user_message=f"{exc.user_message}\n{OFFLINE_HINT}") from exc


OFFLINE_HINT = (
    "Without network: set SEGUE_DATASETS_DIR to a folder that already holds the datasets, "
    "or copy them from one with `segue catalog download --from DIR`."
)
"""The way out of a failed download, said under its reason (a machine without network is the usual cause)."""


def datasets_dir_hint(folder: Path) -> str:
    """What to do when SEGUE_DATASETS_DIR names a folder that does not hold the datasets."""
    wanted = ", ".join(f"{name}/" for name in DATASET_FOLDERS if name != "lastfm-folds")
    return (
        f"SEGUE_DATASETS_DIR is {folder}, which does not hold the datasets: point it at the folder that holds "
        f"{wanted}, or unset it to download them."
    )


def _error(kind: type[DatasetError], message: str) -> DatasetError:
    # These messages are written for the person running the download: they are the user-facing text too.
    return kind(message, user_message=message)


def _label(dataset: Dataset, entry: DatasetFile) -> str:
    return f"{dataset.folder}/{entry.path}"


def _split_present(dataset: Dataset, folder: Path) -> tuple[tuple[str, ...], list[DatasetFile]]:
    present: list[str] = []
    todo: list[DatasetFile] = []
    for entry in dataset.files:
        path = entry.local_path(folder)
        if is_current(path, entry):
            present.append(entry.path)
            continue
        if path.exists():
            log.warning("%s: present but not the registered bytes; replacing it", _label(dataset, entry))
        todo.append(entry)
    return tuple(present), todo


def _group_by_archive(entries: Iterable[DatasetFile]) -> dict[str, list[DatasetFile]]:
    groups: dict[str, list[DatasetFile]] = {}
    for entry in entries:
        if entry.member is not None:
            groups.setdefault(entry.url, []).append(entry)
    return groups


def _check_digest(label: str, entry: DatasetFile, part: _PartFile, source: str) -> None:
    if part.size != entry.size or part.hexdigest() != entry.sha256:
        raise _error(
            ChecksumMismatchError,
            f"{label}: checksum mismatch from {source}: expected sha256 {entry.sha256} ({entry.size} bytes), "
            f"got {part.hexdigest()} ({part.size} bytes)",
        )


def _copy_from_mirror(
    dataset: Dataset, todo: Sequence[DatasetFile], folder: Path, mirror: Path, progress: Progress | None
) -> tuple[str, ...]:
    lookup = find_in_mirror(dataset, mirror)
    missing = [entry.path for entry in lookup.missing if entry in todo]
    if missing:
        raise _error(
            DatasetError,
            f"{dataset.name}: missing from the mirror {lookup.folder}: {', '.join(missing)} "
            "(fill the mirror, or download without --from)",
        )
    sources = dict(lookup.found)
    copied: list[str] = []
    for entry in todo:
        source = sources[entry]
        target = entry.local_path(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        task = progress.add_task(_label(dataset, entry), total=entry.size) if progress else None
        with _PartFile(target) as part, source.open("rb") as handle:
            while chunk := handle.read(CHUNK_SIZE):
                part.write(chunk)
                if progress is not None and task is not None:
                    progress.advance(task, len(chunk))
            _check_digest(_label(dataset, entry), entry, part, f"the mirror ({source})")
            part.commit()
        copied.append(entry.path)
    return tuple(copied)


class _PartFile:
    """A temporary file beside `target`: either moved onto it by `commit` or removed, never left behind."""

    def __init__(self, target: Path) -> None:
        self.target = target
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        self.path = Path(name)
        self._file: IO[bytes] = os.fdopen(fd, "wb")
        self._hash = hashlib.sha256()
        self._done = False
        self.size = 0

    def write(self, chunk: bytes) -> None:
        self._file.write(chunk)
        self._hash.update(chunk)
        self.size += len(chunk)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()

    def close(self) -> None:
        """Flush to disk (so a crash after `commit` cannot expose an empty file) and close."""
        if not self._file.closed:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()

    def commit(self) -> None:
        self.close()
        # mkstemp makes the file private (0600); data files are ordinary readable files.
        self.path.chmod(0o644)
        os.replace(self.path, self.target)
        self._done = True

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self._file.close()
        self.path.unlink(missing_ok=True)
        self._done = True

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if not self._done:
            self.discard()


class _Retryable(Exception):
    """A transient failure of one attempt; `str()` is the reason, `retry_after` the server's wish if any."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


@dataclass(slots=True)
class _Fetcher:
    """Streams URLs into `_PartFile`s with timeouts, bounded retries and optional progress."""

    session: aiohttp.ClientSession
    base_url: str | None
    progress: Progress | None
    retry: RetryPolicy
    timeout: aiohttp.ClientTimeout
    _tasks: dict[str, TaskID] = field(default_factory=dict)

    async def fetch_file(self, entry: DatasetFile, folder: Path, label: str) -> None:
        target = entry.local_path(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        url = self._url(entry.url)
        with await self._fetch(url, target, label, expected_size=entry.size) as part:
            _check_digest(label, entry, part, url)
            part.commit()

    async def fetch_archive(self, url: str, members: Sequence[DatasetFile], folder: Path, dataset: Dataset) -> None:
        """Download one archive to a temporary file, extract and verify the wanted members, delete the archive."""
        archive_name = Path(urlsplit(url).path).name or f"{dataset.folder}.zip"
        actual = self._url(url)
        with await self._fetch(actual, folder / archive_name, f"{dataset.folder}/{archive_name}") as part:
            part.close()
            await asyncio.to_thread(_extract_members, part.path, actual, members, folder, dataset)

    def _url(self, url: str) -> str:
        return rebase_url(url, self.base_url) if self.base_url else url

    async def _fetch(self, url: str, target: Path, label: str, *, expected_size: int | None = None) -> _PartFile:
        """The body of `url` in a `_PartFile` beside `target` (the caller commits or discards it)."""
        attempt = 0
        while True:
            attempt += 1
            part = _PartFile(target)
            try:
                await self._stream(url, part, label, expected_size)
            except _Retryable as exc:
                part.discard()
                wait = self.retry.delay(attempt, exc.retry_after)
                if wait is None:
                    tries = f"{attempt} attempt{'s' if attempt > 1 else ''}"
                    raise _error(DatasetError, f"{label}: {exc} (from {url}; gave up after {tries})") from exc
                log.info("%s: %s; retrying in %.1f s", label, exc, wait)
                await asyncio.sleep(wait)
            except BaseException:
                part.discard()
                raise
            else:
                return part

    async def _stream(self, url: str, part: _PartFile, label: str, expected_size: int | None) -> None:
        try:
            async with self.session.get(url, timeout=self.timeout) as response:
                if response.status != 200:
                    reason = f"HTTP {response.status} {response.reason or ''}".rstrip()
                    if response.status in _RETRY_STATUSES:
                        raise _Retryable(reason, _retry_after(response.headers.get("Retry-After")))
                    raise _error(DatasetError, f"{label}: {reason} from {url}")
                # With Content-Encoding (GitHub gzips CSVs) the length is of the compressed body: not comparable.
                encoded = response.headers.get("Content-Encoding", "identity").lower() != "identity"
                announced = None if encoded else response.content_length
                if expected_size is not None and announced is not None and announced != expected_size:
                    raise _error(
                        ChecksumMismatchError,
                        f"{label}: {url} announces {announced} bytes, expected {expected_size}; "
                        "the upstream file has changed",
                    )
                task = self._task(label, expected_size or announced)
                async for chunk in response.content.iter_chunked(CHUNK_SIZE):
                    part.write(chunk)
                    if expected_size is not None and part.size > expected_size:
                        raise _error(
                            ChecksumMismatchError,
                            f"{label}: {url} sent more than the expected {expected_size} bytes; "
                            "the upstream file has changed",
                        )
                    if self.progress is not None:
                        self.progress.advance(task, len(chunk))
        except (aiohttp.ClientPayloadError, aiohttp.ClientConnectionError, TimeoutError) as exc:
            raise _Retryable(_describe(exc, part.size, expected_size)) from exc
        # A close-delimited body (no Content-Length) ends without error when the connection drops.
        if expected_size is not None and part.size < expected_size:
            raise _Retryable(f"connection closed after {part.size} of {expected_size} bytes")

    def _task(self, label: str, total: int | None) -> TaskID:
        if self.progress is None:
            return TaskID(0)
        if label in self._tasks:
            self.progress.reset(self._tasks[label], total=total)
        else:
            self._tasks[label] = self.progress.add_task(label, total=total)
        return self._tasks[label]


def _describe(exc: BaseException, received: int, expected: int | None) -> str:
    of = f" of {expected}" if expected is not None else ""
    if isinstance(exc, TimeoutError):
        return f"timed out after {received}{of} bytes"
    if received or isinstance(exc, aiohttp.ClientPayloadError):
        return f"connection dropped after {received}{of} bytes"
    return f"could not connect ({exc})"


def _retry_after(header: str | None) -> float | None:
    # Only the delta-seconds form; an HTTP-date is rare on file hosts and falls back to our own backoff.
    try:
        return max(0.0, float(header)) if header else None
    except ValueError:
        return None


def _extract_members(archive: Path, url: str, members: Sequence[DatasetFile], folder: Path, dataset: Dataset) -> None:
    archive_label = f"{dataset.folder}/{Path(urlsplit(url).path).name}"
    try:
        with zipfile.ZipFile(archive) as bundle:
            for entry in members:
                label = _label(dataset, entry)
                info = _find_member(bundle, entry, label, archive_label)
                # The archive's own table already says the size: refuse a wrong (or bomb-sized) member unread.
                if info.file_size != entry.size:
                    raise _error(
                        ChecksumMismatchError,
                        f"{label}: {archive_label} holds {info.file_size} bytes for it, expected {entry.size}",
                    )
                target = entry.local_path(folder)
                target.parent.mkdir(parents=True, exist_ok=True)
                with _PartFile(target) as part, bundle.open(info) as source:
                    while chunk := source.read(CHUNK_SIZE):
                        part.write(chunk)
                    _check_digest(label, entry, part, archive_label)
                    part.commit()
    except zipfile.BadZipFile as exc:
        raise _error(DatasetError, f"{archive_label}: not a valid zip archive ({exc}), from {url}") from exc


def _find_member(bundle: zipfile.ZipFile, entry: DatasetFile, label: str, archive_label: str) -> zipfile.ZipInfo:
    name = entry.member or entry.path
    try:
        return bundle.getinfo(name)
    except KeyError:
        pass
    # Tolerate the archive wrapping its files in one top-level folder, but only when that is unambiguous.
    candidates = [info for info in bundle.infolist() if info.filename.endswith(f"/{name}")]
    if len(candidates) == 1:
        return candidates[0]
    raise _error(DatasetError, f"{label}: {archive_label} has no member {name!r}")


__all__ = [
    "DEFAULT_TIMEOUT",
    "DownloadResult",
    "RetryPolicy",
    "download",
    "download_datasets",
    "is_current",
    "make_progress",
    "rebase_url",
    "sha256_of",
]
