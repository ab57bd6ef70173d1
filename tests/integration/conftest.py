"""The integration suites' one service over the real catalog: each module gets its own (module scope), so an
answer cache or a learned preference never crosses from one suite into another."""

from __future__ import annotations

import pytest

from segue.catalog.store import Catalog
from segue.engine.service import RecommendationService
from support.engine import real_service


@pytest.fixture(scope="module")
def service(built_catalog: Catalog) -> RecommendationService:
    return real_service(built_catalog)
