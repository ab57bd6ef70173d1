"""The music catalog from open data: datasets (URLs, checksums, licenses), verified download, import, merge, build
into SQLite plus memory-mapped arrays, and forgiving name look-up. `Catalog` implements the engine's `CatalogView`.

The names below load on first use: opening a built catalog must not pay for the builder's and the downloader's
imports (aiohttp among them), which `segue ask` would otherwise pay on every call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from segue.lazy import lazy_names

if TYPE_CHECKING:
    from segue.catalog.build import build_catalog
    from segue.catalog.download import download_datasets
    from segue.catalog.store import Catalog

__all__ = ["Catalog", "build_catalog", "download_datasets"]

_HOMES = {
    "Catalog": "segue.catalog.store",
    "build_catalog": "segue.catalog.build",
    "download_datasets": "segue.catalog.download",
}


__getattr__ = lazy_names(__name__, _HOMES)
