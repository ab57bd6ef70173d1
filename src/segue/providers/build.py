"""Sources and their host policies from Settings; the composition root (`segue.app`) calls these, nothing else.

Each source is on only when configured: Last.fm with its key, Spotify with its client id and secret, the LLM with
a base URL and model, and the keyless ones (ListenBrainz, Deezer, MusicBrainz) when switched on (ListenBrainz also
by its token; it brings MusicBrainz along, whose ids its radio needs). Every base URL is a setting, so tests and
benchmarks point a source at a local stand-in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from segue.infra.breaker import BreakerConfig

if TYPE_CHECKING:
    from segue.config import Settings
    from segue.infra.http import HostPolicy
    from segue.providers.base import MusicSource, SourceIO

# The sources and their HTTP client (yarl, prometheus-client) are imported by the functions that build them:
# with no source configured, `segue ask` only asks `any_source_configured` (BENCHMARKS.md, issue 14).

SOURCE_NAMES = ("lastfm", "listenbrainz", "deezer", "musicbrainz", "spotify", "llm")
"""Every source, in the order `build_sources` builds them: the order an answer lists their outcomes in."""


def any_source_configured(settings: Settings) -> bool:
    """Whether a source may be on: a key, a token, a switch or an LLM endpoint is set. False says every source is
    off (each in `SOURCE_NAMES` disabled) without building one; True, that `build_sources` tells which."""
    return bool(
        settings.lastfm_api_key is not None
        or settings.listenbrainz_token is not None
        or settings.listenbrainz_enabled
        or settings.deezer_enabled
        or settings.musicbrainz_enabled
        or settings.spotify_client_id is not None
        or settings.spotify_client_secret is not None
        or settings.llm_base_url
        or settings.llm_model
    )


def source_policies(settings: Settings) -> dict[str, HostPolicy]:
    """The infra's per-host policies, plus Spotify's hosts and the LLM endpoint's.

    Spotify publishes no fixed budget (it answers 429 with Retry-After, which the client honours). An LLM answer
    takes seconds, so its host gets the LLM timeout and one retry at most.
    """
    from segue.infra.http import HostPolicy, default_host_policies, host_key

    breaker = BreakerConfig(settings.http_breaker_failures, settings.http_breaker_cooldown)
    policies = default_host_policies(settings)
    for base in (settings.spotify_api_base, settings.spotify_accounts_base):
        policies.setdefault(
            host_key(base), HostPolicy(source="spotify", max_retries=settings.http_max_retries, breaker=breaker)
        )
    if settings.llm_base_url:
        policies.setdefault(
            host_key(settings.llm_base_url),
            HostPolicy(
                source="llm",
                total_timeout=settings.llm_timeout,
                max_retries=min(1, settings.http_max_retries),
                breaker=breaker,
            ),
        )
    return policies


def build_sources(settings: Settings, io: SourceIO) -> list[MusicSource]:
    """Every source Segue knows, each enabled or not by its settings (disabled ones report as such)."""
    from segue.providers.deezer import DeezerSource
    from segue.providers.lastfm import LastfmSource
    from segue.providers.listenbrainz import ListenBrainzSource
    from segue.providers.llm import LlmInterpreter
    from segue.providers.musicbrainz import MusicBrainzSource
    from segue.providers.spotify import SpotifySource

    def secret(value: object) -> str | None:
        getter = getattr(value, "get_secret_value", None)
        return str(getter()) if getter is not None else None

    lb_token = secret(settings.listenbrainz_token)
    return [
        LastfmSource(io, api_key=secret(settings.lastfm_api_key), base_url=settings.lastfm_api_base),
        ListenBrainzSource(
            io,
            base_url=settings.listenbrainz_api_base,
            token=lb_token,
            enabled=settings.listenbrainz_enabled or bool(lb_token),
        ),
        DeezerSource(io, base_url=settings.deezer_api_base, enabled=settings.deezer_enabled),
        # ListenBrainz's artist radio needs MusicBrainz ids, so switching it on switches these look-ups on too.
        MusicBrainzSource(
            io,
            base_url=settings.musicbrainz_api_base,
            enabled=settings.musicbrainz_enabled or settings.listenbrainz_enabled or bool(lb_token),
        ),
        SpotifySource(
            io,
            client_id=secret(settings.spotify_client_id),
            client_secret=secret(settings.spotify_client_secret),
            api_base=settings.spotify_api_base,
            accounts_base=settings.spotify_accounts_base,
        ),
        LlmInterpreter(
            io, base_url=settings.llm_base_url, model=settings.llm_model, api_key=secret(settings.llm_api_key)
        ),
    ]
