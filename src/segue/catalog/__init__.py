"""The music catalog from open data: datasets (URLs, checksums, licenses), verified download, import, merge, build
into SQLite plus memory-mapped arrays, and forgiving name look-up. `Catalog` implements the engine's `CatalogView`.
"""

from segue.catalog.build import build_catalog
from segue.catalog.download import download_datasets
from segue.catalog.store import Catalog

__all__ = ["Catalog", "build_catalog", "download_datasets"]
