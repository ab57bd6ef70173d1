"""Typed settings read from `SEGUE_*` environment variables and an optional `.env` file.

Validated once at start-up by `load_settings`, which turns pydantic's errors into one `ConfigError` that names
each bad variable and says what is wrong with it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, AliasChoices, Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from segue.errors import ConfigError

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


def _check_shard_ids(value: list[int] | None, info: ValidationInfo) -> list[int] | None:
    """A shard range Discord would accept, said before connecting rather than as a gateway close code."""
    if value is None:
        return None
    count = info.data.get("shard_count")
    if count is None:
        raise ValueError("needs SEGUE_SHARD_COUNT (or --shard-count): the total number of shards")
    if not value:
        raise ValueError("names no shard; leave it unset to run every shard")
    outside = sorted({i for i in value if not 0 <= i < count})
    if outside:
        raise ValueError(f"shard ids must be within 0..{count - 1} for {count} shards; {outside} are not")
    twice = sorted({i for i in value if value.count(i) > 1})
    if twice:
        raise ValueError(f"shard ids must not repeat; {twice} appear more than once")
    return value


ShardIds = Annotated[list[int] | None, AfterValidator(_check_shard_ids)]
"""Checked against `shard_count`, which is declared (so validated) before it."""


class Settings(BaseSettings):
    """Every knob Segue has; the README's configuration table lists the same names and defaults."""

    model_config = SettingsConfigDict(
        env_prefix="SEGUE_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
    )

    # Files
    data_dir: Path = Field(Path("./data"), description="Built catalog, database and downloads.")
    datasets_dir: Path | None = Field(
        None, description="Local mirror of the source datasets (e.g. ../shared/data); used instead of downloading."
    )
    log_level: LogLevel = Field("INFO", description="Log level.")
    log_file: Path | None = Field(None, description="Also log to this file, rotated at 10 MB, 5 kept.")
    # --- Operations: log format, watchdog, control script (issue 12, sections 1-2) ---
    log_format: Literal["text", "json"] = Field(
        "text", description="text, or json: one JSON object per line with the request id of the interaction."
    )
    log_console: bool = Field(True, description="Log to stderr (`segue ctl start` turns it off: it logs to a file).")
    log_ring_lines: int = Field(2000, ge=10, le=100_000, description="Recent log lines kept for `/admin logs`.")
    watchdog_every: float = Field(5.0, gt=0, le=3600, description="Seconds between system samples and checks.")
    watchdog_rss_mb: float = Field(2048.0, gt=0, description="Warn when the process's resident memory passes this.")
    watchdog_disk_free_mb: float = Field(
        500.0, ge=0, description="Unhealthy (/healthz 503) when the data directory's disk has less free than this."
    )
    watchdog_disk_free_percent: float = Field(
        2.0, ge=0, le=100, description="Unhealthy when the data directory's disk has less than this percent free."
    )
    watchdog_loop_lag_ms: float = Field(250.0, gt=0, description="Warn when the event loop runs this late.")
    watchdog_errors_per_minute: float = Field(20.0, gt=0, description="Warn when errors shown to users pass this rate.")
    watchdog_gateway_down_s: float = Field(
        120.0, gt=0, description="Unhealthy after this many seconds without a Discord gateway connection."
    )
    ctl_start_timeout: float = Field(
        180.0, gt=0, description="Seconds `segue ctl start` waits for /healthz to say ready (catalog load included)."
    )
    ctl_stop_timeout: float = Field(
        30.0, gt=0, description="Seconds `segue ctl stop` waits for the graceful drain before SIGKILL."
    )
    # --- end operations ---

    # Engine
    default_count: int = Field(5, ge=1, le=10, description="Results per answer when the request names no count.")
    max_per_artist: int = Field(2, ge=1, le=10, description="At most this many tracks by one artist per answer.")
    max_query_chars: int = Field(500, ge=20, le=4000, description="Longest free-text request accepted.")
    ann_threshold: int = Field(
        300_000,
        ge=1,
        description="Sound similarity switches from exact search to an HNSW index above this many tracks "
        "(where exact search passes its latency budget: BENCHMARKS.md, ANN section).",
    )

    # Discord (the bot issue)
    discord_token: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("SEGUE_DISCORD_TOKEN", "DISCORD_TOKEN"),
        description="Bot token; without it `make run` starts the playground.",
    )
    discord_api_base: str = Field("https://discord.com/api/v10", description="Discord REST base URL.")
    discord_gateway_url: str | None = Field(None, description="Gateway URL; default asks GET /gateway/bot.")
    shard_count: int | None = Field(None, ge=1, description="Total shards (default: Discord's recommendation).")
    shard_ids: ShardIds = Field(
        None, description="Shards this process runs, e.g. [0,1] (needs SEGUE_SHARD_COUNT; `segue run --shard-ids 0,1`)."
    )
    # --- Several processes: the lease that picks who runs the singleton jobs (issue 10, section 3) ---
    lease_backend: Literal["auto", "local", "redis", "postgres"] = Field(
        "auto",
        description="What picks the one process that runs the singleton jobs (state cleanup, retention): a Redis "
        "lock, a PostgreSQL advisory lock, or this process alone (local). auto: Redis when SEGUE_REDIS_URL is set, "
        "else PostgreSQL when SEGUE_DATABASE_URL names one, else local.",
    )
    lease_name: str = Field(
        "singleton",
        pattern=r"^[A-Za-z0-9_.-]{1,64}$",
        description="Name of the lease; two deployments sharing one Redis or database need different names.",
    )
    lease_ttl: float = Field(
        6.0,
        ge=1,
        le=300,
        description="Seconds the lease lives unless renewed (every third of it): when its holder dies, another "
        "process takes over within about this long.",
    )
    cleanup_every: float = Field(
        600.0, gt=0, le=86_400, description="Seconds between runs of the singleton jobs in the lease holder."
    )
    # --- end lease ---
    # --- Bot (the Discord bot issue) ---
    free_text: bool = Field(
        True, description="Answer mentions, DMs and opted-in channels as requests (needs the message-content intent)."
    )
    bot_defer_after: float = Field(
        1.5, gt=0, le=2.5, description="Seconds of work after which an interaction is deferred (Discord allows 3)."
    )
    admission_slots: int = Field(4, ge=1, le=64, description="Requests doing engine work at once; the rest queue.")
    engine_processes: int = Field(
        1,
        ge=0,
        le=32,
        description="Worker processes that rank answers beside the bot's own (0: threads in the bot's process).",
    )
    admission_max_wait: float = Field(
        60.0, ge=1, le=840, description="Expected wait (s) past which a new request is told 'busy' at once."
    )
    admission_per_user: int = Field(3, ge=1, le=100, description="Requests one member may have queued or running.")
    sync_commands: bool = Field(True, description="Publish the slash-command list to Discord at start-up.")
    operator_ids: list[int] | None = Field(
        None,
        description=(
            "Discord user ids allowed bot-wide admin commands (sync, reload, cache-clear, metrics, errors) "
            "besides the application's owner and team, e.g. [123]."
        ),
    )
    # --- end bot ---
    metrics_host: str = Field("127.0.0.1", description="Host of the /metrics and /healthz endpoint.")
    metrics_port: int | None = Field(
        None, ge=0, le=65535, description="Port of the /metrics and /healthz endpoint (unset: off; 0: any free port)."
    )
    playground_host: str = Field("127.0.0.1", description="Playground web page host.")
    playground_port: int = Field(8080, ge=0, le=65535, description="Playground web page port.")

    # Shared state (the state and sources issues)
    redis_url: str | None = Field(
        None, description="Redis for the shared cache and rate limits, e.g. redis://127.0.0.1:6379/0."
    )
    database_url: str | None = Field(
        None,
        description="State database: postgresql://user@host/db to share it between shards; "
        "default SQLite (segue.db) in the data directory.",
    )
    database_migrate: bool = Field(True, description="Migrate the state database to the newest schema at start.")
    repeat_window_days: float = Field(
        30.0, ge=0, le=3650, description="Days during which /discover does not show a member a track again (0: off)."
    )
    analytics_retention_days: float = Field(
        90.0, ge=1, le=3650, description="Days analytics events are kept before the cleanup deletes them."
    )

    # Live sources
    lastfm_api_key: SecretStr | None = Field(None, description="Last.fm API key; enables the Last.fm source.")
    lastfm_api_base: str = Field("https://ws.audioscrobbler.com/2.0/", description="Last.fm API base URL.")
    listenbrainz_token: SecretStr | None = Field(None, description="ListenBrainz user token (optional).")
    listenbrainz_api_base: str = Field("https://api.listenbrainz.org", description="ListenBrainz API base URL.")
    deezer_api_base: str = Field("https://api.deezer.com", description="Deezer API base URL.")
    musicbrainz_api_base: str = Field("https://musicbrainz.org/ws/2", description="MusicBrainz API base URL.")
    spotify_client_id: SecretStr | None = Field(None, description="Spotify client id (search links only).")
    spotify_client_secret: SecretStr | None = Field(None, description="Spotify client secret.")

    # --- Infra: caches, rate limits, Redis, HTTP (added by the live-sources infrastructure issue) ---
    rate_user_per_minute: int = Field(15, ge=1, le=10_000, description="Requests per user per sliding minute.")
    rate_user_burst: int = Field(5, ge=1, le=1000, description="Requests a user may send back to back.")
    rate_user_burst_seconds: float = Field(
        10.0, gt=0, le=3600, description="The user burst refills fully over this many seconds."
    )
    rate_guild_per_minute: int = Field(120, ge=1, le=100_000, description="Requests per guild per sliding minute.")
    redis_timeout: float = Field(
        0.25, gt=0, le=1, description="Redis connect and command timeout in seconds (one retry, then fall back)."
    )
    redis_breaker_failures: int = Field(3, ge=1, le=100, description="Redis failures in a row before falling back.")
    redis_breaker_cooldown: float = Field(5.0, gt=0, le=600, description="Seconds before Redis is probed again.")
    cache_recommendations_size: int = Field(10_000, ge=1, description="In-process cached answers (entries).")
    cache_recommendations_ttl: float = Field(600.0, gt=0, description="Seconds a cached answer stays fresh.")
    cache_sources_size: int = Field(50_000, ge=1, description="In-process cached live-source responses.")
    cache_sources_ttl: float = Field(3600.0, gt=0, description="Seconds a live-source response stays fresh.")
    cache_tokens_size: int = Field(64, ge=1, description="In-process cached access tokens.")
    cache_tokens_ttl: float = Field(3000.0, gt=0, description="Upper bound on a cached token's life (seconds).")
    cache_queries_size: int = Field(20_000, ge=1, description="In-process cached parsed queries.")
    cache_queries_ttl: float = Field(3600.0, gt=0, description="Seconds a parsed query stays cached.")
    cache_negative_ttl: float = Field(300.0, gt=0, description="Seconds a 'not found' from a source is remembered.")
    http_max_retries: int = Field(2, ge=0, le=5, description="Retries of an idempotent live-source call.")
    http_breaker_failures: int = Field(5, ge=1, le=100, description="Failures in a row before a host's breaker opens.")
    http_breaker_cooldown: float = Field(30.0, gt=0, le=3600, description="Seconds before an open host is probed.")
    http_contact: str = Field(
        "", max_length=200, description="Contact (email or URL) in the User-Agent; MusicBrainz asks for one."
    )
    # --- end infra ---

    # --- Live sources and fusion (the live-sources issue, sections 2, 3, 6, 7) ---
    listenbrainz_enabled: bool = Field(
        False, description="Ask ListenBrainz (no key; SEGUE_LISTENBRAINZ_TOKEN also enables it and raises its limits)."
    )
    deezer_enabled: bool = Field(False, description="Ask Deezer: related artists, direct track links, 30 s previews.")
    musicbrainz_enabled: bool = Field(
        False, description="Ask MusicBrainz for ids, tags and streaming links (1 request/s; ListenBrainz needs ids)."
    )
    spotify_api_base: str = Field("https://api.spotify.com/v1", description="Spotify Web API base URL.")
    spotify_accounts_base: str = Field("https://accounts.spotify.com", description="Spotify accounts (token) base URL.")
    sources_deadline: float = Field(
        1.2, gt=0.05, le=2.8, description="Seconds every live source together gets per answer (Discord allows 3)."
    )
    llm_base_url: str | None = Field(
        None,
        description="OpenAI-compatible chat endpoint, e.g. http://127.0.0.1:11434/v1; with SEGUE_LLM_MODEL it "
        "interprets free text the deterministic parser cannot.",
    )
    llm_model: str | None = Field(None, max_length=200, description="Model name sent to the LLM endpoint.")
    llm_api_key: SecretStr | None = Field(None, description="Bearer key for the LLM endpoint (optional).")
    llm_timeout: float = Field(2.5, gt=0.1, le=30, description="Seconds an LLM interpretation may take.")

    @field_validator("spotify_api_base", "spotify_accounts_base", "llm_base_url")
    @classmethod
    def _source_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return value.rstrip("/")

    # --- end live sources ---

    @field_validator(
        "discord_api_base", "lastfm_api_base", "listenbrainz_api_base", "deezer_api_base", "musicbrainz_api_base"
    )
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return value.rstrip("/") if not value.endswith("/2.0/") else value

    @property
    def catalog_dir(self) -> Path:
        """Where the built catalog lives."""
        return self.data_dir / "catalog"

    @property
    def names_file(self) -> Path:
        """Where a process keeps the catalog's built name indexes for the next one (`Catalog.save_names`)."""
        return self.data_dir / "catalog-names.marshal"

    @property
    def parser_tables_file(self) -> Path:
        """Where a process keeps what the request parser read out of the catalog for the next one
        (`segue.engine.query.tables`)."""
        return self.data_dir / "parser-tables.marshal"

    @property
    def downloads_dir(self) -> Path:
        """Where downloaded source datasets are kept."""
        return self.data_dir / "datasets"

    @property
    def log_level_number(self) -> int:
        """The level as the logging module's integer."""
        return int(logging.getLevelName(self.log_level))


def load_settings(**overrides: object) -> Settings:
    """Read and validate settings; any problem becomes one `ConfigError` naming each variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = "_".join(str(p) for p in err["loc"]).upper() or "?"
            problems.append(f"SEGUE_{name}: {err['msg']} (got {err.get('input')!r})")
        raise ConfigError(
            "invalid settings: " + "; ".join(problems), user_message="Invalid settings:\n  " + "\n  ".join(problems)
        ) from exc
