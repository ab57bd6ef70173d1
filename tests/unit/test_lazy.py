"""Package faces whose names load on first use (`segue.lazy`)."""

from __future__ import annotations

import pytest

import segue.catalog
import segue.cf
import segue.engine
from segue.lazy import lazy_names


def test_a_name_loads_from_its_home_and_an_unknown_one_is_an_attribute_error() -> None:
    face = lazy_names("pkg", {"dumps": "json"})
    assert face("dumps").__module__ == "json"
    with pytest.raises(AttributeError, match="module 'pkg' has no attribute 'loads'"):
        face("loads")


def test_the_packages_faces_read_their_names_lazily() -> None:
    assert segue.engine.RecommendationService.__module__ == "segue.engine.service"
    assert segue.catalog.Catalog.__module__ == "segue.catalog.store"
    assert segue.cf.MostPop.__module__ == "segue.cf.models"
    with pytest.raises(AttributeError, match=r"module 'segue\.cf' has no attribute"):
        getattr(segue.cf, "Nothing")  # noqa: B009
