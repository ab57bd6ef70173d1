"""The letter prefilter of the fuzzy name pass skips only keys that cannot reach the cutoff."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from segue.catalog.letters import letter_counts, reachable
from segue.catalog.lookup import NameIndex

_NAMES = st.text(alphabet=st.sampled_from("abcdeéz019 &ñ日"), max_size=14)


@settings(max_examples=300, deadline=None)
@given(
    query=_NAMES.filter(bool), keys=st.lists(_NAMES, min_size=1, max_size=30), cutoff=st.sampled_from([0.0, 60.0, 90.0])
)
def test_no_key_within_the_cutoff_is_skipped(query: str, keys: list[str], cutoff: float) -> None:
    counts = letter_counts(keys)
    lengths = np.asarray([len(k) for k in keys], dtype=np.int32)
    kept = reachable(query, counts, lengths, cutoff)
    for key, keep in zip(keys, kept.tolist(), strict=True):
        if fuzz.ratio(query, key) >= cutoff:
            assert keep, (query, key)


def test_keys_sharing_too_few_letters_are_skipped() -> None:
    """The filter does work: 'zzzz' cannot be 60 similar to 'radiohead'."""
    keys = ["radiohead", "radiohed", "zzzz"]
    kept = reachable("radiohead", letter_counts(keys), np.asarray([9, 8, 4], dtype=np.int32), 60.0)
    assert kept.tolist() == [True, True, False]


def test_the_fuzzy_pass_finds_what_it_found_without_the_filter() -> None:
    keys = ["radiohead", "radio head", "portishead", "massive attack", "daft punk", "dart punk", "queen", "quentin"]
    index = NameIndex(keys, np.linspace(0.1, 0.9, len(keys)).astype(np.float32))
    found = {i for i, _ in index.search("radiohed", 8)}
    assert {0, 1} <= found
    assert 3 not in found
    assert {i for i, _ in index.search("daft pnk", 8)} >= {4, 5}
