"""Which sources the settings switch on: `any_source_configured` never says none while `build_sources` builds one
on, and `SOURCE_NAMES` is the order they are built in (the order an answer lists their outcomes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from segue.config import load_settings
from segue.infra.cache import MemoryCache
from segue.infra.http import HttpClient
from segue.providers.base import SourceIO
from segue.providers.build import SOURCE_NAMES, any_source_configured, build_sources

SWITCHES: list[dict[str, Any]] = [
    {"lastfm_api_key": "key"},
    {"listenbrainz_token": "token"},
    {"listenbrainz_enabled": True},
    {"deezer_enabled": True},
    {"musicbrainz_enabled": True},
    {"spotify_client_id": "id", "spotify_client_secret": "secret"},
    {"llm_base_url": "http://127.0.0.1:9/v1", "llm_model": "model"},
]


def _sources(tmp_path: Path, **overrides: Any) -> tuple[bool, dict[str, bool]]:
    settings = load_settings(_env_file=None, data_dir=tmp_path, **overrides)
    io = SourceIO(HttpClient(None), MemoryCache({}))  # nothing is asked: the sources are only built
    return any_source_configured(settings), {s.name: s.enabled for s in build_sources(settings, io)}


def test_without_settings_no_source_is_on_in_the_order_answers_list_them(tmp_path: Path) -> None:
    configured, built = _sources(tmp_path)
    assert not configured
    assert list(built) == list(SOURCE_NAMES)
    assert not any(built.values())


@pytest.mark.parametrize("switch", SWITCHES, ids=lambda s: ",".join(s))
def test_a_setting_that_switches_a_source_on_is_seen(tmp_path: Path, switch: dict[str, Any]) -> None:
    configured, built = _sources(tmp_path, **switch)
    assert any(built.values())
    assert configured
    assert list(built) == list(SOURCE_NAMES)
