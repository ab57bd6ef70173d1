"""Server-setting checks, latency buckets and percentiles, and the "since" an operator types."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from segue.errors import UserInputError
from segue.state.records import BUCKET_BASE, bucket_ms, check_setting, latency_bucket, percentile
from segue.state.summary import parse_since


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("default_count", " 7 ", 7),
        ("default_count", "default", None),
        ("disabled_commands", "/blend, Mood", ["blend", "mood"]),
        ("disabled_commands", "none", []),
        ("language", "PT-br", "pt-BR"),
        ("user_per_minute", "30", 30),
    ],
)
def test_settings_read_what_an_admin_types(key: str, text: str, value: object) -> None:
    assert check_setting(key, text) == value


@pytest.mark.parametrize(
    ("key", "text", "says"),
    [
        ("default_count", "0", "from 1 to 25"),
        ("default_count", "٣٠", "from 1 to 25"),  # Arabic-Indic 30: a number, but out of range
        ("default_count", "lots", "whole number"),
        ("disabled_commands", "admin", "only switch off"),
        ("language", "klingon", "one of en"),
        ("guild_per_minute", "-5", "whole number"),
        ("colour", "red", "no setting"),
    ],
)
def test_bad_settings_say_what_is_allowed(key: str, text: str, says: str) -> None:
    with pytest.raises(UserInputError) as caught:
        check_setting(key, text)
    assert says in caught.value.user_message


@given(st.floats(min_value=0.1, max_value=600_000.0))
def test_a_latency_reads_back_within_one_bucket(ms: float) -> None:
    upper = bucket_ms(latency_bucket(ms))
    assert ms <= upper * (1 + 1e-9)
    assert upper <= ms * BUCKET_BASE * (1 + 1e-9)


@given(st.lists(st.floats(min_value=0.1, max_value=10_000.0), min_size=1, max_size=200), st.sampled_from([0.5, 0.95]))
def test_bucket_percentiles_are_within_five_percent_of_the_exact_ones(values: list[float], q: float) -> None:
    counts: dict[int, int] = {}
    for v in values:
        counts[latency_bucket(v)] = counts.get(latency_bucket(v), 0) + 1
    exact = sorted(values)[max(1, math.ceil(q * len(values))) - 1]
    found = percentile(list(counts.items()), q)
    assert found is not None
    assert exact * 0.99 <= found <= exact * BUCKET_BASE * 1.01


def test_since_reads_spans_and_dates() -> None:
    now = 1_800_000_000.0
    assert parse_since("7d", now) == now - 7 * 86_400
    assert parse_since(" 12H ", now) == now - 12 * 3600
    assert parse_since("2w", now) == now - 14 * 86_400
    assert parse_since("2026-11-01", now) == 1_793_491_200.0
    with pytest.raises(UserInputError):
        parse_since("last tuesday", now)
